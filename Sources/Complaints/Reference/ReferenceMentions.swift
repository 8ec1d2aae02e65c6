import TinyTOML

/// Everything the files name, valid or not. When an entry is broken (and already reported in its
/// own file), references to it elsewhere are dropped quietly instead of piling up follow-on
/// "unknown agency" errors that hide the real cause.
///
/// Asked only after a lookup has failed, so the names are gathered (and normalised) on the first question:
/// a clean load never normalises them a second time beside the loaders. Used by one load, on one thread.
final class ReferenceMentions {
    private let categoryDocument: TOMLTable?
    private let regionDocument: TOMLTable?
    private let agencyDocument: TOMLTable?

    init(categories: TOMLTable?, regions: TOMLTable?, agencies: TOMLTable?) {
        categoryDocument = categories
        regionDocument = regions
        agencyDocument = agencies
    }

    private lazy var categories: Set<String> = {
        var names: Set<String> = []
        for table in ReferenceMentions.entries(categoryDocument, "kategori") {
            for key in ["id", "nama"] {
                if let text = table[key]?.stringValue { names.insert(ReferenceName.normalized(text)) }
            }
        }
        return names
    }()

    private lazy var regions: (provinces: Set<String>, regencies: Set<String>) = {
        var provinces: Set<String> = []
        var regencies: Set<String> = []
        for table in ReferenceMentions.entries(regionDocument, "provinsi") {
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
        return (provinces, regencies)
    }()

    private lazy var agencyIDs: Set<String> = Set(ReferenceMentions.entries(agencyDocument, "instansi").compactMap { $0["id"]?.stringValue })

    private static func entries(_ document: TOMLTable?, _ key: String) -> [TOMLTable] {
        document?[key]?.arrayValue?.compactMap(\.tableValue) ?? []
    }

    func mentionsCategory(_ text: String) -> Bool { categories.contains(ReferenceName.normalized(text)) }
    func mentionsProvince(_ text: String) -> Bool { regions.provinces.contains(RegionDirectory.normalizedName(text)) }
    func mentionsRegency(_ text: String) -> Bool { regions.regencies.contains(RegionDirectory.normalizedName(text)) }
    func mentionsAgency(_ id: String) -> Bool { agencyIDs.contains(id) }
}
