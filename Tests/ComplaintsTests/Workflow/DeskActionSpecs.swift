import XCTest
@testable import Complaints

/// Desk actions that do not move the status, and the role scopes.
final class DeskActionSpecs: XCTestCase {
    func received(_ intake: Intake = sampleIntake()) -> Scenario {
        var s = Scenario()
        s.when(.receive(intake), by: nasional, at: at(0))
        return s
    }

    func testEditTitleKeepsOriginal() {
        var s = received()
        s.when(.editTitle("Jalan rusak Jl. Kaliurang"), by: nasional, at: at(0, 10))
        XCTAssertEqual(s.report.title, "Jalan rusak Jl. Kaliurang")
        XCTAssertEqual(s.report.originalTitle, "Jalan berlubang di depan SDN 2")
        XCTAssertEqual(s.when(.editTitle("Jalan rusak Jl. Kaliurang"), by: nasional, at: at(0, 11)).refusal?.code,
                       .nothingToChange)
        XCTAssertEqual(s.when(.editTitle(""), by: nasional, at: at(0, 11)).refusal?.code, .missingText)
    }

    func testClassifyChecksTheCategoryTree() {
        struct Tree: DirectoryLookup {
            func agencyExists(_ id: String) -> Bool { true }
            func unitExists(_ unit: String, in agency: String) -> Bool { true }
            func categoryExists(_ c: String, subcategory: String?) -> Bool {
                c == "Kesehatan" && (subcategory == nil || subcategory == "Puskesmas")
            }
            func agencyName(_ id: String) -> String? { nil }
        }
        var s = received()
        func ctx() -> DecisionContext { DecisionContext(actor: nasional, now: at(1), directory: Tree()) }
        XCTAssertThrowsError(try Workflow.decide(.classify(classification: nil, category: "Kesehatann", subcategory: nil),
                                                 report: s.report, context: ctx())) { e in
            XCTAssertEqual((e as? Refusal)?.code, .unknownCategory)
        }
        XCTAssertThrowsError(try Workflow.decide(.classify(classification: nil, category: "Kesehatan", subcategory: "Jalan"),
                                                 report: s.report, context: ctx()))
        let events = try? Workflow.decide(.classify(classification: .aspirasi, category: "Kesehatan", subcategory: "Puskesmas"),
                                          report: s.report, context: ctx())
        XCTAssertEqual(events?.count, 1)
        s.record(events ?? [], by: nasional, at: at(1))
        XCTAssertEqual(s.report.category, "Kesehatan")
        XCTAssertEqual(s.report.subcategory, "Puskesmas")
        XCTAssertEqual(s.report.classification, .aspirasi)
    }

    func testFlagsOnlyRecordChanges() {
        var s = received()
        XCTAssertEqual(s.when(.setFlags(anonymous: false, confidential: false), by: nasional, at: at(1)).refusal?.code,
                       .nothingToChange)
        XCTAssertEqual(s.when(.setFlags(anonymous: true, confidential: false), by: nasional, at: at(1)).events,
                       [.flagsSet(anonymous: true, confidential: nil)])
        XCTAssertTrue(s.report.anonymous)
        XCTAssertFalse(s.report.confidential)
    }

    func testTagsPriorityNotesReplies() {
        var s = received()
        s.when(.tag(add: ["jalan", "sekolah"], remove: []), by: nasional, at: at(1))
        s.when(.tag(add: ["jalan"], remove: ["sekolah"]), by: nasional, at: at(1))
        XCTAssertEqual(s.report.tags, ["jalan"])
        s.when(.setPriority(.tinggi), by: nasional, at: at(1))
        XCTAssertEqual(s.report.priority, .tinggi)
        s.when(.addNote("Cek dengan Dinas PU"), by: nasional, at: at(1))
        s.when(.postReply("Laporan Anda sedang kami verifikasi."), by: nasional, at: at(1))
        let vis = s.report.trail.suffix(2).map(\.visibility)
        XCTAssertEqual(vis, [.internal_, .publik])
    }

    func testLinkDuplicate() {
        var s = received()
        s.when(.receive(sampleIntake(externalID: "sms-9")), by: nasional, at: at(0), on: "2600002")
        XCTAssertNotNil(s.when(.linkDuplicate(original: "2600002"), by: nasional, at: at(1)).events)
        XCTAssertEqual(s.report.duplicateOf, "2600002")
    }

