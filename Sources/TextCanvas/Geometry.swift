/// A cell position: column `x`, row `y`, both from the top-left corner at (0, 0).
public struct Point: Hashable, Sendable, CustomStringConvertible {
    public var x: Int
    public var y: Int

    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }

    public static let zero = Point(x: 0, y: 0)

    /// The same point moved by the given offsets.
    public func offset(dx: Int = 0, dy: Int = 0) -> Point { Point(x: x + dx, y: y + dy) }

    public var description: String { "\(x),\(y)" }
}

/// A size in terminal cells: `width` columns by `height` rows.
public struct Size: Hashable, Sendable, CustomStringConvertible {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    public static let zero = Size(width: 0, height: 0)

    /// True when this size is at least `other` in both directions (e.g. the minimum usable screen).
    public func fits(_ other: Size) -> Bool { width >= other.width && height >= other.height }

    public var description: String { "\(width)x\(height)" }
}

/// A rectangle of cells; layouts split the screen into these. Never negative in size.
public struct Rect: Hashable, Sendable, CustomStringConvertible {
    public var origin: Point
    public var size: Size

    public init(origin: Point, size: Size) {
        self.origin = origin
        self.size = Size(width: max(0, size.width), height: max(0, size.height))
    }

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.init(origin: Point(x: x, y: y), size: Size(width: width, height: height))
    }

    public var x: Int { origin.x }
    public var y: Int { origin.y }
    public var width: Int { size.width }
    public var height: Int { size.height }
    /// First column to the right of the rectangle.
    public var maxX: Int { origin.x + size.width }
    /// First row below the rectangle.
    public var maxY: Int { origin.y + size.height }
    public var isEmpty: Bool { size.width == 0 || size.height == 0 }

    /// True when the cell at `point` lies inside.
    public func contains(_ point: Point) -> Bool {
        point.x >= x && point.x < maxX && point.y >= y && point.y < maxY
    }

    /// The overlap of two rectangles (empty when they do not meet).
    public func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x)
        let top = max(y, other.y)
        let right = min(maxX, other.maxX)
        let bottom = min(maxY, other.maxY)
        return Rect(x: left, y: top, width: right - left, height: bottom - top)
    }

    /// Shrinks every side by `by` cells (a border or margin).
    public func inset(by amount: Int) -> Rect {
        inset(top: amount, left: amount, bottom: amount, right: amount)
    }

    /// Shrinks each side separately; never produces a negative size.
    public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
        Rect(x: x + left, y: y + top, width: width - left - right, height: height - top - bottom)
    }

    /// Cuts `count` columns off the left: (left part, the rest). Counts are clamped to the width.
    public func splitLeft(_ count: Int) -> (Rect, Rect) {
        let take = min(max(0, count), width)
        return (Rect(x: x, y: y, width: take, height: height),
                Rect(x: x + take, y: y, width: width - take, height: height))
    }

    /// Cuts `count` columns off the right: (the rest, right part).
    public func splitRight(_ count: Int) -> (Rect, Rect) {
        let (rest, right) = splitLeft(width - min(max(0, count), width))
        return (rest, right)
    }

    /// Cuts `count` rows off the top: (top part, the rest).
    public func splitTop(_ count: Int) -> (Rect, Rect) {
        let take = min(max(0, count), height)
        return (Rect(x: x, y: y, width: width, height: take),
                Rect(x: x, y: y + take, width: width, height: height - take))
    }

    /// Cuts `count` rows off the bottom: (the rest, bottom part).
    public func splitBottom(_ count: Int) -> (Rect, Rect) {
        splitTop(height - min(max(0, count), height))
    }

    /// Splits into side-by-side columns proportional to `weights` (remainders go to the first ones),
    /// so three panes share a wide screen without gaps.
    public func columns(weights: [Int]) -> [Rect] {
        let widths = Rect.distribute(width, weights: weights)
        var left = x
        return widths.map { w in
            defer { left += w }
            return Rect(x: left, y: y, width: w, height: height)
        }
    }

    /// Splits into stacked rows proportional to `weights`.
    public func rows(weights: [Int]) -> [Rect] {
        let heights = Rect.distribute(height, weights: weights)
        var top = y
        return heights.map { h in
            defer { top += h }
            return Rect(x: x, y: top, width: width, height: h)
        }
    }

    /// Shares `total` among `weights` (negative weights count as 0); the parts always add up to total.
    static func distribute(_ total: Int, weights: [Int]) -> [Int] {
        guard !weights.isEmpty else { return [] }
        let clean = weights.map { max(0, $0) }
        let sum = clean.reduce(0, +)
        guard sum > 0, total > 0 else { return clean.map { _ in 0 } }
        var parts = clean.map { total * $0 / sum }
        var left = total - parts.reduce(0, +)
        var index = 0
        while left > 0 {
            if clean[index] > 0 {
                parts[index] += 1
                left -= 1
            }
            index = (index + 1) % parts.count
        }
        return parts
    }

    public var description: String { "\(x),\(y) \(width)x\(height)" }
}
