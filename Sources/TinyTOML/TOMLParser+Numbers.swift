/// Integers, floats, local dates and date-times: all start like a number, so they share a scanner.
extension TOMLParser {
    mutating func parseNumberOrDate() throws(TOMLError) -> TOMLValue {
        let start = offset
        scanToken()
        var token = Array(bytes[start..<offset])
        // `1979-05-27 07:32:00`: a space may separate the date from the time.
        if TOMLParser.isDate(token), token.count == 10, peek() == 0x20,
           let h1 = peek(1), let h2 = peek(2), TOMLParser.isDigit(h1), TOMLParser.isDigit(h2), peek(3) == 0x3A {
            offset += 1
            scanToken()
            token = Array(bytes[start..<offset])
        }
        let text = String(decoding: token, as: UTF8.self)
        if TOMLParser.isDate(token) {
            return try dateOrDateTime(token, text: text, at: start)
        }
        if token.count >= 3, token[2] == 0x3A {
            guard TOMLParser.timeLength(token, from: 0) == token.count else {
                throw error("invalid time '\(text)' (expected HH:MM:SS)", at: start)
            }
            return .dateTime(text)
        }
        return try number(text, at: start)
    }

    mutating func scanToken() {
        while let byte = peek(), TOMLParser.isBareKeyByte(byte) || byte == 0x2B || byte == 0x2E || byte == 0x3A {
            offset += 1
        }
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// True if `token` starts with `YYYY-MM-DD`.
    static func isDate(_ token: [UInt8]) -> Bool {
        guard token.count >= 10, token[4] == 0x2D, token[7] == 0x2D else { return false }
        return [0, 1, 2, 3, 5, 6, 8, 9].allSatisfy { isDigit(token[$0]) }
    }

    static func digitsValue(_ token: [UInt8], _ range: Range<Int>) -> Int {
        token[range].reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }

    func dateOrDateTime(_ token: [UInt8], text: String, at start: Int) throws(TOMLError) -> TOMLValue {
        let year = TOMLParser.digitsValue(token, 0..<4)
        let month = TOMLParser.digitsValue(token, 5..<7)
        let day = TOMLParser.digitsValue(token, 8..<10)
        guard let date = TOMLDate(year: year, month: month, day: day) else {
            throw error("'\(text.prefix(10))' is not a real calendar date", at: start)
        }
        if token.count == 10 { return .date(date) }
        guard [0x54, 0x74, 0x20].contains(token[10]),
              let timeEnd = TOMLParser.timeLength(token, from: 11).map({ $0 + 11 }),
              TOMLParser.offsetLength(token, from: timeEnd) == token.count - timeEnd else {
            throw error("invalid date-time '\(text)' (expected e.g. 1979-05-27T07:32:00Z)", at: start)
        }
        return .dateTime(text)
    }

    /// Length of `HH:MM:SS(.fraction)` at `from` if valid, else nil.
    static func timeLength(_ token: [UInt8], from: Int) -> Int? {
        guard token.count >= from + 8, token[from + 2] == 0x3A, token[from + 5] == 0x3A,
              [0, 1, 3, 4, 6, 7].allSatisfy({ isDigit(token[from + $0]) }) else { return nil }
        guard digitsValue(token, from..<from + 2) <= 23, digitsValue(token, from + 3..<from + 5) <= 59,
              digitsValue(token, from + 6..<from + 8) <= 60 else { return nil }
        var length = 8
        if from + length < token.count, token[from + length] == 0x2E {
            var digits = 0
            while from + length + 1 + digits < token.count, isDigit(token[from + length + 1 + digits]) { digits += 1 }
            guard digits > 0 else { return nil }
            length += 1 + digits
        }
        return length
    }

    /// Length of an optional `Z` or `+HH:MM` suffix at `from`, or nil if malformed.
    static func offsetLength(_ token: [UInt8], from: Int) -> Int? {
        guard from < token.count else { return 0 }
        if token[from] == 0x5A || token[from] == 0x7A { return 1 }
        guard token[from] == 0x2B || token[from] == 0x2D, token.count >= from + 6, token[from + 3] == 0x3A,
              [1, 2, 4, 5].allSatisfy({ isDigit(token[from + $0]) }) else { return nil }
        return 6
    }

    func number(_ text: String, at start: Int) throws(TOMLError) -> TOMLValue {
        switch text {
        case "inf", "+inf": return .float(.infinity)
        case "-inf": return .float(-.infinity)
        case "nan", "+nan", "-nan": return .float(.nan)
        default: break
        }
        let bytes = Array(text.utf8)
        if let first = bytes.first, first == 0x69 || first == 0x6E {
            throw error("expected a value, found an unquoted word (strings need quotes)", at: start)
        }
        func fail(_ reason: String) -> TOMLError { error("invalid number '\(text)': \(reason)", at: start) }
        if bytes.count > 2, bytes[0] == 0x30, [0x78, 0x6F, 0x62].contains(bytes[1]) {
            let radix = bytes[1] == 0x78 ? 16 : bytes[1] == 0x6F ? 8 : 2
            let digits = Array(bytes[2...])
            guard let cleaned = TOMLParser.withoutUnderscores(digits),
                  cleaned.allSatisfy({ (TOMLParser.hexValue($0) ?? 99) < radix }),
                  let value = Int(String(decoding: cleaned, as: UTF8.self), radix: radix) else {
                throw fail("not a valid base-\(radix) integer, or out of range")
            }
            return .integer(value)
        }
        var index = 0
        if bytes.first == 0x2B || bytes.first == 0x2D { index = 1 }
        let integerStart = index
        while index < bytes.count, TOMLParser.isDigit(bytes[index]) || bytes[index] == 0x5F { index += 1 }
        let integerPart = Array(bytes[integerStart..<index])
        guard !integerPart.isEmpty else { throw fail("expected digits") }
        if integerPart.count > 1, integerPart[0] == 0x30 { throw fail("leading zeros are not allowed") }
        var isFloat = false
        if index < bytes.count, bytes[index] == 0x2E {
            isFloat = true
            index += 1
            let fractionStart = index
            while index < bytes.count, TOMLParser.isDigit(bytes[index]) || bytes[index] == 0x5F { index += 1 }
            guard TOMLParser.withoutUnderscores(Array(bytes[fractionStart..<index])) != nil else {
                throw fail("expected digits after the decimal point")
            }
        }
        if index < bytes.count, bytes[index] == 0x65 || bytes[index] == 0x45 {
            isFloat = true
            index += 1
            if index < bytes.count, bytes[index] == 0x2B || bytes[index] == 0x2D { index += 1 }
            let exponentStart = index
            while index < bytes.count, TOMLParser.isDigit(bytes[index]) || bytes[index] == 0x5F { index += 1 }
            guard TOMLParser.withoutUnderscores(Array(bytes[exponentStart..<index])) != nil else {
                throw fail("expected digits in the exponent")
            }
        }
        guard index == bytes.count else { throw fail("unexpected '\(String(decoding: bytes[index...], as: UTF8.self))'") }
        guard TOMLParser.withoutUnderscores(integerPart) != nil,
              let cleaned = Optional(bytes.filter({ $0 != 0x5F })) else {
            throw fail("an underscore must sit between two digits")
        }
        let plain = String(decoding: cleaned, as: UTF8.self)
        if isFloat {
            guard let value = Double(plain) else { throw fail("not a valid float") }
            return .float(value)
        }
        guard let value = Int(plain) else { throw fail("out of range for a 64-bit integer") }
        return .integer(value)
    }

    /// Drops underscores, or returns nil if one is not between two digits (or `digits` is empty).
    static func withoutUnderscores(_ digits: [UInt8]) -> [UInt8]? {
        guard !digits.isEmpty else { return nil }
        var result: [UInt8] = []
        for (index, byte) in digits.enumerated() {
            guard byte == 0x5F else {
                result.append(byte)
                continue
            }
            let before = index > 0 ? digits[index - 1] : nil
            let after = index + 1 < digits.count ? digits[index + 1] : nil
            guard let before, let after, isHexDigit(before), isHexDigit(after) else { return nil }
        }
        return result
    }

    static func isHexDigit(_ byte: UInt8) -> Bool { hexValue(byte) != nil }
}
