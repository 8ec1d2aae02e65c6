/// The four TOML string forms and their escapes.
extension TOMLParser {
    /// `"..."` on one line, with escapes. A string without escapes (nearly all) is taken from the
    /// document's bytes as they are; the first escape, control character or missing quote goes on
    /// byte by byte.
    mutating func parseBasicString() throws(TOMLError) -> String {
        let start = offset
        offset += 1
        let contentStart = offset
        while let byte = peek(), byte != 0x22, byte != 0x5C, !TOMLParser.isControl(byte) { offset += 1 }
        if peek() == 0x22 {
            let text = String(decoding: bytes[contentStart..<offset], as: UTF8.self)
            offset += 1
            return text
        }
        var buffer = Array(bytes[contentStart..<offset])
        while true {
            guard let byte = peek() else { throw error("unterminated string", at: start) }
            switch byte {
            case 0x22:
                offset += 1
                return String(decoding: buffer, as: UTF8.self)
            case 0x5C:
                try appendEscape(to: &buffer)
            case 0x0A, 0x0D:
                throw error("unterminated string (a \"...\" string must end on the line it starts)", at: start)
            default:
                if TOMLParser.isControl(byte) { throw error("\(describe()) must be escaped in a string") }
                buffer.append(byte)
                offset += 1
            }
        }
    }

    /// `'...'` on one line, taken as written.
    mutating func parseLiteralString() throws(TOMLError) -> String {
        let start = offset
        offset += 1
        let contentStart = offset
        while true {
            guard let byte = peek() else { throw error("unterminated string", at: start) }
            switch byte {
            case 0x27:
                let text = String(decoding: bytes[contentStart..<offset], as: UTF8.self)
                offset += 1
                return text
            case 0x0A, 0x0D:
                throw error("unterminated string (a '...' string must end on the line it starts)", at: start)
            default:
                if TOMLParser.isControl(byte) { throw error("\(describe()) is not allowed in a literal string") }
                offset += 1
            }
        }
    }

    /// `"""..."""`: may span lines; a newline right after the opening quotes is dropped, and a
    /// backslash at the end of a line swallows the line break and the next line's indentation.
    mutating func parseMultilineBasicString() throws(TOMLError) -> String {
        let start = offset
        offset += 3
        _ = try consumeNewline()
        var buffer: [UInt8] = []
        while true {
            guard let byte = peek() else {
                throw error("unterminated multi-line string (opened at line \(position(start).line))", at: start)
            }
            switch byte {
            case 0x22:
                if try closeMultiline(quote: 0x22, into: &buffer) { return String(decoding: buffer, as: UTF8.self) }
            case 0x5C:
                if lineEndingBackslash() {
                    try skipBlankWithoutComments()
                } else {
                    try appendEscape(to: &buffer)
                }
            case 0x0A, 0x0D:
                _ = try consumeNewline()
                buffer.append(0x0A)
            default:
                if TOMLParser.isControl(byte) { throw error("\(describe()) must be escaped in a string") }
                buffer.append(byte)
                offset += 1
            }
        }
    }

    /// `'''...'''`: may span lines, taken as written.
    mutating func parseMultilineLiteralString() throws(TOMLError) -> String {
        let start = offset
        offset += 3
        _ = try consumeNewline()
        var buffer: [UInt8] = []
        while true {
            guard let byte = peek() else {
                throw error("unterminated multi-line string (opened at line \(position(start).line))", at: start)
            }
            switch byte {
            case 0x27:
                if try closeMultiline(quote: 0x27, into: &buffer) { return String(decoding: buffer, as: UTF8.self) }
            case 0x0A, 0x0D:
                _ = try consumeNewline()
                buffer.append(0x0A)
            default:
                if TOMLParser.isControl(byte) { throw error("\(describe()) is not allowed in a literal string") }
                buffer.append(byte)
                offset += 1
            }
        }
    }

    /// At a run of quotes inside a multi-line string: three or more close it (up to two extra
    /// belong to the content); fewer are content. Returns true when the string is closed.
    mutating func closeMultiline(quote: UInt8, into buffer: inout [UInt8]) throws(TOMLError) -> Bool {
        var run = 0
        while peek(run) == quote { run += 1 }
        if run < 3 {
            buffer.append(contentsOf: repeatElement(quote, count: run))
            offset += run
            return false
        }
        guard run <= 5 else { throw error("too many quotes in a row at the end of a multi-line string") }
        buffer.append(contentsOf: repeatElement(quote, count: run - 3))
        offset += run
        return true
    }

    /// True if the backslash at `offset` is followed only by spaces up to the end of the line.
    func lineEndingBackslash() -> Bool {
        var index = offset + 1
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        guard index < bytes.count else { return false }
        return bytes[index] == 0x0A || (bytes[index] == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A)
    }

    mutating func skipBlankWithoutComments() throws(TOMLError) {
        offset += 1
        while true {
            skipSpaces()
            if try !consumeNewline() { return }
        }
    }

    /// Reads one escape sequence starting at the backslash and appends its UTF-8 bytes.
    mutating func appendEscape(to buffer: inout [UInt8]) throws(TOMLError) {
        let start = offset
        guard let code = peek(1) else { throw error("unterminated string", at: start) }
        offset += 2
        switch code {
        case 0x62: buffer.append(0x08)
        case 0x74: buffer.append(0x09)
        case 0x6E: buffer.append(0x0A)
        case 0x66: buffer.append(0x0C)
        case 0x72: buffer.append(0x0D)
        case 0x65: buffer.append(0x1B)
        case 0x22: buffer.append(0x22)
        case 0x5C: buffer.append(0x5C)
        case 0x75, 0x55:
            let digits = code == 0x75 ? 4 : 8
            var value: UInt32 = 0
            for _ in 0..<digits {
                guard let byte = peek(), let digit = TOMLParser.hexValue(byte) else {
                    throw error("\\\(code == 0x75 ? "u" : "U") needs \(digits) hex digits, found \(describe())")
                }
                value = value &* 16 &+ UInt32(digit)
                offset += 1
            }
            guard let scalar = Unicode.Scalar(value) else {
                throw error("escape \(TOMLParser.hex(value)) is not a valid Unicode scalar value", at: start)
            }
            buffer.append(contentsOf: Array(String(Character(scalar)).utf8))
        default:
            throw error("unknown escape sequence '\\\(describe(at: start + 1).trimmingQuotes)'", at: start)
        }
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: return byte - 0x30
        case 0x41...0x46: return byte - 0x41 + 10
        case 0x61...0x66: return byte - 0x61 + 10
        default: return nil
        }
    }
}

fileprivate extension String {
    /// `'x'` → `x`, for quoting a described character inside another quote.
    var trimmingQuotes: String {
        guard count >= 2, first == "'", last == "'" else { return self }
        return String(dropFirst().dropLast())
    }
}
