import Complaints
import TinyTOML
/// Strict RFC 8259 check that a payload is exactly one JSON object and safe to embed in a line.
///
/// The journal never interprets `data`, but it must never write a line that breaks the format:
/// raw CR or LF anywhere (even as whitespace) is refused, as is invalid UTF-8 and runaway nesting.
enum JSONPayloadValidator {
    static let maximumDepth = 64

    struct Failure: Error, Equatable {
        var offset: Int
        var reason: String
    }

    /// Throws `Failure` naming the byte offset of the first problem.
    static func validateObject(_ bytes: UnsafeBufferPointer<UInt8>) throws(Failure) {
        var parser = Parser(bytes: bytes)
        parser.skipSpace()
        guard parser.index < bytes.count else { throw Failure(offset: 0, reason: "payload is empty") }
        guard bytes[parser.index] == UInt8(ascii: "{") else {
            throw Failure(offset: parser.index, reason: "payload must be a JSON object")
        }
        try parser.value(depth: 0)
        parser.skipSpace()
        guard parser.index == bytes.count else {
            throw Failure(offset: parser.index, reason: "unexpected bytes after the payload object")
        }
    }

    private struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        mutating func skipSpace() {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        }

        func fail(_ reason: String) -> Failure { Failure(offset: index, reason: reason) }

        mutating func expect(_ byte: UInt8, _ what: String) throws(Failure) {
            guard index < bytes.count, bytes[index] == byte else {
                if index < bytes.count, bytes[index] == 0x0A || bytes[index] == 0x0D {
                    throw fail("raw line break in payload")
                }
                throw fail("expected \(what)")
            }
            index += 1
        }

        mutating func value(depth: Int) throws(Failure) {
            skipSpace()
            guard index < bytes.count else { throw fail("unexpected end of payload") }
            switch bytes[index] {
            case UInt8(ascii: "{"):
                guard depth < JSONPayloadValidator.maximumDepth else { throw fail("payload nested too deeply") }
                index += 1
                skipSpace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return }
                while true {
                    skipSpace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                        if index < bytes.count, bytes[index] == 0x0A || bytes[index] == 0x0D {
                            throw fail("raw line break in payload")
                        }
                        throw fail("expected an object key")
                    }
                    try string()
                    skipSpace()
                    try expect(UInt8(ascii: ":"), "':'")
                    try value(depth: depth + 1)
                    skipSpace()
                    guard index < bytes.count else { throw fail("unterminated object") }
                    if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    try expect(UInt8(ascii: "}"), "',' or '}'")
                    return
                }
            case UInt8(ascii: "["):
                guard depth < JSONPayloadValidator.maximumDepth else { throw fail("payload nested too deeply") }
                index += 1
                skipSpace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return }
                while true {
                    try value(depth: depth + 1)
                    skipSpace()
                    guard index < bytes.count else { throw fail("unterminated array") }
                    if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    try expect(UInt8(ascii: "]"), "',' or ']'")
                    return
                }
            case UInt8(ascii: "\""):
                try string()
            case UInt8(ascii: "t"):
                try literal("true")
            case UInt8(ascii: "f"):
                try literal("false")
            case UInt8(ascii: "n"):
                try literal("null")
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                try number()
            case 0x0A, 0x0D:
                throw fail("raw line break in payload")
            default:
                throw fail("unexpected byte 0x\(String(bytes[index], radix: 16)) in payload")
            }
        }

        mutating func literal(_ word: StaticString) throws(Failure) {
            let count = word.utf8CodeUnitCount
            guard bytes.count - index >= count else { throw fail("invalid literal") }
            let start = word.utf8Start
            for offset in 0..<count where bytes[index + offset] != start[offset] {
                throw fail("invalid literal")
            }
            index += count
        }

        mutating func digits() -> Int {
            let start = index
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
            return index - start
        }

        mutating func number() throws(Failure) {
            if bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count else { throw fail("invalid number") }
            if bytes[index] == UInt8(ascii: "0") {
                index += 1
            } else if digits() == 0 {
                throw fail("invalid number")
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                guard digits() > 0 else { throw fail("invalid number: digits expected after '.'") }
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                    index += 1
                }
                guard digits() > 0 else { throw fail("invalid number: exponent digits expected") }
            }
        }

        /// A string from its opening quote. Runs of plain bytes are passed eight at a time up to the next
        /// quote, backslash or control byte (`ByteScan.nextStringSpecial`, exact); non-ASCII text among them
        /// is validated as UTF-8 once, before the string ends or any other problem is named, so the first
        /// problem in the bytes is still the one reported, at its byte.
        mutating func string() throws(Failure) {
            index += 1
            guard let base = bytes.baseAddress else { throw fail("unterminated string") }
            while true {
                // One run between escapes (a multi-byte sequence cut by a backslash is invalid either way).
                let run = index
                var highBits: UInt64 = 0
                index = ByteScan.nextStringSpecial(base, from: index, count: bytes.count, highBits: &highBits)
                if highBits != 0, let bad = UTF8Validation.firstInvalidOffset(UnsafeBufferPointer(rebasing: bytes[run..<index])) {
                    throw Failure(offset: run + bad, reason: "invalid UTF-8")
                }
                guard index < bytes.count else { throw fail("unterminated string") }
                switch bytes[index] {
                case UInt8(ascii: "\""):
                    index += 1
                    return
                case UInt8(ascii: "\\"):
                    index += 1
                    guard index < bytes.count else { throw fail("unterminated escape") }
                    switch bytes[index] {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
                        UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                        index += 1
                    case UInt8(ascii: "u"):
                        guard bytes.count - index >= 5 else { throw fail("short \\u escape") }
                        for offset in 1...4 where JSONStringScanner.hexValue(bytes[index + offset]) == nil {
                            throw fail("invalid \\u escape")
                        }
                        index += 5
                    default:
                        throw fail("invalid escape")
                    }
                case 0x0A, 0x0D:
                    throw fail("raw line break in payload")
                default:
                    throw fail("raw control character in string")
                }
            }
        }
    }
}

