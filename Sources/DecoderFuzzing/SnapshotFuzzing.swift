import Complaints
import ComplaintJournal
import Foundation

/// The projection snapshot as fuzz input. A mutated whole file nearly always fails a checksum first, so
/// inputs whose first byte is 0 modulo 4 go straight to the report decoder (the structure past the
/// checksums) with a fixed actor table, 2 modulo 4 to the inbox rows decoder; odd ones are read as a
/// whole snapshot file.
public enum SnapshotFuzzing {
    static let programStamp = "fuzz"
    static let rules = InboxRowRules(deadlines: Deadlines(calendar: WorkingCalendar()), key: "fuzz")

    static let actors: [Actor] = [
        Actor(name: "rina", role: .adminNasional, osUser: "rina"),
        Actor(.system),
        Actor(name: "budi", role: .adminInstansi, agency: "pemkab-sleman", unit: "pemkab-sleman/dinkes"),
    ]

    static let actorTable: SnapshotActors? = {
        DeskSnapshotCodec.encodeActors(actors).withUnsafeBytes { b -> SnapshotActors? in
            do throws(SnapshotFormatError) { return try DeskSnapshotCodec.decodeActors(b) } catch { return nil }
        }
    }()

    static func run(_ bytes: [UInt8]) -> FuzzOutcome {
        guard let mode = bytes.first else { return FuzzOutcome(accepted: 0, problems: ["empty input"]) }
        let rest = Array(bytes.dropFirst())
        if mode & 1 == 1 {
            switch ProjectionSnapshot.decode(bytes: rest, programStamp: programStamp) {
            case let .success(s): return FuzzOutcome(accepted: s.desk.count, problems: [])
            case let .failure(e): return FuzzOutcome(accepted: 0, problems: [e.description])
            }
        }
        if mode & 3 == 2 {
            return rest.withUnsafeBytes { b in
                do throws(SnapshotFormatError) {
                    let seed = try DeskSnapshotCodec.decodeInboxRows(b, rulesKey: rules.key)
                    return FuzzOutcome(accepted: seed?.count ?? 0, problems: seed == nil ? ["other rules"] : [])
                } catch {
                    return FuzzOutcome(accepted: 0, problems: [error.description])
                }
            }
        }
        guard let actorTable else { return FuzzOutcome(accepted: 0, problems: ["actor table"]) }
        // Bodies kept as journal spans are read back from the input itself: any span over any bytes.
        let lines = FuzzLines(rest)
        return rest.withUnsafeBytes { b in
            var accepted = 0
            do throws(SnapshotFormatError) {
                try DeskSnapshotCodec.forEachReport(in: b, actors: actorTable, textSource: lines) { r in
                    _ = r.intake.readBody()
                    accepted += 1
                }
                return FuzzOutcome(accepted: accepted, problems: [])
            } catch {
                return FuzzOutcome(accepted: accepted, problems: [error.description])
            }
        }
    }

    /// Hands out the fuzz input as every journal line, unchecked, so a stored body's span is read from
    /// arbitrary bytes.
    final class FuzzLines: StoredTextSource {
        let bytes: [UInt8]
        init(_ bytes: [UInt8]) { self.bytes = bytes }
        func line(segment: Int, offset: Int, length: Int, checksum: UInt32) -> Result<[UInt8], UnreadableLine> { .success(bytes) }
    }

    /// The seed corpus: one report chunk (mode byte 0), one whole file (mode byte 1) and one inbox rows
    /// section (mode byte 2) of a small desk
    /// that uses every event type, built here so the seeds follow the format (a test compares them with
    /// the checked-in files).
    public static func seeds() -> [[UInt8]] {
        let at = Date(timeIntervalSince1970: 1_780_000_000)
        var desk = Desk()
        var seq: UInt64 = 0
        func record(_ id: ReportID, _ e: DomainEvent, _ actor: Int) {
            seq += 1
            desk.apply(RecordedEvent(seq: seq, id: "e\(seq)", reportID: id, at: at.addingTimeInterval(Double(seq) * 3600),
                                     actor: actors[actor], event: e))
        }
        let intake = Intake(externalID: "wa-1", channel: .whatsapp, receivedAt: at, title: "Jalan rusak", body: "Jalan berlubang \u{1B}[2J 😀",
                            category: "Infrastruktur", location: Location(province: "DI Yogyakarta", regency: "Kabupaten Sleman"),
                            reporter: Reporter(name: "Sri", nik: "3404012345678901", groups: [.lansia]), tags: ["jalan"],
                            extra: ["foo": "1"])
        record("2600001", .received(intake), 0)
        record("2600001", .noteAdded(text: "cek"), 1)
        record("2600001", .disposed(Disposition(agency: "pemkab-sleman", kind: .disposisi, rule: "rute.toml:1", note: "mohon")), 0)
        record("2600001", .assignedToUnit(unit: "pemkab-sleman/dinkes"), 2)
        record("2600001", .followedUp(text: "sudah", attachments: [Attachment(name: "foto.jpg", ref: "sha256:ab")]), 2)
        record("2600002", .received(Intake(channel: .sms, receivedAt: at, body: "x")), 1)
        record("2600002", .postponed(question: "lokasi?"), 0)
        record("2600002", .archived(reason: .duplikat, note: nil, duplicateOf: "2600001"), 0)
        record("2600002", .redacted(fields: ["body"], reason: "UU PDP"), 0)
        let sections = DeskSnapshotCodec.encode(desk, rules: rules)
        let resume = JournalResumePoint(segments: [JournalResumePoint.Segment(
            number: 1, end: 4096, lines: Int(seq), firstSeq: 1, lastSeq: seq, trailer: Array(#""c":"0123abcd"}"#.utf8))],
            lastSeq: seq)
        let file = ProjectionSnapshot.encode(desk, at: resume, programStamp: programStamp, rules: rules).flatMap { $0 }
        return [[0] + sections.chunks[0], [1] + file, [2] + sections.inboxRows]
    }
}
