import Foundation

/// A receipt's payload read straight from its bytes, when it is laid out as this program writes one
/// (`EventPayloadBytes.intake`): members in that order, no whitespace, no `null`, no attachments and no
/// `extra` members. Start-up reads one per report, and building a tape of some fifty nodes for it, then
/// searching the tape's members, was about a tenth of a cold start's instructions.
///
/// Anything else (another order, a space, an unknown member, a value of the wrong kind, a missing one)
/// makes `read` answer nil, and the tape reads the payload with every rule and message. What `read`
/// accepts, the tape accepts too and reads to the same intake: strings are checked by the tape's own
/// `PayloadTape.scanString`, decoded by `decodeString`, and words shared by `PayloadTape.word`
/// (`IntakeFastReaderTests` compare both readers on generated, hostile and damaged payloads).
struct IntakeFastReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var i = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The intake of the `report.received` payload `payload`, or nil when the tape must read it. With
    /// `origin`, a long body is left in the journal by the rule the tape's reader follows.
    static func read(_ payload: UnsafeBufferPointer<UInt8>, origin: PayloadOrigin?) -> Intake? {
        var reader = IntakeFastReader(payload)
        return reader.intake(origin: origin)
    }

    /// The members of an intake in the order they are written, each as the bytes that open it (`"name":`);
    /// `Location` and `Reporter` likewise.
    private static let members = openings([
        "agency", "anonymous", "attachments", "body", "category", "channel", "classification", "confidential",
        "external_id", "extra", "incident_date", "location", "received_at", "reporter", "subcategory", "tags", "title",
    ])
    private static let locationMembers = openings(["detail", "district", "province", "regency"])
    private static let reporterMembers = openings(["email", "groups", "name", "nik", "phone"])

    private static func openings(_ names: [String]) -> [[UInt8]] { names.map { Array("\"\($0)\":".utf8) } }

    /// A string value: where it is (quotes included) and whether it holds an escape.
    private struct Text {
        var start: Int
        var end: Int
        var escaped: Bool
    }

    private mutating func intake(origin: PayloadOrigin?) -> Intake? {
        guard literal("{\"intake\":{") else { return nil }
        var agency: String?, category: String?, subcategory: String?, externalID: String?, incidentDate: String?
        var title: String?
        var anonymous = false, confidential = false
        var channel: Channel?, classification = Classification.pengaduan
        var body: Text?, receivedAt: Text?
        var location = Location(), reporter = Reporter()
        var tags: [String] = []
        var next = 0
        guard peek != UInt8(ascii: "}") else { return nil }
        repeat {
            guard let member = member(among: IntakeFastReader.members, from: &next) else { return nil }
            switch member {
            case 0: guard let w = word() else { return nil }; agency = w
            case 1: guard let b = bool() else { return nil }; anonymous = b
            case 2: guard literal("[]") else { return nil }
            case 3: guard let t = text() else { return nil }; body = t
            case 4: guard let w = word() else { return nil }; category = w
            case 5:
                guard let t = text(), !t.escaped, let c = Channel.rawValueBytes.find(inner(t)) else { return nil }
                channel = c
            case 6:
                guard let t = text(), !t.escaped, let c = Classification.rawValueBytes.find(inner(t)) else { return nil }
                classification = c
            case 7: guard let b = bool() else { return nil }; confidential = b
            case 8: guard let s = string() else { return nil }; externalID = s
            case 9: guard literal("{}") else { return nil }
            case 10: guard let s = string() else { return nil }; incidentDate = s
            case 11: guard let l = readLocation() else { return nil }; location = l
            case 12: guard let t = text() else { return nil }; receivedAt = t
            case 13: guard let r = readReporter() else { return nil }; reporter = r
            case 14: guard let w = word() else { return nil }; subcategory = w
            case 15: guard let w = words() else { return nil }; tags = w
            default: guard let s = string() else { return nil }; title = s
            }
        } while literal(",")
        guard literal("}}"), i == bytes.count, let channel, let body, let receivedAt,
              let received = ISOTime.parse(decode(receivedAt)) else { return nil }
        let stored = origin?.storedBody(at: body.start..<body.end, title: title)
        var intake = Intake(externalID: externalID, channel: channel, receivedAt: received, title: title,
                            body: stored == nil ? decode(body) : "", classification: classification, category: category,
                            subcategory: subcategory, location: location, incidentDate: incidentDate, agency: agency,
                            reporter: reporter, anonymous: anonymous, confidential: confidential, tags: tags)
        if let stored { intake.bodyStorage = .stored(stored) }
        return intake
    }

    private mutating func readLocation() -> Location? {
        guard literal("{") else { return nil }
        var location = Location()
        if literal("}") { return location }
        var next = 0
        repeat {
            guard let member = member(among: IntakeFastReader.locationMembers, from: &next) else { return nil }
            switch member {
            case 0: guard let s = string() else { return nil }; location.detail = s
            case 1: guard let w = word() else { return nil }; location.district = w
            case 2: guard let w = word() else { return nil }; location.province = w
            default: guard let w = word() else { return nil }; location.regency = w
            }
        } while literal(",")
        return literal("}") ? location : nil
    }

    private mutating func readReporter() -> Reporter? {
        guard literal("{") else { return nil }
        var reporter = Reporter()
        if literal("}") { return reporter }
        var next = 0
        repeat {
            guard let member = member(among: IntakeFastReader.reporterMembers, from: &next) else { return nil }
            switch member {
            case 0: guard let s = string() else { return nil }; reporter.email = s
            case 1: guard let g = groups() else { return nil }; reporter.groups = g
            case 2: guard let s = string() else { return nil }; reporter.name = s
            case 3: guard let s = string() else { return nil }; reporter.nik = s
            default: guard let s = string() else { return nil }; reporter.phone = s
            }
        } while literal(",")
        return literal("}") ? reporter : nil
    }

    // MARK: - Members and values

    /// The next member's name and colon, found among `openings` at `next` or after (then `next` moves past
    /// it) by comparing the bytes as written: no string scan per name. Nil for a name not found there (out
    /// of order, repeated, unknown, escaped or spaced): the tape reads those.
    private mutating func member(among openings: [[UInt8]], from next: inout Int) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let rest = bytes.count - i
        for k in next..<openings.count {
            let found = openings[k].withUnsafeBufferPointer { o in o.count <= rest && memcmp(o.baseAddress!, base + i, o.count) == 0 }
            guard found else { continue }
            i += openings[k].count
            next = k + 1
            return k
        }
        return nil
    }

    private mutating func text() -> Text? {
        guard peek == UInt8(ascii: "\"") else { return nil }
        let start = i
        guard let escaped = PayloadTape.scanString(bytes, &i) else { return nil }
        return Text(start: start, end: i, escaped: escaped)
    }

    private func inner(_ t: Text) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[(t.start + 1)..<(t.end - 1)])
    }

    private func decode(_ t: Text) -> String { PayloadTape.decodeString(inner(t), escaped: t.escaped) }

    private mutating func string() -> String? { text().map(decode) }

    private mutating func word() -> String? {
        guard let t = text() else { return nil }
        return PayloadTape.word(inner(t), escaped: t.escaped)
    }

    private mutating func bool() -> Bool? {
        if literal("true") { return true }
        if literal("false") { return false }
        return nil
    }

    /// An array of words (tags).
    private mutating func words() -> [String]? {
        guard literal("[") else { return nil }
        var out: [String] = []
        if literal("]") { return out }
        repeat {
            guard let w = word() else { return nil }
            out.append(w)
        } while literal(",")
        return literal("]") ? out : nil
    }

    private mutating func groups() -> [ReporterGroup]? {
        guard literal("[") else { return nil }
        var out: [ReporterGroup] = []
        if literal("]") { return out }
        repeat {
            guard let s = string(), let g = ReporterGroup(rawValue: s) else { return nil }
            out.append(g)
        } while literal(",")
        return literal("]") ? out : nil
    }

    // MARK: - Bytes

    private var peek: UInt8? { i < bytes.count ? bytes[i] : nil }

    /// Consumes `text` when the bytes at `i` are exactly it.
    private mutating func literal(_ text: StaticString) -> Bool {
        let n = text.utf8CodeUnitCount
        guard bytes.count - i >= n, let base = bytes.baseAddress else { return false }
        if n == 1 {
            guard base[i] == text.utf8Start.pointee else { return false }
        } else if memcmp(base + i, text.utf8Start, n) != 0 {
            return false
        }
        i += n
        return true
    }
}
