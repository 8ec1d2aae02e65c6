import Complaints
import Foundation

/// A desk opened for work: validated settings and reference data, the calendar, and the journal with its
/// projection. Every command-line command and the console start here.
public final class OpenedDesk {
    public let folder: DeskFolder
    public let settings: DeskSettings
    public let roster: Roster
    public let reference: ReferenceData
    public let calendar: WorkingCalendar
    public let journal: FileJournal
    public let recovery: RecoveryReport
    public let store: DeskStore
    /// Whether start-up came from a projection snapshot, and if not, why not.
    public let snapshot: SnapshotStatus
    /// Whether that snapshot's inbox rows were computed with the deadline rules the desk has now (else
    /// the console cannot draw its first frame from them, and the snapshot is due for rewriting).
    public let snapshotRowsCurrent: Bool

    public var deadlines: Deadlines { store.deadlines }
    public var desk: Desk { store.desk }

    /// Why a desk could not be opened; each message names file and line.
    public struct OpenError: Error, CustomStringConvertible {
        public enum Kind: Sendable { case missing, invalidFiles, journal }
        public var kind: Kind
        public var messages: [String]
        public var description: String { messages.joined(separator: "\n") }
    }

    init(folder: DeskFolder, settings: DeskSettings, roster: Roster, reference: ReferenceData, calendar: WorkingCalendar,
         journal: FileJournal, recovery: RecoveryReport, store: DeskStore, snapshot: SnapshotStatus, snapshotRowsCurrent: Bool) {
        self.folder = folder
        self.settings = settings
        self.roster = roster
        self.reference = reference
        self.calendar = calendar
        self.journal = journal
        self.recovery = recovery
        self.store = store
        self.snapshot = snapshot
        self.snapshotRowsCurrent = snapshotRowsCurrent
    }

    /// Opens the desk in `folder`. A writer recovers the journal (torn tail to quarantine); a reader
    /// changes nothing. With `readOnlyFallback` a writer that cannot write (lock held, read-only or
    /// unsafe folder) opens read-only instead, the reason in `journal.health` (the console's way).
    ///
    /// With `useSnapshot` a valid projection snapshot (`DIR/cache/proyeksi.snap`) replaces folding the
    /// journal up to its point; `check` opens without it, to read every line. A writer for which
    /// `refuseWriting` (given the settings and roster) returns a reason opens read-only with that reason.
    /// When the snapshot is accepted, `beforeDecoding` is called before its desk is decoded (the console
    /// draws its first frame from it). `checkSnapshotInBackground`: see
    /// `FileJournal.Options.checkSnapshotRegionInBackground` (the console's way).
    public static func open(_ folder: DeskFolder, defaults: DeskDefaults, mode: FileJournal.Mode,
                            lockTimeout: Double? = 10, openLockTimeout: Double? = nil, readOnlyFallback: Bool = false,
                            readWithoutLockIfBusy: Bool = false,
                            useSnapshot: Bool = true, checkSnapshotInBackground: Bool = false,
                            refuseWriting: ((DeskSettings, Roster) -> Localized?)? = nil,
                            beforeDecoding: ((SnapshotPreview) -> Void)? = nil) throws(OpenError) -> OpenedDesk {
        switch folder.presence {
        case .desk: break
        case .none:
            throw OpenError(kind: .missing, messages: [
                "\(folder.path): no desk here (run `lapor-desk init --data \(folder.path)` first, or `lapor-desk demo`)",
            ])
        case let .incomplete(missing):
            throw OpenError(kind: .invalidFiles, messages: [
                "\(missing): missing: the folder holds a desk without its settings file (restore it from a backup; `init` never overwrites a desk)",
            ])
        case let .unreadable(why):
            throw OpenError(kind: .invalidFiles, messages: [why])
        }
        var messages: [String] = []
        let settingsText = read(folder.settingsFile, &messages) ?? ""
        var settings = DeskSettings()
        do { settings = try DeskSettings.parse(settingsText, fileName: folder.settingsFile.path) } catch {
            messages += error.errors.map(\.description)
        }
        let reference = referenceData(folder, defaults: defaults, &messages)
        let holidays = holidayList(folder, defaults: defaults, &messages)
        var roster = Roster(operators: [])
        if let text = read(folder.rosterFile, &messages) {
            do { roster = try Roster.parse(text, fileName: folder.rosterFile.path, directory: reference) } catch {
                messages += error.errors.map(\.description)
            }
        }
        var deskGroup: UInt32?
        if let group = settings.group {
            deskGroup = DeskGroup.id(named: group)
            if deskGroup == nil { messages.append("\(folder.settingsFile.path): grup: no group named '\(group)' on this system") }
        }
        guard messages.isEmpty, let reference else { throw OpenError(kind: .invalidFiles, messages: messages) }
        let calendar = WorkingCalendar(holidays: holidays, timeZone: settings.timeZone)
        let deadlines = Deadlines(calendar: calendar, limits: settings.limits)
        do {
            var options = FileJournal.Options()
            options.lockTimeout = lockTimeout
            options.openLockTimeout = openLockTimeout
            options.readWithoutLockIfBusy = readWithoutLockIfBusy
            options.checkSnapshotRegionInBackground = checkSnapshotInBackground
            options.deskGroup = deskGroup
            // A process that may not change this desk (`refuseWriting` says why) opens the journal read-only
            // from the start: a writer's recovery would already truncate a torn tail or quarantine damage.
            var mode = mode
            var readOnlyFallback = readOnlyFallback
            if mode == .writer, let why = refuseWriting?(settings, roster) {
                mode = .readOnly
                readOnlyFallback = false
                options.readOnlyReason = why
            }
            var status = SnapshotStatus.notRequested
            var snapshotRowsCurrent = false
            var mapped: MappedSnapshot?
            if useSnapshot {
                switch ProjectionSnapshot.open(dataFolder: folder.url, programStamp: ProjectionSnapshot.currentProgramStamp()) {
                case let .opened(m): mapped = m
                case .missing: status = .missing
                case let .unusable(why): status = .rejected(why)
                }
            }
            // Without a snapshot to resume from, the open's scan folds the desk as it verifies (one pass).
            let startupFold = StartupFold(journalBytes: { folder.journalBytes })
            func openJournal(resume: JournalResumePoint?) throws -> (FileJournal, RecoveryReport) {
                readOnlyFallback && mode == .writer
                    ? try FileJournal.openWritingIfPossible(at: folder.url, options: options, resume: resume, fold: startupFold)
                    : try FileJournal.open(at: folder.url, mode: mode, options: options, resume: resume, fold: startupFold)
            }
            var (journal, report) = try openJournal(resume: mapped?.resume)
            var restoring: Desk?
            // The desk is decoded only once the journal has accepted the snapshot's point.
            if let mapped {
                // Given a resume point, the journal either resumed there or says why not.
                if let why = journal.snapshotRejection {
                    status = .rejected(why)
                } else {
                    let rulesKey = rulesKey(limits: settings.limits, calendar: calendar)
                    snapshotRowsCurrent = (try? mapped.inboxRowsKey()) == rulesKey
                    if let beforeDecoding {
                        beforeDecoding(SnapshotPreview(
                            folder: folder, settings: settings, roster: roster, reference: reference, deadlines: deadlines,
                            recovery: report, snapshot: mapped, journal: journal, rulesKey: rulesKey))
                    }
                    do throws(SnapshotFormatError) {
                        restoring = try mapped.desk(textSource: journal.textStore)
                        status = .used(seq: mapped.resume.lastSeq)
                        // After the first frame and the desk's decoding (on both cores), which it would slow:
                        // the snapshot's lines, checked in the background. Started alongside, it took a sixth
                        // of the cores while the officer waited for keys to be answered.
                        journal.startSnapshotRegionCheck()
                    } catch {
                        // The scan already skipped the lines the snapshot covers: read the journal whole.
                        status = .rejected("\(mapped.path): \(error)")
                        (journal, report) = try openJournal(resume: nil)
                    }
                }
            }
            let store = try DeskStore(journal: journal, directory: reference, deadlines: deadlines,
                                      offsetSeconds: settings.timeZone.secondsFromUTC, restoring: restoring, folded: startupFold)
            return OpenedDesk(folder: folder, settings: settings, roster: roster, reference: reference, calendar: calendar,
                              journal: journal, recovery: report, store: store, snapshot: status,
                              snapshotRowsCurrent: snapshotRowsCurrent)
        } catch {
            throw OpenError(kind: .journal, messages: ["\(folder.journalFolder.path): \(error)"])
        }
    }

