import Complaints
import Foundation
import TinyTOML

extension PracticeDesk {
    /// Settings of a practice desk: marked as practice so every screen says so.
    public static func settingsText(name: String) -> String {
        DeskSettings.defaultText
            .replacingOccurrences(of: "name = \"Meja Pengaduan\"", with: "name = " + TOMLQuoted.basicString(name) + "\nlatihan = true")
    }

    /// Creates a practice desk in an empty `folder`: default reference data, the practice roster, and the
    /// scripted history of every practice report relative to `now`, written with one durable append.
    /// `lockTimeout`: how long the returned desk's writes wait for another writer (the console's 5 s; QA: a
    /// fresh demo waited 10 s, the command line's, while the README says 5 s in the console).
    public static func create(in folder: DeskFolder, defaults: DeskDefaults, name: String, rosterText: String,
                              laporanText: String, laporanFile: String, now: Date,
                              settingsText customSettings: String? = nil, lockTimeout: Double = 10) throws -> OpenedDesk {
        try folder.initialize(defaults: defaults, settingsText: customSettings ?? settingsText(name: name), rosterText: rosterText)
        let opened = try OpenedDesk.open(folder, defaults: defaults, mode: .writer)
        let entries = try parse(laporanText, fileName: laporanFile, now: now)
        // Build the history in memory (hundreds of decisions, no syncs), then write it in one batch.
        let scratch = InMemoryJournal()
        let store = try DeskStore(journal: scratch, directory: opened.reference, deadlines: opened.deadlines,
                                  offsetSeconds: opened.settings.timeZone.secondsFromUTC, osUser: opened.store.osUser)
        try populate(store, entries: entries, roster: opened.roster, fileName: laporanFile, now: now)
        let stored = try scratch.allEntries().map {
            NewEntry(eventID: $0.eventID, reportID: $0.reportID, at: $0.at, utcOffsetSeconds: $0.utcOffsetSeconds,
                     actor: $0.actor, type: $0.type, payload: $0.payload)
        }
        _ = try opened.journal.appendBatch(stored)
        return try OpenedDesk.open(folder, defaults: defaults, mode: .writer, lockTimeout: lockTimeout)
    }
}
