import Complaints
import Foundation

/// A desk service that only reads: the console of an OS account not allowed to change the desk (see
/// `OSUserBinding`) still follows other writers but never writes, not even the auto-close sweep, and its
/// title bar says READ-ONLY with the reason.
public final class ReadOnlyDeskService: DeskService {
    private let base: any DeskService
    private let reason: Localized

    public init(wrapping base: any DeskService, reason: Localized) {
        self.base = base
        self.reason = reason
    }

    public func perform(_ requests: [DeskRequest], as op: Operator, now: Date) -> [DeskOutcome] {
        requests.map { DeskOutcome(request: $0, result: .failed(reason)) }
    }

    public func poll() -> [RecordedEvent] { base.poll() }

    public func sweep(now: Date) -> [RecordedEvent] { [] }

    public var changeDescriptor: Int32? { base.changeDescriptor }

    public func drainChangeNotifications() { base.drainChangeNotifications() }

    public var health: JournalHealthView { .readOnly(reason) }

    public var journalWasReplaced: Bool { base.journalWasReplaced }

    public var practiceDeskWasReset: Bool { base.practiceDeskWasReset }

    public func deadlineRulesChange() -> DeadlineRulesChange? { base.deadlineRulesChange() }
    public func referenceChange() -> ReferenceChange? { base.referenceChange() }

    public var snapshotWasWrong: Bool { base.snapshotWasWrong }
}
