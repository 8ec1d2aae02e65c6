// swift-tools-version: 6.0
import PackageDescription

// The start-up fold's modules leave out the run-time exclusivity checks in release builds: the scan's line
// handler captures its state in a closure, and checking each access was 5 % of a cold start's instructions
// (callgrind). Debug builds, which the tests run, still check every access.
let foldHotPath: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]

// Module graph (see README "Design"): LaporDesk (executable, wiring only) depends on
// ComplaintJournal, Console and CursesTerminal. Complaints is the pure domain core.
let package = Package(
    name: "LaporDesk",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "lapor-desk", targets: ["LaporDesk"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // Pure TOML-subset parser that remembers line numbers, so every settings,
        // theme, scenario and reference-data error can name FILE:LINE.
        .target(name: "TinyTOML", dependencies: ["TextHazards"]),
        // Which characters hide, reorder or spoof text: one list for the console's markers and the
        // messages' escapes.
        .target(name: "TextHazards"),
        // Pure domain: commands, events, decide/evolve, projection, calendar, SLA, routing.
        .target(name: "Complaints", dependencies: ["TinyTOML", "CByteScan"], swiftSettings: foldHotPath),
        // SSE2 search for the bytes that end a run of a JSON string: C, because Swift has no movemask.
        .target(name: "CByteScan"),
        // Shipped data (themes, reference data, practice desks) embedded in the binary.
        .target(
            name: "DeskResources",
            exclude: ["README.md"],
            resources: [.embedInCode("Files")]
        ),
        // Files on disk: journal, recovery, locking, following, import/export formats.
        .target(name: "ComplaintJournal", dependencies: ["Complaints", "TinyTOML", "CCRC32C"], swiftSettings: foldHotPath),
        // The CPU's CRC-32C instruction (SSE 4.2), chosen at run time; Swift cannot emit it.
        .target(name: "CCRC32C"),
        // Cells, display width, widgets, style roles, keys. Knows nothing about complaints.
        .target(name: "TextCanvas", dependencies: ["TextHazards"]),
        .systemLibrary(
            name: "CNCursesW",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        // mimalloc as the executable's malloc: a bulk import frees on one thread what the decoders
        // allocated on others, and glibc's arenas made that a fifth of an import's time (README "Decisions").
        .systemLibrary(
            name: "CMimalloc",
            providers: [.apt(["libmimalloc-dev"])]
        ),
        // The only module that talks to ncurses.
        .target(name: "CursesTerminal", dependencies: ["CNCursesW", "TextCanvas", "TinyTOML"]),
        // UI state, actions, effects, reducer, panes, keymap, strings, runtime.
        .target(name: "Console", dependencies: ["Complaints", "TextCanvas", "ComplaintJournal"]),
        .executableTarget(
            name: "LaporDesk",
            dependencies: [
                "Complaints", "ComplaintJournal", "Console", "CursesTerminal", "TextCanvas",
                "DeskResources", "TinyTOML", "CMimalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Test helper: a separate process that appends to a journal (concurrency and kill tests).
        .executableTarget(name: "JournalTorture", dependencies: ["ComplaintJournal", "Complaints"]),

        // Every decoder of outside input behind one bytes-in interface (fuzzers, hostile-input tests).
        .target(name: "DecoderFuzzing",
                dependencies: ["Complaints", "ComplaintJournal", "Console", "CursesTerminal", "DeskResources", "TinyTOML"]),
        // libFuzzer driver (scripts/fuzz.sh builds it with -sanitize=fuzzer); a plain build replays files.
        .executableTarget(name: "DecoderFuzz", dependencies: ["DecoderFuzzing"]),
        // The seeded generator every randomized test uses (test targets cannot share sources).
        .target(name: "SeededRandom"),
        // Golden text files compared for tests (reference data, TOML outcomes).
        .target(name: "GoldenText"),

        .testTarget(name: "TinyTOMLTests", dependencies: ["TinyTOML", "SeededRandom", "GoldenText"], exclude: ["Golden"]),
        .testTarget(name: "ComplaintsTests", dependencies: ["Complaints", "SeededRandom", "GoldenText"], exclude: ["Reference/Golden"]),
        .testTarget(name: "ComplaintJournalTests", dependencies: ["ComplaintJournal", "Complaints", "TinyTOML", "SeededRandom"]),
        .testTarget(name: "TextCanvasTests", dependencies: ["TextCanvas", "TextHazards"]),
        .testTarget(name: "CursesTerminalTests", dependencies: ["CursesTerminal", "TextCanvas"]),
        .testTarget(name: "ConsoleTests", dependencies: ["Console", "Complaints", "TextCanvas", "ComplaintJournal"],
                    exclude: ["Golden"]),
        .testTarget(name: "DecoderFuzzTests", dependencies: ["DecoderFuzzing", "ComplaintJournal", "Complaints", "TinyTOML", "SeededRandom"]),
        .testTarget(name: "LaporDeskTests", dependencies: ["DeskResources", "Complaints", "ComplaintJournal", "Console"]),
    ]
)
