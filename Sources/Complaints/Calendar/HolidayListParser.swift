extension HolidayList {
    /// Parses a holiday file: one day per line, `DATE KIND NAME`, e.g.
    /// `2026-02-16  cuti-bersama Tahun Baru Imlek 2577 Kongzili`. Blank lines and lines whose
    /// first non-blank character is `#` are ignored. KIND is `libur` or `cuti-bersama`.
    ///
    /// When `fileName` contains a single four-digit year (`libur-2026.txt`), every date must lie
    /// in that year and the list covers that year even if it is empty.
    ///
    /// Why: desk administrators maintain these files by hand each year; all mistakes are
    /// collected and thrown together as `HolidayFileErrors`, each naming FILE:LINE.
    public static func parse(_ text: String, fileName: String) throws -> HolidayList {
        let fileYear = yearNamed(by: fileName)
        var holidays: [Holiday] = []
        var firstLine: [LocalDate: Int] = [:]
        var errors: [HolidayFileError] = []

        func fail(_ line: Int, _ reason: String) {
            errors.append(HolidayFileError(file: fileName, line: line, reason: reason))
        }

        var body = Substring(text)
        if body.first == "\u{FEFF}" { body = body.dropFirst() }
        // "\r\n" is a single Character in Swift, so it is a separator of its own.
        let lines = body.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        for (index, rawLine) in lines.enumerated() {
            let lineNumber = index + 1
            let line = rawLine.trimmingBlanks()
            if line.isEmpty || line.first == "#" { continue }

            let (dateText, afterDate) = line.splitFirstWord()
            let (kindText, nameText) = afterDate.splitFirstWord()

            guard let date = LocalDate(iso: String(dateText)) else {
                fail(lineNumber, "bad date '\(dateText)' (expected YYYY-MM-DD, a real calendar day)")
                continue
            }
            if let fileYear, date.year != fileYear {
                fail(lineNumber, "date \(date) is outside \(fileYear), the year named by the file name")
                continue
            }
            guard !kindText.isEmpty else {
                fail(lineNumber, "missing kind after \(date) (expected libur or cuti-bersama)")
                continue
            }
            guard let kind = HolidayKind(rawValue: String(kindText)) else {
                fail(lineNumber, "unknown kind '\(kindText)' (expected libur or cuti-bersama)")
                continue
            }
            guard !nameText.isEmpty else {
                fail(lineNumber, "missing name for \(date)")
                continue
            }
            if let earlier = firstLine[date] {
                fail(lineNumber, "duplicate date \(date) (first listed on line \(earlier))")
                continue
            }
            firstLine[date] = lineNumber
            holidays.append(Holiday(date: date, kind: kind, name: String(nameText),
                                    file: fileName, line: lineNumber))
        }

        guard errors.isEmpty else { throw HolidayFileErrors(errors) }
        return HolidayList(holidays: holidays, coveredYears: fileYear.map { [$0] } ?? [])
    }

    /// The year a file name states: the only run of exactly four digits in its last path
    /// component (`calendar/libur-2026.txt` → 2026); `nil` when there is none or several.
    static func yearNamed(by fileName: String) -> Int? {
        let component = fileName.split(separator: "/").last.map(String.init) ?? fileName
        var runs: [String] = []
        var current = ""
        for character in component {
            if character.isASCII, character.isNumber {
                current.append(character)
            } else {
                if !current.isEmpty { runs.append(current) }
                current = ""
            }
        }
        if !current.isEmpty { runs.append(current) }
        let years = runs.filter { $0.count == 4 }
        guard years.count == 1, let year = Int(years[0]) else { return nil }
        return year
    }
}

private extension Substring {
    static let blanks: Set<Character> = [" ", "\t", "\r"]

    func trimmingBlanks() -> Substring {
        var result = self
        while let first = result.first, Self.blanks.contains(first) { result = result.dropFirst() }
        while let last = result.last, Self.blanks.contains(last) { result = result.dropLast() }
        return result
    }

    /// The first blank-separated word and the trimmed rest of the line.
    func splitFirstWord() -> (word: Substring, rest: Substring) {
        let trimmed = trimmingBlanks()
        guard let end = trimmed.firstIndex(where: { Self.blanks.contains($0) }) else {
            return (trimmed, trimmed[trimmed.endIndex...])
        }
        return (trimmed[..<end], trimmed[end...].trimmingBlanks())
    }
}
