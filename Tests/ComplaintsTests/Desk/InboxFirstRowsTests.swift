import XCTest
@testable import Complaints

/// The first inbox rows of a large desk are built on two cores; they must be the rows one pass builds.
final class InboxFirstRowsTests: XCTestCase {
    func testRowsBuiltOnTwoCoresEqualOnePass() {
        var desk = Desk()
        var seq: UInt64 = 0
        for i in 0..<301 {
            seq += 1
            let id = ReportID(String(2_600_001 + i))
            desk.apply(RecordedEvent(seq: seq, id: "e\(seq)", reportID: id, at: at(i % 20), actor: Actor(nasional),
                                     event: .received(sampleIntake(at(i % 20), agency: i % 3 == 0 ? "pemkab-sleman" : nil,
                                                                   anonymous: i % 4 == 0, externalID: "sms-\(i)"))))
            if i % 2 == 0 {
                seq += 1
                desk.apply(RecordedEvent(seq: seq, id: "e\(seq)", reportID: id, at: at(i % 20, 11), actor: Actor(nasional),
                                         event: .prioritySet(.mendesak)))
            }
        }
        let deadlines = Deadlines(calendar: WorkingCalendar())
        let parallel = InboxIndex.firstRows(desk.all, deadlines: deadlines, parallelFrom: 0)
        let plain = desk.all.map { InboxIndexRow($0, schedule: deadlines.schedule(of: $0)) }
        XCTAssertEqual(parallel.count, 301)
        XCTAssertEqual(parallel.map { String(describing: $0) }, plain.map { String(describing: $0) })
        XCTAssertEqual(parallel.map(\.id), desk.order)
        // The hot rows too: on two cores, each the row's own fields.
        let hot = InboxHotRow.all(parallel, parallelFrom: 0)
        let hotPlain = InboxHotRow.all(parallel, parallelFrom: .max)
        XCTAssertEqual(hot.map { String(describing: $0) }, hotPlain.map { String(describing: $0) })
        for (row, h) in zip(parallel, hot) {
            XCTAssertEqual(h.status, row.status)
            XCTAssertEqual(h.channel, row.channel)
            XCTAssertEqual(h.anonymous, row.anonymous)
            XCTAssertEqual(ReportStatus.allCases[Int(h.statusOrdinal)], row.status)
            XCTAssertEqual(Channel.allCases[Int(h.channelOrdinal)], row.channel)
        }
    }

    /// Rows built without their filter words, then filled on two cores (or in one pass), are the rows
    /// built with them; before the fill their words are empty.
    func testFilterWordsFilledLaterEqualRowsBuiltWithThem() {
        var desk = Desk()
        for i in 0..<257 {
            let id = ReportID(String(2_600_001 + i))
            var intake = sampleIntake(at(i % 20), agency: nil, externalID: "web-\(i)")
            intake.category = i % 5 == 0 ? nil : ["Kesehatan", "Pekerjaan Umum dan Penataan Ruang", "ÉDUCATION Dasar"][i % 3]
            intake.location = Location(province: i % 7 == 0 ? nil : ["DI Yogyakarta", "Bali"][i % 2],
                                       regency: i % 11 == 0 ? nil : ["Kabupaten Sleman", "Kota Denpasar", "KOTA Ñ \(i % 4)"][i % 3])
            desk.apply(RecordedEvent(seq: UInt64(i + 1), id: "e\(i)", reportID: id, at: at(i % 20), actor: Actor(nasional),
                                     event: .received(intake)))
        }
        let deadlines = Deadlines(calendar: WorkingCalendar())
        let expected = InboxIndex.firstRows(desk.all, deadlines: deadlines).map { String(describing: $0) }
        for parallelFrom in [0, Int.max] {
            var rows = InboxIndex.firstRows(desk.all, deadlines: deadlines, filterWords: false, parallelFrom: parallelFrom)
            XCTAssertTrue(rows.allSatisfy { $0.category.isEmpty && $0.province.isEmpty && $0.regency.isEmpty })
            InboxIndex.fillFilterWords(&rows, from: desk.all, parallelFrom: parallelFrom)
            XCTAssertEqual(rows.map { String(describing: $0) }, expected, "parallel from \(parallelFrom)")
        }
        for word in ["pekerjaan umum dan penataan ruang", "kabupaten sleman", "di yogyakarta", "kota n 2"] {
            XCTAssertTrue(expected.contains { $0.contains("\"\(word)\"") }, "rows hold the folded \(word)")
        }
    }

