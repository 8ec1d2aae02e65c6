import Complaints
import Foundation
import TextCanvas

/// Help, prompt, forms, confirmations and menus, drawn over the panes.
enum OverlayView {
    static func draw(_ c: inout Canvas, _ s: ConsoleState, _ overlay: Overlay) {
        // A dialog opened from the Laporan view (its period & scope form, help) is drawn over that view,
        // not over the inbox it hides.
        if overlay != .reports, s.reportsView != nil { ReportsView.draw(&c, s) }
        switch overlay {
        case let .help(scroll): drawHelp(&c, s, scroll)
        case let .prompt(p): drawPrompt(&c, s, p)
        case let .form(f): drawForm(&c, s, f)
        case let .confirm(conf): drawConfirm(&c, s, conf)
        case let .menu(m): drawMenu(&c, s, m)
        case .reports: ReportsView.draw(&c, s)
        }
    }

    /// A centred box of at most `width`×`height`, inside the screen.
    static func box(_ c: inout Canvas, _ s: ConsoleState, width: Int, height: Int, title: String) -> Rect {
        let r = boxRect(s, width: width, height: height)
        c.fill(r, role: Roles.overlay)
        c.box(r, role: Roles.overlayBorder, title: title)
        return r
    }

    /// Centred under the title bar. While a message is shown the box also ends above its rows (QA: at 44×12
    /// a form's border covered the first rows of a wrapped refusal, leaving "the change and try again." alone);
    /// without one it may take the status line, as it always has, but never the key-hint row or the training
    /// strips under it (QA: at 80×24 with the lesson and presenter strips the archive form covered "C-s/F2 simpan").
    static func boxRect(_ s: ConsoleState, width: Int, height: Int) -> Rect {
        let bottom = s.statusMessageLines.isEmpty ? max(2, min(s.size.height - 1, s.layout.hints.y)) : max(2, s.layout.statusLine.y)
        let w = min(width, s.size.width - 2)
        let h = max(1, min(height, bottom - 1))
        var y = max(1, (s.size.height - h) / 2)
        if y + h > bottom { y = max(1, bottom - h) }
        return Rect(x: (s.size.width - w) / 2, y: y, width: w, height: h)
    }

    /// Where the help text goes inside its box.
    static func helpTextRect(_ s: ConsoleState) -> Rect {
        boxRect(s, width: 76, height: s.size.height - 2).inset(top: 1, left: 2, bottom: 1, right: 1)
    }

    /// The furthest the help scrolls: its last line at the bottom of the box.
    static func helpMaxScroll(_ s: ConsoleState) -> Int {
        let inner = helpTextRect(s)
        return max(0, DetailPane.wrap(helpLines(s), width: inner.width).count - inner.height)
    }

    /// Help generated from the live key table: every command, its keys in this pane, what it does.
    static func helpLines(_ s: ConsoleState) -> [StyledLine] {
        var out: [StyledLine] = []
        let l = s.language
        func t(_ id: String, _ en: String) -> String { Localized(id, en: en).text(l) }
        // Opened over the Laporan view: its own keys (the panes' keys do not act there).
        if s.reportsView != nil { return reportsHelpLines(s) }
        // The lesson's step whole, first: a narrow strip may cut it (QA: at 60x20 the end of the instruction,
        // the point of the step, was shown nowhere).
        if let lesson = s.lesson, let step = lesson.cursor.currentStep {
            out.append(StyledLine(text: t("Langkah \(lesson.cursor.position + 1)/\(lesson.cursor.stepCount): ",
                                          "Step \(lesson.cursor.position + 1)/\(lesson.cursor.stepCount): ") + s.text(step.instruction),
                                  role: Roles.overlayTitle))
            out.append(StyledLine(text: "", role: Roles.overlay))
        }
        out.append(StyledLine(text: t("Tombol untuk panel: ", "Keys for pane: ") + paneName(s.focus, l), role: Roles.overlayTitle))
        let available = s.currentReport.map { Access.available(on: $0, for: s.env.operatorOnDuty) } ?? []
        let allowed = Access.commands(for: s.env.operatorOnDuty.role)
        for cmd in ConsoleCommand.all {
            if case let .act(kind) = cmd, !allowed.contains(kind) { continue }
            let keys = s.keymap.keys(for: cmd, in: s.focus).map(\.shownName)
            guard !keys.isEmpty else { continue }
            var line = TextFit.pad(keys.prefix(3).joined(separator: " "), width: 14) + s.text(cmd.label)
            if case let .act(kind) = cmd, !available.contains(kind) { line += t("  (tidak untuk laporan ini)", "  (not for this report)") }
            out.append(StyledLine(text: line, role: Roles.overlay))
        }
        out.append(StyledLine(text: "", role: Roles.overlay))
        out.append(StyledLine(text: t(":perintah menjalankan perintah yang sama dengan namanya (Tab melengkapi), mis. :dispose, :archive, :2600012",
                                      ":command runs the same commands by name (Tab completes), e.g. :dispose, :archive, :2600012"),
                              role: Roles.detailMuted))
        out.append(StyledLine(text: t("Di panel rute, ketik nama instansi untuk mencari; Enter mendisposisikan.",
                                      "In the routing pane, type an agency's name to search; Enter disposes."), role: Roles.detailMuted))
        // QA: "TERLAMBAT <1h" read as "less than an hour late".
        out.append(StyledLine(text: t("Tenggat dihitung dalam hari kerja: \"3h lagi\" = tenggat dalam 3 hari kerja (lebih dari 2), \"TERLAMBAT <1h\" = terlambat kurang dari sehari kerja.",
                                      "Deadlines count working days: \"3d left\" = due within 3 working days (more than 2), \"OVERDUE <1d\" = late by less than a working day."),
                              role: Roles.detailMuted))
        out.append(StyledLine(text: t("Kolom S (kotak masuk sempit): ", "Column S (narrow inbox): ") + Badges.statusLegend(l),
                              role: Roles.detailMuted))
        out += BimtekRows.helpLines(s)
        return out
    }

