import TextCanvas

/// A theme with inheritance applied and every colour name looked up: the table a
/// `TerminalPalette` is made from.
public struct ResolvedTheme: Hashable, Sendable {
    public let name: String
    public let description: String?
    /// The `plain` role: unstyled cells, and the colours an entry without `fg`/`bg` gets.
    public let base: ResolvedStyle
    /// Every role the theme (or a theme it inherits) styles. Roles missing here fall back to
    /// their parent role, then to `base` (see `TerminalPalette.style(for:)`).
    public let styles: [StyleRole: ResolvedStyle]

    public init(name: String, description: String?, base: ResolvedStyle, styles: [StyleRole: ResolvedStyle]) {
        self.name = name
        self.description = description
        self.base = base
        self.styles = styles
    }

    /// The palette the terminal backend draws with, in full colour.
    public var palette: TerminalPalette { TerminalPalette(styles: styles, fallback: base) }

    /// The palette for a terminal of `depth`: what the console should draw with.
    ///
    /// - `.indexed256`: the full palette.
    /// - `.sixteen`, `.eight`: every colour is mapped here to the nearest of the terminal's 16 or 8
    ///   colours (by RGB, so a mid grey becomes white or black rather than "bright black", which
    ///   8-colour terminals show as black), and a foreground that lands on its own background is
    ///   replaced by black or white, whichever contrasts; text never vanishes on small palettes.
    /// - `.monochrome`: the backend shows any style with a background colour in reverse video. A
    ///   theme that paints its own base background would then turn the whole screen reverse and
    ///   lose the difference between a row and the selected row; so the base background counts as
    ///   "no background" here and only real highlights (selection, badges, title bar) are reversed.
    public func palette(for depth: ColorDepth) -> TerminalPalette {
        switch depth {
        case .indexed256:
            return palette
        case .sixteen, .eight:
            let mapper = SmallPaletteMapper(size: depth.rawValue)
            return TerminalPalette(styles: styles.mapValues(mapper.map), fallback: mapper.map(base))
        case .monochrome:
            let baseBackground = base.background
            func strip(_ style: ResolvedStyle) -> ResolvedStyle {
                var stripped = style
                stripped.foreground = .terminalDefault
                if stripped.background == baseBackground { stripped.background = .terminalDefault }
                return stripped
            }
            return TerminalPalette(styles: styles.mapValues(strip), fallback: strip(base))
        }
    }

    /// How `role` looks in full colour (with parent-role and base fallback).
    public func style(for role: StyleRole) -> ResolvedStyle { palette.style(for: role) }
}
