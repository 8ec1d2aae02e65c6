/// Console roles (domain.md "People and roles"). Each role sees and may do a different part of the work.
public enum Role: String, CaseIterable, Codable, Sendable, Hashable {
    case adminNasional = "admin-nasional"
    case adminInstansi = "admin-instansi"
    case penghubung
    case pengamat
    /// The desk itself (auto-close and other deadline-driven events); never a console user.
    case sistem

    public var label: Localized {
        switch self {
        case .adminNasional: Localized("Admin Nasional", en: "National admin")
        case .adminInstansi: Localized("Admin Instansi", en: "Agency admin")
        case .penghubung: Localized("Penghubung", en: "Liaison officer")
        case .pengamat: Localized("Pengamat", en: "Observer")
        case .sistem: Localized("Sistem", en: "System")
        }
    }
}

/// Who acts: a name from the desk's roster plus a role and, for agency roles, the agency (and unit).
/// Every event records it.
public struct Operator: Sendable, Hashable {
    public var name: String
    public var role: Role
    public var agency: String?
    public var unit: String?
    /// Human name for screens; defaults to `name`.
    public var displayName: String?

    public init(name: String, role: Role, agency: String? = nil, unit: String? = nil, displayName: String? = nil) {
        self.name = name
        self.role = role
        self.agency = agency
        self.unit = unit
        self.displayName = displayName
    }

    /// The actor of deadline-driven events such as auto-close.
    public static let system = Operator(name: "sistem", role: .sistem)

    public var shownName: String { displayName ?? name }
}

/// An operator as recorded on an event, with the operating-system user that ran the program.
public struct Actor: Sendable, Hashable {
    public var name: String
    public var role: Role
    public var agency: String?
    public var unit: String?
    public var osUser: String?

    public init(name: String, role: Role, agency: String? = nil, unit: String? = nil, osUser: String? = nil) {
        self.name = name
        self.role = role
        self.agency = agency
        self.unit = unit
        self.osUser = osUser
    }

    public init(_ op: Operator, osUser: String? = nil) {
        self.init(name: op.name, role: op.role, agency: op.agency, unit: op.unit, osUser: osUser)
    }
}
