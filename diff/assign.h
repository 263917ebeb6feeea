/* assign.h — one-to-one pairing with the best total score. */
#ifndef BELOPP_DIFF_ASSIGN_H
#define BELOPP_DIFF_ASSIGN_H

#include <stddef.h>
#include <stdint.h>

/* A possible pair: old item a, new item b, weight w > 0 (higher is better). */
typedef struct {
    uint32_t a, b;
    int64_t w;
} diff_edge;

/* Pairs old items 0..na-1 with new items 0..nb-1 along the edges, each item
 * at most once, so that the summed weight is the largest possible.  The
 * edges split into connected blocks; a block of at most DIFF_ASSIGN_EXACT
 * items a side is solved exactly (Hungarian algorithm, O(k^3)); a larger one
 * takes the heaviest free edge first (greedy by best total, O(e log e)).
 * match_a[a] gets b or -1.  Returns 0, or -1 when out of memory. */
int diff_assign(const diff_edge *e, size_t ne, size_t na, size_t nb, int64_t *match_a);

#define DIFF_ASSIGN_EXACT 300

/* The Hungarian algorithm on a dense nr × nc matrix of weights (0: no
 * pair): match[r] gets the column or -1.  Returns 0, or -1 when out of
 * memory.  Exposed for the tests. */
int diff_assign_dense(const int64_t *w, size_t nr, size_t nc, int64_t *match);

#endif
