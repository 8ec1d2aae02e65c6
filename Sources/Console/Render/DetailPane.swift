import Complaints
import Foundation
import TextCanvas

/// One line of the detail pane before scrolling.
struct StyledLine: Hashable {
    var text: String
    var role: StyleRole
    /// Extra left margin (wrapped continuation lines keep it).
    var indent: Int = 0
}

/// The whole report: flags first and impossible to miss, the reporter (masked when *anonim* applies to
/// this operator), the text wrapped by display width, attachments, and the trail with internal notes
/// visibly apart from public replies.
enum DetailPane {
    static func draw(_ c: inout Canvas, _ s: ConsoleState, _ r: Rect) {
        let focused = s.focus == .detail && s.overlay == nil
        guard let report = s.currentReport else {
            c.box(r, role: focused ? Roles.paneBorderFocused : Roles.paneBorder, title: s.text(Localized("Rincian", en: "Details")))
            c.put(s.text(Localized("Pilih laporan di kotak masuk.", en: "Pick a report in the inbox.")),
                  at: r.origin.offset(dx: 2, dy: 1), role: Roles.detailMuted, clipWidth: r.width - 3)
            if focused { c.cursor = r.origin.offset(dx: 1, dy: 1) }
            return
        }
        c.box(r, role: focused ? Roles.paneBorderFocused : Roles.paneBorder,
              title: "#\(report.id) · \(statusText(report, s.language))")
        let inner = r.inset(top: 1, left: 2, bottom: 1, right: 1)
        guard inner.width > 2, inner.height > 0 else { return }
        let lines = wrappedLines(for: report, s, width: inner.width)
        let maxScroll = max(0, lines.count - inner.height)
        let top = min(s.detail.scroll, maxScroll)
        for (i, line) in lines.dropFirst(top).prefix(inner.height).enumerated() {
            c.put(String(repeating: " ", count: line.indent) + line.text, at: Point(x: inner.x, y: inner.y + i),
                  role: line.role, clipWidth: inner.width)
        }
        if lines.count > inner.height {
            let more = top < maxScroll ? "↓ \(lines.count - top - inner.height)" : "■"
            c.put(" \(more) ", at: Point(x: r.maxX - more.displayWidth - 3, y: r.maxY - 1), role: Roles.paneTitle)
        }
        if focused { c.cursor = inner.origin }
    }

    /// How far the pane can scroll: its wrapped lines less the rows it shows (nil without a report or pane).
    static func maxScroll(_ s: ConsoleState) -> Int? {
        guard let report = s.currentReport, let r = s.layout.detail else { return nil }
        let inner = r.inset(top: 1, left: 2, bottom: 1, right: 1)
        guard inner.width > 2, inner.height > 0 else { return nil }
        return max(0, wrappedLines(for: report, s, width: inner.width).count - inner.height)
    }

    /// The first `count` of `lines`, the last one ending in "…" when some were left out (QA: the routing
    /// pane's proposal stopped mid-name at a small height with no sign of it).
    static func clipped(_ lines: [StyledLine], to count: Int, width: Int) -> [StyledLine] {
        guard lines.count > count, count > 0 else { return Array(lines.prefix(count)) }
        var shown = Array(lines.prefix(count))
        let last = shown[count - 1]
        shown[count - 1].text = TextFit.truncate(last.text + " …", width: max(1, width - last.indent))
        return shown
    }

    static func wrap(_ lines: [StyledLine], width: Int) -> [StyledLine] {
        var out: [StyledLine] = []
        for line in lines {
            let avail = max(4, width - line.indent)
            let pieces = line.text.isEmpty ? [""] : TextFit.wrap(line.text, width: avail)
            for p in pieces { out.append(StyledLine(text: p, role: line.role, indent: line.indent)) }
        }
        return out
    }

    /// Every line of the pane before wrapping.
    static func lines(for r: Report, _ s: ConsoleState) -> [StyledLine] {
        let (head, tail) = parts(for: r, s)
        return head + bodyLines(r, s.language) + tail
    }

