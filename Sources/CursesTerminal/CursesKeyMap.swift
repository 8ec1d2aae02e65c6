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

    /// The key for a CSI sequence (`ESC [ parameters final`) that terminfo did not describe, such as
    /// normal-mode arrows or modified keys (`ESC [ 1 ; 5 A` is Ctrl+Up, reported as Up). Unknown
    /// sequences give nil and are dropped, so their letters never leak in as typed keys.
    public static func csiKey(parameters: String, final: UInt32) -> Key? {
        let first = parameters.split(separator: ";").first.flatMap { Int($0) }
        switch final {
        case 0x41: return .up  // A
        case 0x42: return .down  // B
        case 0x43: return .right  // C
        case 0x44: return .left  // D
        case 0x48: return .home  // H
        case 0x46: return .end  // F
        case 0x5A: return .backTab  // Z
        case 0x50...0x53: return .f(Int(final - 0x50) + 1)  // P Q R S: F1-F4 with modifiers
        case 0x7E:  // ~
            switch first {
            case 1, 7: return .home
            case 2: return .insert
            case 3: return .delete
            case 4, 8: return .end
            case 5: return .pageUp
            case 6: return .pageDown
            case .some(let n) where (11...15).contains(n): return .f(n - 10)
            case .some(let n) where (17...21).contains(n): return .f(n - 11)
            case .some(let n) where (23...24).contains(n): return .f(n - 12)
            default: return nil
            }
        default:
            return nil
        }
    }

    /// The key for an SS3 sequence (`ESC O final`) terminfo did not describe.
    public static func ss3Key(final: UInt32) -> Key? {
        switch final {
        case 0x41: return .up
        case 0x42: return .down
        case 0x43: return .right
        case 0x44: return .left
        case 0x48: return .home
        case 0x46: return .end
        case 0x4D: return .enter  // keypad Enter
        case 0x50...0x53: return .f(Int(final - 0x50) + 1)
        default: return nil
        }
    }

    /// The key for an ncurses extended key name (from `keyname`), e.g. `kRIT5` (Ctrl+Right) or
    /// `kDN3` (Alt+Down). Modifiers are dropped: the console binds plain keys.
    public static func extendedKey(named name: String) -> Key? {
        let base = String(name.reversed().drop(while: { $0.isNumber }).reversed())
        switch base {
        case "kUP": return .up
        case "kDN": return .down
        case "kLFT": return .left
        case "kRIT": return .right
        case "kHOM": return .home
        case "kEND": return .end
        case "kPRV": return .pageUp
        case "kNXT": return .pageDown
        case "kDC": return .delete
        case "kIC": return .insert
        default: return nil
        }
    }
}
