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

#endif
