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

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <nettle/sha2.h>

#include "classify.h"
#include "diag.h"
#include "grow.h"
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

/* A plain-text file larger than this is read a chunk at a time (see
 * "Large inputs" below); the environment variable BELOPP_CHUNK_BYTES sets
 * it, for tests only (a few bytes make every paragraph a chunk). */
#define CHUNK_BYTES ((size_t)2 << 20)

/* With n helper threads (belopp_extractor_set_threads) n chunks are in
 * memory at once, and while it is worked on a chunk costs about 15 times its
 * size (text, lines, tables, cells, amounts; kept for the next chunk: see
 * struct spares): they are cut at CHUNK_BYTES / 2n, so that the memory stays
 * that of about one large chunk.  Measured on 20 MB of the bench stream, 2
 * threads (user+sys median of 5, peak RSS): 1 MiB chunks 3.08 s, 55 MB;
 * 768 KiB 2.77 s, 46 MB; 512 KiB 2.64 s, 36 MB.  (Before the buffers were
 * kept, every chunk paid its page faults again and smaller chunks cost more:
 * +9 % at 512 KiB.)  Cuts cost work (safe_cut segments about 80 KB again at
 * each), so not below MIN_THREAD_CHUNK_BYTES; and no more than MAX_HELPERS
 * helpers, since the one thread that makes the records (with the first pass
 * and the cuts, about a quarter of the work) keeps up with about three.
 * BELOPP_CHUNK_BYTES sets the size with threads too. */
#define MIN_THREAD_CHUNK_BYTES ((size_t)256 << 10)
#define MAX_HELPERS 8

struct belopp_extractor {
    belopp_matcher *m; /* its match data is this extractor's own */
    belopp_diags *d;
    belopp_options opt;
    size_t chunk_bytes;
    int chunk_bytes_set; /* by BELOPP_CHUNK_BYTES */
    int threads;         /* for one large input (belopp_extractor_set_threads) */
    belopp_matcher **wm; /* the helper threads' matchers, each made on first use */
    size_t nwm;
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
    case BELOPP_SUM_ROUNDING: return "rounding";
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
    x->chunk_bytes = CHUNK_BYTES;
    const char *cb = getenv("BELOPP_CHUNK_BYTES"); /* for tests only: see CHUNK_BYTES */
    if (cb && *cb) {
        char *end;
        unsigned long long v = strtoull(cb, &end, 10);
        if (*end == '\0' && v > 0 && v <= SIZE_MAX) {
            x->chunk_bytes = (size_t)v;
            x->chunk_bytes_set = 1;
        }
    }
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
    for (size_t i = 0; i < x->nwm; i++)
        belopp_matcher_free(x->wm[i]);
    free(x->wm);
    free(x);
}

