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

    /// Text that shares a name's key (its last eight bytes chosen to match, at another length, as a review
    /// found) is no kind: the length and every byte are compared. Longer and shorter ones both.
    func testTextSharingANamesKeyIsNoKind() {
        let mix: UInt64 = 0x9E37_79B9_7F4A_7C15
        for name in DomainEvent.typeNames {
            let bytes = Array(name.utf8)
            let tail = bytes.suffix(8).withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
            for length in [9, 12, bytes.count - 1, bytes.count + 1, 64, 135] where length >= 8 {
                // The same key: tail' ^ length·mix == tail ^ count·mix.
                let forged = tail ^ (UInt64(bytes.count) &* mix) ^ (UInt64(length) &* mix)
                var text = Array(bytes.prefix(max(0, length - 8)))
                text += Array(repeating: UInt8(ascii: "x"), count: max(0, length - 8 - text.count))
                withUnsafeBytes(of: forged.littleEndian) { text += $0 }
                XCTAssertEqual(text.count, length)
                text.withUnsafeBufferPointer { XCTAssertNil(EventKind(typeBytes: $0), "\(name) forged at \(length) bytes") }
            }
        }
    }

    func testAnUnknownTypeIsRefusedByTheDecoderAsBefore() {
        XCTAssertThrowsError(try EventCodec.decode(type: "report.recieved", payload: Array("{}".utf8))) { error in
            XCTAssertEqual((error as? EventCodec.DecodeError)?.reason, "unknown event type")
        }
    }
}
