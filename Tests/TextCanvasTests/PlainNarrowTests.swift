import XCTest
@testable import TextCanvas

/// The plain-text fast path must give exactly what the character-by-character path gives.
final class PlainNarrowTests: XCTestCase {
    private var plainScalars: [Unicode.Scalar] {
        (UInt32(0)...0x10FFFF).compactMap { PlainNarrow.contains($0) ? Unicode.Scalar($0) : nil }
    }

    func testEveryPlainScalarIsUnchangedOneColumnAndStandsAlone() {
        let marks: Set<Unicode.GeneralCategory> = [.nonspacingMark, .spacingMark, .enclosingMark, .format, .control,
                                                   .lineSeparator, .paragraphSeparator, .unassigned, .surrogate, .privateUse]
        var checked = 0
        for scalar in plainScalars {
            let text = String(Character(scalar))
            let hex = String(scalar.value, radix: 16)
            XCTAssertEqual(Sanitize.cleanEach(text, keepNewlines: false, tabs: .spaces(4)), text, "U+\(hex) changed")
            XCTAssertEqual(DisplayWidth.of(scalar), 1, "U+\(hex) width")
            XCTAssertFalse(marks.contains(scalar.properties.generalCategory), "U+\(hex) category")
            XCTAssertFalse(scalar.properties.isGraphemeExtend, "U+\(hex) extends")
            XCTAssertFalse(scalar.properties.isEmojiPresentation, "U+\(hex) emoji presentation")
            // Between letters it stays a character of its own.
            XCTAssertEqual(("a" + text + "b").count, 3, "U+\(hex) joins a neighbour")
            checked += 1
        }
        XCTAssertGreaterThan(checked, 1_500)
    }

    /// Beside any other scalar of the set it stays a character of its own (regional indicators or Hangul
    /// jamo, added later, would join each other and fail here).
    func testPlainScalarsStayApartBesideEachOther() {
        let plain = plainScalars
        var generator = SystemRandomNumberGenerator()
        for (k, scalar) in plain.enumerated() {
            var others = [plain[(k + 1) % plain.count], plain[(k + plain.count - 1) % plain.count], scalar]
            for _ in 0..<8 { others.append(plain.randomElement(using: &generator)!) }
            for other in others {
                var pair = String.UnicodeScalarView()
                pair.append(scalar)
                pair.append(other)
                XCTAssertEqual(String(pair).count, 2, "U+\(String(scalar.value, radix: 16)) U+\(String(other.value, radix: 16))")
            }
        }
    }

    func testWhatIsLeftOutIsLeftOut() {
        for value: UInt32 in [0x09, 0x0A, 0x1B, 0x7F, 0x85, 0x9B, 0xAD, 0x300, 0x200B, 0x200D, 0x200E, 0x2028, 0x2029,
                              0x202E, 0x2060, 0x2066, 0x231A, 0x25FD, 0x25FE, 0x3000, 0x4E00, 0xFE0F, 0xFEFF, 0xFFFE, 0x1F600] {
            XCTAssertFalse(PlainNarrow.contains(value), "U+\(String(value, radix: 16))")
        }
    }

    func testFastPathsAgreeWithTheSlowPathsOnMixedText() {
        let samples = ["Jalan rusak — sudah 3 bulan…", "Kab. Sleman │ Kesehatan • baru", "café → ½ × 2 ≤ 5 ✓",
                       "naïve ‘quote’ «guillemets» ‰", "a\u{301}b", "x\u{200B}y", "tab\there", "line\nbreak", "日本語 ok",
                       "👩‍👩‍👧 family", "▲▼◆○●□■", "", " "]
        for text in samples {
            XCTAssertEqual(Sanitize.line(text), Sanitize.cleanEach(text, keepNewlines: false, tabs: .spaces(4)), text)
            XCTAssertEqual(DisplayWidth.of(text), text.reduce(0) { $0 + DisplayWidth.of($1) }, text)
            for width in -1...12 {
                for ellipsis in ["…", "...", "", "⟪⟫⟪", "日"] {
                    XCTAssertEqual(TextFit.truncate(text, width: width, ellipsis: ellipsis), slowTruncate(text, width: width, ellipsis: ellipsis),
                                   "\(text) @\(width) \(ellipsis)")
                }
            }
            // A substring of a longer line takes the same paths.
            let inLine = ("«" + text + "»").dropFirst().dropLast()
            XCTAssertEqual(Sanitize.line(inLine), Sanitize.cleanEach(text, keepNewlines: false, tabs: .spaces(4)), text)
            XCTAssertEqual(Sanitize.text(inLine), Sanitize.cleanEach(text, keepNewlines: true, tabs: .spaces(4)), text)
            XCTAssertEqual(DisplayWidth.of(inLine), DisplayWidth.of(text), text)
            var fast = Canvas(width: 10, height: 1)
            var slow = Canvas(width: 10, height: 1)
            for start in -2...11 {
                for clip in [nil, 0, 1, 3, 20] as [Int?] {
                    let a = fast.put(text, at: Point(x: start, y: 0), role: .plain, clipWidth: clip)
                    let b = slowPut(&slow, text, at: Point(x: start, y: 0), clipWidth: clip)
                    XCTAssertEqual(a, b, "\(text) from \(start) clip \(String(describing: clip))")
                    XCTAssertEqual(fast, slow, "\(text) from \(start) clip \(String(describing: clip))")
                }
            }
        }
    }

    /// `TextFit.truncate` without the fast paths: sanitized, measured and cut character by character.
    private func slowTruncate(_ text: String, width: Int, ellipsis: String) -> String {
        let safe = Sanitize.cleanEach(text, keepNewlines: false, tabs: .spaces(4))
        guard width > 0 else { return "" }
        if safe.reduce(0, { $0 + DisplayWidth.of($1) }) <= width { return safe }
        let ellipsisWidth = ellipsis.reduce(0) { $0 + DisplayWidth.of($1) }
        let room = ellipsisWidth <= width ? width - ellipsisWidth : width
        let kept = TextFit.prefixEach(safe, columns: room)
        return ellipsisWidth <= width ? kept + ellipsis : kept
    }

    /// `Canvas.put` as it was before the fast path: character by character, widths looked up.
    private func slowPut(_ c: inout Canvas, _ text: String, at point: Point, clipWidth: Int?) -> Int {
        let limit = min(c.width, clipWidth.map { point.x + max(0, $0) } ?? c.width)
        var x = point.x
        for character in Sanitize.cleanEach(text, keepNewlines: false, tabs: .spaces(4)) {
            let w = DisplayWidth.of(character)
            if w == 0 { continue }
            if x + w > limit {
                if x < limit && x >= 0 { c.writeGlyph(" ", width: 1, x: x, y: point.y, role: .plain) }
                x = max(x, limit)
                break
            }
            if x < 0 {
                if x + w > 0 { c.writeGlyph(" ", width: 1, x: 0, y: point.y, role: .plain) }
            } else {
                c.writeGlyph(String(character), width: w, x: x, y: point.y, role: .plain)
            }
            x += w
        }
        return x
    }
}
