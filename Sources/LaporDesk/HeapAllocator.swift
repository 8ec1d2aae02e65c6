import CMimalloc
import Foundation

/// The executable allocates through mimalloc, linked ahead of libc (`CMimalloc`), not glibc's malloc.
/// Why: a bulk import decodes and encodes its reports on every core and folds them on one thread, so most
/// blocks are freed on another thread than the one that allocated them; glibc takes the other arena's lock
/// for each, and mimalloc does not (50,000 reports: 0.59–0.76 s against 0.78–1.02 s, interleaved). A cold
/// start was as fast with either (glibc needed its heap grown in 32 MiB steps to be, which mimalloc does
/// by itself). `MemoryTrim` asks it to return freed memory after start-up (`mi_collect`).
enum HeapAllocator {
    /// Which allocator `malloc` reaches, for the benchmark's record: mimalloc only if a block from `malloc`
    /// lies in mimalloc's heap (a link order with libc first would leave glibc's; a preloaded one, its own).
    static var inUse: String {
        let version = mi_version()
        let named = "mimalloc \(version / 100).\(version % 100 / 10).\(version % 10)"
        guard let block = malloc(64) else { return "unknown (malloc failed)" }
        defer { free(block) }
        return mi_is_in_heap_region(block) ? named : "another malloc than mimalloc (\(named) linked but not in use)"
    }
}
