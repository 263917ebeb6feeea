/* nfc.c — NFC only where it changes something.
 *
 * Design note.
 * - utf8proc_map ran at ~24 MB/s here; press text is ASCII plus precomposed
 *   å ä ö é, which is NFC already.  So we look for characters that NFC may
 *   change — combining marks (ccc != 0), characters excluded from
 *   composition, singletons (U+212B ANGSTROM SIGN → Å) and Hangul jamo — and normalize
 *   only the run from the starter before one to the next plain starter.
 * - Never NFKC: it turns "10² kr" into "102 kr".
 */
#include "nfc.h"

#include <stdint.h>
#include <stdlib.h>

#include <utf8proc.h>

/* 32 characters of up to 4 bytes: a base and the stream-safe 30 marks, and then some */
#define MAX_RUN_BYTES 128

static int needs_nfc(utf8proc_int32_t cp)
{
    if (cp < 0x300)
        return 0;
    const utf8proc_property_t *p = utf8proc_get_property(cp);
    /* A canonical decomposition that takes part in no composition is a
     * singleton such as U+212B; å, ä, ö take part, so they stay fast. */
    int singleton = p->decomp_type == 0 && p->decomp_seqindex != UINT16_MAX &&
                    p->comb_index == UINT16_MAX;
    return p->combining_class != 0 || p->comp_exclusion || singleton ||
           (cp >= 0x1100 && cp <= 0x11FF);
}

static size_t next_char(const char *s, size_t len, size_t i, utf8proc_int32_t *cp)
{
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                          (utf8proc_ssize_t)(len - i), cp);
    return n > 0 ? (size_t)n : 1; /* input is valid UTF-8; 1 only guards the loop */
}

/* Appends repl in place of t[a, b), mapped to the input bytes of [a, b). */
static int replace_span(belopp_text *out, const belopp_text *t, size_t a, size_t b,
                        const char *repl, size_t repl_len)
{
    belopp_span src = belopp_text_src_span(t, a, b, NULL);
    return belopp_text_append(out, repl, repl_len, src.start, src.end - src.start);
}

/* The first character at or after i that NFC may change, or len; *starter
 * becomes the last starter before it. */
static size_t find_change(const char *s, size_t len, size_t i, size_t *starter)
{
    while (i < len) {
        if ((unsigned char)s[i] < 0x80) {
            i = belopp_ascii_end(s, i + 1, len);
            *starter = i - 1; /* an ASCII character is a starter */
            continue;
        }
        unsigned char c = (unsigned char)s[i];
        if (c >= 0xC2 && c <= 0xCB && i + 1 < len) { /* U+0080..U+02FF: å ä ö é */
            *starter = i;
            i += 2; /* the text is valid UTF-8; below U+0300 NFC changes nothing */
            continue;
        }
        utf8proc_int32_t cp;
        size_t n = next_char(s, len, i, &cp);
        if (needs_nfc(cp))
            return i;
        *starter = i;
        i += n;
    }
    return len;
}

int belopp_nfc_needed(const belopp_text *t)
{
    size_t starter = 0, len = belopp_text_len(t);
    return find_change(belopp_text_data(t), len, 0, &starter) < len;
}

int belopp_nfc_into(belopp_text *out, const belopp_text *t)
{
    const char *s = belopp_text_data(t);
    size_t len = belopp_text_len(t);
    belopp_text_clear(out);

    size_t copied = 0, starter = 0;
    for (size_t i = 0; (i = find_change(s, len, i, &starter)) < len;) {
        utf8proc_int32_t cp;
        size_t n = next_char(s, len, i, &cp);
        /* The run: from the last starter to the next character that is a
         * plain starter again. */
        size_t end = i + n;
        while (end < len) {
            utf8proc_int32_t c2;
            size_t n2 = next_char(s, len, end, &c2);
            if (!needs_nfc(c2))
                break;
            end += n2;
        }
        /* A run longer than Unicode's stream-safe limit (30 marks) is no
         * word of a press text, and utf8proc orders marks in quadratic time:
         * such a run is kept as it is. */
        utf8proc_uint8_t *norm = NULL;
        utf8proc_ssize_t nn = -1;
        if (end - starter <= MAX_RUN_BYTES)
            nn = utf8proc_map((const utf8proc_uint8_t *)s + starter,
                              (utf8proc_ssize_t)(end - starter), &norm,
                              UTF8PROC_STABLE | UTF8PROC_COMPOSE);
        int rc = belopp_text_append_span(out, t, copied, starter);
        if (rc == 0)
            rc = nn >= 0 ? replace_span(out, t, starter, end, (const char *)norm, (size_t)nn)
                         : belopp_text_append_span(out, t, starter, end);
        free(norm);
        if (rc < 0)
            return -1;
        copied = starter = end;
        i = end;
    }
    return belopp_text_append_span(out, t, copied, len) < 0 ? -1 : 0;
}

belopp_text *belopp_nfc(const belopp_text *t)
{
    belopp_text *out = belopp_text_new();
    if (out && belopp_nfc_into(out, t) < 0) {
        belopp_text_free(out);
        return NULL;
    }
    return out;
}
