import Complaints
import Foundation
import TinyTOML

/// One officer's preferences (`$XDG_CONFIG_HOME/lapor-desk/settings.toml`), over the desk's defaults:
///
///     language = "en"      # id or en
///     theme = "terang"     # any shipped or user theme
///     mouse = true         # let the mouse select rows (off by default)
///
/// Key bindings live beside it in `keys.conf`. Command-line flags win over this file.
struct UserSettings {
    var language: Language?
    var theme: String?
    /// Where `theme` was set (`settings.toml:3: theme`), for a message about it.
    var themeSource = "settings.toml: theme"
    var mouse: Bool?

    /// A relative `XDG_CONFIG_HOME` is ignored (XDG base directory rules), as the theme folder ignores it
    /// (QA: settings were read from the relative folder, and the themes beside them were not found).
    static func folder(_ env: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        let base = env["XDG_CONFIG_HOME"].flatMap { $0.hasPrefix("/") ? URL(fileURLWithPath: $0) : nil }
            ?? URL(fileURLWithPath: env["HOME"] ?? NSHomeDirectory()).appendingPathComponent(".config")
        return base.appendingPathComponent("lapor-desk")
    }

    static func load() throws -> UserSettings {
        let file = folder().appendingPathComponent("settings.toml")
        guard let data = FileManager.default.contents(atPath: file.path) else { return UserSettings() }
        return try parse(String(decoding: data, as: UTF8.self), fileName: file.path)
    }

    static func parse(_ text: String, fileName: String) throws -> UserSettings {
        let root: TOMLTable
        do { root = try parseTOML(text) } catch {
            throw Fail.usage("\(fileName):\(error.line): \(error.message)")
        }
        var errors = root.unknownKeys(allowed: ["language", "theme", "mouse"]).map { "\(fileName):\($0.line): \($0.field): \($0.reason)" }
        var s = UserSettings()
        do {
            if let l = try root.optionalString("language") {
                if let lang = Language(rawValue: l) { s.language = lang } else {
                    errors.append("\(fileName):\(root.line(of: "language") ?? 1): language: use id or en, not '\(l)'")
                }
            }
            s.theme = try root.optionalString("theme")
            s.themeSource = "\(fileName):\(root.line(of: "theme") ?? 1): theme"
            s.mouse = try root.optionalBool("mouse")
        } catch {
            errors.append("\(fileName):\(error.line): \(error.field): \(error.reason)")
        }
        if !errors.isEmpty { throw Fail.usage(errors.joined(separator: "\n")) }
        return s
    }
}
