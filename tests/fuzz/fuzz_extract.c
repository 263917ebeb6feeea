/* fuzz_extract.c — libFuzzer harness for the whole pipeline and all three
 * writers.
 *
 * Each input goes through belopp_extract_buffer twice: once as the command
 * line reads it (--encoding auto) and once with a forced encoding (UTF-8 for
 * an even length, Windows-1252 for an odd one), so both decoders see bytes
 * that auto mode would have sent the other way.  Each extraction feeds one
 * sink that hands every callback to three writers (XML, CSV, JSON Lines),
 * each on its own memory stream, and every output is then read back:
 * - XML must be well-formed for libxml2, rooted in <belopp>, with amounts
 *   in text order inside the input;
 * - CSV must parse by RFC 4180 (quoted fields with "" escapes, CRLF line
 *   ends), every row with as many fields as the header;
 * - JSON Lines must be one valid JSON object per line (the strict checker
 *   below: RFC 8259 syntax, UTF-8 strings), whose keys are the CSV header's
 *   fields in order;
 * - the three carry as many records as the sink was given.
 * Anything else abort()s, which libFuzzer reports as a crash.  ASan and
 * UBSan catch the rest.
 *
 * Build and run: make fuzz (tests/fuzz.mk).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "../../extract/diag.h"
#include "../../include/belopp.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static belopp_extractor *extractors[3]; /* by encoding; reachable, so not a leak */

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    xmlInitParser(); /* its one-time allocations must not look like leaks */
    char err[256];
    for (int e = 0; e < 3; e++) {
        belopp_options opt = {.encoding = (belopp_encoding)e};
        if (!(extractors[e] = belopp_extractor_new(&opt, err, sizeof err))) {
            fprintf(stderr, "fuzz_extract: %s\n", err);
            abort();
        }
    }
    return 0;
}

static unsigned long long attr_ull(xmlNodePtr n, const char *name)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
    if (!v) {
        fprintf(stderr, "fuzz_extract: <amount> without %s\n", name);
        abort();
    }
    char *end;
    unsigned long long x = strtoull((const char *)v, &end, 10);
    if (*end != '\0' || end == (char *)v) {
        fprintf(stderr, "fuzz_extract: <amount %s=\"%s\">\n", name, (const char *)v);
        abort();
    }
    xmlFree(v);
    return x;
}

/* Every amount's [start, end) lies inside the input, is not empty, and
 * amounts come in text order. */
static void check_offsets(xmlNodePtr root, size_t size)
{
    for (xmlNodePtr doc = root->children; doc; doc = doc->next) {
        if (doc->type != XML_ELEMENT_NODE)
            continue;
        unsigned long long prev = 0;
        for (xmlNodePtr a = doc->children; a; a = a->next) {
            if (a->type != XML_ELEMENT_NODE)
                continue;
            unsigned long long start = attr_ull(a, "start"), end = attr_ull(a, "end");
            if (start >= end || end > size || start < prev) {
                fprintf(stderr,
                        "fuzz_extract: amount [%llu, %llu) in a %zu-byte input after one at %llu\n",
                        start, end, size, prev);
                abort();
            }
            prev = start;
        }
    }
}

typedef struct {
    size_t size, errors;
} diag_check;
static diag_check *check_sink; /* the harness runs on one thread */

/* Every diagnostic's offset lies inside the input. */
static int check_diag(void *user, const char *source, const belopp_diagnostic *g)
{
    (void)user;
    (void)source;
    if (g->offset != BELOPP_NO_OFFSET && g->offset > check_sink->size) {
        fprintf(stderr, "fuzz_extract: diagnostic offset %llu past the input (%zu bytes): %s\n",
                (unsigned long long)g->offset, check_sink->size, g->message);
        abort();
    }
    check_sink->errors += g->severity == BELOPP_ERROR;
    return 0;
}

/* ---- CSV (RFC 4180) --------------------------------------------------- */

#define MAX_FIELDS 64

/* The header's field names, kept from the first CSV output (the JSON keys
 * are checked against them). */
static char header_names[MAX_FIELDS][32];
static size_t header_count;

static void die(const char *what, const char *out, size_t len)
{
    fprintf(stderr, "fuzz_extract: %s; output:\n%.*s\n", what, len > 4000 ? 4000 : (int)len, out);
    abort();
}

/* Parses one row at s[*pos]; returns its field count and moves *pos past
 * its CRLF.  With names, copies the first fields there (the header). */
