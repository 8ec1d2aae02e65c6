import Complaints
import Foundation

/// The desk as a process sees it: the journal plus the projection folded from it. Every change goes
/// through `perform`, which decides under the journal lock after catching up with other writers, so two
/// consoles never contradict each other and a stale command is refused with the reason.
public final class DeskStore {
    public let journal: any EventJournal
    public private(set) var desk = Desk()
    public var directory: any DirectoryLookup
    public var deadlines: Deadlines
    /// The operating-system user recorded beside the operator name on every event.
    public var osUser: String?
    public var offsetSeconds: Int
    /// Journal lines that verified but could not be understood (unknown type, bad payload): reported, skipped.
    public private(set) var problems: [JournalMapping.Problem] = []
    /// The highest tracking id a damaged line set aside named: that report is gone from the desk, but its
    /// id was given to a reporter, so new ids are numbered after it. Read before an append (the journal's
    /// lock is not reentrant).
    private var highestIDSetAside: ReportID? {
        (journal as? FileJournal)?.reportIDsSetAside.map { ReportID($0) }.max()
    }

    /// Where long report bodies are read back from: the file journal's lines (nil for an in-memory journal,
    /// which keeps every body in memory).
    private var textSource: JournalTextStore? { (journal as? FileJournal)?.textStore }

    /// `restoring` is a desk already folded up to some sequence (a projection snapshot the journal
    /// accepted): only the events after it are folded. `folded` is the whole journal folded by its open
    /// (`FileJournal.foldedAtOpen`): nothing is read again.
    public init(journal: any EventJournal, directory: any DirectoryLookup, deadlines: Deadlines,
                offsetSeconds: Int = 7 * 3600, osUser: String? = OSAccount.current(), restoring: Desk? = nil,
                folded: StartupFold? = nil) throws {
        self.journal = journal
        self.directory = directory
        self.deadlines = deadlines
        self.offsetSeconds = offsetSeconds
        self.osUser = osUser
        if let folded, (journal as? FileJournal)?.foldedAtOpen == true {
            desk = folded.desk
            problems = folded.problems
            MemoryTrim.afterStartup()
            return
        }
        if let restoring { desk = restoring }
        let after = desk.lastSeq
        // Stream the journal into the projection: never hold every entry (and its payload) at once.
        // A file journal decodes on every core; the fold stays sequential, in journal order.
        let fold: (Result<RecordedEvent, JournalMapping.Problem>) -> Void = { [self] result in
            switch result {
            case let .success(r): desk.apply(r)
            case let .failure(p): problems.append(p)
            }
        }
        if let file = journal as? FileJournal {
            // A report takes about five events: room for that many up front instead of growing (copying,
            // rehashing) the report list and its indices step by step through a cold start.
            if restoring == nil { desk.reserveCapacity(adding: Int(min(file.lastSequence / 5, 10_000_000))) }
            try file.forEachRecorded(after: after, fold)
        } else {
            try journal.forEachEntry(after: after) { fold(JournalMapping.recorded($0)) }
        }
        MemoryTrim.afterStartup()
    }

    @discardableResult
    private func fold(_ entries: [JournalEntry]) -> [RecordedEvent] {
        var out: [RecordedEvent] = []
        out.reserveCapacity(entries.count)
        // Decoding is independent per entry (all cores for a bulk import); the fold stays in order.
        let source = textSource
        let decoded = ParallelLines.map(count: entries.count, workers: ParallelLines.workers(lines: entries.count)) {
            JournalMapping.recorded(entries[$0], source: source)
        }
        for result in decoded.joined() {
            switch result {
            case let .success(r):
                desk.apply(r)
                out.append(r)
            case let .failure(p):
                problems.append(p)
            }
        }
        return out
    }

    /// Folds the entries this process just wrote, from the events it decided (`events[k]` became
    /// `stored[k]`) instead of decoding every payload it has just encoded; the projection is the one a
    /// later read of the journal builds (`JournalMapping.recorded(_:written:)`). With `batch` (the one actor
    /// who wrote them all, and where each receipt's body was written in its payload) no payload is decoded,
    /// and no copy of the events is kept (the result is empty): a bulk import does not read its events
    /// back, and keeping a copy of each retained every string it holds once more, then released them all.
    @discardableResult
    private func foldWritten(_ stored: [JournalEntry], events: [(event: DomainEvent, report: ReportID)],
                             batch: (actor: Actor, bodies: [Range<Int>?])? = nil) -> [RecordedEvent] {
        guard stored.count == events.count, batch.map({ $0.bodies.count == events.count }) ?? true else { return fold(stored) }
        let keep = batch == nil
        var out: [RecordedEvent] = []
        if keep { out.reserveCapacity(stored.count) }
        let source = textSource
        let ref = batch.map { ActorRef($0.actor) }
        // All cores for a bulk import; without `batch`, new reports are decoded from their lines
        // (`recorded(_:written:source:)`).
        let results = ParallelLines.map(count: stored.count, workers: ParallelLines.workers(lines: stored.count)) { k in
            if let batch, let ref {
                return JournalMapping.recorded(stored[k], written: events[k].event, body: batch.bodies[k], actor: ref, source: source)
            }
            return JournalMapping.recorded(stored[k], written: events[k].event, source: source)
        }
        for result in results.joined() {
            switch result {
            case let .success(r):
                if keep { out.append(r) }
                desk.apply(r)
            case let .failure(p): problems.append(p)
            }
        }
        return out
    }