    func testRoleScopes() {
        var s = received()
        // Agency roles cannot act on reports at the national desk.
        XCTAssertEqual(s.when(.addNote("x"), by: instansiSleman, at: at(1)).refusal?.code, .outOfScope)
        // Observers may do nothing.
        XCTAssertEqual(s.when(.addNote("x"), by: pengamat, at: at(1)).refusal?.code, .notAllowedForRole)
        // Agency admins may not dispose or archive.
        XCTAssertEqual(s.when(.archive(reason: .terlaluUmum, note: nil, duplicateOf: nil), by: instansiSleman, at: at(1))
            .refusal?.code, .notAllowedForRole)
        s.when(.dispose(agency: "pemkab-sleman", unit: nil, rule: nil, note: nil), by: nasional, at: at(1))
        XCTAssertNotNil(s.when(.addNote("diterima"), by: instansiSleman, at: at(1, 10)).events)
        // Another agency cannot see it.
        XCTAssertEqual(s.when(.addNote("x"), by: instansiBantul, at: at(1)).refusal?.code, .outOfScope)
        // A liaison of a unit it has not been given to cannot see it.
        XCTAssertFalse(Access.canSee(s.report, by: penghubungDinkes))
        XCTAssertEqual(s.when(.postFollowUp(text: "x", attachments: []), by: penghubungDinkes, at: at(2)).refusal?.code,
                       .outOfScope)
        // Unit must belong to the agency.
        struct Units: DirectoryLookup {
            func agencyExists(_ id: String) -> Bool { true }
            func unitExists(_ unit: String, in agency: String) -> Bool { unit.hasPrefix(agency + "/") }
            func categoryExists(_ c: String, subcategory: String?) -> Bool { true }
            func agencyName(_ id: String) -> String? { nil }
        }
        let ctx = DecisionContext(actor: instansiSleman, now: at(2), directory: Units())
        XCTAssertThrowsError(try Workflow.decide(.assignToUnit(unit: "pemkab-bantul/dinkes"), report: s.report, context: ctx)) {
            XCTAssertEqual(($0 as? Refusal)?.code, .unknownUnit)
        }
    }

    func testAnonymousIdentityVisibleOnlyToNationalDesk() {
        let s = received(sampleIntake(agency: "pemkab-sleman", anonymous: true))
        XCTAssertTrue(Access.canSeeIdentity(s.report, by: nasional))
        XCTAssertFalse(Access.canSeeIdentity(s.report, by: instansiSleman))
        XCTAssertFalse(Access.canSeeIdentity(s.report, by: pengamat))
        // A search by the reporter's name must not reveal the report to those who cannot see the name.
        var q = InboxQuery()
        q.text = "Aminah"
        let inbox = Inbox(deadlines: s.deadlines)
        XCTAssertEqual(inbox.run(q, on: s.desk, for: nasional, now: at(1)), [s.id])
        XCTAssertEqual(inbox.run(q, on: s.desk, for: instansiSleman, now: at(1)), [])
    }

    func testAvailableActionsFollowRoleAndState() {
        var s = received()
        XCTAssertTrue(Access.available(on: s.report, for: nasional).contains(.dispose))
        XCTAssertFalse(Access.available(on: s.report, for: nasional).contains(.followUp))
        XCTAssertEqual(Access.available(on: s.report, for: pengamat), [])
        s.when(.dispose(agency: "pemkab-sleman", unit: nil, rule: nil, note: nil), by: nasional, at: at(1))
        XCTAssertEqual(Set(Access.available(on: s.report, for: instansiSleman)), [.assignUnit, .sendBack, .note])
        XCTAssertFalse(Access.available(on: s.report, for: nasional).contains(.dispose))
    }

    func testRedactionJournaledNotRewritten() {
        var s = received()
        XCTAssertEqual(s.when(.redact(fields: ["reporter.shoe"], reason: "x"), by: nasional, at: at(1)).refusal?.code, .invalidValue)
        XCTAssertEqual(s.when(.redact(fields: ["reporter.nik"], reason: ""), by: nasional, at: at(1)).refusal?.code, .missingReason)
        s.when(.redact(fields: ["reporter.nik", "reporter.phone"], reason: "Permintaan penghapusan data (UU PDP)"), by: nasional, at: at(1))
        XCTAssertEqual(s.report.reporter.nik, "[dihapus]")
        XCTAssertEqual(s.report.reporter.name, "Siti Aminah")
        if case let .received(intake) = s.report.trail.first?.event {
            XCTAssertEqual(intake.reporter.nik, "[dihapus]")
        } else {
            XCTFail("trail starts with received")
        }
    }

    /// QA: `classify --category pendidikan` stored the id, and the figures then counted "pendidikan" apart
    /// from "Pendidikan dan Kebudayaan". The topic tree's own names are stored.
    func testClassifyStoresTheTopicTreesNames() throws {
        var s = Scenario()
        s.directory = try ReferenceFixtures.shipped()
        s.when(.receive(sampleIntake(at(0))), by: nasional, at: at(0))
        XCTAssertNotNil(s.when(.classify(classification: nil, category: "pendidikan", subcategory: nil), by: nasional, at: at(1)).events)
        XCTAssertEqual(s.report.category, "Pendidikan dan Kebudayaan")
        XCTAssertNotNil(s.when(.classify(classification: nil, category: "KESEHATAN", subcategory: "pelayanan puskesmas"), by: nasional, at: at(1)).events)
        XCTAssertEqual(s.report.category, "Kesehatan")
        XCTAssertEqual(s.report.subcategory, "Pelayanan Puskesmas")
        XCTAssertEqual(s.when(.classify(classification: nil, category: "kesehatan", subcategory: nil), by: nasional, at: at(2)).refusal?.code,
                       .nothingToChange, "the same category in another spelling is no change")
    }
}
