#ifndef CCRC32C_H
#define CCRC32C_H

#include <stddef.h>
#include <stdint.h>

/// Nonzero when this CPU has a CRC-32C instruction that ccrc32c_update can use (SSE 4.2 on x86-64).
int ccrc32c_hardware_available(void);

/// Continues a CRC-32C over `length` bytes with the CPU instruction. `state` is the running register
/// (already inverted, as in the software loop); callers must check ccrc32c_hardware_available first.
uint32_t ccrc32c_update(uint32_t state, const void *bytes, size_t length);

#endif
