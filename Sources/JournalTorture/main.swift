// JournalTorture: a child process for the journal's multi-process tests and a small benchmark.
//
//   JournalTorture append DIR COUNT TAG     append COUNT entries one by one; print "ack SEQ" each
//   JournalTorture import DIR COUNT         bulk-import COUNT entries (benchmark set-up)
//   JournalTorture open DIR                 open as writer, read everything, print timing
//   JournalTorture desk DIR COUNT TAG IDS   COUNT desk actions through DeskStore (see DeskActions.swift)
//   JournalTorture hold DIR SECONDS         take the journal lock and hang (a hung console), print "held"
import ComplaintJournal
import Foundation

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

func sampleEntry(tag: String, number: Int) -> NewEntry {
    let payload = "{\"writer\":\"\(tag)\",\"n\":\(number),\"note\":\"Jalan rusak di depan balai desa\"}"
    return NewEntry(
        eventID: "\(tag)-\(number)-\(UUID().uuidString)", reportID: String(1_000_000 + number % 5000),
        at: Date(timeIntervalSince1970: 1_775_000_000 + Double(number)), utcOffsetSeconds: 7 * 3600,
        actor: JournalActor(name: "torture-\(tag)", role: "admin-nasional", agency: "pemkab-sleman", unit: nil, osUser: "root"),
        type: "report.noted", payload: Array(payload.utf8))
}

let arguments = CommandLine.arguments
guard arguments.count >= 3 else { fail("usage: JournalTorture append|import|open DIR ...") }
let folder = URL(fileURLWithPath: arguments[2])

do {
    switch arguments[1] {
    case "append":
        guard arguments.count == 5, let count = Int(arguments[3]) else { fail("usage: append DIR COUNT TAG") }
        let tag = arguments[4]
        let (journal, _) = try FileJournal.open(at: folder, mode: .writer, options: .init(lockTimeout: 30))
        for number in 1...max(count, 1) where count > 0 {
            let stored = try journal.append { _ in [sampleEntry(tag: tag, number: number)] }
            // Unbuffered, so a killed child has still reported every acknowledged sequence number.
            let text = stored.map { "ack \($0.seq)\n" }.joined()
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    case "import":
        guard arguments.count == 4, let count = Int(arguments[3]) else { fail("usage: import DIR COUNT") }
        let (journal, _) = try FileJournal.open(at: folder, mode: .writer)
        var number = 0
        while number < count {
            let batch = (number..<min(count, number + 50_000)).map { sampleEntry(tag: "bulk", number: $0) }
            _ = try journal.appendBatch(batch)
            number += batch.count
        }
        print("imported \(count)")
    case "open":
        let start = ContinuousClock.now
        let (journal, report) = try FileJournal.open(at: folder, mode: .writer)
        let opened = ContinuousClock.now
        let entries = try journal.allEntries()
        let read = ContinuousClock.now
        print("open+verify \(opened - start), read all \(read - opened), entries \(entries.count), clean \(report.isClean)")
    case "hold":
        guard arguments.count == 4, let seconds = UInt32(arguments[3]) else { fail("usage: hold DIR SECONDS") }
        let fd = open(folder.appendingPathComponent("journal/LOCK").path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0, flock(fd, LOCK_EX) == 0 else { fail("hold: cannot lock") }
        FileHandle.standardOutput.write(Data("held\n".utf8))
        sleep(seconds)
    case "desk":
        guard arguments.count == 6, let count = Int(arguments[3]) else { fail("usage: desk DIR COUNT TAG IDS") }
        try runDeskActions(folder: folder, count: count, tag: arguments[4],
                           shared: arguments[5].split(separator: ",").map(String.init))
    default:
        fail("unknown command \(arguments[1])")
    }
} catch {
    fail("JournalTorture: \(error)")
}
