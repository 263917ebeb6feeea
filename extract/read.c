/* read.c — bytes to valid UTF-8.
 *
 * Design note.
 * - Press texts arrive as UTF-8 nearly always, but files saved by older
 *   Windows tools are Windows-1252 ("v\xE5rd").  Such a file has invalid
 *   UTF-8 bytes and not a single valid multibyte sequence, which is how
 *   BELOPP_ENC_AUTO tells it apart from UTF-8 with a few damaged bytes.
 * - One bad byte must not cost the file: it becomes U+FFFD and the rest is
 *   read on.  NUL is replaced too, so C strings and XML stay safe.
 * - Random bytes give thousands of bad bytes; listing ten and counting the
 *   rest keeps stderr readable.
 */
#include "read.h"

#include "grow.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <utf8proc.h>

#define LISTED_BAD_BYTES 10

static const char REPLACEMENT[] = "\xEF\xBF\xBD";

int belopp_encoding_parse(const char *name, belopp_encoding *enc)
{
    static const struct {
        const char *name;
        belopp_encoding enc;
    } names[] = {
        {"auto", BELOPP_ENC_AUTO},          {"utf-8", BELOPP_ENC_UTF8},
        {"utf8", BELOPP_ENC_UTF8},          {"latin1", BELOPP_ENC_LATIN1},
        {"latin-1", BELOPP_ENC_LATIN1},     {"iso-8859-1", BELOPP_ENC_LATIN1},
        {"windows-1252", BELOPP_ENC_LATIN1}, {"cp1252", BELOPP_ENC_LATIN1},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcasecmp(name, names[i].name) == 0) {
            *enc = names[i].enc;
            return 0;
        }
    return -1;
}

int belopp_read_file(const char *path, unsigned char **buf, size_t *len, belopp_diags *diags)
{
    int is_stdin = strcmp(path, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f) {
        belopp_diags_add(diags, BELOPP_ERROR, BELOPP_DIAG_READ, BELOPP_NO_OFFSET, "cannot open: %s", strerror(errno));
        return -1;
    }
    size_t cap = 0, n = 0;
    void *b = NULL;
    const char *why = NULL;
    for (;;) {
        if (belopp_grow(&b, &cap, n + (1 << 16), 1) < 0) {
            why = "out of memory";
            break;
        }
        size_t got = fread((unsigned char *)b + n, 1, cap - n, f);
        n += got;
        if (got == 0) {
            if (ferror(f))
                why = strerror(errno ? errno : EIO);
            break;
        }
    }
    if (!is_stdin)
        fclose(f);
    if (why) {
        free(b);
        belopp_diags_add(diags, BELOPP_ERROR, BELOPP_DIAG_READ, BELOPP_NO_OFFSET, "cannot read: %s", why);
        return -1;
    }
    *buf = b;
    *len = n;
    return 0;
}

/* Length of the valid UTF-8 sequence at s, or 0 if the byte at s starts none.
 * utf8proc_iterate rejects overlong forms, surrogates and values past U+10FFFF. */
static size_t utf8_seq(const unsigned char *s, size_t avail)
{
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate(s, (utf8proc_ssize_t)(avail > 4 ? 4 : avail), &cp);
    return n > 0 ? (size_t)n : 0;
}

/* Windows-1252 bytes 0x80..0x9F; the five unassigned ones stay U+FFFD. */
static const unsigned short CP1252_HIGH[32] = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
};

int belopp_cp1252(unsigned char c)
{
    return c >= 0x80 && c < 0xA0 ? CP1252_HIGH[c - 0x80] : c;
}

static belopp_encoding sniff(const unsigned char *buf, size_t len)
{
    int bad = 0;
    for (size_t i = 0; i < len;) {
        if (buf[i] < 0x80) {
            i++;
            continue;
        }
        size_t n = utf8_seq(buf + i, len - i);
        if (n > 0)
            return BELOPP_ENC_UTF8; /* one real multibyte character settles it */
        bad = 1;
        i++;
    }
    return bad ? BELOPP_ENC_LATIN1 : BELOPP_ENC_UTF8;
}

