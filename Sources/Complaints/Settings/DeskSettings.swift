import TinyTOML

/// A desk's own settings (`desk.toml`): its name, time zone, language, theme and deadline limits.
/// Plain text an administrator edits; validated on load with errors naming file and line.
public struct DeskSettings: Sendable, Hashable {
    public var name = "Meja Pengaduan"
    public var timeZone: DeskTimeZone = .wib
    public var language: Language = .id
    public var theme = "default"
    public var limits = DeadlineLimits()
    /// Practice data (demo, bimtek): screens say so, and training commands may reset it.
    public var isPractice = false
    /// The operating-system group that may read the desk (`grup`): new folders become 0750 and new
    /// files 0640 owned by it; without it everything stays 0700/0600, private to one account.
    public var group: String?

    public init() {}

    public static let fileName = "desk.toml"

    public static func parse(_ text: String, fileName: String = DeskSettings.fileName) throws(SettingsErrors) -> DeskSettings {
        var s = DeskSettings()
        var errors: [SettingsError] = []
        let root = try SettingsErrors.parse(text, fileName: fileName)
        func note(_ e: TOMLFieldError) { errors.append(SettingsError(e, in: fileName)) }
        for e in root.unknownKeys(allowed: ["name", "time_zone", "language", "theme", "latihan", "tenggat", "grup"]) { note(e) }
        do {
            if let v = try root.optionalString("name") { s.name = v }
            if let v = try root.optionalString("time_zone") {
                if let tz = DeskTimeZone(parsing: v) { s.timeZone = tz } else {
                    note(root.fieldError("time_zone", "unknown time zone '\(v)' (use WIB, WITA or WIT)"))
                }
            }
            if let v = try root.optionalString("language") {
                if let l = Language(rawValue: v) { s.language = l } else { note(root.fieldError("language", "use 'id' or 'en', not '\(v)'")) }
            }
            if let v = try root.optionalString("theme") { s.theme = v }
            if let v = try root.optionalBool("latihan") { s.isPractice = v }
            if let v = try root.optionalString("grup") {
                if DeskSettings.isGroupName(v) { s.group = v } else {
                    note(root.fieldError("grup", "'\(v)' is not a group name (letters, digits, '_' and '-', not starting with '-')"))
                }
            }
            if let t = try root.optionalTable("tenggat") {
                for e in t.unknownKeys(allowed: ["verifikasi", "tindak_lanjut_instansi", "tutup_otomatis", "penyelesaian", "penundaan"]) {
                    note(e)
                }
                func days(_ key: String, _ apply: (Int) -> Void) throws(TOMLFieldError) {
                    guard let v = try t.optionalInt(key) else { return }
                    guard (1...365).contains(v) else {
                        note(t.fieldError(key, "must be between 1 and 365 working days, not \(v)"))
                        return
                    }
                    apply(v)
                }
                try days("verifikasi") { s.limits.verification = $0 }
                try days("tindak_lanjut_instansi") { s.limits.agencyFollowUp = $0 }
                try days("tutup_otomatis") { s.limits.autoClose = $0 }
                try days("penyelesaian") { s.limits.settlement = $0 }
                try days("penundaan") { s.limits.postponement = $0 }
            }
        } catch {
            note(error)
        }
        guard errors.isEmpty else { throw SettingsErrors(errors) }
        return s
    }

    /// The text `lapor-desk init` writes: every setting with its default and a comment.
    public static let defaultText = """
    # Pengaturan meja pengaduan LaporDesk (desk settings).
    # Semua batas waktu dalam hari kerja (Senin–Jumat, tanpa libur nasional dan cuti bersama).

    name = "Meja Pengaduan"
    time_zone = "WIB"        # WIB, WITA atau WIT
    language = "id"          # id (Bahasa Indonesia) atau en (English)
    theme = "default"        # default, terang, kontras-tinggi, buta-warna, mono

    [tenggat]
    verifikasi = 3               # diterima -> disposisi/arsip/hapus (berhenti saat ditunda)
    tindak_lanjut_instansi = 5   # disposisi -> tindak lanjut
    tutup_otomatis = 10          # tindak lanjut -> selesai bila pelapor diam
    penyelesaian = 60            # diterima -> selesai (Perpres 76/2013)
    penundaan = 10               # ditunda -> boleh diarsipkan bila pelapor tidak menjawab

    """

    /// A POSIX-portable group name: what `groupadd` accepts, nothing a shell or path could misread.
    static func isGroupName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first != "-", text.utf8.count <= 32 else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" }
    }
}
