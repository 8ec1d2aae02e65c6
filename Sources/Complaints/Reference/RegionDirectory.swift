/// Whether a second-level region is a regency (*kabupaten*) or a city (*kota*).
public enum RegencyKind: String, Sendable, Hashable {
    case kabupaten
    case kota
}

/// A regency or city (*kabupaten/kota*), named as Kemendagri does: "Kabupaten Sleman", "Kota Padang".
public struct Regency: Hashable, Sendable, Identifiable {
    /// Kemendagri code, `PP.RR` (`34.04`).
    public let code: String
    public let name: String
    public let kind: RegencyKind
    public let provinceCode: String
    /// Line in `wilayah.toml`.
    public let line: Int
    /// `name` as lookups compare it (`RegionDirectory.normalizedName`), and without its "kabupaten"/"kota"
    /// prefix: made once, as an import looked up each line's regency by normalising all 514 names again
    /// (QA: 6,900 reports/s with a regency, against 70,000 without).
    let matchName: String
    let bareMatchName: String

    public var id: String { code }

    public init(code: String, name: String, kind: RegencyKind, provinceCode: String, line: Int) {
        self.init(code: code, name: name, kind: kind, provinceCode: provinceCode, line: line,
                  matchName: RegionDirectory.normalizedName(name))
    }

    /// For a loader that has normalised `name` already.
    init(code: String, name: String, kind: RegencyKind, provinceCode: String, line: Int, matchName: String) {
        self.code = code
        self.name = name
        self.kind = kind
        self.provinceCode = provinceCode
        self.line = line
        self.matchName = matchName
        bareMatchName = RegionDirectory.bareName(matchName)
    }
}

/// A province with its official name, accepted alternative spellings, and (for the regions the
/// desk covers in detail) its regencies and cities.
public struct Province: Equatable, Sendable, Identifiable {
    /// Kemendagri code, two digits (`34`).
    public let code: String
    public let name: String
    /// Other spellings people type ("DIY", "D.I. Yogyakarta").
    public let aliases: [String]
    public let regencies: [Regency]
    public let line: Int
    /// The name and aliases as lookups compare them, made once (see `Regency.matchName`).
    let matchNames: [String]

    public var id: String { code }

    public init(code: String, name: String, aliases: [String], regencies: [Regency], line: Int) {
        self.init(code: code, name: name, aliases: aliases, regencies: regencies, line: line,
                  matchName: RegionDirectory.normalizedName(name))
    }

    /// For a loader that has normalised `name` already.
    init(code: String, name: String, aliases: [String], regencies: [Regency], line: Int, matchName: String) {
        self.code = code
        self.name = name
        self.aliases = aliases
        self.regencies = regencies
        self.line = line
        matchNames = [matchName] + aliases.map(RegionDirectory.normalizedName)
    }
}

/// Indonesia's provinces and the regencies/cities the desk knows, with forgiving lookup so
/// "kab. sleman", "Kabupaten  Sleman" and "KAB SLEMAN" all find Kabupaten Sleman.
public struct RegionDirectory: Equatable, Sendable {
    public let provinces: [Province]

    public init(provinces: [Province]) {
        self.provinces = provinces
    }

    /// Every known regency and city, province by province.
    public var regencies: [Regency] { provinces.flatMap(\.regencies) }

    /// Normalises a region name for comparison: case, dots and spacing are ignored,
    /// "Kab."/"Kab" become "kabupaten", "Kotamadya"/"Kodya"/"Kota Adm." become "kota",
    /// "D.I."/"Daerah Istimewa" become "di", and a leading "Provinsi"/"Prov." is dropped.
    public static func normalizedName(_ text: String) -> String {
        // Most names are ASCII and start with no word the rules rewrite: their folded form is the answer.
        // Otherwise the rules run on its words (folded once: they are its words joined by single spaces).
        if let folded = ASCIIName.normalized(text) {
            return keepsFoldedName(folded) ? folded : applyingRules(folded.split(separator: " ").map(String.init))
        }
        return normalizedNameByWords(text)
    }

    /// `normalizedName` character by character (the rules are `applyingRules`').
    static func normalizedNameByWords(_ text: String) -> String { applyingRules(ReferenceName.unicodeWords(text)) }

