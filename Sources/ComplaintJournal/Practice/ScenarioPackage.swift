import Complaints
import Foundation

/// A scenario with its files, checked as a whole: the manifest, the reports (every scripted step decided
/// by the real rules), the roster and the optional extra agencies. Built from a folder a trainer edits or
/// from the copies shipped in the binary; problems name FILE:LINE and are all collected.
public struct ScenarioPackage: Sendable {
    public var scenario: Scenario
    /// File name → text, as found in the scenario folder.
    public var files: [String: String]
    /// Shown before file names in problems (`scenarios/dasar` or the folder path).
    public var origin: String

    /// Every problem of a scenario, one FILE:LINE: field: reason each.
    public struct Problems: Error, Sendable, CustomStringConvertible {
        public var messages: [String]
        public var description: String { messages.joined(separator: "\n") }
    }

    /// The reference data files of the practice desk: the shipped ones, with the scenario's agencies
    /// appended to `instansi.toml` (so routing rules keep working and a trainer only adds).
    public func referenceTexts(defaults: DeskDefaults) -> [String: String] {
        var texts = defaults.reference
        if let extra = files[Scenario.agenciesFileName], let shipped = texts["instansi.toml"] {
            texts["instansi.toml"] = ScenarioPackage.merge(shipped: shipped, extra: extra)
        }
        return texts
    }

    static let mergeMarker = "\n# ---- instansi tambahan dari skenario ----\n"

    static func merge(shipped: String, extra: String) -> String {
        shipped + (shipped.hasSuffix("\n") ? "" : "\n") + mergeMarker + extra
    }

    /// Lines before the scenario's own agencies in the merged `instansi.toml`.
    static func mergedOffset(shipped: String) -> Int {
        let text = shipped + (shipped.hasSuffix("\n") ? "" : "\n") + mergeMarker
        return text.reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
    }