    /// The keys of the Laporan view, from the table its handler answers with.
    static func reportsHelpLines(_ s: ConsoleState) -> [StyledLine] {
        let keys = ReportsKeys.table.map { ReportsKeys.names($0, separator: " ") }
        let width = (keys.map(\.count).max() ?? 0) + 2
        return [StyledLine(text: s.text(Localized("Tombol di Laporan", en: "Keys in Reports")), role: Roles.overlayTitle)]
            + zip(keys, ReportsKeys.table).map {
                StyledLine(text: TextFit.pad($0.0, width: width) + s.text($0.1.help), role: Roles.overlay)
            }
    }

    static func paneName(_ p: Pane, _ l: Language) -> String {
        switch p {
        case .inbox: Localized("Kotak Masuk", en: "Inbox").text(l)
        case .detail: Localized("Rincian", en: "Details").text(l)
        case .routing: Localized("Rute", en: "Routing").text(l)
        }
    }

    static func drawHelp(_ c: inout Canvas, _ s: ConsoleState, _ scroll: Int) {
        let r = box(&c, s, width: 76, height: s.size.height - 2, title: s.text(Localized("Bantuan — tombol", en: "Help — keys")))
        let inner = helpTextRect(s)
        let lines = DetailPane.wrap(helpLines(s), width: inner.width)
        let maxScroll = max(0, lines.count - inner.height)
        let top = min(scroll, maxScroll)
        for (i, line) in lines.dropFirst(top).prefix(inner.height).enumerated() {
            c.put(line.text, at: Point(x: inner.x, y: inner.y + i), role: line.role, clipWidth: inner.width)
        }
        // How much is left below, as the detail pane says it (QA: at 44×12 help showed 6 of 60 lines with no sign
        // of the rest).
        if lines.count > inner.height, r.width > 8 {
            let more = top < maxScroll ? "↓ \(lines.count - top - inner.height)" : "■"
            c.put(" \(more) ", at: Point(x: r.maxX - more.displayWidth - 3, y: r.maxY - 1), role: Roles.overlayBorder)
        }
        c.cursor = inner.origin
    }

    /// Columns for the text of the `:` and `/` prompts: the status line after the lead character.
    static func promptTextWidth(_ s: ConsoleState) -> Int { max(1, s.layout.statusLine.width - 1) }

    static func drawPrompt(_ c: inout Canvas, _ s: ConsoleState, _ p: PromptState) {
        let r = s.layout.statusLine
        c.fill(r, role: Roles.fieldInput)
        let lead = p.kind == .command ? ":" : "/"
        let x0 = c.put(lead, at: r.origin, role: Roles.fieldFocused)
        // The whole line after the lead character, scrolled sideways to keep the caret visible.
        let line = p.buffer.lineLayout(width: promptTextWidth(s))
        c.put(line.text, at: Point(x: x0, y: r.y), role: Roles.fieldInput, clipWidth: r.width - 1)
        c.cursor = Point(x: x0 + line.cursorX, y: r.y)
        if p.kind == .command, !p.completions.isEmpty, p.completions.count > 1 || p.completions.first != p.buffer.text {
            let hintRow = s.layout.hints
            c.fill(hintRow, role: Roles.hints)
            c.put(" " + p.completions.prefix(12).joined(separator: "  "), at: hintRow.origin, role: Roles.hints, clipWidth: hintRow.width)
        }
    }

