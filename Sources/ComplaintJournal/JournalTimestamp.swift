import Complaints
import Foundation

/// RFC 3339 timestamps with an explicit offset (`2026-04-01T08:15:00+07:00`), without Foundation's
/// formatters: pure arithmetic, so encoding is deterministic and decoding a million lines stays fast.
enum JournalTimestamp {
    struct Failure: Error { var reason: String }

    /// Formats `date` as seen at `utcOffsetSeconds`; milliseconds are written only when non-zero.
    static func format(_ date: Date, utcOffsetSeconds: Int) throws(Failure) -> String {
        guard abs(utcOffsetSeconds) <= 18 * 3600, utcOffsetSeconds % 60 == 0 else {
            throw Failure(reason: "UTC offset must be whole minutes within ±18 hours")
        }
        let interval = date.timeIntervalSince1970
        guard interval.isFinite, abs(interval) < 300_000_000_000 else { throw Failure(reason: "date out of range") }
        let totalMillis = Int64((interval * 1000).rounded())
        var seconds = totalMillis >= 0 ? totalMillis / 1000 : (totalMillis - 999) / 1000
        let millis = Int(totalMillis - seconds * 1000)
        seconds += Int64(utcOffsetSeconds)
        let days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400
        let secondOfDay = Int(seconds - days * 86400)
        let date = LocalDate(dayNumber: Int(days))
        guard (1...9999).contains(date.year) else { throw Failure(reason: "year \(date.year) outside 0001–9999") }
        // Written digit by digit into one buffer: every officer action formats a timestamp, and joining
        // a dozen small strings was a measurable part of a durable action.
        let offsetMinutes = abs(utcOffsetSeconds) / 60
        return String(unsafeUninitializedCapacity: 29) { out in
            var n = 0
            func digits(_ value: Int, _ width: Int) {
                var v = value
                for k in stride(from: width - 1, through: 0, by: -1) {
                    out[n + k] = UInt8(0x30 + v % 10)
                    v /= 10
                }
                n += width
            }
            func byte(_ c: Unicode.Scalar) {
                out[n] = UInt8(ascii: c)
                n += 1
            }
            digits(date.year, 4); byte("-"); digits(date.month, 2); byte("-"); digits(date.day, 2); byte("T")
            digits(secondOfDay / 3600, 2); byte(":"); digits(secondOfDay / 60 % 60, 2); byte(":"); digits(secondOfDay % 60, 2)
            if millis != 0 { byte("."); digits(millis, 3) }
            byte(utcOffsetSeconds < 0 ? "-" : "+"); digits(offsetMinutes / 60, 2); byte(":"); digits(offsetMinutes % 60, 2)
            return n
        }
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`; returns the instant and its offset.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(Failure) -> (Date, Int) {
        if let written = parseAsWritten(bytes) { return written }
        return try parseAnyLayout(bytes)
    }

    /// The layout `format` writes (`YYYY-MM-DDTHH:MM:SS[.mmm]±HH:MM`), read by position: every line of a
    /// start-up carries one, and the general reader's per-character steps were 3 % of a cold start. Nil
    /// for anything else, which `parseAnyLayout` then reads (and names the problem of); both give the same
    /// instant for every text this one accepts (`JournalTimestampTests`).
    @inline(__always)
    static func parseAsWritten(_ bytes: UnsafeBufferPointer<UInt8>) -> (Date, Int)? {
        let n = bytes.count
        guard n == 25 || n == 29, let p = bytes.baseAddress, let (day, second) = ISOTime.positionalDayAndSecond(p) else { return nil }
        var fraction = 0.0
        var sign = 19
        if n == 29 {
            guard p[19] == UInt8(ascii: ".") else { return nil }
            // The general reader's arithmetic, digit by digit, so both give the very same instant.
            var scale = 0.1
            for i in 20..<23 {
                let digit = p[i] &- 0x30
                guard digit <= 9 else { return nil }
                fraction += Double(digit) * scale
                scale /= 10
            }
            sign = 23
        }
        let direction: Int
        switch p[sign] {
        case UInt8(ascii: "+"): direction = 1
        case UInt8(ascii: "-"): direction = -1
        default: return nil
        }
        guard p[sign + 3] == UInt8(ascii: ":"), let offsetHours = ISOTime.twoDigits(p, sign + 1),
              let offsetMinutes = ISOTime.twoDigits(p, sign + 4), offsetHours <= 18, offsetMinutes < 60 else { return nil }
        let offset = direction * (offsetHours * 3600 + offsetMinutes * 60)
        let local = Int64(day) * 86400 + Int64(second)
        return (Date(timeIntervalSince1970: Double(local - Int64(offset)) + fraction), offset)
    }

    /// Any layout `parse` accepts, character by character, with the reason when the text is not one.
    static func parseAnyLayout(_ bytes: UnsafeBufferPointer<UInt8>) throws(Failure) -> (Date, Int) {
        var index = 0
        func number(_ width: Int) throws(Failure) -> Int {
            guard bytes.count - index >= width else { throw Failure(reason: "timestamp too short") }
            var value = 0
            for _ in 0..<width {
                let byte = bytes[index]
                guard byte >= 0x30, byte <= 0x39 else { throw Failure(reason: "digit expected in timestamp") }
                value = value * 10 + Int(byte - 0x30)
                index += 1
            }
            return value
        }
        func literal(_ ascii: Unicode.Scalar) throws(Failure) {
            guard index < bytes.count, bytes[index] == UInt8(ascii: ascii) else {
                throw Failure(reason: "'\(ascii)' expected in timestamp")
            }
            index += 1
        }
        let year = try number(4)
        try literal("-")
        let month = try number(2)
        try literal("-")
        let day = try number(2)
        try literal("T")
        let hour = try number(2)
        try literal(":")
        let minute = try number(2)
        try literal(":")
        let second = try number(2)
        guard let date = LocalDate(year: year, month: month, day: day), hour < 24, minute < 60, second < 60
        else { throw Failure(reason: "timestamp field out of range") }
        var fraction = 0.0
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            var scale = 0.1
            let start = index
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                fraction += Double(bytes[index] - 0x30) * scale
                scale /= 10
                index += 1
            }
            guard index > start else { throw Failure(reason: "fraction digits expected in timestamp") }
        }
        var offset = 0
        guard index < bytes.count else { throw Failure(reason: "timestamp has no UTC offset") }
        if bytes[index] == UInt8(ascii: "Z") {
            index += 1
        } else {
            let sign: Int
            switch bytes[index] {
            case UInt8(ascii: "+"): sign = 1
            case UInt8(ascii: "-"): sign = -1
            default: throw Failure(reason: "UTC offset expected in timestamp")
            }
            index += 1
            let offsetHours = try number(2)
            try literal(":")
            let offsetMinutes = try number(2)
            guard offsetHours <= 18, offsetMinutes < 60 else { throw Failure(reason: "UTC offset out of range") }
            offset = sign * (offsetHours * 3600 + offsetMinutes * 60)
        }
        guard index == bytes.count else { throw Failure(reason: "unexpected characters after timestamp") }
        let days = Int64(date.dayNumber)
        let local = days * 86400 + Int64(hour * 3600 + minute * 60 + second)
        let utc = local - Int64(offset)
        return (Date(timeIntervalSince1970: Double(utc) + fraction), offset)
    }
}
