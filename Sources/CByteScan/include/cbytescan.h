#ifndef CBYTESCAN_H
#define CBYTESCAN_H

#include <stddef.h>
#include <stdint.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/// Where `cbytescan_string_special` stopped, and whether it passed a byte with its high bit set (non-zero).
/// Returned by value: a pointer to the caller's flag made Swift guard each caller's stack frame.
typedef struct {
    size_t index;
    uint32_t high;
} cbytescan_stop;

/// Sixteen bytes at a time, the index of the first '"', '\\' or byte below 0x20 at or after `start`, or the
/// index where fewer than sixteen bytes remain before `count` (the caller finishes those). `high` is non-zero
/// when a byte passed has its high bit set (the caller then validates the UTF-8). Static inline so Swift
/// inlines it into its JSON string loops: SSE2 is part of every x86-64, so no run-time choice is needed.
/// Elsewhere it returns `start` and the caller's eight-byte loop does all the work.
static inline cbytescan_stop cbytescan_string_special(const uint8_t *base, size_t start, size_t count) {
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    const __m128i control = _mm_set1_epi8(0x1F);
    size_t index = start;
    unsigned seen = 0;
    while (count - index >= 16) {
        const __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(base + index));
        // A byte is below 0x20 exactly when its unsigned minimum with 0x1F is itself.
        const __m128i special = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)),
                                             _mm_cmpeq_epi8(_mm_min_epu8(v, control), v));
        const unsigned found = (unsigned)_mm_movemask_epi8(special);
        const unsigned highs = (unsigned)_mm_movemask_epi8(v);
        if (found != 0) {
            const unsigned at = (unsigned)__builtin_ctz(found);
            const cbytescan_stop stop = {index + at, seen | (highs & ((1u << at) - 1u))};
            return stop;
        }
        seen |= highs;
        index += 16;
    }
    const cbytescan_stop stop = {index, seen};
    return stop;
#else
    (void)base;
    (void)count;
    const cbytescan_stop stop = {start, 0};
    return stop;
#endif
}

#endif
