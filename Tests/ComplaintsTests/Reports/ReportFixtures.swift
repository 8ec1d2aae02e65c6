import Foundation
import XCTest
@testable import Complaints

/// Builds a desk from hand-written journal events (no `decide`), as the journal would replay them.
struct JournalBuilder {
    private(set) var events: [RecordedEvent] = []
    private var seq: UInt64 = 0

    mutating func add(_ id: ReportID, _ t: Date, _ event: DomainEvent, by op: Operator = nasional) {
        seq += 1
        events.append(RecordedEvent(seq: seq, id: "e\(seq)", reportID: id, at: t, actor: Actor(op), event: event))
    }

    var desk: Desk { Desk(events: events) }
}

/// An intake with the fields the figures read; the reporter's name is a marker privacy tests look for.
func reportIntake(_ received: Date, channel: Channel = .sms, category: String? = "Kesehatan",
                  province: String? = "DI Yogyakarta", regency: String? = "Kabupaten Sleman",
                  groups: [ReporterGroup] = [], agency: String? = nil, anonymous: Bool = false,
                  name: String = "Pelapor Rahasia Wibisono") -> Intake {
    Intake(channel: channel, receivedAt: received, title: "Laporan uji", body: "Isi laporan uji.", category: category,
           location: Location(province: province, regency: regency), agency: agency,
           reporter: Reporter(name: name, nik: "3404019999990001", phone: "+628129999000", groups: groups),
           anonymous: anonymous)
}

func disposition(_ agency: String, kind: DispositionKind = .disposisi, from: String? = nil) -> DomainEvent {
    .disposed(Disposition(agency: agency, kind: kind, fromAgency: from))
}

let instansiBantulReports = Operator(name: "agus", role: .adminInstansi, agency: "pemkab-bantul")

/// The hand-computed desk of the report tests.
///
/// Calendar: Mon–Fri in WIB minus one holiday, Wednesday 2026-04-08 (`at(2)`). `at(d, h)` is
/// 2026-04-06 (Monday) + d days at h:00 WIB. Working days: d0 Mon, d1 Tue, (d2 holiday), d3 Thu, d4 Fri,
/// d7 Mon, d8 Tue, d9 Wed, d10 Thu, d11 Fri. Limits: verification 3, agency follow-up 5, settlement 60.
/// Period: 2026-04-06 through 2026-04-19 (14 days); now: `at(11, 17)` (Friday 17 April, 17:00).
///
/// | id | story | events |
/// |---|---|---|
/// | 2600001 | crosses the holiday | recv Tue 9:00; disposed Thu 9:00; followed up Fri 15:00; accepted Mon 10:00 |
/// | 2600002 | postponed | recv Mon 9:00; postponed Mon 15:00; reporter replied Thu 9:00; disposed Thu 15:00 |
/// | 2600003 | *bukan wewenang* | recv Mon 10:00; to Bantul Mon 16:00; sent back Tue 10:00; *pelimpahan* to Sleman Thu 10:00; followed up Mon(d7) 10:00 |
/// | 2600004 | disputed | recv Mon 11:00; to Bantul Tue 11:00; followed up Thu 11:00; disputed Fri 11:00; followed up again Tue(d8) 11:00 |
/// | 2600005 | verified late | recv Thu 8:00 (no category, no place); archived Wed(d9) 8:00 |
/// | 2600006 | waiting, overdue | recv Fri 9:00 |
/// | 2600007 | reporter chose Sleman | recv Mon(d7) 9:00; followed up Tue(d8) 9:00 |
/// | 2600008 | spam | recv Tue 8:00 (Bandung); deleted Tue 9:00 |
/// | 2600009 | before the period | recv Fri 3 April 9:00; disposed 10:00 (agency overdue now) |
enum WeekDesk {
    static let holidayText = """
    # tiny test list
    2026-04-08 libur Hari Uji
    """

    static var calendar: WorkingCalendar {
        let list = (try? HolidayList.parse(holidayText, fileName: "libur-2026.txt")) ?? .empty
        return WorkingCalendar(holidays: list, timeZone: .wib)
    }

    static var deadlines: Deadlines { Deadlines(calendar: calendar) }

    static let now = at(11, 17)

    static var period: DeskReportQuery {
        DeskReportQuery.days(from: LocalDate(year: 2026, month: 4, day: 6)!, through: LocalDate(year: 2026, month: 4, day: 19)!)
    }

