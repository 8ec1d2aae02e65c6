import Foundation
import XCTest
@testable import Complaints

/// One pass over a large desk: the figures must stay interactive (the console recomputes them when the
/// period or scope changes).
final class DeskReportSpeedTests: XCTestCase {
    /// `count` reports over eight weeks, a third disposed, a sixth followed up, some postponed.
    static func bigDesk(_ count: Int) -> Desk {
        var j = JournalBuilder()
        let channels = Channel.allCases
        let regencies = ["Kabupaten Sleman", "Kabupaten Bantul", "Kota Yogyakarta", "Kabupaten Bandung", "Kota Denpasar"]
        let categories = ["Kesehatan", "Kependudukan", "Perhubungan", "Bantuan Sosial", "Topik Lainnya"]
        for k in 0..<count {
            let id = ReportID(String(3_000_000 + k))
            let t = at(k % 56 - 28, 8 + k % 9, minute: k % 60)
            j.add(id, t, .received(reportIntake(t, channel: channels[k % channels.count], category: categories[k % 5],
                                               regency: regencies[k % 5], groups: k % 7 == 0 ? [.perempuan] : [])))
            if k % 11 == 0 { j.add(id, t.addingTimeInterval(3600), .postponed(question: "?")) }
            if k % 3 == 0 {
                j.add(id, t.addingTimeInterval(7200), disposition(k % 2 == 0 ? "pemkab-sleman" : "pemkab-bantul"))
                if k % 6 == 0 { j.add(id, t.addingTimeInterval(86400 * 2), .followedUp(text: "ok", attachments: [])) }
            }
        }
        return j.desk
    }

    func testTwoHundredThousandReports() {
        let desk = Self.bigDesk(200_000)
        let q = DeskReportQuery.days(from: LocalDate(year: 2026, month: 3, day: 1)!, through: LocalDate(year: 2026, month: 4, day: 30)!)
        let start = Date()
        let r = DeskReport.compute(desk: desk, query: q, deadlines: WeekDesk.deadlines, now: WeekDesk.now, viewer: nasional)
        let elapsed = Date().timeIntervalSince(start)
        print("DeskReport.compute on 200000 reports: \(elapsed) s")
        XCTAssertEqual(r.received + 0, r.receivedPerDay.map(\.count).reduce(0, +))
        XCTAssertEqual(r.current.total, 200_000)
        XCTAssertEqual(r.mostOverdue.count, 10)
        // Debug builds are several times slower than release; the bound keeps regressions (a second pass,
        // whole-report copies) visible without flaking on a busy machine.
        XCTAssertLessThan(elapsed, 8)
    }
}
