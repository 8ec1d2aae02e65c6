// The byte scan lives in the header (static inline, so Swift inlines it); a C target needs one source file.
#include "cbytescan.h"
