/// One theme file as written, before inheritance is applied: what it says and on which line, so
/// problems found while resolving (an unknown palette name in an inherited role) still point at
/// the right file and line.
public struct ThemeDefinition: Hashable, Sendable {
    /// The theme's name: its file name without `.toml` (what settings and `inherits` refer to).
    public let name: String
    /// The file name given to the parser, used in error messages.
    public let fileName: String
    /// A line for theme pickers ("Gelap (bawaan)").
    public let description: String?
    /// The theme this one completes; nil only for `default`, which is complete by itself.
    public let parent: String?
    /// Line of `inherits` (0 when the parent is implied).
    public let parentLine: Int
    /// `[palette]`: colour names this theme defines.
    public let palette: [String: PaletteEntry]
    /// `[roles]`: looks this theme defines, keyed by dotted role name.
    public let roles: [String: RoleEntry]

    public init(name: String, fileName: String, description: String?, parent: String?, parentLine: Int,
                palette: [String: PaletteEntry], roles: [String: RoleEntry]) {
        self.name = name
        self.fileName = fileName
        self.description = description
        self.parent = parent
        self.parentLine = parentLine
        self.palette = palette
        self.roles = roles
    }
}

/// A named colour in a theme's `[palette]`.
public struct PaletteEntry: Hashable, Sendable {
    public let color: TerminalColor
    public let line: Int

    public init(color: TerminalColor, line: Int) {
        self.color = color
        self.line = line
    }
}

/// How a theme file styles one role. A missing `fg`/`bg` means the theme's base colour (the
/// `plain` role's), so roles only name what makes them different; a missing attribute is off.
/// An entry replaces an inherited entry for the same role as a whole (no attribute merging), so
/// what a file says for a role is exactly how that role looks.
public struct RoleEntry: Hashable, Sendable {
    public var foreground: ThemeColor?
    public var background: ThemeColor?
    public var bold = false
    public var underline = false
    public var reverse = false
    public var dim = false
    public var italic = false
    /// Where the entry was written (for errors found while resolving).
    public var file: String
    public var line: Int

    public init(foreground: ThemeColor? = nil, background: ThemeColor? = nil, file: String, line: Int) {
        self.foreground = foreground
        self.background = background
        self.file = file
        self.line = line
    }
}
