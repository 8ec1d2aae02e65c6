import Complaints

/// Every named thing the console can do. Keys are bound to these (per pane), the `:` prompt runs them by
/// name, and `?` help lists them from the live bindings — one table, three ways in.
public enum ConsoleCommand: Sendable, Hashable {
    case down, up, pageDown, pageUp, top, bottom
    case nextPane, previousPane, paneLeft, paneRight
    case open, back
    case view(InboxQuery.SavedView)
    case nextView, previousView
    case help, prompt, search, filter, clearFilter, nextMatch, previousMatch, sort
    case mark, clearMarks
    case actionMenu
    /// A desk action from the domain (dispose, archive, ...).
    case act(CommandKind)
    case toggleAnonymous, toggleConfidential
    case language
    /// The Laporan view: figures a channel manager sends up.
    case reports
    case refresh
    /// Lessons (bimtek): move to the next step without doing it, or show the previous one.
    case lessonNext, lessonBack
    /// Practice desks: put every file back as it was when the desk was made (asks first).
    case resetPractice
    case quit
    /// C-z: back to the shell until `fg`.
    case suspend
    /// Practice clock (bimtek): one working day forward, or just past the next deadline.
    case clockDay, clockDeadline
    /// Replay: one report's history, the whole desk's, and the steps inside replay.
    case replayReport, replayDesk, replayPrevious, replayNext, replayFirst, replayLast

    /// The name typed at the `:` prompt and written in key-binding files.
    public var name: String {
        switch self {
        case .down: "down"
        case .up: "up"
        case .pageDown: "page-down"
        case .pageUp: "page-up"
        case .top: "top"
        case .bottom: "bottom"
        case .nextPane: "next-pane"
        case .previousPane: "previous-pane"
        case .paneLeft: "pane-left"
        case .paneRight: "pane-right"
        case .open: "open"
        case .back: "back"
        case let .view(v): "view-\(v.rawValue)"
        case .nextView: "next-view"
        case .previousView: "previous-view"
        case .help: "help"
        case .prompt: "prompt"
        case .search: "search"
        case .filter: "filter"
        case .clearFilter: "clear-filter"
        case .nextMatch: "next-match"
        case .previousMatch: "previous-match"
        case .sort: "sort"
        case .mark: "mark"
        case .clearMarks: "clear-marks"
        case .actionMenu: "actions"
        case let .act(k): k.rawValue
        case .toggleAnonymous: "toggle-anonim"
        case .toggleConfidential: "toggle-rahasia"
        case .language: "language"
        case .reports: "laporan"
        case .refresh: "refresh"
        case .lessonNext: "lesson-next"
        case .lessonBack: "lesson-back"
        case .resetPractice: "reset-practice"
        case .quit: "quit"
        case .suspend: "suspend"
        case .clockDay: "clock-day"
        case .clockDeadline: "clock-deadline"
        case .replayReport: "replay-report"
        case .replayDesk: "replay"
        case .replayPrevious: "replay-previous"
        case .replayNext: "replay-next"
        case .replayFirst: "replay-first"
        case .replayLast: "replay-last"
        }
    }

    public static let all: [ConsoleCommand] = {
        var list: [ConsoleCommand] = [
            .down, .up, .pageDown, .pageUp, .top, .bottom, .nextPane, .previousPane, .paneLeft, .paneRight, .open,
            .back,
        ]
        list += InboxQuery.SavedView.allCases.map { .view($0) }
        list += [.nextView, .previousView, .help, .prompt, .search, .filter, .clearFilter, .nextMatch, .previousMatch,
                 .sort, .mark, .clearMarks, .actionMenu]
        list += CommandKind.allCases.filter { $0 != .receive && $0 != .autoClose }.map { .act($0) }
        list += [.toggleAnonymous, .toggleConfidential, .language, .reports, .refresh, .lessonNext, .lessonBack, .resetPractice, .quit, .suspend]
        list += [.clockDay, .clockDeadline, .replayReport, .replayDesk, .replayPrevious, .replayNext, .replayFirst, .replayLast]
        return list
    }()

