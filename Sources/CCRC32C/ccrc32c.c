// Hardware CRC-32C (Castagnoli) for the journal's per-line checksums and the projection snapshot.
// Swift cannot emit the SSE 4.2 crc32 instruction itself; this file is the only C in the package's
// checksum path and is chosen at run time, so the binary still runs on CPUs without it.
#include "ccrc32c.h"
#include <string.h>

#if defined(__x86_64__)
#include <nmmintrin.h>

int ccrc32c_hardware_available(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("sse4.2");
}

__attribute__((target("sse4.2")))
uint32_t ccrc32c_update(uint32_t state, const void *bytes, size_t length) {
    const unsigned char *p = (const unsigned char *)bytes;
    uint64_t crc = state;
    while (length >= 8) {
        uint64_t word;
        memcpy(&word, p, 8);
        crc = _mm_crc32_u64(crc, word);
        p += 8;
        length -= 8;
    }
    uint32_t crc32 = (uint32_t)crc;
    while (length > 0) {
        crc32 = _mm_crc32_u8(crc32, *p);
        p += 1;
        length -= 1;
    }
    return crc32;
}
#else
int ccrc32c_hardware_available(void) { return 0; }

uint32_t ccrc32c_update(uint32_t state, const void *bytes, size_t length) {
    (void)bytes;
    (void)length;
    return state;
}
#endif
