import Foundation

/// Grows the C heap in 32 MiB steps instead of glibc's 128 KiB: a large desk allocates about 700 MB of
/// reports at start-up on two threads, and growing the heaps page by page cost `brk`/`mprotect` calls
/// worth ~15 % of the start-up time. Unused top-of-heap memory is still returned by `malloc_trim`.
/// Setting it also fixes glibc's mmap threshold at 128 KiB (no longer raised as large blocks are freed),
/// so every block above that is mapped and unmapped on its own; the start-up figures were measured so.
enum MallocTuning {
    static func apply() {
        #if os(Linux)
        _ = glibcMallopt(-2 /* M_TOP_PAD */, 32 << 20)
        #endif
    }
}

#if os(Linux)
/// glibc's `mallopt` (declared in <malloc.h>, which the Glibc module does not export).
@_silgen_name("mallopt")
private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif
