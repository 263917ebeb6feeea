/* html.h — stage 1b: an HTML page in, its visible text out.
 *
 * The text comes out as the later stages expect a press text: valid UTF-8,
 * one line per block element, a blank line between paragraphs, and a table
 * row as its cells joined by TABs ("Stockholm\t2 111").  Every byte of it
 * maps back to the bytes of the page it came from: "2 111" in
 * "<td>2&nbsp;111</td>" maps to the ten bytes "2&nbsp;111".
 */
#ifndef BELOPP_HTML_H
#define BELOPP_HTML_H

#include <stddef.h>

#include "diag.h"
#include "read.h"
#include "text.h"

/* Is this HTML?  True for a path ending in .html or .htm (any case), or for
 * content whose first bytes after a UTF-8 byte order mark and white space are
 * "<!doctype html", or a tag "<html", "<head", "<body", "<meta", "<table",
 * "<p" or "<div" (any case, the name followed by '>', '/' or white space).
 * path may be NULL; so may buf when len is 0. */
int belopp_is_html(const char *path, const unsigned char *buf, size_t len);

/* The visible text of the HTML page buf[0, len), mapped to byte offsets in
 * buf.  enc BELOPP_ENC_AUTO honours a byte order mark or a charset declared
 * in the first 1024 bytes, else takes UTF-8 or (with a warning) guesses
 * Windows-1252; BELOPP_ENC_UTF8 and BELOPP_ENC_LATIN1 override both.
 * Repairs and guesses become warnings in diags.  Returns a new text (empty
 * for a page without visible text), or NULL when out of memory.  The caller
 * frees it with belopp_text_free.  Safe to call from several threads at once
 * (each with its own buffers). */
belopp_text *belopp_html_to_text(const unsigned char *buf, size_t len, belopp_encoding enc,
                                 belopp_diags *diags);

/* Sets up libxml2 once per process: initialises the parser and installs an
 * external entity loader that refuses every entity (network and file), for
 * HTML here and for XML read elsewhere.  Safe to call from any thread, any
 * number of times; belopp_extractor_new calls it. */
void belopp_html_init(void);

#endif
