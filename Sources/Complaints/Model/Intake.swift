import Foundation

/// Everything a channel tells us about a new report (formats.md §2), already validated.
/// Stored verbatim in the `report.received` event; the desk never edits it in place.
///
/// A value type kept in one shared box (copy-on-write): a report and its `received` trail entry hold the
/// same intake, and an inline copy made every report of a 200,000-report desk 300 bytes larger twice over.
public struct Intake: Sendable, Hashable {
    struct Fields: Hashable {
        /// Fields with nothing read yet, for a reader to fill in: the channel, instant and body are
        /// placeholders it must set.
        static var unread: Fields {
            Fields(externalID: nil, channel: .app, receivedAt: Date(timeIntervalSince1970: 0), title: nil, body: .text(""),
                   classification: .pengaduan, category: nil, subcategory: nil, location: Location(), incidentDate: nil, agency: nil,
                   reporter: Reporter(), anonymous: false, confidential: false, attachments: [], tags: [], extra: [:])
        }

        var externalID: String?
        var channel: Channel
        var receivedAt: Date
        var title: String?
        var body: IntakeBody
        var classification: Classification
        var category: String?
        var subcategory: String?
        var location: Location
        var incidentDate: String?
        var agency: String?
        var reporter: Reporter
        var anonymous: Bool
        var confidential: Bool
        var attachments: [Attachment]
        var tags: [String]
        var extra: [String: String]
    }

    /// Shared until written (`fields`' `_modify` copies a shared box first), so `Sendable` holds.
    private final class Box: @unchecked Sendable {
        /// Accessed only through `Intake`, which copies a shared box before writing: no run-time check of
        /// overlapping accesses is needed.
        @exclusivity(unchecked) var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    private var fields: Fields {
        get { box.fields }
        _modify {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
            yield &box.fields
        }
    }

    public var externalID: String? {
        _read { yield box.fields.externalID }
        set { fields.externalID = newValue }
    }
    public var channel: Channel {
        _read { yield box.fields.channel }
        set { fields.channel = newValue }
    }
    public var receivedAt: Date {
        _read { yield box.fields.receivedAt }
        set { fields.receivedAt = newValue }
    }
    public var title: String? {
        _read { yield box.fields.title }
        set { fields.title = newValue }
    }
    /// The report's text. Read back from the journal line on each access when start-up left it there
    /// (`StoredText`): hot loops should read it once.
    public var body: String {
        get { box.fields.body.text }
        set { fields.body = .text(newValue) }
    }
    /// The body, or why it could not be read back from the journal: for exports, which must not write the
    /// notice `body` shows in its place.
    public func readBody() -> Result<String, UnreadableLine> { box.fields.body.read() }

    /// Which body this is, without reading it: where in the journal it is kept, or the text itself. Lets a
    /// view keep work done on a body (the detail pane's wrapped lines) until the body is another one.
    public var bodyIdentity: AnyHashable {
        switch bodyStorage {
        case let .text(s): AnyHashable(s)
        case let .stored(t): AnyHashable(t.spanIdentity)
        }
    }

    /// Whether the body still reads back unchanged (always, for text kept in memory): see `StoredText.isIntact`.
    public var bodyIsIntact: Bool {
        if case let .stored(t) = bodyStorage { return t.isIntact }
        return true
    }

    /// Leaves the body in the journal line `origin` locates, at `span` of its payload, where decoding that
    /// line would (`PayloadOrigin.storedBody`); otherwise keeps the text. For a report this process has just
    /// written: it then takes no more memory than one folded at start-up.
    public mutating func leaveBody(at span: Range<Int>?, in origin: PayloadOrigin) {
        if let stored = origin.storedBody(at: span, title: title) { bodyStorage = .stored(stored) }
    }

    /// The body as kept: text, or where in the journal it is (the snapshot keeps the same form).
    var bodyStorage: IntakeBody {
        _read { yield box.fields.body }
        set { fields.body = newValue }
    }
    public var classification: Classification {
        _read { yield box.fields.classification }
        set { fields.classification = newValue }
    }
    public var category: String? {
        _read { yield box.fields.category }
        set { fields.category = newValue }
    }
    public var subcategory: String? {
        _read { yield box.fields.subcategory }
        set { fields.subcategory = newValue }
    }
    public var location: Location {
        _read { yield box.fields.location }
        set { fields.location = newValue }
    }
    public var incidentDate: String? {
        _read { yield box.fields.incidentDate }
        set { fields.incidentDate = newValue }
    }
    /// Agency id the reporter chose; the report then goes straight to that agency's queue.
    public var agency: String? {
        _read { yield box.fields.agency }
        set { fields.agency = newValue }
    }
    public var reporter: Reporter {
        _read { yield box.fields.reporter }
        set { fields.reporter = newValue }
    }
    public var anonymous: Bool {
        _read { yield box.fields.anonymous }
        set { fields.anonymous = newValue }
    }
    public var confidential: Bool {
        _read { yield box.fields.confidential }
        set { fields.confidential = newValue }
    }
    public var attachments: [Attachment] {
        _read { yield box.fields.attachments }
        set { fields.attachments = newValue }
    }
    public var tags: [String] {
        _read { yield box.fields.tags }
        set { fields.tags = newValue }
    }
    /// Fields the channel sent that we do not know, kept verbatim as JSON text per field.
    public var extra: [String: String] {
        _read { yield box.fields.extra }
        set { fields.extra = newValue }
    }

    public static func == (a: Intake, b: Intake) -> Bool { a.box === b.box || a.box.fields == b.box.fields }

    public func hash(into hasher: inout Hasher) { box.fields.hash(into: &hasher) }

    public init(externalID: String? = nil, channel: Channel, receivedAt: Date, title: String? = nil, body: String,
                classification: Classification = .pengaduan, category: String? = nil, subcategory: String? = nil,
                location: Location = Location(), incidentDate: String? = nil, agency: String? = nil,
                reporter: Reporter = Reporter(), anonymous: Bool = false, confidential: Bool = false,
                attachments: [Attachment] = [], tags: [String] = [], extra: [String: String] = [:]) {
        box = Box(Fields(
            externalID: externalID, channel: channel, receivedAt: receivedAt, title: title, body: .text(body),
            classification: classification, category: category, subcategory: subcategory, location: location,
            incidentDate: incidentDate, agency: agency, reporter: reporter, anonymous: anonymous,
            confidential: confidential, attachments: attachments, tags: tags, extra: extra))
    }

    /// An intake whose fields `read` fills in place, starting from `Fields.unread`; nil when it says it could
    /// not. For `WrittenPayloadReader.intake`: read into a record and then handed to the member-by-member
    /// initializer, every field was copied once more (the location's and reporter's strings retained, then
    /// released), about 900 instructions per report of a start-up.
    init?(readingFields read: (inout Fields) -> Bool) {
        let box = Box(.unread)
        guard read(&box.fields) else { return nil }
        self.box = box
    }

    /// Title shown when the channel sent none: the first line of the body with text on it (QA: a body that
    /// opened with a blank line of spaces was untitled), cut at a word near 80 characters. Reads only as far
    /// as that line: a body can be megabytes.
    public static func derivedTitle(from body: String) -> String {
        var rest = body[...]
        var trimmed = ""
        while !rest.isEmpty, trimmed.isEmpty {
            let end = rest.firstIndex(where: \.isNewline) ?? rest.endIndex
            trimmed = rest[..<end].trimmingCharacters(in: .whitespaces)
            rest = end < rest.endIndex ? rest[rest.index(after: end)...] : rest[end...]
        }
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
