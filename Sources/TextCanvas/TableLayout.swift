/// One column of a list or table row.
public struct TableColumn: Hashable, Sendable {
    /// How wide a column is.
    public enum Width: Hashable, Sendable {
        /// Exactly this many columns (fewer only when the row is too narrow for all fixed columns).
        case fixed(Int)
        /// A share of what is left after fixed columns, never below `min`.
        case flex(weight: Int, min: Int)
    }

    public var width: Width
    public var alignment: TextFit.Alignment

    public init(_ width: Width, alignment: TextFit.Alignment = .left) {
        self.width = width
        self.alignment = alignment
    }
}

/// Resolves column widths for a given row width and renders rows into them, so inbox lists line up
/// at every terminal size.
public struct TableLayout: Hashable, Sendable {
    public let columns: [TableColumn]
    /// Columns between adjacent cells.
    public let gap: Int
    /// Resolved width of each column.
    public let widths: [Int]
    /// Starting column of each cell relative to the row start, for styling cells separately.
    public let offsets: [Int]

    /// Lays out `columns` in `totalWidth` columns. Fixed columns get their width first (shrunk from
    /// the right when they do not fit), then flex columns share the rest by weight.
    public init(columns: [TableColumn], totalWidth: Int, gap: Int = 1) {
        self.columns = columns
        self.gap = max(0, gap)
        let available = max(0, totalWidth - self.gap * max(0, columns.count - 1))
        var widths = columns.map { column -> Int in
            if case .fixed(let w) = column.width { return max(0, w) }
            return 0
        }
        var remaining = available
        for index in widths.indices {
            widths[index] = min(widths[index], remaining)
            remaining -= widths[index]
        }
        let flexIndices = columns.indices.filter {
            if case .flex = columns[$0].width { return true }
            return false
        }
        let mins = flexIndices.map { index -> Int in
            if case .flex(_, let minimum) = columns[index].width { return max(0, minimum) }
            return 0
        }
        let weights = flexIndices.map { index -> Int in
            if case .flex(let weight, _) = columns[index].width { return max(0, weight) }
            return 0
        }
        let minTotal = mins.reduce(0, +)
        if minTotal >= remaining {
            var left = remaining
            for (position, index) in flexIndices.enumerated() {
                widths[index] = min(mins[position], left)
                left -= widths[index]
            }
        } else {
            let shares = Rect.distribute(remaining - minTotal, weights: weights)
            for (position, index) in flexIndices.enumerated() {
                widths[index] = mins[position] + shares[position]
            }
        }
        self.widths = widths
        var offsets: [Int] = []
        var x = 0
        for w in widths {
            offsets.append(x)
            x += w + self.gap
        }
        self.offsets = offsets
    }

    /// Total columns of a rendered row.
    public var rowWidth: Int { widths.reduce(0, +) + gap * max(0, widths.count - 1) }

    /// Renders `values` (missing ones blank, extra ones ignored) padded or truncated to their
    /// columns and joined by the gap.
    public func render(_ values: [String]) -> String {
        let separator = String(repeating: " ", count: gap)
        return widths.indices.map { index in
            let value = index < values.count ? values[index] : ""
            return TextFit.pad(value, width: widths[index], alignment: columns[index].alignment)
        }.joined(separator: separator)
    }
}
