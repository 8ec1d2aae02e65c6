import SeededRandom
@testable import Complaints

/// One deterministic change to one line of a set of reference files, for the golden error tests.
struct ReferenceMutation {
    let files: [String: String]
    /// `file:line op`, so a golden diff names the damage.
    let summary: String

    /// Text the loaders' name normalisation treats specially (case, dots, commas, every kind of space,
    /// region prefixes) or that only a Unicode-aware path handles (combining marks, letters whose
    /// lowercase is longer, non-breaking and em spaces).
    static let insertions = [
        " ", "  ", ".", ",", "\t", "é", "\u{301}", "\u{A0}", "\u{2003}", "\u{85}", "İ", "ẞ", "Σ", "ﬀ",
        "Kab. ", "KAB ", "Kota Adm. ", "Kodya ", "Provinsi ", "Prov. ", "D.I. ", "Daerah Istimewa ", "-", "_",
        "{wilayah}", "Z", "9", "\r\n",
    ]

    static let replacements: [(String, String)] = [
        ("Kabupaten", "Kab."), ("Kabupaten", "KAB"), ("Kota", "Kotamadya"), ("Kota", "kota adm."),
        ("DI ", "D.I. "), ("DI ", "Daerah Istimewa "), ("Kesehatan", "KESEHATAN"), ("\"", "\" "),
        (" ", "  "), (" ", "."), ("a", "á"), ("e", "e\u{301}"), ("-", ""), ("pemkab", "pemkot"),
    ]

    static func random(of base: [String: String], round: Int, using random: inout SeededGenerator) -> ReferenceMutation {
        let name = ReferenceData.fileNames[random.below(4)]
        var lines = (base[name] ?? "").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Mostly lines holding a value, where the names are.
        var index = random.below(lines.count)
        for _ in 0..<4 where !lines[index].contains("\"") { index = random.below(lines.count) }
        var chars = Array(lines[index])
        let op: String
        switch round % 9 {
        case 0:
            lines.remove(at: index)
            op = "delete"
        case 1:
            let copied = random.below(lines.count)
            lines.insert(lines[copied], at: index)
            op = "copy line \(copied + 1)"
        case 2:
            chars.shuffle(using: &random)
            lines[index] = String(chars)
            op = "shuffle"
        case 3:
            lines[index] = random.below(2) == 0 ? lines[index].uppercased() : lines[index].lowercased()
            op = "case"
        case 4 where chars.count > 1:
            let at = random.below(chars.count - 1)
            chars.swapAt(at, at + 1)
            lines[index] = String(chars)
            op = "swap at \(at)"
        case 5, 6:
            let text = insertions[random.below(insertions.count)]
            let at = insertionPoint(in: chars, using: &random)
            chars.insert(contentsOf: text, at: at)
            lines[index] = String(chars)
            op = "insert \(visible(text)) at \(at)"
        case 7:
            let (from, to) = replacements[random.below(replacements.count)]
            lines[index] = lines[index].replacingAll(from, with: to)
            op = "replace \(visible(from)) with \(visible(to))"
        default:
            if !chars.isEmpty { chars.remove(at: random.below(chars.count)) }
            lines[index] = String(chars)
            op = "drop a character"
        }
        var files = base
        files[name] = lines.joined(separator: "\n")
        return ReferenceMutation(files: files, summary: "\(name):\(index + 1) \(op)")
    }

    /// Quoted, with every scalar outside printable ASCII as `\u{…}`, so the golden file stays plain text.
    static func visible(_ text: String) -> String {
        let escaped = text.unicodeScalars.map { scalar in
            (0x20..<0x7F).contains(scalar.value) ? String(scalar) : "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
        }
        return "\"" + escaped.joined() + "\""
    }

    /// Inside a quoted value when the line has one (where names are), else anywhere.
    static func insertionPoint(in chars: [Character], using random: inout SeededGenerator) -> Int {
        guard let open = chars.firstIndex(of: "\""), let close = chars[(open + 1)...].firstIndex(of: "\"") else {
            return random.below(chars.count + 1)
        }
        return open + 1 + random.below(close - open)
    }
}

private extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
