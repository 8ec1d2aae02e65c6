/// A TOML array (also the form an `[[array.of.tables]]` takes), with the position of each element.
///
/// Equality compares the elements only, not where they were written, so tests and callers can
/// compare content built in code with content parsed from text.
public struct TOMLArray: RandomAccessCollection, Equatable, Sendable {
    /// Where the array starts (its `[`, or the first `[[header]]`).
    public let position: TOMLPosition
    public let elements: [TOMLValue]
    let positions: [TOMLPosition]

    /// Builds an array in code; every position is `.unknown`.
    public init(_ elements: [TOMLValue]) {
        self.init(elements: elements, positions: elements.map { _ in .unknown }, position: .unknown)
    }

    init(elements: [TOMLValue], positions: [TOMLPosition], position: TOMLPosition) {
        self.elements = elements
        self.positions = positions
        self.position = position
    }

    public var startIndex: Int { elements.startIndex }
    public var endIndex: Int { elements.endIndex }
    public subscript(index: Int) -> TOMLValue { elements[index] }

    /// Where element `index` starts; the array's own position if the index is out of range.
    public func position(at index: Int) -> TOMLPosition {
        positions.indices.contains(index) ? positions[index] : position
    }

    /// The line element `index` starts on.
    public func line(at index: Int) -> Int { position(at: index).line }

    public static func == (lhs: TOMLArray, rhs: TOMLArray) -> Bool { lhs.elements == rhs.elements }
}
