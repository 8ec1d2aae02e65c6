import Foundation

/// Something an operator (or the desk itself) asks to do to a report. `decide` turns it into events or a
/// `Refusal`. Every console action and every `lapor-desk act` verb is one of these.
public enum Command: Sendable, Hashable {
    case receive(Intake)
    /// Verify and send to an agency; from a report sent back as *bukan wewenang* this is a *pelimpahan*.
    case dispose(agency: String, unit: String?, rule: String?, note: String?)
    case postpone(question: String)
    case recordReporterReply(text: String, attachments: [Attachment])
    case archive(reason: ArchiveReason, note: String?, duplicateOf: ReportID?)
    case delete(reason: DeleteReason, note: String?)
    case assignToUnit(unit: String)
    case sendBack(reason: String)
    case postFollowUp(text: String, attachments: [Attachment])
    case recordDispute(text: String)
    case recordAcceptance(text: String?)
    case autoClose
    case editTitle(String)
    case classify(classification: Classification?, category: String?, subcategory: String?)
    case setFlags(anonymous: Bool?, confidential: Bool?)
    case tag(add: [String], remove: [String])
    case setPriority(Priority)
    case addNote(String)
    case postReply(String)
    case linkDuplicate(original: ReportID)
    case redact(fields: [String], reason: String)

    public var kind: CommandKind {
        switch self {
        case .receive: .receive
        case .dispose: .dispose
        case .postpone: .postpone
        case .recordReporterReply: .reporterReply
        case .archive: .archive
        case .delete: .delete
        case .assignToUnit: .assignUnit
        case .sendBack: .sendBack
        case .postFollowUp: .followUp
        case .recordDispute: .dispute
        case .recordAcceptance: .accept
        case .autoClose: .autoClose
        case .editTitle: .editTitle
        case .classify: .classify
        case .setFlags: .setFlags
        case .tag: .tag
        case .setPriority: .priority
        case .addNote: .note
        case .postReply: .reply
        case .linkDuplicate: .linkDuplicate
        case .redact: .redact
        }
    }
}

/// The names of commands, as used by `lapor-desk act ID <verb>`, the console's `:` prompt and key tables.
public enum CommandKind: String, CaseIterable, Sendable, Hashable, Codable {
    case receive
    case dispose
    case postpone
    case reporterReply = "reporter-reply"
    case archive
    case delete
    case assignUnit = "assign-unit"
    case sendBack = "send-back"
    case followUp = "follow-up"
    case dispute
    case accept
    case autoClose = "auto-close"
    case editTitle = "edit-title"
    case classify
    case setFlags = "set-flags"
    case tag
    case priority
    case note
    case reply
    case linkDuplicate = "link-duplicate"
    case redact

    /// Short label for menus and help.
    public var label: Localized {
        switch self {
        case .receive: Localized("Terima laporan", en: "Receive report")
        case .dispose: Localized("Verifikasi & disposisi", en: "Verify & dispose")
        case .postpone: Localized("Tunda (minta informasi)", en: "Postpone (ask for information)")
        case .reporterReply: Localized("Catat jawaban pelapor", en: "Record reporter's reply")
        case .archive: Localized("Arsipkan", en: "Archive")
        case .delete: Localized("Hapus (spam, tak terbaca)", en: "Delete (spam, unintelligible)")
        case .assignUnit: Localized("Disposisi ke unit kerja", en: "Dispose to work unit")
        case .sendBack: Localized("Kembalikan: bukan wewenang", en: "Send back: not our authority")
        case .followUp: Localized("Tindak lanjut", en: "Post follow-up")
        case .dispute: Localized("Pelapor menyanggah", en: "Reporter disputes")
        case .accept: Localized("Pelapor menerima", en: "Reporter accepts")
        case .autoClose: Localized("Tutup otomatis", en: "Auto-close")
        case .editTitle: Localized("Ubah judul", en: "Edit title")
        case .classify: Localized("Klasifikasi & kategori", en: "Classify & categorise")
        case .setFlags: Localized("Anonim / rahasia", en: "Anonymous / confidential")
        case .tag: Localized("Tag", en: "Tags")
        case .priority: Localized("Prioritas", en: "Priority")
        case .note: Localized("Catatan internal", en: "Internal note")
        case .reply: Localized("Balasan publik", en: "Public reply")
        case .linkDuplicate: Localized("Tautkan duplikat", en: "Link duplicate")
        case .redact: Localized("Hapus data pribadi", en: "Redact personal data")
        }
    }
}