    /// Other writers' events folded while catching up under the lock before an append (`perform`,
    /// `receive`, `sweep`), not yet handed to the caller: they come before this process's own events.
    private var caughtUpNotTaken: [RecordedEvent] = []

    private func catchUp(_ entries: [JournalEntry]) {
        caughtUpNotTaken += fold(entries)
    }

    /// The other writers' events folded during this process's own appends since the last call, in journal
    /// order. A caller that keeps its own copy of the desk (the console) applies them before the events it
    /// wrote, which come after them; otherwise they would be missing from its copy for good.
    public func takeCaughtUp() -> [RecordedEvent] {
        defer { caughtUpNotTaken = [] }
        return caughtUpNotTaken
    }

    /// Events other processes appended since we last looked (those caught up during an append first).
    @discardableResult
    public func poll() throws -> [RecordedEvent] {
        let earlier = takeCaughtUp()
        return earlier + fold(try journal.poll())
    }

    /// Errors `perform` can report besides a domain refusal.
    public enum Failure: Error, CustomStringConvertible {
        case refused(Refusal)
        /// The journal could not store the events; said in both languages (`JournalError.explanation`).
        case journal(Localized)
        /// Another process held the journal's lock longer than this one waits (`holder` when known):
        /// nothing was written, and trying again later will do (the console says so in the officer's words).
        case busy(holder: String?, waitedSeconds: Double, description: String)

        public var description: String {
            switch self {
            case let .refused(r): r.message.id
            case let .journal(text): text.en
            case let .busy(_, _, text): text
            }
        }

        /// `.busy` for a held lock, `.journal` for any other failure to write.
        static func writing(_ error: any Error) -> Failure {
            if case let .lockedByAnotherProcess(_, waited, holder)? = error as? JournalError {
                return .busy(holder: holder, waitedSeconds: waited, description: String(describing: error))
            }
            let text = String(describing: error)
            return .journal((error as? JournalError)?.explanation ?? Localized(text, en: text))
        }
    }

    /// Decides `command` for `reportID` against the latest state (caught up under the lock) and appends
    /// the events durably. Returns the recorded events, or throws `.refused` / `.journal`.
    @discardableResult
    public func perform(_ command: Command, on reportID: ReportID, as op: Operator, expectedVersion: Int? = nil,
                        now: Date) throws(Failure) -> [RecordedEvent] {
        var refusal: Refusal?
        var decided: [(event: DomainEvent, report: ReportID)] = []
        let actor = Actor(op, osUser: osUser)
        do {
            let stored = try journal.append { caughtUp in
                self.catchUp(caughtUp)
                do throws(Refusal) {
                    let ctx = self.context(op, now: now, expected: expectedVersion)
                    let events = try Workflow.decide(command, report: self.desk[reportID], context: ctx)
                    decided = events.map { ($0, reportID) }
                    return events.map { JournalMapping.newEntry($0, report: reportID, actor: actor, at: now, offsetSeconds: self.offsetSeconds) }
                } catch {
                    refusal = error
                    throw error
                }
            }
            // Folded from the decided events: the payloads were encoded a moment ago.
            return foldWritten(stored, events: decided)
        } catch {
            if let refusal { throw .refused(refusal) }
            throw .writing(error)
        }
    }

    /// Makes room in the projection for `count` more reports before a bulk import folds them in batch
    /// after batch, so it is not grown (copied, rehashed) step by step.
    public func reserveCapacity(forMoreReports count: Int) {
        desk.reserveCapacity(adding: count)
    }

    /// Records a new report. A report already recorded with the same channel and external id is not
    /// recorded again: its id is returned with `isNew == false`.
    public func receive(_ intake: Intake, as op: Operator, now: Date) throws(Failure) -> (id: ReportID, isNew: Bool) {
        let results = try receive([intake], as: op, now: now)
        switch results[0] {
        case let .success(r): return r
        case let .failure(f): throw f
        }
    }

