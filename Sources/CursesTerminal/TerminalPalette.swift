import TextCanvas

/// Maps style roles to looks: the theme, as the terminal backend consumes it.
///
/// Lookup falls back along the role's family (`inbox.selected` → `inbox`) and then to `fallback`,
/// so a partial theme still gives every role a sensible look.
public struct TerminalPalette: Sendable {
    public var styles: [StyleRole: ResolvedStyle]
    public var fallback: ResolvedStyle
    private let resolver: (@Sendable (StyleRole) -> ResolvedStyle?)?

    /// A palette from a table of roles.
    public init(styles: [StyleRole: ResolvedStyle] = [:], fallback: ResolvedStyle = .plain) {
        self.styles = styles
        self.fallback = fallback
        self.resolver = nil
    }

    /// A palette computed by a closure (nil: fall back as for a table).
    public init(fallback: ResolvedStyle = .plain, resolve: @escaping @Sendable (StyleRole) -> ResolvedStyle?) {
        self.styles = [:]
        self.fallback = fallback
        self.resolver = resolve
    }

    /// The look of `role`.
    public func style(for role: StyleRole) -> ResolvedStyle {
        var current: StyleRole? = role
        while let candidate = current {
            if let found = resolver?(candidate) ?? styles[candidate] { return found }
            current = candidate.parent
        }
        return fallback
    }

    /// Everything plain: what a monochrome theme without entries looks like.
    public static let plain = TerminalPalette()
}
