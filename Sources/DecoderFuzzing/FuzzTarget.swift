/// What one decoder made of one input: how many records it accepted and the message of every rejection.
/// Both may be non-empty (the intake formats keep the good records of a partly bad file).
public struct FuzzOutcome: Sendable, Hashable {
    public var accepted: Int
    public var problems: [String]
    /// Invariants the decoder broke on this input (two of its paths disagreeing): always a finding.
    public var broken: [String]

    public init(accepted: Int, problems: [String], broken: [String] = []) {
        self.accepted = accepted
        self.problems = problems
        self.broken = broken
    }
}

/// One decoder as fuzzers and hostile-input tests see it: bytes in, outcome out, never a crash.
///
/// `fileName` is the name the decoder is given; every problem of a file-level decoder must start with
/// `fileName:LINE:` so an administrator can find it (`locationRequired`). The journal-line decoder's
/// reasons get their `FILE:LINE:` from the scanner, so for it only a non-empty reason is required.
public struct FuzzTarget: Sendable {
    public var name: String
    public var fileName: String
    public var locationRequired: Bool
    public var run: @Sendable ([UInt8]) -> FuzzOutcome

    public init(name: String, fileName: String, locationRequired: Bool = true,
                run: @escaping @Sendable ([UInt8]) -> FuzzOutcome) {
        self.name = name
        self.fileName = fileName
        self.locationRequired = locationRequired
        self.run = run
    }

    /// The problems in `outcome` that break the message contract (empty, or not naming where), and the
    /// invariants it broke.
    public func badMessages(in outcome: FuzzOutcome) -> [String] {
        outcome.broken + outcome.problems.filter { message in
            guard !message.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return true }
            guard locationRequired else { return false }
            return !Self.namesLocation(message, fileName: fileName)
        }
    }

    /// True when `message` starts with `fileName:LINE:` followed by a non-empty reason.
    static func namesLocation(_ message: String, fileName: String) -> Bool {
        for line in message.split(separator: "\n") {
            guard line.hasPrefix(fileName + ":") else { return false }
            let rest = line.dropFirst(fileName.count + 1)
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, rest.dropFirst(digits.count).hasPrefix(":") else { return false }
            guard !rest.dropFirst(digits.count + 1).trimmingCharacters(in: .whitespaces).isEmpty else { return false }
        }
        return true
    }
}