    /// Whether `:name ID` means "on that report": the commands about one report. Any other command takes
    /// no argument, and one given is refused rather than read as a report number (QA: `:sort bogus`).
    public var takesReport: Bool {
        switch self {
        case .open, .act, .toggleAnonymous, .toggleConfidential, .mark, .actionMenu, .replayReport: true
        default: false
        }
    }

    public init?(name: String) {
        guard let c = ConsoleCommand.all.first(where: { $0.name == name }) else { return nil }
        self = c
    }

    /// What the command does, for help and the presenter strip.
    public var label: Localized {
        switch self {
        case .down: Localized("turun", en: "down")
        case .up: Localized("naik", en: "up")
        case .pageDown: Localized("halaman berikut", en: "page down")
        case .pageUp: Localized("halaman sebelum", en: "page up")
        case .top: Localized("ke atas", en: "to top")
        case .bottom: Localized("ke bawah", en: "to bottom")
        case .nextPane: Localized("panel berikut", en: "next pane")
        case .previousPane: Localized("panel sebelum", en: "previous pane")
        case .paneLeft: Localized("panel kiri", en: "pane left")
        case .paneRight: Localized("panel kanan", en: "pane right")
        case .open: Localized("buka laporan", en: "open report")
        case .back: Localized("kembali", en: "back")
        case let .view(v): Localized("tampilan \(v.label.id)", en: "view \(v.label.en)")
        case .nextView: Localized("tampilan berikut", en: "next view")
        case .previousView: Localized("tampilan sebelum", en: "previous view")
        case .help: Localized("bantuan", en: "help")
        case .prompt: Localized("perintah", en: "command prompt")
        case .search: Localized("cari", en: "search")
        case .filter: Localized("saring", en: "filter")
        case .clearFilter: Localized("hapus saringan", en: "clear filter")
        case .nextMatch: Localized("hasil berikut", en: "next match")
        case .previousMatch: Localized("hasil sebelum", en: "previous match")
        case .sort: Localized("urutan", en: "sort order")
        case .mark: Localized("tandai", en: "mark")
        case .clearMarks: Localized("hapus tanda", en: "clear marks")
        case .actionMenu: Localized("menu aksi", en: "action menu")
        case let .act(k): k.label
        case .toggleAnonymous: Localized("anonim ya/tidak", en: "anonymous on/off")
        case .toggleConfidential: Localized("rahasia ya/tidak", en: "confidential on/off")
        case .language: Localized("bahasa (id/en)", en: "language (id/en)")
        case .reports: Localized("laporan meja (rekap)", en: "desk reports")
        case .refresh: Localized("muat ulang", en: "refresh")
        case .lessonNext: Localized("pelajaran: langkah berikut", en: "lesson: next step")
        case .lessonBack: Localized("pelajaran: langkah sebelum", en: "lesson: previous step")
        case .resetPractice: Localized("ulang latihan dari awal", en: "reset the practice desk")
        case .quit: Localized("keluar", en: "quit")
        case .suspend: Localized("tangguhkan ke shell (fg untuk kembali)", en: "suspend to the shell (fg to return)")
        case .clockDay: Localized("jam latihan +1 hari kerja", en: "practice clock +1 working day")
        case .clockDeadline: Localized("jam latihan ke tenggat berikut", en: "practice clock to next deadline")
        case .replayReport: Localized("putar ulang laporan ini", en: "replay this report")
        case .replayDesk: Localized("putar ulang seluruh meja", en: "replay the whole desk")
        case .replayPrevious: Localized("putar ulang: peristiwa sebelum", en: "replay: previous event")
        case .replayNext: Localized("putar ulang: peristiwa berikut", en: "replay: next event")
        case .replayFirst: Localized("putar ulang: peristiwa pertama", en: "replay: first event")
        case .replayLast: Localized("putar ulang: peristiwa terakhir", en: "replay: last event")
        }
    }
}
