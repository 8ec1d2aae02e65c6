import Complaints
import TextCanvas

/// The key hints on the bottom line, taken from the live key table for the focused pane.
enum Hints {
    static func forFocus(_ s: ConsoleState) -> [(String, String)] {
        let commands: [ConsoleCommand]
        if let overlay = s.overlay {
            switch overlay {
            case .help: return [("Esc", s.text(Localized("tutup", en: "close"))), ("j/k", s.text(Localized("gulir", en: "scroll"))),
                                ("PgDn/PgUp", s.text(Localized("halaman", en: "page"))), ("g/G", s.text(Localized("awal/akhir", en: "top/end")))]
            case let .prompt(p) where p.kind == .search:
                return [("abc", s.text(Localized("ketik untuk menyaring", en: "type to narrow"))),
                        ("Enter", s.text(Localized("selesai", en: "done"))), ("Esc", s.text(Localized("batal", en: "cancel")))]
            case .prompt: return [("Enter", s.text(Localized("jalankan", en: "run"))), ("Tab", s.text(Localized("lengkapi", en: "complete"))),
                                  ("Esc", s.text(Localized("batal", en: "cancel")))]
            case .form: return [("C-s/F2", s.text(Localized("simpan", en: "save"))), ("Tab", s.text(Localized("kolom berikut", en: "next field"))),
                                ("←/→", s.text(Localized("pilih", en: "choose"))), ("C-z", s.text(Localized("urungkan ketikan", en: "undo typing"))),
                                ("Esc", s.text(Localized("batal", en: "cancel")))]
            case .confirm: return [("y", s.text(Localized("ya", en: "yes"))), ("n/Esc", s.text(Localized("tidak", en: "no")))]
            case .menu: return [("Enter", s.text(Localized("jalankan", en: "run"))), ("Esc", s.text(Localized("tutup", en: "close")))]
            case .reports: return ReportsKeys.hints(s.language)
            }
        }
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
        let available = s.currentReport.map { writable ? Access.available(on: $0, for: s.env.operatorOnDuty) : [] }
        return commands.compactMap { cmd in
            if case let .act(kind) = cmd, !writable || !(available?.contains(kind) ?? true) { return nil }
            if cmd == .actionMenu, !writable || Access.commands(for: s.env.operatorOnDuty.role).isEmpty { return nil }
            if cmd == .toggleAnonymous || cmd == .toggleConfidential, !writable || !(available?.contains(.setFlags) ?? true) {
                return nil
            }
            guard let key = s.keymap.keys(for: cmd, in: s.focus).first else { return nil }
            return (key.name, s.text(cmd.label))
        }
    }
}
