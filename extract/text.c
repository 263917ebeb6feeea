/* text.c — working text with an offset map back to the input.
 *
 * Design note.  The map is a sorted list of pieces {dst, len, src, src_len}.
 * Almost all of a press text is copied through unchanged, so consecutive
 * byte-for-byte pieces are merged: a clean 100 MB file is one piece, and a
 * lookup is a binary search over the few places where something was
 * replaced (an invalid byte, a decomposed "å", an HTML tag).
 */
#include "text.h"

#include "grow.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct piece {
    size_t dst, len, src, src_len;
};

struct belopp_text {
    char *data;
    size_t len, cap;
    struct piece *pieces;
    size_t npieces, cap_pieces;
};

belopp_text *belopp_text_new(void)
{
    belopp_text *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->data = malloc(1);
    if (!t->data) {
        free(t);
        return NULL;
    }
    t->data[0] = '\0';
    t->cap = 1;
    return t;
}

void belopp_text_free(belopp_text *t)
{
    if (!t)
        return;
    free(t->data);
    free(t->pieces);
    free(t);
}

void belopp_text_clear(belopp_text *t)
{
    t->len = 0;
    t->npieces = 0;
    t->data[0] = '\0';
}

int belopp_text_append(belopp_text *t, const char *s, size_t n, size_t src, size_t src_len)
{
    if (n == 0)
        return 0;
    if (n > SIZE_MAX - t->len - 1)
        return -1;
    void *data = t->data;
    if (belopp_grow(&data, &t->cap, t->len + n + 1, 1) < 0)
        return -1;
    t->data = data;
    memcpy(t->data + t->len, s, n);

    struct piece *last = t->npieces ? &t->pieces[t->npieces - 1] : NULL;
    if (last && n == src_len && last->len == last->src_len &&
        last->src + last->src_len == src) {
        last->len += n;
        last->src_len += n;
    } else {
        void *pieces = t->pieces;
        if (belopp_grow(&pieces, &t->cap_pieces, t->npieces + 1, sizeof *t->pieces) < 0)
            return -1;
        t->pieces = pieces;
        t->pieces[t->npieces++] = (struct piece){t->len, n, src, src_len};
    }
    t->len += n;
    t->data[t->len] = '\0';
    return 0;
}

const char *belopp_text_data(const belopp_text *t) { return t->data; }
size_t belopp_text_len(const belopp_text *t) { return t->len; }

/* The piece that holds byte off; off < t->len and t->npieces > 0. */
static const struct piece *piece_at(const belopp_text *t, size_t off)
{
    size_t lo = 0, hi = t->npieces;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (t->pieces[mid].dst <= off)
            lo = mid;
        else
            hi = mid;
    }
    return &t->pieces[lo];
}

/* piece_at, walking forward from *hint (a piece index) when off has not
 * gone back before it; *hint becomes the piece found. */
static const struct piece *piece_from(const belopp_text *t, size_t off, size_t *hint)
{
    if (!hint || *hint >= t->npieces || t->pieces[*hint].dst > off) {
        const struct piece *p = piece_at(t, off);
        if (hint)
            *hint = (size_t)(p - t->pieces);
        return p;
    }
    while (*hint + 1 < t->npieces && t->pieces[*hint + 1].dst <= off)
        ++*hint;
    return &t->pieces[*hint];
}

static size_t src_start(const belopp_text *t, size_t off, size_t *hint)
{
    if (t->npieces == 0)
        return 0;
    if (off >= t->len) {
        const struct piece *p = &t->pieces[t->npieces - 1];
        return p->src + p->src_len;
    }
    const struct piece *p = piece_from(t, off, hint);
    return p->len == p->src_len ? p->src + (off - p->dst) : p->src;
}

static size_t src_end(const belopp_text *t, size_t off, size_t *hint)
{
    if (t->npieces == 0)
        return 0;
    if (off == 0)
        return t->pieces[0].src;
    if (off > t->len)
        off = t->len;
    const struct piece *p = piece_from(t, off - 1, hint);
    return p->len == p->src_len ? p->src + (off - p->dst) : p->src + p->src_len;
}

size_t belopp_text_src_start(const belopp_text *t, size_t off) { return src_start(t, off, NULL); }
size_t belopp_text_src_end(const belopp_text *t, size_t off) { return src_end(t, off, NULL); }

belopp_span belopp_text_src_span(const belopp_text *t, size_t a, size_t b, size_t *hint)
{
    size_t start = src_start(t, a, hint);
    return (belopp_span){start, src_end(t, b, hint)};
}

int belopp_text_append_span(belopp_text *out, const belopp_text *t, size_t a, size_t b)
{
    if (b > t->len)
        b = t->len;
    if (a >= b || t->npieces == 0)
        return 0;
    for (const struct piece *p = piece_at(t, a), *end = t->pieces + t->npieces;
         p < end && p->dst < b; p++) {
        size_t from = a > p->dst ? a : p->dst;
        size_t to = b < p->dst + p->len ? b : p->dst + p->len;
        int rc = p->len == p->src_len
                     ? belopp_text_append(out, t->data + from, to - from, p->src + (from - p->dst),
                                          to - from)
                     : belopp_text_append(out, t->data + from, to - from, p->src, p->src_len);
        if (rc < 0)
            return -1;
    }
    return 0;
}
