import Complaints
import Foundation
import TextCanvas

extension ConsoleReducer {
    /// Keys pressed inside an overlay or the routing filter. Letters typed into a prompt, form or the routing
    /// filter show as one "mengetik…" per run instead of being echoed (they may be a reporter's personal
    /// data); other keys are logged with the window they went to.
    static func logTypedKey(_ s: inout ConsoleState, _ key: Key) {
        let typingWindow: Bool = switch s.overlay {
        case .prompt, .form, nil: true // nil: the routing pane's filter
        default: false
        }
        let isText: Bool = switch key {
        case .char, .backspace, .delete, .paste: true
        default: false
        }
        if isText && typingWindow {
            if s.keyLog.last?.typing == true { return }
            s.keyLog.append(KeyLogEntry(key: "…", command: Localized("mengetik…", en: "typing…"), typing: true))
            if s.keyLog.count > 16 { s.keyLog.removeFirst(s.keyLog.count - 16) }
            return
        }
        logKey(&s, key, command: nil) // always appends: paste was handled above
        if let label = overlayKeyLabel(s.overlay, key) ?? overlayName(s.overlay), let last = s.keyLog.indices.last {
            s.keyLog[last].command = label
        }
    }

    /// What a key does in a window, for the presenter strip, as the window's own hint row names it (C-s
    /// saves a form); nil when only the window's name fits.
    static func overlayKeyLabel(_ overlay: Overlay?, _ key: Key) -> Localized? {
        guard let overlay else { return nil }
        return Hints.windowKeys(overlay).first { $0.keys.contains(key) }?.label
    }

    static func overlayName(_ overlay: Overlay?) -> Localized? {
        switch overlay {
        case .help: Localized("bantuan", en: "help")
        case .prompt: Localized("perintah", en: "prompt")
        case .form: Localized("formulir", en: "form")
        case .confirm: Localized("konfirmasi", en: "confirm")
        case .menu: Localized("menu", en: "menu")
        case .reports: Localized("laporan meja", en: "desk reports")
        case nil: Localized("rute", en: "routing")
        }
    }
}
