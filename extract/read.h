/* read.h — stage 1: bytes in, valid UTF-8 text out.
 *
 * Every later stage may assume valid UTF-8 without NUL bytes: that is what
 * lets the matcher pass PCRE2_NO_UTF_CHECK and the emitter trust its input.
 */
#ifndef BELOPP_READ_H
#define BELOPP_READ_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "text.h"

/* belopp_encoding and belopp_encoding_parse are public: include/belopp.h.
 * BELOPP_ENC_AUTO takes a file with no valid multibyte UTF-8 and some
 * invalid bytes as Windows-1252, with a warning; BELOPP_ENC_UTF8 makes
 * invalid bytes U+FFFD, with a warning each. */

/* The code point of byte c in Windows-1252 (the superset of ISO-8859-1 that
 * pages labelled Latin-1 really use); its five unassigned bytes give U+FFFD. */
int belopp_cp1252(unsigned char c);

/* Reads the whole file at path ("-" is standard input) into a malloc'd buffer
 * that the caller frees.  Returns 0, or -1 with an error added to diags. */
int belopp_read_file(const char *path, unsigned char **buf, size_t *len, belopp_diags *diags);

/* Decodes len bytes to UTF-8.  A UTF-8 byte order mark is dropped; invalid
 * bytes and NUL become U+FFFD with a warning (the first ten are listed, then
 * a count).  Returns a new text mapped to the input's byte offsets, or NULL
 * when out of memory.  The caller frees it with belopp_text_free. */
belopp_text *belopp_decode(const unsigned char *buf, size_t len, belopp_encoding enc,
                           belopp_diags *diags);

/* The same for a piece of a larger input that starts at input offset base
 * (a chunk: see extract.c), with the encoding already decided by a
 * belopp_scan of the whole input: offsets are those of the whole input, a
 * byte order mark is dropped only at base 0, and no warnings are added
 * (belopp_scan_finish gave them).  A piece must start and end where a
 * character does (after a line break, say).  NULL when out of memory. */
belopp_text *belopp_decode_piece(const unsigned char *buf, size_t len, size_t base,
                                 belopp_encoding enc);

/* The same into t, emptied first (its buffers are kept: the next chunk).
 * Returns 0, or -1 when out of memory. */
int belopp_decode_piece_into(belopp_text *t, const unsigned char *buf, size_t len, size_t base,
                             belopp_encoding enc);

/* A first pass over a large input, a piece at a time: what belopp_decode
 * decides from the whole (the encoding, the invalid bytes it warns of) in
 * constant memory. */
typedef struct {
    belopp_encoding enc;   /* as asked */
    uint64_t bytes;        /* fed so far */
    int bom_done, bom;     /* looked for a byte order mark; its length */
    int multibyte;         /* a valid UTF-8 multibyte character seen */
    int nonascii_bad;      /* a byte >= 0x80 that is no UTF-8 */
    uint64_t bad;          /* bytes invalid as UTF-8 (NUL included) */
    uint64_t bad_at[10];   /* the first ten of them: offsets and bytes */
    unsigned char bad_byte[10];
} belopp_scan;

void belopp_scan_init(belopp_scan *sc, belopp_encoding enc);

/* Looks at len more bytes.  Returns how many of them it took: the rest (at
 * most three, the start of a character) must be fed again at the start of
 * the next call.  last says there is no more input: then all are taken. */
size_t belopp_scan_feed(belopp_scan *sc, const unsigned char *buf, size_t len, int last);

/* The encoding to read the input in, with the warnings belopp_decode would
 * give (added to diags, in the same order).  After the last feed. */
belopp_encoding belopp_scan_finish(belopp_scan *sc, belopp_diags *diags);

#endif
