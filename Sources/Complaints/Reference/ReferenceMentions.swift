import TinyTOML

/// Everything the files name, valid or not. When an entry is broken (and already reported in its
/// own file), references to it elsewhere are dropped quietly instead of piling up follow-on
/// "unknown agency" errors that hide the real cause.
struct ReferenceMentions {
    var categories: Set<String> = []
    var provinces: Set<String> = []
    var regencies: Set<String> = []
    var agencyIDs: Set<String> = []

    init(categories: TOMLTable?, regions: TOMLTable?, agencies: TOMLTable?) {
        let categoryTables = ReferenceMentions.entries(categories, "kategori")
        let provinceTables = ReferenceMentions.entries(regions, "provinsi")
        // Room for about every name at once (two per topic, a few per province): growing a set rehashes
        // all it holds.
        self.categories.reserveCapacity(categoryTables.count * 2)
        provinces.reserveCapacity(provinceTables.count * 3)
        regencies.reserveCapacity(provinceTables.count * 4)
        for table in categoryTables {
            for key in ["id", "nama"] {
                if let text = table[key]?.stringValue { self.categories.insert(ReferenceName.normalized(text)) }
            }
        }
        for table in provinceTables {
            let names = [table["nama"]?.stringValue, table["kode"]?.stringValue].compactMap { $0 }
                + (table["alias"]?.arrayValue?.compactMap(\.stringValue) ?? [])
            for name in names { provinces.insert(RegionDirectory.normalizedName(name)) }
            for regency in ReferenceMentions.entries(table, "kabkota") {
                if let name = regency["nama"]?.stringValue {
                    let normalized = RegionDirectory.normalizedName(name)
                    regencies.insert(normalized)
                    regencies.insert(RegionDirectory.bareName(normalized))
                }
            }
        }
        for table in ReferenceMentions.entries(agencies, "instansi") {
            if let id = table["id"]?.stringValue { agencyIDs.insert(id) }
        }
    }

    static func entries(_ document: TOMLTable?, _ key: String) -> [TOMLTable] {
        document?[key]?.arrayValue?.compactMap(\.tableValue) ?? []
    }

    func mentionsCategory(_ text: String) -> Bool { categories.contains(ReferenceName.normalized(text)) }
    func mentionsProvince(_ text: String) -> Bool { provinces.contains(RegionDirectory.normalizedName(text)) }
    func mentionsRegency(_ text: String) -> Bool { regencies.contains(RegionDirectory.normalizedName(text)) }
}