    /// The report's status as the pane heads it: a report its agency sent back reads as returned, as its
    /// inbox row does, not "Terdisposisi" (QA: the two disagreed while it waited at the national desk).
    static func statusText(_ r: Report, _ l: Language) -> String {
        r.returned != nil ? Badges.returned(l) : r.status.label.text(l)
    }

    /// A field's text as shown: erased personal data reads as the mark in the officer's language, where the
    /// desk's state holds the Indonesian one (QA: "[dihapus]" in the English console). Only for a field
    /// that was erased: a reporter who wrote "[dihapus]" is quoted as written.
    static func shown(_ value: String, field: String, of r: Report, _ l: Language) -> String {
        value == Report.redactionMark && r.redactedFields.contains(field) ? Localized(Report.redactionMark, en: "[redacted]").text(l) : value
    }

    /// The lines wrapped to `width`, the report's text from `WrappedBodies`: read back from the journal and
    /// wrapped on every frame, a 5 MB body made each key take a second while its report was selected (QA).
    static func wrappedLines(for r: Report, _ s: ConsoleState, width: Int) -> [StyledLine] {
        let (head, tail) = parts(for: r, s)
        // An erased body is one short line in the officer's language: nothing to read back or keep.
        let body = r.redactedFields.contains("body") ? wrap(bodyLines(r, s.language), width: width)
            : WrappedBodies.shared.lines(of: r, width: width) { wrap(bodyLines(r, s.language), width: width) }
        return wrap(head, width: width) + body + wrap(tail, width: width)
    }

    /// A title as long as a few lines of the pane at most: a 5,000-character title put the report's fields
    /// 135 lines down (QA). The inbox and `show` keep the whole title.
    static func shortened(_ title: String) -> String {
        TextFit.truncate(title, width: titleWidth)
    }

    private static let titleWidth = 300

    static func bodyLines(_ r: Report, _ l: Language) -> [StyledLine] {
        shown(r.body, field: "body", of: r, l).split(separator: "\n", omittingEmptySubsequences: false).map { StyledLine(text: String($0), role: Roles.detailText, indent: 2) }
    }

