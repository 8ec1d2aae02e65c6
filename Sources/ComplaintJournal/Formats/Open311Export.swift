import Complaints
import Foundation

extension ReportExport {
    /// Open311 GeoReport v2 service requests (formats.md §4), as a JSON array on one line. Reporter identity
    /// never appears in this format, and confidential or deleted reports are left out entirely. `public`
    /// also leaves the address detail out (see `intakeObject`).
    public func open311(_ reports: [Report], public isPublic: Bool = false) throws(UnreadableBody) -> String {
        var items: [JSONValue] = []
        for r in reports where ReportExport.isPublishable(r) { items.append(try open311Object(r, public: isPublic)) }
        return JSONValue.array(items).compactText
    }

    /// One service request.
    public func open311Object(_ r: Report, public isPublic: Bool = false) throws(UnreadableBody) -> JSONValue {
        let l = r.location
        let address = [isPublic ? nil : l.detail, l.district, l.regency, l.province].compactMap { $0 }.filter { !$0.isEmpty }
        return .object([
            "service_request_id": .string(r.id.rawValue),
            "status": .string(r.status.isOpen ? "open" : "closed"),
            "status_notes": .string(ReportExport.statusNotes(r)),
            "service_name": .optional(r.category),
            "service_code": .optional(r.category.map(ReportExport.slug)),
            "description": .string(try ReportExport.body(of: r.intake, report: r.id)),
            "agency_responsible": .optional(r.agency),
            "requested_datetime": time(r.receivedAt),
            "updated_datetime": time(r.lastChanged),
            "expected_datetime": time(deadlines.runningDue(of: r)),
            "address": address.isEmpty ? .null : .string(address.joined(separator: ", ")),
        ])
    }

    /// The latest public follow-up or reply, else the status label the reporter would see.
    static func statusNotes(_ r: Report) -> String {
        for e in r.trail.reversed() {
            switch e.event {
            case let .followedUp(text, _), let .replyPosted(text): return text
            default: continue
            }
        }
        return r.status.label.id
    }

    /// `Pekerjaan Umum dan Penataan Ruang` → `pekerjaan-umum-dan-penataan-ruang`: a stable ASCII code.
    public static func slug(_ text: String) -> String {
        var out = ""
        var dash = false
        for ch in text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).unicodeScalars {
            if ch.isASCII, ch.properties.isAlphabetic || ("0"..."9").contains(ch) {
                if dash && !out.isEmpty { out += "-" }
                out.unicodeScalars.append(ch)
                dash = false
            } else {
                dash = true
            }
        }
        return out.isEmpty ? "lainnya" : out
    }
}
