/// Lifecycle states of a report, with the ids used in the journal, on the command line and in
/// `list --json` (a contract: see formats.md §3).
public enum ReportStatus: String, CaseIterable, Codable, Sendable, Hashable {
    case baru, tunda, terdisposisi, diproses, ditindaklanjuti, selesai, diarsipkan, dihapus

    /// Label officers know from the LAPOR! admin screens.
    public var label: Localized {
        switch self {
        case .baru: Localized("Belum Terverifikasi", en: "Not yet verified")
        case .tunda: Localized("Perlu Informasi Tambahan", en: "Needs more information")
        case .terdisposisi: Localized("Terdisposisi", en: "Disposed")
        case .diproses: Localized("Diproses Unit Kerja", en: "With work unit")
        case .ditindaklanjuti: Localized("Ditindaklanjuti", en: "Followed up")
        case .selesai: Localized("Selesai", en: "Closed")
        case .diarsipkan: Localized("Diarsipkan", en: "Archived")
        case .dihapus: Localized("Dihapus", en: "Deleted")
        }
    }

    /// Open reports still owe somebody work, so their deadlines run and they can be overdue.
    public var isOpen: Bool {
        switch self {
        case .baru, .tunda, .terdisposisi, .diproses, .ditindaklanjuti: true
        case .selesai, .diarsipkan, .dihapus: false
        }
    }
}

/// What kind of message the reporter sent; it decides how the agency must answer.
public enum Classification: String, CaseIterable, Codable, Sendable, Hashable {
    case pengaduan
    case aspirasi
    case permintaanInformasi = "permintaan-informasi"

    public var label: Localized {
        switch self {
        case .pengaduan: Localized("Pengaduan", en: "Complaint")
        case .aspirasi: Localized("Aspirasi", en: "Suggestion")
        case .permintaanInformasi: Localized("Permintaan Informasi", en: "Information request")
        }
    }
}

/// The door a report came in by ("no wrong door").
public enum Channel: String, CaseIterable, Codable, Sendable, Hashable {
    case web, sms, twitter, app, whatsapp, email, letter
    case walkIn = "walk-in"
    case phone, api
}

/// Groups a reporter chose to declare, used only for inclusion reporting.
public enum ReporterGroup: String, CaseIterable, Codable, Sendable, Hashable {
    case perempuan, pemuda, disabilitas, lansia

    public var label: Localized {
        switch self {
        case .perempuan: Localized("Perempuan", en: "Woman")
        case .pemuda: Localized("Pemuda", en: "Youth")
        case .disabilitas: Localized("Penyandang disabilitas", en: "Person with disability")
        case .lansia: Localized("Lansia", en: "Elderly")
        }
    }
}

/// Urgency the desk assigns; used for sorting queues.
public enum Priority: String, CaseIterable, Codable, Sendable, Hashable, Comparable {
    case rendah, normal, tinggi, mendesak

    public var rank: Int {
        switch self {
        case .rendah: 0
        case .normal: 1
        case .tinggi: 2
        case .mendesak: 3
        }
    }

    public static func < (a: Priority, b: Priority) -> Bool { a.rank < b.rank }

    public var label: Localized {
        switch self {
        case .rendah: Localized("Rendah", en: "Low")
        case .normal: Localized("Normal", en: "Normal")
        case .tinggi: Localized("Tinggi", en: "High")
        case .mendesak: Localized("Mendesak", en: "Urgent")
        }
    }
}

/// Why a report was archived instead of disposed (domain.md: not actionable).
public enum ArchiveReason: String, CaseIterable, Codable, Sendable, Hashable {
    case terlaluUmum = "terlalu-umum"
    case bukanPelayananPublik = "bukan-pelayanan-publik"
    case duplikat
    case formatSalah = "format-salah"
    case tanpaJawabanPelapor = "tanpa-jawaban-pelapor"

    public var label: Localized {
        switch self {
        case .terlaluUmum: Localized("Terlalu umum", en: "Too general")
        case .bukanPelayananPublik: Localized("Bukan tentang pelayanan publik", en: "Not about public services")
        case .duplikat: Localized("Duplikat laporan lain", en: "Duplicate of another report")
        case .formatSalah: Localized("Format tidak sesuai", en: "Wrong format")
        case .tanpaJawabanPelapor: Localized("Pelapor tidak melengkapi informasi", en: "Reporter never supplied the information")
        }
    }
}

/// Why a report was deleted (hidden from every queue, never erased from the journal).
public enum DeleteReason: String, CaseIterable, Codable, Sendable, Hashable {
    case spam
    case tidakTerbaca = "tidak-terbaca"

    public var label: Localized {
        switch self {
        case .spam: Localized("Spam", en: "Spam")
        case .tidakTerbaca: Localized("Tidak dapat dipahami", en: "Unintelligible")
        }
    }
}
