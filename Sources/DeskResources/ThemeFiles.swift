extension DeskResources {
    /// Shipped themes (copies of the repository's `themes/` folder; a test keeps them identical).
    static let themeFiles: [String: [UInt8]] = [
        "themes/default.toml": PackageResources.default_toml,
        "themes/terang.toml": PackageResources.terang_toml,
        "themes/kontras-tinggi.toml": PackageResources.kontras_tinggi_toml,
        "themes/buta-warna.toml": PackageResources.buta_warna_toml,
        "themes/mono.toml": PackageResources.mono_toml,
    ]
}
