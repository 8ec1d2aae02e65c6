extension DeskResources {
    /// The built-in practice desk opened by `lapor-desk demo`.
    static let demoFiles: [String: [UInt8]] = [:]
}
