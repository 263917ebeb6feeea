/* read.h — stage 1: bytes in, valid UTF-8 text out.
 *
 * Every later stage may assume valid UTF-8 without NUL bytes: that is what
 * lets the matcher pass PCRE2_NO_UTF_CHECK and the emitter trust its input.
 */
#ifndef BELOPP_READ_H
#define BELOPP_READ_H

#include <stddef.h>

#include "diag.h"
#include "text.h"

typedef enum {
    BELOPP_ENC_AUTO,   /* UTF-8; a file with no valid multibyte UTF-8 and some
                          invalid bytes is taken as Windows-1252, with a warning */
    BELOPP_ENC_UTF8,   /* UTF-8; invalid bytes become U+FFFD, with a warning each */
    BELOPP_ENC_LATIN1  /* ISO-8859-1 read as its superset Windows-1252 */
} belopp_encoding;

/* Parses an --encoding name ("utf-8", "latin1", "iso-8859-1", "windows-1252",
 * "cp1252", "auto"; any case).  Returns 0 and sets *enc, or -1 if unknown. */
int belopp_encoding_parse(const char *name, belopp_encoding *enc);

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

#endif
