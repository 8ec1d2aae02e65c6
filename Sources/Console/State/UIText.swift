import Complaints
import Foundation

/// Console wording shared by the reducer and the renderer (Bahasa Indonesia first, English second).
enum UIText {
    /// An English count with its noun: "1 report", "2 reports" (Indonesian nouns do not change with the number).
    static func counted(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(n) " + (n == 1 ? singular : plural ?? singular + "s")
    }

    static func sortLabel(_ s: InboxQuery.Sort) -> Localized {
        switch s {
        case .received: Localized("terbaru", en: "newest")
        case .deadline: Localized("tenggat", en: "deadline")
        case .priority: Localized("prioritas", en: "priority")
        }
    }

    static func eventLabel(_ e: DomainEvent) -> Localized {
        switch e {
        case .received: Localized("laporan diterima", en: "report received")
        case let .disposed(d):
            switch d.kind {
            case .disposisi: Localized("diverifikasi & didisposisikan", en: "verified & disposed")
            case .pelimpahan: Localized("pelimpahan", en: "re-disposed (pelimpahan)")
            case .pilihanPelapor: Localized("langsung ke instansi pilihan pelapor", en: "sent to the agency the reporter chose")
            }
        case .postponed: Localized("ditunda, minta informasi", en: "postponed, asked for information")
        case .reporterReplied: Localized("pelapor menambah informasi", en: "reporter added information")
        case .archived: Localized("diarsipkan", en: "archived")
        case .deleted: Localized("dihapus", en: "deleted")
        case .assignedToUnit: Localized("didisposisikan ke unit kerja", en: "passed to a work unit")
        case .sentBack: Localized("dikembalikan: bukan wewenang", en: "sent back: not our authority")
        case .followedUp: Localized("tindak lanjut", en: "follow-up")
        case .disputed: Localized("pelapor menyanggah", en: "reporter disputed")
        case .accepted: Localized("pelapor menerima", en: "reporter accepted")
        case .autoClosed: Localized("ditutup otomatis", en: "closed automatically")
        case .titleEdited: Localized("judul diubah", en: "title edited")
        case .classified: Localized("klasifikasi diubah", en: "reclassified")
        case .flagsSet: Localized("penanda anonim/rahasia diubah", en: "anonymous/confidential changed")
        case .tagged: Localized("tag diubah", en: "tags changed")
        case .prioritySet: Localized("prioritas diubah", en: "priority changed")
        case .noteAdded: Localized("catatan internal", en: "internal note")
        case .replyPosted: Localized("balasan publik", en: "public reply")
        case .duplicateLinked: Localized("ditautkan sebagai duplikat", en: "linked as duplicate")
        case .redacted: Localized("data pribadi dihapus", en: "personal data redacted")
        }
    }

    /// The line after a search: how many reports it found, and the keys that go on from there.
    static func searchResults(_ count: Int, for text: String) -> Localized {
        Localized("\(count) hasil untuk “\(text)” (n/N berikut/sebelum, Esc hapus)",
                  en: "\(UIText.counted(count, "result")) for “\(text)” (n/N next/previous, Esc clears)")
    }

