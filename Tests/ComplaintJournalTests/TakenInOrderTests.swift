import XCTest
@testable import ComplaintJournal

/// A slice's decoded lines are written, then each moved out once, in order (`TakenInOrder`): whatever is
/// taken is not destroyed again, and whatever is never taken (a scan stopped early) is destroyed once.
final class TakenInOrderTests: XCTestCase {
    private final class Tracked {
        let value: Int
        let alive: Counter
        init(_ value: Int, _ alive: Counter) {
            self.value = value
            self.alive = alive
            alive.count += 1
        }
        deinit { alive.count -= 1 }
    }

    private final class Counter { var count = 0 }

    func testValuesComeOutInOrderPastTheFirstCapacity() {
        let alive = Counter()
        var taken: [Int] = []
        do {
            let list = TakenInOrder<Tracked>(capacity: 2)
            for v in 0..<37 { list.append(Tracked(v, alive)) }
            XCTAssertEqual(list.count, 37)
            XCTAssertEqual(alive.count, 37)
            while !list.isDrained { taken.append(list.takeNext().value) }
            XCTAssertEqual(alive.count, 0, "each value taken is the caller's: dropped once, by it")
        }
        XCTAssertEqual(taken, Array(0..<37))
        XCTAssertEqual(alive.count, 0)
    }

    func testValuesNeverTakenAreDestroyedOnceWithTheList() {
        let alive = Counter()
        var kept: Tracked?
        do {
            let list = TakenInOrder<Tracked>(capacity: 4)
            for v in 0..<10 { list.append(Tracked(v, alive)) }
            kept = list.takeNext()
            _ = list.takeNext()
            XCTAssertEqual(alive.count, 9)
            XCTAssertFalse(list.isDrained)
        }
        XCTAssertEqual(alive.count, 1, "the eight never taken went with the list; the one kept outlives it")
        XCTAssertEqual(kept?.value, 0)
    }
}
