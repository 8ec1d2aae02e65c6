import TinyTOML

/// Theme files: TOML that maps style roles to colours and attributes.
///
/// ```
/// name = "terang"                    # optional; must match the file name
/// description = "Terang (proyektor)"
/// inherits = "default"               # optional; every theme but `default` inherits `default`
///
/// [palette]                          # colour names: "#rrggbb", 0–255, a colour name, "default"
/// bg = "#ffffff"
///
/// [roles]                            # fg, bg (palette name or colour), bold, underline, reverse, dim, italic
/// plain = { fg = "fg", bg = "bg" }   # the base: what unstyled cells and omitted fg/bg mean
/// "badge.overdue" = { fg = "white", bg = "red", bold = true }
/// ```
/// The console names roles, never colours; this is the one place colours are chosen.
public enum Theme {
    /// The theme every other theme completes, and the one used when settings name none.
    public static let defaultName = "default"
    /// The role of unstyled cells; its colours are what an omitted `fg`/`bg` means.
    public static let baseRole = "plain"
    /// Keys a role entry may have.
    public static let attributeKeys: Set<String> = ["fg", "bg", "bold", "underline", "reverse", "dim", "italic"]

    /// Reads one theme file, reporting every problem at once.
    ///
    /// - Parameters:
    ///   - fileName: used in errors and, without its folder and `.toml`, as the theme's name.
    ///   - knownRoles: the roles the console draws with (dotted names). A theme may also style a
    ///     parent of a known role (`badge` for `badge.overdue`) and the base role `plain`.
    /// - Throws: `ThemeErrors` listing `FILE:LINE: reason` for syntax errors, unknown keys, wrong
    ///   types, bad colours, unknown roles and attributes, and (for `default`, which has no parent
    ///   to supply them) unknown palette names.
    public static func parse(text: String, fileName: String, knownRoles: Set<String>) throws(ThemeErrors) -> ThemeDefinition {
        let document: TOMLTable
        do {
            document = try parseTOML(text)
        } catch {
            throw ThemeErrors([ThemeError(file: fileName, line: error.line,
                                          reason: "\(error.message) (column \(error.column))")])
        }
        var parser = ThemeParser(fileName: fileName, knownRoles: knownRoles)
        let definition = parser.read(document)
        guard parser.errors.isEmpty else { throw ThemeErrors(parser.errors.sorted { $0.line < $1.line }) }
        return definition
    }

    /// The theme name a file stands for: `/x/y/terang.toml` → `terang`.
    public static func name(forFile fileName: String) -> String {
        let last = fileName.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? fileName
        return last.hasSuffix(".toml") ? String(last.dropLast(".toml".count)) : last
    }
}
