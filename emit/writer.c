/* writer.c — the buffer under every format, and belopp_writer_* (belopp.h). */
#include "writer.h"

#include <stdlib.h>
#include <string.h>

#include "../extract/grow.h"

/* Past this many buffered bytes the buffer goes to the FILE. */
#define DRAIN_AT (64 * 1024)

int belopp_writer_drain(belopp_writer *w)
{
    if (w->failed)
        return -1;
    if (w->len && fwrite(w->buf, 1, w->len, w->out) != w->len)
        w->failed = 1;
    w->len = 0;
    if (fflush(w->out) != 0 || ferror(w->out))
        w->failed = 1;
    return w->failed ? -1 : 0;
}

char *belopp_room_slow(belopp_writer *w, size_t n)
{
    if (w->failed)
        return NULL;
    if (w->len + n > w->cap) {
        if (w->len >= DRAIN_AT) { /* drain without flushing the FILE */
            if (fwrite(w->buf, 1, w->len, w->out) != w->len) {
                w->failed = 1;
                return NULL;
            }
            w->len = 0;
        }
        void *b = w->buf;
        if (w->len + n > w->cap && belopp_grow(&b, &w->cap, w->len + n, 1) < 0) {
            w->failed = 1;
            return NULL;
        }
        w->buf = b;
    }
    return w->buf + w->len;
}

int belopp_put_slow(belopp_writer *w, const char *s, size_t n)
{
    char *to = belopp_room_slow(w, n);
    if (!to)
        return -1;
    if (n)
        memcpy(to, s, n);
    w->len += n;
    return 0;
}

int belopp_puts(belopp_writer *w, const char *s) { return belopp_put(w, s, strlen(s)); }

size_t belopp_i64_digits(char *dst, int64_t v)
{
    /* by hand, two digits a step: snprintf was 4 % of a run, several
     * numbers per amount */
    static const char PAIRS[] = "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
                                "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
                                "8081828384858687888990919293949596979899";
    uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    /* the length first (from the bit length, 1233/4096 being log10(2)
     * rounded up, and one comparison: the way of Bit Twiddling Hacks), then
     * the digits from the end straight into dst */
    static const uint64_t POW10[20] = {1u, 10u, 100u, 1000u, 10000u, 100000u, 1000000u, 10000000u,
                                       100000000u, 1000000000u, 10000000000u, 100000000000u,
                                       1000000000000u, 10000000000000u, 100000000000000u,
                                       1000000000000000u, 10000000000000000u, 100000000000000000u,
                                       1000000000000000000u, 10000000000000000000u};
    unsigned bits = 64 - (unsigned)__builtin_clzll(u | 1), t = (bits * 1233) >> 12; /* t <= 19 */
    /* floor(log10(u | 1)) + 1; u | 1 is below a power of ten when u is */
    unsigned digits = t - ((u | 1) < POW10[t]) + 1;
    size_t n = (size_t)(v < 0) + digits;
    char *p = dst + n;
    while (u >= 100) {
        unsigned r = (unsigned)(u % 100);
        u /= 100;
        p -= 2;
        memcpy(p, PAIRS + 2 * r, 2);
    }
    if (u >= 10) {
        p -= 2;
        memcpy(p, PAIRS + 2 * u, 2);
    } else {
        *--p = (char)('0' + u);
    }
    if (v < 0)
        *--p = '-';
    return n;
}

int belopp_put_i64(belopp_writer *w, int64_t v)
{
    char *to = belopp_room(w, BELOPP_I64_DIGITS);
    if (!to)
        return -1;
    w->len += belopp_i64_digits(to, v);
    return 0;
}

/* ---- the public writer -------------------------------------------------- */

int belopp_format_parse(const char *name, belopp_format *out)
{
    static const struct {
        const char *name;
        belopp_format f;
    } names[] = {{"xml", BELOPP_FORMAT_XML}, {"csv", BELOPP_FORMAT_CSV},
                 {"jsonl", BELOPP_FORMAT_JSONL}, {"json-lines", BELOPP_FORMAT_JSONL},
                 {"ndjson", BELOPP_FORMAT_JSONL}};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strcmp(name, names[i].name) == 0) {
            *out = names[i].f;
            return 0;
        }
    return -1;
}

const char *belopp_format_extension(belopp_format f)
{
    return f == BELOPP_FORMAT_CSV ? "csv" : f == BELOPP_FORMAT_JSONL ? "jsonl" : "xml";
}

belopp_writer *belopp_writer_new(belopp_format f, FILE *out)
{
    belopp_writer *w = calloc(1, sizeof *w);
    if (w) {
        w->format = f;
        w->out = out;
    }
    return w;
}

void belopp_writer_free(belopp_writer *w)
{
    if (!w)
        return;
    free(w->buf);
    free(w);
}

int belopp_writer_head(belopp_writer *w)
{
    switch (w->format) {
    case BELOPP_FORMAT_XML: return belopp_xml_head(w);
    case BELOPP_FORMAT_CSV: return belopp_csv_head(w);
    case BELOPP_FORMAT_JSONL: break;
    }
    return w->failed ? -1 : 0;
}

int belopp_writer_tail(belopp_writer *w)
{
    if (w->format == BELOPP_FORMAT_XML && belopp_xml_tail(w) < 0)
        return -1;
    return belopp_writer_drain(w);
}

int belopp_writer_flush(belopp_writer *w) { return belopp_writer_drain(w); }

static int sink_begin(void *user, const belopp_doc *doc)
{
    belopp_writer *w = user;
    return w->format == BELOPP_FORMAT_XML ? belopp_xml_begin(w, doc) : (w->failed ? -1 : 0);
}

static int sink_record(void *user, const belopp_record *r)
{
    belopp_writer *w = user;
    switch (w->format) {
    case BELOPP_FORMAT_XML: return belopp_xml_record(w, r);
    case BELOPP_FORMAT_CSV: return belopp_csv_record(w, r);
    case BELOPP_FORMAT_JSONL: return belopp_jsonl_record(w, r);
    }
    return -1;
}

/* A document ends whole in the FILE: a crash later keeps it. */
static int sink_end(void *user, const belopp_doc *doc)
{
    belopp_writer *w = user;
    if (w->format == BELOPP_FORMAT_XML && belopp_xml_end(w, doc) < 0)
        return -1;
    return belopp_writer_drain(w);
}

belopp_sink belopp_writer_sink(belopp_writer *w)
{
    return (belopp_sink){.user = w, .begin = sink_begin, .record = sink_record, .end = sink_end};
}
