import Foundation

/// The documents the TOML golden test parses: every TOML file the repository ships or fuzzes with, and
/// hand-made ones for what those files do not show (big tables, keys equal only after Unicode
/// normalisation, every way of naming and extending a table).
enum TOMLGoldenCorpus {
    static func documents() throws -> [(String, String)] {
        var root = URL(fileURLWithPath: #filePath)
        while root.path != "/" {
            root.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path) { break }
        }
        var found: [(String, String)] = []
        for folder in ["Sources/DeskResources/Files", "Tests/Fuzz/corpus"] {
            let base = root.appendingPathComponent(folder)
            let paths = FileManager.default.enumerator(atPath: base.path)?.compactMap { $0 as? String } ?? []
            for path in paths.sorted() where path.hasSuffix(".toml") {
                found.append(("\(folder)/\(path)", try String(contentsOf: base.appendingPathComponent(path), encoding: .utf8)))
            }
        }
        return found + handMade.enumerated().map { ("hand-made \($0.offset + 1)", $0.element) }
    }

    static let bigTable = (1...40).map { "key\($0) = \($0)" }.joined(separator: "\n")

    static let handMade: [String] = [
        bigTable,
        bigTable + "\nkey17 = 3\n",
        "[t]\n" + bigTable + "\n\"key40\" = 1\n",
        "a = 1\n\"\u{E9}\" = 1\n\"e\u{301}\" = 2\n",
        bigTable + "\n\"\u{E9}\" = 1\n\"e\u{301}\" = 2\n",
        "x = { \"\u{E9}\" = 1, \"e\u{301}\" = 2 }\n",
        "[a.b.c]\nd = 1\n[a]\ne = 2\n[a.b]\nf = 3\n[[a.list]]\ng = 1\n[[a.list]]\ng = 2\n[a.list.sub]\nh = 1\n",
        "a.b.c = 1\na.b.d = 2\na.e = { f = [1, [2, {g = 3}]] }\n[a.b]\n",
        "[[x]]\n[x.y]\n[[x.y.z]]\n[[x]]\n[x.y]\nq = \"\"\"\nline\\\n   next\"\"\"\nr = '''\n'raw''''\n",
        (1...30).map { "[[arr]]\nid = \($0)\nname = \"n\($0)\"\n" }.joined() + "[arr]\n",
        "s = \"tab\\there \\u00E9 \\U0001F600 \\\"q\\\"\"\nl = 'C:\\path'\nkey with space = 1\n",
        "\u{FEFF}a = 1\r\nb = [\r\n  1, # c\r\n  2,\r\n]\r\n",
        "'quoted.key' = 1\n\"\" = 2\nbare-key_1 = 3\n\"a.b\".c = 4\n",
        "x = 1979-05-27T07:32:00Z\ny = 07:32:00\nz = 1979-05-27\nw = 1979-05-27 07:32:00\n",
        "n = [+1, -2, 0x1F, 0o17, 0b101, 1_000, 3.14, -0.0, 1e10, inf, -inf, nan]\n",
    ]
}
