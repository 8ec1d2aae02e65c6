/// Which slice of a long list is visible, keeping the cursor on screen with the least movement.
public struct ScrollWindow: Hashable, Sendable {
    /// Index of the first visible item.
    public let top: Int
    /// Number of visible rows.
    public let height: Int
    /// Total items.
    public let count: Int

    /// Scrolls from `previousTop` just enough that `cursor` is visible with `margin` items of
    /// context above and below (when there are that many), and never past the end of the list.
    public init(cursor: Int, count: Int, height: Int, previousTop: Int = 0, margin: Int = 0) {
        let height = max(0, height)
        let count = max(0, count)
        self.height = height
        self.count = count
        guard height > 0, count > height else {
            self.top = 0
            return
        }
        let cursor = min(max(0, cursor), count - 1)
        let margin = min(max(0, margin), (height - 1) / 2)
        var top = min(max(0, previousTop), count - height)
        if cursor - margin < top { top = max(0, cursor - margin) }
        if cursor + margin >= top + height { top = min(count - height, cursor + margin - height + 1) }
        self.top = top
    }

    /// Indices of the visible items.
    public var visible: Range<Int> { top..<min(count, top + height) }

    /// Row within the window where item `index` appears, or nil when it is not visible.
    public func row(of index: Int) -> Int? { visible.contains(index) ? index - top : nil }
}