    /// The lines before the report's text and after it.
    private static func parts(for r: Report, _ s: ConsoleState) -> (head: [StyledLine], tail: [StyledLine]) {
        let l = s.language
        func t(_ id: String, _ en: String) -> String { Localized(id, en: en).text(l) }
        var out: [StyledLine] = []
        if s.detail.changedUnderneath, s.detail.reportID == r.id {
            // From the routing pane Esc comes back here first; in the detail pane (or the inbox, whose
            // highlighted row this is) Enter reloads.
            out.append(StyledLine(text: s.focus == .routing
                                      ? t("⚠ Laporan ini baru diubah oleh petugas lain. Tekan Esc lalu Enter untuk memuat ulang.",
                                          "⚠ Another officer just changed this report. Press Esc then Enter to reload.")
                                      : t("⚠ Laporan ini baru diubah oleh petugas lain. Tekan Enter untuk memuat ulang.",
                                          "⚠ Another officer just changed this report. Press Enter to reload."), role: Roles.detailWarning))
        }
        if r.anonymous {
            out.append(StyledLine(text: t("▌ANONIM▐ identitas pelapor hanya untuk Admin Nasional",
                                          "▌ANONYMOUS▐ reporter identity for the national desk only"), role: Roles.flagAnonim))
        }
        if r.confidential {
            out.append(StyledLine(text: t("▌RAHASIA▐ tidak pernah dipublikasikan", "▌CONFIDENTIAL▐ never made public"), role: Roles.flagRahasia))
        }
        let (badge, badgeRole) = Badges.deadline(r, s)
        out.append(StyledLine(text: "\(statusText(r, l)) · \(badge)", role: badgeRole))
        if let back = r.returned {
            out.append(StyledLine(text: t("Dikembalikan oleh \(s.env.agencyName(back.agency)) (bukan wewenang): \(back.reason)",
                                          "Sent back by \(s.env.agencyName(back.agency)) (not their authority): \(back.reason)"),
                                  role: Roles.detailWarning))
        }
        // One-line fields are made one line before wrapping: a CR or NEL in a title must show as a placeholder,
        // not break the line and draw what looks like the pane's own fields (QA: a title faked "Diterima:").
        out.append(StyledLine(text: shortened(Sanitize.line(shown(r.title, field: "title", of: r, l))), role: Roles.detailHeading))
        if r.title != r.originalTitle {
            out.append(StyledLine(text: t("Judul asli: ", "Original title: ") + shortened(Sanitize.line(shown(r.originalTitle, field: "title", of: r, l))),
                                  role: Roles.detailMuted))
        }
        out.append(StyledLine(text: "", role: Roles.detailText))
        func field(_ label: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            out.append(StyledLine(text: "\(label): \(Sanitize.line(value))", role: Roles.detailText))
        }
        field(t("Diterima", "Received"), DeskTimeText.long(r.receivedAt, offset: s.env.utcOffsetSeconds, language: l) + " · "
              + s.text(DeskReportLabels.channel(r.channel)) + (r.externalID.map { " · \($0)" } ?? ""))
        // The instant behind the badge (QA: a postponed report said only "DITUNDA", and when the reporter's
        // time ran out was found only by trying to archive it).
        let deadlines = s.env.deadlines
        let when = { (d: Date) in DeskTimeText.long(d, offset: s.env.utcOffsetSeconds, language: l) + " " + s.env.zoneName }
        if let due = deadlines.runningDue(of: r) {
            field(r.status == .tunda ? t("Batas jawaban pelapor", "Reporter's time runs out") : t("Tenggat", "Due"), when(due))
        }
        if let close = deadlines.autoCloseDue(of: r) { field(t("Tutup otomatis", "Closes by itself"), when(close)) }
        field(t("Klasifikasi", "Classification"), s.text(r.classification.label))
        field(t("Kategori", "Category"), [r.category, r.subcategory].compactMap { $0 }.joined(separator: " › "))
        let loc = r.location
        field(t("Lokasi", "Place"), [loc.detail.map { shown($0, field: "location.detail", of: r, l) }, loc.district, loc.regency, loc.province]
            .compactMap { $0 }.joined(separator: ", "))
        field(t("Tanggal kejadian", "Incident date"), r.intake.incidentDate)
        if let agency = r.agency {
            field(t("Instansi", "Agency"), s.env.agencyName(agency) + (s.env.unitName(r.unit, in: agency).map { " › \($0)" } ?? ""))
        }
        if r.priority != .normal { field(t("Prioritas", "Priority"), s.text(r.priority.label)) }
        if !r.tags.isEmpty { field("Tag", r.tags.joined(separator: ", ")) }
        if let dup = r.duplicateOf { field(t("Duplikat dari", "Duplicate of"), "#\(dup)") }
        out.append(StyledLine(text: "", role: Roles.detailText))
        out.append(StyledLine(text: t("Pelapor", "Reporter"), role: Roles.detailLabel))
        if s.mayShowIdentity(r) {
            let p = r.reporter
            if p.isEmpty { out.append(StyledLine(text: t("(tanpa identitas)", "(no identity given)"), role: Roles.detailMuted, indent: 2)) }
            for (label, field, value) in [(t("Nama", "Name"), "reporter.name", p.name), ("NIK", "reporter.nik", p.nik),
                                          (t("Telepon", "Phone"), "reporter.phone", p.phone), ("Email", "reporter.email", p.email)] {
                guard let value else { continue }
                out.append(StyledLine(text: "\(label): \(Sanitize.line(shown(value, field: field, of: r, l)))", role: Roles.detailText, indent: 2))
            }
        } else {
            out.append(StyledLine(text: t("Identitas disembunyikan (anonim) — hanya Admin Nasional yang dapat melihat.",
                                          "Identity hidden (anonymous) — only the national desk can see it."), role: Roles.flagAnonim, indent: 2))
        }
        if !r.reporter.groups.isEmpty, s.mayShowIdentity(r) {
            out.append(StyledLine(text: t("Kelompok: ", "Groups: ") + r.reporter.groups.map { s.text($0.label) }.joined(separator: ", "),
                                  role: Roles.detailText, indent: 2))
        }
        out.append(StyledLine(text: "", role: Roles.detailText))
        out.append(StyledLine(text: t("Isi laporan", "Report"), role: Roles.detailLabel))
        let head = out
        out = []
        if !r.intake.attachments.isEmpty {
            out.append(StyledLine(text: "", role: Roles.detailText))
            out.append(StyledLine(text: t("Lampiran", "Attachments"), role: Roles.detailLabel))
            for a in r.intake.attachments {
                let name = shown(a.name, field: "attachments", of: r, l)
                out.append(StyledLine(text: "📎 " + Sanitize.line(name + (a.ref.map { "  (\($0))" } ?? "")), role: Roles.detailText, indent: 2))
            }
        }
        out.append(StyledLine(text: "", role: Roles.detailText))
        out.append(StyledLine(text: t("Riwayat", "Trail"), role: Roles.detailLabel))
        for entry in r.trail {
            out += trailLines(entry, r, s)
        }
        return (head, out)
    }

