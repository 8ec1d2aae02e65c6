import Foundation

/// A bimtek scenario's manifest (`skenario.toml`): what the class sees (title, description), the practice
/// desk's fixed starting clock and zone, its name, the operator the trainee plays, and the lesson.
/// The reports, roster and optional agencies live beside it in the scenario folder.
public struct Scenario: Sendable, Hashable {
    /// The folder name (`dasar`), used on the command line.
    public var name: String
    public var title: Localized
    public var description: Localized
    /// The practice desk's "now" when the class starts; `age_hours` in `laporan.jsonl` count back from it.
    /// The practice clock (presenter side) should start here too.
    public var startsAt: Date
    public var timeZone: DeskTimeZone
    public var deskName: String
    /// Roster name of the operator the trainee signs in as.
    public var trainee: String
    public var lesson: Lesson

    public init(name: String, title: Localized, description: Localized, startsAt: Date, timeZone: DeskTimeZone,
                deskName: String, trainee: String, lesson: Lesson) {
        self.name = name
        self.title = title
        self.description = description
        self.startsAt = startsAt
        self.timeZone = timeZone
        self.deskName = deskName
        self.trainee = trainee
        self.lesson = lesson
    }

    public static let manifestFileName = "skenario.toml"
    public static let reportsFileName = "laporan.jsonl"
    public static let rosterFileName = "operator.toml"
    public static let agenciesFileName = "instansi.toml"

    /// Reports the lesson names (in patterns and `{...}` in texts), checked against `laporan.jsonl`.
    public var namedReports: [NamedReport] = []
    /// Agency, unit and category values named by steps and known mistakes, with their lines, so a checker
    /// with the reference data can refuse values no action could ever match (a typo'd agency id).
    public var namedValues: [NamedValue] = []
    /// Each step's verb with its line, so a checker with the roster can refuse a step the trainee's role
    /// cannot take.
    public var stepVerbs: [StepVerb] = []
}

/// A step's verb and the line it is named on.
public struct StepVerb: Sendable, Hashable {
    public var verb: CommandKind
    public var line: Int
    /// Where it is named (`step[2].do`): a problem names its step (QA: "do:" alone).
    public var path: String
}

/// A field value a step or mistake names (`agency = "pemkab-sleman"`), with its line.
public struct NamedValue: Sendable, Hashable {
    public var field: String
    public var value: String
    /// The agency named beside a unit, if any.
    public var agency: String?
    public var line: Int
    /// Where it is named (`step[4].wrong[2].agency`).
    public var path: String
}

/// A report named in `skenario.toml` by its external id, with the line that names it.
public struct NamedReport: Sendable, Hashable {
    public var externalID: String
    public var line: Int
    /// Where it is named (`step[3].report`, or the text a `{…}` placeholder is in).
    public var path: String
}
