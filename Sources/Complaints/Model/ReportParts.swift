import Foundation

/// Where the incident happened. Province and regency drive routing.
public struct Location: Sendable, Hashable {
    public var province: String?
    public var regency: String?
    public var district: String?
    public var detail: String?

    public init(province: String? = nil, regency: String? = nil, district: String? = nil, detail: String? = nil) {
        self.province = province
        self.regency = regency
        self.district = district
        self.detail = detail
    }

    /// Most specific region name, for one-line displays.
    public var regionName: String? { regency ?? province }
}

/// The citizen who reported. Hidden from every role but the national desk when the report is *anonim*.
public struct Reporter: Sendable, Hashable {
    public var name: String?
    public var nik: String?
    public var phone: String?
    public var email: String?
    public var groups: [ReporterGroup]

    /// A national id number as intake accepts it: exactly 16 ASCII digits. A NIK with spaces, a letter or
    /// a digit missing is a typing mistake that would make the reporter unfindable: refused like any bad value.
    public static func isNIK(_ text: String) -> Bool {
        text.utf8.count == 16 && text.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    public init(name: String? = nil, nik: String? = nil, phone: String? = nil, email: String? = nil,
                groups: [ReporterGroup] = []) {
        self.name = name
        self.nik = nik
        self.phone = phone
        self.email = email
        self.groups = groups
    }

    public var isEmpty: Bool { name == nil && nik == nil && phone == nil && email == nil }
}

/// A file the reporter sent, by name and content reference (the desk does not store the bytes).
public struct Attachment: Sendable, Hashable {
    public var name: String
    public var ref: String?

    public init(name: String, ref: String? = nil) {
        self.name = name
        self.ref = ref
    }
}
