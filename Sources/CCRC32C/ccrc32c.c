// Hardware CRC-32C (Castagnoli) for the journal's per-line checksums and the projection snapshot.
// Swift cannot emit the SSE 4.2 crc32 instruction itself; this file is the only C in the package's
// checksum path and is chosen at run time, so the binary still runs on CPUs without it.
//
// The instruction takes three cycles before its result can feed the next one, but a new one can start
// every cycle: one chain over a line runs at a third of the speed the CPU allows. So a long enough
// stretch is cut into three equal blocks, each checksummed in its own chain (interleaved, one word of
// each per step), and the three results joined: the CRC of A followed by B is the register of A moved
// past |B| zero bytes, xor the CRC of B started from zero (the register update is linear). Moving past
// a fixed number of zero bytes is itself linear in the register: four table lookups, one per byte.
// Start-up checksums every line of the journal (half a gigabyte at 200,000 reports).
#include "ccrc32c.h"
#include <pthread.h>
#include <string.h>

#if defined(__x86_64__)
#include <nmmintrin.h>

int ccrc32c_hardware_available(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("sse4.2");
}

// Block lengths (bytes per chain) for long stretches and for the rest: received reports are ~1,300
// bytes a line, other events ~300.
enum { LONG_BLOCK = 256, SHORT_BLOCK = 64 };

// shift_long[k][b]: the register `b << 8k` moved past LONG_BLOCK zero bytes; shift_short likewise.
static uint32_t shift_long[4][256], shift_short[4][256];
static pthread_once_t shift_tables_once = PTHREAD_ONCE_INIT;

// The register `value` moved past `zeros` zero bytes, one bit at a time (reflected polynomial).
static uint32_t past_zero_bytes(uint32_t value, int zeros) {
    for (int i = 0; i < zeros * 8; i++) value = (value >> 1) ^ (0x82F63B78u & (0u - (value & 1u)));
    return value;
}

static void fill_shift_table(uint32_t table[4][256], int zeros) {
    uint32_t basis[32];
    for (int bit = 0; bit < 32; bit++) basis[bit] = past_zero_bytes(1u << bit, zeros);
    for (int k = 0; k < 4; k++) {
        for (int b = 0; b < 256; b++) {
            uint32_t moved = 0;
            for (int bit = 0; bit < 8; bit++) {
                if (b & (1 << bit)) moved ^= basis[8 * k + bit];
            }
            table[k][b] = moved;
        }
    }
}

static void fill_shift_tables(void) {
    fill_shift_table(shift_long, LONG_BLOCK);
    fill_shift_table(shift_short, SHORT_BLOCK);
}

static inline uint32_t shifted(const uint32_t table[4][256], uint32_t value) {
    return table[0][value & 0xFF] ^ table[1][(value >> 8) & 0xFF] ^ table[2][(value >> 16) & 0xFF] ^ table[3][value >> 24];
}

static inline uint64_t word_at(const unsigned char *p) {
    uint64_t word;
    memcpy(&word, p, 8);
    return word;
}

// Three chains over blocks of `block` bytes each, joined; returns the register after 3 * block bytes.
__attribute__((target("sse4.2"), always_inline))
static inline uint32_t three_blocks(uint32_t state, const unsigned char *p, size_t block, const uint32_t table[4][256]) {
    uint64_t a = state, b = 0, c = 0;
    for (size_t i = 0; i < block; i += 8) {
        a = _mm_crc32_u64(a, word_at(p + i));
        b = _mm_crc32_u64(b, word_at(p + block + i));
        c = _mm_crc32_u64(c, word_at(p + 2 * block + i));
    }
    uint32_t joined = shifted(table, (uint32_t)a) ^ (uint32_t)b;
    return shifted(table, joined) ^ (uint32_t)c;
}

__attribute__((target("sse4.2")))
uint32_t ccrc32c_update(uint32_t state, const void *bytes, size_t length) {
    const unsigned char *p = (const unsigned char *)bytes;
    uint32_t crc = state;
    if (length >= 3 * SHORT_BLOCK) {
        pthread_once(&shift_tables_once, fill_shift_tables);
        while (length >= 3 * LONG_BLOCK) {
            crc = three_blocks(crc, p, LONG_BLOCK, shift_long);
            p += 3 * LONG_BLOCK;
            length -= 3 * LONG_BLOCK;
        }
        while (length >= 3 * SHORT_BLOCK) {
            crc = three_blocks(crc, p, SHORT_BLOCK, shift_short);
            p += 3 * SHORT_BLOCK;
            length -= 3 * SHORT_BLOCK;
        }
    }
    uint64_t crc64 = crc;
    while (length >= 8) {
        crc64 = _mm_crc32_u64(crc64, word_at(p));
        p += 8;
        length -= 8;
    }
    uint32_t crc32 = (uint32_t)crc64;
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
