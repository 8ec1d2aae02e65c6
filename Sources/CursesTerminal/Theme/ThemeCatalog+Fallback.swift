/// Start-up must not fail over a theme: a broken or missing theme is reported and the console
/// carries on with the built-in default (or, if even that is unusable, plain attributes).
extension ThemeCatalog {
    /// The palette for `name` at `depth`, or a working substitute plus the reasons it was needed.
    public func paletteOrFallback(name: String, depth: ColorDepth) -> (palette: TerminalPalette, problems: [ThemeError]) {
        do {
            return (try resolve(name: name, depth: depth), [])
        } catch {
            let builtinOnly = ThemeCatalog(builtin: builtinTexts, knownRoles: knownRoles)
            if let palette = try? builtinOnly.resolve(name: Theme.defaultName, depth: depth) {
                return (palette, error.errors)
            }
            return (.plain, error.errors)
        }
    }

    /// The user's theme folder: `$XDG_CONFIG_HOME/lapor-desk/themes`, or
    /// `$HOME/.config/lapor-desk/themes` when `XDG_CONFIG_HOME` is unset or not absolute (as the
    /// XDG spec says); nil without either. Pure: the caller passes the environment.
    public static func userThemeFolder(environment: [String: String]) -> String? {
        if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") {
            return config + "/lapor-desk/themes"
        }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.config/lapor-desk/themes" }
        return nil
    }
}