    static func trailLines(_ e: TrailEntry, _ r: Report, _ s: ConsoleState) -> [StyledLine] {
        let l = s.language
        let (tag, role): (String, StyleRole) = switch e.visibility {
        case .internal_: (Localized("[INTERNAL]", en: "[INTERNAL]").text(l), Roles.trailInternal)
        case .publik: (Localized("[PUBLIK]", en: "[PUBLIC]").text(l), Roles.trailPublic)
        case .pelapor: (Localized("[PELAPOR]", en: "[REPORTER]").text(l), Roles.trailReporter)
        }
        let when = DeskTimeText.short(e.at, offset: s.env.utcOffsetSeconds, language: l)
        var head = "\(when) \(tag) \(e.actor.name) (\(s.text(e.actor.role.label))) — \(s.text(UIText.eventLabel(e.event)))"
        var body: String?
        switch e.event {
        case let .disposed(d):
            head += ": " + s.env.agencyName(d.agency) + (s.env.unitName(d.unit, in: d.agency).map { " › \($0)" } ?? "")
            if let from = d.fromAgency { head += Localized(" (dari \(s.env.agencyName(from)))", en: " (from \(s.env.agencyName(from)))").text(l) }
            if let rule = d.rule { head += Localized(" [aturan \(rule)]", en: " [rule \(rule)]").text(l) }
            body = d.note
        case let .postponed(q): body = q
        case let .reporterReplied(text, _), let .followedUp(text, _), let .disputed(text): body = text
        case let .accepted(text): body = text
        case let .archived(reason, note, dup):
            head += ": " + s.text(reason.label) + (dup.map { " #\($0)" } ?? "")
            body = note
        case let .deleted(reason, note):
            head += ": " + s.text(reason.label)
            body = note
        case let .assignedToUnit(unit): head += ": " + (s.env.unitName(unit, in: r.agency) ?? unit)
        case let .sentBack(reason): body = reason
        case let .titleEdited(title): body = Sanitize.line(shown(title, field: "title", of: r, l))
        case let .classified(c, cat, sub):
            body = [c.map { s.text($0.label) }, cat, sub].compactMap { $0 }.joined(separator: " › ")
        case let .flagsSet(a, c):
            var parts: [String] = []
            func yesNo(_ v: Bool) -> String { s.text(v ? Localized("ya", en: "yes") : Localized("tidak", en: "no")) }
            if let a { parts.append(s.text(Localized("anonim", en: "anonymous")) + ": " + yesNo(a)) }
            if let c { parts.append(s.text(Localized("rahasia", en: "confidential")) + ": " + yesNo(c)) }
            body = parts.joined(separator: ", ")
        case let .tagged(add, remove): body = (add.map { "+\($0)" } + remove.map { "-\($0)" }).joined(separator: " ")
        case let .prioritySet(p): head += ": " + s.text(p.label)
        case let .noteAdded(text), let .replyPosted(text): body = text
        case let .duplicateLinked(original): head += ": #\(original)"
        case let .redacted(fields, reason): body = fields.joined(separator: ", ") + " — " + reason
        case .received, .autoClosed: break
        }
        var out = [StyledLine(text: head, role: role, indent: 2)]
        if let body, !body.isEmpty {
            for para in body.split(separator: "\n", omittingEmptySubsequences: false) {
                out.append(StyledLine(text: "│ " + para, role: role, indent: 4))
            }
        }
        return out
    }
}