/* Both decoders map byte i of buf to input offset base + i: a piece of a
 * larger input (see belopp_decode_piece) keeps the offsets of the whole. */
static int decode_latin1(belopp_text *t, const unsigned char *buf, size_t len, size_t base)
{
    size_t run = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = buf[i];
        if (c >= 0x01 && c < 0x80)
            continue;
        if (belopp_text_append(t, (const char *)buf + run, i - run, base + run, i - run) < 0)
            return -1;
        utf8proc_uint8_t out[4];
        utf8proc_int32_t cp = c == 0 ? 0xFFFD : belopp_cp1252(c);
        utf8proc_ssize_t n = utf8proc_encode_char(cp, out);
        if (belopp_text_append(t, (const char *)out, (size_t)n, base + i, 1) < 0)
            return -1;
        run = i + 1;
    }
    return belopp_text_append(t, (const char *)buf + run, len - run, base + run, len - run);
}

/* diags NULL: no warnings (the caller said them already, see belopp_scan). */
static int decode_utf8(belopp_text *t, const unsigned char *buf, size_t len, size_t start,
                       size_t base, belopp_diags *diags)
{
    size_t run = start, bad = 0;
    for (size_t i = start; i < len;) {
        unsigned char c = buf[i];
        if (c >= 0x01 && c < 0x80) {
            i = belopp_ascii_end((const char *)buf, i + 1, len);
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF && i + 1 < len && (buf[i + 1] & 0xC0) == 0x80) {
            i += 2; /* å ä ö é: a valid two-byte character, no closer look needed */
            continue;
        }
        size_t n = c ? utf8_seq(buf + i, len - i) : 0;
        if (n > 0) {
            i += n;
            continue;
        }
        if (belopp_text_append(t, (const char *)buf + run, i - run, base + run, i - run) < 0 ||
            belopp_text_append(t, REPLACEMENT, 3, base + i, 1) < 0)
            return -1;
        if (!diags || ++bad > LISTED_BAD_BYTES)
            ;
        else if (c)
            belopp_diags_add(diags, BELOPP_WARNING, BELOPP_DIAG_INVALID_UTF8, i,
                             "invalid UTF-8 byte 0x%02X replaced by U+FFFD", c);
        else
            belopp_diags_add(diags, BELOPP_WARNING, BELOPP_DIAG_INVALID_UTF8, i, "NUL byte replaced by U+FFFD");
        run = ++i;
    }
    if (bad > LISTED_BAD_BYTES)
        belopp_diags_add(diags, BELOPP_WARNING, BELOPP_DIAG_INVALID_UTF8, BELOPP_NO_OFFSET,
                         "%zu more invalid bytes replaced by U+FFFD", bad - LISTED_BAD_BYTES);
    return belopp_text_append(t, (const char *)buf + run, len - run, base + run, len - run);
}

