import Foundation

/// An ordered lesson: what the trainee should do next, how the desk notices it was done, and what to
/// say about known mistakes. Pure data, loaded from a scenario's `skenario.toml`.
public struct Lesson: Sendable, Hashable {
    public var steps: [LessonStep]
    /// Agency names by id, for feedback that names an agency (`LessonProgress.difference`): a trainee reads
    /// "Pemerintah Provinsi Bali", not `pemprov-bali` (QA). Filled from the desk's directory by `naming`.
    public var agencyNames: [String: String] = [:]

    public init(steps: [LessonStep]) { self.steps = steps }

    /// Replaces `{EXTERNAL-ID}` in every text with the report's public tracking id (`#2600003`), which is
    /// only known once the practice desk is built, and takes the desk's agency names.
    public func naming(_ ids: [String: ReportID], agencyNames: [String: String] = [:]) -> Lesson {
        var named = Lesson(steps: steps.map { $0.naming(ids) })
        named.agencyNames = agencyNames
        return named
    }
}

/// One step of a lesson.
public struct LessonStep: Sendable, Hashable {
    public var instruction: Localized
    public var expect: EventPattern
    public var praise: Localized
    public var wrongMoves: [WrongMove]

    public init(instruction: Localized, expect: EventPattern, praise: Localized, wrongMoves: [WrongMove] = []) {
        self.instruction = instruction
        self.expect = expect
        self.praise = praise
        self.wrongMoves = wrongMoves
    }

    func naming(_ ids: [String: ReportID]) -> LessonStep {
        var s = self
        s.instruction = LessonText.fill(instruction, ids)
        s.praise = LessonText.fill(praise, ids)
        // Only the text changes: every other field of the mistake is kept as it is (a copy field by field once
        // dropped `failsStep`).
        s.wrongMoves = wrongMoves.map { wrong in
            var named = wrong
            named.explanation = LessonText.fill(wrong.explanation, ids)
            return named
        }
        return s
    }
}

/// A mistake trainees commonly make at a step, with the explanation the lesson strip shows.
public struct WrongMove: Sendable, Hashable {
    public var pattern: EventPattern
    public var explanation: Localized
    /// `fails_step = true`: once made, the step is not passed any more, even if its expected action follows
    /// (disposing before setting anonim; removing rahasia, then disposing). The trainee skips or starts over.
    public var failsStep: Bool

    public init(pattern: EventPattern, explanation: Localized, failsStep: Bool = false) {
        self.pattern = pattern
        self.explanation = explanation
        self.failsStep = failsStep
    }
}

enum LessonText {
    /// `{WEB-2611-00412}` → `#2600003`; unknown names stay as written (the loader refuses them earlier).
    static func fill(_ text: Localized, _ ids: [String: ReportID]) -> Localized {
        Localized(fill(text.id, ids), en: fill(text.en, ids))
    }

    static func fill(_ text: String, _ ids: [String: ReportID]) -> String {
        var out = text
        for (ext, id) in ids { out = out.replacingOccurrences(of: "{\(ext)}", with: "#\(id)") }
        return out
    }

    /// External ids named as `{...}` in a text, for the loader to check.
    static func placeholders(in text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}