static size_t csv_row(const char *s, size_t len, size_t *pos, int names)
{
    size_t i = *pos, nf = 0;
    for (;;) {
        size_t fstart = i;
        if (i < len && s[i] == '"') {
            for (i++;; i++) {
                if (i >= len)
                    die("CSV: unterminated quoted field", s, len);
                if (s[i] == '"') {
                    if (i + 1 < len && s[i + 1] == '"')
                        i++;
                    else
                        break;
                }
            }
            i++; /* past the closing quote */
        } else {
            while (i < len && s[i] != ',' && s[i] != '\r' && s[i] != '\n') {
                if (s[i] == '"')
                    die("CSV: a quote inside an unquoted field", s, len);
                i++;
            }
            if (names && nf < MAX_FIELDS) {
                size_t n = i - fstart;
                if (n == 0 || n >= sizeof header_names[0])
                    die("CSV: a bad header field", s, len);
                memcpy(header_names[nf], s + fstart, n);
                header_names[nf][n] = '\0';
            }
        }
        nf++;
        if (i < len && s[i] == ',') {
            i++;
            continue;
        }
        if (i + 1 < len && s[i] == '\r' && s[i + 1] == '\n') {
            *pos = i + 2;
            return nf;
        }
        die("CSV: a field not followed by ',' or CRLF", s, len);
    }
}

/* Every row has the header's field count; returns the number of records. */
static size_t check_csv(const char *s, size_t len)
{
    size_t pos = 0, rows = 0;
    if (len == 0)
        die("CSV: no header row", s, len);
    size_t nf = csv_row(s, len, &pos, 1);
    if (nf > MAX_FIELDS || (header_count && nf != header_count))
        die("CSV: the header changed", s, len);
    header_count = nf;
    while (pos < len) {
        if (csv_row(s, len, &pos, 0) != nf)
            die("CSV: a row without the header's field count", s, len);
        rows++;
    }
    return rows;
}

/* ---- JSON (RFC 8259), strict ------------------------------------------- */

typedef struct {
    const char *s;
    size_t len, i;
    const char *why; /* set on the first error */
} json;

static int jfail(json *j, const char *why)
{
    if (!j->why)
        j->why = why;
    return -1;
}

static void jspace(json *j)
{
    while (j->i < j->len && (j->s[j->i] == ' ' || j->s[j->i] == '\t' || j->s[j->i] == '\r'))
        j->i++; /* '\n' ends a JSON Lines record and is not skipped */
}

static int jlit(json *j, const char *w)
{
    size_t n = strlen(w);
    if (j->len - j->i < n || memcmp(j->s + j->i, w, n) != 0)
        return jfail(j, "bad literal");
    j->i += n;
    return 0;
}

/* One UTF-8 sequence at j->i (not ASCII): shortest form, no surrogates. */
static int jutf8(json *j)
{
    const unsigned char *u = (const unsigned char *)j->s + j->i;
    size_t avail = j->len - j->i, n;
    uint32_t c;
    if (u[0] >= 0xC2 && u[0] <= 0xDF)
        n = 2, c = u[0] & 0x1Fu;
    else if (u[0] >= 0xE0 && u[0] <= 0xEF)
        n = 3, c = u[0] & 0x0Fu;
    else if (u[0] >= 0xF0 && u[0] <= 0xF4)
        n = 4, c = u[0] & 0x07u;
    else
        return jfail(j, "bad UTF-8 lead byte");
    if (avail < n)
        return jfail(j, "cut UTF-8 sequence");
    for (size_t k = 1; k < n; k++) {
        if ((u[k] & 0xC0) != 0x80)
            return jfail(j, "bad UTF-8 continuation");
        c = c << 6 | (u[k] & 0x3Fu);
    }
    if ((n == 3 && c < 0x800) || (n == 4 && (c < 0x10000 || c > 0x10FFFF)) ||
        (c >= 0xD800 && c <= 0xDFFF))
        return jfail(j, "overlong or surrogate UTF-8");
    j->i += n;
    return 0;
}

/* A string; its contents (undecoded) in [*from, *to) when asked. */
static int jstring(json *j, size_t *from, size_t *to)
{
    if (j->i >= j->len || j->s[j->i] != '"')
        return jfail(j, "expected a string");
    j->i++;
    if (from)
        *from = j->i;
    for (;;) {
        if (j->i >= j->len)
            return jfail(j, "unterminated string");
        unsigned char c = (unsigned char)j->s[j->i];
        if (c == '"')
            break;
        if (c < 0x20)
            return jfail(j, "raw control character in a string");
        if (c == '\\') {
            if (++j->i >= j->len)
                return jfail(j, "cut escape");
            c = (unsigned char)j->s[j->i];
            if (c == 'u') {
                for (int k = 1; k <= 4; k++) {
                    unsigned char h = j->i + (size_t)k < j->len ? (unsigned char)j->s[j->i + (size_t)k] : 0;
                    if (!((h >= '0' && h <= '9') || ((h | 0x20) >= 'a' && (h | 0x20) <= 'f')))
                        return jfail(j, "bad \\u escape");
                }
                j->i += 5;
            } else if (strchr("\"\\/bfnrt", c) && c) {
                j->i++;
            } else {
                return jfail(j, "bad escape");
            }
        } else if (c >= 0x80) {
            if (jutf8(j) < 0)
                return -1;
        } else {
            j->i++;
        }
    }
    if (to)
        *to = j->i;
    j->i++;
    return 0;
}

