import Foundation

/// Everything a channel tells us about a new report (formats.md §2), already validated.
/// Stored verbatim in the `report.received` event; the desk never edits it in place.
public struct Intake: Sendable, Hashable {
    public var externalID: String?
    public var channel: Channel
    public var receivedAt: Date
    public var title: String?
    public var body: String
    public var classification: Classification
    public var category: String?
    public var subcategory: String?
    public var location: Location
    public var incidentDate: String?
    /// Agency id the reporter chose; the report then goes straight to that agency's queue.
    public var agency: String?
    public var reporter: Reporter
    public var anonymous: Bool
    public var confidential: Bool
    public var attachments: [Attachment]
    public var tags: [String]
    /// Fields the channel sent that we do not know, kept verbatim as JSON text per field.
    public var extra: [String: String]

    public init(externalID: String? = nil, channel: Channel, receivedAt: Date, title: String? = nil, body: String,
                classification: Classification = .pengaduan, category: String? = nil, subcategory: String? = nil,
                location: Location = Location(), incidentDate: String? = nil, agency: String? = nil,
                reporter: Reporter = Reporter(), anonymous: Bool = false, confidential: Bool = false,
                attachments: [Attachment] = [], tags: [String] = [], extra: [String: String] = [:]) {
        self.externalID = externalID
        self.channel = channel
        self.receivedAt = receivedAt
        self.title = title
        self.body = body
        self.classification = classification
        self.category = category
        self.subcategory = subcategory
        self.location = location
        self.incidentDate = incidentDate
        self.agency = agency
        self.reporter = reporter
        self.anonymous = anonymous
        self.confidential = confidential
        self.attachments = attachments
        self.tags = tags
        self.extra = extra
    }

    /// Title shown when the channel sent none: the first line of the body, cut at a word near 80 characters.
    public static func derivedTitle(from body: String) -> String {
        let firstLine = body.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        let trimmed = firstLine.trimmingCharacters(in: .whitespaces)
        guard trimmed.count > 80 else { return trimmed.isEmpty ? "(tanpa judul)" : trimmed }
        let cut = trimmed.prefix(80)
        if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) > 40 {
            return String(cut[..<space]) + "…"
        }
        return String(cut) + "…"
    }

    /// The title the desk starts from.
    public var effectiveTitle: String {
        if let title, !title.isBlank { return title }
        return Intake.derivedTitle(from: body)
    }
}
