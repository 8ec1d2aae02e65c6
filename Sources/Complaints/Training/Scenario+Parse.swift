import Foundation
import TinyTOML

extension Scenario {
    /// Parses `skenario.toml`, collecting every problem as FILE:LINE: field: reason. Whether named reports
    /// and operators exist is checked later, against the other files of the scenario.
    public static func parse(_ text: String, name: String, fileName: String = Scenario.manifestFileName)
        throws(SettingsErrors) -> Scenario
    {
        let (scenario, errors) = parseCollecting(text, name: name, fileName: fileName)
        guard errors.isEmpty else { throw SettingsErrors(errors) }
        return scenario
    }

    /// Parses as much as it can and returns the problems beside it, so a loader can still check the
    /// good steps against the other files and report every problem at once.
    public static func parseCollecting(_ text: String, name: String, fileName: String = Scenario.manifestFileName)
        -> (Scenario, [SettingsError])
    {
        var errors: [SettingsError] = []
        func note(_ e: TOMLFieldError) { errors.append(SettingsError(e, in: fileName)) }
        let root: TOMLTable
        do { root = try SettingsErrors.parse(text, fileName: fileName) } catch {
            let empty = Scenario(name: name, title: Localized("", en: ""), description: Localized("", en: ""),
                                 startsAt: Date(timeIntervalSince1970: 0), timeZone: .default, deskName: "", trainee: "",
                                 lesson: Lesson(steps: []))
            return (empty, error.errors)
        }
        for e in root.unknownKeys(allowed: ["title", "title_en", "description", "description_en", "starts_at", "time_zone",
                                             "desk_name", "trainee", "step"]) { note(e) }
        func localized(_ t: TOMLTable, _ key: String) -> Localized {
            do {
                let id = try t.requiredString(key)
                let en = try t.optionalString(key + "_en") ?? id
                return Localized(id, en: en)
            } catch {
                note(error)
                return Localized("", en: "")
            }
        }
        func string(_ t: TOMLTable, _ key: String) -> String? {
            do { return try t.requiredString(key) } catch { note(error); return nil }
        }
        let title = localized(root, "title")
        let description = localized(root, "description")
        var zone = DeskTimeZone.default
        if let z = try? root.optionalString("time_zone") {
            if let parsed = DeskTimeZone(rawValue: z) { zone = parsed } else { note(root.fieldError("time_zone", "use WIB, WITA or WIT, not '\(z)'")) }
        } else if root["time_zone"] != nil {
            note(root.fieldError("time_zone", "must be a string"))
        }
        var startsAt = Date(timeIntervalSince1970: 0)
        if let s = string(root, "starts_at") {
            if let d = ISOTime.parse(s, defaultOffsetSeconds: zone.secondsFromUTC) { startsAt = d } else {
                note(root.fieldError("starts_at", "expected a time like \"2026-11-23T08:30:00+07:00\", not '\(s)'"))
            }
        }
        let deskName = string(root, "desk_name") ?? ""
        let trainee = string(root, "trainee") ?? ""
        var steps: [LessonStep] = []
        var referenced: [NamedReport] = []
        var values: [NamedValue] = []
        var verbs: [StepVerb] = []
        func collect(_ p: EventPattern, in table: TOMLTable) {
            for key in ["agency", "unit", "category"] {
                if let v = p.fields[key] {
                    values.append(NamedValue(field: key, value: v, agency: p.fields["agency"], line: table.line(of: key) ?? table.line,
                                             path: table.fieldPath(key)))
                }
            }
        }
        do {
            let tables = try root.tables("step")
            if tables.isEmpty { note(root.tableError("a scenario needs at least one [[step]]")) }
            for (i, t) in tables.enumerated() {
                let textKeys: Set<String> = ["instruction", "instruction_en", "praise", "praise_en", "wrong"]
                let expected = pattern(t, defaultReport: nil, extraKeys: textKeys, note: note)
                let stepReport = expected?.reportExternalID ?? (t["report"]?.stringValue ?? "")
                if let expect = expected {
                    referenced.append(NamedReport(externalID: expect.reportExternalID, line: t.line(of: "report") ?? t.line, path: t.fieldPath("report")))
                    collect(expect, in: t)
                    verbs.append(StepVerb(verb: expect.verb, line: t.line(of: "do") ?? t.line, path: t.fieldPath("do")))
                }
                let instruction = localized(t, "instruction")
                let praise = localized(t, "praise")
                for (key, s) in [("instruction", instruction.id), ("instruction_en", instruction.en), ("praise", praise.id), ("praise_en", praise.en)] {
                    referenced += LessonText.placeholders(in: s).map { NamedReport(externalID: $0, line: t.line(of: key) ?? t.line, path: t.fieldPath(key)) }
                }
                var wrongs: [WrongMove] = []
                do {
                    for w in try t.tables("wrong") {
                        guard let p = pattern(w, defaultReport: stepReport, extraKeys: ["explanation", "explanation_en", "fails_step"], note: note)
                        else { continue }
                        let explanation = localized(w, "explanation")
                        var failsStep = false
                        do { failsStep = try w.optionalBool("fails_step") ?? false } catch { note(error) }
                        if let line = w.line(of: "report") {
                            referenced.append(NamedReport(externalID: p.reportExternalID, line: line, path: w.fieldPath("report")))
                        }
                        referenced += LessonText.placeholders(in: explanation.id + explanation.en).map {
                            NamedReport(externalID: $0, line: w.line(of: "explanation") ?? w.line, path: w.fieldPath("explanation"))
                        }
                        wrongs.append(WrongMove(pattern: p, explanation: explanation, failsStep: failsStep))
                        collect(p, in: w)
                    }
                } catch { note(error) }
                _ = i
                guard let expect = expected else { continue }
                steps.append(LessonStep(instruction: instruction, expect: expect, praise: praise, wrongMoves: wrongs))
            }
        } catch { note(error) }
        var scenario = Scenario(name: name, title: title, description: description, startsAt: startsAt, timeZone: zone,
                                deskName: deskName, trainee: trainee, lesson: Lesson(steps: steps))
        scenario.namedReports = referenced
        scenario.namedValues = values
        scenario.stepVerbs = verbs
        return (scenario, errors)
    }

