/// Where the console suggests sending a report, and why. The officer accepts it or picks another.
public struct RoutingProposal: Equatable, Sendable {
    public let agencyID: String
    /// Full unit id (`pemkab-sleman/dinkes`) when the rule names a unit.
    public let unitID: String?
    /// The rule that decided, with its key and source line.
    public let rule: RoutingRule
    /// Structured explanation; see `RoutingReason.english` / `.indonesian` for ready wording.
    public let reason: RoutingReason
    /// Agency ids of the other matching rules, most specific first, without repeats or the
    /// proposed agency; the national ministry for the topic comes last when a rule names one.
    public let alternatives: [String]
    /// Every matching rule, most specific first (the first is `rule`).
    public let matchedRules: [RoutingRule]
}

/// Why a rule matched, in parts the UI can word itself, plus English and Indonesian sentences.
public struct RoutingReason: Equatable, Sendable {
    public let regionLevel: RegionLevel
    public let topicLevel: TopicLevel
    public let categoryName: String?
    public let subcategoryName: String?
    public let provinceName: String?
    public let regencyName: String?
    /// The rule is marked `pusat`: the central government's business in every region.
    public let central: Bool
    public let agencyName: String
    public let unitName: String?
    public let note: String?
    /// `rute.toml:42`.
    public let source: String

    var topicEnglish: String {
        switch (categoryName, subcategoryName) {
        case let (category?, sub?): return "on \(category) › \(sub)"
        case let (category?, nil): return "on \(category)"
        default: return "on any topic"
        }
    }

    var topicIndonesian: String {
        switch (categoryName, subcategoryName) {
        case let (category?, sub?): return "topik \(category) › \(sub)"
        case let (category?, nil): return "topik \(category)"
        default: return "semua topik"
        }
    }

    var destination: String { unitName.map { "\(agencyName) (\($0))" } ?? agencyName }

    /// e.g. "Reports on Kesehatan in Kabupaten Sleman go to Pemerintah Kabupaten Sleman
    /// (Dinas Kesehatan Kabupaten Sleman): rule rute.toml:120."
    public var english: String {
        let place = regencyName ?? provinceName.map { "the province of \($0)" } ?? "any region (national rule)"
        var text = central
            ? "Reports \(topicEnglish) go to \(destination) from every region (the central government's business): rule \(source)."
            : "Reports \(topicEnglish) in \(place) go to \(destination): rule \(source)."
        if let note { text += " Note: \(note)" }
        return text
    }

    /// e.g. "Laporan topik Kesehatan di Kabupaten Sleman diteruskan ke Pemerintah Kabupaten
    /// Sleman (Dinas Kesehatan Kabupaten Sleman): aturan rute.toml:120."
    public var indonesian: String {
        let place = regencyName ?? provinceName.map { "Provinsi \($0)" } ?? "seluruh Indonesia (aturan nasional)"
        var text = central
            ? "Laporan \(topicIndonesian) dari daerah mana pun diteruskan ke \(destination) (urusan pemerintah pusat): aturan \(source)."
            : "Laporan \(topicIndonesian) di \(place) diteruskan ke \(destination): aturan \(source)."
        if let note { text += " Catatan: \(note)" }
        return text
    }
}
