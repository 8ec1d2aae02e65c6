import Complaints
import Foundation

/// The runtime's answer to `ConsoleEffect.advanceClock`: where the practice clock now stands, how many
/// reports the sweep closed at the new time, or why it did not move.
public enum PracticeClockOutcome: Sendable, Hashable {
    case moved(from: Date, to: Date, autoClosed: Int)
    case refused(Localized)
}
