/// Maps byte offsets to 1-based line and column, so the parser can record plain offsets and
/// only pay for line/column arithmetic where a position is kept or reported.
///
/// Columns are counted in Unicode scalars. The parser asks for positions in increasing order,
/// so the last answer is remembered and the next count continues from it: a huge single-line
/// document stays linear instead of rescanning its line for every value.
final class LineIndex {
    private let bytes: [UInt8]
    private let lineStarts: [Int]
    private var cachedLine = 0
    private var cachedOffset = 0
    private var cachedColumn = 1

    init(_ bytes: [UInt8]) {
        var starts = [0]
        bytes.withUnsafeBufferPointer { buffer in
            for offset in buffer.indices where buffer[offset] == 0x0A { starts.append(offset + 1) }
        }
        self.bytes = bytes
        self.lineStarts = starts
    }

    func position(of offset: Int) -> TOMLPosition {
        let low = line(containing: offset)
        let start = lineStarts[low]
        let end = min(max(offset, start), bytes.count)
        var column = 1
        var index = start
        if cachedLine == low, cachedOffset <= end, cachedOffset >= start {
            column = cachedColumn
            index = cachedOffset
        }
        while index < end {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        cachedLine = low
        cachedOffset = end
        cachedColumn = column
        return TOMLPosition(line: low + 1, column: column)
    }

    /// The 0-based line `offset` is on: the last line asked about or the one after it (the parser mostly
    /// moves forward a line at a time), else found by binary search.
    private func line(containing offset: Int) -> Int {
        if holds(line: cachedLine, offset) { return cachedLine }
        if holds(line: cachedLine + 1, offset) { return cachedLine + 1 }
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    private func holds(line: Int, _ offset: Int) -> Bool {
        line < lineStarts.count && lineStarts[line] <= offset && (line + 1 == lineStarts.count || offset < lineStarts[line + 1])
    }
}
