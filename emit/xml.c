/* xml.c — xmlTextWriter output.
 *
 * Design note.
 * - Each writer call is checked; the first failure ends the document and the
 *   caller sees -1 (ENOSPC, a closed pipe).
 * - Offsets are the input's bytes: classify mapped each amount back
 *   (belopp_amount.src).  Lines are counted in the raw input so that
 *   they agree with what an editor shows.
 * - Amounts come in text order, and so their lines only grow; the counter
 *   goes on from the last amount instead of starting over each time.
 */
#include "xml.h"

#include <inttypes.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlwriter.h>
#include <nettle/sha2.h>
#include <utf8proc.h>

#include "../extract/grow.h"

typedef struct {
    const unsigned char *raw;
    size_t len, pos, line; /* line is the 1-based line of byte pos */
} line_counter;

struct belopp_emitter {
    xmlTextWriterPtr w;
    line_counter lines; /* of the document being written */
    char *scratch;      /* for cleaning strings */
    size_t scratch_cap;
};

/* Writes s[0, n) cleaned into out, which holds at least 3n + 1 bytes (each
 * bad byte grows to at most 3), NUL-terminated. */
static void clean_to(char *out, const char *s, size_t n, int flatten)
{
    const uint64_t high = 0x8080808080808080u, spaces = 0x2020202020202020u;
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        if (n - i >= 8) { /* eight bytes of printable ASCII at once: the usual case */
            uint64_t v;
            memcpy(&v, s + i, 8);
            if (!(v & high) && !((v - spaces) & ~v & high)) { /* no byte >= 0x80 or < 0x20 */
                memcpy(out + o, &v, 8);
                o += 8;
                i += 8;
                continue;
            }
        }
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c < 0x80) {
            out[o++] = (char)c;
            i++;
            continue;
        }
        if (c == '\t' || c == '\n' || c == '\r') {
            out[o++] = flatten ? ' ' : (char)c;
            i++;
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF && i + 1 < n && ((unsigned char)s[i + 1] & 0xC0) == 0x80) {
            out[o++] = (char)c; /* å ä ö é: a valid two-byte character, always allowed */
            out[o++] = s[i + 1];
            i += 2;
            continue;
        }
        utf8proc_int32_t cp = -1;
        utf8proc_ssize_t len = c >= 0x80 ? utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                                            (utf8proc_ssize_t)(n - i), &cp)
                                         : -1;
        if (len > 0 && cp != 0xFFFE && cp != 0xFFFF) {
            memcpy(out + o, s + i, (size_t)len);
            o += (size_t)len;
            i += (size_t)len;
        } else {
            memcpy(out + o, "\xEF\xBF\xBD", 3);
            o += 3;
            i += len > 0 ? (size_t)len : 1; /* a whole forbidden character, or one bad byte */
        }
    }
    out[o] = '\0';
}

char *belopp_xml_clean(const char *s, size_t n, int flatten)
{
    if (n > (SIZE_MAX - 1) / 3)
        return NULL;
    char *out = malloc(n * 3 + 1);
    if (out)
        clean_to(out, s, n, flatten);
    return out;
}

/* s[0, n) cleaned, in the emitter's scratch buffer (valid until the next
 * call): three or more strings an amount, and no malloc for each. */
static const char *clean(belopp_emitter *e, const char *s, size_t n, int flatten)
{
    if (n > (SIZE_MAX - 1) / 3)
        return NULL;
    void *buf = e->scratch;
    if (belopp_grow(&buf, &e->scratch_cap, n * 3 + 1, 1) < 0)
        return NULL;
    e->scratch = buf;
    clean_to(e->scratch, s, n, flatten);
    return e->scratch;
}

belopp_emitter *belopp_emitter_new(FILE *out)
{
    belopp_emitter *e = calloc(1, sizeof *e);
    if (!e)
        return NULL;
    xmlOutputBufferPtr buf = xmlOutputBufferCreateFile(out, NULL);
    if (!buf || !(e->w = xmlNewTextWriter(buf))) {
        if (buf)
            xmlOutputBufferClose(buf);
        free(e);
        return NULL;
    }
    if (xmlTextWriterSetIndent(e->w, 1) < 0 ||
        xmlTextWriterSetIndentString(e->w, BAD_CAST "  ") < 0 ||
        xmlTextWriterStartDocument(e->w, NULL, "UTF-8", NULL) < 0 ||
        xmlTextWriterStartElement(e->w, BAD_CAST "belopp") < 0 ||
        xmlTextWriterWriteAttribute(e->w, BAD_CAST "version", BAD_CAST "1") < 0) {
        belopp_emitter_free(e);
        return NULL;
    }
    return e;
}

