import Complaints
import Foundation

extension ConsoleReducer {
    /// New deadline rules (a holiday list or a limit edited under the console): every badge, tab count and
    /// urgency order is computed again with them, and the officer is told. Rules read with mistakes are
    /// refused with the first one (file and line); the rules in use stay.
    static func applyDeadlineRules(_ s: inout ConsoleState, _ change: DeadlineRulesChange) {
        switch change {
        case let .reloaded(deadlines):
            s.env.deadlines = deadlines
            // Both hold schedules computed with the old rules.
            s.urgencyCache = UrgencyCache(deadlines: deadlines)
            s.inboxIndex = InboxIndex(deadlines: deadlines)
            refreshInbox(&s)
            prepareSearchInBackground(s)
            s.message = StatusMessage(kind: .info, text: s.text(Localized(
                "Kalender atau batas tenggat diubah: semua tenggat dihitung ulang.",
                en: "The holiday list or the deadline limits changed: every deadline was recalculated.")))
        case let .refused(messages):
            let summary = refusedFilesSummary(messages)
            s.message = StatusMessage(kind: .error, text: s.text(Localized(
                "Kalender/desk.toml tidak terbaca, tenggat tetap dengan aturan lama: " + summary,
                en: "Holiday list/desk.toml not read, deadlines keep the previous rules: " + summary)))
        }
    }

    /// The first of the mistakes found in files edited under the console, on one status line (a parse
    /// error's explanation may come on a line of its own), with how many more there are.
    static func refusedFilesSummary(_ messages: [String]) -> String {
        let first = (messages.first ?? "").split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        return first + (messages.count > 1 ? " (+\(messages.count - 1))" : "")
    }
}
