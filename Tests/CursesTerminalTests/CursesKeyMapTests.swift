import CNCursesW
import CursesTerminal
import TextCanvas
import XCTest

final class CursesKeyMapTests: XCTestCase {
    func testFunctionKeys() {
        let table: [(Int32, Key)] = [
            (KEY_UP, .up), (KEY_DOWN, .down), (KEY_LEFT, .left), (KEY_RIGHT, .right),
            (KEY_HOME, .home), (KEY_END, .end), (KEY_PPAGE, .pageUp), (KEY_NPAGE, .pageDown),
            (KEY_BACKSPACE, .backspace), (KEY_DC, .delete), (KEY_IC, .insert), (KEY_ENTER, .enter),
            (KEY_BTAB, .backTab), (KEY_RESIZE, .resize), (KEY_F0 + 1, .f(1)), (KEY_F0 + 12, .f(12)),
        ]
        for (code, key) in table {
            XCTAssertEqual(CursesKeyMap.key(status: KEY_CODE_YES, code: UInt32(code)), key, "\(code)")
        }
    }

    func testCharactersAndControls() {
        XCTAssertEqual(CursesKeyMap.key(status: OK, code: 0x6A), .char("j"))
        XCTAssertEqual(CursesKeyMap.key(status: OK, code: 0x6F22), .char("漢"))
        XCTAssertEqual(CursesKeyMap.key(status: OK, code: 0xE9), .char("é"))
        XCTAssertEqual(CursesKeyMap.key(status: OK, code: 3), .ctrl("c"))
        XCTAssertEqual(CursesKeyMap.key(status: OK, code: 13), .enter)
        XCTAssertEqual(CursesKeyMap.key(status: OK, code: 127), .backspace)
        XCTAssertEqual(CursesKeyMap.key(status: OK, code: 27), .escape)
        XCTAssertEqual(CursesKeyMap.key(status: OK, code: 9), .tab)
    }

    func testUnknownCodesAreIgnored() {
        XCTAssertNil(CursesKeyMap.key(status: ERR, code: 0))
        XCTAssertNil(CursesKeyMap.key(status: KEY_CODE_YES, code: UInt32(KEY_MOUSE)))
        XCTAssertNil(CursesKeyMap.key(status: KEY_CODE_YES, code: 0x7FFF))
        XCTAssertNil(CursesKeyMap.key(status: OK, code: 0x9B))
    }

    func testAltCombination() {
        XCTAssertEqual(CursesKeyMap.altKey(afterEscape: .char("x")), .alt("x"))
        XCTAssertNil(CursesKeyMap.altKey(afterEscape: .up))
        XCTAssertNil(CursesKeyMap.altKey(afterEscape: .escape))
    }

    func testFallbackEscapeSequences() {
        XCTAssertEqual(CursesKeyMap.csiKey(parameters: "", final: 0x41), .up)
        XCTAssertEqual(CursesKeyMap.csiKey(parameters: "1;5", final: 0x44), .left)
        XCTAssertEqual(CursesKeyMap.csiKey(parameters: "5", final: 0x7E), .pageUp)
        XCTAssertEqual(CursesKeyMap.csiKey(parameters: "3;2", final: 0x7E), .delete)
        XCTAssertEqual(CursesKeyMap.csiKey(parameters: "15", final: 0x7E), .f(5))
        XCTAssertEqual(CursesKeyMap.csiKey(parameters: "24", final: 0x7E), .f(12))
        XCTAssertEqual(CursesKeyMap.csiKey(parameters: "", final: 0x5A), .backTab)
        XCTAssertNil(CursesKeyMap.csiKey(parameters: "99", final: 0x7E))
        XCTAssertNil(CursesKeyMap.csiKey(parameters: "", final: 0x6D))  // SGR-like 'm'
        XCTAssertEqual(CursesKeyMap.ss3Key(final: 0x50), .f(1))
        XCTAssertEqual(CursesKeyMap.ss3Key(final: 0x48), .home)
        XCTAssertNil(CursesKeyMap.ss3Key(final: 0x7A))
    }

    func testExtendedKeyNames() {
        XCTAssertEqual(CursesKeyMap.extendedKey(named: "kRIT5"), .right)
        XCTAssertEqual(CursesKeyMap.extendedKey(named: "kDN3"), .down)
        XCTAssertEqual(CursesKeyMap.extendedKey(named: "kNXT"), .pageDown)
        XCTAssertNil(CursesKeyMap.extendedKey(named: "kxIN"))
    }
}
