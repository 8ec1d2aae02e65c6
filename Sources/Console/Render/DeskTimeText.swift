import Complaints
import Foundation

/// Dates and times as officers read them ("Sen 30 Nov 14:05"), in the desk's zone and language.
enum DeskTimeText {
    static let daysID = ["Kam", "Jum", "Sab", "Min", "Sen", "Sel", "Rab"]
    static let daysEN = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
    static let monthsID = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]
    static let monthsEN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func parts(_ date: Date, offset: Int) -> (y: Int, m: Int, d: Int, hh: Int, mm: Int, dayIndex: Int) {
        let t = Int(floor(date.timeIntervalSince1970)) + offset
        var days = t / 86400
        var secs = t % 86400
        if secs < 0 { secs += 86400; days -= 1 }
        let date = LocalDate(dayNumber: days)
        let (y, m, d) = (date.year, date.month, date.day)
        return (y, m, d, secs / 3600, secs / 60 % 60, ((days % 7) + 7) % 7)
    }

    /// "Sen 30 Nov 2026 14:05"
    static func long(_ date: Date, offset: Int, language: Language) -> String {
        let p = parts(date, offset: offset)
        let day = language == .id ? daysID[p.dayIndex] : daysEN[p.dayIndex]
        let month = language == .id ? monthsID[p.m - 1] : monthsEN[p.m - 1]
        return "\(day) \(p.d) \(month) \(p.y) \(two(p.hh)):\(two(p.mm))"
    }

    /// "30 Nov 14:05"
    static func short(_ date: Date, offset: Int, language: Language) -> String {
        let p = parts(date, offset: offset)
        let month = language == .id ? monthsID[p.m - 1] : monthsEN[p.m - 1]
        return "\(p.d) \(month) \(two(p.hh)):\(two(p.mm))"
    }

    static func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
}
