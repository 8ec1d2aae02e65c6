import Foundation

/// Hands memory freed during start-up back to the system. Decoding a large journal allocates and frees
/// gigabytes of short-lived values on several threads; an allocator keeps freed pages for reuse, so without
/// this the resident size after start-up counted memory nobody used any more.
enum MemoryTrim {
    static func afterStartup() {
        #if os(Linux)
        collect()
        #endif
    }

    #if os(Linux)
    /// mimalloc's `mi_collect(true)` when the process has it (the lapor-desk executable links it as its
    /// malloc), else glibc's `malloc_trim(0)` (tests and tools built without it). Looked up once.
    private static let collect: @Sendable () -> Void = {
        // A null handle is glibc's RTLD_DEFAULT: the process's global symbols.
        if let symbol = dlsym(nil, "mi_collect") {
            let miCollect = unsafeBitCast(symbol, to: (@convention(c) (Bool) -> Void).self)
            return { miCollect(true) }
        }
        return { _ = glibcMallocTrim(0) }
    }()
    #endif
}

#if os(Linux)
/// glibc's `malloc_trim` (declared in <malloc.h>, which the Glibc module does not export).
@_silgen_name("malloc_trim")
private func glibcMallocTrim(_ pad: Int) -> Int32
#endif
