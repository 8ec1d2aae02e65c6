import XCTest
@testable import Complaints

/// Which reports a desk report covers: agency (current or past disposition), region, and what the viewer
/// may see.
final class DeskReportScopeTests: XCTestCase {
    func query(agency: String? = nil, region: String? = nil) -> DeskReportQuery {
        var q = WeekDesk.period
        q.agency = agency
        q.region = region
        return q
    }

    func testAgencyScopeIncludesReportsItSentBack() {
        // Bantul: 2600004 (current) and 2600003 (disposed to Bantul, sent back, now Sleman's).
        let r = WeekDesk.report(query(agency: "pemkab-bantul"))
        XCTAssertEqual(r.received, 2)
        // Follow-ups: 2600003 = 2.0 (from the pelimpahan), 2600004 = 1.0 → [1, 2]: median 1.0, p90 2.0.
        assertDays(r.workingDays(.followUp)?.median, 1.0)
        assertDays(r.workingDays(.followUp)?.p90, 2.0)
        XCTAssertEqual(r.current.total, 2)
        XCTAssertEqual(r.current.byAgency, ["pemkab-sleman": 1, "pemkab-bantul": 1])
    }

    func testAgencyOfficerSeesOnlyWhatIsTheirsNow() {
        // Bantul's coordinator can no longer see 2600003 (it is Sleman's now).
        let r = WeekDesk.report(query(agency: "pemkab-bantul"), viewer: instansiBantulReports)
        XCTAssertEqual(r.received, 1)
        XCTAssertEqual(r.byChannel.first { $0.key == "whatsapp" }?.count, .exact(1))
        let own = WeekDesk.report(viewer: instansiSleman)
        // Sleman now holds 2600001, 2, 3, 7 in the period (2600009 is older).
        XCTAssertEqual(own.received, 4)
        XCTAssertEqual(own.current.total, 5)
    }

    /// The observer (auditor, supervisor) cannot open a deleted report, but counts it: its figures are the
    /// national desk's (QA: they said 0 deleted and fewer received, which read as the desk's real figures).
    func testObserverCountsDeletedReportsAsTheDeskDoes() {
        let r = WeekDesk.report(viewer: pengamat)
        let desk = WeekDesk.report()
        XCTAssertEqual(r.received, 8)
        XCTAssertEqual(r.row(\.byStatus, "dihapus"), .exact(1))
        XCTAssertEqual(r.byStatus, desk.byStatus)
        XCTAssertEqual(r.workingDays(.verification)?.median, desk.workingDays(.verification)?.median)
        // Agencies still count only what is theirs: a deleted report is no agency's.
        XCTAssertEqual(WeekDesk.report(viewer: instansiSleman).row(\.byStatus, "dihapus"), .exact(0))
    }

    func testRegionMatchesRegencyOrProvinceIgnoringCase() {
        XCTAssertEqual(WeekDesk.report(query(region: "bantul")).received, 1)
        XCTAssertEqual(WeekDesk.report(query(region: "Kabupaten Sleman")).received, 5)
        // The province holds Sleman's five and Bantul's one; Bandung (Jawa Barat) and 2600005 (no place) not.
        XCTAssertEqual(WeekDesk.report(query(region: "di yogyakarta")).received, 6)
        XCTAssertEqual(WeekDesk.report(query(region: "Papua")).received, 0)
    }

    func testAgencyAndRegionCombine() {
        let r = WeekDesk.report(query(agency: "pemkab-bantul", region: "Sleman"))
        XCTAssertEqual(r.received, 1) // 2600003 is in Sleman, once Bantul's
        XCTAssertEqual(r.receivedPerDay.map(\.count).reduce(0, +), 1)
    }

    func testEmptyScopeGivesZerosAndNoFigures() {
        let r = WeekDesk.report(query(region: "Papua"))
        XCTAssertEqual(r.receivedPerDay.count, 14)
        XCTAssertEqual(r.peakPerDay, 0)
        XCTAssertTrue(r.workingDays.allSatisfy { $0.median == nil && $0.p90 == nil && $0.samples == 0 })
        XCTAssertTrue(r.deadlinesMet.allSatisfy { $0.share == nil })
        XCTAssertTrue(r.mostOverdue.isEmpty)
        XCTAssertTrue(r.byCategory.isEmpty)
    }
}
