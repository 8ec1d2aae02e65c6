#ifndef LAPORDESK_CMIMALLOC_SHIM_H
#define LAPORDESK_CMIMALLOC_SHIM_H
/*
 * mimalloc (Debian's libmimalloc-dev), linked into the lapor-desk executable only: linking the shared
 * library ahead of libc makes it the process's malloc and free, for Swift's runtime and Foundation too.
 */
#include <mimalloc.h>
#endif
