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

/// An actor compared by the exact bytes of its strings rather than by Swift's Unicode equivalence: the
/// journal is the record, and two spellings Unicode calls equal ("é" as one scalar, or "e" and a combining
/// accent) are each shown as written. Keys the process's actor table (`ActorTable`: every trail entry,
/// start-up's decoding cores, the projection snapshot), so which spelling a history shows never depends on
/// which line, or which core, came first.
public struct ExactActor: Hashable, Sendable {
    public let actor: Actor

    public init(_ actor: Actor) { self.actor = actor }

    public static func == (a: ExactActor, b: ExactActor) -> Bool {
        a.actor.role == b.actor.role && same(a.actor.name, b.actor.name) && same(a.actor.agency, b.actor.agency)
            && same(a.actor.unit, b.actor.unit) && same(a.actor.osUser, b.actor.osUser)
    }

    public func hash(into h: inout Hasher) {
        h.combine(actor.role)
        // Field by field, not through an array of the four: no allocation per hash.
        ExactActor.combine(actor.name, into: &h)
        ExactActor.combine(actor.agency, into: &h)
        ExactActor.combine(actor.unit, into: &h)
        ExactActor.combine(actor.osUser, into: &h)
    }

    private static func combine(_ text: String?, into h: inout Hasher) {
        guard var text else {
            h.combine(-1)
            return
        }
        h.combine(text.utf8.count)
        text.withUTF8 { h.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    private static func same(_ a: String?, _ b: String?) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case let (a?, b?): ByteScan.sameBytes(a, b)
        default: false
        }
    }
}
