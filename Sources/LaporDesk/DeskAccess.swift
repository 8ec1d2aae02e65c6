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

    static func open(_ options: DeskOptions, mode: FileJournal.Mode, useSnapshot: Bool = true,
                     beforeDecoding: ((SnapshotPreview) -> Void)? = nil) throws -> OpenedDesk {
        let folder = DeskFolder.resolve(explicit: options.data)
        do {
            return try OpenedDesk.open(folder, defaults: defaults, mode: mode, useSnapshot: useSnapshot, beforeDecoding: beforeDecoding)
        } catch {
            switch error.kind {
            case .missing: throw Fail.usage(error.description)
            case .invalidFiles, .journal: throw Fail.damaged(error.description)
            }
        }
    }

    /// The operator for `--as` (or the default); an unknown name is a usage error.
    static func actor(_ desk: OpenedDesk, _ options: DeskOptions) throws -> Operator {
        try actor(roster: desk.roster, folder: desk.folder, options)
    }

    static func actor(roster: Roster, folder: DeskFolder, _ options: DeskOptions) throws -> Operator {
        if let name = options.operatorName {
            guard let op = roster.find(name) else {
                let known = roster.operators.map(\.name).joined(separator: ", ")
                throw Fail.usage("--as: unknown operator '\(name)' (roster \(folder.rosterFile.path): \(known))")
            }
            return op
        }
        guard let op = roster.defaultOperator else {
            throw Fail.usage("--as: the roster \(folder.rosterFile.path) lists no operators")
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
        for w in recoveryWarnings(desk) { Output.error(w) }
    }

    /// What start-up found and repaired or set aside, one warning per line.
    static func recoveryWarnings(_ desk: OpenedDesk) -> [String] {
        desk.recovery.tornTails.map { "warning: \($0)" }
            + desk.recovery.damagedLines.filter { !$0.acknowledged }.map { "warning: \($0)" }
            + desk.store.problems.map { "warning: \($0)" }
    }
}

extension Fail: CustomStringConvertible {
    var description: String { message }
}
