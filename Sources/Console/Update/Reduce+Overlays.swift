import Complaints
import Foundation
import TextCanvas

extension ConsoleReducer {
    static func handleOverlayKey(_ s: inout ConsoleState, _ key: Key) -> [ConsoleEffect] {
        guard let overlay = s.overlay else { return [] }
        switch overlay {
        case let .help(scroll):
            return handleHelpKey(&s, scroll, key)
        case var .prompt(p):
            return handlePromptKey(&s, &p, key)
        case var .form(f):
            return handleFormKey(&s, &f, key)
        case let .confirm(c):
            switch key {
            case .char("y"), .char("Y"), .enter:
                s.overlay = nil
                if c.resetsPractice { return confirmResetPractice(&s) }
                return submit(&s, c.requests)
            case .char("n"), .char("N"), .escape, .char("q"):
                s.overlay = nil
                s.message = StatusMessage(kind: .info, text: s.text(Localized("Dibatalkan.", en: "Cancelled.")))
            default: break
            }
            return []
        case .reports:
            return handleReportsKey(&s, key)
        case var .menu(m):
            switch key {
            case .down, .char("j"), .tab: m.cursor = min(m.items.count - 1, m.cursor + 1)
            case .up, .char("k"), .backTab: m.cursor = max(0, m.cursor - 1)
            case .escape, .char("q"):
                s.overlay = nil
                return []
            case .enter:
                s.overlay = nil
                guard m.items.indices.contains(m.cursor) else { return [] }
                return run(&s, m.items[m.cursor])
            default:
                // A key bound to one of the menu's commands runs it directly.
                if let c = s.keymap.command(for: key, in: s.focus), m.items.contains(c) {
                    s.overlay = nil
                    return run(&s, c)
                }
            }
            s.overlay = .menu(m)
            return []
        }
    }

    /// Help scrolls with the moving keys of the panes (j/k, PgDn/PgUp, C-d/C-u, g/G, Home/End, and what the
    /// officer bound to those commands), never past its last line; it closes back to where it was opened.
    static func handleHelpKey(_ s: inout ConsoleState, _ scroll: Int, _ key: Key) -> [ConsoleEffect] {
        switch key {
        case .escape, .char("q"), .char("?"), .enter, .f(1):
            s.overlay = s.reportsView == nil ? nil : .reports
            return []
        default: break
        }
        // The usual moving keys, and Space and C-d/C-u (which mean other things in the panes) for paging.
        let movement: Movement? = switch key {
        case .down, .char("j"): .rows(1)
        case .up, .char("k"): .rows(-1)
        case .pageDown, .ctrl("d"), .char(" "): .pages(1)
        case .pageUp, .ctrl("u"): .pages(-1)
        case .home, .char("g"): .top
        case .end, .char("G"): .bottom
        default: Movement(s.keymap.command(for: key, in: s.focus))
        }
        guard let movement else { return [] }
        let last = OverlayView.helpMaxScroll(s)
        // A page is what the box shows, less one line kept for context (QA: a fixed 10 skipped two lines of
        // an 8-line box at 44×12).
        let page = max(1, OverlayView.helpTextRect(s).height - 1)
        s.overlay = .help(scroll: max(0, min(last, movement.target(from: scroll, count: last + 1, page: page))))
        return []
    }

    // MARK: Prompt (`:` and `/`)

