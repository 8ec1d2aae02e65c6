import TinyTOML

/// `[roles]`: role names may be quoted (`"badge.overdue" = {...}`) or written as TOML dotted keys
/// and sub-tables (`badge.overdue = {...}`, `[roles.badge]`); both spell the same dotted role.
extension ThemeParser {
    mutating func readRoles(_ document: TOMLTable) -> [String: RoleEntry] {
        guard let table = read({ () throws(TOMLFieldError) in try document.optionalTable("roles") }) ?? nil else {
            return [:]
        }
        var roles: [String: RoleEntry] = [:]
        let allowed = ThemeParser.allowedRoles(knownRoles)
        for key in table.keys {
            readRole(key, in: table, key: key, allowed: allowed, into: &roles)
        }
        return roles
    }

    /// Known roles, their parents (`badge` for `badge.overdue`) and the base role.
    static func allowedRoles(_ known: Set<String>) -> Set<String> {
        var allowed: Set<String> = [Theme.baseRole]
        for role in known {
            var current: Substring = Substring(role)
            allowed.insert(role)
            while let dot = current.lastIndex(of: ".") {
                current = current[..<dot]
                allowed.insert(String(current))
            }
        }
        return allowed
    }

    /// Reads `container[key]` as the style of `role`, then any nested tables as its child roles.
    private mutating func readRole(_ role: String, in container: TOMLTable, key: String, allowed: Set<String>,
                                   into roles: inout [String: RoleEntry]) {
        let line = container.line(of: key) ?? container.line
        let field = container.fieldPath(key)
        guard let value = container[key] else { return }
        guard case .table(let body) = value else {
            add(line: line, "\(field): expected a table like { fg = \"red\", bold = true }, found \(value.kindName)")
            return
        }
        let children = body.keys.filter { !Theme.attributeKeys.contains($0) && body[$0]?.tableValue != nil }
        let ownKeys = body.keys.filter { !children.contains($0) }
        if !ownKeys.isEmpty || body.isEmpty {
            if let entry = readEntry(body, keys: ownKeys, line: line) {
                if !allowed.contains(role) {
                    var reason = "\(field): unknown role \"\(role)\""
                    if let guess = closestSpelling(to: role, among: allowed) { reason += " (did you mean \"\(guess)\"?)" }
                    add(line: line, reason)
                } else if let first = roles[role] {
                    add(line: line, "\(field): role \"\(role)\" is styled twice (first at line \(first.line))")
                } else {
                    roles[role] = entry
                }
            }
        }
        for child in children {
            readRole("\(role).\(child)", in: body, key: child, allowed: allowed, into: &roles)
        }
    }

    /// The attributes of one role; nil (with errors recorded) when any of them is wrong.
    private mutating func readEntry(_ body: TOMLTable, keys: [String], line: Int) -> RoleEntry? {
        let errorsBefore = errors.count
        for key in keys where !Theme.attributeKeys.contains(key) {
            var reason = "\(body.fieldPath(key)): unknown attribute '\(key)'"
            if let guess = closestSpelling(to: key, among: Theme.attributeKeys) { reason += " (did you mean '\(guess)'?)" }
            reason += "; a role takes fg, bg, bold, underline, reverse, dim, italic"
            add(line: body.line(of: key) ?? line, reason)
        }
        var entry = RoleEntry(file: fileName, line: line)
        entry.foreground = readColour(body, "fg")
        entry.background = readColour(body, "bg")
        entry.bold = readFlag(body, "bold")
        entry.underline = readFlag(body, "underline")
        entry.reverse = readFlag(body, "reverse")
        entry.dim = readFlag(body, "dim")
        entry.italic = readFlag(body, "italic")
        return errors.count == errorsBefore ? entry : nil
    }

    private mutating func readColour(_ body: TOMLTable, _ key: String) -> ThemeColor? {
        let line = body.line(of: key) ?? body.line
        let result: Result<ThemeColor, ColourProblem>
        switch body[key] {
        case nil: return nil
        case .string(let text)?: result = ThemeColorSyntax.roleColour(text)
        case .integer(let number)?: result = ThemeColorSyntax.index(number).map(ThemeColor.literal)
        case let value?: result = .failure(ColourProblem("expected a palette name or colour (a string or 0–255), found \(value.kindName)"))
        }
        switch result {
        case .success(let colour): return colour
        case .failure(let problem):
            add(line: line, "\(body.fieldPath(key)): \(problem.reason)")
            return nil
        }
    }

    private mutating func readFlag(_ body: TOMLTable, _ key: String) -> Bool {
        (read { () throws(TOMLFieldError) in try body.optionalBool(key) } ?? nil) ?? false
    }
}
