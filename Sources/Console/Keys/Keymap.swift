import Complaints
import Foundation
import TextCanvas

/// Key bindings: global ones plus per-pane ones that take precedence. A user file may rebind any command
/// (see `Keymap.parse`). The help screen is generated from this table.
public struct Keymap: Sendable, Hashable {
    public var global: [Key: ConsoleCommand]
    public var perPane: [Pane: [Key: ConsoleCommand]]

    public init(global: [Key: ConsoleCommand], perPane: [Pane: [Key: ConsoleCommand]]) {
        self.global = global
        self.perPane = perPane
    }

    public func command(for key: Key, in pane: Pane) -> ConsoleCommand? {
        perPane[pane]?[key] ?? global[key]
    }

    /// Keys bound to `command` in `pane` (pane bindings first), for help and hints.
    public func keys(for command: ConsoleCommand, in pane: Pane) -> [Key] {
        let local = (perPane[pane] ?? [:]).filter { $0.value == command }.map(\.key)
        let shadowed = Set((perPane[pane] ?? [:]).keys)
        let globals = global.filter { $0.value == command && !shadowed.contains($0.key) }.map(\.key)
        return (local + globals).sorted { $0.name.count == $1.name.count ? $0.name < $1.name : $0.name.count < $1.name.count }
    }

    public static let standard: Keymap = {
        var g: [Key: ConsoleCommand] = [
            .char("?"): .help, .f(1): .help, .char(":"): .prompt, .char("/"): .search, .char("f"): .filter,
            .char("F"): .clearFilter, .char("n"): .nextMatch, .char("N"): .previousMatch, .char("o"): .sort,
            .char("q"): .quit, .ctrl("c"): .quit, .ctrl("z"): .suspend, .tab: .nextPane, .backTab: .previousPane,
            .char("h"): .paneLeft, .left: .paneLeft, .char("l"): .paneRight, .right: .paneRight,
            .escape: .back, .char("]"): .nextView, .char("["): .previousView, .ctrl("l"): .refresh,
            .char("L"): .language, .char("m"): .actionMenu, .char("."): .actionMenu,
            .char("j"): .down, .down: .down, .char("k"): .up, .up: .up, .pageDown: .pageDown, .pageUp: .pageUp,
            .ctrl("d"): .pageDown, .ctrl("u"): .pageUp, .char("g"): .top, .home: .top, .char("G"): .bottom,
            .end: .bottom, .enter: .open,
            // Desk actions.
            .char("d"): .act(.dispose), .char("t"): .act(.postpone), .char("a"): .act(.archive),
            .char("x"): .act(.delete), .char("u"): .act(.assignUnit), .char("b"): .act(.sendBack),
            .char("s"): .act(.followUp), .char("r"): .act(.reply), .char("c"): .act(.note),
            .char("e"): .act(.editTitle), .char("K"): .act(.classify), .char("p"): .act(.priority),
            .char("T"): .act(.tag), .char("D"): .act(.linkDuplicate), .char("A"): .toggleAnonymous,
            .char("R"): .toggleConfidential, .char(" "): .mark, .char("M"): .clearMarks,
            .char("6"): .reports, .f(5): .reports,
            .char("}"): .lessonNext, .char("{"): .lessonBack, .ctrl("r"): .resetPractice,
            // Bimtek: practice clock and replay (inside replay ← → Home End step too, Esc leaves).
            .char("+"): .clockDay, .char("*"): .clockDeadline, .char("P"): .replayReport,
            .char("<"): .replayPrevious, .char(">"): .replayNext,
        ]
        for (i, v) in InboxQuery.SavedView.allCases.enumerated() {
            g[.char(Character(String(i + 1)))] = .view(v)
        }
        // In the routing pane typed letters filter the directory, so only non-printing keys navigate.
        var routing: [Key: ConsoleCommand] = [.down: .down, .up: .up, .enter: .act(.dispose), .escape: .back,
                                              .pageDown: .pageDown, .pageUp: .pageUp]
        routing[.ctrl("n")] = .down
        routing[.ctrl("p")] = .up
        return Keymap(global: g, perPane: [.routing: routing])
    }()

    /// Problems in a user key-binding file, each with its line.
    public struct ParseError: Error, Sendable, Hashable, CustomStringConvertible {
        public var line: Int
        public var reason: String
        public var description: String { "\(line): \(reason)" }
    }

    /// Applies user bindings written one per line as `[pane] KEY = command` (pane optional: inbox, detail,
    /// routing), `#` comments. `KEY = none` unbinds. Returns the errors; good lines still apply.
    public mutating func apply(userBindings text: String) -> [ParseError] {
        var errors: [ParseError] = []
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let eq = line.firstIndex(of: "=") else {
                errors.append(ParseError(line: n + 1, reason: "expected 'KEY = command'"))
                continue
            }
            var lhs = line[..<eq].trimmingCharacters(in: .whitespaces)
            let rhs = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            var pane: Pane?
            if let space = lhs.firstIndex(of: " "), let p = Pane(rawValue: String(lhs[..<space])) {
                pane = p
                lhs = lhs[lhs.index(after: space)...].trimmingCharacters(in: .whitespaces)
            }
            guard let key = Key(name: lhs) else {
                errors.append(ParseError(line: n + 1, reason: "unknown key '\(lhs)'"))
                continue
            }
            if rhs == "none" {
                if let pane { perPane[pane, default: [:]][key] = nil } else { global[key] = nil }
                continue
            }
            guard let command = ConsoleCommand(name: rhs) else {
                errors.append(ParseError(line: n + 1, reason: "unknown command '\(rhs)'"))
                continue
            }
            if let pane { perPane[pane, default: [:]][key] = command } else { global[key] = command }
        }
        return errors
    }
}

