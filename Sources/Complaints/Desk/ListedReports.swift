/// The reports a listing shows, in order, as positions into one sort order's id array (shared, not copied):
/// listing 200,000 reports then writes 4-byte positions instead of retaining 200,000 ids, and dropping the
/// previous listing frees one buffer instead of releasing each id (together a third of a view switch).
/// Reads like an array of ids; equal when it lists the same ids in the same order, however it is stored.
public struct ListedReports: RandomAccessCollection, Hashable, Sendable, ExpressibleByArrayLiteral {
    private let ids: [ReportID]
    /// Positions in `ids` of the listed reports; unused when `whole`.
    private let positions: [Int32]
    /// Every id of `ids`, in its order (an unfiltered view: no positions written at all).
    private let whole: Bool

    /// `ids` as they are.
    public init(_ ids: [ReportID]) { self.init(ids, positions: [], whole: true) }

    private init(_ ids: [ReportID], positions: [Int32], whole: Bool) {
        self.ids = ids
        self.positions = positions
        self.whole = whole
    }

    public init(arrayLiteral elements: ReportID...) { self.init(elements) }

    /// The ids at `positions` of `order`: positions ascending, each in `order` (a filtering pass over it).
    init(_ order: [ReportID], at positions: [Int32]) {
        assert(zip(positions, positions.dropFirst()).allSatisfy { $0 < $1 } && (positions.last.map { Int($0) < order.count } ?? true)
               && (positions.first.map { $0 >= 0 } ?? true), "positions ascend within the order")
        if positions.count == order.count {
            // As many ascending positions as the order has: all of it.
            self.init(order)
        } else {
            self.init(order, positions: positions, whole: false)
        }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { whole ? ids.count : positions.count }

    public subscript(position: Int) -> ReportID {
        whole ? ids[position] : ids[Int(positions[position])]
    }

    public static func == (a: ListedReports, b: ListedReports) -> Bool {
        a.count == b.count && a.elementsEqual(b)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for id in self { hasher.combine(id) }
    }
}