    /// The tabs' counts of a large desk are tallied in halves on two cores: the same as in one pass, and as
    /// the plain count over the reports, for every role and at times when more reports are late.
    func testCountsInHalvesEqualOnePassAndThePlainCount() {
        var desk = Desk()
        var seq: UInt64 = 0
        func apply(_ id: ReportID, _ day: Int, _ event: DomainEvent) {
            seq += 1
            desk.apply(RecordedEvent(seq: seq, id: "e\(seq)", reportID: id, at: at(day, 10), actor: Actor(nasional), event: event))
        }
        for i in 0..<401 {
            let id = ReportID(String(2_600_001 + i))
            apply(id, i % 30, .received(sampleIntake(at(i % 30), agency: i % 7 == 0 ? "pemkab-sleman" : nil, externalID: "web-\(i)")))
            switch i % 6 {
            case 1: apply(id, i % 30 + 1, .postponed(question: "Lokasi?"))
            case 2: apply(id, i % 30 + 1, .disposed(Disposition(agency: i % 4 == 0 ? "pemkab-bantul" : "pemkab-sleman", kind: .disposisi)))
            case 3:
                apply(id, i % 30 + 1, .disposed(Disposition(agency: "pemkab-sleman", kind: .disposisi)))
                apply(id, i % 30 + 2, .sentBack(reason: "bukan wewenang"))
            case 4: apply(id, i % 30 + 1, .deleted(reason: .spam, note: nil))
            case 5:
                apply(id, i % 30 + 1, .disposed(Disposition(agency: "pemkab-sleman", kind: .disposisi)))
                apply(id, i % 30 + 3, .followedUp(text: "Sudah diperbaiki.", attachments: []))
            default: break
            }
        }
        let deadlines = Deadlines(calendar: WorkingCalendar())
        let plain = Inbox(deadlines: deadlines)
        for day in [0, 12, 40, 90] {
            let now = at(day, 15)
            for op in [nasional, instansiSleman, instansiBantul, penghubungDinkes, pengamat] {
                let index = InboxIndex(deadlines: deadlines)
                let halves = index.counts(on: desk, for: op, now: now, parallelFrom: 0)
                XCTAssertEqual(halves, index.counts(on: desk, for: op, now: now, parallelFrom: .max), "day \(day), \(op.name)")
                XCTAssertEqual(halves, plain.counts(on: desk, for: op, now: now), "day \(day), \(op.name)")
            }
        }
    }

    /// The hot rows' ordinals index `allCases`, whatever order the cases are declared in.
    func testOrdinalsArePositionsInAllCases() {
        for (k, status) in ReportStatus.allCases.enumerated() { XCTAssertEqual(Int(InboxHotRow.ordinal(status)), k, "\(status)") }
        for (k, channel) in Channel.allCases.enumerated() { XCTAssertEqual(Int(InboxHotRow.ordinal(channel)), k, "\(channel)") }
    }

    /// Rows fold their category and regions through a cache found by the text's bytes: more distinct
    /// values than it has slots, in any case or script, each folds exactly as `InboxIndexRow.fold` does,
    /// the first time and again.
    func testTheFoldCacheFoldsEveryValueAsTheFoldDoes() {
        var cache = FoldCache()
        let values = (0..<3_000).map { "Kabupaten Nomor \($0)" } + ["ÉCOLE Kota", "Nusa Tenggara Timur", "", "aceh", "İstanbul", "ǅ", "Ａｂｃ"]
        for round in 0..<2 {
            for value in values {
                XCTAssertEqual(cache.fold(value), InboxIndexRow.fold(value), "round \(round): \(value)")
            }
        }
    }

    /// The cache first finds a string by its value (the same shared string met again): strings made and
    /// dropped one after another, whose storage is then reused for other text, and short strings held
    /// inline, each still fold as themselves, and the same shared string folds the same every time.
    func testStringsFoundByValueNeverAnswerForOtherText() {
        var cache = FoldCache()
        let shared = "Pekerjaan Umum dan Penataan Ruang"
        for k in 0..<5_000 {
            // A fresh long string each time, dropped after: its storage is free for the next one.
            let made = String(repeating: k.isMultiple(of: 2) ? "A" : "b", count: 20) + " Kota \(k % 97)"
            XCTAssertEqual(cache.fold(made), InboxIndexRow.fold(made), made)
            let short = k.isMultiple(of: 3) ? "DIY \(k % 11)" : "bali"
            XCTAssertEqual(cache.fold(short), InboxIndexRow.fold(short), short)
            XCTAssertEqual(cache.fold(shared), "pekerjaan umum dan penataan ruang")
        }
    }
}
