import TinyTOML

/// Reads a parsed theme document into a `ThemeDefinition`, collecting every problem.
struct ThemeParser {
    let fileName: String
    let knownRoles: Set<String>
    private(set) var errors: [ThemeError] = []

    init(fileName: String, knownRoles: Set<String>) {
        self.fileName = fileName
        self.knownRoles = knownRoles
    }

    mutating func add(line: Int, _ reason: String) {
        errors.append(ThemeError(file: fileName, line: line, reason: reason))
    }

    mutating func add(_ error: TOMLFieldError) {
        add(line: error.line, "\(error.field): \(error.reason)")
    }

    /// Runs a typed accessor, recording its error and returning nil on failure.
    mutating func read<T>(_ access: () throws(TOMLFieldError) -> T) -> T? {
        do {
            return try access()
        } catch {
            add(error)
            return nil
        }
    }

    mutating func read(_ document: TOMLTable) -> ThemeDefinition {
        for unknown in document.unknownKeys(allowed: ["name", "description", "inherits", "palette", "roles"]) {
            add(line: unknown.line, unknown.reason + "; a theme has name, description, inherits, [palette] and [roles]")
        }
        let name = Theme.name(forFile: fileName)
        if let written = read({ () throws(TOMLFieldError) in try document.optionalString("name") }) ?? nil,
           written != name {
            add(line: document.line(of: "name") ?? 1,
                "name: \"\(written)\" does not match the file name (themes are chosen by file name: \"\(name)\")")
        }
        let description = read { () throws(TOMLFieldError) in try document.optionalString("description") } ?? nil
        let parent = readParent(document, name: name)
        let palette = readPalette(document)
        let roles = readRoles(document)
        if parent.name == nil { checkNames(in: roles, against: palette) }
        return ThemeDefinition(name: name, fileName: fileName, description: description, parent: parent.name,
                               parentLine: parent.line, palette: palette, roles: roles)
    }

    /// `inherits`, or the implied `default` for every theme but `default` itself.
    private mutating func readParent(_ document: TOMLTable, name: String) -> (name: String?, line: Int) {
        let line = document.line(of: "inherits") ?? 0
        guard let written = read({ () throws(TOMLFieldError) in try document.optionalString("inherits") }) ?? nil else {
            return (name == Theme.defaultName ? nil : Theme.defaultName, line)
        }
        if written.isEmpty {
            add(line: line, "inherits: must name a theme")
            return (Theme.defaultName, line)
        }
        if written == name { add(line: line, "inherits: inherits cycle: \(name) → \(name)") }
        return (written, line)
    }

    private mutating func readPalette(_ document: TOMLTable) -> [String: PaletteEntry] {
        guard let table = read({ () throws(TOMLFieldError) in try document.optionalTable("palette") }) ?? nil else {
            return [:]
        }
        var palette: [String: PaletteEntry] = [:]
        for key in table.keys {
            let line = table.line(of: key) ?? table.line
            let field = table.fieldPath(key)
            if key.isEmpty || key == "default" || key.hasPrefix("#") {
                add(line: line, "\(field): palette name \"\(key)\" would be read as a colour; choose another name")
                continue
            }
            let colour: Result<TerminalColor, ColourProblem>
            switch table[key] {
            case .string(let text)?: colour = ThemeColorSyntax.paletteColour(text)
            case .integer(let number)?: colour = ThemeColorSyntax.index(number)
            case let value?: colour = .failure(ColourProblem("expected a colour (a string or 0–255), found \(value.kindName)"))
            case nil: continue
            }
            switch colour {
            case .success(let color): palette[key] = PaletteEntry(color: color, line: line)
            case .failure(let problem): add(line: line, "\(field): \(problem.reason)")
            }
        }
        return palette
    }

    /// For a theme without a parent, every named colour must be in its own palette or a colour name.
    private mutating func checkNames(in roles: [String: RoleEntry], against palette: [String: PaletteEntry]) {
        for (role, entry) in roles {
            for (key, colour) in [("fg", entry.foreground), ("bg", entry.background)] {
                guard case .named(let name)? = colour, palette[name] == nil,
                      ThemeColorSyntax.colourNames[name] == nil else { continue }
                add(line: entry.line, ThemeResolver.unknownNameReason(role: role, key: key, name: name,
                                                                     palette: palette.keys))
            }
        }
    }
}
