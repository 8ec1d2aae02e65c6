import TinyTOML

/// Everything the desk needs to classify and route reports: topics, regions, agencies, rules.
/// Loaded from four TOML files a desk administrator can edit; see each loader for the format.
public struct ReferenceData: Equatable, Sendable {
    public let categories: CategoryTree
    public let regions: RegionDirectory
    public let agencies: AgencyDirectory
    public let routing: RoutingRules

    public static let categoryFile = "kategori.toml"
    public static let regionFile = "wilayah.toml"
    public static let agencyFile = "instansi.toml"
    public static let routingFile = "rute.toml"
    /// The four files `load` expects, in load order.
    public static let fileNames = [categoryFile, regionFile, agencyFile, routingFile]

    public init(categories: CategoryTree, regions: RegionDirectory, agencies: AgencyDirectory, routing: RoutingRules) {
        self.categories = categories
        self.regions = regions
        self.agencies = agencies
        self.routing = routing
    }

    /// Loads and cross-checks the four files (file name → text). Pure: the caller reads the
    /// files (embedded defaults or the desk's own). Throws every problem found, not just the
    /// first; checks that depend on a file with a syntax error are skipped to avoid noise.
    public static func load(files: [String: String]) throws(ReferenceDataErrors) -> ReferenceData {
        var errors: [ReferenceDataError] = []
        let categoryDoc = ReferenceIssues.parse(categoryFile, from: files, into: &errors)
        let regionDoc = ReferenceIssues.parse(regionFile, from: files, into: &errors)
        let agencyDoc = ReferenceIssues.parse(agencyFile, from: files, into: &errors)
        let routingDoc = ReferenceIssues.parse(routingFile, from: files, into: &errors)

        let mentions = ReferenceMentions(categories: categoryDoc, regions: regionDoc, agencies: agencyDoc)
        var categoryIssues = ReferenceIssues(file: categoryFile)
        let categories = categoryDoc.map { CategoryTree.load($0, issues: &categoryIssues) }
        var regionIssues = ReferenceIssues(file: regionFile)
        let regions = regionDoc.map { RegionDirectory.load($0, issues: &regionIssues) }
        var agencyIssues = ReferenceIssues(file: agencyFile)
        let agencies = agencyDoc.map { AgencyDirectory.load($0, regions: regions, mentions: mentions, issues: &agencyIssues) }
        var routingIssues = ReferenceIssues(file: routingFile)
        var routing: RoutingRules?
        if let routingDoc, let categories, let regions, let agencies {
            routing = RoutingRules.load(routingDoc, file: routingFile, categories: categories, regions: regions,
                                        agencies: agencies, mentions: mentions, issues: &routingIssues)
        }
        errors += categoryIssues.errors + regionIssues.errors + agencyIssues.errors + routingIssues.errors
        errors = errors.enumerated().sorted { lhs, rhs in
            let left = (fileNames.firstIndex(of: lhs.element.file) ?? 0, lhs.element.line, lhs.offset)
            let right = (fileNames.firstIndex(of: rhs.element.file) ?? 0, rhs.element.line, rhs.offset)
            return left < right
        }.map(\.element)
        guard errors.isEmpty, let categories, let regions, let agencies, let routing else {
            throw ReferenceDataErrors(errors)
        }
        return ReferenceData(categories: categories, regions: regions, agencies: agencies, routing: routing)
    }
}
