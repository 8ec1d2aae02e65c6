import TinyTOML
import Complaints

/// One rejected input (or one warning about it), named the way the command line prints it:
/// `FILE:LINE: field: reason`, or `FILE:LINE: reason` when no single field is at fault.
public struct IntakeProblem: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    /// 1-based line (JSON lines), starting line of the record (CSV) or element number (Open311 arrays).
    public var line: Int
    /// Path of the field at fault, e.g. `reporter.groups[1]` or `location.regency`.
    public var field: String?
    public var message: String
    /// Which record of the line: the element number of an Open311 array, whose elements may share one
    /// line (nil where a line holds one record). A line's problems of one record reject one record.
    public var record: Int?

    /// The record a problem rejects, for counting rejections (QA: a one-line Open311 array with three bad
    /// elements was summed up as "1 ditolak").
    public var recordKey: [Int] { [line, record ?? 0] }

    public init(file: String, line: Int, field: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    /// The warning message for a field the intake format does not know (kept verbatim in `Intake.extra`).
    public static let unknownFieldMessage = "unknown field kept verbatim"

    public var description: String {
        if let field { return "\(file):\(line): \(OneLineText.escape(field)): \(OneLineText.escape(message))" }
        return "\(file):\(line): \(OneLineText.escape(message))"
    }
}

/// What one decoded intake file yields: the good records (with where they came from), the rejected
/// ones, and warnings (unknown fields kept verbatim, duplicates skipped). Good records are always
/// returned even when other records are bad, so an import records the good part.
public struct IntakeBatch: Sendable {
    /// Every record read, later copies of a (channel, external_id) too: the desk records the first copy it
    /// accepts, so a copy after a line it refuses is not lost (`DeskStore.receive`).
    public var records: [(line: Int, intake: Intake)]
    public var problems: [IntakeProblem]
    /// Every record's warnings (an unknown field kept, a leap second, a repeated tag), at every line they
    /// apply to: `import` says each once per file, at the first line the desk records (QA: said once at a
    /// line the desk then refused, the line that kept the field got no word).
    public var warnings: [IntakeProblem]

    public init(records: [(line: Int, intake: Intake)] = [], problems: [IntakeProblem] = [],
                warnings: [IntakeProblem] = []) {
        self.records = records
        self.problems = problems
        self.warnings = warnings
    }

    /// Names of unknown fields that were kept verbatim, sorted: what the lead reports once per import.
    public var unknownFields: [String] {
        Set(warnings.filter { $0.message.hasPrefix(IntakeProblem.unknownFieldMessage) }.compactMap(\.field)).sorted()
    }
}

/// Collects decoded records into a batch. Shared by the JSON lines, CSV and Open311 decoders so all three
/// behave alike. Later copies of a (channel, external_id) and every record's warnings are kept: which copy
/// is recorded, and where a warning is said, follow the desk's decisions (`IntakeBatch`).
struct IntakeBatchBuilder {
    private(set) var batch = IntakeBatch()
    let fileName: String

    init(fileName: String) {
        self.fileName = fileName
    }

    /// Makes room for `count` records, so a large file does not grow the list step by step.
    mutating func reserveCapacity(_ count: Int) {
        batch.records.reserveCapacity(count)
    }

    mutating func reject(_ problems: [IntakeProblem]) {
        batch.problems.append(contentsOf: problems)
    }

    /// Adds a decoded record; `note` ends a refusal's message (where in the file the record was).
    mutating func accept(_ intake: Intake, line: Int, warnings: [IntakeProblem], note: String = "") {
        // The limit a JSON-lines file has per line, for every format: a larger report would be a journal line
        // that slows every later start, and an export that `import` refuses to read back.
        let limit = IntakeFile.defaultMaxLineBytes
        guard EventCodec.estimatedSize(.received(intake)) <= limit else {
            batch.problems.append(IntakeProblem(file: fileName, line: line, field: nil,
                                                message: "record is longer than \(limit >> 20) MiB as written (escapes included); rejected" + note))
            return
        }
        batch.warnings += warnings
        batch.records.append((line: line, intake: intake))
    }
}
