import Complaints
@testable import ComplaintJournal
import Foundation
import XCTest

/// The files of a desk's reference data are watched for edits: a running console takes an agency added to
/// `referensi/`, and refuses files with mistakes (naming file and line) while keeping what it has, as it
/// refuses reference data the roster no longer agrees with.
final class ReferenceSourceTests: XCTestCase {
    private let newAgency = """

        [[instansi]]
        id = "pemkab-baru"
        nama = "Pemerintah Kabupaten Baru"
        jenis = "kementerian"
        unit = [{ id = "umum", nama = "Bagian Umum" }]

        """

    func testAnAgencyAddedIsTakenAndMistakesAreRefusedWithTheirPlace() throws {
        let desk = DeskFolder(url: try TestSupport.temporaryFolder(self).appendingPathComponent("meja"))
        let defaults = try TestSupport.shippedDefaults()
        _ = try desk.initialize(defaults: defaults)
        var source = ReferenceSource(folder: desk, defaults: defaults)
        XCTAssertNil(source.change(), "nothing edited")

        let file = desk.referenceFolder.appendingPathComponent("instansi.toml")
        let original = try String(contentsOf: file, encoding: .utf8)
        try (original + newAgency).write(to: file, atomically: true, encoding: .utf8)
        guard case let .reloaded(withAgency)? = source.change() else { return XCTFail("the new agency was not taken") }
        XCTAssertEqual(withAgency.agencies.agencies.last?.id, "pemkab-baru")
        XCTAssertTrue(withAgency.unitExists("pemkab-baru/umum", in: "pemkab-baru"))
        XCTAssertNil(source.change(), "taken once")

        // A mistake: refused with file and line.
        try (original + "\n[[instansi]]\nid = \"tanpa-nama\"\n").write(to: file, atomically: true, encoding: .utf8)
        guard case let .refused(messages)? = source.change() else { return XCTFail("an agency without a name was taken") }
        XCTAssertTrue(messages.first?.hasPrefix(file.path + ":") ?? false, "\(messages)")

        // Fixed again: taken.
        try (original + newAgency).write(to: file, atomically: true, encoding: .utf8)
        guard case .reloaded? = source.change() else { return XCTFail("the fixed file was not taken") }
    }

    /// An agency an operator of the roster belongs to cannot go: the desk could not be opened so.
    func testReferenceDataTheRosterNoLongerAgreesWithIsRefused() throws {
        let desk = DeskFolder(url: try TestSupport.temporaryFolder(self).appendingPathComponent("meja"))
        let defaults = try TestSupport.shippedDefaults()
        _ = try desk.initialize(defaults: defaults)
        let file = desk.referenceFolder.appendingPathComponent("instansi.toml")
        let original = try String(contentsOf: file, encoding: .utf8)
        try (original + newAgency).write(to: file, atomically: true, encoding: .utf8)
        try """
            [[operator]]
            name = "tono"
            role = "admin-instansi"
            agency = "pemkab-baru"

            """.write(to: desk.rosterFile, atomically: true, encoding: .utf8)
        var source = ReferenceSource(folder: desk, defaults: defaults)
        try original.write(to: file, atomically: true, encoding: .utf8)
        guard case let .refused(messages)? = source.change() else { return XCTFail("the roster's agency was removed live") }
        XCTAssertTrue(messages.first?.hasPrefix(desk.rosterFile.path + ":") ?? false, "\(messages)")
        XCTAssertTrue(messages.first?.contains("pemkab-baru") ?? false, "\(messages)")
    }
}
