import ArgumentParser
import Complaints
import ComplaintJournal
import DeskResources
import Foundation

/// Opens desks for commands, mapping failures to the exit-code contract.
enum DeskAccess {
    static var defaults: DeskDefaults {
        DeskDefaults(reference: DeskResources.folder("reference"), calendars: DeskResources.folder("calendar"))
    }

    static func open(_ options: DeskOptions, mode: FileJournal.Mode, useSnapshot: Bool = true) throws -> OpenedDesk {
        let folder = DeskFolder.resolve(explicit: options.data)
        do {
            return try OpenedDesk.open(folder, defaults: defaults, mode: mode, useSnapshot: useSnapshot)
        } catch {
            switch error.kind {
            case .missing: throw Fail.usage(error.description)
            case .invalidFiles, .journal: throw Fail.damaged(error.description)
            }
        }
    }

    /// The operator for `--as` (or the default); an unknown name is a usage error.
    static func actor(_ desk: OpenedDesk, _ options: DeskOptions) throws -> Operator {
        if let name = options.operatorName {
            guard let op = desk.roster.find(name) else {
                let known = desk.roster.operators.map(\.name).joined(separator: ", ")
                throw Fail.usage("--as: unknown operator '\(name)' (roster \(desk.folder.rosterFile.path): \(known))")
            }
            return op
        }
        guard let op = desk.roster.defaultOperator else {
            throw Fail.usage("--as: the roster \(desk.folder.rosterFile.path) lists no operators")
        }
        return op
    }

    /// Writers refuse to work on a journal with unrepaired damage.
    static func requireWritable(_ desk: OpenedDesk) throws {
        switch desk.journal.health {
        case .ok: return
        case let .degraded(reasons):
            throw Fail.damaged("\(desk.folder.journalFolder.path): journal damaged; run `lapor-desk check --repair`:\n"
                + reasons.joined(separator: "\n"))
        case let .readOnly(reason):
            throw Fail.damaged("\(desk.folder.journalFolder.path): read-only: \(reason)")
        }
    }

    static func reportRecovery(_ desk: OpenedDesk) {
        for t in desk.recovery.tornTails { Output.error("warning: \(t)") }
        for d in desk.recovery.damagedLines where !d.acknowledged { Output.error("warning: \(d)") }
        for p in desk.store.problems { Output.error("warning: \(p)") }
    }
}

extension Fail: CustomStringConvertible {
    var description: String { message }
}
