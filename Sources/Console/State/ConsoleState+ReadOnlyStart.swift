import ComplaintJournal
import Complaints

extension ConsoleState {
    /// A console that had to open read-only (lock held by a hung console, read-only or unsafe data
    /// folder, network file system) says why on the message line at start-up: the title bar only
    /// has room for "BACA SAJA", and an officer must know why nothing can be saved.
    public mutating func announceReadOnlyStart() {
        if let why = healthProblem { message = StatusMessage(kind: .error, text: why) }
    }

    /// Why nothing can be saved, and what to do, in the officer's language (the journal's own detail after
    /// it); nil while the journal is OK. QA: a damaged journal showed only "JURNAL RUSAK" in the title bar.
    var healthProblem: String? {
        switch health {
        case .ok: nil
        case let .readOnly(reason): text(Localized("Jurnal baca saja: ", en: "Read-only journal: ")) + text(reason)
        case let .degraded(reason) where JournalAdvice.namesItsRemedy([reason]):
            text(Localized("Jurnal perlu perhatian, perubahan tidak disimpan: ", en: "The journal needs attention; changes are not saved: "))
                + reason
        case let .degraded(reason):
            // A repair from another shell is taken within seconds (`FileJournal.poll`); some damage found by this
            // console itself (a write it could not roll back) still needs it reopened.
            text(Localized("Jurnal perlu diperbaiki, perubahan tidak disimpan: jalankan `lapor-desk check --repair` (buka ulang konsol bila pesan ini tetap ada). ",
                           en: "The journal needs repair; changes are not saved: run `lapor-desk check --repair` (reopen the console if this message stays). "))
                + reason
        }
    }
}

extension ConsoleState {
    /// A console reopened because its practice desk was reset from elsewhere says so on its first frame.
    public mutating func announce(_ notice: Localized) {
        message = StatusMessage(kind: .info, text: text(notice))
    }
}
