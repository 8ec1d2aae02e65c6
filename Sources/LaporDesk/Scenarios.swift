import Complaints
import ComplaintJournal
import DeskResources
import Foundation

/// Finds scenarios for the training commands: a folder a trainer wrote, or one shipped in the binary.
enum Scenarios {
    /// `NAME` (shipped) or `DIR` (a folder with skenario.toml). A folder wins when both exist, so a trainer's
    /// edited copy named like a shipped scenario is the one used.
    static func load(_ nameOrDir: String) throws -> ScenarioPackage {
        let url = URL(fileURLWithPath: nameOrDir)
        var isDir: ObjCBool = false
        let isFolder = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) && isDir.boolValue
        do {
            if isFolder { return try ScenarioPackage.load(folder: url, defaults: DeskAccess.defaults) }
            if let files = DeskResources.scenario(named: nameOrDir) {
                return try ScenarioPackage.load(name: nameOrDir, files: files, origin: "scenarios/\(nameOrDir)", defaults: DeskAccess.defaults)
            }
        } catch {
            throw Fail.rejected(error.description)
        }
        throw Fail.usage("scenario '\(nameOrDir)': neither a shipped scenario (\(DeskResources.scenarioNames.joined(separator: ", "))) nor a folder")
    }
}
