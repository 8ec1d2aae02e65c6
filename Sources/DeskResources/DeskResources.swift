/// The data LaporDesk ships inside its binary (reference data, holiday calendars, themes, practice desks),
/// so the program works from any folder and after installation. User files override these copies.
///
/// SwiftPM flattens embedded file names (`reference/kategori.toml` becomes `kategori_toml`), so this table
/// maps each file's path under `Files/` to its bytes. A test checks that every file there is listed.
public enum DeskResources {
    public static let files: [String: [UInt8]] = {
        var f: [String: [UInt8]] = [
            "reference/kategori.toml": PackageResources.kategori_toml,
            "reference/wilayah.toml": PackageResources.wilayah_toml,
            "reference/instansi.toml": PackageResources.instansi_toml,
            "reference/rute.toml": PackageResources.rute_toml,
            "calendar/libur-2025.txt": PackageResources.libur_2025_txt,
            "calendar/libur-2026.txt": PackageResources.libur_2026_txt,
            "calendar/libur-2027.txt": PackageResources.libur_2027_txt,
        ]
        for (k, v) in themeFiles { f[k] = v }
        for (k, v) in demoFiles { f[k] = v }
        for (k, v) in scenarioFiles { f[k] = v }
        return f
    }()

    /// Text of a shipped file, by its path under `Files/`.
    public static func text(_ path: String) -> String? {
        files[path].map { String(decoding: $0, as: UTF8.self) }
    }

    /// Shipped files under a folder, as file name → text (e.g. `reference` → the four reference files).
    public static func folder(_ name: String) -> [String: String] {
        var out: [String: String] = [:]
        for (path, bytes) in files where path.hasPrefix(name + "/") {
            out[String(path.dropFirst(name.count + 1))] = String(decoding: bytes, as: UTF8.self)
        }
        return out
    }
}
