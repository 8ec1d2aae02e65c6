extension DeskResources {
    /// Shipped themes (copies of the repository's `themes/` folder; a test keeps them identical).
    static let themeFiles: [String: [UInt8]] = [:]
}
