import Complaints
import Foundation
import TextCanvas

/// Deadline and status words. Text, never colour alone: "TERLAMBAT 2h", "JATUH TEMPO", "3h lagi".
enum Badges {
    static func deadline(_ r: Report, _ s: ConsoleState) -> (String, StyleRole) {
        let urgency = s.urgencyCache.urgency(of: r, now: s.now)
        let role: StyleRole = switch urgency {
        case .overdue: Roles.badgeOverdue
        case .dueSoon: Roles.badgeDueSoon
        case .onTrack: Roles.badgeOnTrack
        case .paused: Roles.badgePaused
        case .none: Roles.inboxRow
        }
        return (s.text(s.env.deadlines.badge(urgency, now: s.now)), role)
    }

    static func status(_ r: Report, _ l: Language) -> String {
        if r.returned != nil { return returned(l) }
        return status(r.status, l)
    }

    /// A report sent back by its agency (*bukan wewenang*), whatever its status.
    static func returned(_ l: Language) -> String { Localized("Kembali", en: "Returned").text(l) }

    static func status(_ st: ReportStatus, _ l: Language) -> String {
        switch st {
        case .baru: Localized("Baru", en: "New").text(l)
        case .tunda: Localized("Tunda", en: "Postponed").text(l) // as the view tab "2 Postponed" says
        case .terdisposisi: Localized("Disposisi", en: "Disposed").text(l)
        case .diproses: Localized("Diproses", en: "In unit").text(l)
        case .ditindaklanjuti: Localized("Dijawab", en: "Answered").text(l) // not "Ditindak": that reads "acted against" (QA)
        case .selesai: Localized("Selesai", en: "Closed").text(l)
        case .diarsipkan: Localized("Arsip", en: "Archived").text(l)
        case .dihapus: Localized("Dihapus", en: "Deleted").text(l)
        }
    }

    /// The status as one letter, for an inbox too narrow for the word (help has the legend, `statusLegend`).
    static func statusLetter(_ r: Report, _ l: Language) -> String {
        letter(r.returned != nil ? nil : r.status, l)
    }

    /// Letters unique within each language: the status word's first letter where that is free.
    private static func letter(_ st: ReportStatus?, _ l: Language) -> String {
        let (id, en): (String, String) = switch st {
        case nil: ("K", "B") // Kembali / sent Back
        case .baru?: ("B", "N")
        case .tunda?: ("T", "P")
        case .terdisposisi?: ("D", "D")
        case .diproses?: ("P", "U")
        case .ditindaklanjuti?: ("J", "A")
        case .selesai?: ("S", "C")
        case .diarsipkan?: ("A", "R")
        case .dihapus?: ("H", "X")
        }
        return l == .en ? en : id
    }

    /// "B Baru · T Tunda · …": the key to `statusLetter`, in status order.
    static func statusLegend(_ l: Language) -> String {
        let statuses: [ReportStatus?] = ReportStatus.allCases.map { $0 } + [nil]
        return statuses.map { st in
            letter(st, l) + " " + (st.map { status($0, l) } ?? returned(l))
        }.joined(separator: " · ")
    }

    /// "AR" markers for the inbox: A = anonim, R = rahasia.
    static func flags(_ r: Report) -> String {
        (r.anonymous ? "A" : "·") + (r.confidential ? "R" : "·")
    }
}
