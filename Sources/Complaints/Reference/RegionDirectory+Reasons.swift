import TinyTOML

extension RegionDirectory {
    /// "unknown province 'Jawa Barrat' (did you mean 'Jawa Barat'?)" for loaders.
    func unknownProvinceReason(_ text: String) -> String {
        let names = provinces.map(\.name)
        if let guess = closestSpelling(to: text, among: names) {
            return "unknown province '\(text)' (did you mean '\(guess)'?)"
        }
        return "unknown province '\(text)'"
    }

    /// Explains why `text` names no single regency/city of `province`: unknown, or ambiguous.
    func unknownRegencyReason(_ text: String, in province: Province) -> String {
        let matches = regencies(matching: text, inProvince: province.code)
        if matches.count > 1 {
            return "'\(text)' is ambiguous in \(province.name): write \(matches.map { "'\($0.name)'" }.joined(separator: " or "))"
        }
        if let guess = closestSpelling(to: text, among: province.regencies.map(\.name)) {
            return "unknown regency/city '\(text)' in \(province.name) (did you mean '\(guess)'?)"
        }
        return "unknown regency/city '\(text)' in \(province.name)"
    }
}
