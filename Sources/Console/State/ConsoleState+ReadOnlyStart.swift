import Complaints

extension ConsoleState {
    /// A console that had to open read-only (lock held by a hung console, read-only or unsafe data
    /// folder, network file system) says why on the message line at start-up: the title bar only
    /// has room for "BACA SAJA", and an officer must know why nothing can be saved.
    public mutating func announceReadOnlyStart() {
        guard case let .readOnly(reason) = health else { return }
        message = StatusMessage(kind: .error, text: text(Localized("Jurnal baca saja: ", en: "Read-only journal: ")) + reason)
    }
}

extension ConsoleState {
    /// A console reopened because its practice desk was reset from elsewhere says so on its first frame.
    public mutating func announce(_ notice: Localized) {
        message = StatusMessage(kind: .info, text: text(notice))
    }
}
