import Complaints
@testable import ComplaintJournal
import Foundation
import XCTest

/// The inbox indices are a memo: with them, every query and every count must equal the plain linear
/// pass, on a generated desk, for every role, before and after the desk changes.
final class InboxIndexTests: XCTestCase {
    let now = ISOTime.parse("2026-11-30T09:00:00+07:00")!
    let deadlines = Deadlines(calendar: WorkingCalendar())

    func generatedStore(reports: Int) throws -> DeskStore {
        var f: [String: String] = [:]
        let files = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/DeskResources/Files")
        for name in ReferenceData.fileNames {
            f[name] = try String(contentsOf: files.appendingPathComponent("reference/" + name), encoding: .utf8)
        }
        let reference = try ReferenceData.load(files: f)
        let journal = InMemoryJournal()
        try DeskGenerator(reports: reports, seed: 7, now: now, reference: reference).generate(batchSize: 500) { entries in
            _ = try journal.appendBatch(entries)
        }
        return try DeskStore(journal: journal, directory: reference, deadlines: deadlines)
    }

    func operators(_ desk: Desk) -> [Operator] {
        var ops = [Operator(name: "nasional", role: .adminNasional), Operator(name: "lihat", role: .pengamat)]
        if let r = desk.all.first(where: { $0.agency != nil && $0.unit != nil }), let agency = r.agency {
            ops.append(Operator(name: "instansi", role: .adminInstansi, agency: agency))
            ops.append(Operator(name: "penghubung", role: .penghubung, agency: agency, unit: r.unit))
            ops.append(Operator(name: "penghubung2", role: .penghubung, agency: agency))
        }
        return ops
    }

    func queries(_ desk: Desk) -> [InboxQuery] {
        var qs = InboxQuery.SavedView.allCases.map(\.query)
        let texts = ["ja", "jal", "jala", "jalan", "jalan RUSAK", "siti", "gen-7-1", "kabupaten", "zzz", "Sléman", "k"]
        for t in texts {
            for v in [InboxQuery.SavedView.semua, .baru] {
                var q = v.query
                q.text = t
                qs.append(q)
            }
        }
        var q = InboxQuery()
        q.includeDeleted = true
        q.sort = .priority
        qs.append(q)
        q = InboxQuery()
        q.statuses = [.dihapus, .baru]
        q.includeReturned = true
        qs.append(q)
        q = InboxQuery()
        q.channels = [.sms, .web]
        q.classification = .pengaduan
        q.anonymousOnly = true
        qs.append(q)
        q = InboxQuery()
        q.confidentialOnly = true
        q.sort = .deadline
        qs.append(q)
        if let r = desk.all.first(where: { $0.agency != nil && $0.unit != nil }) {
            q = InboxQuery()
            q.agency = r.agency
            q.unit = r.unit
            qs.append(q)
            q = InboxQuery()
            q.category = r.category?.uppercased()
            q.region = r.location.regency?.lowercased()
            q.sort = .deadline
            qs.append(q)
            q = InboxQuery()
            q.region = "jawa"
            q.returnedOnly = true
            qs.append(q)
        }
        return qs
    }

    func assertSame(_ desk: Desk, _ index: InboxIndex, at now: Date, file: StaticString = #filePath, line: UInt = #line) {
        let plain = Inbox(deadlines: deadlines)
        let fast = Inbox(deadlines: deadlines, index: index)
        for op in operators(desk) {
            XCTAssertEqual(fast.counts(on: desk, for: op, now: now), plain.counts(on: desk, for: op, now: now),
                           "counts for \(op.name)", file: file, line: line)
            for q in queries(desk) {
                let expected = plain.list(q, on: desk, for: op, now: now)
                XCTAssertEqual(fast.list(q, on: desk, for: op, now: now), expected, "\(op.name): \(q)", file: file, line: line)
                // The breakdown adds up to the rows listed, each counted as its row shows it.
                let b = expected.breakdown
                XCTAssertEqual(b.statuses.values.reduce(b.returned, +), expected.ids.count, file: file, line: line)
                XCTAssertEqual(b.returned, expected.ids.filter { desk[$0]?.returned != nil }.count, file: file, line: line)
                XCTAssertEqual(b.statuses[.tunda] ?? 0, expected.ids.filter { desk[$0]?.status == .tunda && desk[$0]?.returned == nil }.count,
                               file: file, line: line)
            }
        }
    }

