import Foundation

/// Working time as a measure: only instants on working days count. Implemented by `WorkingCalendar`;
/// deadline maths depends on this protocol alone so it can be tested with simple calendars.
public protocol WorkingTimeMeasure: Sendable {
    /// Working seconds in [from, to); 0 when `to <= from`.
    func workingSeconds(from: Date, to: Date) -> TimeInterval
    /// The instant at which `seconds` working seconds have elapsed since `start`.
    func adding(workingSeconds seconds: TimeInterval, to start: Date) -> Date
    /// The latest instant from which exactly `seconds` working seconds remain until `end`.
    func subtracting(workingSeconds seconds: TimeInterval, from end: Date) -> Date
}

/// How long each clock may run, in working days. Set per desk (domain.md: sources disagree, so these are
/// configuration, not law); the defaults are the figures published with the LAPOR! app.
public struct DeadlineLimits: Sendable, Hashable, Codable {
    public var verification: Int = 3
    public var agencyFollowUp: Int = 5
    public var autoClose: Int = 10
    public var settlement: Int = 60
    public var postponement: Int = 10

    public init() {}

    public init(verification: Int, agencyFollowUp: Int, autoClose: Int, settlement: Int, postponement: Int) {
        self.verification = verification
        self.agencyFollowUp = agencyFollowUp
        self.autoClose = autoClose
        self.settlement = settlement
        self.postponement = postponement
    }
}
