#ifndef LAPORDESK_CMIMALLOC_SHIM_H
#define LAPORDESK_CMIMALLOC_SHIM_H
/*
 * mimalloc (Debian's libmimalloc-dev), linked into the lapor-desk executable only: linking the shared
 * library ahead of libc makes it the process's malloc and free, for Swift's runtime and Foundation too.
 */
#include <mimalloc.h>
#if MI_MALLOC_VERSION < 200
#error "lapor-desk needs mimalloc 2 or later (Debian: libmimalloc-dev)"
#endif
#endif
