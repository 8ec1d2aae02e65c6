import Complaints
import ComplaintJournal
import Foundation

/// `JournalTorture desk DIR COUNT TAG SHARED`: one of the concurrency test's writer processes.
///
/// Performs COUNT actions through the real `DeskStore` on a shared desk: every tenth a new report,
/// otherwise a note on a report, half of the time one of the SHARED (comma-separated) reports every
/// process writes to, with the version this process last saw, so a concurrent change makes it stale.
/// Prints one line per action, unbuffered: `ack SEQ[,SEQ...] REPORT`, `refused CODE REPORT: REASON`.
func runDeskActions(folder: URL, count: Int, tag: String, shared sharedIDs: [String]) throws {
    let shared = sharedIDs.map { ReportID($0) }
    let now = Date(timeIntervalSince1970: 1_795_000_000)
    let options = FileJournal.Options(lockTimeout: 60)
    let (journal, _) = try FileJournal.open(at: folder, mode: .writer, options: options)
    let store = try DeskStore(
        journal: journal, directory: PermissiveDirectory(), deadlines: Deadlines(calendar: WorkingCalendar()),
        osUser: "torture-\(tag)")
    let officer = Operator(name: "rina-\(tag)", role: .adminNasional)
    var own: [ReportID] = []
    var generator = SystemRandomNumberGenerator()
    for number in 1...max(count, 1) where count > 0 {
        let line: String
        if number % 10 == 1 {
            let intake = Intake(
                externalID: "\(tag)-\(number)", channel: .sms, receivedAt: now, body: "Laporan \(tag) \(number)",
                location: Location(province: "DI Yogyakarta", regency: "Kabupaten Sleman"))
            let (id, _) = try store.receive(intake, as: .system, now: now)
            own.append(id)
            // The report's events were written in one append, so they end at the last sequence seen.
            let last = journal.lastSequence
            let version = UInt64(store.desk[id]?.version ?? 1)
            line = "ack \(((last - version + 1)...last).map(String.init).joined(separator: ",")) \(id)\n"
        } else {
            let onShared = own.isEmpty || Bool.random(using: &generator)
            let id = onShared ? shared.randomElement(using: &generator) ?? own[0] : own.randomElement(using: &generator)!
            let seen = store.desk[id]?.version
            do {
                let recorded = try store.perform(.addNote("catatan \(tag) \(number)"), on: id, as: officer,
                                                 expectedVersion: seen, now: now)
                line = "ack \(recorded.map { String($0.seq) }.joined(separator: ",")) \(id)\n"
            } catch {
                switch error {
                case let .refused(refusal):
                    line = "refused \(refusal.code.rawValue) \(id): \(refusal.message.id)\n"
                case .journal, .busy:
                    throw JournalFailure(text: error.description)
                }
            }
        }
        FileHandle.standardOutput.write(Data(line.utf8))
    }
}

/// A journal failure inside the desk loop (the parent test reports it).
struct JournalFailure: Error, CustomStringConvertible {
    var text: String
    var description: String { text }
}
