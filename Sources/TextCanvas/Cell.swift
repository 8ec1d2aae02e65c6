/// One terminal cell: a grapheme cluster and the role it is drawn with.
///
/// A wide character occupies two cells: the first holds the character, the second is a
/// *continuation* with empty `text`, so every column of the grid is accounted for.
public struct Cell: Hashable, Sendable {
    /// One grapheme cluster (already sanitized), or "" for the right half of a wide character.
    public var text: String
    /// What the cell means; the theme decides how it looks.
    public var role: StyleRole

    public init(text: String, role: StyleRole) {
        self.text = text
        self.role = role
    }

    /// A blank cell in the given role.
    public static func blank(_ role: StyleRole = .plain) -> Cell { Cell(text: " ", role: role) }

    /// True for the right half of a wide character.
    public var isContinuation: Bool { text.isEmpty }
}