    func testIndexedQueriesEqualThePlainPassBeforeAndAfterChanges() throws {
        let store = try generatedStore(reports: 400)
        XCTAssertGreaterThan(store.desk.all.filter { $0.returned != nil || $0.status == .dihapus }.count, 0)
        let index = InboxIndex(deadlines: deadlines)
        assertSame(store.desk, index, at: now)
        assertSame(store.desk, index, at: now.addingTimeInterval(12 * 86400))
        // Each query as the first on an index (no sort order yet: the rows listed are sorted on their own) and
        // on one whose orders were prepared: the same answers.
        let prepared = InboxIndex(deadlines: deadlines)
        prepared.prepareOrders(store.desk, now: now)
        let plain = Inbox(deadlines: deadlines)
        for op in operators(store.desk) {
            for q in queries(store.desk) where q.text == nil {
                let expected = plain.list(q, on: store.desk, for: op, now: now)
                XCTAssertEqual(Inbox(deadlines: deadlines, index: InboxIndex(deadlines: deadlines)).list(q, on: store.desk, for: op, now: now),
                               expected, "first query, \(op.name): \(q)")
                XCTAssertEqual(Inbox(deadlines: deadlines, index: prepared).list(q, on: store.desk, for: op, now: now), expected,
                               "prepared orders, \(op.name): \(q)")
            }
        }
        // The desk changes underneath the same index: rows, orders and remembered searches must follow.
        let admin = Operator(name: "admin", role: .adminNasional)
        for r in store.desk.all.prefix(40) where r.status == .baru {
            try store.perform(.addNote("jalan kaki ke lokasi"), on: r.id, as: admin, now: now)
            try store.perform(.archive(reason: .terlaluUmum, note: nil, duplicateOf: nil), on: r.id, as: admin, now: now)
        }
        _ = try store.receive(Intake(channel: .sms, receivedAt: now, body: "Jalan amblas di Sléman"), as: admin, now: now)
        // The orders last used were for `later`: changed rows are moved within them, not re-sorted.
        let later = now.addingTimeInterval(12 * 86400)
        assertSame(store.desk, index, at: later)
        if let open = store.desk.all.last(where: { $0.status == .baru }) {
            try store.perform(.setPriority(.mendesak), on: open.id, as: admin, now: now)
            assertSame(store.desk, index, at: later)
        }
        assertSame(store.desk, index, at: now)
    }

    /// QA: a title with an invisible zero-width joiner inside a word was not found by that word as shown.
    /// Invisible characters are folded away in the text and in the query alike, indexed or not.
    func testInvisibleCharactersDoNotHideAWordFromTheSearch() throws {
        let store = try generatedStore(reports: 3)
        let title = "Zero\u{200D}width\u{200B}joiner di ja\u{00AD}lan ra\u{FE0F}ya"
        let id = try store.receive(Intake(channel: .web, receivedAt: now, title: title, body: "Isi laporan."), as: .system, now: now).id
        let national = Operator(name: "nasional", role: .adminNasional)
        for inbox in [Inbox(deadlines: deadlines), Inbox(deadlines: deadlines, index: InboxIndex(deadlines: deadlines))] {
            for text in ["zerowidth", "ZEROWIDTHJOINER", "jalan raya", "zero\u{200D}width"] {
                var q = InboxQuery.SavedView.semua.query
                q.text = text
                XCTAssertEqual(inbox.list(q, on: store.desk, for: national, now: now).ids, [id], text)
            }
        }
        XCTAssertEqual(Inbox.fold("Zero\u{200D}Width\u{2060}"), "zerowidth")
        XCTAssertEqual(Inbox.fold("Sléman"), "sleman", "visible text folds as before")
    }