    /// What a saved action did, naming what was chosen in the form (the reason, the priority, the unit...)
    /// from the command that was recorded, never from the action's general label.
    static func doneMessage(_ r: DeskRequest, count: Int, env: ConsoleEnvironment, agency: String? = nil,
                            kind: DispositionKind? = nil) -> Localized {
        let target = count > 1 ? "\(count) laporan" : "#\(r.reportID)"
        let targetEn = count > 1 ? "\(count) reports" : "#\(r.reportID)"
        switch r.command {
        case let .dispose(agency, _, _, _) where kind == .pelimpahan:
            // A report sent back and disposed again is a pelimpahan, as its history says (QA).
            let name = env.agencyName(agency)
            return Localized("Tersimpan: \(target) dilimpahkan ke \(name).", en: "Saved: \(targetEn) re-disposed (pelimpahan) to \(name).")
        case let .dispose(agency, _, _, _):
            let name = env.agencyName(agency)
            return Localized("Tersimpan: \(target) didisposisikan ke \(name).", en: "Saved: \(targetEn) disposed to \(name).")
        case let .delete(reason, _):
            return Localized("Tersimpan: \(target) dihapus, alasan: \(reason.label.id).",
                             en: "Saved: \(targetEn) deleted, reason: \(reason.label.en).")
        case let .archive(reason, _, duplicateOf):
            let original = duplicateOf.map { " (#\($0))" } ?? ""
            return Localized("Tersimpan: \(target) diarsipkan, alasan: \(reason.label.id)\(original).",
                             en: "Saved: \(targetEn) archived, reason: \(reason.label.en)\(original).")
        case let .setPriority(p):
            return Localized("Tersimpan: prioritas \(target) menjadi \(p.label.id).", en: "Saved: \(targetEn) priority set to \(p.label.en).")
        case let .assignToUnit(unit):
            let name = env.unitName(unit, in: agency) ?? unit
            return Localized("Tersimpan: \(target) didisposisikan ke unit \(name).", en: "Saved: \(targetEn) passed to the unit \(name).")
        case let .classify(classification, category, subcategory)
            where classification != nil || category != nil || subcategory != nil:
            let what = [classification?.label, category.map { Localized($0, en: $0) }, subcategory.map { Localized($0, en: $0) }]
                .compactMap { $0 }
            return Localized("Tersimpan: \(target) diklasifikasikan: \(what.map(\.id).joined(separator: " · ")).",
                             en: "Saved: \(targetEn) classified: \(what.map(\.en).joined(separator: " · ")).")
        case let .setFlags(anonymous, confidential):
            // Which mark, set or removed (QA: both said "Anonim / rahasia").
            var id: [String] = [], en: [String] = []
            if let a = anonymous { id.append(a ? "dijadikan anonim" : "tidak lagi anonim"); en.append(a ? "made anonymous" : "no longer anonymous") }
            if let c = confidential { id.append(c ? "dijadikan rahasia" : "tidak lagi rahasia"); en.append(c ? "made confidential" : "no longer confidential") }
            return Localized("Tersimpan: \(target) \(id.joined(separator: ", ")).", en: "Saved: \(targetEn) \(en.joined(separator: ", ")).")
        case let .linkDuplicate(original):
            return Localized("Tersimpan: \(target) ditautkan sebagai duplikat dari #\(original).",
                             en: "Saved: \(targetEn) linked as a duplicate of #\(original).")
        default:
            return outcomeMessage(r.command, target: target, targetEn: targetEn)
        }
    }

