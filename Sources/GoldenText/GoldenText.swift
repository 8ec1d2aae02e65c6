import Foundation

/// Golden files of text for tests: one comparison for every test target that keeps them (test targets cannot
/// share sources), saying where the text first differs rather than dumping two files of thousands of lines.
public enum GoldenText {
    /// Nil when `actual` is the golden file's text, or when `record` is set (the file is then written with
    /// `actual`, for an intended change); otherwise what differs: the first differing line of each.
    public static func mismatch(_ actual: String, goldenAt url: URL, record: Bool) throws -> String? {
        if record {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return nil
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        guard expected != actual else { return nil }
        let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let got = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let first = (0..<min(want.count, got.count)).first { want[$0] != got[$0] } ?? min(want.count, got.count)
        return """
            \(url.lastPathComponent) differs first at line \(first + 1) (\(got.count) lines, golden \(want.count)):
              golden: \(first < want.count ? String(want[first]) : "<end>")
              actual: \(first < got.count ? String(got[first]) : "<end>")
            """
    }
}
