import Complaints
import Foundation

/// Moves the practice desk's shared clock for the console (the executable adapts `PracticeClock`).
/// Why a protocol: the reducer stays pure and tests pass a fake; real desks pass none, so the runtime
/// refuses every clock key on them.
public protocol PracticeClockControl: AnyObject {
    /// Moves the clock by `step` over the shown desk; returns the practice times before and after.
    func advance(_ step: PracticeClockStep, desk: Desk) -> Result<(from: Date, to: Date), PracticeClockRefusal>
}

/// Why the practice clock did not move, worded for the officer.
public struct PracticeClockRefusal: Error, Sendable, Hashable {
    public var message: Localized
    public init(_ message: Localized) { self.message = message }
}
