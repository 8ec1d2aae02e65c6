import Complaints
import ComplaintJournal
import Console
import DeskResources
import Foundation
import XCTest

/// A console's decisions follow reference data edited under it: once `referensi/` gains an agency, the
/// desk service the console acts through disposes to it, as the forms offer it.
final class ReferenceReloadTests: DeskTestCase {
    func testTheConsolesServiceDisposesToAnAgencyAddedUnderIt() throws {
        try makeDesk()
        try expect(0, ["intake", "--channel", "sms", "--body", "Jalan rusak di depan sekolah, mohon diperbaiki"])
        let defaults = SnapshotPreviewTests.defaults
        let opened = try OpenedDesk.open(DeskFolder(url: dataURL), defaults: defaults, mode: .writer)
        let service = StoreService(store: opened.store, referenceSource: ReferenceSource(folder: opened.folder, defaults: defaults))
        let id = try XCTUnwrap(opened.store.desk.all.first?.id)
        let rina = Operator(name: "rina", role: .adminNasional)
        let dispose = Command.dispose(agency: "pemkab-baru", unit: nil, rule: nil, note: nil)
        XCTAssertThrowsError(try service.store.perform(dispose, on: id, as: rina, now: Date()), "no such agency yet")
        XCTAssertNil(service.referenceChange(), "nothing edited")

        let agencies = dataURL.appendingPathComponent("referensi/instansi.toml")
        try (try String(contentsOf: agencies, encoding: .utf8)
            + "\n[[instansi]]\nid = \"pemkab-baru\"\nnama = \"Pemerintah Kabupaten Baru\"\njenis = \"kementerian\"\n")
            .write(to: agencies, atomically: true, encoding: .utf8)
        guard case .reloaded? = service.referenceChange() else { return XCTFail("the new agency was not taken") }
        XCTAssertNoThrow(try service.store.perform(dispose, on: id, as: rina, now: Date()))
        XCTAssertEqual(service.store.desk[id]?.agency, "pemkab-baru")
    }
}
