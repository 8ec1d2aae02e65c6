import Complaints
import ComplaintJournal
import Console

/// The roster's `os_user` binding (`OSUserBinding`) on the command line and in the console.
extension DeskAccess {
    /// `act` as an operator bound to another OS account (or by an account not on the roster) is refused.
    static func requireOSUserBinding(_ desk: OpenedDesk, _ op: Operator) throws {
        if let why = OSUserBinding.writeRefusal(roster: desk.roster, operatorName: op.name, osUser: OSAccount.current()) {
            throw Fail.rejected("--as \(op.name): \(why.id)\n--as \(op.name): \(why.en)")
        }
    }

    /// The console's service: read-only, with the reason in the title bar, for an OS account that may not
    /// change the desk as `op`. `ConsoleLauncher` already opens the journal read-only for such an account
    /// (so start-up recovery writes nothing either); this also covers a demo desk, whose operator is only
    /// chosen after it opens.
    static func consoleService(_ desk: OpenedDesk, _ op: Operator) -> any DeskService {
        let store = StoreService(store: desk.store,
                                 rulesSource: DeadlineRulesSource(folder: desk.folder, defaults: defaults, timeZone: desk.settings.timeZone),
                                 referenceSource: ReferenceSource(folder: desk.folder, defaults: defaults, onDuty: op))
        guard let why = OSUserBinding.writeRefusal(roster: desk.roster, operatorName: op.name, osUser: OSAccount.current()) else {
            return store
        }
        return ReadOnlyDeskService(wrapping: store, reason: why)
    }
}
