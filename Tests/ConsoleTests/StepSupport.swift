import ComplaintJournal
import Complaints
@testable import Console
import Foundation
import TextCanvas
import XCTest

/// Everything on screen except the desk itself and the key log, as one comparable value, so a step test
/// can say "the whole state is what it was, except these fields".
struct Visible: Equatable {
    var focus: Pane
    var inbox: InboxState
    var detail: DetailState
    var routing: RoutingState
    var overlay: Overlay?
    var message: StatusMessage?
    var pendingRequests: Int
    var quitRequested: Bool
    var language: Language
    var size: Size
    var deskSeq: UInt64

    init(_ s: ConsoleState) {
        focus = s.focus
        inbox = s.inbox
        detail = s.detail
        routing = s.routing
        overlay = s.overlay
        message = s.message
        pendingRequests = s.pendingRequests
        quitRequested = s.quitRequested
        language = s.language
        size = s.size
        deskSeq = s.desk.lastSeq
    }
}

extension XCTestCase {
    /// One reducer step: the whole visible state must equal the state before with `change` applied, and
    /// the effects must be exactly `effects`.
    func step(_ s: inout ConsoleState, _ action: ConsoleAction, effects: [ConsoleEffect] = [],
              file: StaticString = #filePath, line: UInt = #line, _ change: (inout Visible) -> Void = { _ in }) {
        var expected = Visible(s)
        change(&expected)
        let got = ConsoleReducer.reduce(&s, action)
        XCTAssertEqual(got, effects, "effects", file: file, line: line)
        let actual = Visible(s)
        if actual != expected {
            XCTFail("state after \(action) differs:\n" + describeDifference(expected, actual), file: file, line: line)
        }
    }

    func step(_ s: inout ConsoleState, key: Key, effects: [ConsoleEffect] = [],
              file: StaticString = #filePath, line: UInt = #line, _ change: (inout Visible) -> Void = { _ in }) {
        step(&s, .key(key), effects: effects, file: file, line: line, change)
    }

    private func describeDifference(_ e: Visible, _ a: Visible) -> String {
        var out: [String] = []
        func check<T: Equatable>(_ name: String, _ x: T, _ y: T) {
            if x != y { out.append("  \(name):\n    expected \(x)\n    actual   \(y)") }
        }
        check("focus", e.focus, a.focus)
        check("inbox", e.inbox, a.inbox)
        check("detail", e.detail, a.detail)
        check("routing", e.routing, a.routing)
        check("overlay", e.overlay, a.overlay)
        check("message", e.message, a.message)
        check("pendingRequests", e.pendingRequests, a.pendingRequests)
        check("quitRequested", e.quitRequested, a.quitRequested)
        check("language", e.language, a.language)
        check("size", e.size, a.size)
        check("deskSeq", e.deskSeq, a.deskSeq)
        return out.joined(separator: "\n")
    }
}

/// A console wired to a real store, so requests can be answered the way the runtime would.
struct Bench {
    let journal: InMemoryJournal
    let store: DeskStore
    let service: StoreService
    var state: ConsoleState

    init(_ op: Operator = Fixture.national, size: Size = Size(width: 120, height: 40)) throws {
        journal = InMemoryJournal()
        store = try Fixture.makeStore(journal: journal)
        service = StoreService(store: store)
        state = try Fixture.state(op, size: size, store: store)
    }

    /// Carries out `.perform` effects like the runtime: the answers come back as `.performed`.
    mutating func run(_ effects: [ConsoleEffect]) {
        for case let .perform(requests) in effects {
            let outcomes = service.perform(requests, as: state.env.operatorOnDuty, now: Fixture.now)
            run(ConsoleReducer.reduce(&state, .performed(outcomes)))
        }
    }

    /// Another officer's console on the same journal.
    func peerStore() throws -> DeskStore {
        try DeskStore(journal: journal.makePeer(), directory: PermissiveDirectory(), deadlines: try Fixture.deadlines(), osUser: nil)
    }
}

func msg(_ kind: StatusMessage.Kind, _ text: String, about: ReportID? = nil) -> StatusMessage {
    StatusMessage(kind: kind, text: text, about: about)
}

extension XCTestCase {
    /// A new empty folder under the temporary directory, removed when the test ends.
    func temporaryFolder(_ prefix: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }
}
