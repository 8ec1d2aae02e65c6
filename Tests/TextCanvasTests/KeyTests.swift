import XCTest
import TextCanvas

final class KeyTests: XCTestCase {
    func testNames() {
        XCTAssertEqual(Key.char("j").name, "j")
        XCTAssertEqual(Key.char(" ").name, "Space")
        XCTAssertEqual(Key.enter.name, "Enter")
        XCTAssertEqual(Key.ctrl("c").name, "C-c")
        XCTAssertEqual(Key.alt("x").name, "M-x")
        XCTAssertEqual(Key.pageDown.name, "PgDn")
        XCTAssertEqual(Key.backTab.name, "S-Tab")
        XCTAssertEqual(Key.f(5).name, "F5")
    }

    func testNamesRoundTrip() {
        let keys: [Key] = [.char("j"), .char("?"), .char(" "), .char("漢"), .enter, .escape, .tab, .backTab,
                           .backspace, .delete, .insert, .up, .down, .left, .right, .home, .end, .pageUp,
                           .pageDown, .f(1), .f(12), .ctrl("c"), .ctrl(" "), .alt("x"), .resize]
        for key in keys {
            XCTAssertEqual(Key(name: key.name), key, key.name)
        }
    }

    func testAliases() {
        XCTAssertEqual(Key(name: "Escape"), .escape)
        XCTAssertEqual(Key(name: "BSpace"), .backspace)
        XCTAssertEqual(Key(name: "PageDown"), .pageDown)
        XCTAssertEqual(Key(name: "Ctrl-C"), .ctrl("c"))
        XCTAssertEqual(Key(name: "^X"), .ctrl("x"))
        XCTAssertEqual(Key(name: "alt-q"), .alt("q"))
        XCTAssertNil(Key(name: "Hyper-q"))
        XCTAssertNil(Key(name: "F99"))
        XCTAssertNil(Key(name: "C-ab"))
    }

    func testControlCodes() {
        XCTAssertEqual(Key.fromCharacterCode(3), .ctrl("c"))
        XCTAssertEqual(Key.fromCharacterCode(1), .ctrl("a"))
        XCTAssertEqual(Key.fromCharacterCode(26), .ctrl("z"))
        XCTAssertEqual(Key.fromCharacterCode(9), .tab)
        XCTAssertEqual(Key.fromCharacterCode(13), .enter)
        XCTAssertEqual(Key.fromCharacterCode(10), .enter)
        XCTAssertEqual(Key.fromCharacterCode(27), .escape)
        XCTAssertEqual(Key.fromCharacterCode(127), .backspace)
        XCTAssertEqual(Key.fromCharacterCode(0), .ctrl(" "))
        XCTAssertEqual(Key.fromCharacterCode(0x6A), .char("j"))
        XCTAssertEqual(Key.fromCharacterCode(0x6F22), .char("漢"))
        XCTAssertNil(Key.fromCharacterCode(0x9B))
        XCTAssertNil(Key.fromCharacterCode(0xD800))
    }
}
