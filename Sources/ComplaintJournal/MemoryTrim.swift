import Foundation

/// Asks the allocator to hand memory freed during start-up back to the system. Decoding a large journal
/// allocates and frees gigabytes of short-lived values on several threads, and an allocator keeps freed
/// pages for reuse: without this the resident size after start-up counted memory nobody used any more.
enum MemoryTrim {
    static func afterStartup() {
        #if os(Linux)
        // glibc's arenas (all of them; the only heap of tests and tools built without mimalloc).
        _ = glibcMallocTrim(0)
        // mimalloc's, when the process has it (the lapor-desk executable links it as its malloc): this
        // thread's heap and the segments other threads left; the decoders' own free pages it purges by
        // itself after a short delay.
        miCollect?(true)
        #endif
    }

    #if os(Linux)
    /// mimalloc's `mi_collect`, looked up once among the process's symbols (a null handle is glibc's
    /// RTLD_DEFAULT); nil without mimalloc.
    private static let miCollect: (@convention(c) (Bool) -> Void)? = dlsym(nil, "mi_collect").map {
        unsafeBitCast($0, to: (@convention(c) (Bool) -> Void).self)
    }
    #endif
}

#if os(Linux)
/// glibc's `malloc_trim` (declared in <malloc.h>, which the Glibc module does not export).
@_silgen_name("malloc_trim")
private func glibcMallocTrim(_ pad: Int) -> Int32
#endif
