import ArgumentParser
import Complaints
import ComplaintJournal
import Foundation
import TinyTOML

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create a data folder with default settings and reference data (never overwrites).")

    @OptionGroup var desk: DeskOptions

    @Option(help: "The desk's name, shown in the title bar.")
    var name: String?

    @Option(name: .customLong("time-zone"), help: "WIB, WITA or WIT.")
    var timeZone: String?

    func run() throws {
        let folder = DeskFolder.resolve(explicit: desk.data)
        var settings = DeskSettings.defaultText
        if let name {
            // One line: the name heads the title bar.
            let line = name.components(separatedBy: .newlines).joined(separator: " ")
            settings = settings.replacingOccurrences(of: "name = \"Meja Pengaduan\"", with: "name = " + TOMLQuoted.basicString(line))
        }
        if let timeZone {
            guard let tz = DeskTimeZone(parsing: timeZone) else { throw Fail.usage("--time-zone: use WIB, WITA or WIT, not '\(timeZone)'") }
            settings = settings.replacingOccurrences(of: "time_zone = \"WIB\"", with: "time_zone = \"\(tz.rawValue)\"")
        }
        do {
            try folder.initialize(defaults: DeskAccess.defaults, settingsText: settings)
        } catch {
            if case .cannotLookInside = error { throw Fail.damaged(error.description) }
            throw Fail.usage(error.description)
        }
        Output.line("Meja baru dibuat di \(folder.path)")
        Output.line("Edit \(folder.rosterFile.path) untuk daftar petugas, lalu jalankan: lapor-desk --data \(folder.path)")
    }
}