static int jdigits(json *j)
{
    size_t start = j->i;
    while (j->i < j->len && j->s[j->i] >= '0' && j->s[j->i] <= '9')
        j->i++;
    return j->i > start ? 0 : jfail(j, "expected a digit");
}

static int jnumber(json *j)
{
    if (j->i < j->len && j->s[j->i] == '-')
        j->i++;
    if (j->i < j->len && j->s[j->i] == '0')
        j->i++;
    else if (jdigits(j) < 0)
        return -1;
    if (j->i < j->len && j->s[j->i] == '.') {
        j->i++;
        if (jdigits(j) < 0)
            return -1;
    }
    if (j->i < j->len && (j->s[j->i] == 'e' || j->s[j->i] == 'E')) {
        j->i++;
        if (j->i < j->len && (j->s[j->i] == '+' || j->s[j->i] == '-'))
            j->i++;
        if (jdigits(j) < 0)
            return -1;
    }
    return 0;
}

static int jvalue(json *j, int depth);

/* An object; with keys, its keys must be header_names in order. */
static int jobject(json *j, int depth, int keys)
{
    size_t n = 0;
    j->i++; /* '{' */
    jspace(j);
    if (j->i < j->len && j->s[j->i] == '}') {
        j->i++;
        return keys && header_count ? jfail(j, "keys are not the CSV header's") : 0;
    }
    for (;;) {
        size_t from, to;
        jspace(j);
        if (jstring(j, &from, &to) < 0)
            return -1;
        if (keys && (n >= header_count || strlen(header_names[n]) != to - from ||
                     memcmp(header_names[n], j->s + from, to - from) != 0))
            return jfail(j, "keys are not the CSV header's");
        n++;
        jspace(j);
        if (j->i >= j->len || j->s[j->i] != ':')
            return jfail(j, "expected ':'");
        j->i++;
        jspace(j);
        if (jvalue(j, depth + 1) < 0)
            return -1;
        jspace(j);
        if (j->i < j->len && j->s[j->i] == ',') {
            j->i++;
            continue;
        }
        if (j->i < j->len && j->s[j->i] == '}') {
            j->i++;
            return keys && n != header_count ? jfail(j, "keys are not the CSV header's") : 0;
        }
        return jfail(j, "expected ',' or '}'");
    }
}

static int jarray(json *j, int depth)
{
    j->i++; /* '[' */
    jspace(j);
    if (j->i < j->len && j->s[j->i] == ']') {
        j->i++;
        return 0;
    }
    for (;;) {
        jspace(j);
        if (jvalue(j, depth + 1) < 0)
            return -1;
        jspace(j);
        if (j->i < j->len && j->s[j->i] == ',') {
            j->i++;
            continue;
        }
        if (j->i < j->len && j->s[j->i] == ']') {
            j->i++;
            return 0;
        }
        return jfail(j, "expected ',' or ']'");
    }
}

static int jvalue(json *j, int depth)
{
    if (depth > 64)
        return jfail(j, "nested too deeply");
    if (j->i >= j->len)
        return jfail(j, "expected a value");
    switch (j->s[j->i]) {
    case '{': return jobject(j, depth, 0);
    case '[': return jarray(j, depth);
    case '"': return jstring(j, NULL, NULL);
    case 't': return jlit(j, "true");
    case 'f': return jlit(j, "false");
    case 'n': return jlit(j, "null");
    default: return jnumber(j);
    }
}

/* Every line is one JSON object with the CSV header's keys; returns the
 * number of lines. */
static size_t check_jsonl(const char *s, size_t len)
{
    json j = {s, len, 0, NULL};
    size_t lines = 0;
    while (j.i < len) {
        jspace(&j);
        if (j.i >= len || s[j.i] != '{')
            die("JSONL: a line that is not an object", s, len);
        if (jobject(&j, 0, 1) < 0) {
            fprintf(stderr, "fuzz_extract: JSONL line %zu, byte %zu: %s\n", lines + 1, j.i, j.why);
            die("JSONL: not valid JSON", s, len);
        }
        jspace(&j);
        if (j.i >= len || s[j.i] != '\n')
            die("JSONL: an object not followed by a newline", s, len);
        j.i++;
        lines++;
    }
    return lines;
}

