import Complaints
import ComplaintJournal
import Console
import CursesTerminal
import DeskResources
import Foundation
import TinyTOML

/// Every decoder of outside input, by name: the list `scripts/fuzz.sh`, the libFuzzer driver and the
/// seeded-mutation tests share, so a decoder added here is fuzzed everywhere.
public enum FuzzTargets {
    /// A fixed import time: decoders must not depend on the clock, and runs must be reproducible.
    static let importTime = Date(timeIntervalSince1970: 1_780_000_000)

    public static let all: [FuzzTarget] = [
        FuzzTarget(name: "journal-line", fileName: "000001.jsonl", locationRequired: false) { bytes in
            // Half the inputs (by length: mutations change it, and lines begin and end with odd bytes, so the
            // first byte's parity chose almost none) get their checksum recomputed, so mutations reach the
            // envelope's fields and the payload decoder.
            let line = bytes.count & 1 == 0 ? JournalLineCheck.withChecksumRepaired(bytes) : bytes
            let problem = JournalLineCheck.problem(in: line)
            return FuzzOutcome(accepted: problem == nil ? 1 : 0, problems: problem.map { [$0] } ?? [],
                               broken: JournalLineCheck.foldDisagreement(in: line).map { [$0] } ?? [])
        },
        FuzzTarget(name: "intake", fileName: "laporan.jsonl") { bytes in
            batchOutcome(IntakeFile.decodeLines(bytes: bytes, fileName: "laporan.jsonl", importTime: importTime))
        },
        FuzzTarget(name: "csv", fileName: "laporan.csv") { bytes in
            batchOutcome(CSVIntake.decode(bytes: bytes, fileName: "laporan.csv", importTime: importTime))
        },
        FuzzTarget(name: "open311", fileName: "requests.json") { bytes in
            batchOutcome(Open311.decode(bytes: bytes, fileName: "requests.json", importTime: importTime))
        },
        FuzzTarget(name: "desk-settings", fileName: "desk.toml") { bytes in
            textOutcome(bytes, fileName: "desk.toml") { text throws(SettingsErrors) in
                _ = try DeskSettings.parse(text, fileName: "desk.toml")
            }
        },
        FuzzTarget(name: "operator", fileName: "operator.toml") { bytes in
            textOutcome(bytes, fileName: "operator.toml") { text throws(SettingsErrors) in
                _ = try Roster.parse(text, fileName: "operator.toml", directory: shippedReference)
            }
        },
        FuzzTarget(name: "theme", fileName: "tema.toml") { bytes in
            textOutcome(bytes, fileName: "tema.toml") { text throws(ThemeErrors) in
                _ = try Theme.parse(text: text, fileName: "tema.toml", knownRoles: knownRoles)
            }
        },
        FuzzTarget(name: "practice", fileName: "latihan.jsonl") { bytes in
            textOutcome(bytes, fileName: "latihan.jsonl") { text throws(PracticeProblems) in
                _ = try PracticeDesk.parse(text, fileName: "latihan.jsonl", now: importTime)
            }
        },
        FuzzTarget(name: "holidays", fileName: "libur-2026.txt") { bytes in
            textOutcome(bytes, fileName: "libur-2026.txt") { text throws(HolidayFileErrors) in
                do { _ = try HolidayList.parse(text, fileName: "libur-2026.txt") } catch let e as HolidayFileErrors {
                    throw e
                } catch {
                    throw HolidayFileErrors([HolidayFileError(file: "libur-2026.txt", line: 0, reason: "\(error)")])
                }
            }
        },
        FuzzTarget(name: "routing", fileName: "rute.toml") { bytes in
            textOutcome(bytes, fileName: "rute.toml") { text throws(ReferenceDataErrors) in
                var files = DeskResources.folder("reference")
                files[ReferenceData.routingFile] = text
                _ = try ReferenceData.load(files: files)
            }
        },
        // A cache file, not one an administrator edits: its reasons name the byte offset, not a line.
        FuzzTarget(name: "snapshot", fileName: "proyeksi.snap", locationRequired: false) { bytes in
            SnapshotFuzzing.run(bytes)
        },
    ]

    /// The target called `name`, if any.
    public static func named(_ name: String) -> FuzzTarget? { all.first { $0.name == name } }

    static let knownRoles = Set(Roles.all.map(\.name))

    static let shippedReference: ReferenceData? = try? ReferenceData.load(files: DeskResources.folder("reference"))

    static func batchOutcome(_ batch: IntakeBatch) -> FuzzOutcome {
        FuzzOutcome(accepted: batch.records.count, problems: (batch.problems + batch.warnings).map(\.description))
    }

    /// Text files are read the way the desk reads them: invalid UTF-8 is a `FILE:1:` problem.
    static func textOutcome<E: Error & CustomStringConvertible>(
        _ bytes: [UInt8], fileName: String, _ parse: (String) throws(E) -> Void
    ) -> FuzzOutcome {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return FuzzOutcome(accepted: 0, problems: ["\(fileName):1: not valid UTF-8 text"])
        }
        do throws(E) {
            try parse(text)
            return FuzzOutcome(accepted: 1, problems: [])
        } catch {
            return FuzzOutcome(accepted: 0, problems: [error.description])
        }
    }
}