    static func handlePromptKey(_ s: inout ConsoleState, _ p: inout PromptState, _ key: Key) -> [ConsoleEffect] {
        switch key {
        case .escape:
            // Esc cancels: the typed text is dropped and the inbox is as it was before the prompt opened
            // (the search narrowed it while typing). A message from before the prompt would be stale now.
            s.overlay = nil
            s.message = nil
            if p.kind == .search, let origin = p.searchOrigin {
                restoreSearch(&s, origin)
                s.message = StatusMessage(kind: .info, text: s.text(Localized("Pencarian dibatalkan.", en: "Search cancelled.")))
            }
            return []
        case .enter:
            s.overlay = nil
            let text = p.buffer.text.trimmingCharacters(in: .whitespaces)
            if p.kind == .search, Inbox.searchIgnoresAll(text) {
                s.inbox.filter.search = nil
                s.focus = .inbox
                refreshInbox(&s)
                s.message = StatusMessage(kind: .error, text: s.text(Localized(
                    "Pencarian mengabaikan karakter tak terlihat (lebar nol, arah teks): tidak ada kata untuk dicari.",
                    en: "Search leaves out invisible characters (zero width, text direction): there is no word to look for.")))
                return []
            }
            if p.kind == .search {
                s.inbox.filter.search = text.isEmpty ? nil : text
                s.focus = .inbox
                s.inbox.cursor = 0
                refreshInbox(&s)
                if s.inbox.searchPending { return [] }
                s.message = StatusMessage(kind: .info, text: text.isEmpty
                    ? s.text(Localized("Pencarian dihapus.", en: "Search cleared."))
                    : s.text(UIText.searchResults(s.inbox.rows.count, for: text)))
                return []
            }
            return runPrompt(&s, text)
        case .tab where p.kind == .command:
            let typed = p.buffer.text
            let matches = ConsoleCommand.all.map(\.name).filter { $0.hasPrefix(typed) }
            p.completions = matches
            if let common = commonPrefix(matches), common.count > typed.count {
                p.buffer = TextEditBuffer(text: common)
                p.buffer.moveEnd()
            } else if matches.count == 1, let only = matches.first {
                p.buffer = TextEditBuffer(text: only)
                p.buffer.moveEnd()
            }
        default:
            if p.buffer.apply(key, multiline: false) {
                p.completions = p.kind == .command ? ConsoleCommand.all.map(\.name).filter { $0.hasPrefix(p.buffer.text) } : []
                if p.kind == .search {
                    // Incremental: the list narrows while typing.
                    let text = p.buffer.text.trimmingCharacters(in: .whitespaces)
                    s.inbox.filter.search = text.isEmpty ? nil : text
                    s.inbox.cursor = 0
                    refreshInbox(&s, counts: false)
                }
            }
        }
        p.buffer.keepCaretVisible(width: OverlayView.promptTextWidth(s))
        s.overlay = .prompt(p)
        return []
    }

    /// Puts the inbox back as it was when `/` opened: the earlier search (or none) and the same report
    /// under the cursor when it is still listed.
    static func restoreSearch(_ s: inout ConsoleState, _ origin: SearchOrigin) {
        s.inbox.filter.search = origin.search
        refreshInbox(&s, counts: false)
        if let id = origin.selected, let i = s.inbox.rows.firstIndex(of: id) {
            s.inbox.cursor = i
            s.inbox.scrollTop = origin.scrollTop
        }
        clampInbox(&s)
    }

