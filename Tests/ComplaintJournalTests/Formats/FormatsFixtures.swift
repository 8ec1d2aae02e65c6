import Complaints
@testable import ComplaintJournal
import Foundation
import XCTest

/// Every instant counts as working time: deadlines become plain arithmetic in tests.
struct AlwaysWorking: WorkingTimeMeasure {
    func workingSeconds(from: Date, to: Date) -> TimeInterval { max(0, to.timeIntervalSince(from)) }
    func adding(workingSeconds seconds: TimeInterval, to start: Date) -> Date { start.addingTimeInterval(seconds) }
    func subtracting(workingSeconds seconds: TimeInterval, from end: Date) -> Date { end.addingTimeInterval(-seconds) }
}

enum Fx {
    static let importTime = ISOTime.parse("2026-04-02T09:00:00+07:00") ?? Date(timeIntervalSince1970: 0)
    static let received = ISOTime.parse("2026-04-01T08:15:00+07:00") ?? Date(timeIntervalSince1970: 0)
    static let deadlines = Deadlines(calendar: AlwaysWorking())
    static let desk = Actor(name: "rina", role: .adminNasional, osUser: "rina")
    static let agencyActor = Actor(name: "budi", role: .adminInstansi, agency: "pemkab-sleman")

    /// The example line of formats.md §2.
    static let exampleLine = #"""
    {"external_id": "sms-20260401-0042", "channel": "sms", "received_at": "2026-04-01T08:15:00+07:00", "title": "Jalan berlubang di depan SDN 2", "body": "Sudah tiga bulan ...", "classification": "pengaduan", "category": "Pekerjaan Umum dan Penataan Ruang", "subcategory": "Infrastruktur Jalan", "location": {"province": "DI Yogyakarta", "regency": "Kabupaten Sleman", "district": "Depok", "detail": "Jl. Kaliurang km 7"}, "incident_date": "2026-03-28", "agency": null, "reporter": {"name": "Siti Aminah", "nik": "3404012345670001", "phone": "+6281234567890", "email": null, "groups": ["perempuan"]}, "anonymous": false, "confidential": false, "attachments": [{"name": "foto-jalan.jpg", "ref": "sha256:9f2c..."}], "tags": []}
    """#

    static func intake(_ n: Int, body: String? = nil, confidential: Bool = false, anonymous: Bool = false,
                       category: String? = "Kesehatan") -> Intake {
        Intake(externalID: "ext-\(n)", channel: .web, receivedAt: received.addingTimeInterval(Double(n) * 60),
               title: "Judul \(n)", body: body ?? "Isi laporan nomor \(n)", category: category,
               location: Location(province: "DI Yogyakarta", regency: "Kabupaten Sleman", detail: "Jl. \(n)"),
               reporter: Reporter(name: "Pelapor Rahasia \(n)", nik: "34040100000000\(10 + n)",
                                  phone: "+62811000\(1000 + n)", email: "pelapor\(n)@contoh.id", groups: [.lansia]),
               anonymous: anonymous, confidential: confidential,
               attachments: [Attachment(name: "ktp-pelapor-\(n).jpg", ref: "sha256:\(n)")])
    }

    /// A desk built the way the journal builds it: from recorded events.
    static func desk(_ scripts: [(Intake, [DomainEvent])]) -> Desk {
        var events: [RecordedEvent] = []
        var seq: UInt64 = 0
        for (k, (intake, later)) in scripts.enumerated() {
            let id = ReportID(String(2600001 + k))
            seq += 1
            events.append(RecordedEvent(seq: seq, id: "e\(seq)", reportID: id, at: intake.receivedAt, actor: desk,
                                        event: .received(intake)))
            for (j, e) in later.enumerated() {
                seq += 1
                events.append(RecordedEvent(seq: seq, id: "e\(seq)", reportID: id,
                                            at: intake.receivedAt.addingTimeInterval(Double(j + 1) * 3600),
                                            actor: desk, event: e))
            }
        }
        return Desk(events: events)
    }

    static func reports(_ desk: Desk) -> [Report] { desk.order.compactMap { desk[$0] } }

    static func accepted(_ d: IntakeDecoding, file: StaticString = #filePath, line: UInt = #line) -> (Intake, [IntakeProblem])? {
        switch d {
        case let .accepted(i, w): return (i, w)
        case let .rejected(p):
            XCTFail("rejected: \(p.map(\.description))", file: file, line: line)
            return nil
        }
    }

    static func rejected(_ d: IntakeDecoding, file: StaticString = #filePath, line: UInt = #line) -> [String] {
        switch d {
        case let .accepted(i, _):
            XCTFail("accepted: \(i)", file: file, line: line)
            return []
        case let .rejected(p): return p.map(\.description)
        }
    }

    /// Parses with Foundation's JSON parser: the independent check that our output is valid JSON.
    static func foundationJSON(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    }
}