void belopp_emitter_free(belopp_emitter *e)
{
    if (!e)
        return;
    xmlFreeTextWriter(e->w); /* also closes its output buffer, not the FILE */
    free(e->scratch);
    free(e);
}

int belopp_emitter_finish(belopp_emitter *e)
{
    return xmlTextWriterEndDocument(e->w) < 0 || xmlTextWriterFlush(e->w) < 0 ? -1 : 0;
}

/* Context strings (sentence, label, caption) are repeated for every amount,
 * so a 10 KB sentence with 1 000 amounts would make 10 MB of output: past
 * this length only a window around the amount is written, marked with "…". */
#define MAX_CONTEXT 400
#define CONTEXT_SIDE 150

/* Moves i back to the start of the UTF-8 character it is in. */
static size_t char_start(const char *s, size_t i)
{
    while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
        i--;
    return i;
}

/* Writes the context span sp, or a window of it around focus, as element name. */
static int write_context(belopp_emitter *e, const char *name, const char *s, belopp_span sp,
                         belopp_span focus)
{
    xmlTextWriterPtr w = e->w;
    if (sp.end - sp.start <= MAX_CONTEXT) {
        const char *c = clean(e, s + sp.start, sp.end - sp.start, 1);
        return !c || xmlTextWriterWriteElement(w, BAD_CAST name, BAD_CAST c) < 0 ? -1 : 0;
    }
    if (focus.start < sp.start || focus.end > sp.end)
        focus = (belopp_span){sp.start, sp.start};
    size_t a = focus.start > sp.start + CONTEXT_SIDE ? char_start(s, focus.start - CONTEXT_SIDE) : sp.start;
    size_t b = focus.end + CONTEXT_SIDE < sp.end ? char_start(s, focus.end + CONTEXT_SIDE) : sp.end;
    if (b - a > 2 * CONTEXT_SIDE + MAX_CONTEXT) /* a huge amount text itself */
        b = char_start(s, a + 2 * CONTEXT_SIDE + MAX_CONTEXT);
    const char *c = clean(e, s + a, b - a, 1);
    if (!c)
        return -1;
    int rc = xmlTextWriterStartElement(w, BAD_CAST name) < 0 ||
             (a > sp.start && xmlTextWriterWriteString(w, BAD_CAST "…") < 0) ||
             xmlTextWriterWriteString(w, BAD_CAST c) < 0 ||
             (b < sp.end && xmlTextWriterWriteString(w, BAD_CAST "…") < 0) ||
             xmlTextWriterEndElement(w) < 0;
    return rc ? -1 : 0;
}

/* Writes s[0, n) cleaned, as an attribute or (element) an element. */
static int write_clean(belopp_emitter *e, const char *name, int element, const char *s,
                       size_t n, int flatten)
{
    const char *c = clean(e, s, n, flatten);
    if (!c)
        return -1;
    int rc = element ? xmlTextWriterWriteElement(e->w, BAD_CAST name, BAD_CAST c)
                     : xmlTextWriterWriteAttribute(e->w, BAD_CAST name, BAD_CAST c);
    return rc < 0 ? -1 : 0;
}

