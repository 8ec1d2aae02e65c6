import Complaints
import TextCanvas

/// The key hints on the bottom line, taken from the live key table for the focused pane, or from the
/// window's own key list when a window is open.
enum Hints {
    /// One key (or a few keys with one meaning) of a window, as the hint row and the presenter strip name it.
    struct WindowKey {
        let keys: [Key]
        /// As the hint row writes the keys ("C-s/F2"); "abc" stands for typing.
        let name: String
        let label: Localized
        /// False for keys the presenter strip names but the short hint row leaves out.
        var shown = true
    }

    /// The keys of an open window, in hint-row order.
    static func windowKeys(_ overlay: Overlay) -> [WindowKey] {
        switch overlay {
        case .help:
            return [WindowKey(keys: [.escape], name: "Esc", label: Localized("tutup", en: "close")),
                    WindowKey(keys: [.char("j"), .char("k"), .down, .up], name: "j/k", label: Localized("gulir", en: "scroll")),
                    WindowKey(keys: [.pageDown, .pageUp, .char(" "), .ctrl("d"), .ctrl("u")], name: "PgDn/PgUp", label: Localized("halaman", en: "page")),
                    WindowKey(keys: [.char("g"), .char("G"), .home, .end], name: "g/G", label: Localized("awal/akhir", en: "top/end"))]
        case let .prompt(p) where p.kind == .search:
            return [WindowKey(keys: [], name: "abc", label: Localized("ketik untuk menyaring", en: "type to narrow")),
                    WindowKey(keys: [.enter], name: "Enter", label: Localized("selesai", en: "done")),
                    WindowKey(keys: [.escape], name: "Esc", label: Localized("batal", en: "cancel"))]
        case .prompt:
            return [WindowKey(keys: [.enter], name: "Enter", label: Localized("jalankan", en: "run")),
                    WindowKey(keys: [.tab], name: "Tab", label: Localized("lengkapi", en: "complete")),
                    WindowKey(keys: [.escape], name: "Esc", label: Localized("batal", en: "cancel"))]
        case .form:
            return [WindowKey(keys: [.ctrl("s"), .f(2)], name: "C-s/F2", label: Localized("simpan", en: "save")),
                    WindowKey(keys: [.tab], name: "Tab", label: Localized("kolom berikut", en: "next field")),
                    WindowKey(keys: [.backTab], name: "S-Tab", label: Localized("kolom sebelumnya", en: "previous field"), shown: false),
                    WindowKey(keys: [.left, .right], name: "←/→", label: Localized("pilih", en: "choose")),
                    WindowKey(keys: [.ctrl("z")], name: "C-z", label: Localized("urungkan ketikan", en: "undo typing")),
                    WindowKey(keys: [.escape, .ctrl("c")], name: "Esc", label: Localized("batal", en: "cancel"))]
        case .confirm:
            return [WindowKey(keys: [.char("y")], name: "y", label: Localized("ya", en: "yes")),
                    WindowKey(keys: [.char("n"), .escape], name: "n/Esc", label: Localized("tidak", en: "no"))]
        case .menu:
            return [WindowKey(keys: [.enter], name: "Enter", label: Localized("jalankan", en: "run")),
                    WindowKey(keys: [.escape], name: "Esc", label: Localized("tutup", en: "close"))]
        case .reports:
            return ReportsKeys.table.map { e in
                WindowKey(keys: e.keys, name: e.command == .choose(-1) ? "j/k" : e.keys[0].shownName, label: e.hint ?? e.help, shown: e.hint != nil)
            }
        }
    }

    static func forFocus(_ s: ConsoleState) -> [(String, String)] {
        if let overlay = s.overlay {
            return windowKeys(overlay).filter(\.shown).map { ($0.name, s.text($0.label)) }
        }
        let commands: [ConsoleCommand]
        switch s.focus {
        case .inbox: commands = [.help, .open, .act(.dispose), .act(.postpone), .act(.archive), .act(.assignUnit), .act(.sendBack),
                                 .act(.followUp), .actionMenu, .search, .filter, .mark, .quit]
        case .detail: commands = [.back, .act(.dispose), .act(.assignUnit), .act(.sendBack), .act(.followUp), .actionMenu,
                                  .toggleAnonymous, .toggleConfidential, .act(.note), .down, .help]
        case .routing:
            return [("↑/↓", s.text(Localized("pilih instansi", en: "choose agency"))), ("Enter", s.text(Localized("disposisi", en: "dispose"))),
                    ("abc", s.text(Localized("ketik untuk mencari", en: "type to search"))), ("Esc", s.text(Localized("kembali", en: "back")))]
        }
        // Read-only journal: no action is offered, only moving and reading.
        let writable: Bool = if case .ok = s.health { true } else { false }
        // With no report under the cursor, what the role may do at all (QA: a liaison officer on an empty view
        // was offered dispose, postpone and archive).
        let available: Set<CommandKind> = s.currentReport.map { Set(writable ? Access.available(on: $0, for: s.env.operatorOnDuty) : []) }
            ?? Access.commands(for: s.env.operatorOnDuty.role)
        return commands.compactMap { cmd in
            if case let .act(kind) = cmd, !writable || !available.contains(kind) { return nil }
            if cmd == .actionMenu, !writable || Access.commands(for: s.env.operatorOnDuty.role).isEmpty { return nil }
            if cmd == .toggleAnonymous || cmd == .toggleConfidential, !writable || !available.contains(.setFlags) {
                return nil
            }
            guard let key = s.keymap.keys(for: cmd, in: s.focus).first else { return nil }
            return (key.shownName, s.text(cmd.label))
        }
    }
}
