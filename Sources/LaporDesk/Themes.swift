import Console
import CursesTerminal
import DeskResources
import Foundation

/// The shipped themes plus the user's own (`$XDG_CONFIG_HOME/lapor-desk/themes/*.toml`, which override
/// shipped ones of the same name).
enum Themes {
    static func catalog(environment: [String: String] = ProcessInfo.processInfo.environment) -> ThemeCatalog {
        var builtin: [String: String] = [:]
        for (file, text) in DeskResources.folder("themes") where file.hasSuffix(".toml") {
            builtin[Theme.name(forFile: file)] = text
        }
        var user: [String: String] = [:]
        let folder = ThemeCatalog.userThemeFolder(environment: environment) ?? ""
        if !folder.isEmpty, let names = try? FileManager.default.contentsOfDirectory(atPath: folder) {
            for name in names where name.hasSuffix(".toml") {
                if let data = FileManager.default.contents(atPath: folder + "/" + name) {
                    user[Theme.name(forFile: name)] = String(decoding: data, as: UTF8.self)
                }
            }
        }
        return ThemeCatalog(builtin: builtin, user: user, userFolder: folder, knownRoles: Set(Roles.all.map(\.name)))
    }
}
