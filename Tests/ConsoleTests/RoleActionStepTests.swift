import ComplaintJournal
import Complaints
@testable import Console
import Foundation
import TextCanvas
import XCTest

/// What each role is offered and told: the read-only roles get messages, not requests; agency officers
/// only their agency's actions.
final class RoleActionStepTests: XCTestCase {
    /// QA: a pengamat's console reopened after the trainer's reset said only "read-only", never the reset.
    func testAReopenNoticeIsNotCoveredByTheReadOnlyMessage() throws {
        var s = try Fixture.state(Fixture.observer)
        s.message = nil
        s.announce(Localized("Pelatih mengulang meja latihan dari awal.", en: "The trainer reset the practice desk."))
        ConsoleReducer.start(&s)
        XCTAssertEqual(s.message, msg(.info, "Pelatih mengulang meja latihan dari awal."))
    }

    func testObserverGetsMessagesNotEffects() throws {
        var s = try Fixture.state(Fixture.observer)
        XCTAssertEqual(s.message, msg(.info, "Mode baca saja: peran Anda tidak dapat mengubah laporan."))
        for key: Key in [.char("d"), .char("a"), .char("t"), .char("x"), .char("c"), .char("e")] {
            var t = s
            let kind: String = switch key {
            case .char("d"): "Verifikasi & disposisi"
            case .char("a"): "Arsipkan"
            case .char("t"): "Tunda (minta informasi)"
            case .char("x"): "Hapus (spam, tak terbaca)"
            case .char("c"): "Catatan internal"
            default: "Ubah judul"
            }
            step(&t, key: key) { $0.message = msg(.error, "Peran Pengamat tidak dapat: \(kind).") }
        }
        step(&s, key: .char("A")) { $0.message = msg(.error, "Peran Pengamat tidak dapat: Anonim / rahasia.") }
        step(&s, key: .char("m")) { $0.message = msg(.info, "Tidak ada aksi yang dapat Anda lakukan pada laporan ini.") }
        s.press(.char(":"))
        s.type("archive")
        XCTAssertEqual(s.press(.enter), [])
        XCTAssertNil(s.overlay)
    }

    func testAgencyAdminIsOfferedOnlyAgencyActions() throws {
        var s = try Fixture.state(Fixture.agencyAdmin)
        s.press(.char("3"), .char(":"))
        s.type("2600006")
        s.press(.enter, .char("m"))
        guard case let .menu(m) = s.overlay else { return XCTFail("menu expected") }
        XCTAssertEqual(m.items, [.act(.assignUnit), .act(.sendBack), .act(.note)])
        s.press(.escape)
        step(&s, key: .char("a")) { $0.message = msg(.error, "Peran Admin Instansi tidak dapat: Arsipkan.") }
        s.press(.char("u"))
        // No rule names a unit here: the officer picks one (the placeholder first, not a unit Ctrl-S would save).
        XCTAssertEqual(s.form?.fields.first?.value, .choice([Choice(id: "", label: "— pilih unit —"),
                                                            Choice(id: "dinkes", label: "Dinas Kesehatan Kabupaten Sleman"),
                                                            Choice(id: "dlh", label: "Dinas Lingkungan Hidup Kabupaten Sleman"),
                                                            Choice(id: "disdukcapil", label: "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Sleman")],
                                                           selected: 0))
        s.press(.right, .right)
        XCTAssertEqual(s.press(.enter), [.perform([DeskRequest(reportID: Fixture.ID.disposed, command: .assignToUnit(unit: "dlh"),
                                                              expectedVersion: s.detail.openedVersion)])])
    }

    /// QA: the send-back form did not say the reason is public, though the trail shows it to the reporter.
    func testTheSendBackFormSaysTheReporterSeesTheReason() throws {
        var s = try Fixture.state(Fixture.agencyAdmin)
        s.press(.char("3"), .char(":"))
        s.type("2600006")
        s.press(.enter, .char("b"))
        let form = try XCTUnwrap(s.form)
        XCTAssertEqual(form.fields.first?.label, "Alasan bukan wewenang (dilihat pelapor)")
        XCTAssertTrue(form.explanation.joined().contains("DILIHAT pelapor"), "\(form.explanation)")
    }
}
