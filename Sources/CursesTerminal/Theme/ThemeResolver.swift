import TextCanvas
import TinyTOML

/// Applies inheritance: finds a theme's ancestors, merges palettes and role tables (the nearer
/// theme wins, per palette name and per role) and looks every colour name up in the merged
/// palette, so a child that redefines `bg` recolours the roles it inherits.
enum ThemeResolver {
    /// The themes from the root (`default`) down to `name`: an unknown parent, an inherits cycle
    /// or a parse error anywhere on the way is an error.
    static func chain(_ name: String,
                      lookup: (String) -> Result<ThemeDefinition, ThemeErrors>?,
                      available: [String]) -> Result<[ThemeDefinition], ThemeErrors> {
        var chain: [ThemeDefinition] = []
        var current = name
        while true {
            guard let found = lookup(current) else {
                let reason = "no theme named \"\(current)\" (available: \(available.joined(separator: ", ")))"
                guard let child = chain.last else {
                    return .failure(ThemeErrors([ThemeError(file: "\(current).toml", line: 0, reason: reason)]))
                }
                return .failure(ThemeErrors([ThemeError(file: child.fileName, line: child.parentLine,
                                                        reason: "inherits: " + reason)]))
            }
            let definition: ThemeDefinition
            switch found {
            case .failure(let problems): return .failure(problems)
            case .success(let parsed): definition = parsed
            }
            chain.append(definition)
            guard let parent = definition.parent else { return .success(chain.reversed()) }
            if let index = chain.firstIndex(where: { $0.name == parent }) {
                let cycle = (chain[index...].map(\.name) + [parent]).joined(separator: " → ")
                return .failure(ThemeErrors([ThemeError(file: definition.fileName, line: definition.parentLine,
                                                        reason: "inherits: inherits cycle: \(cycle)")]))
            }
            current = parent
        }
    }

    /// Merges `chain` (root first) into resolved styles, reporting unknown colour names at the
    /// line of the role entry that used them.
    static func resolve(_ chain: [ThemeDefinition]) -> Result<ResolvedTheme, ThemeErrors> {
        var palette: [String: PaletteEntry] = [:]
        var roles: [String: RoleEntry] = [:]
        for definition in chain {
            palette.merge(definition.palette) { _, nearer in nearer }
            roles.merge(definition.roles) { _, nearer in nearer }
        }
        var errors: [ThemeError] = []
        func colour(_ value: ThemeColor?, role: String, key: String, entry: RoleEntry) -> TerminalColor? {
            switch value {
            case nil: return nil
            case .literal(let color)?: return color
            case .named(let name)?:
                if let found = palette[name] { return found.color }
                if let index = ThemeColorSyntax.colourNames[name] { return .indexed(index) }
                errors.append(ThemeError(file: entry.file, line: entry.line,
                                         reason: unknownNameReason(role: role, key: key, name: name, palette: palette.keys)))
                return nil
            }
        }
        func style(_ role: String, _ entry: RoleEntry, base: ResolvedStyle) -> ResolvedStyle {
            ResolvedStyle(foreground: colour(entry.foreground, role: role, key: "fg", entry: entry) ?? base.foreground,
                          background: colour(entry.background, role: role, key: "bg", entry: entry) ?? base.background,
                          bold: entry.bold, underline: entry.underline, reverse: entry.reverse, dim: entry.dim,
                          italic: entry.italic)
        }
        let base = roles[Theme.baseRole].map { style(Theme.baseRole, $0, base: .plain) } ?? .plain
        var styles: [StyleRole: ResolvedStyle] = [:]
        for (role, entry) in roles {
            styles[StyleRole(role)] = style(role, entry, base: base)
        }
        guard errors.isEmpty else {
            let order = Dictionary(chain.enumerated().map { ($1.fileName, $0) }, uniquingKeysWith: { first, _ in first })
            let sorted = Set(errors).sorted {
                (order[$0.file] ?? 0, $0.line, $0.reason) < (order[$1.file] ?? 0, $1.line, $1.reason)
            }
            return .failure(ThemeErrors(sorted))
        }
        let leaf = chain.last
        return .success(ResolvedTheme(name: leaf?.name ?? "", description: leaf?.description, base: base,
                                      styles: styles))
    }

    static func unknownNameReason(role: String, key: String, name: String, palette: some Collection<String>) -> String {
        var reason = "roles.\"\(role)\".\(key): unknown palette name \"\(name)\" (not in [palette] and not a colour name"
        let candidates = Array(palette) + Array(ThemeColorSyntax.colourNames.keys)
        if let guess = closestSpelling(to: name, among: candidates) { reason += "; did you mean \"\(guess)\"?" }
        return reason + ")"
    }
}