/* ---- XML -------------------------------------------------------------- */

/* Well-formed, rooted in <belopp>, amounts in order inside the input;
 * returns the number of <amount> elements. */
static size_t check_xml(const char *xml, size_t len, size_t size, belopp_encoding enc)
{
    if (len > INT32_MAX)
        abort();
    xmlDocPtr doc = xmlReadMemory(xml, (int)len, "out.xml", NULL, XML_PARSE_NONET);
    if (!doc) {
        fprintf(stderr, "fuzz_extract: encoding %d:\n", (int)enc);
        die("output is not well-formed XML", xml, len);
    }
    xmlNodePtr root = xmlDocGetRootElement(doc);
    if (!root || xmlStrcmp(root->name, (const xmlChar *)"belopp") != 0) {
        fprintf(stderr, "fuzz_extract: the root element is not <belopp>\n");
        abort();
    }
    check_offsets(root, size);
    size_t n = 0;
    for (xmlNodePtr d = root->children; d; d = d->next)
        for (xmlNodePtr a = d->children; a; a = a->next)
            n += a->type == XML_ELEMENT_NODE && xmlStrcmp(a->name, (const xmlChar *)"amount") == 0;
    xmlFreeDoc(doc);
    return n;
}

/* ---- one extraction into three writers --------------------------------- */

enum { NFORMATS = 3 };

typedef struct {
    belopp_sink to[NFORMATS];
    size_t records;
} tee;

static int tee_begin(void *user, const belopp_doc *doc)
{
    tee *t = user;
    for (int f = 0; f < NFORMATS; f++)
        if (t->to[f].begin(t->to[f].user, doc) != 0)
            return -1;
    return 0;
}

static int tee_record(void *user, const belopp_record *r)
{
    tee *t = user;
    t->records++;
    for (int f = 0; f < NFORMATS; f++)
        if (t->to[f].record(t->to[f].user, r) != 0)
            return -1;
    return 0;
}

static int tee_end(void *user, const belopp_doc *doc)
{
    tee *t = user;
    for (int f = 0; f < NFORMATS; f++)
        if (t->to[f].end(t->to[f].user, doc) != 0)
            return -1;
    return 0;
}

static void check_one(const uint8_t *data, size_t size, belopp_encoding enc)
{
    static const belopp_format formats[NFORMATS] = {BELOPP_FORMAT_XML, BELOPP_FORMAT_CSV,
                                                    BELOPP_FORMAT_JSONL};
    char *buf[NFORMATS] = {NULL};
    size_t len[NFORMATS] = {0};
    FILE *out[NFORMATS];
    belopp_writer *w[NFORMATS];
    tee t = {.records = 0};
    for (int f = 0; f < NFORMATS; f++) {
        if (!(out[f] = open_memstream(&buf[f], &len[f])))
            abort();
        w[f] = belopp_writer_new(formats[f], out[f]);
        if (!w[f] || belopp_writer_head(w[f]) < 0)
            abort();
        t.to[f] = belopp_writer_sink(w[f]);
    }
    diag_check dc = {size, 0};
    belopp_sink sink = {.user = &t, .begin = tee_begin, .record = tee_record,
                        .diagnostic = check_diag, .end = tee_end};
    check_sink = &dc;
    belopp_result rc = belopp_extract_buffer(extractors[enc], "fuzz.txt", data, size, &sink);
    if (rc == BELOPP_RESULT_SINK_FAILED) {
        fprintf(stderr, "fuzz_extract: belopp_extract_buffer could not write to memory\n");
        abort();
    }
    if (rc == BELOPP_RESULT_OK && dc.errors > 0) {
        fprintf(stderr, "fuzz_extract: returned OK with errors in the diagnostics\n");
        abort();
    }
    for (int f = 0; f < NFORMATS; f++) {
        if (belopp_writer_tail(w[f]) < 0)
            abort();
        belopp_writer_free(w[f]);
        if (fclose(out[f]) != 0)
            abort();
    }

    size_t n_xml = check_xml(buf[0], len[0], size, enc);
    size_t n_csv = check_csv(buf[1], len[1]);
    size_t n_jsonl = check_jsonl(buf[2], len[2]);
    if (n_xml != t.records || n_csv != t.records || n_jsonl != t.records) {
        fprintf(stderr, "fuzz_extract: %zu records given; %zu in XML, %zu in CSV, %zu in JSONL\n",
                t.records, n_xml, n_csv, n_jsonl);
        abort();
    }
    for (int f = 0; f < NFORMATS; f++)
        free(buf[f]);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    check_one(data, size, BELOPP_ENC_AUTO);
    check_one(data, size, size % 2 ? BELOPP_ENC_LATIN1 : BELOPP_ENC_UTF8);
    return 0;
}