    /// The search's bits settle a letter, a digit or a two-letter pair from the main text alone; a word only
    /// in the reporter's name, a pair across a field's end, punctuation and accented text are still found
    /// (or not) exactly as without the index, for those who may and may not see the name.
    func testSearchBitsAnswerAsTheFullScanDoes() throws {
        let store = try generatedStore(reports: 2)
        let named = try store.receive(Intake(channel: .web, receivedAt: now, title: "Qqq", body: "Isi.", reporter: Reporter(name: "Xena Wulan")),
                                      as: .system, now: now).id
        let hidden = try store.receive(Intake(channel: .sms, receivedAt: now, title: "Jalan", body: "Isi laporan.",
                                              reporter: Reporter(name: "Vivo Yudha"), anonymous: true), as: .system, now: now).id
        let coded = try store.receive(Intake(channel: .web, receivedAt: now, title: "Nomor 26-b", body: "Café di pojok » sana",
                                             tags: ["tag9"]), as: .system, now: now).id
        let national = Operator(name: "nasional", role: .adminNasional), viewer = Operator(name: "lihat", role: .pengamat)
        let index = InboxIndex(deadlines: deadlines)
        index.prepareSearch(store.desk)
        func found(_ text: String, _ op: Operator) -> Set<ReportID> {
            var q = InboxQuery.SavedView.semua.query
            q.text = text
            let fast = Inbox(deadlines: deadlines, index: index).list(q, on: store.desk, for: op, now: now).ids
            XCTAssertEqual(fast, Inbox(deadlines: deadlines).list(q, on: store.desk, for: op, now: now).ids, "\(text) as \(op.name)")
            return Set(fast)
        }
        for text in ["x", "xe", "xena", "q", "qq", "qqq", "26", "6-", "-b", "-", "9", "g9", "cafe", "fe", "é", "v", "vi", "yudha",
                     "zz", "z", "/", "lan", "n i", "b\nc", "lanisi", "ja 26", "wulan qqq"] {
            for op in [national, viewer] { _ = found(text, op) }
        }
        XCTAssertTrue(found("xe", viewer).contains(named), "a name's pair, the name shown")
        XCTAssertTrue(found("v", national).contains(hidden), "an anonymous reporter's letter, for the national desk")
        XCTAssertFalse(found("vi", viewer).contains(hidden), "not for those who may not see the name")
        XCTAssertTrue(found("26", viewer).contains(coded))
        XCTAssertTrue(found("9", viewer).contains(coded), "a digit in a tag")
        XCTAssertFalse(found("qqqq", national).contains(named), "every pair present, the word is not")
    }

    /// Reports added one by one move the search's pair columns apart several times, and a report whose text
    /// changes is folded again: every search still answers as the full scan.
    func testSearchFollowsAddedAndChangedReports() throws {
        let store = try generatedStore(reports: 40)
        let index = InboxIndex(deadlines: deadlines)
        index.prepareSearch(store.desk)
        let admin = Operator(name: "admin", role: .adminNasional)
        let words = ["qz", "zq", "x", "9", "kabupaten", "jalan", "ubah", "diubah judul", "tagbaru", "qzx"]
        func assertSearches(_ note: String) {
            for text in words {
                var q = InboxQuery.SavedView.semua.query
                q.text = text
                XCTAssertEqual(Inbox(deadlines: deadlines, index: index).list(q, on: store.desk, for: admin, now: now).ids,
                               Inbox(deadlines: deadlines).list(q, on: store.desk, for: admin, now: now).ids, "\(text) \(note)")
            }
        }
        for n in 0..<120 {
            _ = try store.receive(Intake(channel: .web, receivedAt: now, title: n % 7 == 0 ? "Qz \(n)" : "Laporan \(n)",
                                         body: n % 5 == 0 ? "Isi x\(n)" : "Isi"), as: admin, now: now)
            if n % 30 == 29 { assertSearches("after \(n + 1) added") }
        }
        for r in store.desk.all.prefix(12) {
            try store.perform(.editTitle("Diubah judul zq"), on: r.id, as: admin, now: now)
            try store.perform(.tag(add: ["tagbaru"], remove: []), on: r.id, as: admin, now: now)
        }
        assertSearches("after edits")
        var q = InboxQuery.SavedView.semua.query
        q.text = "zq"
        XCTAssertEqual(Inbox(deadlines: deadlines, index: index).list(q, on: store.desk, for: admin, now: now).ids.count, 12)
    }

