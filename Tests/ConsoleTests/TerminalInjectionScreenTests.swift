import ComplaintJournal
import Complaints
import Console
import Foundation
import TextCanvas
import XCTest

/// Report data that tries to talk to the terminal (clipboard writes, title changes, cursor moves, bidi
/// overrides, NUL, C1 controls, decoded invalid UTF-8) in every field a screen shows, rendered on every
/// pane and overlay: no cell may hold a raw control, and the officer sees a placeholder instead.
final class TerminalInjectionScreenTests: XCTestCase {
    /// Each case names what it tries; the payloads are what the journal keeps verbatim.
    static let payloads: [(name: String, text: String)] = [
        ("OSC 52 clipboard write", "\u{1B}]52;c;cm0gLXJmIH4=\u{07}"),
        ("OSC 0 title change", "\u{1B}]0;DIRETAS\u{07}"),
        ("OSC 2 title change (ST)", "\u{1B}]2;DIRETAS\u{1B}\\"),
        ("CSI cursor move and clear", "\u{1B}[2J\u{1B}[H\u{1B}[31m"),
        ("8-bit CSI (C1)", "\u{9B}31m\u{9D}0;x\u{9C}"),
        ("bidi override", "\u{202E}gnp.exe\u{202C}\u{2066}x\u{2069}"),
        ("NUL and BEL", "a\u{00}b\u{07}c\u{7F}"),
        ("invalid UTF-8 (decoded)", String(decoding: [0x41, 0xFF, 0xC3, 0x28, 0xED, 0xA0, 0x80, 0x42] as [UInt8], as: UTF8.self)),
        ("lone CR overwrite", "AMAN\rBAHAYA"),
    ]

    static var hostile: String { payloads.map(\.text).joined(separator: " | ") }

    /// Scalars that must never be drawn: C0 (but none are drawn at all), DEL, C1, bidi controls.
    static func isDangerous(_ v: UInt32) -> Bool {
        v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
            || v == 0x200E || v == 0x200F || v == 0x061C
    }

    /// A desk with one report whose every shown field is hostile, with a hostile trail.
    func hostileStore() throws -> DeskStore {
        let store = try DeskStore(journal: InMemoryJournal(), directory: PermissiveDirectory(), deadlines: try Fixture.deadlines(),
                                  osUser: nil)
        let h = Self.hostile
        let intake = Intake(externalID: "EXT" + h, channel: .web, receivedAt: Fixture.at(2026, 11, 30, 8, 0), title: "JUDUL " + h,
                            body: "ISI " + h + "\nbaris dua " + h, category: "Kategori " + h, subcategory: "Sub " + h,
                            location: Location(province: "Prov " + h, regency: "Kab " + h, district: "Kec " + h, detail: "Detail " + h),
                            incidentDate: "2026-11-01", reporter: Reporter(name: "Nama " + h, nik: "3404" + h, phone: "08" + h,
                                                                          email: h + "@mail.example"),
                            attachments: [Attachment(name: "lampiran " + h + ".png", ref: "sha256:" + h)], tags: ["tag" + h])
        let id = try store.receive(intake, as: .system, now: intake.receivedAt).id
        let at = Fixture.at(2026, 11, 30, 9, 0)
        try store.perform(.addNote("CATATAN " + h), on: id, as: Fixture.national, now: at)
        try store.perform(.postReply("BALASAN " + h), on: id, as: Fixture.national, now: at)
        try store.perform(.tag(add: ["tag2" + h], remove: []), on: id, as: Fixture.national, now: at)
        try store.perform(.editTitle("JUDUL BARU " + h), on: id, as: Fixture.national, now: at)
        try store.perform(.dispose(agency: "pemkab-sleman", unit: nil, rule: nil, note: "NOTA " + h), on: id, as: Fixture.national, now: at)
        try store.perform(.assignToUnit(unit: "dlh"), on: id, as: Fixture.agencyAdmin, now: at)
        try store.perform(.postFollowUp(text: "TL " + h, attachments: [Attachment(name: "bukti" + h + ".pdf")]), on: id,
                          as: Fixture.agencyAdmin, now: at)
        return store
    }

    /// Every cell holding a dangerous scalar, as "(x,y) U+XXXX".
    func dangerousCells(_ canvas: Canvas) -> [String] {
        var found: [String] = []
        for y in 0..<canvas.height {
            for x in 0..<canvas.width {
                for scalar in canvas[x, y].text.unicodeScalars where Self.isDangerous(scalar.value)
                    || Sanitize.placeholder(for: scalar) != nil {
                    found.append("(\(x),\(y)) U+\(String(scalar.value, radix: 16, uppercase: true))")
                }
            }
        }
        return found
    }

