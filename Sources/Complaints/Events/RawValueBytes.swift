#if canImport(Glibc)
import Glibc // memcmp: byte comparison, no I/O
#endif

/// An enum's raw values as bytes, so a case is read straight from a payload's bytes: `Channel(rawValue:)`
/// compares a string with its ten cases in turn, about 500 instructions per report at start-up. Raw values
/// are plain ASCII names, so matching their bytes exactly is matching the string.
struct RawValueBytes<E: RawRepresentable & CaseIterable & Sendable>: Sendable where E.RawValue == String {
    private let cases: [E]
    private let names: [[UInt8]]

    init() {
        cases = Array(E.allCases)
        names = cases.map { Array($0.rawValue.utf8) }
    }

    /// The case whose raw value is exactly `bytes`; nil when none is.
    func find(_ bytes: UnsafeBufferPointer<UInt8>) -> E? {
        guard let base = bytes.baseAddress else { return nil }
        for k in names.indices where names[k].count == bytes.count {
            if names[k].withUnsafeBufferPointer({ memcmp($0.baseAddress!, base, bytes.count) == 0 }) { return cases[k] }
        }
        return nil
    }
}

extension Channel {
    static let rawValueBytes = RawValueBytes<Channel>()
}

extension Classification {
    static let rawValueBytes = RawValueBytes<Classification>()
}

extension Priority {
    static let rawValueBytes = RawValueBytes<Priority>()
}

extension DispositionKind {
    static let rawValueBytes = RawValueBytes<DispositionKind>()
}

extension ArchiveReason {
    static let rawValueBytes = RawValueBytes<ArchiveReason>()
}

extension DeleteReason {
    static let rawValueBytes = RawValueBytes<DeleteReason>()
}
