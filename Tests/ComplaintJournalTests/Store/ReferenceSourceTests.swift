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

    /// A fresh desk with the shipped files, and its agencies file with what it holds.
    private func makeDesk() throws -> (desk: DeskFolder, defaults: DeskDefaults, agencies: URL, original: String) {
        let desk = DeskFolder(url: try TestSupport.temporaryFolder(self).appendingPathComponent("meja"))
        let defaults = try TestSupport.shippedDefaults()
        _ = try desk.initialize(defaults: defaults)
        let file = desk.referenceFolder.appendingPathComponent("instansi.toml")
        return (desk, defaults, file, try String(contentsOf: file, encoding: .utf8))
    }

    func testAnAgencyAddedIsTakenAndMistakesAreRefusedWithTheirPlace() throws {
        let (desk, defaults, file, original) = try makeDesk()
        var source = ReferenceSource(folder: desk, defaults: defaults)
        XCTAssertNil(source.change(), "nothing edited")

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
        let (desk, defaults, file, original) = try makeDesk()
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
        // QA: fixing the roster never brought the reload back (only referensi/ was watched).
        try "".write(to: desk.rosterFile, atomically: true, encoding: .utf8)
        guard case .reloaded? = source.change() else { return XCTFail("the roster fixed, the reference data was not taken") }
    }

    /// QA: an edit in place that kept the size and had its modification time put back (`touch -r`) was
    /// never taken. The change time still moves.
    func testAnEditWithItsModificationTimePutBackIsTaken() throws {
        let (desk, defaults, file, _) = try makeDesk()
        let modified = try XCTUnwrap(try FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate] as? Date)
        var source = ReferenceSource(folder: desk, defaults: defaults)
        usleep(20_000)
        let text = try String(contentsOf: file, encoding: .utf8)
        let edited = text.replacingOccurrences(of: "Pemerintah Provinsi Sumatera Barat", with: "Pemerintah Provinsi Sumatera Bara_")
        XCTAssertNotEqual(edited, text)
        let handle = try FileHandle(forWritingTo: file)
        try handle.write(contentsOf: Data(edited.utf8))
        try handle.close()
        try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: file.path)
        guard case let .reloaded(reference)? = source.change() else { return XCTFail("the edit was not taken") }
        XCTAssertEqual(reference.agencyName("pemprov-sumbar"), "Pemerintah Provinsi Sumatera Bara_")
    }

    /// The console keeps the operator it opened with: reference data without that operator's agency is
    /// refused even when the roster on disk no longer names them (QA: the title bar fell back to a raw id).
    func testReferenceDataWithoutTheOperatorOnDutysAgencyIsRefused() throws {
        let (desk, defaults, file, original) = try makeDesk()
        try (original + newAgency).write(to: file, atomically: true, encoding: .utf8)
        let tono = Operator(name: "tono", role: .adminInstansi, agency: "pemkab-baru")
        var source = ReferenceSource(folder: desk, defaults: defaults, onDuty: tono)
        try original.write(to: file, atomically: true, encoding: .utf8)
        guard case let .refused(messages)? = source.change() else { return XCTFail("the operator's agency was removed live") }
        XCTAssertEqual(messages, ["\(file.path): agency 'pemkab-baru' of tono, the operator on duty, is no longer listed"])
        // Its unit removed, the agency kept.
        try (original + newAgency.replacingOccurrences(of: "unit = [{ id = \"umum\", nama = \"Bagian Umum\" }]", with: ""))
            .write(to: file, atomically: true, encoding: .utf8)
        var liaison = ReferenceSource(folder: desk, defaults: defaults,
                                      onDuty: Operator(name: "sri", role: .penghubung, agency: "pemkab-baru", unit: "pemkab-baru/umum"))
        try (original + newAgency.replacingOccurrences(of: "Bagian Umum", with: "Bagian Umum dan Keuangan").replacingOccurrences(of: "id = \"umum\"", with: "id = \"keuangan\""))
            .write(to: file, atomically: true, encoding: .utf8)
        guard case let .refused(unitGone)? = liaison.change() else { return XCTFail("the operator's unit was removed live") }
        XCTAssertEqual(unitGone, ["\(file.path): unit 'pemkab-baru/umum' of sri, the operator on duty, is no longer listed"])
    }
}
