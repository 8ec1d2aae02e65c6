import Foundation
@testable import Complaints

/// Mon–Fri in UTC+7 with no holidays, computed day by day: a slow, obviously-correct measure for specs.
struct WeekdayMeasure: WorkingTimeMeasure {
    var offset: TimeInterval = 7 * 3600

    func isWorking(_ t: Date) -> Bool {
        let days = Int(floor((t.timeIntervalSince1970 + offset) / 86400))
        let weekday = ((days % 7) + 7 + 4) % 7 // 0 = Sunday; 1970-01-01 was a Thursday
        return weekday != 0 && weekday != 6
    }

    func workingSeconds(from: Date, to: Date) -> TimeInterval {
        guard to > from else { return 0 }
        var total: TimeInterval = 0
        var t = from
        while t < to {
            let dayStart = floor((t.timeIntervalSince1970 + offset) / 86400) * 86400 - offset
            let next = min(Date(timeIntervalSince1970: dayStart + 86400), to)
            if isWorking(t) { total += next.timeIntervalSince(t) }
            t = next
        }
        return total
    }

    func subtracting(workingSeconds seconds: TimeInterval, from end: Date) -> Date {
        var remaining = seconds
        var t = end
        while true {
            var dayStart = floor((t.timeIntervalSince1970 + offset) / 86400) * 86400 - offset
            if dayStart == t.timeIntervalSince1970 { dayStart -= 86400 }
            let start = Date(timeIntervalSince1970: dayStart)
            if isWorking(start) {
                let span = t.timeIntervalSince(start)
                if span >= remaining { return t.addingTimeInterval(-remaining) }
                remaining -= span
            }
            t = start
        }
    }

    func adding(workingSeconds seconds: TimeInterval, to start: Date) -> Date {
        var remaining = seconds
        var t = start
        while true {
            let dayStart = floor((t.timeIntervalSince1970 + offset) / 86400) * 86400 - offset
            let next = Date(timeIntervalSince1970: dayStart + 86400)
            if isWorking(t) {
                let span = next.timeIntervalSince(t)
                if span >= remaining { return t.addingTimeInterval(remaining) }
                remaining -= span
            }
            t = next
        }
    }
}

/// 2026-04-06 was a Monday. `at(day, hour)` is that week's day (0 = Monday) at `hour` WIB.
func at(_ day: Int, _ hour: Int = 9, minute: Int = 0) -> Date {
    ISOTime.parse("2026-04-06T00:00:00+07:00")!.addingTimeInterval(TimeInterval(day * 86400 + hour * 3600 + minute * 60))
}

let nasional = Operator(name: "rina", role: .adminNasional)
let instansiSleman = Operator(name: "budi", role: .adminInstansi, agency: "pemkab-sleman")
let penghubungDinkes = Operator(name: "sari", role: .penghubung, agency: "pemkab-sleman", unit: "pemkab-sleman/dinkes")
let instansiBantul = Operator(name: "agus", role: .adminInstansi, agency: "pemkab-bantul")
let pengamat = Operator(name: "tina", role: .pengamat)

func sampleIntake(_ received: Date = at(0), agency: String? = nil, anonymous: Bool = false,
                  confidential: Bool = false, externalID: String? = "sms-1") -> Intake {
    Intake(externalID: externalID, channel: .sms, receivedAt: received, title: "Jalan berlubang di depan SDN 2",
           body: "Sudah tiga bulan jalan berlubang dan belum diperbaiki.", category: "Pekerjaan Umum dan Penataan Ruang",
           subcategory: "Infrastruktur Jalan",
           location: Location(province: "DI Yogyakarta", regency: "Kabupaten Sleman", district: "Depok"),
           agency: agency, reporter: Reporter(name: "Siti Aminah", nik: "3404012345670001", phone: "+6281234567890",
                                              groups: [.perempuan]),
           anonymous: anonymous, confidential: confidential)
}

/// Given/when/then over `decide` and `evolve`, as a small in-memory desk.
struct Scenario {
    var desk = Desk()
    var seq: UInt64 = 0
    var deadlines = Deadlines(calendar: WeekdayMeasure())
    var directory: any DirectoryLookup = PermissiveDirectory()
    let id: ReportID = "2600001"

    mutating func record(_ events: [DomainEvent], by op: Operator, at t: Date, id: ReportID? = nil) {
        for e in events {
            seq += 1
            desk.apply(RecordedEvent(seq: seq, id: "e\(seq)", reportID: id ?? self.id, at: t, actor: Actor(op), event: e))
        }
    }

    func context(_ op: Operator, _ t: Date, expected: Int? = nil) -> DecisionContext {
        DecisionContext(actor: op, now: t, expectedVersion: expected, directory: directory, deadlines: deadlines, desk: desk)
    }

    /// Decides and, when accepted, records the events.
    @discardableResult
    mutating func when(_ c: Command, by op: Operator, at t: Date, on id: ReportID? = nil, expected: Int? = nil)
        -> Result<[DomainEvent], Refusal>
    {
        let target = id ?? self.id
        do {
            let events = try Workflow.decide(c, report: desk[target], context: context(op, t, expected: expected))
            record(events, by: op, at: t, id: target)
            return .success(events)
        } catch {
            return .failure(error)
        }
    }

    var report: Report { desk[id]! }
}

extension Result {
    var refusal: Refusal? { if case let .failure(r) = self { r as? Refusal } else { nil } }
    var events: Success? { if case let .success(e) = self { e } else { nil } }
}
