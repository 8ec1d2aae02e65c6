import CNCursesW
import TextCanvas

/// Translates what `wget_wch` returns into terminal-independent `Key`s.
public enum CursesKeyMap {
    /// The key for a `wget_wch` result: `status` is `OK` (a character code) or `KEY_CODE_YES` (a
    /// function key code). Returns nil for codes with no meaning to the console (unknown function
    /// keys, C1 controls) and for `KEY_MOUSE`, which needs `getmouse`.
    public static func key(status: Int32, code: UInt32) -> Key? {
        if status == OK { return Key.fromCharacterCode(code) }
        guard status == KEY_CODE_YES else { return nil }
        return functionKey(Int32(truncatingIfNeeded: code))
    }

    /// Function key codes (`KEY_UP`, `KEY_F(5)`, …) to keys.
    public static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END, KEY_LL: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_IC: return .insert
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case KEY_RESIZE: return .resize
        case KEY_A1: return .home  // keypad corners, as most terminals label them
        case KEY_C1: return .end
        case KEY_A3: return .pageUp
        case KEY_C3: return .pageDown
        default:
            if code > KEY_F0 && code <= lapor_key_f(63) { return .f(Int(code - KEY_F0)) }
            return nil
        }
    }

    /// The Alt combination for ESC followed at once by `next`, or nil when `next` is not a printable
    /// character (then ESC stands alone and `next` is a key of its own).
    public static func altKey(afterEscape next: Key) -> Key? {
        if case .char(let c) = next { return .alt(c) }
        return nil
    }
}
