extension DeskResources {
    /// The shipped bimtek scenarios. SwiftPM embeds files by base name, so each file carries its scenario's
    /// name (`dasar/dasar.skenario.toml`); `scenario(named:)` gives them back under their standard names.
    static let scenarioFiles: [String: [UInt8]] = [
        "scenarios/dasar/dasar.skenario.toml": PackageResources.dasar_skenario_toml,
        "scenarios/dasar/dasar.laporan.jsonl": PackageResources.dasar_laporan_jsonl,
        "scenarios/dasar/dasar.operator.toml": PackageResources.dasar_operator_toml,
        "scenarios/disposisi/disposisi.skenario.toml": PackageResources.disposisi_skenario_toml,
        "scenarios/disposisi/disposisi.laporan.jsonl": PackageResources.disposisi_laporan_jsonl,
        "scenarios/disposisi/disposisi.operator.toml": PackageResources.disposisi_operator_toml,
        "scenarios/tenggat/tenggat.skenario.toml": PackageResources.tenggat_skenario_toml,
        "scenarios/tenggat/tenggat.laporan.jsonl": PackageResources.tenggat_laporan_jsonl,
        "scenarios/tenggat/tenggat.operator.toml": PackageResources.tenggat_operator_toml,
        "scenarios/kerahasiaan/kerahasiaan.skenario.toml": PackageResources.kerahasiaan_skenario_toml,
        "scenarios/kerahasiaan/kerahasiaan.laporan.jsonl": PackageResources.kerahasiaan_laporan_jsonl,
        "scenarios/kerahasiaan/kerahasiaan.operator.toml": PackageResources.kerahasiaan_operator_toml,
        "scenarios/instansi/instansi.skenario.toml": PackageResources.instansi_skenario_toml,
        "scenarios/instansi/instansi.laporan.jsonl": PackageResources.instansi_laporan_jsonl,
        "scenarios/instansi/instansi.operator.toml": PackageResources.instansi_operator_toml,
        "scenarios/instansi/instansi.instansi.toml": PackageResources.instansi_instansi_toml,
    ]

    /// Names of the shipped scenarios, in teaching order.
    public static let scenarioNames = ["dasar", "disposisi", "tenggat", "kerahasiaan", "instansi"]

    /// A shipped scenario's files under their standard names (`skenario.toml`, `laporan.jsonl`,
    /// `operator.toml`, optionally `instansi.toml`), or nil for an unknown name.
    public static func scenario(named name: String) -> [String: String]? {
        let prefix = "scenarios/\(name)/\(name)."
        var out: [String: String] = [:]
        for (path, bytes) in scenarioFiles where path.hasPrefix(prefix) {
            out[String(path.dropFirst(prefix.count))] = String(decoding: bytes, as: UTF8.self)
        }
        return out.isEmpty ? nil : out
    }
}