    static var desk: Desk {
        var j = JournalBuilder()
        let sleman = "pemkab-sleman", bantul = "pemkab-bantul"
        j.add("2600009", at(-3, 9), .received(reportIntake(at(-3, 9), channel: .web)))
        j.add("2600009", at(-3, 10), disposition(sleman))

        j.add("2600002", at(0, 9), .received(reportIntake(at(0, 9), channel: .web, groups: [.perempuan, .lansia])))
        j.add("2600003", at(0, 10), .received(reportIntake(at(0, 10), category: "Pekerjaan Umum dan Penataan Ruang")))
        j.add("2600004", at(0, 11), .received(reportIntake(at(0, 11), channel: .whatsapp, category: "Kependudukan",
                                                          regency: "Kabupaten Bantul", groups: [.disabilitas])))
        j.add("2600002", at(0, 15), .postponed(question: "Di puskesmas mana?"))
        j.add("2600003", at(0, 16), disposition(bantul))

        j.add("2600008", at(1, 8), .received(reportIntake(at(1, 8), category: nil, province: "Jawa Barat",
                                                          regency: "Kabupaten Bandung")))
        j.add("2600001", at(1, 9), .received(reportIntake(at(1, 9), groups: [.perempuan])))
        j.add("2600008", at(1, 9), .deleted(reason: .spam, note: nil))
        j.add("2600003", at(1, 10), .sentBack(reason: "Jalan kabupaten Sleman"), by: instansiBantulReports)
        j.add("2600004", at(1, 11), disposition(bantul))

        j.add("2600005", at(3, 8), .received(reportIntake(at(3, 8), channel: .email, category: nil, province: nil, regency: nil)))
        j.add("2600001", at(3, 9), disposition(sleman))
        j.add("2600002", at(3, 9), .reporterReplied(text: "Puskesmas Depok", attachments: []))
        j.add("2600003", at(3, 10), disposition(sleman, kind: .pelimpahan, from: bantul))
        j.add("2600004", at(3, 11), .followedUp(text: "Sudah diproses", attachments: []), by: instansiBantulReports)
        j.add("2600002", at(3, 15), disposition(sleman))

        j.add("2600006", at(4, 9), .received(reportIntake(at(4, 9), groups: [.perempuan])))
        j.add("2600004", at(4, 11), .disputed(text: "Belum selesai"))
        j.add("2600001", at(4, 15), .followedUp(text: "Obat sudah tersedia", attachments: []), by: instansiSleman)

        j.add("2600007", at(7, 9), .received(reportIntake(at(7, 9), channel: .app, groups: [.pemuda], agency: sleman)))
        j.add("2600001", at(7, 10), .accepted(text: nil))
        j.add("2600003", at(7, 10), .followedUp(text: "Jalan sudah ditambal", attachments: []), by: instansiSleman)
        j.add("2600004", at(8, 11), .followedUp(text: "Sudah selesai", attachments: []), by: instansiBantulReports)
        j.add("2600007", at(8, 9), .followedUp(text: "Ditangani", attachments: []), by: instansiSleman)

        j.add("2600005", at(9, 8), .archived(reason: .terlaluUmum, note: nil, duplicateOf: nil))
        return j.desk
    }

    static func report(_ query: DeskReportQuery = period, viewer: Operator = nasional,
                       deadlines: Deadlines = deadlines) -> DeskReport {
        DeskReport.compute(desk: desk, query: query, deadlines: deadlines, now: now, viewer: viewer)
    }
}

/// Compares working days to a hand-computed value (hours / 24) within a millisecond.
func assertDays(_ actual: Double?, _ expected: Double?, _ message: String = "", file: StaticString = #filePath,
                line: UInt = #line) {
    guard let expected else { return XCTAssertNil(actual, message, file: file, line: line) }
    guard let actual else { return XCTFail("nil, expected \(expected) \(message)", file: file, line: line) }
    XCTAssertEqual(actual, expected, accuracy: 0.001 / 86400 * 1000, message, file: file, line: line)
}

extension DeskReport {
    func row(_ rows: KeyPath<DeskReport, [CountRow]>, _ key: String) -> SmallCount? {
        self[keyPath: rows].first { $0.key == key }?.count
    }
}
