/// What kind of body an agency is; decides which region fields it must carry.
/// Raw values are the words used in `instansi.toml`.
public enum AgencyKind: String, Sendable, Hashable, CaseIterable {
    case ministry = "kementerian"
    case body = "lembaga"
    case province = "provinsi"
    case regency = "kabupaten"
    case city = "kota"
    case bumn = "bumn"
    case university = "perguruan-tinggi"
}

/// A work unit (OPD, satker) inside an agency: where a coordinator passes a report on to.
public struct WorkUnit: Hashable, Sendable, Identifiable {
    /// Globally unique id, `agency/unit` (`pemkab-sleman/dinkes`).
    public let id: String
    /// The unit's id inside its agency (`dinkes`).
    public let localID: String
    public let name: String
    /// Line in `instansi.toml` (of the agency, for units from a standard set).
    public let line: Int

    public init(id: String, localID: String, name: String, line: Int) {
        self.id = id
        self.localID = localID
        self.name = name
        self.line = line
    }
}

/// The region an agency serves or sits in (codes from `RegionDirectory`, names for display).
public struct AgencyRegion: Hashable, Sendable {
    public let provinceCode: String
    public let provinceName: String
    public let regencyCode: String?
    public let regencyName: String?

    public init(provinceCode: String, provinceName: String, regencyCode: String? = nil, regencyName: String? = nil) {
        self.provinceCode = provinceCode
        self.provinceName = provinceName
        self.regencyCode = regencyCode
        self.regencyName = regencyName
    }
}

/// An agency connected to the desk: a ministry, body, local government, BUMN or university.
public struct Agency: Equatable, Sendable, Identifiable {
    /// Short slug (`pemkab-sleman`, `kemenkes`).
    public let id: String
    public let name: String
    public let kind: AgencyKind
    /// Required for local governments; optional for others.
    public let region: AgencyRegion?
    public let units: [WorkUnit]
    /// Line in `instansi.toml`.
    public let line: Int

    public init(id: String, name: String, kind: AgencyKind, region: AgencyRegion?, units: [WorkUnit], line: Int) {
        self.id = id
        self.name = name
        self.kind = kind
        self.region = region
        self.units = units
        self.line = line
    }

    /// Finds a unit by its full id (`pemkab-sleman/dinkes`) or local id (`dinkes`).
    public func unit(_ id: String) -> WorkUnit? {
        unitPosition(id).map { units[$0] }
    }

    /// Where `unit(id)` is in `units`, for a caller wanting one field rather than a copy of the unit.
    func unitPosition(_ id: String) -> Int? {
        units.firstIndex { $0.id == id || $0.localID == id }
    }
}

/// The agencies reports can be disposed to, with their work units.
public struct AgencyDirectory: Equatable, Sendable {
    public let agencies: [Agency]
    private let indexByID: [String: Int]

    public init(agencies: [Agency]) {
        self.agencies = agencies
        var index: [String: Int] = [:]
        for (position, agency) in agencies.enumerated() where index[agency.id] == nil {
            index[agency.id] = position
        }
        self.indexByID = index
    }

    public subscript(id: String) -> Agency? { indexByID[id].map { agencies[$0] } }

    /// The unit with full id `agency/unit`, or nil.
    public func unit(id: String) -> WorkUnit? {
        guard let slash = id.firstIndex(of: "/") else { return nil }
        return self[String(id[..<slash])]?.unit(id)
    }

    /// The local governments and other agencies sitting in a province (any regency) or regency.
    public func agencies(inProvince provinceCode: String, regency regencyCode: String? = nil) -> [Agency] {
        agencies.filter { agency in
            guard let region = agency.region, region.provinceCode == provinceCode else { return false }
            return regencyCode == nil || region.regencyCode == regencyCode
        }
    }

    public static func == (lhs: AgencyDirectory, rhs: AgencyDirectory) -> Bool { lhs.agencies == rhs.agencies }
}
