import SeededRandom
import XCTest
@testable import Complaints

/// The snapshot's inbox rows must read back exactly as the index builds them from the desk, name where
/// each report lies, be ignored under other deadline rules, and refuse damage without crashing.
final class InboxRowsCodecTests: XCTestCase {
    let rules = InboxRowRules(deadlines: Deadlines(calendar: WorkingCalendar()), key: "limits 3 5 10 60 10; zone WIB")

    func decode(_ bytes: [UInt8], key: String? = nil) throws -> InboxSeed? {
        try bytes.withUnsafeBytes { b -> Result<InboxSeed?, SnapshotFormatError> in
            do throws(SnapshotFormatError) { return .success(try DeskSnapshotCodec.decodeInboxRows(b, rulesKey: key ?? rules.key)) } catch {
                return .failure(error)
            }
        }.get()
    }

    func report(_ chunk: [UInt8], at offset: Int, actors: [UInt8]) throws -> Report {
        let table = try actors.withUnsafeBytes { b -> Result<SnapshotActors, SnapshotFormatError> in
            do throws(SnapshotFormatError) { return .success(try DeskSnapshotCodec.decodeActors(b)) } catch { return .failure(error) }
        }.get()
        return try chunk.withUnsafeBytes { b -> Result<Report, SnapshotFormatError> in
            do throws(SnapshotFormatError) {
                return .success(try DeskSnapshotCodec.report(in: b, at: offset, actors: table, textSource: nil))
            } catch { return .failure(error) }
        }.get()
    }

    func testRowsReadBackAsTheIndexBuildsThemAndLocateEveryReport() throws {
        let desk = DeskSnapshotCodecTests.deskWithEveryEvent()
        let expected = InboxIndex.firstRows(desk.all, deadlines: rules.deadlines).map { String(describing: $0) }
        XCTAssertTrue(expected.contains { $0.contains("track") }, "some rows carry a running deadline")
        for perChunk in [1, 4, 1000] {
            let sections = DeskSnapshotCodec.encode(desk, rules: rules, reportsPerChunk: perChunk)
            let seed = try XCTUnwrap(try decode(sections.inboxRows))
            XCTAssertEqual(seed.rows.map { String(describing: $0) }, expected, "\(perChunk) per chunk")
            for (i, location) in seed.locations.enumerated() {
                XCTAssertEqual(try report(sections.chunks[location.chunk], at: location.offset, actors: sections.actors), desk.all[i])
            }
        }
        // Rows in many parts (decoded on every core) read back the same.
        let locations = desk.all.indices.map { SnapshotReportLocation(chunk: 0, offset: $0 + 1) }
        let parted = DeskSnapshotCodec.encodeInboxRows(desk, rules: rules, locations: locations, rowsPerPart: 2)
        let seed = try XCTUnwrap(try decode(parted))
        XCTAssertEqual(seed.rows.map { String(describing: $0) }, expected)
        XCTAssertEqual(seed.locations, locations)
        XCTAssertEqual(try decode(DeskSnapshotCodec.encode(Desk(), rules: rules).inboxRows)?.count, 0)
    }

    /// Room for the reports received after the snapshot is left beside the rows, which read back the same.
    func testRowsReadWithSpareRoomAreTheSameRows() throws {
        let desk = DeskSnapshotCodecTests.deskWithEveryEvent()
        let sections = DeskSnapshotCodec.encode(desk, rules: rules, reportsPerChunk: 4)
        let plain = try XCTUnwrap(try decode(sections.inboxRows))
        let roomy = try XCTUnwrap(try sections.inboxRows.withUnsafeBytes { b -> Result<InboxSeed?, SnapshotFormatError> in
            do throws(SnapshotFormatError) {
                return .success(try DeskSnapshotCodec.decodeInboxRows(b, rulesKey: rules.key, spareRows: 50))
            } catch { return .failure(error) }
        }.get())
        XCTAssertEqual(roomy.rows.map { String(describing: $0) }, plain.rows.map { String(describing: $0) })
        XCTAssertEqual(roomy.locations, plain.locations)
        XCTAssertGreaterThanOrEqual(roomy.rows.capacity, plain.count + 50)
        XCTAssertGreaterThanOrEqual(roomy.locations.capacity, plain.count + 50)
    }

    func testRowsOfOtherDeadlineRulesAreNotUsed() throws {
        let sections = DeskSnapshotCodec.encode(DeskSnapshotCodecTests.deskWithEveryEvent(), rules: rules)
        XCTAssertNotNil(try decode(sections.inboxRows))
        XCTAssertNil(try decode(sections.inboxRows, key: rules.key + "; days 2026-12-25 libur"))
        XCTAssertNil(try decode(sections.inboxRows, key: ""))
    }

    func testDamagedRowsThrowAndNeverCrash() throws {
        let desk = DeskSnapshotCodecTests.deskWithEveryEvent()
        let locations = desk.all.indices.map { SnapshotReportLocation(chunk: 0, offset: $0 + 1) }
        let rows = DeskSnapshotCodec.encodeInboxRows(desk, rules: rules, locations: locations, rowsPerPart: 3)
        func decodes(_ bytes: [UInt8]) -> Bool { ((try? decode(bytes)) ?? nil) != nil }
        XCTAssertTrue(decodes(rows))
        for cut in 0..<rows.count { XCTAssertFalse(decodes(Array(rows[0..<cut])), "cut at \(cut)") }
        XCTAssertFalse(decodes(rows + [0]), "trailing bytes are refused")
        var generator = SeededGenerator(seed: 11)
        for _ in 0..<600 {
            var bad = rows
            bad[Int.random(in: 0..<bad.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            _ = decodes(bad)
        }
        // A report offset outside its chunk is refused, not read.
        let sections = DeskSnapshotCodec.encode(desk, rules: rules)
        XCTAssertThrowsError(try report(sections.chunks[0], at: 0, actors: sections.actors))
        XCTAssertThrowsError(try report(sections.chunks[0], at: sections.chunks[0].count, actors: sections.actors))
    }
}
