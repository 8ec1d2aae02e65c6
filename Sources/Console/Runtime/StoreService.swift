import Complaints
import ComplaintJournal
import Foundation

/// The console's desk service over a `DeskStore` (file or in-memory journal).
public final class StoreService: DeskService {
    public let store: DeskStore
    /// The files the desk's deadline rules come from, watched for edits (nil: rules fixed for the session).
    private var rulesSource: DeadlineRulesSource?
    /// The files of the desk's reference data, watched for edits (nil: fixed for the session).
    private var referenceSource: ReferenceSource?

    public init(store: DeskStore, rulesSource: DeadlineRulesSource? = nil, referenceSource: ReferenceSource? = nil) {
        self.store = store
        self.rulesSource = rulesSource
        self.referenceSource = referenceSource
    }

    public func referenceChange() -> ReferenceChange? {
        guard let change = referenceSource?.change() else { return nil }
        // Decisions check agencies, units and topics against the new directory from now on, as the forms offer them.
        if case let .reloaded(reference) = change { store.directory = reference }
        return change
    }

    public func deadlineRulesChange() -> DeadlineRulesChange? {
        guard let change = rulesSource?.change() else { return nil }
        // Decisions and the auto-close sweep count with the new rules from now on, as the screen does.
        if case let .reloaded(deadlines) = change { store.deadlines = deadlines }
        return change
    }

    public func perform(_ requests: [DeskRequest], as op: Operator, now: Date) -> [DeskOutcome] {
        let file = store.journal as? FileJournal
        var tornBefore = file?.tornTails(from: 0).count ?? 0
        return requests.map { req -> DeskOutcome in
            let result: DeskOutcome.Result
            do throws(DeskStore.Failure) {
                result = .recorded(try store.perform(req.command, on: req.reportID, as: op, expectedVersion: req.expectedVersion, now: now))
            } catch {
                switch error {
                case let .refused(r): result = .refused(r)
                case let .journal(text): result = .failed(text)
                case let .busy(holder, waited, _): result = .busy(holder: holder, waitedSeconds: waited)
                }
            }
            // A writer that crashed mid-line leaves a torn end, which this append set aside (QA: silently).
            let torn = file?.tornTails(from: tornBefore) ?? []
            let setAside = torn.map { $0.quarantineFile.map { "journal/" + $0 } ?? $0.file }
            tornBefore += torn.count
            return DeskOutcome(request: req, result: result, caughtUp: store.takeCaughtUp(), setAside: Array(setAside))
        }
    }

    public func poll() -> [RecordedEvent] {
        (try? store.poll()) ?? []
    }

    public func sweep(now: Date) -> [RecordedEvent] {
        guard case .ok = health else { return [] }
        let swept = (try? store.sweep(now: now)) ?? []
        // Other writers' events caught up before the sweep's append come first.
        return store.takeCaughtUp() + swept
    }

    public var changeDescriptor: Int32? { store.journal.changeDescriptor }

    public func drainChangeNotifications() { store.journal.drainChangeNotifications() }

    public var health: JournalHealthView { JournalHealthView(store.journal.health) }

    public var journalWasReplaced: Bool { store.journal.replacedSegment != nil }

    public var journalBusyWith: String? { (store.journal as? FileJournal)?.lockHeldElsewhere }

    public var snapshotWasWrong: Bool { (store.journal as? FileJournal)?.snapshotRegionFailureSoFar != nil }
}

extension JournalHealthView {
    /// The journal's health as the title bar shows it (the first reason of damage).
    public init(_ health: JournalHealth) {
        switch health {
        case .ok: self = .ok
        case let .degraded(reasons): self = .degraded(reasons.first ?? "")
        case let .readOnly(reason): self = .readOnly(reason)
        }
    }
}
