import Foundation

// The snapshot form of domain events (a report's trail). One tag byte per case, in declaration order;
// `sameIntakeTag` stands for `.received` carrying exactly the report's own intake (always, unless an old
// journal says otherwise), so the intake is stored once.

enum SnapshotEventTag {
    static let sameIntake: UInt8 = 0xFF
}

extension SnapshotWriter {
    mutating func optionalBool(_ b: Bool?) { byte(b.map { $0 ? 2 : 1 } ?? 0) }

    mutating func disposition(_ d: Disposition) {
        string(d.agency)
        optionalString(d.unit)
        caseIndex(d.kind)
        optionalString(d.fromAgency)
        optionalString(d.rule)
        optionalString(d.note)
    }

    mutating func event(_ e: DomainEvent, reportIntake: Intake) {
        switch e {
        case let .received(intake):
            if intake == reportIntake { return byte(SnapshotEventTag.sameIntake) }
            byte(0); self.intake(intake)
        case let .disposed(d): byte(1); disposition(d)
        case let .postponed(question): byte(2); string(question)
        case let .reporterReplied(text, files): byte(3); string(text); attachments(files)
        case let .archived(reason, note, dup): byte(4); caseIndex(reason); optionalString(note); optionalString(dup?.rawValue)
        case let .deleted(reason, note): byte(5); caseIndex(reason); optionalString(note)
        case let .assignedToUnit(unit): byte(6); string(unit)
        case let .sentBack(reason): byte(7); string(reason)
        case let .followedUp(text, files): byte(8); string(text); attachments(files)
        case let .disputed(text): byte(9); string(text)
        case let .accepted(text): byte(10); optionalString(text)
        case .autoClosed: byte(11)
        case let .titleEdited(title): byte(12); string(title)
        case let .classified(c, category, sub):
            byte(13)
            bool(c != nil)
            if let c { caseIndex(c) }
            optionalString(category); optionalString(sub)
        case let .flagsSet(anonymous, confidential): byte(14); optionalBool(anonymous); optionalBool(confidential)
        case let .tagged(add, remove): byte(15); strings(add); strings(remove)
        case let .prioritySet(p): byte(16); caseIndex(p)
        case let .noteAdded(text): byte(17); string(text)
        case let .replyPosted(text): byte(18); string(text)
        case let .duplicateLinked(original): byte(19); string(original.rawValue)
        case let .redacted(fields, reason): byte(20); strings(fields); string(reason)
        }
    }
}

extension SnapshotReader {
    mutating func optionalBool() throws(SnapshotFormatError) -> Bool? {
        switch try byte() {
        case 0: return nil
        case 1: return false
        case 2: return true
        default: throw fail("bad optional boolean")
        }
    }

    mutating func disposition() throws(SnapshotFormatError) -> Disposition {
        Disposition(agency: try word(), unit: try optionalWord(), kind: try caseIndex(DispositionKind.self),
                    fromAgency: try optionalWord(), rule: try optionalWord(), note: try optionalString())
    }

    mutating func event(reportIntake: Intake) throws(SnapshotFormatError) -> DomainEvent {
        let tag = try byte()
        switch tag {
        case SnapshotEventTag.sameIntake: return .received(reportIntake)
        case 0: return .received(try intake())
        case 1: return .disposed(try disposition())
        case 2: return .postponed(question: try string())
        case 3: return .reporterReplied(text: try string(), attachments: try attachments())
        case 4:
            return .archived(reason: try caseIndex(ArchiveReason.self), note: try optionalString(),
                             duplicateOf: try optionalString().map(ReportID.init(rawValue:)))
        case 5: return .deleted(reason: try caseIndex(DeleteReason.self), note: try optionalString())
        case 6: return .assignedToUnit(unit: try word())
        case 7: return .sentBack(reason: try string())
        case 8: return .followedUp(text: try string(), attachments: try attachments())
        case 9: return .disputed(text: try string())
        case 10: return .accepted(text: try optionalString())
        case 11: return .autoClosed
        case 12: return .titleEdited(title: try string())
        case 13:
            let c = try bool() ? try caseIndex(Classification.self) : nil
            return .classified(classification: c, category: try optionalWord(), subcategory: try optionalWord())
        case 14: return .flagsSet(anonymous: try optionalBool(), confidential: try optionalBool())
        case 15: return .tagged(add: try words(), remove: try words())
        case 16: return .prioritySet(try caseIndex(Priority.self))
        case 17: return .noteAdded(text: try string())
        case 18: return .replyPosted(text: try string())
        case 19: return .duplicateLinked(original: ReportID(rawValue: try string()))
        case 20: return .redacted(fields: try strings(), reason: try string())
        default: throw fail("unknown event tag \(tag)")
        }
    }
}
