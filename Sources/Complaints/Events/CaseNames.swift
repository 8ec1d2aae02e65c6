#if canImport(Glibc)
import Glibc // memcmp: byte comparison, no I/O
#endif

/// The cases of an enum by the bytes of their names, so a case is read straight from a payload's or an
/// envelope's bytes: `Channel(rawValue:)` compares a string with its ten cases in turn (about 500
/// instructions per report at start-up), and a string `switch` on an event's type did the same per line.
/// Names are plain ASCII, so matching their bytes exactly is matching the string.
struct CaseNames<E: CaseIterable & Sendable>: Sendable {
    private let cases: [E]
    private let names: [[UInt8]]

    /// Each case named by `name` (every name distinct).
    init(_ name: (E) -> String) {
        cases = Array(E.allCases)
        names = cases.map { Array(name($0).utf8) }
    }

    /// The case whose name is exactly `bytes`, its length compared first; nil when none is.
    func find(_ bytes: UnsafeBufferPointer<UInt8>) -> E? {
        guard let base = bytes.baseAddress else { return nil }
        for k in names.indices where names[k].count == bytes.count {
            if names[k].withUnsafeBufferPointer({ memcmp($0.baseAddress!, base, bytes.count) == 0 }) { return cases[k] }
        }
        return nil
    }
}

extension CaseNames where E: RawRepresentable, E.RawValue == String {
    /// Each case named by its raw value.
    init() { self.init(\.rawValue) }
}

extension Channel {
    static let rawValueBytes = CaseNames<Channel>()
}

extension Classification {
    static let rawValueBytes = CaseNames<Classification>()
}

extension Priority {
    static let rawValueBytes = CaseNames<Priority>()
}

extension DispositionKind {
    static let rawValueBytes = CaseNames<DispositionKind>()
}

extension ArchiveReason {
    static let rawValueBytes = CaseNames<ArchiveReason>()
}

extension DeleteReason {
    static let rawValueBytes = CaseNames<DeleteReason>()
}
