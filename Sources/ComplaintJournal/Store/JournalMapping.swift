import Complaints
import Foundation

/// Converts between the journal's payload-agnostic entries and the domain's recorded events.
public enum JournalMapping {
    public struct Problem: Error, Sendable, Hashable, CustomStringConvertible {
        public var position: JournalPosition
        public var seq: UInt64
        public var reason: String
        public var description: String { "\(position.fileName):\(position.line): seq \(seq): \(reason)" }
    }

    public static func recorded(_ e: JournalEntry) -> Result<RecordedEvent, Problem> {
        guard let role = Role(rawValue: e.actor.role) else {
            return .failure(Problem(position: e.position, seq: e.seq, reason: "actor.role: unknown role '\(e.actor.role)'"))
        }
        do throws(EventCodec.DecodeError) {
            let event = try EventCodec.decode(type: e.type, payload: e.payload)
            let actor = Actor(name: e.actor.name, role: role, agency: e.actor.agency, unit: e.actor.unit, osUser: e.actor.osUser)
            return .success(RecordedEvent(seq: e.seq, id: e.eventID, reportID: ReportID(e.reportID), at: e.at, actor: actor,
                                          event: event))
        } catch {
            return .failure(Problem(position: e.position, seq: e.seq, reason: "data: \(error)"))
        }
    }

    public static func newEntry(_ event: DomainEvent, report: ReportID, actor: Actor, at: Date, offsetSeconds: Int) -> NewEntry {
        NewEntry(eventID: UUID().uuidString.lowercased(), reportID: report.rawValue, at: at, utcOffsetSeconds: offsetSeconds,
                 actor: JournalActor(name: actor.name, role: actor.role.rawValue, agency: actor.agency, unit: actor.unit,
                                     osUser: actor.osUser),
                 type: event.type, payload: EventCodec.encode(event, offsetSeconds: offsetSeconds))
    }
}
