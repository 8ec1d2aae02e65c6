import Complaints
import Foundation

/// The files of a desk's reference data (`referensi/`: agencies, topics, regions, routing rules), watched
/// so a console open all day takes an agency, a work unit or a routing rule the desk administrator added
/// without a restart: until then officers were offered yesterday's routes.
public struct ReferenceSource {
    let folder: DeskFolder
    let defaults: DeskDefaults
    /// The operator the console runs as: reference data without their agency or unit is refused (the
    /// roster on disk may already say otherwise; the console keeps the operator it opened with).
    let onDuty: Operator?
    /// `referensi/`'s files, and the roster too: a reload refused because of it is tried again once it is fixed.
    private var files: WatchedFiles

    public init(folder: DeskFolder, defaults: DeskDefaults, onDuty: Operator? = nil) {
        self.folder = folder
        self.defaults = defaults
        self.onDuty = onDuty
        files = WatchedFiles {
            ReferenceData.fileNames.sorted().map { folder.referenceFolder.appendingPathComponent($0).path } + [folder.rosterFile.path]
        }
    }

    /// What changed since the last call (or since the desk was opened); nil when no file did.
    ///
    /// New reference data is refused, and the old kept, when a file holds a mistake or when the roster no
    /// longer agrees with it (an operator's agency or unit removed): the desk could not be opened with it.
    public mutating func change() -> ReferenceChange? {
        guard files.changed() else { return nil }
        var messages: [String] = []
        guard let reference = OpenedDesk.referenceData(folder, defaults: defaults, &messages) else { return .refused(messages) }
        if let text = OpenedDesk.read(folder.rosterFile, &messages) {
            do { _ = try Roster.parse(text, fileName: folder.rosterFile.path, directory: reference) } catch {
                messages += error.errors.map(\.description)
            }
        }
        if let op = onDuty, let agency = op.agency {
            let instansi = folder.referenceFolder.appendingPathComponent("instansi.toml").path
            if !reference.agencyExists(agency) {
                messages.append("\(instansi): agency '\(agency)' of \(op.name), the operator on duty, is no longer listed")
            } else if let unit = op.unit, !reference.unitExists(unit, in: agency) {
                messages.append("\(instansi): unit '\(unit)' of \(op.name), the operator on duty, is no longer listed")
            }
        }
        return messages.isEmpty ? .reloaded(reference) : .refused(messages)
    }

}
