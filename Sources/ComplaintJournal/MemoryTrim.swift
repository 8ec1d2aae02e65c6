/// Hands memory freed during start-up back to the system. Decoding a large journal allocates and frees
/// gigabytes of short-lived values on several threads; glibc keeps the freed pages in per-thread arenas,
/// so without this the resident size after start-up counted memory nobody used any more.
enum MemoryTrim {
    static func afterStartup() {
        #if os(Linux)
        _ = glibcMallocTrim(0)
        #endif
    }
}

#if os(Linux)
/// glibc's `malloc_trim` (declared in <malloc.h>, which the Glibc module does not export).
@_silgen_name("malloc_trim")
private func glibcMallocTrim(_ pad: Int) -> Int32
#endif
