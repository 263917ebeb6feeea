/* extract.c — the public entry points of libbelopp (include/belopp.h).
 *
 * One input goes through every stage, and each decided amount becomes a
 * record handed to the caller's sink:
 *
 *   read → decode (UTF-8 repair, or HTML to visible text) → NFC → segment
 *        → match → classify → record → sink
 *
 * Match, classify and record run as a stream, a batch of candidates at a
 * time, so memory does not grow with the number of amounts.  Stages never
 * print: they add coded diagnostics to a list, and the list goes to the
 * sink as it grows.
 */
#include "../include/belopp.h"

#include <stdlib.h>
#include <string.h>

#include "classify.h"
#include "diag.h"
#include "html.h"
#include "match.h"
#include "read.h"
#include "record.h"
#include "segment.h"
#include "../normalize/nfc.h"

/* Candidates are matched a batch at a time and then classified and handed
 * on: memory stays small, and the matcher's JIT code is not evicted from the
 * caches by the later stages after every single match (3-8 % less CPU on
 * bench input than one at a time; 47 KB of stack). */
#define BATCH 256

struct belopp_extractor {
    belopp_matcher *m; /* its match data is this extractor's own */
    belopp_diags *d;
    belopp_options opt;
};

const char *belopp_version(void) { return BELOPP_VERSION_STRING; }

const char *belopp_diag_code_name(belopp_diag_code code)
{
    switch (code) {
    case BELOPP_DIAG_READ: return "read";
    case BELOPP_DIAG_ENCODING: return "encoding";
    case BELOPP_DIAG_INVALID_UTF8: return "invalid-utf8";
    case BELOPP_DIAG_HTML: return "html";
    case BELOPP_DIAG_UNPLACED: return "unplaced";
    case BELOPP_DIAG_OVERFLOW: return "overflow";
    case BELOPP_DIAG_FRACTION: return "fraction";
    case BELOPP_DIAG_MATCH_LIMIT: return "match-limit";
    case BELOPP_DIAG_TABLE_ROW: return "table-row";
    case BELOPP_DIAG_NOMEM: return "out-of-memory";
    case BELOPP_DIAG_NUMBER: return "number";
    }
    return "unknown";
}

const char *belopp_kind_name(belopp_kind kind)
{
    switch (kind) {
    case BELOPP_KIND_PROSE: return "prose";
    case BELOPP_KIND_HEADING: return "heading";
    case BELOPP_KIND_CELL: return "cell";
    }
    return "prose";
}

const char *belopp_qualifier_name(belopp_qualifier_kind q)
{
    switch (q) {
    case BELOPP_QUAL_APPROX: return "approx";
    case BELOPP_QUAL_AT_LEAST: return "at-least";
    case BELOPP_QUAL_AT_MOST: return "at-most";
    case BELOPP_QUAL_NONE: break;
    }
    return NULL;
}

const char *belopp_sum_name(belopp_sum_check s)
{
    switch (s) {
    case BELOPP_SUM_OK: return "ok";
    case BELOPP_SUM_MISMATCH: return "mismatch";
    case BELOPP_SUM_NONE: break;
    }
    return NULL;
}

/* ---- records that outlive their document ---------------------------------- */

belopp_record *belopp_record_dup(const belopp_record *r)
{
    const char *const *strs[] = {&r->source, &r->sha256, &r->per, &r->text, &r->context,
                                 &r->heading, &r->label, &r->column_title, &r->caption};
    size_t n = sizeof *r;
    for (size_t i = 0; i < sizeof strs / sizeof *strs; i++)
        if (*strs[i])
            n += strlen(*strs[i]) + 1;
    belopp_record *c = malloc(n);
    if (!c)
        return NULL;
    *c = *r;
    char *p = (char *)(c + 1);
    const char **dst[] = {&c->source, &c->sha256, &c->per, &c->text, &c->context,
                          &c->heading, &c->label, &c->column_title, &c->caption};
    for (size_t i = 0; i < sizeof strs / sizeof *strs; i++) {
        if (!*strs[i])
            continue;
        size_t k = strlen(*strs[i]) + 1;
        memcpy(p, *strs[i], k);
        *dst[i] = p;
        p += k;
    }
    return c;
}

void belopp_record_free(belopp_record *r) { free(r); }

/* ---- the extractor ------------------------------------------------------ */

belopp_extractor *belopp_extractor_new(const belopp_options *opt, char *err, size_t errlen)
{
    char scratch[8];
    if (!err) {
        err = scratch;
        errlen = sizeof scratch;
    }
    belopp_html_init(); /* libxml2 once per process, before any thread parses */
    belopp_extractor *x = calloc(1, sizeof *x);
    if (!x) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    if (opt)
        x->opt = *opt;
    if (!(x->m = belopp_matcher_new(err, errlen)))
        goto fail;
    if (!(x->d = belopp_diags_new())) {
        snprintf(err, errlen, "out of memory");
        goto fail;
    }
    return x;
fail:
    belopp_extractor_free(x);
    return NULL;
}

void belopp_extractor_free(belopp_extractor *x)
{
    if (!x)
        return;
    belopp_matcher_free(x->m);
    belopp_diags_free(x->d);
    free(x);
}

const char *belopp_extractor_pattern(const belopp_extractor *x)
{
    return belopp_matcher_pattern(x->m);
}

