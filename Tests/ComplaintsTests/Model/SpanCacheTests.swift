import SeededRandom
import XCTest
@testable import Complaints

/// `SpanCache` answers only for the exact bytes a value was stored under, and stays bounded whatever it
/// is fed (its keys live in one arena that starts again when full).
final class SpanCacheTests: XCTestCase {
    private func value(_ cache: SpanCache<String>, _ key: [UInt8]) -> String? {
        key.withUnsafeBufferPointer { cache.value(for: $0) }
    }

    private func store(_ cache: SpanCache<String>, _ value: String, _ key: [UInt8]) {
        key.withUnsafeBufferPointer { cache.store(value, for: $0) }
    }

    func testAnswersOnlyTheExactBytes() {
        let cache = SpanCache<String>(slots: 64)
        store(cache, "siti", Array("{\"name\":\"siti\"}".utf8))
        XCTAssertEqual(value(cache, Array("{\"name\":\"siti\"}".utf8)), "siti")
        XCTAssertNil(value(cache, Array("{\"name\":\"sitI\"}".utf8)), "one byte differs")
        XCTAssertNil(value(cache, Array("{\"name\":\"siti\"]".utf8)), "the last byte differs")
        XCTAssertNil(value(cache, Array("[\"name\":\"siti\"}".utf8)), "the first byte differs")
        XCTAssertNil(value(cache, Array("{\"name\":\"siti\"} ".utf8)), "one byte longer")
        XCTAssertNil(value(cache, Array("{\"name\":\"siti\"".utf8)), "one byte shorter")
        // Long keys are placed by their ends only, but found by all their bytes: one byte in the middle differs.
        let long = Array("{\"name\":\"petugas\",\"role\":\"penghubung\",\"agency\":\"pemkab-sleman\",\"unit\":null,\"os\":\"x\"}".utf8)
        var middle = long
        middle[long.count / 2] ^= 0x01
        store(cache, "long", long)
        XCTAssertEqual(value(cache, long), "long")
        XCTAssertNil(value(cache, middle), "a long key differing in its middle byte")
        store(cache, "middle", middle)
        XCTAssertEqual(value(cache, middle), "middle")
        XCTAssertNil(value(cache, []), "the empty key was never stored")
        store(cache, "empty", [])
        XCTAssertEqual(value(cache, []), "empty")
    }

    /// Against a dictionary of what was stored last: every answer the cache gives is the dictionary's, and
    /// with few keys in many slots nearly every key is still there.
    func testAgreesWithADictionaryOfTheLastStores() {
        var random = SeededGenerator(seed: 7)
        let cache = SpanCache<String>(slots: 4_096)
        var truth: [[UInt8]: String] = [:]
        let keys: [[UInt8]] = (0..<300).map { _ in (0..<Int.random(in: 0...150, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) } }
        for step in 0..<20_000 {
            let key = keys[Int.random(in: 0..<keys.count, using: &random)]
            if Bool.random(using: &random) {
                store(cache, "v\(step)", key)
                truth[key] = "v\(step)"
            } else if let got = value(cache, key) {
                XCTAssertEqual(got, truth[key], "a cached answer is the last value stored for those bytes")
            }
        }
        let held = Set(keys).filter { value(cache, $0) != nil }.count
        XCTAssertGreaterThan(held, Set(truth.keys).count * 8 / 10, "300 keys in 4,096 slots are mostly kept")
    }

    /// A stream of distinct keys (a hostile journal's actors) never grows the arena past its limit, and the
    /// cache still answers for what it stored since it last started again.
    func testArenaStaysBounded() {
        let cache = SpanCache<String>(slots: 16, keyBytes: 1_000)
        for i in 0..<10_000 {
            let key = Array("key number \(i) padded to be longer than a word".utf8)
            store(cache, "\(i)", key)
            XCTAssertLessThanOrEqual(cache.keyBytesHeld, 1_000)
            XCTAssertLessThanOrEqual(cache.keyBytesHeld, cache.keyRoom)
            XCTAssertEqual(value(cache, key), "\(i)", "the key just stored is found")
        }
        // A key longer than the arena has grown, met when the arena starts again: it grows for it first.
        let small = SpanCache<String>(slots: 16, keyBytes: 8_192)
        store(small, "short", Array(repeating: 0x42, count: 100))
        let long = [UInt8](repeating: 0x43, count: 8_100)
        store(small, "long", long)
        XCTAssertEqual(value(small, long), "long")
        XCTAssertEqual(small.keyBytesHeld, 8_100)
        XCTAssertGreaterThanOrEqual(small.keyRoom, small.keyBytesHeld, "the arena holds the key it was given")
        store(cache, "huge", Array(repeating: 0x41, count: 1_001))
        XCTAssertNil(value(cache, Array(repeating: 0x41, count: 1_001)), "a key longer than the arena is not kept")
    }

    /// Values are released when replaced, emptied or with the cache (no leak, no double release).
    func testValuesAreReleased() {
        final class Probe {
            let onDeinit: () -> Void
            init(_ onDeinit: @escaping () -> Void) { self.onDeinit = onDeinit }
            deinit { onDeinit() }
        }
        var released = 0
        do {
            let cache = SpanCache<Probe>(slots: 4, keyBytes: 64)
            for i in 0..<40 {
                let key = Array("k\(i % 10) and some more bytes".utf8)
                key.withUnsafeBufferPointer { cache.store(Probe { released += 1 }, for: $0) }
            }
            XCTAssertLessThan(released, 40, "the slots still hold some")
        }
        XCTAssertEqual(released, 40, "every stored value released exactly once")
        // Starting the arena again lets go of the values at once, not when their slots are next written.
        released = 0
        let cache = SpanCache<Probe>(slots: 64, keyBytes: 64)
        for i in 0..<2 {
            Array("key \(i) of thirty bytes, or so".utf8).withUnsafeBufferPointer { cache.store(Probe { released += 1 }, for: $0) }
        }
        XCTAssertEqual(released, 0)
        Array("a third key, past the arena's room".utf8).withUnsafeBufferPointer { cache.store(Probe { released += 1 }, for: $0) }
        XCTAssertEqual(released, 2, "the arena started again: both earlier values released")
    }
}
