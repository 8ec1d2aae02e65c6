import ArgumentParser
import ComplaintJournal
import Foundation

/// ArgumentParser keeps the last value of an option given twice, silently: `act 2600001 note --text a
/// --text b` recorded "b" and dropped "a" (QA), and a script building its arguments from two sources would
/// lose one without a word. An option that takes one value is refused when it comes twice; repeatable ones
/// (`--status`, `--tag`, `--field`…) are what they say.
enum RepeatedOptions {
    /// One option of a command, as its help describes it.
    struct Option: Equatable {
        var names: [String]
        var repeatable: Bool
    }

    /// The first single-value option given more than once, with its values, or nil.
    /// `arguments` are the words after the program's name; since they parsed, the word after an option
    /// written without `=` is its value (also when that value starts with `-`), and `--` ends the options.
    static func firstRepeated(in arguments: [String], options: [Option]) -> (name: String, values: [String])? {
        var byName: [String: Int] = [:]
        for (i, option) in options.enumerated() {
            for name in option.names { byName[name] = i }
        }
        var values: [Int: [String]] = [:]
        var k = 0
        while k < arguments.count {
            let word = arguments[k]
            k += 1
            if word == "--" { break }
            guard word.hasPrefix("-"), word.count > 1 else { continue }
            let (name, inline) = split(word)
            guard let i = byName[name] else { continue }
            var value = inline
            if value == nil, k < arguments.count {
                value = arguments[k]
                k += 1
            }
            values[i, default: []].append(value ?? "")
        }
        let twice = values.filter { !options[$0.key].repeatable && $0.value.count > 1 }
        guard let first = twice.min(by: { $0.key < $1.key }) else { return nil }
        return (options[first.key].names.first ?? "", first.value)
    }

    /// `--text=a` → ("--text", "a"); `--text` → ("--text", nil); `-o` → ("-o", nil).
    private static func split(_ word: String) -> (String, String?) {
        guard word.hasPrefix("--"), let eq = word.firstIndex(of: "=") else { return (word, nil) }
        return (String(word[..<eq]), String(word[word.index(after: eq)...]))
    }

    /// Refuses a repeated single-value option of the command that parsed, as a usage error (exit 2).
    static func check(_ command: any ParsableCommand, arguments: [String]) throws(Fail) {
        // Nothing can repeat with fewer than two option words: the console's start (and most commands)
        // skip reading the command's description.
        guard arguments.prefix { $0 != "--" }.filter({ $0.hasPrefix("-") && $0.count > 1 }).count >= 2 else { return }
        let options = optionsOf(command)
        guard let (name, values) = firstRepeated(in: arguments, options: options) else { return }
        let quoted = values.map { "'\(QuotedValue.shown($0))'" }.joined(separator: ", ")
        throw Fail.usage("\(name) was given \(values.count) times (\(quoted)); it takes one value: give it once")
    }

    private static func optionsOf<C: ParsableCommand>(_ command: C) -> [Option] {
        guard let info = try? JSONDecoder().decode(Help.self, from: Data(C._dumpHelp().utf8)) else { return [] }
        return (info.command.arguments ?? []).compactMap { argument in
            guard argument.kind == "option" else { return nil }
            let names = (argument.names ?? []).map { name in
                switch name.kind {
                case "long": "--" + name.name
                default: "-" + name.name // short, and long with a single dash
                }
            }
            return Option(names: names, repeatable: argument.isRepeating ?? false)
        }
    }

    /// The part of ArgumentParser's help description (`--experimental-dump-help`) read here.
    private struct Help: Decodable {
        struct Command: Decodable { var arguments: [Argument]? }
        struct Argument: Decodable {
            var kind: String
            var names: [Name]?
            var isRepeating: Bool?
        }
        struct Name: Decodable {
            var kind: String
            var name: String
        }
        var command: Command
    }
}
