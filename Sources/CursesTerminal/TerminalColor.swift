/// A colour as a theme names it; degraded to what the terminal can show at the edge.
public enum TerminalColor: Hashable, Sendable {
    /// The terminal's own foreground or background (works with `use_default_colors`).
    case terminalDefault
    /// A palette index 0–255 (0–7 classic, 8–15 bright, 16–231 cube, 232–255 greys).
    case indexed(Int)
    /// A true colour, mapped to the nearest palette entry the terminal has.
    case rgb(UInt8, UInt8, UInt8)
}

/// How a style role looks: colours plus attributes. Themes resolve every role to one of these.
public struct ResolvedStyle: Hashable, Sendable {
    public var foreground: TerminalColor
    public var background: TerminalColor
    public var bold: Bool
    public var underline: Bool
    public var reverse: Bool
    public var dim: Bool
    public var italic: Bool

    public init(foreground: TerminalColor = .terminalDefault, background: TerminalColor = .terminalDefault,
                bold: Bool = false, underline: Bool = false, reverse: Bool = false, dim: Bool = false,
                italic: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.underline = underline
        self.reverse = reverse
        self.dim = dim
        self.italic = italic
    }

    /// The terminal's own colours, no attributes.
    public static let plain = ResolvedStyle()
}

/// How many colours the terminal can show; decides how styles degrade.
public enum ColorDepth: Int, Hashable, Sendable, Comparable {
    /// No colour (or `NO_COLOR` is set): attributes only.
    case monochrome = 0
    case eight = 8
    case sixteen = 16
    case indexed256 = 256

    /// Depth from the terminal's `COLORS`, forced to monochrome when colour is unavailable or the
    /// user set `NO_COLOR` (https://no-color.org: any non-empty value).
    public static func detect(hasColors: Bool, colors: Int, noColor: Bool) -> ColorDepth {
        guard hasColors, !noColor else { return .monochrome }
        if colors >= 256 { return .indexed256 }
        if colors >= 16 { return .sixteen }
        if colors >= 8 { return .eight }
        return .monochrome
    }

    public static func < (lhs: ColorDepth, rhs: ColorDepth) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The palette index to use for `color` at this depth: -1 for the terminal default; nil in
    /// monochrome (no colour at all).
    public func index(for color: TerminalColor) -> Int? {
        if self == .monochrome { return nil }
        let index256: Int
        switch color {
        case .terminalDefault:
            return -1
        case .indexed(let value):
            index256 = min(max(value, 0), 255)
        case .rgb(let r, let g, let b):
            index256 = XtermPalette.nearest256(r: Int(r), g: Int(g), b: Int(b))
        }
        switch self {
        case .indexed256:
            return index256
        case .sixteen:
            return XtermPalette.nearest16(index256)
        case .eight:
            let index16 = XtermPalette.nearest16(index256)
            return index16 >= 8 ? index16 - 8 : index16
        case .monochrome:
            return nil
        }
    }
}

/// A style reduced to what the terminal can do: palette indices (-1 default) and attributes.
public struct DegradedStyle: Hashable, Sendable {
    public var foreground: Int
    public var background: Int
    public var bold, underline, reverse, dim, italic: Bool

    /// Degrades `style` to `depth`. In monochrome, a style that relied on a background colour (a
    /// selected row, a badge) is shown in reverse video so it stays visible without colour.
    public init(_ style: ResolvedStyle, depth: ColorDepth) {
        bold = style.bold
        underline = style.underline
        reverse = style.reverse
        dim = style.dim
        italic = style.italic
        if let fg = depth.index(for: style.foreground), let bg = depth.index(for: style.background) {
            foreground = fg
            background = bg
        } else {
            foreground = -1
            background = -1
            if style.background != .terminalDefault { reverse = true }
        }
    }
}

/// The standard xterm 256-colour palette, for nearest-colour mapping.
enum XtermPalette {
    /// RGB of the 16 classic colours as xterm defines them.
    static let base16: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205),
        (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255),
        (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]
    static let cubeLevels = [0, 95, 135, 175, 215, 255]

    static func rgb(of index: Int) -> (Int, Int, Int) {
        switch index {
        case 0..<16:
            return base16[index]
        case 16..<232:
            let i = index - 16
            return (cubeLevels[i / 36], cubeLevels[(i / 6) % 6], cubeLevels[i % 6])
        default:
            let level = 8 + 10 * (min(index, 255) - 232)
            return (level, level, level)
        }
    }

    /// Nearest entry in the colour cube or grey ramp (16–255; the first 16 vary between terminals).
    static func nearest256(r: Int, g: Int, b: Int) -> Int {
        var best = 16
        var bestDistance = Int.max
        for index in 16...255 {
            let d = distance(rgb(of: index), (r, g, b))
            if d < bestDistance {
                best = index
                bestDistance = d
            }
        }
        return best
    }

    /// Nearest of the 16 classic colours to palette entry `index`.
    static func nearest16(_ index: Int) -> Int {
        if index < 16 { return max(0, index) }
        let target = rgb(of: index)
        var best = 0
        var bestDistance = Int.max
        for (i, colour) in base16.enumerated() {
            let d = distance(colour, target)
            if d < bestDistance {
                best = i
                bestDistance = d
            }
        }
        return best
    }

    private static func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
        // Weighted for perceived brightness (a cheap "redmean"-like approximation).
        let dr = a.0 - b.0, dg = a.1 - b.1, db = a.2 - b.2
        return 3 * dr * dr + 4 * dg * dg + 2 * db * db
    }
}