    /// Records many reports in one locked append (one write, one sync): ids are allocated under the
    /// lock so concurrent writers never hand out the same number.
    public func receive(_ intakes: [Intake], as op: Operator, now: Date) throws(Failure)
        -> [Result<(id: ReportID, isNew: Bool), Failure>]
    {
        var results: [Result<(id: ReportID, isNew: Bool), Failure>] = []
        let actor = Actor(op, osUser: osUser)
        var written: [(encoded: JournalMapping.EncodedEvent, report: ReportID)] = []
        let setAside = highestIDSetAside
        do {
            let stored = try journal.append { caughtUp in
                self.catchUp(caughtUp)
                results = []
                results.reserveCapacity(intakes.count)
                var next = ReportID.next(after: ([self.desk.highestID, setAside].compactMap { $0 }).max())
                var seenInBatch: [Desk.ExternalKey: ReportID] = [:]
                seenInBatch.reserveCapacity(intakes.count)
                // The desk does not change while the batch is decided: one context serves every intake.
                let receipts = DeskStore.decidedReceipts(intakes, context: self.context(op, now: now, expected: nil),
                                                         offsetSeconds: self.offsetSeconds)
                written = []
                written.reserveCapacity(intakes.count)
                for (intake, receipt) in zip(intakes, receipts) {
                    var key: Desk.ExternalKey?
                    if let ext = intake.externalID {
                        let known = Desk.externalKey(channel: intake.channel, externalID: ext)
                        if let existing = self.desk.reportID(channel: intake.channel, externalID: ext) ?? seenInBatch[known] {
                            results.append(.success((existing, false)))
                            continue
                        }
                        key = known
                    }
                    switch receipt {
                    case let .success(events):
                        // Only a report recorded holds its external id: a refused line's corrected copy later
                        // in the file is recorded, not taken for a duplicate of the next report's number.
                        if let key { seenInBatch[key] = next }
                        for event in events { written.append((event, next)) }
                        results.append(.success((next, true)))
                        next = ReportID.next(after: next)
                    case let .failure(refusal):
                        results.append(.failure(.refused(refusal)))
                    }
                }
                return JournalMapping.newEntries(written, actor: actor, at: now, offsetSeconds: self.offsetSeconds)
            }
            foldWritten(stored, events: written.map { ($0.encoded.event, $0.report) }, batch: (actor, written.map(\.encoded.body)))
        } catch {
            throw .writing(error)
        }
        return results
    }

    /// Each intake's receipt decided and encoded, on every core for a bulk import: deciding a receipt needs
    /// the intake and the directory only, and its payload does not hold the report number it is given later.
    private static func decidedReceipts(_ intakes: [Intake], context: DecisionContext, offsetSeconds: Int)
        -> [Result<[JournalMapping.EncodedEvent], Refusal>]
    {
        ParallelLines.contiguousMap(count: intakes.count, workers: ParallelLines.workers(lines: intakes.count)) { k in
            do throws(Refusal) {
                let events = try Workflow.decide(.receive(intakes[k]), report: nil, context: context)
                return .success(events.map { JournalMapping.encoded($0, offsetSeconds: offsetSeconds) })
            } catch {
                return .failure(error)
            }
        }
    }

    /// Writes the events the clock makes due (auto-close after the reporter's silence window), as the
    /// system actor. Decided under the lock, so with several consoles open only one writes each.
    @discardableResult
    public func sweep(now: Date) throws(Failure) -> [RecordedEvent] {
        let due = desk.all.filter { deadlines.isAutoCloseDue($0, now: now) }.map(\.id)
        guard !due.isEmpty else { return [] }
        let actor = Actor(.system, osUser: osUser)
        do {
            let stored = try journal.append { caughtUp in
                self.catchUp(caughtUp)
                var entries: [NewEntry] = []
                for id in due.sorted() {
                    let ctx = self.context(.system, now: now, expected: nil)
                    guard let events = try? Workflow.decide(.autoClose, report: self.desk[id], context: ctx) else { continue }
                    entries += events.map { JournalMapping.newEntry($0, report: id, actor: actor, at: now, offsetSeconds: self.offsetSeconds) }
                }
                return entries
            }
            return fold(stored)
        } catch {
            throw .writing(error)
        }
    }

    public func context(_ op: Operator, now: Date, expected: Int?) -> DecisionContext {
        let desk = self.desk
        return DecisionContext(actor: op, now: now, expectedVersion: expected, directory: directory, deadlines: deadlines, desk: desk)
    }
}
