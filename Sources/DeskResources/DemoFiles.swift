extension DeskResources {
    /// The built-in practice desk opened by `lapor-desk demo`.
    static let demoFiles: [String: [UInt8]] = [
        "demo/laporan.jsonl": PackageResources.laporan_jsonl,
        "demo/operator.toml": PackageResources.operator_toml,
    ]
}