    /// Checks the scenario in memory (nothing is written): parses every file and builds the practice
    /// history with the real rules.
    public static func load(name: String, files: [String: String], origin: String, defaults: DeskDefaults) throws(Problems)
        -> ScenarioPackage
    {
        var messages: [String] = []
        func path(_ file: String) -> String { origin.isEmpty ? file : origin + "/" + file }
        guard let manifest = files[Scenario.manifestFileName] else {
            throw Problems(messages: ["\(path(Scenario.manifestFileName)):0: missing: every scenario needs a skenario.toml"])
        }
        let (parsed, manifestErrors) = Scenario.parseCollecting(manifest, name: name, fileName: path(Scenario.manifestFileName))
        messages += manifestErrors.map(\.description)
        let scenario: Scenario? = parsed
        let package = ScenarioPackage(scenario: parsed, files: files, origin: origin)
        // Reference data with the scenario's agencies.
        var reference: ReferenceData?
        do { reference = try ReferenceData.load(files: package.referenceTexts(defaults: defaults)) } catch {
            let offset = files[Scenario.agenciesFileName] != nil ? mergedOffset(shipped: defaults.reference["instansi.toml"] ?? "") : 0
            for e in error.errors {
                if e.file == "instansi.toml", offset > 0, e.line > offset {
                    messages.append("\(path(Scenario.agenciesFileName)):\(e.line - offset): \(e.field): \(e.reason)")
                } else {
                    messages.append("(bawaan) " + e.description)
                }
            }
        }
        var roster: Roster?
        if let rosterText = files[Scenario.rosterFileName] {
            do { roster = try Roster.parse(rosterText, fileName: path(Scenario.rosterFileName), directory: reference) } catch {
                messages += error.errors.map(\.description)
            }
        } else {
            messages.append("\(path(Scenario.rosterFileName)):0: missing: the scenario's roster (operators the class signs in as)")
        }
        if let scenario, let roster, !scenario.trainee.isEmpty, roster.find(scenario.trainee) == nil {
            let line = manifest.split(separator: "\n", omittingEmptySubsequences: false)
                .firstIndex { $0.trimmingCharacters(in: .whitespaces).hasPrefix("trainee") }.map { $0 + 1 } ?? 0
            messages.append("\(path(Scenario.manifestFileName)):\(line): trainee: '\(scenario.trainee)' is not in operator.toml")
        }
        var entries: [PracticeDesk.Entry] = []
        if let laporan = files[Scenario.reportsFileName] {
            do { entries = try PracticeDesk.parse(laporan, fileName: path(Scenario.reportsFileName), now: package.scenario.startsAt) } catch {
                messages += error.problems.map(\.description)
            }
        } else {
            messages.append("\(path(Scenario.reportsFileName)):0: missing: the scenario's reports")
        }
        if let scenario, !entries.isEmpty {
            let known = Set(entries.compactMap(\.intake.externalID))
            for named in scenario.namedReports where !known.contains(named.externalID) {
                messages.append("\(path(Scenario.manifestFileName)):\(named.line): \(named.path): no report with external id '\(named.externalID)' in laporan.jsonl")
            }
        }
        // Values no action could ever match, and steps the trainee may not take (QA: `scenario check` said OK).
        if let scenario, let reference {
            for v in scenario.namedValues {
                let known: Bool = switch v.field {
                case "agency": reference.agencies[v.value] != nil
                case "unit": reference.agencies.unit(id: v.value) != nil
                    && (v.agency.map { v.value.hasPrefix($0 + "/") } ?? true)
                case "category": reference.canonicalCategory(v.value, subcategory: nil) != nil
                default: true
                }
                if !known {
                    let what = v.field == "unit" ? "no unit '\(v.value)'\(v.agency.map { " in agency '\($0)'" } ?? "") (units are named agency/unit)"
                        : v.field == "agency" ? "no agency '\(v.value)' in instansi.toml" : "no category '\(v.value)' in kategori.toml"
                    messages.append("\(path(Scenario.manifestFileName)):\(v.line): \(v.path): \(what)")
                }
            }
        }
        if let scenario, let roster, let trainee = roster.find(scenario.trainee) {
            let allowed = Access.commands(for: trainee.role)
            for step in scenario.stepVerbs where !allowed.contains(step.verb) {
                messages.append("\(path(Scenario.manifestFileName)):\(step.line): \(step.path): the trainee '\(trainee.name)' (\(trainee.role.rawValue)) "
                                + "cannot '\(step.verb.rawValue)'")
            }
        }
        if messages.isEmpty, let reference, let roster {
            do {
                let store = try DeskStore(journal: InMemoryJournal(), directory: reference,
                                          deadlines: Deadlines(calendar: try calendar(defaults, zone: package.scenario.timeZone)),
                                          offsetSeconds: package.scenario.timeZone.secondsFromUTC, osUser: "check")
                try PracticeDesk.populate(store, entries: entries, roster: roster, fileName: path(Scenario.reportsFileName),
                                          now: package.scenario.startsAt)
                if let trainee = roster.find(package.scenario.trainee) {
                    messages += ScenarioRehearsal.problems(package.scenario.lesson, verbs: package.scenario.stepVerbs, store: store,
                                                           trainee: trainee, startsAt: package.scenario.startsAt,
                                                           manifest: path(Scenario.manifestFileName))
                }
            } catch let e as PracticeProblems {
                messages += e.problems.map(\.description)
            } catch {
                messages.append("\(origin): \(error)")
            }
        }
        guard messages.isEmpty else { throw Problems(messages: messages) }
        return package
    }

    static func calendar(_ defaults: DeskDefaults, zone: DeskTimeZone) throws -> WorkingCalendar {
        let lists = try defaults.calendars.sorted { $0.key < $1.key }.map { try HolidayList.parse($0.value, fileName: $0.key) }
        return WorkingCalendar(holidays: try HolidayList.merging(lists), timeZone: zone)
    }

    /// Reads a scenario folder a trainer wrote (files other than the four known ones are ignored).
    public static func load(folder: URL, defaults: DeskDefaults) throws(Problems) -> ScenarioPackage {
        var files: [String: String] = [:]
        for name in [Scenario.manifestFileName, Scenario.reportsFileName, Scenario.rosterFileName, Scenario.agenciesFileName] {
            let u = folder.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: u.path) else { continue }
            guard let text = String(data: data, encoding: .utf8) else {
                throw Problems(messages: ["\(u.path):1: not valid UTF-8 text"])
            }
            files[name] = text
        }
        if files.isEmpty {
            throw Problems(messages: ["\(folder.path): no scenario here (expected skenario.toml, laporan.jsonl, operator.toml)"])
        }
        return try load(name: folder.lastPathComponent, files: files, origin: folder.path, defaults: defaults)
    }
}
