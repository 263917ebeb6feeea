/* nfc.h — stage 2: Unicode NFC, so "a" + U+030A and "å" read the same.
 *
 * Separators are not folded here: the matcher recognizes every thousands
 * space and dash by the classes below, and <text> keeps what was written.
 */
#ifndef BELOPP_NFC_H
#define BELOPP_NFC_H

#include "../extract/text.h"

/* PCRE2 classes for the characters Swedish texts use as thousands
 * separators (space, no-break space, narrow no-break space, thin space)
 * and as minus or range dashes (hyphen-minus, en dash, minus sign). */
#define BELOPP_GROUP_SPACE "[\\x{20}\\x{A0}\\x{202F}\\x{2009}]"
#define BELOPP_DASH "[\\x{2D}\\x{2013}\\x{2212}]"

/* Returns a new text in NFC mapped to the same input offsets as t, or NULL
 * when out of memory.  Only runs with combining marks or composition
 * exclusions are passed through utf8proc; the rest is copied.  The caller
 * frees the result with belopp_text_free. */
belopp_text *belopp_nfc(const belopp_text *t);

/* The same into out (emptied first; its buffers are kept: the next chunk of
 * a large input).  Returns 0, or -1 when out of memory. */
int belopp_nfc_into(belopp_text *out, const belopp_text *t);

/* 0 when t is NFC already as far as belopp_nfc can tell (it would only copy
 * it), else 1.  Most press texts are: the pipeline then keeps t as it is. */
int belopp_nfc_needed(const belopp_text *t);

#endif
