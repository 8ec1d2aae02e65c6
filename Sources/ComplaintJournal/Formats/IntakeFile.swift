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
    public static func decodeLines(bytes: [UInt8], fileName: String, importTime: Date,
                                   maxLineBytes: Int = defaultMaxLineBytes) -> IntakeBatch {
        var builder = IntakeBatchBuilder(fileName: fileName)
        var start = hasBOM(bytes) ? 3 : 0
        var lineNumber = 0
        while start < bytes.count {
            lineNumber += 1
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            var lineEnd = end
            if lineEnd > start, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            defer { start = end + 1 }
            let line = bytes[start..<lineEnd]
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            if line.count > maxLineBytes {
                builder.reject([IntakeProblem(file: fileName, line: lineNumber,
                                              message: "line is longer than \(maxLineBytes / (1 << 20)) MiB; rejected")])
                continue
            }
            if let bad = UTF8Validation.firstInvalidOffset(line) {
                builder.reject([IntakeProblem(file: fileName, line: lineNumber,
                                              message: "invalid UTF-8 at byte column \(bad + 1)")])
                continue
            }
            switch IntakeDecoder.decode(line: Array(line), file: fileName, line: lineNumber, importTime: importTime) {
            case let .accepted(intake, warnings): builder.accept(intake, line: lineNumber, warnings: warnings)
            case let .rejected(problems): builder.reject(problems)
            }
        }
        return builder.batch
    }

    static func hasBOM(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    }
}
