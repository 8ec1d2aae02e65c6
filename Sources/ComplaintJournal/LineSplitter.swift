#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits a buffer of segment bytes into lines with `memchr`, the hot loop of start-up.
enum LineSplitter {
    /// One line: `start..<end` excludes the newline; `terminated` is false for trailing bytes
    /// without a newline.
    struct Line {
        var start: Int
        var end: Int
        var terminated: Bool
        var nextStart: Int { terminated ? end + 1 : end }
    }

    static func forEachLine(
        _ bytes: UnsafeBufferPointer<UInt8>, _ body: (Line) throws -> Bool
    ) rethrows {
        guard let base = bytes.baseAddress else { return }
        var position = 0
        while position < bytes.count {
            let found = memchr(base + position, 0x0A, bytes.count - position)
            let line: Line
            if let found {
                let newline = UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base
                line = Line(start: position, end: newline, terminated: true)
            } else {
                line = Line(start: position, end: bytes.count, terminated: false)
            }
            guard try body(line) else { return }
            position = line.nextStart
        }
    }
}
