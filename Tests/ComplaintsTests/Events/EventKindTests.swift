@testable import Complaints
import XCTest

/// `EventKind` is how start-up tells the event types apart: every type name must be found as its own kind,
/// and nothing else may be taken for one (a near miss is an unknown type, refused by the decoder).
final class EventKindTests: XCTestCase {
    func testEveryTypeNameIsFoundAsItsOwnKind() {
        XCTAssertEqual(EventKind.allCases.map(\.typeName), DomainEvent.typeNames, "the shared names are the kinds' names, in order")
        for kind in EventKind.allCases {
            XCTAssertEqual(EventKind(typeName: kind.typeName), kind)
            // A name built at run time (not the shared literal) is found too.
            XCTAssertEqual(EventKind(typeName: String(decoding: Array(kind.typeName.utf8), as: UTF8.self)), kind)
        }
        XCTAssertTrue(EventKind.keysAreDistinct, "each name has a key of its own")
    }

    func testNearMissesAreNoKind() {
        var misses = ["", "report", "report.", "received", "report.receive", "report.receivedd", "Report.received",
                      "report.Received", "report.received ", " report.received", "report_received", "report.recieved",
                      "report.disputes", "event.received", "report.note-adde", "report.note_added", "report.received\u{0}"]
        // Every name with one byte changed, at every position, and cut short by one byte.
        for name in DomainEvent.typeNames {
            let bytes = Array(name.utf8)
            for i in bytes.indices {
                var changed = bytes
                changed[i] ^= 0x01
                misses.append(String(decoding: changed, as: UTF8.self))
            }
            misses.append(String(decoding: bytes.dropLast(), as: UTF8.self))
        }
        for miss in misses where !DomainEvent.typeNames.contains(miss) {
            XCTAssertNil(EventKind(typeName: miss), miss.debugDescription)
        }
    }

    func testAnUnknownTypeIsRefusedByTheDecoderAsBefore() {
        XCTAssertThrowsError(try EventCodec.decode(type: "report.recieved", payload: Array("{}".utf8))) { error in
            XCTAssertEqual((error as? EventCodec.DecodeError)?.reason, "unknown event type")
        }
    }
}
