import Foundation

/// RFC 3339 timestamps with an explicit offset ("2026-04-01T08:15:00+07:00"), written and read without
/// Foundation formatters: they are slow, locale-sensitive and not Sendable-friendly.
public enum ISOTime {
    /// Formats `date` in the zone `offsetSeconds` east of UTC, to whole seconds.
    public static func format(_ date: Date, offsetSeconds: Int = 7 * 3600) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(25)
        append(date, offsetSeconds: offsetSeconds, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `format`'s text appended to `out` digit by digit (the payload writer calls it once per event).
    public static func append(_ date: Date, offsetSeconds: Int, to out: inout [UInt8]) {
        let total = Int(floor(date.timeIntervalSince1970)) + offsetSeconds
        var days = total / 86400
        var secs = total % 86400
        if secs < 0 { secs += 86400; days -= 1 }
        let day = LocalDate(dayNumber: days)
        let off = abs(offsetSeconds)
        pad(day.year, 4, &out); out.append(UInt8(ascii: "-")); pad(day.month, 2, &out); out.append(UInt8(ascii: "-"))
        pad(day.day, 2, &out); out.append(UInt8(ascii: "T")); pad(secs / 3600, 2, &out); out.append(UInt8(ascii: ":"))
        pad(secs / 60 % 60, 2, &out); out.append(UInt8(ascii: ":")); pad(secs % 60, 2, &out)
        if offsetSeconds == 0 {
            out.append(UInt8(ascii: "Z"))
        } else {
            out.append(offsetSeconds < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
            pad(off / 3600, 2, &out); out.append(UInt8(ascii: ":")); pad(off / 60 % 60, 2, &out)
        }
    }

    /// Whether `text` (a time `parse` reads) gives second 60, a leap second: read as second 59, which the
    /// intake formats say (`IntakeDecoder`), as the time is then not kept exactly as written.
    public static func hasLeapSecond(_ text: String) -> Bool {
        let b = text.utf8
        guard b.count >= 19 else { return false }
        let seconds = b.index(b.startIndex, offsetBy: 16)
        return b[seconds] == UInt8(ascii: ":") && b[b.index(after: seconds)] == UInt8(ascii: "6")
            && b[b.index(seconds, offsetBy: 2)] == UInt8(ascii: "0")
    }

    /// Parses `YYYY-MM-DDTHH:MM[:SS[.frac]](Z|±HH:MM)`, also with a space for `T`. A date alone
    /// (`YYYY-MM-DD`) is midnight in `defaultOffsetSeconds`. Returns nil for anything else.
    public static func parse(_ text: String, defaultOffsetSeconds: Int = 7 * 3600) -> Date? {
        parseWithOffset(text, defaultOffsetSeconds: defaultOffsetSeconds)?.date
    }

    /// Like `parse`, also returning the offset written in the text.
    public static func parseWithOffset(_ text: String, defaultOffsetSeconds: Int = 7 * 3600) -> (date: Date, offset: Int)? {
        if let written = text.utf8.withContiguousStorageIfAvailable(parseAsWritten), let written { return written }
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
        guard let day = LocalDate(year: y, month: mo, day: d) else { return nil }
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
        let days = day.dayNumber
        let t = Double(days * 86400 + secs - offset) + frac
        return (Date(timeIntervalSince1970: t), offset)
    }

    /// The layout `format` writes (`YYYY-MM-DDTHH:MM:SS±HH:MM`, or `Z`), read by position: start-up reads one
    /// per report (an intake's `received_at`), and the general reader's copy and steps were 1.3 % of it. Nil
    /// for anything else, which the general reader then reads; both give the same instant (`ISOTimeLayoutTests`).
    static func parseAsWritten(_ b: UnsafeBufferPointer<UInt8>) -> (date: Date, offset: Int)? {
        let n = b.count
        guard n == 25 || n == 20, let p = b.baseAddress, let (day, second) = positionalDayAndSecond(p) else { return nil }
        var offset = 0
        if n == 20 {
            guard p[19] == 90 else { return nil }
        } else {
            guard p[19] == 43 || p[19] == 45, p[22] == 58, let oh = twoDigits(p, 20), let om = twoDigits(p, 23), oh < 24, om < 60
            else { return nil }
            offset = (oh * 3600 + om * 60) * (p[19] == 45 ? -1 : 1)
        }
        return (Date(timeIntervalSince1970: Double(day * 86400 + second - offset)), offset)
    }

    /// Two ASCII digits at `p[i]` and `p[i + 1]` as a number, or nil.
    @inline(__always)
    package static func twoDigits(_ p: UnsafePointer<UInt8>, _ i: Int) -> Int? {
        let high = p[i] &- 0x30, low = p[i + 1] &- 0x30
        return high <= 9 && low <= 9 ? Int(high) * 10 + Int(low) : nil
    }

    /// `YYYY-MM-DDTHH:MM:SS` read by position from the 19 bytes at `p`: the date's day number (as
    /// `LocalDate.dayNumber`: days since 1970-01-01) and the second of its day, or nil unless every digit and
    /// separator is in place and the date is a real one in years 1–9999 (`LocalDate(year:month:day:)`'s
    /// check). Second 60 (a leap second) gives nil too: the general readers decide what it means. Shared by
    /// the positional readers of the journal's and the intake's timestamps. The day number is computed here
    /// from the fields (`LocalDate.isValid`, `LocalDate.dayNumber(year:month:day:)`), without making a
    /// `LocalDate` and asking it from the journal's module: two calls that could not be inlined, a tenth of
    /// the envelope walk of every journal line.
    ///
    /// The 19 bytes are read as three words (`YYYY-MM-`, `DDT…`, and `HH:MM:SS` ending at the last byte) and
    /// every digit and separator checked in each word at once: byte by byte, this was about 210 instructions
    /// per timestamp (now about 180, most of them the calendar's check and day number), and every journal
    /// line has one.
    @inline(__always)
    package static func positionalDayAndSecond(_ p: UnsafePointer<UInt8>) -> (day: Int, second: Int)? {
        let raw = UnsafeRawPointer(p)
        // Byte 0 is the word's lowest (`loadUnaligned` is little-endian here; `littleEndian` keeps it so).
        let date = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
        let dayT = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) & 0xFF_FFFF
        let time = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 11, as: UInt64.self))
        // Separators: `-` at 4 and 7; `T` at 10; `:` at 13 and 16.
        guard date & 0xFF00_00FF_0000_0000 == 0x2D00_002D_0000_0000, dayT >> 16 == 0x54,
              time & 0x0000_FF00_00FF_0000 == 0x0000_3A00_003A_0000 else { return nil }
        // Digits, as their values: each of these bytes must then be 0–9.
        let y = (date ^ 0x3030_3030_3030_3030) & 0x00FF_FF00_FFFF_FFFF
        let d = (dayT ^ 0x3030) & 0xFFFF
        let t = (time ^ 0x3030_3030_3030_3030) & 0xFFFF_00FF_FF00_FFFF
        guard allDigitValues(y), allDigitValues(d), allDigitValues(t) else { return nil }
        @inline(__always) func digit(_ w: UInt64, _ k: UInt64) -> Int { Int(truncatingIfNeeded: (w >> (8 * k)) & 0xF) }
        let year = digit(y, 0) * 1000 + digit(y, 1) * 100 + digit(y, 2) * 10 + digit(y, 3)
        let month = digit(y, 5) * 10 + digit(y, 6), day = digit(d, 0) * 10 + digit(d, 1)
        let hour = digit(t, 0) * 10 + digit(t, 1), minute = digit(t, 3) * 10 + digit(t, 4), second = digit(t, 6) * 10 + digit(t, 7)
        guard hour < 24, minute < 60, second < 60, LocalDate.isValid(year: year, month: month, day: day) else { return nil }
        return (LocalDate.dayNumber(year: year, month: month, day: day), hour * 3600 + minute * 60 + second)
    }

    /// Whether every byte of `w` is 0–9: seven low bits plus 0x76 reach the high bit from 10 on, and no byte
    /// carries into the next; a byte with its own high bit set fails too.
    @inline(__always)
    private static func allDigitValues(_ w: UInt64) -> Bool {
        ((w & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7676_7676_7676_7676 | w) & 0x8080_8080_8080_8080 == 0
    }

    /// `v` in decimal, zero-padded on the left to at least `width` characters (a minus sign counts).
    static func pad(_ v: Int, _ width: Int, _ out: inout [UInt8]) {
        guard v >= 0 else {
            let s = String(v)
            out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: max(0, width - s.utf8.count)))
            out.append(contentsOf: s.utf8)
            return
        }
        DecimalDigits.append(UInt64(v), width: width, to: &out)
    }
}
