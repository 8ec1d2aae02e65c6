import Complaints
import Foundation

/// The desk service of a console on a practice desk. A practice desk is reset (`lapor-desk demo --reset`
/// from another shell, or Ctrl-R in another console on the folder) by putting its pristine journal
/// segments back as new files, which the journal notices as replaced segments; here that means "reset", not
/// damage: nothing more is read or written, and the runtime hears `practiceDeskWasReset` and reopens.
public final class PracticeDeskService: DeskService {
    private let base: any DeskService

    public init(wrapping base: any DeskService) {
        self.base = base
    }

    public func perform(_ requests: [DeskRequest], as op: Operator, now: Date) -> [DeskOutcome] {
        guard !practiceDeskWasReset else {
            return requests.map { DeskOutcome(request: $0, result: .failed(Localized("meja latihan telah diatur ulang; tidak ada yang ditulis",
                                                                                     en: "the practice desk was reset; nothing was written"))) }
        }
        return base.perform(requests, as: op, now: now)
    }

    public func poll() -> [RecordedEvent] { practiceDeskWasReset ? [] : base.poll() }

    public func sweep(now: Date) -> [RecordedEvent] { practiceDeskWasReset ? [] : base.sweep(now: now) }

    public var changeDescriptor: Int32? { base.changeDescriptor }

    public func drainChangeNotifications() { base.drainChangeNotifications() }

    public var health: JournalHealthView { base.health }

    public var journalWasReplaced: Bool { base.journalWasReplaced }

    public var journalBusyWith: String? { base.journalBusyWith }

    public var practiceDeskWasReset: Bool { base.journalWasReplaced }

    public func deadlineRulesChange() -> DeadlineRulesChange? { practiceDeskWasReset ? nil : base.deadlineRulesChange() }
    public func referenceChange() -> ReferenceChange? { practiceDeskWasReset ? nil : base.referenceChange() }

    public var snapshotWasWrong: Bool { base.snapshotWasWrong }
}