belopp_text *belopp_decode(const unsigned char *buf, size_t len, belopp_encoding enc,
                           belopp_diags *diags)
{
    belopp_text *t = belopp_text_new();
    if (!t)
        return NULL;
    size_t start = 0;
    if (enc != BELOPP_ENC_LATIN1 && len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
        start = 3;
    if (enc == BELOPP_ENC_AUTO) {
        enc = sniff(buf + start, len - start);
        if (enc == BELOPP_ENC_LATIN1)
            belopp_diags_add(diags, BELOPP_WARNING, BELOPP_DIAG_ENCODING, BELOPP_NO_OFFSET,
                             "not UTF-8; read as Windows-1252 (Latin-1)");
    }
    int rc = enc == BELOPP_ENC_LATIN1 ? decode_latin1(t, buf, len, 0)
                                      : decode_utf8(t, buf, len, start, 0, diags);
    if (rc < 0) {
        belopp_text_free(t);
        return NULL;
    }
    return t;
}

belopp_text *belopp_decode_piece(const unsigned char *buf, size_t len, size_t base,
                                 belopp_encoding enc)
{
    belopp_text *t = belopp_text_new();
    if (t && belopp_decode_piece_into(t, buf, len, base, enc) < 0) {
        belopp_text_free(t);
        return NULL;
    }
    return t;
}

int belopp_decode_piece_into(belopp_text *t, const unsigned char *buf, size_t len, size_t base,
                             belopp_encoding enc)
{
    belopp_text_clear(t);
    size_t start = 0;
    if (base == 0 && enc != BELOPP_ENC_LATIN1 && len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
        start = 3;
    int rc = enc == BELOPP_ENC_LATIN1 ? decode_latin1(t, buf, len, base)
                                      : decode_utf8(t, buf, len, start, base, NULL);
    return rc < 0 ? -1 : 0;
}

/* ---- the first pass over a large input ---------------------------------- */

void belopp_scan_init(belopp_scan *sc, belopp_encoding enc)
{
    memset(sc, 0, sizeof *sc);
    sc->enc = enc;
}

size_t belopp_scan_feed(belopp_scan *sc, const unsigned char *buf, size_t len, int last)
{
    size_t i = 0;
    if (sc->bytes == 0 && !sc->bom_done) {
        if (len < 3 && !last)
            return 0; /* wait for three bytes: a byte order mark? */
        sc->bom_done = 1;
        if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
            i = sc->bom = 3;
    }
    /* a character is decided by at most four bytes: stop three short of the
     * end (unless this is the last piece) and take those bytes again */
    size_t stop = last ? len : len > 3 ? len - 3 : 0;
    while (i < stop) {
        unsigned char c = buf[i];
        if (c >= 0x01 && c < 0x80) {
            i = belopp_ascii_end((const char *)buf, i + 1, stop);
            continue;
        }
        if (c >= 0x80) {
            size_t n = utf8_seq(buf + i, len - i);
            if (n > 0) {
                sc->multibyte = 1;
                i += n;
                continue;
            }
            sc->nonascii_bad = 1;
        }
        /* invalid as UTF-8 (or NUL): what decode_utf8 would warn of */
        if (sc->bad < LISTED_BAD_BYTES) {
            sc->bad_at[sc->bad] = sc->bytes + i;
            sc->bad_byte[sc->bad] = c;
        }
        sc->bad++;
        i++;
    }
    sc->bytes += i;
    return i;
}

belopp_encoding belopp_scan_finish(belopp_scan *sc, belopp_diags *diags)
{
    belopp_encoding enc = sc->enc;
    if (enc == BELOPP_ENC_AUTO) {
        /* as sniff(): one valid multibyte character settles UTF-8; else
         * any byte >= 0x80 makes it Windows-1252 */
        enc = sc->multibyte || !sc->nonascii_bad ? BELOPP_ENC_UTF8 : BELOPP_ENC_LATIN1;
        if (enc == BELOPP_ENC_LATIN1)
            belopp_diags_add(diags, BELOPP_WARNING, BELOPP_DIAG_ENCODING, BELOPP_NO_OFFSET,
                             "not UTF-8; read as Windows-1252 (Latin-1)");
    }
    if (enc == BELOPP_ENC_LATIN1)
        return enc;
    for (size_t k = 0; k < sc->bad && k < LISTED_BAD_BYTES; k++)
        if (sc->bad_byte[k])
            belopp_diags_add(diags, BELOPP_WARNING, BELOPP_DIAG_INVALID_UTF8, sc->bad_at[k],
                             "invalid UTF-8 byte 0x%02X replaced by U+FFFD", sc->bad_byte[k]);
        else
            belopp_diags_add(diags, BELOPP_WARNING, BELOPP_DIAG_INVALID_UTF8, sc->bad_at[k],
                             "NUL byte replaced by U+FFFD");
    if (sc->bad > LISTED_BAD_BYTES)
        belopp_diags_add(diags, BELOPP_WARNING, BELOPP_DIAG_INVALID_UTF8, BELOPP_NO_OFFSET,
                         "%zu more invalid bytes replaced by U+FFFD",
                         (size_t)(sc->bad - LISTED_BAD_BYTES));
    return enc;
}