/* Where one extraction stands: what the sink has been given so far. */
typedef struct {
    const belopp_sink *sink;
    const char *source;
    belopp_diags *d;
    size_t told;     /* diagnostics handed to the sink */
    belopp_doc *doc; /* once begun: its warning and error counts */
    uint64_t warnings, errors;
    int failed;      /* a callback returned non-zero */
} run;

/* Hands the sink the diagnostics added since the last call. */
static void tell(run *r)
{
    for (; r->told < belopp_diags_count(r->d); r->told++) {
        const belopp_diag *g = belopp_diags_get(r->d, r->told);
        if (g->severity == BELOPP_ERROR)
            r->errors++;
        else
            r->warnings++;
        belopp_diagnostic out = {g->code, g->severity, g->offset, g->message};
        if (!r->failed && r->sink->diagnostic &&
            r->sink->diagnostic(r->sink->user, r->source, &out) != 0)
            r->failed = 1;
    }
}

/* Hands the sink the amounts cl has decided so far. */
static int hand_on(run *r, belopp_recorder *rec, belopp_classifier *cl)
{
    size_t n;
    const belopp_amount *a = belopp_classifier_take(cl, &n);
    for (size_t i = 0; i < n && !r->failed; i++) {
        const belopp_record *x = belopp_recorder_make(rec, &a[i]);
        if (!x)
            return -1;
        if (r->sink->record && r->sink->record(r->sink->user, x) != 0)
            r->failed = 1;
    }
    return 0;
}

static belopp_result run_stages(belopp_extractor *x, run *r, const unsigned char *raw, size_t len)
{
    belopp_text *decoded = NULL, *text = NULL;
    belopp_segments *seg = NULL;
    belopp_classifier *cl = NULL;
    belopp_recorder *rec = NULL;
    int html = belopp_is_html(r->source, raw, len);
    int oom = 0;

    decoded = html ? belopp_html_to_text(raw, len, x->opt.encoding, r->d)
                   : belopp_decode(raw, len, x->opt.encoding, r->d);
    if (decoded && belopp_nfc_needed(decoded)) {
        text = belopp_nfc(decoded);
        belopp_text_free(decoded);
    } else {
        text = decoded; /* the usual case: no copy of a whole input's worth */
    }
    decoded = NULL;
    if (!text || !(seg = belopp_segment(text)) || !(cl = belopp_classifier_new(text, seg)) ||
        !(rec = belopp_recorder_new(r->source, raw, len, text, seg))) {
        belopp_diags_add(r->d, BELOPP_ERROR, BELOPP_DIAG_NOMEM, BELOPP_NO_OFFSET,
                         "out of memory; file left out");
        tell(r);
        goto done;
    }
    tell(r);
    belopp_doc *doc = belopp_recorder_doc(rec);
    doc->format = html ? "html" : "text";
    if (!r->failed && r->sink->begin && r->sink->begin(r->sink->user, doc) != 0)
        r->failed = 1;

    /* A matching error ends the matching, not the document: what was found
     * before it is handed on. */
    belopp_match_pos pos = {0, 0};
    belopp_candidate batch[BATCH];
    int more = 1;
    while (more && !oom && !r->failed) {
        size_t n = 0;
        while (n < BATCH && (more = belopp_match_next(x->m, text, seg, &pos, &batch[n], r->d) > 0))
            n++;
        for (size_t i = 0; i < n && !oom; i++)
            oom = belopp_classifier_add(cl, &batch[i], r->d) < 0;
        oom = oom || hand_on(r, rec, cl) < 0;
        tell(r);
    }
    oom = oom || belopp_classifier_finish(cl, r->d) < 0;
    oom = oom || hand_on(r, rec, cl) < 0;
    if (oom)
        belopp_diags_add(r->d, BELOPP_ERROR, BELOPP_DIAG_NOMEM, belopp_text_src_start(text, pos.off),
                         "out of memory; the rest of the file left out");
    tell(r);
    doc->warnings = r->warnings;
    doc->errors = r->errors;
    if (!r->failed && r->sink->end && r->sink->end(r->sink->user, doc) != 0)
        r->failed = 1;
done:
    belopp_recorder_free(rec);
    belopp_classifier_free(cl);
    belopp_segments_free(seg);
    belopp_text_free(text);
    if (r->failed)
        return BELOPP_RESULT_SINK_FAILED;
    return r->errors > 0 ? BELOPP_RESULT_LEFT_OUT : BELOPP_RESULT_OK;
}

belopp_result belopp_extract_buffer(belopp_extractor *x, const char *source, const void *data,
                                    size_t len, const belopp_sink *sink)
{
    static const belopp_sink none = {0};
    belopp_diags_clear(x->d);
    run r = {.sink = sink ? sink : &none, .source = source, .d = x->d};
    return run_stages(x, &r, data ? data : "", data ? len : 0);
}

belopp_result belopp_extract_file(belopp_extractor *x, const char *path, const belopp_sink *sink)
{
    static const belopp_sink none = {0};
    unsigned char *raw = NULL;
    size_t len = 0;
    belopp_diags_clear(x->d);
    run r = {.sink = sink ? sink : &none, .source = path, .d = x->d};
    if (belopp_read_file(path, &raw, &len, x->d) < 0) {
        tell(&r);
        return r.failed ? BELOPP_RESULT_SINK_FAILED : BELOPP_RESULT_LEFT_OUT;
    }
    belopp_result rc = run_stages(x, &r, raw, len);
    free(raw);
    return rc;
}
