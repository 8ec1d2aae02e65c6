import Foundation

/// The three Indonesian time zones, as fixed UTC offsets (Indonesia has no daylight saving).
///
/// Why: a desk counts working days in its own local time; a report filed at 23:30 WIB on Friday
/// is already Saturday in WIT. Fixed offsets keep the arithmetic pure and fast.
public enum DeskTimeZone: String, Sendable, CaseIterable, Hashable, Codable {
    /// Waktu Indonesia Barat, UTC+7 (Jakarta). The default.
    case wib = "WIB"
    /// Waktu Indonesia Tengah, UTC+8 (Makassar, Bali).
    case wita = "WITA"
    /// Waktu Indonesia Timur, UTC+9 (Jayapura).
    case wit = "WIT"

    /// The desk default when configuration names no zone.
    public static let `default`: DeskTimeZone = .wib

    /// Offset from UTC in seconds.
    public var secondsFromUTC: Int {
        switch self {
        case .wib: return 7 * 3600
        case .wita: return 8 * 3600
        case .wit: return 9 * 3600
        }
    }

    /// The IANA zone name, for display and for writing configuration back.
    public var ianaIdentifier: String {
        switch self {
        case .wib: return "Asia/Jakarta"
        case .wita: return "Asia/Makassar"
        case .wit: return "Asia/Jayapura"
        }
    }

    /// Parses "WIB"/"WITA"/"WIT" (any case) or an Indonesian IANA name
    /// ("Asia/Jakarta", "Asia/Pontianak", "Asia/Makassar", "Asia/Jayapura"); `nil` otherwise.
    /// Why: settings files may use either spelling.
    public init?(parsing text: String) {
        let key = text.trimmingCharacters(in: .whitespaces).lowercased()
        switch key {
        case "wib", "asia/jakarta", "asia/pontianak": self = .wib
        case "wita", "asia/makassar": self = .wita
        case "wit", "asia/jayapura": self = .wit
        default: return nil
        }
    }
}
