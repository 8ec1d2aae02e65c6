/// A mouse report, reduced to what a list-based console needs.
public struct MouseEvent: Hashable, Sendable {
    public enum Button: Hashable, Sendable {
        case left, middle, right, scrollUp, scrollDown, other
    }

    public var button: Button
    public var at: Point

    public init(button: Button, at: Point) {
        self.button = button
        self.at = at
    }
}

/// A key press, independent of any terminal library, so key tables, the reducer and tests never
/// see curses codes. Each key has a stable textual `name` used in key-binding files, the help
/// screen and the presenter strip.
public enum Key: Hashable, Sendable, CustomStringConvertible {
    /// A printable character (already a whole grapheme cluster). Space is `.char(" ")`.
    case char(Character)
    case enter, escape, tab, backTab, backspace, delete, insert
    case up, down, left, right, home, end, pageUp, pageDown
    /// Function key F1…F63.
    case f(Int)
    /// Control plus a character, normalized to lowercase: `ctrl("c")` is C-c. C-@ / C-Space is
    /// `ctrl(" ")`.
    case ctrl(Character)
    /// Alt (Meta) plus a character: `alt("x")` is M-x.
    case alt(Character)
    /// The terminal changed size; read the new size from the device.
    case resize
    case mouse(MouseEvent)
    /// Text pasted in one go (bracketed paste), to be inserted literally, never run as keys.
    case paste(String)

    /// Stable name: `j`, `J`, `Space`, `Enter`, `Esc`, `Tab`, `S-Tab`, `Backspace`, `Delete`,
    /// `Insert`, `Up`, `Down`, `Left`, `Right`, `Home`, `End`, `PgUp`, `PgDn`, `F5`, `C-c`, `M-x`,
    /// `Resize`, `Mouse`, `Paste`.
    public var name: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Delete"
        case .insert: return "Insert"
        case .up: return "Up"
        case .down: return "Down"
        case .left: return "Left"
        case .right: return "Right"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .f(let n): return "F\(n)"
        case .ctrl(" "): return "C-Space"
        case .ctrl(let c): return "C-\(c)"
        case .alt(" "): return "M-Space"
        case .alt(let c): return "M-\(c)"
        case .resize: return "Resize"
        case .mouse: return "Mouse"
        case .paste: return "Paste"
        }
    }

    public var description: String { name }

    /// The key as screens show it: the arrow keys as arrows, as on the keycaps, in either language (QA: "Right"
    /// and "Down" in the Indonesian console); every other key by `name`, which key tables also use.
    public var shownName: String {
        switch self {
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        default: name
        }
    }

    /// Parses a key name as written in key tables. Accepts `name`'s spellings plus common aliases
    /// (`Escape`, `Return`, `BSpace`, `BTab`, `Del`, `Ins`, `PageUp`, `PageDown`, `PPage`, `NPage`,
    /// `Ctrl-c`, `^C`, `Alt-x`) case-insensitively for named keys. Returns nil for unknown names.
    public init?(name: String) {
        if name.count == 1, let c = name.first {
            self = .char(c)
            return
        }
        let lower = name.lowercased()
        if let named = Key.namedKeys[lower] {
            self = named
            return
        }
        for prefix in ["c-", "ctrl-", "ctrl+"] where lower.hasPrefix(prefix) {
            let rest = String(name.dropFirst(prefix.count))
            guard let c = Key.single(rest) else { return nil }
            self = .ctrl(Character(c.lowercased()))
            return
        }
        if lower.hasPrefix("^"), let c = Key.single(String(name.dropFirst())) {
            self = .ctrl(Character(c.lowercased()))
            return
        }
        for prefix in ["m-", "alt-", "alt+", "meta-"] where lower.hasPrefix(prefix) {
            guard let c = Key.single(String(name.dropFirst(prefix.count))) else { return nil }
            self = .alt(c)
            return
        }
        if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...63).contains(n) {
            self = .f(n)
            return
        }
        return nil
    }

    /// Maps a raw character code as a terminal delivers it (C0 controls, DEL, printable scalars) to
    /// a key, so every backend agrees on what Ctrl combinations mean. Returns nil for codes that are
    /// not a key (C1 controls, surrogates).
    public static func fromCharacterCode(_ code: UInt32) -> Key? {
        switch code {
        case 0x00: return .ctrl(" ")
        case 0x08, 0x7F: return .backspace
        case 0x09: return .tab
        case 0x0A, 0x0D: return .enter
        case 0x1B: return .escape
        case 0x01...0x1A:
            return .ctrl(Character(Unicode.Scalar(code + 0x60) ?? "?"))
        case 0x1C: return .ctrl("\\")
        case 0x1D: return .ctrl("]")
        case 0x1E: return .ctrl("^")
        case 0x1F: return .ctrl("_")
        case 0x80..<0xA0: return nil
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .char(Character(scalar))
        }
    }

    private static func single(_ text: String) -> Character? {
        if text.lowercased() == "space" { return " " }
        return text.count == 1 ? text.first : nil
    }

    private static let namedKeys: [String: Key] = [
        "space": .char(" "), "enter": .enter, "return": .enter, "ret": .enter,
        "esc": .escape, "escape": .escape, "tab": .tab, "s-tab": .backTab, "btab": .backTab,
        "backtab": .backTab, "backspace": .backspace, "bspace": .backspace, "bs": .backspace,
        "delete": .delete, "del": .delete, "dc": .delete, "insert": .insert, "ins": .insert,
        "ic": .insert, "up": .up, "down": .down, "left": .left, "right": .right, "home": .home,
        "end": .end, "pgup": .pageUp, "pageup": .pageUp, "ppage": .pageUp, "pgdn": .pageDown,
        "pagedown": .pageDown, "npage": .pageDown, "resize": .resize,
    ]
}
