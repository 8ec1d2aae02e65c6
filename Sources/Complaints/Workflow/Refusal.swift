/// Why a command was not carried out, in words an officer understands (both languages), plus a stable
/// code for scripts and tests.
public struct Refusal: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable {
        case notAllowedForRole = "not-allowed-for-role"
        case outOfScope = "out-of-scope"
        case invalidTransition = "invalid-transition"
        case stale
        case missingReason = "missing-reason"
        case missingText = "missing-text"
        case duplicateNeedsOriginal = "duplicate-needs-original"
        case unknownReport = "unknown-report"
        case alreadyExists = "already-exists"
        case unknownAgency = "unknown-agency"
        case unknownUnit = "unknown-unit"
        case unknownCategory = "unknown-category"
        case notYetDue = "not-yet-due"
        case nothingToChange = "nothing-to-change"
        case invalidValue = "invalid-value"
        /// A report received later than now (a wrong clock or time zone at the channel).
        case receivedInFuture = "received-in-future"
        /// A report received before 2000: a mistyped year (it would be overdue by decades in every view).
        case receivedLongAgo = "received-long-ago"
        /// An incident date after the report was received, or before 1900: a mistyped date.
        case incidentDateImpossible = "incident-date-impossible"
    }

    public var code: Code
    public var message: Localized

    public init(_ code: Code, _ message: Localized) {
        self.code = code
        self.message = message
    }

    public var description: String { message.id }

    /// The command names a report the desk does not have.
    /// Also what a report outside the operator's scope reads as (`outOfScope` keeps the reason for code):
    /// the words never tell an agency's officer that a report they may not see exists (QA).
    public static let unknownReport = Refusal(.unknownReport, notInView)
    static let notInView = Localized("Laporan tidak ditemukan di antrean Anda.", en: "No such report in your view.")
}
