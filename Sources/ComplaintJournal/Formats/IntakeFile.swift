import TinyTOML
import Complaints
import Foundation

/// Splits a whole intake JSON-lines file (formats.md §2) into records. One bad line never costs the
/// others: each is decoded on its own and rejected with `FILE:LINE: ...`.
public enum IntakeFile {
    /// Longest line accepted. A 1 MB body fits easily; a runaway file without newlines does not.
    public static let defaultMaxLineBytes = 16 << 20

    /// Decodes every line of `bytes`: handles a UTF-8 byte-order mark, CRLF line ends, blank lines
    /// (skipped silently), a last line without newline, invalid UTF-8 and over-long lines (that line
    /// rejected), and later duplicates of (channel, external_id) in the same file (warned and skipped).
    /// Lines are decoded on every core (each on its own); they are then collected in file order.
    public static func decodeLines(bytes: [UInt8], fileName: String, importTime: Date,
                                   maxLineBytes: Int = defaultMaxLineBytes) -> IntakeBatch {
        var builder = IntakeBatchBuilder(fileName: fileName)
        bytes.withUnsafeBufferPointer { whole in
            let start = hasBOM(bytes) ? 3 : 0
            let shared = SharedReadOnly(UnsafeBufferPointer(rebasing: whole[start...]))
            let lines = ParallelLines.lines(shared.buffer)
            let parts = ParallelLines.map(count: lines.count, workers: ParallelLines.workers(lines: lines.count)) { k in
                decodeLine(shared.line(lines[k]), file: fileName, line: k + 1, importTime: importTime, maxLineBytes: maxLineBytes)
            }
            builder.reserveCapacity(lines.count)
            var lineNumber = 0
            for part in parts {
                for outcome in part {
                    lineNumber += 1
                    switch outcome {
                    case .none: continue
                    case let .accepted(intake, warnings)?: builder.accept(intake, line: lineNumber, warnings: warnings)
                    case let .rejected(problems)?: builder.reject(problems)
                    }
                }
            }
        }
        return builder.batch
    }

    /// One line without its `\n` (a trailing `\r` is dropped here); nil for a blank line.
    private static func decodeLine(_ raw: UnsafeBufferPointer<UInt8>, file: String, line lineNumber: Int, importTime: Date,
                                   maxLineBytes: Int) -> IntakeDecoding? {
        var line = raw
        if let last = line.last, last == 0x0D { line = UnsafeBufferPointer(rebasing: line.dropLast()) }
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return nil }
        if line.count > maxLineBytes {
            return .rejected([IntakeProblem(file: file, line: lineNumber,
                                            message: "line is longer than \(maxLineBytes / (1 << 20)) MiB; rejected")])
        }
        // Most lines are well-formed: read straight from the bytes (which also proves them valid UTF-8).
        if let intake = Intake.decodeWellFormed(line, importTime: importTime) { return .accepted(intake, warnings: []) }
        if let bad = UTF8Validation.firstInvalidOffset(line) {
            return .rejected([IntakeProblem(file: file, line: lineNumber, message: "invalid UTF-8 at byte column \(bad + 1)")])
        }
        return IntakeDecoder.decode(line: Array(line), file: file, line: lineNumber, importTime: importTime)
    }

    static func hasBOM(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    }
}