    /// The desk's reference data: each file of `referensi/` that exists, the shipped one otherwise. Nil
    /// with the mistakes (file and line, the shipped files named "(bawaan)") added to `messages`.
    static func referenceData(_ folder: DeskFolder, defaults: DeskDefaults, _ messages: inout [String]) -> ReferenceData? {
        var referenceTexts = defaults.reference
        var referencePaths: [String: String] = [:]
        for name in ReferenceData.fileNames {
            let u = folder.referenceFolder.appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: u.path), let text = read(u, &messages) {
                referenceTexts[name] = text
                referencePaths[name] = u.path
            }
        }
        do { return try ReferenceData.load(files: referenceTexts) } catch {
            messages += error.errors.map { e in
                let shown = referencePaths[e.file] ?? "(bawaan) \(e.file)"
                return e.description.replacingOccurrences(of: e.file, with: shown, options: .anchored)
            }
            return nil
        }
    }

    /// The holiday and cuti bersama lists: the built-in ones, each replaced or joined by the desk's own
    /// `kalender/libur-YYYY.txt`. Mistakes go to `messages`, each with file and line.
    static func holidayList(_ folder: DeskFolder, defaults: DeskDefaults, _ messages: inout [String]) -> HolidayList {
        var calendars = defaults.calendars
        var calendarPaths: [String: String] = [:]
        if let names = try? FileManager.default.contentsOfDirectory(atPath: folder.calendarFolder.path) {
            for name in names where name.hasPrefix("libur-") && name.hasSuffix(".txt") {
                let u = folder.calendarFolder.appendingPathComponent(name)
                if let text = read(u, &messages) {
                    calendars[name] = text
                    calendarPaths[name] = u.path
                }
            }
        }
        var lists: [HolidayList] = []
        for (name, text) in calendars.sorted(by: { $0.key < $1.key }) {
            do { lists.append(try HolidayList.parse(text, fileName: calendarPaths[name] ?? name)) } catch {
                messages.append(String(describing: error))
            }
        }
        do { return try HolidayList.merging(lists) } catch {
            messages.append(String(describing: error))
            return .empty
        }
    }

    static func read(_ u: URL, _ messages: inout [String]) -> String? {
        guard let data = FileManager.default.contents(atPath: u.path) else {
            let why = access(u.path, F_OK) != 0 ? "missing" : access(u.path, R_OK) != 0 ? String(cString: strerror(errno)) : "unreadable"
            messages.append("\(u.path): cannot read the file (\(why))")
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            messages.append("\(u.path):1: not valid UTF-8 text")
            return nil
        }
        return text
    }

    /// Resolves `--as NAME` (or the roster's default operator).
    public func operatorNamed(_ name: String?) -> Operator? {
        if let name { return roster.find(name) }
        return roster.defaultOperator
    }
}
