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
        let (year, month, day) = civil(fromDays: days)
        guard (0...9999).contains(year) else { throw Failure(reason: "year \(year) outside 0000–9999") }
        var text = pad(Int(year), 4) + "-" + pad(month, 2) + "-" + pad(day, 2) + "T"
        text += pad(secondOfDay / 3600, 2) + ":" + pad(secondOfDay / 60 % 60, 2) + ":" + pad(secondOfDay % 60, 2)
        if millis != 0 { text += "." + pad(millis, 3) }
        let offsetMinutes = abs(utcOffsetSeconds) / 60
        text += (utcOffsetSeconds < 0 ? "-" : "+") + pad(offsetMinutes / 60, 2) + ":" + pad(offsetMinutes % 60, 2)
        return text
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`; returns the instant and its offset.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(Failure) -> (Date, Int) {
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
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
            hour < 24, minute < 60, second < 60
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
        let days = daysFromCivil(year: Int64(year), month: month, day: day)
        let local = days * 86400 + Int64(hour * 3600 + minute * 60 + second)
        let utc = local - Int64(offset)
        return (Date(timeIntervalSince1970: Double(utc) + fraction), offset)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Howard Hinnant's days_from_civil (proleptic Gregorian).
    static func daysFromCivil(year: Int64, month: Int, day: Int) -> Int64 {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let monthIndex = Int64(month > 2 ? month - 3 : month + 9)
        let dayOfYear = (153 * monthIndex + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Howard Hinnant's civil_from_days.
    static func civil(fromDays input: Int64) -> (Int64, Int, Int) {
        let days = input + 719_468
        let era = (days >= 0 ? days : days - 146_096) / 146_097
        let dayOfEra = days - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = Int(dayOfYear - (153 * monthIndex + 2) / 5 + 1)
        let month = Int(monthIndex < 10 ? monthIndex + 3 : monthIndex - 9)
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }
}