    /// What the rest of the actions did, said as their outcome rather than the form's name (QA: "Tersimpan:
    /// Kembalikan: bukan wewenang — #2600005" did not say where the report went).
    private static func outcomeMessage(_ command: Command, target: String, targetEn: String) -> Localized {
        switch command {
        case .sendBack:
            return Localized("Tersimpan: \(target) dikembalikan ke Admin Nasional (bukan wewenang) untuk dilimpahkan; pelapor melihat alasannya.",
                             en: "Saved: \(targetEn) sent back to the national desk (not your authority) to be re-routed; the reporter sees the reason.")
        case .postpone:
            return Localized("Tersimpan: \(target) ditunda; pertanyaan dikirim ke pelapor, laporan menunggu jawabannya.",
                             en: "Saved: \(targetEn) postponed; the question went to the reporter, and the report waits for the answer.")
        case .recordReporterReply:
            return Localized("Tersimpan: jawaban pelapor dicatat pada \(target); laporan kembali ke antrean dan tenggatnya berjalan lagi.",
                             en: "Saved: the reporter's answer is on \(targetEn); the report is back in its queue and its deadline runs again.")
        case .recordDispute:
            return Localized("Tersimpan: sanggahan pelapor dicatat; \(target) kembali ke instansi (diproses) dengan tenggat baru.",
                             en: "Saved: the reporter's dispute is on \(targetEn); it goes back to the agency (diproses) with a new deadline.")
        case .recordAcceptance:
            return Localized("Tersimpan: pelapor menerima tindak lanjut; \(target) selesai.",
                             en: "Saved: the reporter accepted the follow-up; \(targetEn) is done (selesai).")
        case .postFollowUp:
            return Localized("Tersimpan: tindak lanjut \(target) dikirim ke pelapor.", en: "Saved: the follow-up on \(targetEn) went to the reporter.")
        case let .tag(add, remove):
            let change = (add.map { "+" + $0 } + remove.map { "−" + $0 }).joined(separator: ", ")
            return Localized("Tersimpan: tag \(target): \(change).", en: "Saved: tags of \(targetEn): \(change).")
        case .addNote:
            return Localized("Tersimpan: catatan internal pada \(target) (tidak dilihat pelapor).",
                             en: "Saved: internal note on \(targetEn) (the reporter does not see it).")
        case .postReply:
            return Localized("Tersimpan: balasan publik pada \(target) (dilihat pelapor).", en: "Saved: public reply on \(targetEn) (the reporter sees it).")
        case .editTitle:
            return Localized("Tersimpan: judul \(target) diubah.", en: "Saved: the title of \(targetEn) changed.")
        case let .redact(fields, _):
            return Localized("Tersimpan: data pribadi \(target) dihapus: \(fields.joined(separator: ", ")).",
                             en: "Saved: personal data of \(targetEn) redacted: \(fields.joined(separator: ", ")).")
        default:
            return Localized("Tersimpan: \(command.kind.label.id) — \(target).", en: "Saved: \(command.kind.label.en) — \(targetEn).")
        }
    }

    static func flagConfirmTitle(anonymous: Bool, on: Bool, id: ReportID) -> Localized {
        switch (anonymous, on) {
        case (true, true): Localized("Jadikan #\(id) ANONIM?", en: "Make #\(id) ANONYMOUS?")
        case (true, false): Localized("Cabut ANONIM dari #\(id)?", en: "Remove ANONYMOUS from #\(id)?")
        case (false, true): Localized("Jadikan #\(id) RAHASIA?", en: "Make #\(id) CONFIDENTIAL?")
        case (false, false): Localized("Cabut RAHASIA dari #\(id)?", en: "Remove CONFIDENTIAL from #\(id)?")
        }
    }

    /// Who will see what after the change: officers forgetting these flags caused real harm.
    static func flagConsequences(anonymous: Bool, on: Bool) -> [Localized] {
        switch (anonymous, on) {
        case (true, true):
            [Localized("Identitas pelapor hanya terlihat oleh Admin Nasional.", en: "The reporter's identity will be visible to the national desk only."),
             Localized("Admin instansi, penghubung dan pengamat melihat 'disembunyikan'.", en: "Agency admins, liaison officers and observers will see 'hidden'.")]
        case (true, false):
            // One sentence, one line: the dialog wraps it to its width (QA: split in two, it broke mid-sentence).
            [Localized("PERHATIAN: nama, NIK, telepon dan email pelapor akan terlihat oleh instansi tujuan, penghubung unit kerja dan pengamat.",
                       en: "WARNING: the reporter's name, NIK, phone and email will be visible to the agency, its work-unit liaison officers and observers.")]
        case (false, true):
            [Localized("Laporan tidak akan pernah dipublikasikan dan dikeluarkan dari ekspor publik.", en: "The report will never be public and is left out of public exports.")]
        case (false, false):
            [Localized("PERHATIAN: laporan dapat muncul di ekspor publik (tanpa identitas pelapor).", en: "WARNING: the report may appear in public exports (without the reporter's identity).")]
        }
    }
}
