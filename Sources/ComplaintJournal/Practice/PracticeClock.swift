import Complaints
import Foundation
import TinyTOML

/// The simulated clock of a practice desk, kept in `DIR/latihan/jam.toml` as an offset from real time, so
/// every console and command-line process on the folder reads the same practice time and time keeps
/// flowing between the trainer's jumps. Why a file and not a setting: trainers advance it during class and
/// every open console must follow. Real desks never have one: every entry point refuses them.
public struct PracticeClock: Sendable {
    public let folder: DeskFolder

    /// `DIR/latihan/jam.toml`.
    public static func file(in folder: DeskFolder) -> URL {
        folder.url.appendingPathComponent("latihan").appendingPathComponent("jam.toml")
    }

    public var file: URL { Self.file(in: folder) }

    /// The clock of the practice desk in `folder`; refuses a folder whose desk.toml lacks `latihan = true`.
    public init(practiceFolder folder: DeskFolder) throws(PracticeClockError) {
        guard let data = FileManager.default.contents(atPath: folder.settingsFile.path) else {
            throw .notPractice(folder.path)
        }
        let settings = try? DeskSettings.parse(String(decoding: data, as: UTF8.self), fileName: folder.settingsFile.path)
        guard settings?.isPractice == true else { throw .notPractice(folder.path) }
        self.folder = folder
    }

    /// The practice clock of an opened desk, or nil for a real desk (which always runs on real time).
    public static func of(_ desk: OpenedDesk) -> PracticeClock? {
        desk.settings.isPractice ? try? PracticeClock(practiceFolder: desk.folder) : nil
    }

    /// Sets the practice time of a new practice desk (e.g. a scenario's fixed start instant).
    public static func start(in folder: DeskFolder, at instant: Date, realNow: Date = Date()) throws(PracticeClockError) {
        try PracticeClock(practiceFolder: folder).set(to: instant, realNow: realNow)
    }

    /// Seconds the practice time runs ahead of (or behind) real time; 0 when no clock file exists yet.
    public func offset() throws(PracticeClockError) -> TimeInterval {
        guard let data = FileManager.default.contents(atPath: file.path) else { return 0 }
        let table: TOMLTable
        do { table = try parseTOML(String(decoding: data, as: UTF8.self)) } catch {
            throw .invalid(FileLineError(file: file.path, line: error.line, reason: error.message))
        }
        do {
            guard let seconds = try table.optionalInt(Self.offsetKey) else {
                throw PracticeClockError.invalid(FileLineError(file: file.path, line: 1, reason: "\(Self.offsetKey) is missing"))
            }
            return TimeInterval(seconds)
        } catch let e as TOMLFieldError {
            throw .invalid(FileLineError(file: file.path, line: e.line, reason: "\(e.field): \(e.reason)"))
        } catch let e as PracticeClockError {
            throw e
        } catch {
            throw .invalid(FileLineError(file: file.path, line: 1, reason: "\(error)"))
        }
    }

    /// The practice time now.
    public func now(realNow: Date = Date()) throws(PracticeClockError) -> Date {
        realNow.addingTimeInterval(try offset())
    }

    /// Makes the practice time `instant` at `realNow`; replaced atomically and durably (0600) so a reader never
    /// sees half a file.
    public func set(to instant: Date, realNow: Date = Date()) throws(PracticeClockError) {
        // Rounded up: the practice time never shows a second before the instant set (QA: 08:29:59 for 08:30).
        let seconds = Int(instant.timeIntervalSince(realNow).rounded(.up))
        let text = """
            # Jam latihan LaporDesk (practice clock): waktu latihan = waktu nyata + \(Self.offsetKey).
            # Diubah oleh `lapor-desk clock advance` dan tombol + / * di konsol; hapus berkas ini untuk waktu nyata.
            \(Self.offsetKey) = \(seconds)
            # waktu latihan saat ditulis: \(ISOTime.format(instant))

            """
        do {
            try PracticeSnapshot.write(Array(text.utf8), to: file)
        } catch {
            throw .unwritable(file.path, "\(error)")
        }
    }

    /// Moves the practice time forward by `step`, computed over `desk` and the desk's calendar.
    /// Returns the times before and after; refuses a step that lands nowhere ahead.
    @discardableResult
    public func advance(_ step: PracticeClockStep, desk: Desk, deadlines: Deadlines, calendar: WorkingCalendar,
                        realNow: Date = Date()) throws(PracticeClockError) -> (from: Date, to: Date) {
        let from = try now(realNow: realNow)
        guard let to = PracticeClockMath.target(step, from: from, desk: desk, deadlines: deadlines, calendar: calendar) else {
            throw .nowhereToGo(step)
        }
        try set(to: to, realNow: realNow)
        return (from, to)
    }

    static let offsetKey = "selisih_detik"
}

/// Why the practice clock could not be read or moved; each names the folder or file:line.
public enum PracticeClockError: Error, Sendable, CustomStringConvertible {
    case notPractice(String)
    case invalid(FileLineError)
    case unwritable(String, String)
    case nowhereToGo(PracticeClockStep)

    public var description: String { message.id }

    /// Worded for the officer, in both languages.
    public var message: Localized {
        switch self {
        case let .notPractice(path):
            Localized("\(path): bukan meja latihan — jam latihan hanya untuk meja latihan (desk.toml latihan = true); meja nyata tidak diubah",
                      en: "\(path): not a practice desk — the practice clock is only for practice desks (desk.toml latihan = true); a real desk is never changed")
        case let .invalid(e): Localized("\(e)", en: "\(e)")
        case let .unwritable(path, why): Localized("\(path): tidak dapat menulis jam latihan: \(why)",
                                                   en: "\(path): cannot write the practice clock: \(why)")
        case .nowhereToGo(.nextDeadline):
            Localized("Tidak ada tenggat di depan: semua laporan terbuka sudah lewat tenggat atau tidak berjalan.",
                      en: "No deadline ahead: every open report is past its deadlines or has none running.")
        case .nowhereToGo(.to):
            Localized("Jam latihan hanya maju: waktu tujuan harus setelah waktu latihan sekarang.",
                      en: "The practice clock only moves forward: the target must be after the current practice time.")
        case .nowhereToGo(.workingDays):
            Localized("Jumlah hari kerja harus lebih dari 0.", en: "The number of working days must be more than 0.")
        }
    }
}
