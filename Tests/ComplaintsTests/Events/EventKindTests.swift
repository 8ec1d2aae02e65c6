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

    /// Text that begins or ends as a name but is longer or shorter (a review found a type of 135 bytes
    /// ending in chosen bytes taken for `report.received`) is no kind: lengths and every byte are compared.
    func testTextBeginningOrEndingAsANameIsNoKind() {
        for name in DomainEvent.typeNames {
            let bytes = Array(name.utf8)
            var others: [[UInt8]] = [bytes + Array("x".utf8), bytes + Array(repeating: UInt8(ascii: "x"), count: 120),
                                     Array("x".utf8) + bytes]
            // The name's first and last bytes kept, with filler between them, at lengths around the name's.
            for length in [9, 12, bytes.count - 1, bytes.count + 1, 64, 135] where length >= 8 {
                let head = Array(bytes.prefix(max(0, length - 8)))
                others.append(head + Array(repeating: UInt8(ascii: "x"), count: max(0, length - 8 - head.count)) + bytes.suffix(8))
            }
            for text in others {
                text.withUnsafeBufferPointer { XCTAssertNil(EventKind(typeBytes: $0), "\(name): \(text.count) bytes") }
            }
        }
    }

    func testAnUnknownTypeIsRefusedByTheDecoderAsBefore() {
        XCTAssertThrowsError(try EventCodec.decode(type: "report.recieved", payload: Array("{}".utf8))) { error in
            XCTAssertEqual((error as? EventCodec.DecodeError)?.reason, "unknown event type")
        }
    }
}
