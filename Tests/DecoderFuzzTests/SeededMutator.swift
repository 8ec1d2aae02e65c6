import Foundation
import SeededRandom

/// A small deterministic mutator (SplitMix64): the same seed gives the same inputs on every machine, so a
/// failure seen in CI replays exactly. It mimics libFuzzer's cheap mutations plus hostile tokens.
struct SeededMutator {
    private var random: SeededGenerator

    init(seed: UInt64) { random = SeededGenerator(seed: seed) }

    mutating func next() -> UInt64 { random.next() }

    mutating func below(_ n: Int) -> Int { random.below(n) }

    /// Tokens that have broken parsers before: escapes, terminal controls, surrogates, huge numbers, nesting.
    static let tokens: [[UInt8]] = [
        "\"", "\\", "\\u0000", "\\ud800", "\\udc00x", "\u{1B}]52;c;SGk=\u{07}", "\u{1B}[2J", "\u{202E}", "\u{00}",
        "\u{85}", "\r\n", "\n", "{", "}", "[", "]", ",", ":", "=", "[[", "]]", "\"\"\"", "'''", "#",
        "1e999999", "-0", "99999999999999999999999", "0x", "NaN", "true", "null", "2026-02-30", "2026-04-01T08:15:00+07:00",
        "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
    ].map { Array($0.utf8) } + [[0xFF], [0xC3], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xEF, 0xBB, 0xBF]]

    mutating func mutate(_ input: [UInt8], splice other: [UInt8]) -> [UInt8] {
        var bytes = input
        for _ in 0...below(4) {
            switch below(7) {
            case 0 where !bytes.isEmpty:
                bytes[below(bytes.count)] ^= UInt8(1 << below(8))
            case 1:
                bytes.insert(UInt8(truncatingIfNeeded: next()), at: below(bytes.count + 1))
            case 2 where !bytes.isEmpty:
                let start = below(bytes.count)
                bytes.removeSubrange(start..<min(bytes.count, start + 1 + below(16)))
            case 3 where !bytes.isEmpty:
                let start = below(bytes.count)
                let piece = bytes[start..<min(bytes.count, start + 1 + below(64))]
                bytes.insert(contentsOf: piece, at: below(bytes.count + 1))
            case 4:
                bytes.insert(contentsOf: Self.tokens[below(Self.tokens.count)], at: below(bytes.count + 1))
            case 5 where !other.isEmpty:
                let cut = below(bytes.count + 1)
                let from = below(other.count)
                bytes = Array(bytes[..<cut]) + other[from...]
            default:
                if !bytes.isEmpty { bytes.removeLast(below(min(bytes.count, 8)) ) }
            }
        }
        return bytes
    }
}