    /// The rules on a name's words (lowercased, split as `ReferenceName` splits), joined by single spaces.
    private static func applyingRules(_ words: [String]) -> String {
        var words = words
        if let first = words.first, first == "provinsi" || first == "prov" { words.removeFirst() }
        guard let first = words.first else { return "" }
        switch first {
        case "kab", "kabupaten":
            words[0] = "kabupaten"
        case "kota", "kotamadya", "kodya", "kotamadia":
            words[0] = "kota"
            if words.count > 1, words[1] == "adm" || words[1] == "administrasi" { words.remove(at: 1) }
        case "d" where words.count > 1 && words[1] == "i":
            words.replaceSubrange(0...1, with: ["di"])
        case "daerah" where words.count > 1 && words[1] == "istimewa":
            words.replaceSubrange(0...1, with: ["di"])
        default:
            break
        }
        return Concatenation.joined(words, separator: " ")
    }

    /// True when the rules (`applyingRules`) leave the words of `folded` (a `ReferenceName.normalized`
    /// name) as they are: its first word is none they drop or rewrite, "kabupaten" (kept as it is) or "kota"
    /// without "adm"/"administrasi" after it. Errs towards false, where the rules run.
    static func keepsFoldedName(_ folded: String) -> Bool {
        // On bytes: comparing substrings, or making strings of them, cost more than folding the name.
        var folded = folded
        return folded.withUTF8 { bytes in
            let firstEnd = bytes.firstIndex(of: 0x20) ?? bytes.count
            let first = UnsafeBufferPointer(rebasing: bytes[..<firstEnd])
            guard ASCIIName.equals(first, "kota") else {
                return !rewrittenFirstWords.contains { ASCIIName.equals(first, $0) }
            }
            guard firstEnd < bytes.count else { return true }
            let rest = bytes[(firstEnd + 1)...]
            let second = UnsafeBufferPointer(rebasing: rest[..<(rest.firstIndex(of: 0x20) ?? rest.endIndex)])
            return !ASCIIName.equals(second, "adm") && !ASCIIName.equals(second, "administrasi")
        }
    }

    /// First words the rules (`applyingRules`) drop or rewrite ("kota" aside: it stays unless "adm" follows).
    static let rewrittenFirstWords: [StaticString] = ["provinsi", "prov", "kab", "kotamadya", "kodya", "kotamadia", "d", "daerah"]

    /// The name without its "kabupaten"/"kota" prefix, normalised ("sleman").
    static func bareName(_ normalized: String) -> String {
        for prefix in ["kabupaten ", "kota "] where normalized.hasPrefix(prefix) {
            return String(normalized.dropFirst(prefix.count))
        }
        return normalized
    }

    /// Finds a province by code, official name or alias.
    public func province(named text: String) -> Province? {
        let wanted = RegionDirectory.normalizedName(text)
        guard !wanted.isEmpty else { return nil }
        let code = ReferenceName.removingWhitespace(text)
        return provinces.first { province in province.code == code || province.matchNames.contains(wanted) }
    }

    /// Finds a regency or city by code or name. A bare name ("Sleman") is accepted when only one
    /// region has it; "Bandung" alone is ambiguous (Kabupaten and Kota Bandung) and gives nil.
    /// `province`, if given, limits the search to that province.
    public func regency(named text: String, inProvince province: String? = nil) -> Regency? {
        let candidates = regencies(matching: text, inProvince: province)
        return candidates.count == 1 ? candidates.first : nil
    }

    /// All regencies/cities that `text` could mean (exact name first; bare names only if no
    /// exact match).
    public func regencies(matching text: String, inProvince province: String? = nil) -> [Regency] {
        let pool: [Regency]
        if let province {
            guard let found = self.province(named: province) else { return [] }
            pool = found.regencies
        } else {
            pool = regencies
        }
        let wanted = RegionDirectory.normalizedName(text)
        guard !wanted.isEmpty else { return [] }
        let code = ReferenceName.removingWhitespace(text)
        let exact = pool.filter { $0.code == code || $0.matchName == wanted }
        if !exact.isEmpty { return exact }
        return pool.filter { $0.bareMatchName == wanted }
    }

    public func province(code: String) -> Province? { provinces.first { $0.code == code } }

    /// The places `text` names any way intake accepts it, folded as inbox filters compare them: a province
    /// ("DIY") gives its name and those of its regencies/cities; a regency/city ("Kab. Sleman") its name.
    /// Empty when it names none. What a region filter also takes in (`InboxQuery.regionIncludes`), so the
    /// filters read a place as `intake` records it (QA: `--region "Kab. Sleman"` was refused).
    public func foldedPlaces(named text: String) -> Set<String> {
        if let province = province(named: text) {
            return Set(province.regencies.map { Inbox.fold($0.name) }).union([Inbox.fold(province.name)])
        }
        if let regency = regency(named: text) { return [Inbox.fold(regency.name)] }
        return []
    }

    public func regency(code: String) -> Regency? { regencies.first { $0.code == code } }
}
