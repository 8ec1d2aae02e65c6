import Foundation
import TextCanvas
import XCTest

/// Golden-screen comparison: a canvas snapshot (text rows + style runs) against
/// `Tests/ConsoleTests/Golden/<name>.txt`. Set `LAPORDESK_RECORD_GOLDEN=1` to (re)write the files;
/// otherwise a missing file or any difference fails with the first differing lines.
enum GoldenScreen {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static var isRecording: Bool { ProcessInfo.processInfo.environment["LAPORDESK_RECORD_GOLDEN"] == "1" }

    /// The comparison itself, separate from XCTest so it can be tested: nil when equal, else a readable diff.
    static func difference(expected: String, actual: String, maxLines: Int = 8) -> String? {
        guard expected != actual else { return nil }
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var out: [String] = []
        var shown = 0
        for i in 0..<max(e.count, a.count) where shown < maxLines {
            let el = i < e.count ? e[i] : "<missing>"
            let al = i < a.count ? a[i] : "<missing>"
            guard el != al else { continue }
            out.append("line \(i + 1):")
            out.append("  expected: \(el)")
            out.append("  actual:   \(al)")
            shown += 1
        }
        let differing = (0..<max(e.count, a.count)).filter { ($0 < e.count ? e[$0] : nil) != ($0 < a.count ? a[$0] : nil) }.count
        if differing > shown { out.append("… and \(differing - shown) more differing lines") }
        return out.joined(separator: "\n")
    }
}

/// Compares `canvas` with the golden file `name`, recording it when `LAPORDESK_RECORD_GOLDEN=1`.
func assertGolden(_ canvas: Canvas, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
    let url = GoldenScreen.folder.appendingPathComponent(name + ".txt")
    let actual = canvas.snapshot()
    // Whatever the text, every row must still be exactly as wide as the terminal (no half-overwritten wide
    // character, no control character that would move the real cursor).
    for (y, row) in canvas.textRows().enumerated() where row.displayWidth != canvas.width {
        XCTFail("screen '\(name)' row \(y) is \(row.displayWidth) columns wide, not \(canvas.width): |\(row)|", file: file, line: line)
    }
    if GoldenScreen.isRecording {
        do {
            try FileManager.default.createDirectory(at: GoldenScreen.folder, withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
        } catch {
            XCTFail("cannot record golden file \(url.path): \(error)", file: file, line: line)
        }
        return
    }
    guard let data = FileManager.default.contents(atPath: url.path) else {
        XCTFail("golden file missing: \(url.path) — run with LAPORDESK_RECORD_GOLDEN=1 to record it, then review it",
                file: file, line: line)
        return
    }
    let expected = String(decoding: data, as: UTF8.self)
    if let diff = GoldenScreen.difference(expected: expected, actual: actual) {
        XCTFail("screen '\(name)' differs from \(url.lastPathComponent) (re-record with LAPORDESK_RECORD_GOLDEN=1 if intended):\n"
                + diff, file: file, line: line)
    }
}
