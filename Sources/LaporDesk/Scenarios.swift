import Complaints
import ComplaintJournal
import DeskResources
import Foundation

/// Finds scenarios for the training commands: a folder a trainer wrote, or one shipped in the binary.
enum Scenarios {
    /// `NAME` (shipped) or `DIR` (a folder with skenario.toml). A scenario folder wins when both exist, so a
    /// trainer's edited copy named like a shipped scenario is the one used; any other folder of that name (the
    /// class's practice folder `dasar`, in the current directory) does not hide the shipped one (QA: it broke
    /// `demo --scenario dasar`, Ctrl-R and `scenario list` for the whole class).
    /// `shippedOnly`: the shipped scenario of that name whatever folders exist (`scenario list`).
    static func load(_ nameOrDir: String, shippedOnly: Bool = false) throws -> ScenarioPackage {
        let url = URL(fileURLWithPath: nameOrDir)
        var isDir: ObjCBool = false
        var isFolder = !shippedOnly && FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) && isDir.boolValue
        if isFolder, DeskResources.scenario(named: nameOrDir) != nil,
           !FileManager.default.fileExists(atPath: url.appendingPathComponent(Scenario.manifestFileName).path) {
            isFolder = false
        }
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
