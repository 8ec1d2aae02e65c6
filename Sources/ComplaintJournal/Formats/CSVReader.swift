/// One CSV record as raw field bytes, with the line it starts on (quoted fields may span lines).
struct CSVRecord {
    var line: Int
    var fields: [[UInt8]]
    /// Set when the record is malformed (unclosed quote, text after a closing quote).
    var error: String?

    /// A line with nothing on it: skipped like blank lines in JSON-lines files.
    var isBlank: Bool {
        fields.allSatisfy { $0.allSatisfy { $0 == 0x20 || $0 == 0x09 } } && error == nil
    }
}

/// RFC 4180 reader over bytes: quoted fields with embedded separators, doubled quotes and line breaks;
/// CRLF, LF or CR line ends. Pure and total: malformed records are marked, never a crash.
enum CSVReader {
    static let quote = UInt8(ascii: "\"")

    /// `;` when the header line has more semicolons than commas outside quotes, else `,`.
    static func detectSeparator(_ bytes: [UInt8], from start: Int) -> UInt8 {
        var commas = 0
        var semicolons = 0
        var inQuotes = false
        var i = start
        while i < bytes.count {
            let b = bytes[i]
            if b == quote { inQuotes.toggle() }
            else if !inQuotes {
                if b == 0x0A || b == 0x0D { break }
                if b == UInt8(ascii: ",") { commas += 1 }
                if b == UInt8(ascii: ";") { semicolons += 1 }
            }
            i += 1
        }
        return semicolons > commas ? UInt8(ascii: ";") : UInt8(ascii: ",")
    }

    static func records(_ bytes: [UInt8], from start: Int, separator: UInt8) -> [CSVRecord] {
        var out: [CSVRecord] = []
        var i = start
        var line = 1
        /// Consumes a line end at `i` if there is one; true when it did.
        func lineEnd(_ i: inout Int, _ line: inout Int) -> Bool {
            guard i < bytes.count else { return false }
            if bytes[i] == 0x0A { i += 1; line += 1; return true }
            if bytes[i] == 0x0D {
                i += 1
                if i < bytes.count, bytes[i] == 0x0A { i += 1 }
                line += 1
                return true
            }
            return false
        }
        while i < bytes.count {
            var record = CSVRecord(line: line, fields: [], error: nil)
            var field: [UInt8] = []
            recordLoop: while true {
                var wasQuoted = false
                if i < bytes.count, bytes[i] == quote {
                    wasQuoted = true
                    let openLine = line
                    i += 1
                    let openStart = i
                    var closed = false
                    while i < bytes.count {
                        let b = bytes[i]
                        if b == quote {
                            if i + 1 < bytes.count, bytes[i + 1] == quote { field.append(quote); i += 2; continue }
                            i += 1
                            closed = true
                            break
                        }
                        if b == 0x0A || (b == 0x0D && !(i + 1 < bytes.count && bytes[i + 1] == 0x0A)) { line += 1 }
                        field.append(b)
                        i += 1
                    }
                    // A field that ran over line ends and then "closed" with text right after the quote took the
                    // next row's opening quote for its end: as unclosed as one that reaches the end of the file.
                    let spanned = line != openLine
                    if closed, spanned, i < bytes.count, ![separator, 0x0A, 0x0D, 0x20, 0x09].contains(bytes[i]) { closed = false }
                    if !closed {
                        // The quote was a slip: the record ends with its own line, and the lines after it are
                        // records again (QA: every good row after it was lost without being named).
                        record.error = record.error ?? "quoted field opened on line \(openLine) is never closed"
                        i = openStart
                        while i < bytes.count, bytes[i] != 0x0A, bytes[i] != 0x0D { i += 1 }
                        line = openLine
                        _ = lineEnd(&i, &line)
                        record.fields.append(field)
                        field = []
                        break recordLoop
                    }
                }
                // Unquoted text (or text after a closing quote, which RFC 4180 does not allow).
                while i < bytes.count, bytes[i] != separator, bytes[i] != 0x0A, bytes[i] != 0x0D {
                    if wasQuoted && record.error == nil && bytes[i] != 0x20 && bytes[i] != 0x09 {
                        record.error = "text after a closing quote"
                    }
                    field.append(bytes[i])
                    i += 1
                }
                record.fields.append(field)
                field = []
                if i < bytes.count, bytes[i] == separator { i += 1; continue recordLoop }
                _ = lineEnd(&i, &line)
                break recordLoop
            }
            out.append(record)
        }
        return out
    }
}
