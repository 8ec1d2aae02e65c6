import Complaints
import TextCanvas

/// The Laporan view's keys in one table, read by its key handler, its help and its hint row, so the three
/// cannot disagree (they were three hand-kept lists, and help promised keys the handler ignored).
enum ReportsKeys {
    enum Command: Equatable {
        case period, scope, open, close, help, language
        /// Move the overdue-row cursor.
        case choose(Int)
        /// Scroll the figures: a page or to either end.
        case scroll(ConsoleReducer.Movement)
    }

    struct Entry {
        let keys: [Key]
        let command: Command
        let help: Localized
        /// Label on the hint row, for the few keys shown there.
        let hint: Localized?
    }

    static let table: [Entry] = [
        Entry(keys: [.char("p")], command: .period, help: Localized("periode: bulan ini, minggu ini, bulan lalu", en: "period: this month, this week, last month"),
              hint: Localized("periode", en: "period")),
        Entry(keys: [.char("f")], command: .scope, help: Localized("rentang tanggal dan cakupan (instansi, wilayah)", en: "date range and scope (agency, region)"),
              hint: Localized("rentang & cakupan", en: "range & scope")),
        Entry(keys: [.char("j"), .down], command: .choose(1), help: Localized("laporan terlambat berikutnya", en: "next overdue report"),
              hint: nil),
        Entry(keys: [.char("k"), .up], command: .choose(-1), help: Localized("laporan terlambat sebelumnya", en: "previous overdue report"),
              hint: Localized("pilih", en: "choose")),
        Entry(keys: [.enter], command: .open, help: Localized("buka laporan terpilih", en: "open the chosen report"),
              hint: Localized("buka laporan", en: "open report")),
        Entry(keys: [.pageDown, .char(" "), .ctrl("d")], command: .scroll(.pages(1)), help: Localized("gulir ke bawah", en: "scroll down"),
              hint: Localized("gulir", en: "scroll")),
        Entry(keys: [.pageUp, .ctrl("u")], command: .scroll(.pages(-1)), help: Localized("gulir ke atas", en: "scroll up"), hint: nil),
        Entry(keys: [.char("g"), .home], command: .scroll(.top), help: Localized("ke awal", en: "to the top"), hint: nil),
        Entry(keys: [.char("G"), .end], command: .scroll(.bottom), help: Localized("ke akhir", en: "to the end"), hint: nil),
        Entry(keys: [.escape, .char("q"), .char("6")], command: .close, help: Localized("tutup Laporan, kembali ke kotak masuk", en: "close Reports, back to the inbox"),
              hint: Localized("tutup", en: "close")),
        Entry(keys: [.char("?"), .f(1)], command: .help, help: Localized("bantuan ini", en: "this help"), hint: nil),
        // As everywhere else in the console (QA: `L` did nothing here).
        Entry(keys: [.char("L")], command: .language, help: Localized("bahasa: Indonesia / English", en: "language: Indonesian / English"),
              hint: nil),
    ]

    static func command(for key: Key) -> Command? {
        table.first { $0.keys.contains(key) }?.command
    }

    /// The keys of an entry as help and hints name them ("j/Down").
    static func names(_ e: Entry, separator: String) -> String {
        e.keys.map(\.shownName).joined(separator: separator)
    }
}
