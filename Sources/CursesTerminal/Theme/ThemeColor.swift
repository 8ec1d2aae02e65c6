/// A colour as a role in a theme file names it: literally, or by a name that is looked up only
/// when the theme is resolved, so a theme that redefines `bg` in its `[palette]` recolours every
/// inherited role that says `bg`.
public enum ThemeColor: Hashable, Sendable {
    /// `#rrggbb`, a palette index 0–255 or `default` (the terminal's own colour).
    case literal(TerminalColor)
    /// A `[palette]` name (this theme's or an ancestor's) or, failing that, a colour name.
    case named(String)
}

/// The colour words theme files accept, and the reading of literal colours.
enum ThemeColorSyntax {
    /// The 16 classic terminal colours by name; the first 8 are also what 8-colour terminals have.
    static let colourNames: [String: Int] = [
        "black": 0, "red": 1, "green": 2, "yellow": 3, "blue": 4, "magenta": 5, "cyan": 6, "white": 7,
        "bright-black": 8, "bright-red": 9, "bright-green": 10, "bright-yellow": 11, "bright-blue": 12,
        "bright-magenta": 13, "bright-cyan": 14, "bright-white": 15,
    ]

    static let expectation = "use \"#rrggbb\", 0–255, a colour name like \"bright-blue\", or \"default\""

    /// A colour from a palette entry: literal forms and colour names only (a palette entry may not
    /// point at another palette entry, so there is nothing to chase and no cycle to detect).
    static func paletteColour(_ text: String) -> Result<TerminalColor, ColourProblem> {
        if text.hasPrefix("#") { return hex(text) }
        if text == "default" { return .success(.terminalDefault) }
        if let index = colourNames[text] { return .success(.indexed(index)) }
        return .failure(ColourProblem("bad colour \"\(text)\" (\(expectation))"))
    }

    /// A colour from a role's `fg`/`bg`: a literal, or a name resolved later against the palette.
    static func roleColour(_ text: String) -> Result<ThemeColor, ColourProblem> {
        if text.hasPrefix("#") { return hex(text).map(ThemeColor.literal) }
        if text == "default" { return .success(.literal(.terminalDefault)) }
        if text.isEmpty { return .failure(ColourProblem("bad colour \"\" (\(expectation))")) }
        return .success(.named(text))
    }

    /// A palette index written as a TOML integer.
    static func index(_ value: Int) -> Result<TerminalColor, ColourProblem> {
        guard (0...255).contains(value) else { return .failure(ColourProblem("bad colour \(value) (palette index must be 0–255)")) }
        return .success(.indexed(value))
    }

    /// `#rrggbb` (either case).
    static func hex(_ text: String) -> Result<TerminalColor, ColourProblem> {
        let digits = Array(text.utf8.dropFirst())
        guard digits.count == 6 else { return .failure(ColourProblem("bad colour \"\(text)\" (expected #rrggbb)")) }
        var channels: [UInt8] = []
        for pair in stride(from: 0, to: 6, by: 2) {
            guard let high = hexValue(digits[pair]), let low = hexValue(digits[pair + 1]) else {
                return .failure(ColourProblem("bad colour \"\(text)\" (expected #rrggbb with hex digits 0-9, a-f)"))
            }
            channels.append(high << 4 | low)
        }
        return .success(.rgb(channels[0], channels[1], channels[2]))
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: return byte - 0x30
        case 0x41...0x46: return byte - 0x41 + 10
        case 0x61...0x66: return byte - 0x61 + 10
        default: return nil
        }
    }
}

/// Why a colour was refused (a `Result` failure needs an `Error`).
struct ColourProblem: Error {
    let reason: String

    init(_ reason: String) {
        self.reason = reason
    }
}
