import TinyTOML

/// The desk's operators (`operator.toml`): who may sign in with `--as NAME`, with which role and agency.
public struct Roster: Sendable, Hashable {
    public var operators: [Operator]
    /// Operating-system users allowed to act as each operator (optional).
    public var osUsers: [String: String] = [:]

    public init(operators: [Operator]) { self.operators = operators }

    public static let fileName = "operator.toml"

    public func find(_ name: String) -> Operator? { operators.first { $0.name == name } }

    /// The operator used when none is named: the first national admin.
    public var defaultOperator: Operator? {
        operators.first { $0.role == .adminNasional } ?? operators.first
    }

    /// Parses the roster, checking roles and that agency roles name an agency that exists.
    public static func parse(_ text: String, fileName: String = Roster.fileName, directory: (any DirectoryLookup)?) throws(SettingsErrors)
        -> Roster
    {
        var errors: [SettingsError] = []
        let root = try SettingsErrors.parse(text, fileName: fileName)
        func note(_ e: TOMLFieldError) { errors.append(SettingsError(e, in: fileName)) }
        var roster = Roster(operators: [])
        for e in root.unknownKeys(allowed: ["operator"]) { note(e) }
        do {
            for t in try root.tables("operator") {
                for e in t.unknownKeys(allowed: ["name", "display_name", "role", "agency", "unit", "os_user"]) { note(e) }
                do {
                    let name = try t.requiredString("name")
                    let roleText = try t.requiredString("role")
                    guard let role = Role(rawValue: roleText), role != .sistem else {
                        note(t.fieldError("role", "unknown role '\(roleText)' (admin-nasional, admin-instansi, penghubung, pengamat)"))
                        continue
                    }
                    let agency = try t.optionalString("agency")
                    var unit = try t.optionalString("unit")
                    // A scope the role does not have would read as a limit nobody applies (QA: a pengamat given
                    // one agency, as an auditor of it, saw every agency's reports and reporters).
                    if role == .adminNasional || role == .pengamat, agency != nil || unit != nil {
                        note(t.fieldError(agency != nil ? "agency" : "unit",
                                          "not used by role \(role.rawValue), which sees every agency's reports; remove it"))
                        continue
                    }
                    if role == .adminInstansi, unit != nil {
                        note(t.fieldError("unit", "not used by role admin-instansi, which works for the whole agency; remove it (a work unit is for penghubung)"))
                        continue
                    }
                    if role == .adminInstansi || role == .penghubung {
                        guard let agency else {
                            note(t.fieldError("agency", "required for role \(role.rawValue)"))
                            continue
                        }
                        if let directory, !directory.agencyExists(agency) {
                            note(t.fieldError("agency", "unknown agency '\(agency)'"))
                        }
                        // A liaison officer works for one unit (domain: "see its unit's reports"): without one it saw
                        // and answered every unit's reports of the agency (QA).
                        if role == .penghubung, unit == nil {
                            note(t.fieldError("unit", "required for role penghubung (the work unit whose reports it answers)"))
                            continue
                        }
                        if let given = unit, let directory {
                            // The local id ("dinkes") names the same unit as the full one, as `assign-unit` reads
                            // it; kept as given, the officer matched no report's unit and saw an empty desk (QA).
                            if let full = directory.canonicalUnit(given, in: agency) {
                                unit = full
                            } else {
                                note(t.fieldError("unit", "unit '\(given)' is not part of \(agency)"))
                            }
                        }
                    }
                    if roster.find(name) != nil {
                        note(t.fieldError("name", "operator '\(name)' is listed twice"))
                        continue
                    }
                    roster.operators.append(Operator(name: name, role: role, agency: agency, unit: unit,
                                                     displayName: try t.optionalString("display_name")))
                    if let os = try t.optionalString("os_user") { roster.osUsers[name] = os }
                } catch {
                    note(error)
                }
            }
        } catch {
            note(error)
        }
        guard errors.isEmpty else { throw SettingsErrors(errors) }
        return roster
    }

    public static let defaultText = """
    # Daftar petugas meja ini (operator roster). `--as NAMA` memilih petugas.
    # role: admin-nasional, admin-instansi, penghubung, pengamat
    # admin-instansi dan penghubung wajib menyebut agency (dan unit untuk penghubung).

    [[operator]]
    name = "admin"
    display_name = "Admin Nasional"
    role = "admin-nasional"

    [[operator]]
    name = "pengamat"
    display_name = "Pengamat"
    role = "pengamat"

    """
}
