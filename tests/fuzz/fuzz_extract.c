/* fuzz_extract.c — libFuzzer harness for the whole pipeline.
 *
 * Each input goes through belopp_extract_buffer twice: once as the command
 * line reads it (--encoding auto) and once with a forced encoding (UTF-8 for
 * an even length, Windows-1252 for an odd one), so both decoders see bytes
 * that auto mode would have sent the other way.  The XML goes to a memory
 * stream and must then be well-formed for libxml2: anything else abort()s,
 * which libFuzzer reports as a crash.  ASan and UBSan catch the rest.
 *
 * Build and run: make fuzz (tests/fuzz.mk).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

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

static void check_one(const uint8_t *data, size_t size, belopp_encoding enc)
{
    char *xml = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&xml, &len);
    if (!out)
        abort();
    belopp_writer *w = belopp_writer_new(BELOPP_FORMAT_XML, out);
    if (!w || belopp_writer_head(w) < 0)
        abort();
    diag_check dc = {size, 0};
    belopp_sink sink = belopp_writer_sink(w);
    sink.diagnostic = check_diag;
    sink.user = w;
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
    if (belopp_writer_tail(w) < 0)
        abort();
    belopp_writer_free(w);
    if (fclose(out) != 0 || len > INT32_MAX)
        abort();

    xmlDocPtr doc = xmlReadMemory(xml, (int)len, "out.xml", NULL, XML_PARSE_NONET);
    if (!doc) {
        fprintf(stderr, "fuzz_extract: output is not well-formed XML (encoding %d):\n%.*s\n",
                (int)enc, len > 4000 ? 4000 : (int)len, xml);
        abort();
    }
    xmlNodePtr root = xmlDocGetRootElement(doc);
    if (!root || xmlStrcmp(root->name, (const xmlChar *)"belopp") != 0) {
        fprintf(stderr, "fuzz_extract: the root element is not <belopp>\n");
        abort();
    }
    check_offsets(root, size);
    xmlFreeDoc(doc);
    free(xml);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    check_one(data, size, BELOPP_ENC_AUTO);
    check_one(data, size, size % 2 ? BELOPP_ENC_LATIN1 : BELOPP_ENC_UTF8);
    return 0;
}
