import Complaints
import ComplaintJournal
import Foundation
import TextCanvas

/// Plain-text renderings for the command line. Complaint text goes through `Sanitize`, so escape
/// sequences in a report can never reach the terminal.
enum ReportText {
    static func clean(_ s: String) -> String { Sanitize.line(s) }

    static func badge(_ r: Report, deadlines: Deadlines, now: Date) -> String {
        deadlines.badge(deadlines.urgency(of: r, now: now), now: now).id
    }

    static func listRow(_ r: Report, deadlines: Deadlines, now: Date, directory: ReferenceData) -> String {
        let flags = (r.anonymous ? "A" : "-") + (r.confidential ? "R" : "-")
        let cols = [
            TextFit.pad(r.id.rawValue, width: 8), TextFit.pad(r.status.rawValue, width: 16),
            // Wide enough for "TERLAMBAT 12345h": the reports that must stand out keep their day count.
            TextFit.pad(badge(r, deadlines: deadlines, now: now), width: 16) + " ", flags + " ",
            TextFit.pad(r.channel.rawValue, width: 9),
            TextFit.pad(r.location.regionName ?? "-", width: 20) + " ",
            TextFit.pad(r.agency ?? "-", width: 18) + " ",
            clean(r.title),
        ]
        return cols.joined()
    }

    static func full(_ r: Report, identityVisible: Bool, deadlines: Deadlines, now: Date, directory: ReferenceData,
                     offset: Int) -> String {
        var out: [String] = []
        func time(_ d: Date) -> String { ISOTime.format(d, offsetSeconds: offset) }
        func field(_ label: String, _ value: String?) {
            if let value, !value.isEmpty { out.append(TextFit.pad(label + ":", width: 16) + clean(value)) }
        }
        out.append("#\(r.id)  \(r.status.rawValue) (\(r.status.label.id))  \(badge(r, deadlines: deadlines, now: now))")
        if r.anonymous { out.append("[ANONIM] identitas pelapor hanya untuk Admin Nasional") }
        if r.confidential { out.append("[RAHASIA] tidak pernah dipublikasikan") }
        out.append(clean(r.title))
        if r.title != r.originalTitle { field("Judul asli", r.originalTitle) }
        field("Diterima", time(r.receivedAt) + " via " + r.channel.rawValue + (r.externalID.map { " (\($0))" } ?? ""))
        field("Klasifikasi", r.classification.rawValue)
        field("Kategori", [r.category, r.subcategory].compactMap { $0 }.joined(separator: " > "))
        let l = r.location
        field("Lokasi", [l.detail, l.district, l.regency, l.province].compactMap { $0 }.joined(separator: ", "))
        field("Tgl kejadian", r.intake.incidentDate)
        if let a = r.agency {
            field("Instansi", (directory.agencyName(a) ?? a) + " [\(a)]" + (r.unit.map { " > \(directory.agencies.unit(id: $0)?.name ?? $0)" } ?? ""))
        }
        if let back = r.returned { field("Dikembalikan", "\(back.agency): \(back.reason)") }
        field("Prioritas", r.priority == .normal ? nil : r.priority.rawValue)
        field("Tag", r.tags.joined(separator: ", "))
        if let due = deadlines.runningDue(of: r) { field("Tenggat", time(due)) }
        if let close = deadlines.autoCloseDue(of: r) { field("Tutup otomatis", time(close) + " (bila pelapor tidak menanggapi)") }
        if identityVisible {
            let p = r.reporter
            field("Pelapor", p.name)
            field("NIK", p.nik)
            field("Telepon", p.phone)
            field("Email", p.email)
        } else {
            field("Pelapor", "(disembunyikan: anonim)")
        }
        if identityVisible { field("Kelompok", r.reporter.groups.map(\.rawValue).joined(separator: ", ")) }
        out.append("")
        // Every kind of line break (CRLF is one Character in Swift, which a split on "\n" missed) is a new line.
        for line in Sanitize.text(r.body).split(separator: "\n", omittingEmptySubsequences: false) { out.append("  " + String(line)) }
        if !r.intake.attachments.isEmpty {
            out.append("")
            for a in r.intake.attachments { out.append("  lampiran: " + clean(a.name) + (a.ref.map { " (\(clean($0)))" } ?? "")) }
        }
        out.append("")
        out.append("Riwayat:")
        for e in r.trail {
            let vis = switch e.visibility {
            case .internal_: "INTERNAL"
            case .publik: "PUBLIK"
            case .pelapor: "PELAPOR"
            }
            var line = "  \(time(e.at))  seq \(e.seq)  \(clean(e.actor.name)) (\(e.actor.role.rawValue))  [\(vis)]  \(e.event.type)"
            if let detail = eventDetail(e.event, directory: directory) { line += ": " + clean(detail) }
            out.append(line)
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func eventDetail(_ e: DomainEvent, directory: ReferenceData) -> String? {
        switch e {
        case .received, .autoClosed: nil
        case let .disposed(d):
            "\(d.kind.rawValue) -> \(directory.agencyName(d.agency) ?? d.agency)" + (d.unit.map { " > \($0)" } ?? "")
                + (d.fromAgency.map { " (dari \($0))" } ?? "") + (d.rule.map { " [aturan \($0)]" } ?? "") + (d.note.map { " — \($0)" } ?? "")
        case let .postponed(q): q
        case let .reporterReplied(t, _), let .followedUp(t, _), let .disputed(t), let .noteAdded(t), let .replyPosted(t): t
        case let .accepted(t): t
        case let .archived(reason, note, dup): reason.rawValue + (dup.map { " #\($0)" } ?? "") + (note.map { " — \($0)" } ?? "")
        case let .deleted(reason, note): reason.rawValue + (note.map { " — \($0)" } ?? "")
        case let .assignedToUnit(u): u
        case let .sentBack(reason): reason
        case let .titleEdited(t): t
        case let .classified(c, cat, sub): [c?.rawValue, cat, sub].compactMap { $0 }.joined(separator: " > ")
        case let .flagsSet(a, c): [a.map { "anonim=\($0)" }, c.map { "rahasia=\($0)" }].compactMap { $0 }.joined(separator: " ")
        case let .tagged(add, remove): (add.map { "+\($0)" } + remove.map { "-\($0)" }).joined(separator: " ")
        case let .prioritySet(p): p.rawValue
        case let .duplicateLinked(o): "#\(o)"
        case let .redacted(fields, reason): fields.joined(separator: ",") + " — " + reason
        }
    }
}
