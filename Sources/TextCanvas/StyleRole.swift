/// What a cell *means* ("inbox.selected", "badge.overdue", "flag.rahasia"), never what colour it is.
///
/// Screens are rendered with roles so snapshots stay stable when a theme changes; the terminal
/// backend maps roles to colours and attributes at the very edge.
public struct StyleRole: Hashable, Sendable, Comparable, CustomStringConvertible,
    ExpressibleByStringLiteral {
    /// Dotted role name, e.g. `inbox.selected`.
    public let name: String

    /// Makes a role from its dotted name.
    public init(_ name: String) { self.name = name }

    /// Allows `let role: StyleRole = "badge.overdue"`.
    public init(stringLiteral value: String) { self.name = value }

    /// Plain text on the terminal's own colours; omitted from style snapshots to keep them short.
    public static let plain = StyleRole("plain")

    /// The role one level up (`inbox.selected` → `inbox`), so themes can fall back to a family.
    public var parent: StyleRole? {
        guard let dot = name.lastIndex(of: ".") else { return nil }
        return StyleRole(String(name[..<dot]))
    }

    public var description: String { name }

    public static func < (lhs: StyleRole, rhs: StyleRole) -> Bool { lhs.name < rhs.name }
}
