/* text.h — the working text that flows between stages.
 *
 * A belopp_text is a NUL-terminated UTF-8 buffer plus a map from every byte
 * of it back to the bytes of the original input.  Each stage that rewrites
 * text (UTF-8 repair, NFC, HTML to text) builds a new belopp_text piece by
 * piece, saying for each piece which input bytes it came from; offsets in
 * the output therefore always point into the file the user gave us.
 */
#ifndef BELOPP_TEXT_H
#define BELOPP_TEXT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct belopp_text belopp_text;

typedef struct {
    size_t start, end; /* byte offsets, end exclusive */
} belopp_span;

/* Returns an empty text, or NULL when out of memory.  Free with belopp_text_free. */
belopp_text *belopp_text_new(void);

/* Frees the text; accepts NULL. */
void belopp_text_free(belopp_text *t);

/* Empties t and keeps its buffers, to be filled again (the next chunk of a
 * large input). */
void belopp_text_clear(belopp_text *t);

/* Appends n bytes s that stand for the source bytes [src, src + src_len).
 * When n == src_len the piece maps byte for byte; otherwise every byte of it
 * maps to the whole source range.  Returns 0, or -1 when out of memory. */
int belopp_text_append(belopp_text *t, const char *s, size_t n, size_t src, size_t src_len);

/* Appends the bytes [a, b) of t to out, each still mapped to the input bytes
 * it came from in t.  Returns 0, or -1 when out of memory. */
int belopp_text_append_span(belopp_text *out, const belopp_text *t, size_t a, size_t b);

/* The bytes (always NUL-terminated) and their length.  Owned by the text. */
const char *belopp_text_data(const belopp_text *t);
size_t belopp_text_len(const belopp_text *t);

/* Source offset of the byte at offset off (the first source byte it came from). */
size_t belopp_text_src_start(const belopp_text *t, size_t off);

/* Source offset just past the byte before off: the exclusive end of a span
 * that ends at off. */
size_t belopp_text_src_end(const belopp_text *t, size_t off);

/* Both at once for the span [a, b): {src_start(a), src_end(b)}, the bytes of
 * the input it came from.  hint may be NULL; a caller that maps spans in
 * increasing order keeps a size_t starting at 0 and passes it each time,
 * which makes each lookup O(1) instead of a binary search over the pieces
 * (an HTML page has one for every tag). */
belopp_span belopp_text_src_span(const belopp_text *t, size_t a, size_t b, size_t *hint);

/* The end of the run of ASCII bytes 0x01..0x7F that starts at s[i] (i itself
 * if s[i] is none), at most len.  Press text is mostly ASCII, and the stages
 * that only look for something else skip it eight bytes at a time. */
static inline size_t belopp_ascii_end(const char *s, size_t i, size_t len)
{
    const uint64_t high = 0x8080808080808080u, ones = 0x0101010101010101u;
    while (len - i >= 8) {
        uint64_t v;
        memcpy(&v, s + i, 8);
        if ((v & high) || ((v - ones) & ~v & high)) /* a byte >= 0x80, or a NUL */
            break;
        i += 8;
    }
    while (i < len && (unsigned char)s[i] - 1u < 0x7Fu)
        i++;
    return i;
}

#endif
