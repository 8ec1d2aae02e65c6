/// All themes the console can use: the built-in ones (embedded in the binary) and the user's
/// (from `$XDG_CONFIG_HOME/lapor-desk/themes/*.toml`). A user file overrides the built-in theme
/// of the same name. The caller reads the files; the catalog only parses and resolves, so it is
/// pure and testable.
public struct ThemeCatalog: Sendable {
    /// Where a theme came from, for pickers and error reports.
    public enum Origin: Hashable, Sendable {
        case builtin
        case user
    }

    /// One line of a theme picker.
    public struct Summary: Hashable, Sendable {
        public let name: String
        public let description: String?
        public let origin: Origin
        /// A user file replaced the built-in theme of this name.
        public let overridesBuiltin: Bool
    }

    struct Source: Sendable {
        let origin: Origin
        let parsed: Result<ThemeDefinition, ThemeErrors>
    }

    /// The roles themes are validated against (see `Theme.parse`).
    public let knownRoles: Set<String>
    let sources: [String: Source]
    let builtinNames: Set<String>
    let builtinTexts: [String: String]

    /// - Parameters:
    ///   - builtin: theme name → file text, embedded by the caller (`default`, `terang`, ...).
    ///   - user: theme name → file text, read by the caller from the user's theme folder.
    ///   - userFolder: that folder, only to name user files in errors (`FOLDER/NAME.toml`).
    ///   - knownRoles: the dotted role names the console draws with.
    public init(builtin: [String: String], user: [String: String] = [:], userFolder: String = "",
                knownRoles: Set<String>) {
        self.knownRoles = knownRoles
        builtinNames = Set(builtin.keys)
        builtinTexts = builtin
        var sources: [String: Source] = [:]
        for (name, text) in builtin {
            let parsed = ThemeCatalog.parse(text, fileName: "themes/\(name).toml", knownRoles: knownRoles)
            sources[name] = Source(origin: .builtin, parsed: parsed)
        }
        for (name, text) in user {
            let fileName = userFolder.isEmpty ? "\(name).toml" : "\(userFolder)/\(name).toml"
            sources[name] = Source(origin: .user, parsed: ThemeCatalog.parse(text, fileName: fileName, knownRoles: knownRoles))
        }
        self.sources = sources
    }

    private static func parse(_ text: String, fileName: String, knownRoles: Set<String>) -> Result<ThemeDefinition, ThemeErrors> {
        Result { () throws(ThemeErrors) in try Theme.parse(text: text, fileName: fileName, knownRoles: knownRoles) }
    }

    /// Theme names, `default` first, then alphabetical.
    public var names: [String] {
        sources.keys.sorted { lhs, rhs in
            if (lhs == Theme.defaultName) != (rhs == Theme.defaultName) { return lhs == Theme.defaultName }
            return lhs < rhs
        }
    }

    /// One entry per theme for a picker (a theme that does not parse has no description).
    public var summaries: [Summary] {
        names.compactMap { name in
            guard let source = sources[name] else { return nil }
            return Summary(name: name, description: try? source.parsed.get().description, origin: source.origin,
                           overridesBuiltin: source.origin == .user && builtinNames.contains(name))
        }
    }

    /// The theme as its file says, before inheritance.
    public func definition(named name: String) throws(ThemeErrors) -> ThemeDefinition {
        guard let source = sources[name] else {
            throw ThemeErrors([ThemeError(file: "\(name).toml", line: 0,
                                          reason: "no theme named \"\(name)\" (available: \(names.joined(separator: ", ")))")])
        }
        return try source.parsed.get()
    }

    /// The theme with inheritance and parent-role fallback applied.
    public func resolvedTheme(named name: String) throws(ThemeErrors) -> ResolvedTheme {
        let chain = try ThemeResolver.chain(name, lookup: { sources[$0]?.parsed }, available: names).get()
        return try ThemeResolver.resolve(chain).get()
    }

    /// The palette for theme `name` in full colour.
    public func resolve(name: String) throws(ThemeErrors) -> TerminalPalette {
        try resolvedTheme(named: name).palette
    }

    /// The palette for theme `name` on a terminal of `depth` (see `ResolvedTheme.palette(for:)`);
    /// pass `CursesScreen.colorDepth`.
    public func resolve(name: String, depth: ColorDepth) throws(ThemeErrors) -> TerminalPalette {
        try resolvedTheme(named: name).palette(for: depth)
    }

    /// Every problem in every theme, so `lapor-desk check` (or start-up) can list them all.
    public func problems() -> [ThemeError] {
        var seen: Set<ThemeError> = []
        var all: [ThemeError] = []
        for name in names {
            do {
                _ = try resolvedTheme(named: name)
            } catch {
                for problem in error.errors where seen.insert(problem).inserted { all.append(problem) }
            }
        }
        return all
    }
}