    static func commonPrefix(_ names: [String]) -> String? {
        guard var prefix = names.first else { return nil }
        for n in names.dropFirst() {
            while !n.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }

    /// Runs `name [id]` typed at the `:` prompt: any named command; a number alone opens that report.
    static func runPrompt(_ s: inout ConsoleState, _ text: String) -> [ConsoleEffect] {
        let parts = text.split(separator: " ", maxSplits: 1).map(String.init)
        guard let name = parts.first else { return [] }
        // A new command: what the last one said no longer applies (QA: "Unknown command: foo" stayed on the
        // line over the report `:2600005` then opened). The command sets its own message.
        s.message = nil
        if Int(name.trimmingCharacters(in: CharacterSet(charactersIn: "#"))) != nil {
            let id = ReportID(name.trimmingCharacters(in: CharacterSet(charactersIn: "#")))
            return openByID(&s, id)
        }
        // `:language` (also `:lang`, `:bahasa`): `id` or `en` sets that language, nothing toggles.
        if name == ConsoleCommand.language.name || name == "lang" || name == "bahasa" {
            guard parts.count == 2 else { return run(&s, .language) }
            let arg = parts[1].trimmingCharacters(in: .whitespaces)
            guard let lang = Language(rawValue: arg.lowercased()) else {
                s.message = StatusMessage(kind: .error, text: s.text(Localized(
                    "Bahasa tidak dikenal: “\(arg)”. Pilih id (Bahasa Indonesia) atau en (English).",
                    en: "Unknown language: “\(arg)”. Use id (Bahasa Indonesia) or en (English).")))
                return []
            }
            setLanguage(&s, lang)
            return []
        }
        guard let command = ConsoleCommand(name: name) else {
            s.message = StatusMessage(kind: .error, text: s.text(Localized(
                "Perintah tidak dikenal: \(name). Tekan Tab untuk melengkapi, ? untuk bantuan.",
                en: "Unknown command: \(name). Press Tab to complete, ? for help.")))
            return []
        }
        if parts.count == 2 {
            let arg = parts[1].trimmingCharacters(in: CharacterSet(charactersIn: "# "))
            if !arg.isEmpty, !command.takesReport {
                let hint = command == .replayDesk ? Localized(" Satu laporan: :replay-report NOMOR.", en: " One report: :replay-report NUMBER.")
                    : Localized("", en: "")
                s.message = StatusMessage(kind: .error, text: s.text(Localized(
                    ":\(name) tidak memakai argumen; tidak dijalankan.", en: ":\(name) takes no argument; it was not run.")) + s.text(hint))
                return []
            }
            // A report named that is not there (mistyped, another agency's) stops the command: it ran on the
            // row under the cursor instead (QA: `:open 2600026x` opened another report without a word).
            if !arg.isEmpty {
                let id = ReportID(arg)
                guard visibleReport(s, id) != nil else {
                    s.message = StatusMessage(kind: .error, text: s.text(Localized(
                        "Laporan #\(String(arg.prefix(24))) tidak ditemukan; :\(name) tidak dijalankan.",
                        en: "Report #\(String(arg.prefix(24))) not found; :\(name) was not run.")))
                    return []
                }
                _ = openByID(&s, id)
            }
        }
        return run(&s, command)
    }

    /// The report `id` when the officer may see it: another agency's is "not found", as on the command line.
    static func visibleReport(_ s: ConsoleState, _ id: ReportID) -> Report? {
        s.desk[id].flatMap { Access.canSee($0, by: s.env.operatorOnDuty) ? $0 : nil }
    }

    static func openByID(_ s: inout ConsoleState, _ id: ReportID) -> [ConsoleEffect] {
        guard visibleReport(s, id) != nil else {
            s.message = StatusMessage(kind: .error, text: s.text(Localized("Laporan #\(id) tidak ditemukan.", en: "Report #\(id) not found.")))
            return []
        }
        // The inbox highlights the report opened (QA: `:2600008` showed it while another row stayed lit).
        showInAQueueThatHoldsIt(&s, id)
        if let i = s.inbox.rows.firstIndex(of: id) {
            s.inbox.cursor = i
            clampInbox(&s)
        }
        open(&s, id)
        s.focus = .detail
        return []
    }

    // MARK: Forms

    static func handleFormKey(_ s: inout ConsoleState, _ f: inout FormState, _ key: Key) -> [ConsoleEffect] {
        guard !f.fields.isEmpty else {
            s.overlay = nil
            return []
        }
        var field = f.fields[f.focus]
        let isMultiline: Bool = if case let .text(_, m) = field.value { m } else { false }
        // Letters typed in a row on a choice field: any other key starts the search over.
        let typedBefore = f.typeahead
        f.typeahead = ""
        switch key {
        // C-c cancels a form as Esc does (help lists it beside q for leaving): never the console from a form.
        case .escape where f.purpose == .reportScope, .ctrl("c") where f.purpose == .reportScope:
            s.overlay = s.reportsView == nil ? nil : .reports
            return []
        case .escape, .ctrl("c"):
            if f.hasTypedText && !f.confirmDiscard {
                // Typed text is never thrown away by one stray key.
                f.confirmDiscard = true
                f.error = s.text(Localized("Tekan Esc sekali lagi untuk membuang teks yang sudah diketik.",
                                           en: "Press Esc again to discard what you typed."))
                s.overlay = .form(f)
                return []
            }
            s.overlay = nil
            s.message = StatusMessage(kind: .info, text: s.text(Localized("Dibatalkan.", en: "Cancelled.")))
            return []
        case .tab:
            f.focus = (f.focus + 1) % f.fields.count
        case .down where !isMultiline:
            f.focus = (f.focus + 1) % f.fields.count
        case .backTab:
            f.focus = (f.focus - 1 + f.fields.count) % f.fields.count
        case .up where !isMultiline:
            f.focus = (f.focus - 1 + f.fields.count) % f.fields.count
        case .ctrl("s"), .f(2):
            return submitForm(&s, &f)
        case .enter where !isMultiline:
            // Action forms step to the next field; the filter form applies at once, as its help line says.
            if case .action = f.purpose, f.focus < f.fields.count - 1, case .text = field.value {
                f.focus += 1
            } else {
                return submitForm(&s, &f)
            }
        default:
            switch field.value {
            case .text(var buffer, let multiline):
                if buffer.apply(key, multiline: multiline) {
                    if !multiline { buffer.keepCaretVisible(width: OverlayView.formLineWidth(s)) }
                    field.value = .text(buffer, multiline: multiline)
                }
            case .choice(let options, var selected):
                switch key {
                // Letters search (below), so h and l do not move here.
                case .left: selected = max(0, selected - 1)
                case .right, .char(" "): selected = min(options.count - 1, selected + 1)
                case let .char(c):
                    // The letters typed so far, from the current option on; else this letter alone, from the next.
                    func words(_ i: Int) -> [Substring] { Inbox.fold(options[i].label).split(whereSeparator: { !$0.isLetter && !$0.isNumber }) }
                    func first(_ prefix: String, from start: Int) -> Int? {
                        let order = Array(options.indices[min(start, options.count)...]) + Array(options.indices[..<min(start, options.count)])
                        return order.first { i in words(i).contains { $0.hasPrefix(prefix) } }
                    }
                    let more = Inbox.fold(typedBefore + String(c))
                    if let hit = first(more, from: selected) {
                        selected = hit
                        f.typeahead = more
                    } else if let hit = first(Inbox.fold(String(c)), from: selected + 1) {
                        selected = hit
                        f.typeahead = Inbox.fold(String(c))
                    }
                default: break
                }
                field.value = .choice(options, selected: selected)
            }
            f.fields[f.focus] = field
            if field.id == "category" { refreshSubcategories(s, &f) }
        }
        f.error = nil
        f.confirmDiscard = false
        s.overlay = .form(f)
        return []
    }

    static func refreshSubcategories(_ s: ConsoleState, _ f: inout FormState) {
        guard let cat = f.choice("category"), let i = f.fields.firstIndex(where: { $0.id == "subcategory" }) else { return }
        let subs = s.env.categories.first { $0.name == cat }?.subcategories ?? []
        f.fields[i].value = .choice([Choice(id: "", label: "-")] + subs.map { Choice(id: $0, label: $0) }, selected: 0)
    }

    static func submitForm(_ s: inout ConsoleState, _ f: inout FormState) -> [ConsoleEffect] {
        if case .filter = f.purpose {
            applyFilterForm(&s, f)
            s.overlay = nil
            return []
        }
        if case .reportScope = f.purpose {
            applyReportScope(&s, &f)
            return []
        }
        let currentTags = f.purpose == .action(.tag) ? f.targets.flatMap { s.desk[$0]?.tags ?? [] } : []
        switch ActionForms.requests(from: f, language: s.language, currentTags: currentTags) {
        case let .failure(problem):
            f.error = problem.message
            if let i = f.fields.firstIndex(where: { $0.id == problem.fieldID }) { f.focus = i }
            s.overlay = .form(f)
            return []
        case let .success(requests):
            f.error = nil
            s.overlay = .form(f)
            return submit(&s, requests)
        }
    }

    // MARK: Filter builder (`f`)

    static func openFilterForm(_ s: inout ConsoleState) {
        let l = s.language
        func t(_ id: String, _ en: String) -> String { Localized(id, en: en).text(l) }
        let any = Choice(id: "", label: t("(semua)", "(any)"))
        let fl = s.inbox.filter
        let channels = [any] + Channel.allCases.map { Choice(id: $0.rawValue, label: $0.rawValue) }
        let cats = [any] + s.env.categories.map { Choice(id: $0.name, label: $0.name) }
        let classes = [any] + Classification.allCases.map { Choice(id: $0.rawValue, label: $0.label.text(l)) }
        let yesNo = [Choice(id: "", label: t("tidak", "no")), Choice(id: "ya", label: t("ya", "yes"))]
        let sorts = [Choice(id: "", label: t("(bawaan tampilan)", "(view default)"))]
            + InboxQuery.Sort.allCases.map { Choice(id: $0.rawValue, label: UIText.sortLabel($0).text(l)) }
        let fields = [
            ActionForms.text("search", t("Kata kunci", "Words"), initial: fl.search ?? ""),
            ActionForms.choice("channel", t("Kanal", "Channel"), channels, selected: channels.firstIndex { $0.id == fl.channel?.rawValue } ?? 0),
            ActionForms.choice("category", t("Kategori", "Category"), cats, selected: cats.firstIndex { $0.id == fl.category } ?? 0),
            ActionForms.text("region", t("Wilayah (provinsi/kabupaten/kota)", "Region (province/regency/city)"), initial: fl.region ?? ""),
            ActionForms.text("agency", t("Kode instansi", "Agency id"), initial: fl.agency ?? ""),
            ActionForms.choice("classification", t("Klasifikasi", "Classification"), classes,
                               selected: classes.firstIndex { $0.id == fl.classification?.rawValue } ?? 0),
            ActionForms.choice("anonim", t("Hanya anonim", "Anonymous only"), yesNo, selected: fl.anonymousOnly ? 1 : 0),
            ActionForms.choice("rahasia", t("Hanya rahasia", "Confidential only"), yesNo, selected: fl.confidentialOnly ? 1 : 0),
            ActionForms.choice("sort", t("Urutan", "Sort"), sorts, selected: sorts.firstIndex { $0.id == fl.sort?.rawValue } ?? 0),
        ]
        s.overlay = .form(FormState(purpose: .filter, title: t("Saring kotak masuk", "Filter the inbox"), targets: [],
                                    expectedVersions: [:], fields: fields,
                                    explanation: [t("Enter/C-s terapkan · Esc batal · F hapus semua saringan",
                                                    "Enter/C-s apply · Esc cancel · F clears every filter")]))
    }

    static func applyFilterForm(_ s: inout ConsoleState, _ f: FormState) {
        func opt(_ v: String?) -> String? {
            guard let v = v?.trimmingCharacters(in: .whitespaces), !v.isEmpty else { return nil }
            return v
        }
        var fl = InboxFilter()
        fl.search = opt(f.text("search"))
        fl.channel = opt(f.choice("channel")).flatMap(Channel.init(rawValue:))
        fl.category = opt(f.choice("category"))
        fl.region = opt(f.text("region"))
        fl.agency = opt(f.text("agency"))
        fl.classification = opt(f.choice("classification")).flatMap(Classification.init(rawValue:))
        fl.anonymousOnly = f.choice("anonim") == "ya"
        fl.confidentialOnly = f.choice("rahasia") == "ya"
        fl.sort = opt(f.choice("sort")).flatMap(InboxQuery.Sort.init(rawValue:))
        s.inbox.filter = fl
        s.inbox.cursor = 0
        s.focus = .inbox
        refreshInbox(&s)
        s.message = StatusMessage(kind: .info, text: s.text(Localized("\(s.inbox.rows.count) laporan cocok dengan saringan.",
                                                                     en: "\(UIText.counted(s.inbox.rows.count, "report")) \(s.inbox.rows.count == 1 ? "matches" : "match") the filter.")))
        // Nothing found because of a typo: say which value the desk does not know, as `lapor-desk list` refuses
        // it (QA: `pemkab-xyz` gave "0 laporan cocok" without a word).
        if s.inbox.rows.isEmpty, let agency = fl.agency, !s.env.agencies.contains(where: { $0.id.caseInsensitiveCompare(agency) == .orderedSame }) {
            s.message = StatusMessage(kind: .error, text: s.text(Localized(
                "Tidak ada instansi berkode '\(agency)' di referensi/instansi.toml; 0 laporan cocok.",
                en: "No agency has the id '\(agency)' in referensi/instansi.toml; 0 reports match.")))
        } else if s.inbox.rows.isEmpty, let region = fl.region {
            s.message = StatusMessage(kind: .info, text: s.text(Localized(
                "0 laporan cocok: tidak ada laporan di wilayah '\(region)' (periksa ejaannya).",
                en: "0 reports match: no report is in the region '\(region)' (check its spelling).")))
        }
    }
}
