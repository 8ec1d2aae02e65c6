/// The desk's reference data answers `decide`'s questions about agencies, units and categories.
extension ReferenceData: DirectoryLookup {
    public func agencyExists(_ id: String) -> Bool { agencies[id] != nil }

    public func unitExists(_ unit: String, in agency: String) -> Bool {
        agencies[agency]?.unit(unit) != nil
    }

    public func canonicalUnit(_ unit: String, in agency: String) -> String? {
        agencies[agency]?.unit(unit)?.id
    }

    public func categoryExists(_ category: String, subcategory: String?) -> Bool {
        guard let topic = categories.category(named: category) else { return false }
        guard let subcategory else { return true }
        let wanted = RegionDirectory.normalizedName(subcategory)
        return topic.subcategories.contains { RegionDirectory.normalizedName($0.name) == wanted }
    }

    public func agencyName(_ id: String) -> String? { agencies[id]?.name }

    public func canonicalCategory(_ category: String, subcategory: String?) -> (category: String, subcategory: String?)? {
        guard let topic = categories.category(named: category) else { return nil }
        guard let subcategory else { return (topic.name, nil) }
        guard let sub = topic.subcategory(named: subcategory) else { return nil }
        return (topic.name, sub.name)
    }

    /// The routing proposal for a report's category and place.
    public func proposal(for report: Report) -> RoutingProposal? {
        routing.propose(category: report.category, subcategory: report.subcategory,
                        province: report.location.province, regency: report.location.regency)
    }
}

extension ReferenceData {
    /// The intake with its topic and place as the reference names them: a topic by its id or another
    /// spelling ("pupr", "kesehatan") becomes its name, a place written another accepted way ("Sleman",
    /// "Kab. Sleman", "DIY") becomes its name, and a regency given alone brings its province. Routing already
    /// read these spellings as the places they name; the desk stored them as typed, so filters and figures
    /// took one place for several (QA: `list --region "DI Yogyakarta"` found 1 of 5, `stats` showed four rows
    /// for Sleman, `--category pupr` missed a report recorded as "pupr"). Unknown values stay as given.
    public func canonicalized(_ intake: Intake) -> Intake {
        var memo = CanonicalNames(reference: self)
        return memo.canonicalized(intake)
    }
}

/// `ReferenceData.canonicalized` for many intakes: names are looked up once per distinct spelling (an import
/// repeats a few dozen topics and places, and normalising each line's names again halved its speed).
public struct CanonicalNames {
    let reference: ReferenceData
    /// A topic (category, sub-topic) or a place (province, regency) as written, or as the reference names it.
    private struct Names: Hashable {
        var first: String?
        var second: String?
    }

    private var topics: [Names: Names] = [:]
    private var places: [Names: Names] = [:]

    public init(reference: ReferenceData) { self.reference = reference }

    /// Fields already named as the reference names them are left alone, so the intake is not copied.
    public mutating func canonicalized(_ intake: Intake) -> Intake {
        var i = intake
        if let category = i.category {
            let key = Names(first: category, second: i.subcategory)
            let named: Names
            if let known = topics[key] { named = known } else { named = topic(category, i.subcategory); topics[key] = named }
            if named != key { (i.category, i.subcategory) = (named.first, named.second) }
        }
        let l = i.location
        if l.province != nil || l.regency != nil {
            let key = Names(first: l.province, second: l.regency)
            let named: Names
            if let known = places[key] { named = known } else { named = place(l.province, l.regency); places[key] = named }
            if named != key {
                var moved = l
                (moved.province, moved.regency) = (named.first, named.second)
                i.location = moved
            }
        }
        return i
    }

    /// A topic by its id or another spelling becomes its name; an unknown sub-topic of a known topic stays.
    private func topic(_ category: String, _ subcategory: String?) -> Names {
        if let known = reference.canonicalCategory(category, subcategory: subcategory) {
            return Names(first: known.category, second: known.subcategory)
        }
        if let topic = reference.categories.category(named: category) { return Names(first: topic.name, second: subcategory) }
        return Names(first: category, second: subcategory)
    }

    /// A place written another accepted way becomes its name; a regency given alone brings its province. Within
    /// the province when one is given; a province given but unknown leaves the regency as typed.
    private func place(_ provinceText: String?, _ regencyText: String?) -> Names {
        let regions = reference.regions
        let province = provinceText.flatMap { regions.province(named: $0) }
        var named = Names(first: province?.name ?? provinceText, second: regencyText)
        if let text = regencyText, province != nil || provinceText == nil,
           let regency = regions.regency(named: text, inProvince: province?.code) {
            named.second = regency.name
            if provinceText == nil { named.first = regions.province(code: regency.provinceCode)?.name }
        }
        return named
    }
}
