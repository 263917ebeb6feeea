/* assign.c — best-total one-to-one pairing (see assign.h).
 *
 * Greedy first-come pairing goes wrong where two old figures both fit one
 * new figure best: the first takes it, and the second is left with nothing
 * although a slightly worse pair for the first would have let both pair.
 * The Hungarian algorithm finds the assignment of largest total weight.
 * Padding the matrix to a square with zero weights lets an item stay
 * unpaired; a zero-weight pair in the result means "unpaired". */
#include <stdlib.h>
#include <string.h>

#include "assign.h"

int diff_assign_dense(const int64_t *w, size_t nr, size_t nc, int64_t *match)
{
    size_t n = nr > nc ? nr : nc;
    for (size_t r = 0; r < nr; r++)
        match[r] = -1;
    if (nr == 0 || nc == 0)
        return 0;
    /* minimise cost = -w; potentials u, v; p[j] = row of column j (1-based) */
    int64_t *u = calloc(n + 1, sizeof *u), *v = calloc(n + 1, sizeof *v);
    int64_t *minv = malloc((n + 1) * sizeof *minv);
    size_t *p = calloc(n + 1, sizeof *p), *way = calloc(n + 1, sizeof *way);
    char *used = malloc(n + 1);
    if (!u || !v || !minv || !p || !way || !used) {
        free(u), free(v), free(minv), free(p), free(way), free(used);
        return -1;
    }
    const int64_t INF = INT64_MAX / 4;
    for (size_t i = 1; i <= n; i++) {
        p[0] = i;
        size_t j0 = 0;
        for (size_t j = 0; j <= n; j++)
            minv[j] = INF;
        memset(used, 0, n + 1);
        do {
            used[j0] = 1;
            size_t i0 = p[j0], j1 = 0;
            int64_t delta = INF;
            for (size_t j = 1; j <= n; j++) {
                if (used[j])
                    continue;
                int64_t c = (i0 <= nr && j <= nc) ? -w[(i0 - 1) * nc + (j - 1)] : 0;
                int64_t cur = c - u[i0] - v[j];
                if (cur < minv[j]) {
                    minv[j] = cur;
                    way[j] = j0;
                }
                if (minv[j] < delta) {
                    delta = minv[j];
                    j1 = j;
                }
            }
            for (size_t j = 0; j <= n; j++) {
                if (used[j]) {
                    u[p[j]] += delta;
                    v[j] -= delta;
                } else {
                    minv[j] -= delta;
                }
            }
            j0 = j1;
        } while (p[j0] != 0);
        do {
            size_t j1 = way[j0];
            p[j0] = p[j1];
            j0 = j1;
        } while (j0);
    }
    for (size_t j = 1; j <= nc; j++)
        if (p[j] >= 1 && p[j] <= nr && w[(p[j] - 1) * nc + (j - 1)] > 0)
            match[p[j] - 1] = (int64_t)j - 1;
    free(u), free(v), free(minv), free(p), free(way), free(used);
    return 0;
}

static size_t find(size_t *parent, size_t x)
{
    while (parent[x] != x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    return x;
}

static int edge_desc(const void *x, const void *y)
{
    const diff_edge *a = x, *b = y;
    if (a->w != b->w)
        return a->w > b->w ? -1 : 1;
    if (a->a != b->a)
        return a->a < b->a ? -1 : 1;
    return a->b < b->b ? -1 : a->b > b->b;
}

int diff_assign(const diff_edge *e, size_t ne, size_t na, size_t nb, int64_t *match_a)
{
    for (size_t i = 0; i < na; i++)
        match_a[i] = -1;
    if (ne == 0)
        return 0;
    size_t nn = na + nb;
    size_t *parent = malloc(nn * sizeof *parent);
    size_t *cnt_a = calloc(nn, sizeof *cnt_a), *cnt_b = calloc(nn, sizeof *cnt_b);
    size_t *local = malloc(nn * sizeof *local);
    diff_edge *sorted = malloc(ne * sizeof *sorted);
    int rc = -1;
    if (!parent || !cnt_a || !cnt_b || !local || !sorted)
        goto out;
    for (size_t i = 0; i < nn; i++)
        parent[i] = i;
    for (size_t k = 0; k < ne; k++) {
        size_t x = find(parent, e[k].a), y = find(parent, na + e[k].b);
        if (x != y)
            parent[x < y ? y : x] = x < y ? x : y;
    }
    /* local indices within each block, in item order */
    for (size_t i = 0; i < na; i++)
        local[i] = cnt_a[find(parent, i)]++;
    for (size_t j = 0; j < nb; j++)
        local[na + j] = cnt_b[find(parent, na + j)]++;
    memcpy(sorted, e, ne * sizeof *e);
    qsort(sorted, ne, sizeof *sorted, edge_desc);
    /* sort edges by block, keeping weight order within a block (stable by
     * a counting pass over block roots) */
    size_t *start = calloc(nn + 1, sizeof *start);
    diff_edge *byblock = malloc(ne * sizeof *byblock);
    if (!start || !byblock) {
        free(start);
        free(byblock);
        goto out;
    }
    for (size_t k = 0; k < ne; k++)
        start[find(parent, sorted[k].a) + 1]++;
    for (size_t i = 0; i < nn; i++)
        start[i + 1] += start[i];
    {
        size_t *fill = malloc(nn * sizeof *fill);
        if (!fill) {
            free(start);
            free(byblock);
            goto out;
        }
        memcpy(fill, start, nn * sizeof *fill);
        for (size_t k = 0; k < ne; k++)
            byblock[fill[find(parent, sorted[k].a)]++] = sorted[k];
        free(fill);
    }
    rc = 0;
    for (size_t root = 0; root < nn && rc == 0; root++) {
        size_t s = start[root], t = start[root + 1];
        if (s == t)
            continue;
        size_t ka = cnt_a[root], kb = cnt_b[root];
        if (ka <= DIFF_ASSIGN_EXACT && kb <= DIFF_ASSIGN_EXACT) {
            int64_t *w = calloc(ka * kb, sizeof *w);
            int64_t *m = malloc(ka * sizeof *m);
            uint32_t *back_a = malloc(ka * sizeof *back_a), *back_b = malloc(kb * sizeof *back_b);
            if (!w || !m || !back_a || !back_b) {
                rc = -1;
            } else {
                for (size_t k = s; k < t; k++) {
                    size_t la = local[byblock[k].a], lb = local[na + byblock[k].b];
                    back_a[la] = byblock[k].a;
                    back_b[lb] = byblock[k].b;
                    if (byblock[k].w > w[la * kb + lb])
                        w[la * kb + lb] = byblock[k].w;
                }
                rc = diff_assign_dense(w, ka, kb, m);
                for (size_t la = 0; rc == 0 && la < ka; la++)
                    if (m[la] >= 0)
                        match_a[back_a[la]] = back_b[m[la]];
            }
            free(w), free(m), free(back_a), free(back_b);
        } else {
            /* heaviest free edge first */
            for (size_t k = s; k < t; k++) {
                size_t a = byblock[k].a, b = byblock[k].b;
                if (match_a[a] >= 0 || local[na + b] == SIZE_MAX)
                    continue;
                match_a[a] = (int64_t)b;
                local[na + b] = SIZE_MAX; /* taken */
            }
        }
    }
    free(start);
    free(byblock);
out:
    free(parent), free(cnt_a), free(cnt_b), free(local), free(sorted);
    return rc;
}
