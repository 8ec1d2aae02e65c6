@testable import Complaints
import Foundation
import XCTest

/// When a lesson step can no longer be done (`LessonStep.isStuck`), the one rule the strip and
/// `scenario progress` read.
final class LessonStepStuckTests: XCTestCase {
    let dispose = LessonStep(instruction: Localized("Disposisikan", en: "Dispose"),
                             expect: EventPattern(verb: .dispose, reportExternalID: "A", fields: [:]),
                             praise: Localized("Tepat", en: "Right"))

    func report(_ events: [DomainEvent]) throws -> Report {
        var j = JournalBuilder()
        j.add("2600001", at(0), .received(reportIntake(at(0))))
        for (k, e) in events.enumerated() { j.add("2600001", at(0, 10 + k), e) }
        return try XCTUnwrap(j.desk["2600001"])
    }

    func testANewOrPostponedReportCanStillBeDisposedAVerifiedOrClosedOneCannot() throws {
        XCTAssertFalse(dispose.isStuck(on: try report([])))
        // QA: the strip told a trainee to skip; the reporter's answer brings a postponed report back.
        XCTAssertFalse(dispose.isStuck(on: try report([.postponed(question: "Di mana?")])))
        XCTAssertTrue(dispose.isStuck(on: try report([.disposed(Disposition(agency: "kemnaker", kind: .disposisi))])))
        XCTAssertTrue(dispose.isStuck(on: try report([.archived(reason: .terlaluUmum, note: nil, duplicateOf: nil)])))
        XCTAssertTrue(dispose.isStuck(on: try report([.deleted(reason: .spam, note: nil)])))
    }
}