static int write_int(xmlTextWriterPtr w, const char *name, int64_t v)
{
    /* by hand: snprintf was 4 % of a run, four numbers per amount */
    char buf[24], *p = buf + sizeof buf - 1;
    uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    *p = '\0';
    do {
        *--p = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        *--p = '-';
    return xmlTextWriterWriteAttribute(w, BAD_CAST name, BAD_CAST p) < 0 ? -1 : 0;
}

static void sha256_hex(const unsigned char *raw, size_t len, char hex[65])
{
    struct sha256_ctx ctx;
    uint8_t digest[SHA256_DIGEST_SIZE];
    sha256_init(&ctx);
    sha256_update(&ctx, len, raw);
    sha256_digest(&ctx, sizeof digest, digest);
    for (size_t i = 0; i < sizeof digest; i++)
        snprintf(hex + 2 * i, 3, "%02x", digest[i]);
}

static size_t line_of(line_counter *lc, size_t off)
{
    if (off < lc->pos) {
        lc->pos = 0;
        lc->line = 1;
    }
    size_t stop = off < lc->len ? off : lc->len;
    const unsigned char *nl;
    while (lc->pos < stop && (nl = memchr(lc->raw + lc->pos, '\n', stop - lc->pos)) != NULL) {
        lc->line++;
        lc->pos = (size_t)(nl - lc->raw) + 1;
    }
    if (lc->pos < stop)
        lc->pos = stop;
    return lc->line;
}

int belopp_emit_amount(belopp_emitter *e, const belopp_text *t, const belopp_segments *g,
                       const belopp_amount *a)
{
    xmlTextWriterPtr w = e->w;
    const char *s = belopp_text_data(t);
    size_t start = a->src.start, end = a->src.end;
    int sek = strcmp(a->currency, "SEK") == 0;
    if (xmlTextWriterStartElement(w, BAD_CAST "amount") < 0 ||
        xmlTextWriterWriteAttribute(w, BAD_CAST "currency", BAD_CAST a->currency) < 0)
        return -1;
    if (a->is_range ? write_int(w, sek ? "ore-low" : "minor-low", a->minor) < 0 ||
                          write_int(w, sek ? "ore-high" : "minor-high", a->minor_high) < 0
                    : write_int(w, sek ? "ore" : "minor", a->minor) < 0)
        return -1;
    if (write_int(w, "start", (int64_t)start) < 0 || write_int(w, "end", (int64_t)end) < 0 ||
        write_int(w, "line", (int64_t)line_of(&e->lines, start)) < 0)
        return -1;
    if (a->qualifier &&
        xmlTextWriterWriteAttribute(w, BAD_CAST "qualifier", BAD_CAST a->qualifier) < 0)
        return -1;
    if (a->per.start != a->per.end &&
        write_clean(e, "per", 0, s + a->per.start, a->per.end - a->per.start, 1) < 0)
        return -1;
    const belopp_table *tb = a->row ? belopp_segments_table(g, a->row->table) : NULL;
    if (tb) {
        belopp_span col = belopp_segments_column_title(g, a->row, a->column);
        if (write_clean(e, "column", 0, s + col.start, col.end - col.start, 1) < 0)
            return -1;
    }
    if (write_clean(e, "text", 1, s + a->text.start, a->text.end - a->text.start, 0) < 0)
        return -1;
    if (tb) {
        if (write_context(e, "label", s, a->row->label, a->row->label) < 0)
            return -1;
        if (tb->caption.start < tb->caption.end &&
            write_context(e, "caption", s, tb->caption, tb->caption) < 0)
            return -1;
    } else if (write_context(e, "sentence", s, a->sentence, a->text) < 0) {
        return -1;
    }
    return xmlTextWriterEndElement(w) < 0 ? -1 : 0;
}

int belopp_emit_begin(belopp_emitter *e, const char *source, const unsigned char *raw,
                      size_t rawlen)
{
    xmlTextWriterPtr w = e->w;
    char hex[65];
    sha256_hex(raw, rawlen, hex);
    if (xmlTextWriterStartElement(w, BAD_CAST "document") < 0 ||
        write_clean(e, "source", 0, source, strlen(source), 1) < 0 ||
        xmlTextWriterWriteAttribute(w, BAD_CAST "sha256", BAD_CAST hex) < 0)
        return -1;
    e->lines = (line_counter){raw, rawlen, 0, 1};
    return 0;
}

int belopp_emit_end(belopp_emitter *e)
{
    e->lines = (line_counter){NULL, 0, 0, 1};
    return xmlTextWriterEndElement(e->w) < 0 || xmlTextWriterFlush(e->w) < 0 ? -1 : 0;
}

int belopp_emit_document(belopp_emitter *e, const char *source, const unsigned char *raw,
                         size_t rawlen, const belopp_text *t, const belopp_segments *g,
                         const belopp_amount *a, size_t n)
{
    if (belopp_emit_begin(e, source, raw, rawlen) < 0)
        return -1;
    for (size_t i = 0; i < n; i++)
        if (belopp_emit_amount(e, t, g, &a[i]) < 0)
            return -1;
    return belopp_emit_end(e);
}
