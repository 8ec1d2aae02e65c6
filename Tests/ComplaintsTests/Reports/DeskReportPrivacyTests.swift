import XCTest
@testable import Complaints

/// Figures never name anybody, and groups of one to four are "< 5".
final class DeskReportPrivacyTests: XCTestCase {
    /// `women` reports by women (two of them anonymous), `others` by others, all on Monday.
    func groupDesk(women: Int, anonymousWomen: Int = 0, others: Int = 0) -> Desk {
        var j = JournalBuilder()
        var n = 0
        func add(_ intake: Intake) {
            n += 1
            j.add(ReportID(String(2_600_000 + n)), intake.receivedAt, .received(intake))
        }
        for k in 0..<women { add(reportIntake(at(0, 8 + k % 8), groups: [.perempuan], anonymous: k < anonymousWomen)) }
        for k in 0..<others { add(reportIntake(at(1, 8 + k % 8))) }
        return j.desk
    }

    func report(_ desk: Desk, viewer: Operator = nasional) -> DeskReport {
        DeskReport.compute(desk: desk, query: WeekDesk.period, deadlines: WeekDesk.deadlines, now: WeekDesk.now, viewer: viewer)
    }

    func women(_ r: DeskReport) -> GroupFigure? { r.groups.first { $0.group == .perempuan } }

    func testFourIsHiddenFiveIsShown() {
        XCTAssertEqual(women(report(groupDesk(women: 4, others: 3)))?.reports, .fewerThanFive)
        XCTAssertEqual(women(report(groupDesk(women: 4, others: 3)))?.open, .fewerThanFive)
        // Four reports in all: any breakdown of them points at people (QA: "Diterima: 1" and "Lansia < 5").
        XCTAssertEqual(women(report(groupDesk(women: 4)))?.reports, .concealed)
        XCTAssertEqual(report(groupDesk(women: 4)).byRegion.map(\.count), [.concealed])
        XCTAssertEqual(women(report(groupDesk(women: 5)))?.reports, .exact(5))
        XCTAssertEqual(women(report(groupDesk(women: 5)))?.open, .exact(5))
        XCTAssertEqual(women(report(groupDesk(women: 5)))?.selesai, .exact(0))
        XCTAssertEqual(report(groupDesk(women: 5)).groups.first { $0.group == .lansia }?.reports, .exact(0))
    }

    func testAnonymousReportersGroupMarkersCountOnlyForTheNationalDesk() {
        // Six women, two of them anonim. The national desk counts six; an observer, who may not see the
        // anonim reporters' identity (and so not their markers), counts four: hidden.
        let desk = groupDesk(women: 6, anonymousWomen: 2)
        XCTAssertEqual(women(report(desk))?.reports, .exact(6))
        XCTAssertEqual(women(report(desk, viewer: pengamat))?.reports, .fewerThanFive)
        // The reports themselves still count in the volumes.
        XCTAssertEqual(report(desk, viewer: pengamat).received, 6)
    }

    func testNoNameOrIdentityInAnyOutput() {
        let r = WeekDesk.report()
        let outputs = [r.json.compactText, r.csv(), r.csv(separator: ";"), String(describing: r)]
        for text in outputs {
            for secret in ["Wibisono", "3404019999990001", "+628129999000", "rina", "budi", "agus", "Laporan uji",
                           "Isi laporan", "Puskesmas Depok"] {
                XCTAssertFalse(text.contains(secret), "figures leak '\(secret)'")
            }
        }
    }
}