int belopp_extractor_set_threads(belopp_extractor *x, int n)
{
    if (n < 0)
        return -1;
    size_t helpers = n < MAX_HELPERS ? (size_t)n : MAX_HELPERS;
    if (helpers > 1 && helpers > x->nwm) {
        void *p = realloc(x->wm, helpers * sizeof *x->wm);
        if (!p)
            return -1;
        x->wm = p;
        memset(x->wm + x->nwm, 0, (helpers - x->nwm) * sizeof *x->wm);
        x->nwm = helpers;
    }
    x->threads = n;
    return 0;
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

/* Hands the sink the diagnostics of r->d from the last told up to the n-th. */
static void tell_upto(run *r, size_t n)
{
    for (; r->told < n; r->told++) {
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

/* Hands the sink the diagnostics added since the last call. */
static void tell(run *r) { tell_upto(r, belopp_diags_count(r->d)); }

/* Hands the sink the records of the n amounts a. */
static int hand_list(run *r, belopp_recorder *rec, const belopp_amount *a, size_t n)
{
    for (size_t i = 0; i < n && !r->failed; i++) {
        const belopp_record *x = belopp_recorder_make(rec, &a[i]);
        if (!x)
            return -1;
        if (r->sink->record && r->sink->record(r->sink->user, x) != 0)
            r->failed = 1;
    }
    return 0;
}

/* Hands the sink the amounts cl has decided so far. */
static int hand_on(run *r, belopp_recorder *rec, belopp_classifier *cl)
{
    size_t n;
    const belopp_amount *a = belopp_classifier_take(cl, &n);
    return hand_list(r, rec, a, n);
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
    belopp_match_pos pos = {0, 0, 0};
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

/* ---- large inputs, a chunk at a time --------------------------------------
 *
 * A plain-text file larger than the chunk size is read in chunks cut at
 * paragraph boundaries, so that memory stays that of a few chunks whatever
 * the input's size, and the records are byte for byte those of reading it
 * whole.  Design note: what the whole-read pipeline decides from the whole
 * input, and how it is decided here.
 * - The sha256, the size, the encoding (sniffed over the whole input) and
 *   the invalid-byte warnings: a first pass over the bytes (belopp_scan),
 *   before the sink's begin, as belopp_decode gives them before it.
 * - Whether the text is a report (match.c): report words and "(79)" figures
 *   never cross a line break, so a second pass counts them chunk by chunk,
 *   stopping at the first word (or second figure).
 * - Whether the text names a currency or has a table (classify.c): settled
 *   by the first chunk that shows one, for the rest of the input.  Only a
 *   chunk that ends with bare "2 miljoner" held back and the question still
 *   open looks ahead (the chunks after it, segmented and matched, until one
 *   settles it or the input ends), once per input at most.
 * - Offsets, lines, columns, headings and the facts later mentions repeat:
 *   carried by the recorder (record.h), in constant memory.
 * - A chunk ends after a blank line (one of spaces only), where sentences
 *   end too (segment.c).  Tables may run over blank lines, so a cut is taken
 *   only where the table stage itself, run on the text around it (WINDOW
 *   bytes each side), finds no table within MARGIN lines; and a chunk whose
 *   own last table ends within MARGIN lines of its end is cut later.  A
 *   paragraph with no such cut makes a larger chunk, never an error.
 * Standard input and HTML are read whole. */

/* The window's first size: MARGIN lines back and 3 MARGIN ahead are about
 * 1.5 and 5 KB of a press text; safe_cut widens it where lines are longer.
 * (It was 16 and 64 KB: 5 times the text segmented again at every cut, 8 %
 * of the instructions with 512 KiB chunks, now 6 %.) */
#define WINDOW_BACK ((size_t)4 << 10)
#define WINDOW_AHEAD ((size_t)8 << 10)
#define MARGIN 16
/* After a window with no safe cut (inside a long run of tables) the next
 * one looks further ahead: a window is segmented whole, and the WINDOW_BACK
 * bytes it shares with the one before are segmented again, so short windows
 * there cost twice the text they move on by.  On the 112.7 MB bench stream
 * cut at 512 KiB: 1 724 windows, 21.0 MB segmented, with 8 KB every time;
 * 384 windows, 15.7 MB with 64 KB after the first (32 KB: 16.4 MB; 128 KB:
 * 28.2 MB, a window too wide where the first retry succeeds). */
#define RETRY_AHEAD ((size_t)64 << 10)

typedef struct {
    belopp_extractor *x;
    int fd;
    size_t size;
    belopp_encoding enc;
    belopp_diags *scratch; /* for the matcher while looking ahead */
    size_t step;           /* the size a chunk is cut at (at least) */
    struct spares *spares; /* buffers of chunks done, for the next ones */
} chunked;

/* One chunk: its bytes [at, at + len), its text and segments. */
typedef struct {
    size_t at, len;
    unsigned char *raw;
    size_t rawcap;
    belopp_text *t;
    belopp_text *other; /* a text kept for the next chunk: t before NFC, or after */
    belopp_segments *g;
} chunk;

static void chunk_free(chunk *c)
{
    belopp_segments_free(c->g);
    belopp_text_free(c->t);
    belopp_text_free(c->other);
    free(c->raw);
    memset(c, 0, sizeof *c);
}

/* The buffers of chunks done (raw bytes, text, segments), kept for the
 * chunks after them: a chunk of 2 MB needs some 30 MB of them, and
 * allocated afresh for each chunk every page was a page fault again and
 * every array was copied while it grew (a fifth of the time on one thread).
 * No more are kept than were in use at once, so the peak memory is the
 * same.  Shared by the helper threads: under mu. */
#define SPARES (MAX_HELPERS + 2)
struct spares {
    pthread_mutex_t mu;
    chunk c[SPARES];
    size_t n;
};

/* An empty chunk into *c, with the buffers of a chunk done if one is kept. */
static void chunk_take_spare(const chunked *cx, chunk *c)
{
    memset(c, 0, sizeof *c);
    if (!cx->spares)
        return;
    pthread_mutex_lock(&cx->spares->mu);
    if (cx->spares->n > 0)
        *c = cx->spares->c[--cx->spares->n];
    pthread_mutex_unlock(&cx->spares->mu);
}

/* Done with chunk c: its buffers are kept for the next chunk, or freed. */
static void chunk_done(const chunked *cx, chunk *c)
{
    if (cx->spares && (c->raw || c->t || c->other || c->g)) {
        pthread_mutex_lock(&cx->spares->mu);
        int kept = cx->spares->n < SPARES;
        if (kept)
            cx->spares->c[cx->spares->n++] = *c;
        pthread_mutex_unlock(&cx->spares->mu);
        if (kept) {
            memset(c, 0, sizeof *c);
            return;
        }
    }
    chunk_free(c);
}

/* Reads [a, b) of the input into buffer *p of *cap bytes, grown as needed.
 * Returns 0, or -1 on failure (errno). */
static int read_range_into(const chunked *cx, size_t a, size_t b, unsigned char **p, size_t *cap)
{
    void *buf = *p;
    if (belopp_grow(&buf, cap, b - a + 1, 1) < 0) {
        errno = ENOMEM;
        return -1;
    }
    *p = buf;
    for (size_t n = 0; n < b - a;) {
        ssize_t r = pread(cx->fd, *p + n, b - a - n, (off_t)(a + n));
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0) {
            if (r == 0)
                errno = EIO; /* the file shrank */
            return -1;
        }
        n += (size_t)r;
    }
    return 0;
}

/* Reads [a, b) of the input into a new buffer; NULL on failure (errno). */
static unsigned char *read_range(const chunked *cx, size_t a, size_t b)
{
    unsigned char *p = NULL;
    size_t cap = 0;
    if (read_range_into(cx, a, b, &p, &cap) < 0) {
        int e = errno;
        free(p);
        errno = e;
        return NULL;
    }
    return p;
}

/* The working text of bytes raw[0, len) at input offset at. */
static belopp_text *text_of(const chunked *cx, const unsigned char *raw, size_t len, size_t at)
{
    belopp_text *t = belopp_decode_piece(raw, len, at, cx->enc);
    if (t && belopp_nfc_needed(t)) {
        belopp_text *n = belopp_nfc(t);
        belopp_text_free(t);
        t = n;
    }
    return t;
}

/* The working text of bytes raw[0, len) at input offset at into *t (NULL:
 * a new text; else emptied and filled again); *other is a second text kept
 * for NFC to write into (NULL: made when needed).  Returns 0, or -1 when
 * out of memory. */
static int text_into(const chunked *cx, const unsigned char *raw, size_t len, size_t at,
                     belopp_text **t, belopp_text **other)
{
    if (!*t)
        *t = belopp_decode_piece(raw, len, at, cx->enc);
    else if (belopp_decode_piece_into(*t, raw, len, at, cx->enc) < 0)
        return -1;
    if (*t && belopp_nfc_needed(*t)) {
        if (!*other && !(*other = belopp_text_new()))
            return -1;
        if (belopp_nfc_into(*other, *t) < 0)
            return -1;
        belopp_text *decoded = *t; /* kept for the next chunk */
        *t = *other;
        *other = decoded;
    }
    return *t ? 0 : -1;
}

/* The first place at or after from where a line starts after a blank line,
 * in *cut (the size when there is none).  Returns 0, or -1 on a read error. */
static int blank_cut(const chunked *cx, size_t from, size_t *cut)
{
    enum { STEP = 1 << 16 };
    int eligible = from == 0, blank = 1; /* the line began at or after from */
    size_t p = from > 0 ? from - 1 : 0;
    if (from > 0) {
        unsigned char *b = read_range(cx, p, p + 1);
        if (!b)
            return -1;
        eligible = b[0] == '\n';
        free(b);
        p = from;
    }
    while (p < cx->size) {
        size_t e = cx->size - p > STEP ? p + STEP : cx->size;
        unsigned char *b = read_range(cx, p, e);
        if (!b)
            return -1;
        for (size_t i = 0; i < e - p; i++) {
            unsigned char c = b[i];
            if (c == '\n') {
                if (eligible && blank) {
                    *cut = p + i + 1;
                    free(b);
                    return 0;
                }
                eligible = blank = 1;
            } else if (c != ' ' && c != '\t' && c != '\r') {
                blank = 0;
            }
        }
        free(b);
        p = e;
    }
    *cut = cx->size;
    return 0;
}

/* Lines before offset off of text s: a binary search over the offsets of
 * its n line breaks nl. */
static size_t line_index(const size_t *nl, size_t n, size_t off)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (nl[mid] < off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static void widen(size_t *fl, size_t *ll, belopp_span sp, const size_t *nl, size_t n)
{
    if (sp.start >= sp.end)
        return;
    size_t a = line_index(nl, n, sp.start), b = line_index(nl, n, sp.end - 1);
    if (a < *fl)
        *fl = a;
    if (b + 1 > *ll + 1 || *ll == SIZE_MAX)
        *ll = b;
}

/* The first and last line (0-based) of each table of g over text t, into
 * fl and ll (ntables each).  Returns the line breaks' offsets (malloc'd,
 * *nn of them), or NULL when out of memory. */
static size_t *table_lines(const belopp_text *t, const belopp_segments *g, size_t *fl, size_t *ll,
                           size_t *nn)
{
    const char *s = belopp_text_data(t);
    size_t len = belopp_text_len(t), n = 0, cap = 0;
    size_t *nl = NULL;
    for (const char *p = s; (p = memchr(p, '\n', len - (size_t)(p - s))) != NULL; p++) {
        void *q = nl;
        if (belopp_grow(&q, &cap, n + 1, sizeof *nl) < 0) {
            free(nl);
            return NULL;
        }
        nl = q;
        nl[n++] = (size_t)(p - s);
    }
    if (!nl && !(nl = malloc(sizeof *nl)))
        return NULL;
    size_t nt = belopp_segments_ntables(g);
    for (size_t i = 0; i < nt; i++) {
        const belopp_table *tb = belopp_segments_table(g, i);
        fl[i] = SIZE_MAX;
        ll[i] = SIZE_MAX;
        widen(&fl[i], &ll[i], tb->header, nl, n);
        widen(&fl[i], &ll[i], tb->caption, nl, n);
        widen(&fl[i], &ll[i], tb->unit, nl, n);
        for (size_t k = 0; k < tb->ntitles && k < BELOPP_MAX_COLUMNS; k++)
            widen(&fl[i], &ll[i], tb->titles[k], nl, n);
    }
    const belopp_row *r;
    for (size_t i = 0; (r = belopp_segments_row_at_index(g, i)) != NULL; i++)
        if (r->table < nt) {
            widen(&fl[r->table], &ll[r->table], r->line, nl, n);
            widen(&fl[r->table], &ll[r->table], r->label, nl, n);
        }
    *nn = n;
    return nl;
}

/* A safe cut at or after q (a line start after a blank line): one where
 * the table stage, run on the text around it, finds no table within MARGIN
 * lines.  Returns 1 with it in *cut; 0 when the window looked at holds none,
 * with *cut where to look on; -1 on a read error, -2 when out of memory. */
static int safe_cut(const chunked *cx, size_t from, size_t q, size_t ahead, size_t *cut)
{
    /* the window: WINDOW_BACK and ahead bytes, more where lines are long,
     * so that it holds MARGIN lines before q and 3 MARGIN after */
    size_t back = WINDOW_BACK, w0, w1, a, b;
    unsigned char *raw;
    for (;;) {
        w0 = q - from > back ? q - back : from;
        w1 = cx->size - q > ahead ? q + ahead : cx->size;
        if (!(raw = read_range(cx, w0, w1)))
            return -1;
        /* whole lines only */
        a = 0;
        b = w1 - w0;
        if (w0 > from) {
            unsigned char *nl = memchr(raw, '\n', q - w0);
            a = nl ? (size_t)(nl - raw) + 1 : q - w0;
        }
        if (w1 < cx->size) {
            while (b > q - w0 && raw[b - 1] != '\n')
                b--;
        }
        size_t before = 0, after = 0;
        for (size_t i = a; i < q - w0; i++)
            before += raw[i] == '\n';
        for (size_t i = q - w0; i < b && after < 3 * MARGIN; i++)
            after += raw[i] == '\n';
        int more_back = before < MARGIN && w0 > from && back < CHUNK_BYTES;
        int more_ahead = after < 3 * MARGIN && w1 < cx->size && ahead < CHUNK_BYTES;
        if (!more_back && !more_ahead)
            break;
        free(raw);
        back *= more_back ? 4 : 1;
        ahead *= more_ahead ? 4 : 1;
    }
    int rc = -2;
    belopp_text *t = text_of(cx, raw + a, b - a, w0 + a);
    belopp_segments *g = t ? belopp_segment(t) : NULL;
    size_t nt = g ? belopp_segments_ntables(g) : 0, nn = 0;
    size_t *fl = g ? malloc((nt + 1) * sizeof *fl) : NULL, *ll = g ? malloc((nt + 1) * sizeof *ll) : NULL;
    size_t *nl = fl && ll ? table_lines(t, g, fl, ll, &nn) : NULL;
    if (nl) {
        /* the window's lines: k starts at raw[ls]; a candidate when the line
         * before it is blank, it starts at or after q, and (unless the window
         * reaches the end) 2 MARGIN lines of the window follow it */
        size_t lines = nn + 1, ls = a, k = 0, last_ok = 0;
        int prev_blank = 0;
        rc = 0;
        *cut = 0;
        while (ls < b) {
            unsigned char *e = memchr(raw + ls, '\n', b - ls);
            size_t le = e ? (size_t)(e - raw) : b;
            if (k > 0 && prev_blank && w0 + ls >= q) {
                if (w1 < cx->size && k + 2 * MARGIN > lines && ahead < CHUNK_BYTES)
                    break;
                last_ok = ls;
                int safe = 1;
                for (size_t i = 0; i < nt && safe; i++)
                    safe = fl[i] == SIZE_MAX || ll[i] + MARGIN < k || fl[i] >= k + MARGIN;
                if (safe) {
                    *cut = w0 + ls;
                    rc = 1;
                    break;
                }
            }
            prev_blank = 1;
            for (size_t i = ls; i < le && prev_blank; i++)
                prev_blank = raw[i] == ' ' || raw[i] == '\t' || raw[i] == '\r';
            if (!e)
                break;
            ls = le + 1;
            k++;
        }
        if (rc == 0) {
            /* on from the last candidate looked at, or from the end of the
             * lines looked at (always past q) */
            size_t on = last_ok ? w0 + last_ok + 1 : w0 + ls;
            *cut = on > q ? on : q + 1;
            if (w1 >= cx->size && k + 1 >= lines)
                *cut = cx->size; /* the window reached the end: no cut */
        }
    }
    free(nl);
    free(fl);
    free(ll);
    belopp_segments_free(g);
    belopp_text_free(t);
    free(raw);
    return rc;
}

/* Does the last table of chunk c end within MARGIN lines of its end? */
static int ends_near_table(const chunk *c)
{
    size_t nr = belopp_segments_nrows(c->g);
    if (nr == 0)
        return 0;
    const char *s = belopp_text_data(c->t);
    size_t len = belopp_text_len(c->t), end = 0;
    for (size_t i = 0; i < nr; i++) {
        const belopp_row *r = belopp_segments_row_at_index(c->g, i);
        if (r->line.end > end)
            end = r->line.end;
    }
    size_t lines = 0;
    for (size_t i = end; i < len && lines <= MARGIN; i++)
        lines += s[i] == '\n';
    return lines <= MARGIN;
}

/* The first cut at or after target for a chunk that starts at input offset
 * from, into *q (the size when there is none).  Returns 0, -1 on a read
 * error (errno), -2 when out of memory. */
static int cut_at(const chunked *cx, size_t from, size_t target, size_t *q)
{
    size_t ahead = WINDOW_AHEAD;
    *q = cx->size;
    while (target < cx->size) {
        if (blank_cut(cx, target, q) < 0)
            return -1;
        if (*q >= cx->size)
            break;
        size_t at;
        int safe = safe_cut(cx, from, *q, ahead, &at);
        ahead = RETRY_AHEAD;
        if (safe < 0)
            return safe;
        if (safe) {
            *q = at;
            break;
        }
        target = at;
        *q = cx->size;
    }
    return 0;
}

/* The chunk from input offset from to its first cut q into *c: read,
 * decoded, segmented, and cut later while its last table ends too near its
 * end.  Safe on any thread (cx is only read).  Returns 0, -1 on a read error
 * (errno), -2 when out of memory. */
static int chunk_from(const chunked *cx, size_t from, size_t q, chunk *c)
{
    chunk_take_spare(cx, c);
    for (;;) {
        c->at = from;
        c->len = q - from;
        if (read_range_into(cx, from, q, &c->raw, &c->rawcap) < 0) {
            int rc = errno == ENOMEM ? -2 : -1, e = errno;
            chunk_done(cx, c);
            errno = e;
            return rc;
        }
        if (text_into(cx, c->raw, c->len, from, &c->t, &c->other) < 0 ||
            (c->g ? belopp_segment_again(c->g, c->t) < 0 : !(c->g = belopp_segment(c->t)))) {
            chunk_done(cx, c);
            return -2;
        }
        if (q >= cx->size || !ends_near_table(c))
            return 0;
        /* a table too near its end: cut later (the buffers are reused) */
        int rc = cut_at(cx, from, q + 1, &q);
        if (rc < 0) {
            int e = errno;
            chunk_done(cx, c);
            errno = e;
            return rc;
        }
    }
}

/* Where the chunk from input offset from is cut first. */
static size_t chunk_target(const chunked *cx, size_t from)
{
    return cx->step < cx->size - from ? from + cx->step : cx->size;
}

/* The next chunk from input offset from into *c: cut, read, decoded,
 * segmented.  Returns 0, -1 on a read error (errno), -2 when out of memory. */
static int next_chunk(const chunked *cx, size_t from, chunk *c)
{
    size_t q;
    int rc = cut_at(cx, from, chunk_target(cx, from), &q);
    return rc < 0 ? rc : chunk_from(cx, from, q, c);
}

/* Looks at the chunks from input offset from on: does one have a table, a
 * candidate with a currency, or a bare "N miljoner" in a sentence about
 * money (belopp_money_sentence: what settles it in the classifier)?  Returns 1 or 0, or a next_chunk error. */
static int money_ahead(const chunked *cx, size_t from)
{
    while (from < cx->size) {
        chunk c;
        int rc = next_chunk(cx, from, &c);
        if (rc < 0)
            return rc;
        int found = belopp_segments_ntables(c.g) > 0;
        belopp_match_pos pos = {0, 0, 1};
        belopp_candidate k;
        while (!found && belopp_match_next(cx->x->m, c.t, c.g, &pos, &k, cx->scratch) > 0)
            found = k.currency.start != k.currency.end ||
                    k.prefix_currency.start != k.prefix_currency.end ||
                    belopp_money_sentence(c.t, c.g, &k); /* as the classifier settles it */
        belopp_diags_clear(cx->scratch);
        from = c.at + c.len;
        chunk_done(cx, &c);
        if (found)
            return 1;
    }
    return 0;
}

/* The report question over the whole input, a chunk of whole lines at a
 * time.  Returns 1 or 0, or -1 on a read error, -2 when out of memory. */
static int report_ahead(const chunked *cx)
{
    int figures = 0, rep = 0, rc = 0;
    unsigned char *raw = NULL; /* one buffer and one text for every piece */
    size_t rawcap = 0;
    belopp_text *t = NULL, *other = NULL;
    for (size_t from = 0; from < cx->size && !rep;) {
        size_t to = cx->x->chunk_bytes < cx->size - from ? from + cx->x->chunk_bytes : cx->size;
        if (read_range_into(cx, from, to, &raw, &rawcap) < 0) {
            rc = -1;
            break;
        }
        size_t n = to - from;
        if (to < cx->size) { /* back to a line break: whole lines */
            while (n > 0 && raw[n - 1] != '\n')
                n--;
            if (n == 0) { /* a line longer than a chunk: on to its end */
                size_t q;
                /* blank_cut finds a blank line; any line break will do, but
                 * this is rare enough: take up to it */
                if (blank_cut(cx, to, &q) < 0 || read_range_into(cx, from, q, &raw, &rawcap) < 0) {
                    rc = -1;
                    break;
                }
                to = q;
                n = to - from;
            }
        }
        if (text_into(cx, raw, n, from, &t, &other) < 0) {
            rc = -2;
            break;
        }
        rep = belopp_match_report_piece(cx->x->m, t, &figures);
        from += n;
    }
    free(raw);
    belopp_text_free(t);
    belopp_text_free(other);
    return rc < 0 ? rc : rep != 0;
}

/* The first pass: sha256, size, encoding; and is it HTML after all?
 * Returns 0, 1 for HTML (read it whole), or -1 on a read error (errno). */
static int first_pass(chunked *cx, belopp_scan *sc, char hex[65])
{
    enum { STEP = 1 << 16 };
    unsigned char *b = malloc(STEP + 4);
    if (!b)
        return -1;
    struct sha256_ctx h;
    sha256_init(&h);
    belopp_scan_init(sc, cx->x->opt.encoding);
    size_t keep = 0, total = 0;
    int rc = 0;
    for (;;) {
        ssize_t r = pread(cx->fd, b + keep, STEP, (off_t)total);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            rc = -1;
            break;
        }
        if (total == 0 && belopp_is_html(NULL, b, (size_t)r)) {
            rc = 1;
            break;
        }
        if (total == 0 && (size_t)r < cx->size) { /* a first block of spaces only: read whole */
            size_t i = 0;
            while (i < (size_t)r && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n'))
                i++;
            if (i == (size_t)r) {
                rc = 1;
                break;
            }
        }
        sha256_update(&h, (size_t)r, b + keep);
        total += (size_t)r;
        size_t have = keep + (size_t)r;
        size_t took = belopp_scan_feed(sc, b, have, r == 0);
        keep = have - took;
        memmove(b, b + took, keep);
        if (r == 0)
            break;
    }
    free(b);
    if (rc != 0)
        return rc;
    if (total != cx->size) {
        errno = EIO; /* the file changed under us */
        return -1;
    }
    static const char digits[] = "0123456789abcdef";
    uint8_t d[SHA256_DIGEST_SIZE];
    sha256_digest(&h, sizeof d, d);
    for (size_t i = 0; i < sizeof d; i++) {
        hex[2 * i] = digits[d[i] >> 4];
        hex[2 * i + 1] = digits[d[i] & 15];
    }
    hex[64] = '\0';
    return 0;
}

/* ---- the chunk loop ------------------------------------------------------ */

/* Where a chunked extraction stands between two chunks: what runs on from
 * chunk to chunk. */
typedef struct {
    belopp_extractor *x;
    run *r;
    chunked *cx;
    belopp_recorder *rec;
    int report; /* the input is a report (report_ahead) */
    int money;  /* the input names a currency or has a table: 1 or 0; -1 still open */
    int oom;
    const char *why; /* a read error: the rest of the input is left out */
} chunk_state;

/* Settles whether the input is a text about money after chunk c: yes when
 * the chunk showed it (money_text); else, when it is still open and cl holds
 * candidates back on the question, by looking at the chunks after c.  Returns
 * 1 when out of memory (a read error goes to st->why). */
static int settle_money(chunk_state *st, const chunk *c, belopp_classifier *cl, int money_text)
{
    if (money_text) {
        st->money = 1;
        return 0;
    }
    if (st->money != -1 || !cl)
        return 0;
    int ahead = money_ahead(st->cx, c->at + c->len);
    if (ahead == -1)
        st->why = strerror(errno ? errno : EIO);
    else if (ahead == -2)
        return 1;
    else
        st->money = ahead;
    if (st->money == 1)
        belopp_classifier_set_money_text(cl);
    return 0;
}

/* Matches, classifies and hands on chunk c on the caller's thread.  On out
 * of memory st->oom is set; the chunk's own diagnostics are told and the
 * list emptied (it need not grow with the input). */
static void one_chunk(chunk_state *st, chunk *c)
{
    belopp_extractor *x = st->x;
    run *r = st->r;
    belopp_classifier *cl = belopp_classifier_new(c->t, c->g);
    if (!cl) {
        st->oom = 1; /* said by the caller */
        return;
    }
    if (st->money == 1)
        belopp_classifier_set_money_text(cl);
    belopp_recorder_chunk(st->rec, c->raw, c->len, c->at, c->t, c->g);
    belopp_match_set_report(x->m, st->report);
    belopp_match_pos pos = {0, 0, 1};
    belopp_candidate batch[BATCH];
    int more = 1, oom = 0;
    while (more && !oom && !r->failed) {
        size_t n = 0;
        while (n < BATCH && (more = belopp_match_next(x->m, c->t, c->g, &pos, &batch[n], r->d) > 0))
            n++;
        for (size_t i = 0; i < n && !oom; i++)
            oom = belopp_classifier_add(cl, &batch[i], r->d) < 0;
        oom = oom || hand_on(r, st->rec, cl) < 0;
        tell(r);
    }
    if (!oom && !r->failed)
        oom = settle_money(st, c, belopp_classifier_money_open(cl) ? cl : NULL,
                           belopp_classifier_money_text(cl));
    else if (belopp_classifier_money_text(cl))
        st->money = 1;
    oom = oom || belopp_classifier_finish(cl, r->d) < 0;
    oom = oom || hand_on(r, st->rec, cl) < 0;
    if (oom)
        belopp_diags_add(r->d, BELOPP_ERROR, BELOPP_DIAG_NOMEM, belopp_text_src_start(c->t, pos.off),
                         "out of memory; the rest of the file left out");
    tell(r);
    belopp_diags_clear(r->d);
    r->told = 0;
    belopp_recorder_chunk_done(st->rec);
    belopp_classifier_free(cl);
    st->oom = st->oom || oom;
}

/* The chunk at input offset from, cut and done on the caller's thread.
 * Returns the offset of the next. */
static size_t chunk_here(chunk_state *st, size_t from)
{
    chunk c;
    int rc = next_chunk(st->cx, from, &c);
    if (rc < 0) {
        if (rc == -1)
            st->why = strerror(errno ? errno : EIO);
        else
            st->oom = 1;
        return from;
    }
    one_chunk(st, &c);
    size_t next = c.at + c.len;
    chunk_done(st->cx, &c);
    return next;
}

/* ---- large inputs on several threads --------------------------------------
 *
 * With threads (belopp_extractor_set_threads), helper threads work on the
 * chunks of one large input at once.  Design note: what a chunk needs of
 * the chunks before it, and how each need is met.
 * - The cut: a chunk begins where the one before it ends.  Finding a cut
 *   looks only at the bytes around it (blank_cut, safe_cut: cheap), so the
 *   caller's thread cuts a few chunks ahead and queues them.  A helper reads,
 *   decodes and segments its chunk (the costly part), and when the chunk's
 *   last table ends too near its end, cuts it later itself (chunk_from), as
 *   one thread does; the chunks queued after it then begin at the wrong
 *   place and are dropped and cut again.
 * - Matching: whether the input is a report is settled for the whole input
 *   before the first chunk (report_ahead); the rest is the chunk's own.
 * - Classifying: the chunk's own, but for one bit: did an earlier chunk name
 *   a currency or have a table (then a bare "2 miljoner" is money at once)?
 *   A helper takes it as yes for every chunk but the first, unless the
 *   caller already knows the answer is no.  The bit cannot change anything
 *   when the chunk has a table, or when its first candidate names a currency
 *   or it has none (guess_free); else a wrong guess is seen when the chunk's
 *   turn comes, and the chunk is matched and classified again here (only an
 *   input that names no currency for more than a chunk pays for it).  A
 *   chunk that still holds candidates back with the question open is
 *   finished here, where the chunks after it can be looked at (money_ahead).
 * - Records and the sink: lines, columns, headings, the facts that repeats
 *   look back at, and the counts run on from chunk to chunk.  The caller's
 *   thread takes the chunks in order and makes the records, replaying what
 *   the helper found batch by batch (BATCH candidates): each batch's amounts,
 *   then its diagnostics, as one_chunk hands them on.  So the sink sees the
 *   same calls in the same order, on the caller's thread only.
 * - Memory: at most threads chunks are cut and not yet handed on (one
 *   more would keep the helpers busier while the caller's thread makes the
 *   records, but costs about 15 MB more on 2 threads; on 2 cores the caller's
 *   thread uses the core a waiting helper leaves).
 * - Errors: a helper that cannot read its chunk or runs out of memory hands
 *   it back; it is then done here as with one thread, which says what went
 *   wrong as one thread says it. */

typedef struct {
    size_t amounts, diags; /* after a batch (or the finish): how many of each so far */
    size_t off;            /* where matching stood */
} step;

enum { JOB_QUEUED, JOB_RUNNING, JOB_DONE };

/* One chunk given to a helper, and what it found. */
typedef struct job {
    struct job *next; /* in the queue */
    size_t from, q;   /* the chunk as first cut: [from, q) */
    int guess;        /* classified as if an earlier chunk had named a currency */
    int state;        /* JOB_*: under the pool's lock */
    int cancelled;    /* dropped while running: the helper frees it */
    int failed;       /* the helper could not do it: done again on the caller's thread */
    chunk c;          /* the chunk as finally cut */
    belopp_diags *d;
    belopp_amount *am; /* amounts in text order (pointing into c) */
    size_t nam, capam;
    step *st;          /* one a batch, then one for the finish (unless cl) */
    size_t nst, capst;
    belopp_classifier *cl; /* held-back candidates, the question open: finished by the caller */
    int money_text;        /* the classifier's after the last candidate */
    int first_money;       /* the chunk's first candidate names a currency: 1, 0; -1 none */
} job;

static void job_free(const chunked *cx, job *j)
{
    if (!j)
        return;
    chunk_done(cx, &j->c);
    belopp_diags_free(j->d);
    belopp_classifier_free(j->cl);
    free(j->am);
    free(j->st);
    free(j);
}

typedef struct {
    const chunked *cx;
    belopp_extractor *x;
    int report;
    pthread_mutex_t mu;
    pthread_cond_t work; /* a job queued, or stop */
    pthread_cond_t done; /* a job done */
    job *head, *tail;    /* queued, not yet taken */
    int stop;
} pool;

typedef struct {
    pool *p;
    size_t i; /* its matcher: x->wm[i] */
} helper;

/* Takes the amounts cl has decided into j and notes the step.  Returns 0,
 * or -1 when out of memory. */
static int take_step(job *j, belopp_classifier *cl, size_t off)
{
    size_t n;
    const belopp_amount *a = belopp_classifier_take(cl, &n);
    void *p = j->am;
    if (n > 0) {
        if (belopp_grow(&p, &j->capam, j->nam + n, sizeof *j->am) < 0)
            return -1;
        j->am = p;
        memcpy(j->am + j->nam, a, n * sizeof *a);
        j->nam += n;
    }
    p = j->st;
    if (belopp_grow(&p, &j->capst, j->nst + 1, sizeof *j->st) < 0)
        return -1;
    j->st = p;
    j->st[j->nst++] = (step){j->nam, belopp_diags_count(j->d), off};
    return 0;
}

/* A helper's work on j: the chunk cut, read, decoded, segmented, matched
 * and classified as one_chunk does it, with m. */
static void work(const pool *p, belopp_matcher *m, job *j)
{
    if (!(j->d = belopp_diags_new()) || chunk_from(p->cx, j->from, j->q, &j->c) < 0) {
        j->failed = 1;
        return;
    }
    belopp_classifier *cl = belopp_classifier_new(j->c.t, j->c.g);
    if (!cl) {
        j->failed = 1;
        return;
    }
    if (j->guess)
        belopp_classifier_set_money_text(cl);
    belopp_match_pos pos = {0, 0, 1};
    belopp_candidate batch[BATCH];
    int more = 1;
    j->first_money = -1;
    while (more) {
        size_t n = 0;
        while (n < BATCH && (more = belopp_match_next(m, j->c.t, j->c.g, &pos, &batch[n], j->d) > 0))
            n++;
        if (n > 0 && j->first_money < 0)
            j->first_money = batch[0].currency.start != batch[0].currency.end ||
                             batch[0].prefix_currency.start != batch[0].prefix_currency.end;
        for (size_t i = 0; i < n; i++)
            if (belopp_classifier_add(cl, &batch[i], j->d) < 0)
                goto fail;
        if (take_step(j, cl, pos.off) < 0)
            goto fail;
    }
    j->money_text = belopp_classifier_money_text(cl);
    if (belopp_classifier_money_open(cl)) {
        j->cl = cl;
        return;
    }
    if (belopp_classifier_finish(cl, j->d) < 0 || take_step(j, cl, pos.off) < 0)
        goto fail;
    belopp_classifier_free(cl);
    return;
fail:
    belopp_classifier_free(cl);
    j->failed = 1;
}

static void *helper_main(void *arg)
{
    helper *h = arg;
    pool *p = h->p;
    /* a matcher of its own (its match data and caches), made once per
     * extractor and kept: made here, the helpers compile it at once */
    belopp_matcher **m = &p->x->wm[h->i];
    if (!*m) {
        char err[8];
        *m = belopp_matcher_new(err, sizeof err);
    }
    if (*m)
        belopp_match_set_report(*m, p->report);
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (!p->head && !p->stop)
            pthread_cond_wait(&p->work, &p->mu);
        if (!p->head)
            break;
        job *j = p->head;
        p->head = j->next;
        if (!p->head)
            p->tail = NULL;
        j->state = JOB_RUNNING;
        pthread_mutex_unlock(&p->mu);
        if (*m)
            work(p, *m, j);
        else
            j->failed = 1;
        pthread_mutex_lock(&p->mu);
        j->state = JOB_DONE;
        if (j->cancelled) {
            pthread_mutex_unlock(&p->mu);
            job_free(p->cx, j);
            pthread_mutex_lock(&p->mu);
        } else {
            pthread_cond_broadcast(&p->done);
        }
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

/* Drops the jobs fl[k, *n) (under no lock): queued ones are taken off the
 * queue, running ones left for their helper to free. */
static void drop_jobs(pool *p, job **fl, size_t k, size_t *n)
{
    pthread_mutex_lock(&p->mu);
    for (size_t i = k; i < *n; i++) {
        job *j = fl[i];
        if (j->state == JOB_QUEUED) {
            job **pp = &p->head;
            job *prev = NULL;
            while (*pp != j) {
                prev = *pp;
                pp = &(*pp)->next;
            }
            *pp = j->next;
            if (p->tail == j)
                p->tail = prev;
            job_free(p->cx, j);
        } else if (j->state == JOB_RUNNING) {
            j->cancelled = 1;
        } else {
            job_free(p->cx, j);
        }
    }
    *n = k;
    pthread_mutex_unlock(&p->mu);
}

/* Does the guess about the chunks before it leave j's classification as
 * it would be otherwise?  (See the design note.) */
static int guess_free(const job *j)
{
    return belopp_segments_ntables(j->c.g) > 0 ||
           (belopp_segments_nrows(j->c.g) == 0 && j->first_money != 0);
}

/* Hands on what a helper found in job j, in chunk order, as one_chunk would
 * have (or has one_chunk do the chunk again when the guess was wrong). */
static void replay(chunk_state *st, job *j)
{
    run *r = st->r;
    chunk *c = &j->c;
    int known = st->money == 1;
    int money_text = j->money_text;
    if (known != j->guess) {
        if (!guess_free(j)) {
            one_chunk(st, c);
            return;
        }
        money_text = known || belopp_segments_ntables(c->g) > 0 || j->first_money == 1;
    }
    belopp_recorder_chunk(st->rec, c->raw, c->len, c->at, c->t, c->g);
    belopp_diags *own = r->d;
    r->d = j->d;
    r->told = 0;
    size_t batches = j->cl ? j->nst : j->nst - 1, a = 0, off = 0;
    int oom = 0;
    for (size_t s = 0; s < batches && !oom && !r->failed; s++) {
        oom = hand_list(r, st->rec, j->am + a, j->st[s].amounts - a) < 0;
        a = j->st[s].amounts;
        off = j->st[s].off;
        tell_upto(r, j->st[s].diags);
        if (oom) /* what the helper found after this batch one thread never looks at */
            r->told = belopp_diags_count(r->d);
    }
    if (!oom && !r->failed)
        oom = settle_money(st, c, j->cl, money_text);
    else if (money_text)
        st->money = 1;
    if (j->cl) {
        oom = oom || belopp_classifier_finish(j->cl, r->d) < 0;
        oom = oom || hand_on(r, st->rec, j->cl) < 0;
    } else if (!oom) {
        oom = hand_list(r, st->rec, j->am + a, j->nam - a) < 0;
        off = j->st[j->nst - 1].off;
        tell_upto(r, j->st[j->nst - 1].diags);
    }
    if (oom)
        belopp_diags_add(r->d, BELOPP_ERROR, BELOPP_DIAG_NOMEM, belopp_text_src_start(c->t, off),
                         "out of memory; the rest of the file left out");
    tell(r);
    r->d = own;
    r->told = 0;
    belopp_recorder_chunk_done(st->rec);
    st->oom = st->oom || oom;
}

/* The chunk loop on x->threads helper threads (see the design note). */
static void chunks_on_threads(chunk_state *st)
{
    belopp_extractor *x = st->x;
    run *r = st->r;
    size_t size = st->cx->size, nthreads = (size_t)x->threads;
    if (nthreads > MAX_HELPERS)
        nthreads = MAX_HELPERS;
    pool p = {.cx = st->cx, .x = x, .report = st->report};
    helper *hs = NULL;
    pthread_t *th = NULL;
    size_t started = 0, limit = nthreads, n = 0;
    job **fl = NULL; /* in flight, in input order: fl[0] is the next to hand on */
    if (x->nwm >= nthreads && (hs = calloc(nthreads, sizeof *hs)) &&
        (th = calloc(nthreads, sizeof *th)) && (fl = calloc(limit, sizeof *fl))) {
        pthread_mutex_init(&p.mu, NULL);
        pthread_cond_init(&p.work, NULL);
        pthread_cond_init(&p.done, NULL);
        for (; started < nthreads; started++) {
            hs[started] = (helper){&p, started};
            if (pthread_create(&th[started], NULL, helper_main, &hs[started]) != 0)
                break;
        }
    }
    /* the diagnostics so far are told: each chunk's own go through r->d */
    belopp_diags_clear(r->d);
    r->told = 0;
    belopp_match_set_report(x->m, st->report); /* for money_ahead */
    size_t from = 0, ahead = 0; /* ahead: where the next chunk to queue begins */
    int cut_failed = 0;
    while (from < size && !st->oom && !r->failed && !st->why) {
        /* queue chunks up to the limit */
        if (n == 0)
            ahead = from;
        while (started > 0 && !cut_failed && n < limit && ahead < size) {
            size_t q;
            job *j = calloc(1, sizeof *j);
            if (!j || cut_at(st->cx, ahead, chunk_target(st->cx, ahead), &q) < 0) {
                free(j);
                cut_failed = 1; /* said when its turn comes, by chunk_here */
                break;
            }
            j->from = ahead;
            j->q = q;
            j->guess = ahead > 0 && st->money != 0;
            pthread_mutex_lock(&p.mu);
            j->state = JOB_QUEUED;
            if (p.tail)
                p.tail->next = j;
            else
                p.head = j;
            p.tail = j;
            pthread_cond_signal(&p.work);
            pthread_mutex_unlock(&p.mu);
            fl[n++] = j;
            ahead = q;
        }
        if (n == 0) { /* no helper, or the cut failed: here, as one thread does */
            from = chunk_here(st, from);
            cut_failed = 0;
            continue;
        }
        job *j = fl[0];
        pthread_mutex_lock(&p.mu);
        while (j->state != JOB_DONE)
            pthread_cond_wait(&p.done, &p.mu);
        pthread_mutex_unlock(&p.mu);
        if (j->failed) {
            drop_jobs(&p, fl, 0, &n);
            from = chunk_here(st, from);
            continue;
        }
        size_t next = j->c.at + j->c.len;
        if (n > 1 && fl[1]->from != next)
            drop_jobs(&p, fl, 1, &n); /* cut later than queued: the rest cut again */
        replay(st, j);
        job_free(p.cx, j);
        memmove(fl, fl + 1, (n - 1) * sizeof *fl);
        n--;
        from = next;
    }
    if (started > 0) {
        drop_jobs(&p, fl, 0, &n);
        pthread_mutex_lock(&p.mu);
        p.stop = 1;
        pthread_cond_broadcast(&p.work);
        pthread_mutex_unlock(&p.mu);
        for (size_t i = 0; i < started; i++)
            pthread_join(th[i], NULL);
    }
    if (hs && th && fl) {
        pthread_cond_destroy(&p.done);
        pthread_cond_destroy(&p.work);
        pthread_mutex_destroy(&p.mu);
    }
    free(fl);
    free(th);
    free(hs);
}

/* Extracts the regular file open at fd (size bytes) a chunk at a time.
 * Returns the result, or 2 when the file is HTML after all (nothing told). */
static void free_spares(struct spares *sp)
{
    for (size_t i = 0; i < sp->n; i++)
        chunk_free(&sp->c[i]);
    sp->n = 0;
    pthread_mutex_destroy(&sp->mu);
}

static int run_chunked(belopp_extractor *x, run *r, int fd, size_t size)
{
    chunked cx = {.x = x, .fd = fd, .size = size, .enc = x->opt.encoding, .step = x->chunk_bytes};
    if (x->threads > 1 && !x->chunk_bytes_set) {
        cx.step = CHUNK_BYTES / 2 / (size_t)(x->threads < MAX_HELPERS ? x->threads : MAX_HELPERS);
        if (cx.step < MIN_THREAD_CHUNK_BYTES)
            cx.step = MIN_THREAD_CHUNK_BYTES;
    }
    belopp_scan sc;
    char hex[65];
    int fp = first_pass(&cx, &sc, hex);
    if (fp == 1)
        return 2;
    if (fp < 0) {
        belopp_diags_add(r->d, BELOPP_ERROR, BELOPP_DIAG_READ, BELOPP_NO_OFFSET, "cannot read: %s",
                         strerror(errno ? errno : EIO));
        tell(r);
        return r->failed ? BELOPP_RESULT_SINK_FAILED : BELOPP_RESULT_LEFT_OUT;
    }
    cx.enc = belopp_scan_finish(&sc, r->d);

    struct spares spares = {.n = 0};
    pthread_mutex_init(&spares.mu, NULL);
    cx.spares = &spares;
    chunk_state st = {.x = x, .r = r, .cx = &cx, .money = -1};
    int report = -2;
    if (!(cx.scratch = belopp_diags_new()) ||
        !(st.rec = belopp_recorder_new(r->source, NULL, 0, NULL, NULL)) ||
        (report = report_ahead(&cx)) < 0) {
        if (report == -1)
            belopp_diags_add(r->d, BELOPP_ERROR, BELOPP_DIAG_READ, BELOPP_NO_OFFSET,
                             "cannot read: %s", strerror(errno ? errno : EIO));
        else
            belopp_diags_add(r->d, BELOPP_ERROR, BELOPP_DIAG_NOMEM, BELOPP_NO_OFFSET,
                             "out of memory; file left out");
        tell(r);
        belopp_recorder_free(st.rec);
        belopp_diags_free(cx.scratch);
        free_spares(&spares);
        return r->failed ? BELOPP_RESULT_SINK_FAILED : BELOPP_RESULT_LEFT_OUT;
    }
    st.report = report;
    belopp_recorder_set_input(st.rec, hex, size);
    tell(r);
    belopp_doc *doc = belopp_recorder_doc(st.rec);
    doc->format = "text";
    if (!r->failed && r->sink->begin && r->sink->begin(r->sink->user, doc) != 0)
        r->failed = 1;

    if (x->threads > 1)
        chunks_on_threads(&st);
    else
        for (size_t from = 0; from < size && !st.oom && !r->failed && !st.why;)
            from = chunk_here(&st, from);
    if (st.oom)
        belopp_diags_add(r->d, BELOPP_ERROR, BELOPP_DIAG_NOMEM, BELOPP_NO_OFFSET,
                         "out of memory; the rest of the file left out");
    if (st.why)
        belopp_diags_add(r->d, BELOPP_ERROR, BELOPP_DIAG_READ, BELOPP_NO_OFFSET,
                         "cannot read: %s; the rest of the file left out", st.why);
    tell(r);
    doc->warnings = r->warnings;
    doc->errors = r->errors;
    if (!r->failed && r->sink->end && r->sink->end(r->sink->user, doc) != 0)
        r->failed = 1;
    belopp_recorder_free(st.rec);
    belopp_diags_free(cx.scratch);
    free_spares(&spares);
    if (r->failed)
        return BELOPP_RESULT_SINK_FAILED;
    return r->errors > 0 ? BELOPP_RESULT_LEFT_OUT : BELOPP_RESULT_OK;
}

/* Reads the regular file open at fd whole (size bytes by fstat; it may
 * have grown or shrunk since).  Returns 0, or -1 (errno set). */
static int read_whole(int fd, size_t size, unsigned char **out, size_t *outlen)
{
    size_t cap = size + 1, n = 0;
    unsigned char *b = malloc(cap);
    if (!b)
        return -1;
    for (;;) {
        if (n == cap) {
            void *p = b;
            if (belopp_grow(&p, &cap, n + 1, 1) < 0) {
                free(b);
                errno = ENOMEM;
                return -1;
            }
            b = p;
        }
        ssize_t r = read(fd, b + n, cap - n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            free(b);
            return -1;
        }
        if (r == 0)
            break;
        n += (size_t)r;
    }
    *out = b;
    *outlen = n;
    return 0;
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
    /* a regular file: a plain-text one larger than a chunk a chunk at a
     * time, else whole from the descriptor already open */
    int fd = strcmp(path, "-") != 0 ? open(path, O_RDONLY) : -1;
    if (fd >= 0) {
        struct stat st;
        int rc = 2;
        if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (uint64_t)st.st_size < SIZE_MAX) {
            if ((size_t)st.st_size > x->chunk_bytes && !belopp_is_html(path, NULL, 0))
                rc = run_chunked(x, &r, fd, (size_t)st.st_size);
            if (rc == 2 && read_whole(fd, (size_t)st.st_size, &raw, &len) == 0) {
                close(fd);
                belopp_diags_clear(x->d);
                belopp_result res = run_stages(x, &r, raw, len);
                free(raw);
                return res;
            }
        }
        close(fd);
        if (rc != 2)
            return (belopp_result)rc;
        belopp_diags_clear(x->d);
    }
    if (belopp_read_file(path, &raw, &len, x->d) < 0) {
        tell(&r);
        return r.failed ? BELOPP_RESULT_SINK_FAILED : BELOPP_RESULT_LEFT_OUT;
    }
    belopp_result rc = run_stages(x, &r, raw, len);
    free(raw);
    return rc;
}
