import Complaints
import Foundation
import TextCanvas

/// Deadline and status words. Text, never colour alone: "TERLAMBAT 2h", "JATUH TEMPO", "3h lagi".
enum Badges {
    static func deadline(_ r: Report, _ s: ConsoleState) -> (String, StyleRole) {
        let d = s.env.deadlines
        switch s.urgencyCache.urgency(of: r, now: s.now) {
        case let .overdue(since):
            let days = max(1, Int(floor(-d.workingDaysLeft(until: since, now: s.now))))
            return (s.text(Localized("TERLAMBAT \(days)h", en: "OVERDUE \(days)d")), Roles.badgeOverdue)
        case .dueSoon:
            return (s.text(Localized("JATUH TEMPO", en: "DUE SOON")), Roles.badgeDueSoon)
        case let .onTrack(due):
            let days = Int(floor(d.workingDaysLeft(until: due, now: s.now)))
            return (s.text(Localized("\(days)h lagi", en: "\(days)d left")), Roles.badgeOnTrack)
        case .paused:
            return (s.text(Localized("DITUNDA", en: "PAUSED")), Roles.badgePaused)
        case .none:
            return ("—", Roles.inboxRow)
        }
    }

    static func status(_ r: Report, _ l: Language) -> String {
        if r.returned != nil { return Localized("Kembali", en: "Returned").text(l) }
        return status(r.status, l)
    }

    static func status(_ st: ReportStatus, _ l: Language) -> String {
        switch st {
        case .baru: Localized("Baru", en: "New").text(l)
        case .tunda: Localized("Tunda", en: "Pending").text(l)
        case .terdisposisi: Localized("Disposisi", en: "Disposed").text(l)
        case .diproses: Localized("Diproses", en: "In unit").text(l)
        case .ditindaklanjuti: Localized("Ditindak", en: "Answered").text(l)
        case .selesai: Localized("Selesai", en: "Closed").text(l)
        case .diarsipkan: Localized("Arsip", en: "Archived").text(l)
        case .dihapus: Localized("Dihapus", en: "Deleted").text(l)
        }
    }

    /// "AR" markers for the inbox: A = anonim, R = rahasia.
    static func flags(_ r: Report) -> String {
        (r.anonymous ? "A" : "·") + (r.confidential ? "R" : "·")
    }
}
