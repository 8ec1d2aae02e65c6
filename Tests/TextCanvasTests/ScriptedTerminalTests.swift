import XCTest
import TextCanvas

final class ScriptedTerminalTests: XCTestCase {
    func testReplaysStepsRecordsFramesAndClosesAtEnd() {
        let terminal = ScriptedTerminal(size: Size(width: 80, height: 24), steps: [
            .event(.key(.char("j"))),
            .resize(Size(width: 100, height: 30)),
            .event(.ready([7])),
        ])
        let device: TerminalDevice = terminal
        XCTAssertEqual(device.nextEvent(timeoutMs: 1000, alsoWatch: [7]), .key(.char("j")))
        XCTAssertEqual(device.size, Size(width: 80, height: 24))
        XCTAssertEqual(device.readKey(timeoutMs: nil), .resize)
        XCTAssertEqual(device.size, Size(width: 100, height: 30))
        device.draw(Canvas(size: device.size))
        XCTAssertEqual(device.nextEvent(timeoutMs: nil, alsoWatch: [7]), .ready([7]))
        XCTAssertEqual(device.nextEvent(timeoutMs: nil, alsoWatch: []), .closed)
        XCTAssertEqual(terminal.frames.count, 1)
        XCTAssertEqual(terminal.lastFrame?.size, Size(width: 100, height: 30))
        XCTAssertEqual(terminal.waits.count, 4)
        XCTAssertEqual(terminal.waits[0].timeoutMs, 1000)
        XCTAssertEqual(terminal.waits[0].alsoWatch, [7])
        XCTAssertEqual(terminal.remainingSteps, 0)
    }

    func testKeysConvenienceInit() {
        let terminal = ScriptedTerminal(size: Size(width: 10, height: 5), keys: [.char("q")])
        XCTAssertEqual(terminal.readKey(timeoutMs: 0), .char("q"))
        XCTAssertNil(terminal.readKey(timeoutMs: 0))
    }
}
