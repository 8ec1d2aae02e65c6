import Complaints
import Foundation
import TextCanvas

/// Where the report should go: the rule's proposal and why, the alternatives, the agency's deadline for
/// this report, the disposition history, and a type-to-filter list over the whole directory.
enum RoutingPane {
    static func filterLabel(_ l: Language) -> String { Localized("Cari: ", en: "Find: ").text(l) }

    /// Columns of the filter field: the pane's inside after its label.
    static func filterWidth(_ s: ConsoleState) -> Int {
        guard let r = s.layout.routing else { return 1 }
        return max(1, r.inset(top: 1, left: 2, bottom: 1, right: 1).width - filterLabel(s.language).displayWidth)
    }

    static func draw(_ c: inout Canvas, _ s: ConsoleState, _ r: Rect) {
        let focused = s.focus == .routing && s.overlay == nil
        if s.layout.mode == .two { c.fill(r, role: Roles.overlay) }
        // Worked out once for the whole pane: finding the marked rows is a pass over the inbox.
        let plan = ConsoleReducer.routingPlan(s)
        let bulk = plan.bulk
        let targets = plan.targets
        let title = bulk ? Localized("Rute — \(targets.count) laporan bertanda", en: "Routing — " + UIText.counted(targets.count, "marked report"))
            // Names the report: in the two-pane layout (below 80 columns) nothing else on screen does (QA).
            : s.currentReport.map { Localized("Rute — #\($0.id)", en: "Routing — #\($0.id)") } ?? Localized("Rute", en: "Routing")
        c.box(r, role: focused ? Roles.paneBorderFocused : Roles.paneBorder, title: s.text(title))
        let inner = r.inset(top: 1, left: 2, bottom: 1, right: 1)
        guard inner.width > 4, inner.height > 2 else { return }
        guard let report = s.currentReport else {
            c.put(s.text(Localized("Pilih laporan.", en: "Pick a report.")), at: inner.origin, role: Roles.detailMuted, clipWidth: inner.width)
            return
        }
        let l = s.language
        func t(_ id: String, _ en: String) -> String { Localized(id, en: en).text(l) }
        let canDispose: Bool = {
            guard case .ok = s.health else { return false }
            // Marked rows: each is checked when disposed; the role decides whether the list is offered.
            if bulk { return Access.commands(for: s.env.operatorOnDuty.role).contains(.dispose) }
            return Access.available(on: report, for: s.env.operatorOnDuty).contains(.dispose)
        }()
        var head: [StyledLine] = []
        // Verification is when the flags matter most. Where the pane covers the detail's banners (QA), or
        // acts on marked rows the detail does not show, they are repeated here.
        let flagged = bulk ? targets.compactMap { s.desk[$0] } : s.layout.mode == .three ? [] : [report]
        let anonymous = flagged.filter(\.anonymous).map { "#\($0.id)" }
        let confidential = flagged.filter(\.confidential).map { "#\($0.id)" }
        if !anonymous.isEmpty {
            head.append(StyledLine(text: bulk ? t("▌ANONIM▐ ", "▌ANONYMOUS▐ ") + anonymous.joined(separator: " ")
                                       : t("▌ANONIM▐ identitas tersembunyi", "▌ANONYMOUS▐ identity hidden"),
                                   role: Roles.flagAnonim))
        }
        if !confidential.isEmpty {
            head.append(StyledLine(text: bulk ? t("▌RAHASIA▐ ", "▌CONFIDENTIAL▐ ") + confidential.joined(separator: " ")
                                       : t("▌RAHASIA▐ tidak dipublikasikan", "▌CONFIDENTIAL▐ never public"),
                                   role: Roles.flagRahasia))
        }
        if bulk {
            // Enter disposes every marked row to the one agency picked: say which rows, not the shown report.
            head.append(StyledLine(text: t("Disposisi ke satu instansi: ", "Dispose to one agency: ")
                                   + targets.map { "#\($0)" }.joined(separator: " "), role: Roles.detailLabel))
        }
        if canDispose {
            if let p = plan.proposal {
                head.append(StyledLine(text: t("Usulan: ", "Proposed: ") + s.env.agencyName(p.agencyID)
                                       + (s.env.unitName(p.unitID, in: p.agencyID).map { " › \($0)" } ?? ""), role: Roles.routingProposal))
                // The reason names its rule already ("… aturan rute.toml:180"); only a bare reason gets the source.
                let reason = s.text(p.reason)
                head.append(StyledLine(text: t("Sebab: ", "Because: ") + reason + (reason.contains(p.ruleRef) ? "" : " (\(p.ruleRef))"),
                                       role: Roles.detailMuted))
            } else if !bulk, let raw = s.env.propose(report), raw.agencyID == report.returned?.agency {
                let name = s.env.agencyName(raw.agencyID)
                head.append(StyledLine(text: t("Aturan mengusulkan \(name), yang mengembalikannya: pilih instansi lain.",
                                               "The rules propose \(name), which sent it back: pick another agency."),
                                       role: Roles.detailWarning))
            } else if bulk {
                head.append(StyledLine(text: t("Aturan tidak mengusulkan instansi yang sama untuk semuanya: pilih satu, atau lepas tanda (Esc, lalu M) dan disposisikan satu per satu.",
                                               "The rules propose no one agency for all of them: pick one, or unmark (Esc, then M) and dispose them one by one."),
                                       role: Roles.detailWarning))
            } else {
                head.append(StyledLine(text: t("Tidak ada aturan yang cocok: pilih instansi.", "No rule matches: pick an agency."),
                                       role: Roles.detailWarning))
            }
            let limit = s.env.deadlines.limits.agencyFollowUp
            let due = s.env.deadlines.calendar.adding(workingSeconds: TimeInterval(limit) * 86400, to: s.now)
            // The date is held together by no-break spaces: a narrow pane moves it whole to the next line
            // instead of wrapping "→ 7" away from "Des 10:00".
            let when = ("→ " + DeskTimeText.short(due, offset: s.env.utcOffsetSeconds, language: l)).replacingOccurrences(of: " ", with: "\u{00A0}")
            head.append(StyledLine(text: t("Tenggat instansi: \(limit) hari kerja ", "Agency deadline: \(limit) working days ") + when,
                                   role: Roles.detailText))
        }
        if !bulk, !report.dispositions.isEmpty {
            head.append(StyledLine(text: t("Riwayat disposisi:", "Disposition history:"), role: Roles.detailLabel))
            for d in report.dispositions {
                let kind = switch d.kind {
                case .disposisi: t("disposisi", "disposed")
                case .pelimpahan: t("pelimpahan", "re-disposed")
                case .pilihanPelapor: t("pilihan pelapor", "reporter's choice")
                }
                let from = d.fromAgency.map { s.env.agencyName($0) + " → " } ?? ""
                head.append(StyledLine(text: "\(kind): \(from)\(s.env.agencyName(d.agency))", role: Roles.detailText, indent: 1))
            }
        }
        if !bulk, let back = report.returned {
            head.append(StyledLine(text: t("Dikembalikan: ", "Sent back: ") + back.reason, role: Roles.detailWarning))
        }
        if !canDispose {
            // Nothing to pick: say why instead of offering a list that would only be refused.
            let why: String
            if s.env.operatorOnDuty.role == .adminInstansi {
                // Only what can still be done on this report (QA: both were offered on followed-up reports).
                let can = Set(Access.available(on: report, for: s.env.operatorOnDuty))
                switch (can.contains(.assignUnit), can.contains(.sendBack)) {
                case (true, true):
                    why = t("Teruskan ke unit kerja dengan u; kembalikan (bukan wewenang) dengan b.",
                            "Pass it to a work unit with u; send it back (not your authority) with b.")
                case (false, true):
                    why = t("Sudah di unit kerja; kembalikan (bukan wewenang) dengan b bila bukan wewenang instansi.",
                            "Already with a work unit; send it back with b if it is not your agency's authority.")
                default:
                    why = t("Tidak ada disposisi yang dapat dilakukan pada laporan ini sekarang.",
                            "Nothing can be disposed on this report now.")
                }
            } else if !Access.commands(for: s.env.operatorOnDuty.role).contains(.dispose) {
                why = t("Disposisi dilakukan oleh Admin Nasional.", "Disposing is done by the national desk.")
            } else if case .ok = s.health, report.status == .tunda {
                why = t("Laporan ditunda menunggu jawaban pelapor; disposisi setelah pelapor menjawab.",
                        "The report is postponed, waiting for the reporter; dispose it once the reporter answers.")
            } else if case .ok = s.health {
                why = t("Laporan ini sudah didisposisikan atau ditutup.", "This report is already disposed or closed.")
            } else {
                why = t("Jurnal baca saja: disposisi tidak dapat disimpan.", "Read-only journal: disposals cannot be saved.")
            }
            head.append(StyledLine(text: why, role: Roles.detailMuted))
            var y = inner.y
            for line in DetailPane.clipped(DetailPane.wrap(head, width: inner.width), to: inner.height, width: inner.width) {
                c.put(String(repeating: " ", count: line.indent) + line.text, at: Point(x: inner.x, y: y), role: line.role,
                      clipWidth: inner.width)
                y += 1
            }
            return
        }
        let headLines = DetailPane.wrap(head, width: inner.width)
        var y = inner.y
        for line in DetailPane.clipped(headLines, to: max(0, inner.height - 4), width: inner.width) {
            c.put(String(repeating: " ", count: line.indent) + line.text, at: Point(x: inner.x, y: y), role: line.role, clipWidth: inner.width)
            y += 1
        }
        // Filter line.
        let filterRow = Point(x: inner.x, y: y)
        let x0 = c.put(filterLabel(l), at: filterRow, role: Roles.fieldLabel)
        let field = s.routing.filter.lineLayout(width: filterWidth(s))
        c.fill(Rect(x: x0, y: y, width: inner.maxX - x0, height: 1), role: Roles.fieldInput)
        c.put(field.text, at: Point(x: x0, y: y), role: Roles.fieldInput, clipWidth: inner.maxX - x0)
        y += 1
        let candidates = ConsoleReducer.routingCandidates(s, plan: plan)
        let listHeight = inner.maxY - y
        guard listHeight > 0 else { return }
        if candidates.isEmpty {
            c.put(t("(tidak ada instansi yang cocok)", "(no matching agency)"), at: Point(x: inner.x, y: y), role: Roles.detailMuted,
                  clipWidth: inner.width)
        }
        let window = ScrollWindow(cursor: s.routing.cursor, count: candidates.count, height: listHeight, previousTop: 0)
        for index in window.visible {
            let cand = candidates[index]
            let selected = index == s.routing.cursor
            let marker = switch cand.origin {
            case .proposal: "★ "
            case .alternative: "☆ "
            case .directory: "  "
            }
            let role = selected ? Roles.routingSelected : (cand.origin == .proposal ? Roles.routingProposal : Roles.routingItem)
            let row = Rect(x: inner.x, y: y + index - window.top, width: inner.width, height: 1)
            c.fill(row, role: role)
            let name = marker + s.env.agencyName(cand.agencyID) + (s.env.unitName(cand.unitID, in: cand.agencyID).map { " › \($0)" } ?? "")
            c.put(TextFit.truncate(name, width: row.width), at: row.origin, role: role, clipWidth: row.width)
            if selected && focused { c.cursor = row.origin }
        }
        if focused, candidates.isEmpty { c.cursor = Point(x: x0 + field.cursorX, y: filterRow.y) }
    }
}
