#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A segment buffer cut into fixed byte slices, each owning the lines that start in it. The folding scan
/// finds a slice's lines on the core that decodes them, just before decoding them: splitting the whole
/// segment first was a pass of its own over memory (a twentieth of a cold start's CPU, and each line
/// fetched from memory twice), and the list of every line was built and copied once more.
///
/// The lines, slice after slice, are exactly `LineSplitter.forEachLine`'s over the whole buffer
/// (`LineSlicesTests`): a line belongs to the slice holding its first byte, however far it runs past the
/// slice's end; a slice where no line starts has none.
enum LineSlices {
    /// Bytes per slice: about 128 lines of a journal, one worker's share of a pipeline chunk being a few.
    static let defaultBytes = 64 << 10

    /// Slices per pipeline chunk: about as many lines (4,000) as the chunks of lines had.
    static let perChunk = 32

    static func count(_ bytes: Int, sliceBytes: Int = defaultBytes) -> Int { (bytes + sliceBytes - 1) / sliceBytes }

    /// `body` for each line starting in slice `k` of `buffer`, in order.
    static func forEachLine(in buffer: UnsafeBufferPointer<UInt8>, slice k: Int, sliceBytes: Int = defaultBytes,
                            _ body: (LineSplitter.Line) -> Void) {
        guard let base = buffer.baseAddress else { return }
        let lo = k * sliceBytes, hi = min(lo + sliceBytes, buffer.count)
        guard lo < hi else { return }
        var start: Int
        if lo == 0 {
            start = 0
        } else if let found = memchr(base + lo - 1, 0x0A, hi - lo) {
            // The first line starting in the slice: the one after the first newline in `lo - 1 ..< hi - 1`. The
            // search stops there: a newline at `hi - 1` or later starts no line of this slice, and searching on
            // to the buffer's end made every slice inside a long line scan the rest of it (quadratic in the line).
            start = UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base + 1
        } else {
            return
        }
        while start < hi {
            if let found = memchr(base + start, 0x0A, buffer.count - start) {
                let newline = UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base
                body(LineSplitter.Line(start: start, end: newline, terminated: true))
                start = newline + 1
            } else {
                body(LineSplitter.Line(start: start, end: buffer.count, terminated: false))
                return
            }
        }
    }
}