    func testEveryPaneAndOverlayShowsPlaceholdersNeverRawControls() throws {
        let store = try hostileStore()
        var screens: [(String, Canvas)] = []
        for op in [Fixture.national, Fixture.agencyAdmin] {
            var s = ConsoleState(env: try Fixture.environment(op), desk: store.desk, now: Fixture.now, size: Size(width: 120, height: 40))
            ConsoleReducer.start(&s)
            s.press(.char("5"))
            screens.append(("\(op.name) inbox", ConsoleRenderer.render(s)))
            s.press(.enter)
            screens.append(("\(op.name) detail", ConsoleRenderer.render(s)))
            for _ in 0..<30 { s.press(.char("j")) }
            screens.append(("\(op.name) detail scrolled", ConsoleRenderer.render(s)))
            s.press(.escape)
            s.press(.char("d"))
            screens.append(("\(op.name) routing", ConsoleRenderer.render(s)))
            s.press(.escape, .escape)
            s.press(.char("m"))
            screens.append(("\(op.name) action menu", ConsoleRenderer.render(s)))
            s.press(.escape)
            s.press(.char("/"))
            s.press(.paste(Self.hostile))
            screens.append(("\(op.name) search prompt with pasted hostile text", ConsoleRenderer.render(s)))
            s.press(.escape)
            s.press(.char("c"))
            s.press(.paste(Self.hostile))
            screens.append(("\(op.name) note form with pasted hostile text", ConsoleRenderer.render(s)))
            s.press(.escape)
            for size in [Size(width: 60, height: 20), Size(width: 80, height: 24)] {
                s.size = size
                screens.append(("\(op.name) \(size.width)x\(size.height)", ConsoleRenderer.render(s)))
            }
        }
        var placeholders = 0
        for (name, canvas) in screens {
            XCTAssertEqual(dangerousCells(canvas).prefix(5), [], "\(name) draws raw controls")
            let text = canvas.textRows().joined(separator: "\n")
            XCTAssertFalse(text.contains("]52;c;") && text.contains("\u{1B}"), name)
            if text.contains("\u{241B}") { placeholders += 1 }  // ␛ shown for ESC
        }
        XCTAssertGreaterThan(placeholders, 4, "the hostile text is on screen as visible placeholders")
    }

    /// QA: a CR or NEL in a title broke the line in the detail pane, and the text after it looked like the
    /// pane's own fields ("Diterima: …", "Instansi: …"). One-line fields show the break as a placeholder.
    func testALineBreakInAOneLineFieldCannotFakeTheDetailPanesFields() throws {
        let store = try DeskStore(journal: InMemoryJournal(), directory: PermissiveDirectory(), deadlines: try Fixture.deadlines(),
                                  osUser: nil)
        let fake = "Jalan berlubang\r\rDiterima: PALSU\u{85}Instansi: PALSU\u{2028}Lokasi: PALSU"
        let intake = Intake(channel: .letter, receivedAt: Fixture.at(2026, 11, 30, 8, 0), title: fake, body: "isi",
                            location: Location(detail: "Jl. A\rKategori: PALSU"), reporter: Reporter(name: "Budi\rNIK: PALSU"))
        _ = try store.receive(intake, as: .system, now: intake.receivedAt)
        var s = ConsoleState(env: try Fixture.environment(Fixture.national), desk: store.desk, now: Fixture.now,
                             size: Size(width: 120, height: 40))
        ConsoleReducer.start(&s)
        s.press(.char("5"), .enter)
        let rows = ConsoleRenderer.render(s).textRows()
        for label in ["Diterima: PALSU", "Instansi: PALSU", "Lokasi: PALSU", "Kategori: PALSU", "NIK: PALSU"] {
            XCTAssertFalse(rows.contains { $0.contains("│ " + label) || $0.contains("│   " + label) }, "\(label) starts a line:\n" + rows.joined(separator: "\n"))
        }
        XCTAssertTrue(rows.contains { $0.contains("Jalan berlubang␍␍Diterima:") }, rows.joined(separator: "\n"))
        // The channel in the officer's language, as the Laporan view names it (QA: "· letter").
        XCTAssertTrue(rows.contains { $0.contains("│ Surat ") }, rows.joined(separator: "\n"))
        XCTAssertFalse(rows.contains { $0.contains("letter") })
    }

    /// The scan can fail: a canvas with a raw ESC put in by hand is caught.
    func testScanFindsARawControl() {
        var canvas = Canvas(width: 4, height: 1)
        XCTAssertEqual(dangerousCells(canvas), [])
        canvas.put("ok", at: Point(x: 0, y: 0), role: .plain)
        XCTAssertEqual(dangerousCells(canvas), [])
        XCTAssertTrue(Self.isDangerous(0x1B) && Self.isDangerous(0x9B) && Self.isDangerous(0x202E))
    }
}
