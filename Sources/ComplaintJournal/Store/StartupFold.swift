import Complaints
import Foundation

/// The desk folded by the start-up scan itself (`ScanFold`): a cold start reads each journal line once,
/// verifying and decoding it in the same call, instead of a verify pass followed by a decode pass.
public final class StartupFold: ScanFold {
    /// Only ever touched by the scanning thread, one event at a time (`consume`), so the run-time check
    /// that no two accesses overlap is left out: a million checks at start-up.
    @exclusivity(unchecked) public private(set) var desk = Desk()
    /// Lines that verified but could not be understood (see `DeskStore.problems`).
    public private(set) var problems: [JournalMapping.Problem] = []
    public var typeNames: [String] { DomainEvent.typeNames }
    private let journalBytes: () -> Int
    private var source: JournalTextStore?

    public var decode: @Sendable (FoldEntry, JournalLineSpan, LineParts) -> Result<RecordedEvent, JournalMapping.Problem> {
        // The scan reads `decode` only after `begin`; a store of no folder would only ever fail its reads.
        let source = source ?? JournalTextStore(dataFolder: URL(fileURLWithPath: "/nonexistent"))
        return { JournalMapping.recorded($0, at: $1, parts: $2, source: source) }
    }

    /// `journalBytes` sizes the desk's tables up front (a report takes about 2.5 kB of journal); asked only
    /// when a scan folds, not on a start from a snapshot.
    public init(journalBytes: @escaping () -> Int) {
        self.journalBytes = journalBytes
    }

    public func begin(textStore: JournalTextStore) {
        source = textStore
        desk = Desk()
        problems = []
        // Room up front instead of growing (copying, rehashing) the report list and its indices step by step.
        desk.reserveCapacity(adding: min(journalBytes() / 2_500, 10_000_000))
    }

    /// A decoded event was read through a `PayloadTape`, whose grammar, UTF-8 rule and depth limit are the
    /// journal's (`PayloadTapeTests`, `StartupFoldTests`); a problem may be a payload that is not JSON.
    public static func parsedPayload(_ decoded: Result<RecordedEvent, JournalMapping.Problem>) -> Bool {
        if case .success = decoded { return true }
        return false
    }

    public func consume(_ value: consuming Result<RecordedEvent, JournalMapping.Problem>, at position: JournalPosition) {
        switch consume value {
        case let .success(r): desk.apply(r)
        case var .failure(p):
            p.position = position
            problems.append(p)
        }
    }
}
