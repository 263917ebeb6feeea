/* grow.h — the one way arrays grow in belopp. */
#ifndef BELOPP_GROW_H
#define BELOPP_GROW_H

#include <stddef.h>

/* Makes *p (an array of *cap elements of elem bytes) hold at least need
 * elements, doubling its capacity.  Returns 0, or -1 when out of memory or
 * the size would overflow; *p and *cap are unchanged on failure. */
int belopp_grow_slow(void **p, size_t *cap, size_t need, size_t elem);
static inline int belopp_grow(void **p, size_t *cap, size_t need, size_t elem)
{
    /* the usual case, room already, without a call (every PUSH asks) */
    return need <= *cap ? 0 : belopp_grow_slow(p, cap, need, elem);
}

#endif