    /// Rows a field takes: its label, its input (multiline: 4 rows) and one blank row after it.
    static func formFieldHeight(_ field: FormField) -> Int {
        if case let .text(_, multiline) = field.value, multiline { return 6 }
        return 3
    }

    static let formWidth = 72

    /// Most rows a form's error wraps onto (the status line below repeats a refusal from the journal whole).
    static let formErrorMaxRows = 3

    /// Columns of a form's one-line field: the box's inside (the box is at most `formWidth` wide, and two
    /// columns narrower than the screen).
    static func formLineWidth(_ s: ConsoleState) -> Int {
        max(1, boxRect(s, width: formWidth, height: 1).width - 4)
    }

    static func drawForm(_ c: inout Canvas, _ s: ConsoleState, _ f: FormState) {
        let width = min(formWidth, s.size.width - 2)
        let innerWidth = formLineWidth(s)
        // QA: an error longer than the box was cut mid-sentence ("… dan 'dari' tidak setelah"). It wraps (up to
        // `formErrorMaxRows` rows), leaving the focused field's label and one input row; a cut last row ends in "…".
        func errorLines(rows: Int) -> [String] {
            f.error.map { TextFit.wrap("✗ " + $0, width: max(1, width - 4), maxLines: max(1, rows)) } ?? []
        }
        // An explanation wraps too, up to three rows (QA: the original title kept by "Ubah judul" was cut).
        let explanation = f.explanation.flatMap { TextFit.wrap($0, width: max(1, width - 4), maxLines: 3) }
        let needed = 2 + explanation.count + errorLines(rows: formErrorMaxRows).count + f.fields.map(formFieldHeight).reduce(0, +) - 1
        let r = box(&c, s, width: width, height: needed, title: f.title)
        let inner = r.inset(top: 1, left: 2, bottom: 1, right: 2)
        var y = inner.y
        for e in explanation.prefix(max(0, inner.maxY - y - 1)) {
            c.put(TextFit.truncate(e, width: inner.width), at: Point(x: inner.x, y: y), role: Roles.detailMuted, clipWidth: inner.width)
            y += 1
        }
        for line in errorLines(rows: min(formErrorMaxRows, inner.maxY - y - 2)) {
            c.put(line, at: Point(x: inner.x, y: y), role: Roles.fieldError, clipWidth: inner.width)
            y += 1
        }
        // When the fields do not all fit, start late enough that the focused field is whole on screen.
        var first = 0
        while first < f.focus,
              f.fields[first...f.focus].map(formFieldHeight).reduce(0, +) - 1 > inner.maxY - y {
            first += 1
        }
        for (i, field) in f.fields.enumerated().dropFirst(first) {
            let focused = i == f.focus
            // A short box (a message below it, a small terminal) gives the focused field's input fewer rows
            // rather than none: what the officer types stays on screen.
            let inputRows = focused ? min(formFieldHeight(field) - 2, inner.maxY - y - 1) : formFieldHeight(field) - 2
            guard inputRows >= 1, y + 1 + inputRows <= inner.maxY else { break }
            c.put(field.label + (field.required ? " *" : ""), at: Point(x: inner.x, y: y),
                  role: focused ? Roles.fieldFocused : Roles.fieldLabel, clipWidth: inner.width)
            y += 1
            switch field.value {
            case let .text(buffer, multiline) where !multiline:
                // One row: the whole width, scrolled sideways to keep the caret visible (not the wrapped tail).
                let line = buffer.lineLayout(width: formLineWidth(s))
                c.fill(Rect(x: inner.x, y: y, width: inner.width, height: inputRows), role: Roles.fieldInput)
                c.put(line.text, at: Point(x: inner.x, y: y), role: Roles.fieldInput, clipWidth: inner.width)
                if focused { c.cursor = Point(x: inner.x + line.cursorX, y: y) }
            case let .text(buffer, _):
                let layout = buffer.layout(width: max(1, min(innerWidth, inner.width)), height: inputRows)
                c.fill(Rect(x: inner.x, y: y, width: inner.width, height: inputRows), role: Roles.fieldInput)
                for (k, row) in layout.rows.prefix(inputRows).enumerated() {
                    c.put(row, at: Point(x: inner.x, y: y + k), role: Roles.fieldInput, clipWidth: inner.width)
                }
                if focused { c.cursor = Point(x: inner.x + layout.cursor.x, y: y + layout.cursor.y) }
            case let .choice(options, selected):
                let label = options.indices.contains(selected) ? options[selected].label : "-"
                let text = choiceText(label, selected: selected, count: options.count, width: inner.width)
                c.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), role: Roles.fieldInput)
                c.put(text, at: Point(x: inner.x, y: y), role: focused ? Roles.fieldFocused : Roles.fieldInput, clipWidth: inner.width)
                if focused { c.cursor = Point(x: inner.x, y: y) }
            }
            y += inputRows + 1
        }
    }

    /// A choice field's line: `◀ label ▶  (n/N)`. A label too long for the width is cut with `…` so the arrows
    /// and the position stay in view (QA: long topic and unit names ran off the form, taking both with them);
    /// only a form too narrow for even that drops the position, then cuts the line.
    static func choiceText(_ label: String, selected: Int, count: Int, width: Int) -> String {
        let position = count > 1 ? "  (\(selected + 1)/\(count))" : ""
        for tail in [position, ""] {
            let room = width - 4 - DisplayWidth.of(tail)
            guard room >= min(8, DisplayWidth.of(label)) else { continue }
            var cut = TextFit.truncate(label, width: room)
            // "Pencegahan…", not "Pencegahan …": a space before the ellipsis reads as a finished word.
            while cut.hasSuffix(" …") { cut = String(cut.dropLast(2)) + "…" }
            return "◀ " + cut + " ▶" + tail
        }
        return TextFit.truncate("◀ " + label + " ▶", width: width)
    }

    static func drawConfirm(_ c: inout Canvas, _ s: ConsoleState, _ conf: Confirmation) {
        // Sized by the lines as wrapped at the width the box will have (QA: at 44 columns the warning took four
        // rows in a box sized for one, and its end was dropped).
        let innerWidth = boxRect(s, width: 70, height: 1).width - 4
        let lines = DetailPane.wrap(conf.lines.map { StyledLine(text: $0, role: Roles.detailWarning) }, width: max(1, innerWidth))
        let r = box(&c, s, width: 70, height: lines.count + 4, title: conf.title) // borders, a blank row, the question
        let inner = r.inset(top: 1, left: 2, bottom: 1, right: 2)
        var y = inner.y
        for line in lines {
            guard y < inner.maxY - 1 else { break }
            c.put(line.text, at: Point(x: inner.x, y: y), role: line.role, clipWidth: inner.width)
            y += 1
        }
        let ask = s.text(Localized("Lanjutkan? y = ya, n = tidak", en: "Go ahead? y = yes, n = no"))
        c.put(ask, at: Point(x: inner.x, y: inner.maxY - 1), role: Roles.fieldFocused, clipWidth: inner.width)
        c.cursor = Point(x: inner.x, y: inner.maxY - 1)
    }

    static func drawMenu(_ c: inout Canvas, _ s: ConsoleState, _ m: MenuState) {
        let r = box(&c, s, width: 52, height: m.items.count + 2, title: m.title)
        let inner = r.inset(top: 1, left: 1, bottom: 1, right: 1)
        let window = ScrollWindow(cursor: m.cursor, count: m.items.count, height: inner.height)
        for index in window.visible {
            let cmd = m.items[index]
            let key = s.keymap.keys(for: cmd, in: s.focus).first?.shownName ?? ""
            let y = inner.y + index - window.top
            let role = index == m.cursor ? Roles.routingSelected : Roles.overlay
            c.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), role: role)
            c.put(" " + TextFit.pad(key, width: 4) + s.text(cmd.label), at: Point(x: inner.x, y: y), role: role, clipWidth: inner.width)
            if index == m.cursor { c.cursor = Point(x: inner.x, y: y) }
        }
        // Items above and below the window, on the frame as help shows them (QA: at 44×12 the menu showed some
        // actions with no sign of the others).
        let above = window.top, below = m.items.count - window.top - window.visible.count
        if above > 0 || below > 0, r.width > 12 {
            let more = [above > 0 ? "↑ \(above)" : nil, below > 0 ? "↓ \(below)" : nil].compactMap { $0 }.joined(separator: " ")
            c.put(" \(more) ", at: Point(x: r.maxX - more.displayWidth - 3, y: r.maxY - 1), role: Roles.overlayBorder)
        }
    }
}