    func testTypingNarrowsWithoutChangingAnswers() throws {
        let store = try generatedStore(reports: 300)
        let index = InboxIndex(deadlines: deadlines)
        index.prepareSearch(store.desk)
        index.prepareOrders(store.desk, now: now)
        let op = Operator(name: "nasional", role: .adminNasional)
        var typed = ""
        for ch in "jalan rusak b" {
            typed.append(ch)
            var q = InboxQuery.SavedView.semua.query
            q.text = typed
            XCTAssertEqual(Inbox(deadlines: deadlines, index: index).run(q, on: store.desk, for: op, now: now),
                           Inbox(deadlines: deadlines).run(q, on: store.desk, for: op, now: now), typed)
        }
    }

    /// The rows a snapshot carries for `desk`, read back as a seed.
    func seed(of desk: Desk, rules key: String = "test") throws -> InboxSeed? {
        let sections = DeskSnapshotCodec.encode(desk, rules: InboxRowRules(deadlines: deadlines, key: key), reportsPerChunk: 64)
        return try sections.inboxRows.withUnsafeBytes { b -> Result<InboxSeed?, SnapshotFormatError> in
            do throws(SnapshotFormatError) { return .success(try DeskSnapshotCodec.decodeInboxRows(b, rulesKey: "test")) } catch {
                return .failure(error)
            }
        }.get()
    }

    func testAnIndexSeededFromSnapshotRowsAnswersAsThePlainPassBeforeTheDeskIsDecoded() throws {
        let store = try generatedStore(reports: 400)
        let full = store.desk
        XCTAssertNil(try seed(of: full, rules: "other limits"), "rows computed with other rules are not used")
        let seeded = try XCTUnwrap(try seed(of: full))
        XCTAssertEqual(seeded.count, full.count)
        // Pinned: given only a few of the reports (the first frame's), every query and count is the whole desk's.
        let index = InboxIndex(deadlines: deadlines, seed: seeded, lastSeq: full.lastSeq)
        let partial = try XCTUnwrap(Desk(restoring: Array(full.all.prefix(5)), lastSeq: full.lastSeq, anomalies: []))
        let plain = Inbox(deadlines: deadlines)
        let fast = Inbox(deadlines: deadlines, index: index)
        for op in operators(full) {
            XCTAssertEqual(fast.counts(on: partial, for: op, now: now), plain.counts(on: full, for: op, now: now), op.name)
            for q in queries(full) where q.text == nil {
                XCTAssertEqual(fast.run(q, on: partial, for: op, now: now), plain.run(q, on: full, for: op, now: now), "\(op.name): \(q)")
            }
        }
        // Unpinned, on the decoded desk: the same answers (searches included), then it follows changes.
        index.unpin()
        assertSame(full, index, at: now)
        let admin = Operator(name: "admin", role: .adminNasional)
        for r in full.all.prefix(30) where r.status == .baru {
            try store.perform(.archive(reason: .terlaluUmum, note: nil, duplicateOf: nil), on: r.id, as: admin, now: now)
        }
        _ = try store.receive(Intake(channel: .sms, receivedAt: now, body: "Jalan amblas di Sléman"), as: admin, now: now)
        assertSame(store.desk, index, at: now)
    }

    func testSeedPositionsFindEachReport() throws {
        let store = try generatedStore(reports: 120)
        let seeded = try XCTUnwrap(try seed(of: store.desk))
        let ids = [store.desk.all[0].id, store.desk.all[77].id, store.desk.all[119].id, "9999999"]
        XCTAssertEqual(seeded.positions(of: ids), [ids[0]: 0, ids[1]: 77, ids[2]: 119], "an unknown id has no position")
        XCTAssertEqual(seeded.positions(of: []), [:])
    }

    /// Many ids at once (the reports later events touch): the fingerprint filter lets through every id that is
    /// there, whatever bits it shares with others, and the ids that are not there are not found.
    func testSeedPositionsFindManyReportsPastTheFingerprintFilter() throws {
        let store = try generatedStore(reports: 1_500)
        let seeded = try XCTUnwrap(try seed(of: store.desk))
        let known = store.desk.all.indices.filter { $0 % 3 != 1 }
        let unknown = (0..<1_200).map { ReportID(String(9_000_000 + $0)) }
        let found = seeded.positions(of: known.map { store.desk.all[$0].id } + unknown)
        XCTAssertEqual(found.count, known.count)
        for k in known { XCTAssertEqual(found[store.desk.all[k].id], k) }
    }
}
