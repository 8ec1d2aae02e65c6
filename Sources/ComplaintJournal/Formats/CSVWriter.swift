/// Field separators a CSV export may use: `;` for spreadsheets in locales (like Indonesia's) where the
/// comma is the decimal mark.
public enum CSVSeparator: String, Sendable, Hashable, CaseIterable {
    case comma = ","
    case semicolon = ";"
}

/// RFC 4180 writing, spreadsheet friendly: CRLF line ends, quoting where needed, and formula-injection
/// protection (a cell a spreadsheet would run as a formula is prefixed with `'`).
enum CSVWriter {
    /// Digits a spreadsheet would turn into a number and damage: a leading zero dropped (`0811…` phone
    /// numbers) or digits past the fifteenth rounded (16-digit NIK). Kept as text with a leading `'` (QA).
    static func isDigitsSpreadsheetsWouldMangle(_ text: String) -> Bool {
        guard text.count > 1, text.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) else { return false }
        return text.hasPrefix("0") || text.count > 15
    }

    static func row(_ cells: [String], separator: CSVSeparator) -> String {
        cells.map { cell($0, separator: separator) }.joined(separator: separator.rawValue) + "\r\n"
    }

    /// Whether `text` needs the `'` a spreadsheet reads as "this is text": a formula's first character, or
    /// digits it would damage; and text that starts with a `'` of its own, so reading back takes off only ours.
    static func needsTextMarker(_ text: String) -> Bool {
        if let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r", "'"].contains(first) { return true }
        return isDigitsSpreadsheetsWouldMangle(text)
    }

    /// `cell` as written before `cell(_:separator:)` marked it: a `'` this writer adds is taken off again when
    /// the file is read back (an exported NIK, phone or `=…` title imports as it was).
    static func unmarked(_ cell: String) -> String {
        guard cell.hasPrefix("'") else { return cell }
        let rest = String(cell.dropFirst())
        return needsTextMarker(rest) ? rest : cell
    }

    static func cell(_ raw: String, separator: CSVSeparator) -> String {
        var text = raw
        if needsTextMarker(text) { text = "'" + text }
        let needsQuotes = text.unicodeScalars.contains {
            $0 == "\"" || $0 == "\n" || $0 == "\r" || String($0) == separator.rawValue
        }
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