    /// Reads `do`, `report` and the verb's fields from a step or wrong-move table.
    static func pattern(_ t: TOMLTable, defaultReport: String?, extraKeys: Set<String>,
                        note: (TOMLFieldError) -> Void) -> EventPattern? {
        let fieldKeys: Set<String> = ["agency", "unit", "kind", "reason", "classification", "category", "priority",
                                      "anonymous", "confidential"]
        for e in t.unknownKeys(allowed: extraKeys.union(fieldKeys).union(["do", "report"])) { note(e) }
        let verbText: String
        do { verbText = try t.requiredString("do") } catch { note(error); return nil }
        guard let verb = CommandKind(rawValue: verbText), verb != .receive else {
            note(t.fieldError("do", "unknown verb '\(verbText)' (the verbs of `lapor-desk act`, e.g. dispose, archive, set-flags)"))
            return nil
        }
        var report = defaultReport
        do { if let r = try t.optionalString("report") { report = r } } catch { note(error); return nil }
        guard let report else {
            note(t.fieldError("report", "required: the external id of a report in laporan.jsonl"))
            return nil
        }
        var fields: [String: String] = [:]
        let allowed = EventPattern.allowedFields(for: verb)
        var ok = true
        for key in t.keys where fieldKeys.contains(key) {
            guard allowed.contains(key) else {
                note(t.fieldError(key, "does not apply to '\(verbText)'" + (allowed.isEmpty ? "" : " (use \(allowed.sorted().joined(separator: ", ")))")))
                ok = false
                continue
            }
            switch t[key] {
            case let .string(s)?: fields[key] = s
            case let .boolean(b)?: fields[key] = b ? "true" : "false"
            default:
                note(t.fieldError(key, "must be a string" + (key == "anonymous" || key == "confidential" ? " or true/false" : "")))
                ok = false
            }
        }
        if let kind = fields["kind"], DispositionKind(rawValue: kind) == nil {
            note(t.fieldError("kind", "use disposisi, pelimpahan or pilihan-pelapor")); ok = false
        }
        if let r = fields["reason"] {
            let valid = verb == .archive ? ArchiveReason(rawValue: r) != nil : DeleteReason(rawValue: r) != nil
            if !valid { note(t.fieldError("reason", "unknown reason '\(r)' for \(verbText)")); ok = false }
        }
        if let p = fields["priority"], Priority(rawValue: p) == nil { note(t.fieldError("priority", "unknown priority '\(p)'")); ok = false }
        if let c = fields["classification"], Classification(rawValue: c) == nil {
            note(t.fieldError("classification", "unknown classification '\(c)'")); ok = false
        }
        return ok ? EventPattern(verb: verb, reportExternalID: report, fields: fields) : nil
    }
}
