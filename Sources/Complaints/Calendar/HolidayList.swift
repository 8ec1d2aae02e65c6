/// The non-working days of one or more years, plus which years the list speaks for.
///
/// Why: the working calendar needs the holidays, and the UI needs to know which years have no
/// list at all ("no holiday list for 2028") so that Mon–Fri-only deadlines can be flagged.
public struct HolidayList: Sendable, Hashable {
    /// Holidays sorted by date, one per date.
    public let holidays: [Holiday]
    /// Years this list covers: the year named by a file (even an empty file) plus every year
    /// that has an entry.
    public let coveredYears: Set<Int>

    /// A list built in code. Duplicate dates keep the first entry.
    public init(holidays: [Holiday], coveredYears: Set<Int> = []) {
        var seen = Set<LocalDate>()
        var unique: [Holiday] = []
        for holiday in holidays where seen.insert(holiday.date).inserted {
            unique.append(holiday)
        }
        self.holidays = unique.sorted { $0.date < $1.date }
        self.coveredYears = coveredYears.union(unique.map(\.date.year))
    }

    /// No holidays, no covered years: a plain Mon–Fri calendar.
    public static let empty = HolidayList(holidays: [])

    /// The entry for `date`, if it is listed (weekend entries included).
    public func holiday(on date: LocalDate) -> Holiday? {
        var low = 0
        var high = holidays.count
        while low < high {
            let mid = (low + high) / 2
            if holidays[mid].date < date { low = mid + 1 } else { high = mid }
        }
        return low < holidays.count && holidays[low].date == date ? holidays[low] : nil
    }

    /// Combines per-year lists (e.g. libur-2025.txt … libur-2027.txt) into one.
    /// Throws every date listed twice across the lists, naming the later file and line.
    public static func merging(_ lists: [HolidayList]) throws -> HolidayList {
        var first: [LocalDate: Holiday] = [:]
        var all: [Holiday] = []
        var errors: [HolidayFileError] = []
        var years = Set<Int>()
        for list in lists {
            years.formUnion(list.coveredYears)
            for holiday in list.holidays {
                if let earlier = first[holiday.date] {
                    errors.append(HolidayFileError(
                        file: holiday.file, line: holiday.line,
                        reason: "duplicate date \(holiday.date) (already listed at \(earlier.file):\(earlier.line))"))
                } else {
                    first[holiday.date] = holiday
                    all.append(holiday)
                }
            }
        }
        guard errors.isEmpty else { throw HolidayFileErrors(errors) }
        return HolidayList(holidays: all, coveredYears: years)
    }
}
