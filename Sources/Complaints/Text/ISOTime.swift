import Foundation

/// RFC 3339 timestamps with an explicit offset ("2026-04-01T08:15:00+07:00"), written and read without
/// Foundation formatters: they are slow, locale-sensitive and not Sendable-friendly.
public enum ISOTime {
    /// Formats `date` in the zone `offsetSeconds` east of UTC, to whole seconds.
    public static func format(_ date: Date, offsetSeconds: Int = 7 * 3600) -> String {
        let total = Int(floor(date.timeIntervalSince1970)) + offsetSeconds
        var days = total / 86400
        var secs = total % 86400
        if secs < 0 { secs += 86400; days -= 1 }
        let (y, m, d) = civil(fromDays: days)
        let sign = offsetSeconds < 0 ? "-" : "+"
        let off = abs(offsetSeconds)
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(secs / 3600, 2)):\(pad(secs / 60 % 60, 2)):\(pad(secs % 60, 2))"
            + (offsetSeconds == 0 ? "Z" : "\(sign)\(pad(off / 3600, 2)):\(pad(off / 60 % 60, 2))")
    }

    /// Parses `YYYY-MM-DDTHH:MM[:SS[.frac]](Z|±HH:MM)`, also with a space for `T`. A date alone
    /// (`YYYY-MM-DD`) is midnight in `defaultOffsetSeconds`. Returns nil for anything else.
    public static func parse(_ text: String, defaultOffsetSeconds: Int = 7 * 3600) -> Date? {
        parseWithOffset(text, defaultOffsetSeconds: defaultOffsetSeconds)?.date
    }

    /// Like `parse`, also returning the offset written in the text.
    public static func parseWithOffset(_ text: String, defaultOffsetSeconds: Int = 7 * 3600) -> (date: Date, offset: Int)? {
        let b = Array(text.utf8)
        var i = 0
        func num(_ n: Int) -> Int? {
            guard i + n <= b.count else { return nil }
            var v = 0
            for k in 0..<n {
                let c = b[i + k]
                guard c >= 48, c <= 57 else { return nil }
                v = v * 10 + Int(c - 48)
            }
            i += n
            return v
        }
        func expect(_ c: UInt8) -> Bool {
            guard i < b.count, b[i] == c else { return false }
            i += 1
            return true
        }
        guard let y = num(4), expect(45), let mo = num(2), expect(45), let d = num(2) else { return nil }
        guard (1...12).contains(mo), d >= 1, d <= daysInMonth(y, mo) else { return nil }
        var secs = 0
        var offset = defaultOffsetSeconds
        var frac = 0.0
        if i < b.count {
            guard b[i] == 84 || b[i] == 116 || b[i] == 32 else { return nil }
            i += 1
            guard let hh = num(2), expect(58), let mm = num(2), hh < 24, mm < 60 else { return nil }
            secs = hh * 3600 + mm * 60
            if i < b.count, b[i] == 58 {
                i += 1
                guard let ss = num(2), ss < 61 else { return nil }
                secs += min(ss, 59)
                if i < b.count, b[i] == 46 {
                    i += 1
                    var scale = 0.1
                    let start = i
                    while i < b.count, b[i] >= 48, b[i] <= 57 {
                        frac += Double(b[i] - 48) * scale
                        scale /= 10
                        i += 1
                    }
                    guard i > start else { return nil }
                }
            }
            guard i < b.count else { return nil }
            if b[i] == 90 || b[i] == 122 {
                offset = 0
                i += 1
            } else if b[i] == 43 || b[i] == 45 {
                let negative = b[i] == 45
                i += 1
                guard let oh = num(2), expect(58), let om = num(2), oh < 24, om < 60 else { return nil }
                offset = (oh * 3600 + om * 60) * (negative ? -1 : 1)
            } else {
                return nil
            }
            guard i == b.count else { return nil }
        }
        let days = daysFromCivil(y, mo, d)
        let t = Double(days * 86400 + secs - offset) + frac
        return (Date(timeIntervalSince1970: t), offset)
    }

    static func pad(_ v: Int, _ width: Int) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    static func daysInMonth(_ y: Int, _ m: Int) -> Int {
        switch m {
        case 2: (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
    public static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// Inverse of `daysFromCivil`.
    public static func civil(fromDays z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp + (mp < 10 ? 3 : -9)
        return (m <= 2 ? y + 1 : y, m, d)
    }
}
