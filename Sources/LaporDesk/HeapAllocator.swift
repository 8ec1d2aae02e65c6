import CMimalloc

/// The executable allocates through mimalloc, linked ahead of libc (`CMimalloc`), not glibc's malloc.
/// Why: a bulk import decodes and encodes its reports on every core and folds them on one thread, so most
/// blocks are freed on another thread than the one that allocated them; glibc takes the other arena's lock
/// for each, and mimalloc does not (50,000 reports: 0.70–0.82 s against 0.78–0.96 s, interleaved). A cold
/// start was as fast with either (glibc needed its heap grown in 32 MiB steps to be, which mimalloc does
/// by itself). Freed memory goes back to the system through `MemoryTrim`, which finds `mi_collect`.
enum HeapAllocator {
    /// Fails loudly if the build ever stops linking mimalloc: the figures in the README assume it.
    static func check() {
        precondition(mi_version() >= 200, "lapor-desk expects mimalloc 2 or later (libmimalloc-dev)")
    }
}
