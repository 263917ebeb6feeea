/* pair.c — which figure of NEW is which figure of OLD (see diff.h).
 *
 * Only facts pair: a record that repeats an earlier one (has_repeats) rides
 * along with its fact and lends it the words of its sentence, and a figure
 * in parentheses right after another one ("550 miljoner kronor (500)") is
 * the prior year's value of that one, not an item of its own.
 *
 * Table cells pair by what they are: tables by their row labels and
 * caption; rows by label key (labels.h), renamed rows by a small similarity
 * over what is left; columns by key (a year relative to the document's own
 * year, or the title), a lone leftover column with the lone leftover one.
 *
 * Prose pairs by the words around the figure: a bag of stems weighted by
 * where they stand (the words after the figure up to the next figure say
 * what it is for, the words before the first figure of a sentence say who
 * gets it, the rest of the sentence less, the section heading a little) and
 * by rarity (idf), compared by cosine.  Two figures are a candidate pair
 * only when their words agree (cosine >= PROSE_MIN_COS): an equal value
 * never makes a pair by itself, it only ranks candidates (with the
 * position in the text).  The candidates of the whole side are assigned one
 * to one for the best total (assign.h).
 *
 * Cost: building bags is linear in the text; candidates come from an
 * inverted index over the terms that occur in at most POSTING_CAP facts,
 * so the work is about facts × terms × POSTING_CAP, never facts². */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assign.h"
#include "diff.h"
#include "labels.h"
#include "words.h"

#define PROSE_MIN_COS 0.25
#define PRIOR_COS 0.80
#define PAIR_MIN 0.40 /* the least score of a pair */
#define TOTAL_COS 0.50
#define POSTING_CAP 400
#define TOP_K 12
#define TABLE_MIN 300     /* per mille */
#define ROW_FUZZY_MIN 750 /* per mille */
#define FUZZY_MAX_WORK 4000000u

const char *diff_status_name(diff_status s)
{
    switch (s) {
    case DIFF_SAME: return "same";
    case DIFF_CHANGED: return "changed";
    case DIFF_ADDED: return "added";
    case DIFF_REMOVED: return "removed";
    }
    return "?";
}

/* ------------------------------------------------------------------------ */
/* Per side: facts, spans in the sentence, sections                         */

typedef struct {
    long at, end; /* the figure's bytes in its context, or -1 */
    long lo, hi;  /* from the end of the figure before to the start of the one after */
    int first;    /* first figure of its sentence */
} span;

typedef struct {
    const diff_side *s;
    size_t *fact_of;   /* record → its fact's record index; SIZE_MAX: none (prior-year) */
    span *sp;
    const char **section; /* record → the heading above it (or its own), or NULL */
    const char **prev_ctx; /* record → the sentence of the figure before, or NULL */
    size_t *prior;     /* fact record → its prior-year figure's record, or SIZE_MAX */
    size_t *prose, np; /* prose and heading facts */
    size_t *cells, nc; /* cell facts */
} view;

static int is_prose(const belopp_record *r)
{
    return r->kind != BELOPP_KIND_CELL;
}

static int same_ctx(const belopp_record *a, const belopp_record *b)
{
    return is_prose(a) && is_prose(b) && a->context && b->context && strcmp(a->context, b->context) == 0;
}

static void view_free(view *v)
{
    free(v->fact_of);
    free(v->sp);
    free(v->section);
    free(v->prev_ctx);
    free(v->prior);
    free(v->prose);
    free(v->cells);
}

static int view_make(const diff_side *s, view *v)
{
    memset(v, 0, sizeof *v);
    v->s = s;
    size_t n = s->n ? s->n : 1;
    v->fact_of = malloc(n * sizeof *v->fact_of);
    v->sp = malloc(n * sizeof *v->sp);
    v->section = malloc(n * sizeof *v->section);
    v->prev_ctx = malloc(n * sizeof *v->prev_ctx);
    v->prior = malloc(n * sizeof *v->prior);
    v->prose = malloc(n * sizeof *v->prose);
    v->cells = malloc(n * sizeof *v->cells);
    if (!v->fact_of || !v->sp || !v->section || !v->prev_ctx || !v->prior || !v->prose || !v->cells)
        return -1;
    for (size_t d = 0; d < s->ndocs; d++) {
        size_t a = s->docs[d].first, b = a + s->docs[d].count;
        const char *heading = NULL, *cur_ctx = NULL, *prev = NULL;
        for (size_t i = a; i < b; i++) {
            const belopp_record *r = s->recs[i];
            v->sp[i] = (span){-1, -1, -1, -1, 1};
            if (r->kind == BELOPP_KIND_HEADING)
                heading = r->context;
            /* a heading is its own section; else the heading line above the
             * record (the library's), else the last heading record */
            v->section[i] = r->kind == BELOPP_KIND_HEADING ? r->context
                            : r->heading                  ? r->heading
                                                          : heading;
            if (is_prose(r) && r->context && (!cur_ctx || strcmp(cur_ctx, r->context) != 0)) {
                prev = cur_ctx;
                cur_ctx = r->context;
            }
            v->prev_ctx[i] = is_prose(r) ? prev : NULL;
        }
        /* spans: the figures of one sentence, located in order */
        for (size_t i = a; i < b;) {
            size_t j = i + 1;
            if (!is_prose(s->recs[i]) || !s->recs[i]->context) {
                i = j;
                continue;
            }
            while (j < b && same_ctx(s->recs[i], s->recs[j]))
                j++;
            const char *ctx = s->recs[i]->context;
            long len = (long)strlen(ctx), from = 0;
            for (size_t k = i; k < j; k++) {
                const char *t = s->recs[k]->text;
                const char *hit = t && *t ? strstr(ctx + from, t) : NULL;
                if (hit) {
                    v->sp[k].at = (long)(hit - ctx);
                    v->sp[k].end = v->sp[k].at + (long)strlen(t);
                    from = v->sp[k].end;
                }
            }
            long prev_end = 0;
            int first = 1;
            for (size_t k = i; k < j; k++) {
                if (v->sp[k].at < 0)
                    continue;
                v->sp[k].lo = prev_end;
                v->sp[k].first = first;
                first = 0;
                prev_end = v->sp[k].end;
                v->sp[k].hi = len;
                for (size_t m = k + 1; m < j; m++)
                    if (v->sp[m].at >= 0) {
                        v->sp[k].hi = v->sp[m].at;
                        break;
                    }
            }
            i = j;
        }
        /* facts */
        for (size_t i = a; i < b; i++) {
            const belopp_record *r = s->recs[i];
            v->fact_of[i] = i;
            v->prior[i] = SIZE_MAX;
            if (r->has_repeats) {
                size_t lo = a, hi = i; /* records are in text order: binary search on start */
                while (lo < hi) {
                    size_t mid = lo + (hi - lo) / 2;
                    if (s->recs[mid]->start < r->repeats)
                        lo = mid + 1;
                    else
                        hi = mid;
                }
                if (lo < i && s->recs[lo]->start == r->repeats)
                    v->fact_of[i] = v->fact_of[lo];
            }
            /* "(500 miljoner kronor)" right after another figure of the sentence */
            const span *p = &v->sp[i];
            if (v->fact_of[i] == i && is_prose(r) && p->at > 0 && !p->first) {
                long q = p->at - 1;
                while (q > p->lo && r->context[q] == ' ')
                    q--;
                if (r->context[q] == '(' && i > a && v->sp[i - 1].at >= 0 && same_ctx(s->recs[i - 1], r) &&
                    v->fact_of[i - 1] != SIZE_MAX) {
                    v->fact_of[i] = SIZE_MAX;
                    v->prior[v->fact_of[i - 1]] = i;
                }
            }
        }
    }
    for (size_t i = 0; i < s->n; i++) {
        if (v->fact_of[i] != i)
            continue;
        if (is_prose(s->recs[i]))
            v->prose[v->np++] = i;
        else
            v->cells[v->nc++] = i;
    }
    return 0;
}

/* ------------------------------------------------------------------------ */
/* Lines                                                                    */

static int push_line(diff_result *res, diff_line l)
{
    if (res->n == res->cap) {
        size_t nc = res->cap ? res->cap * 2 : 64;
        diff_line *nl = realloc(res->lines, nc * sizeof *nl);
        if (!nl)
            return -1;
        res->lines = nl;
        res->cap = nc;
    }
    res->lines[res->n++] = l;
    return 0;
}

void diff_result_clear(diff_result *res)
{
    for (size_t i = 0; i < res->n; i++) {
        free(res->lines[i].what);
        free(res->lines[i].group);
    }
    free(res->lines);
    memset(res, 0, sizeof *res);
}

static int equal_value(const belopp_record *a, const belopp_record *b)
{
    return strcmp(a->currency, b->currency) == 0 && a->is_range == b->is_range &&
           a->value == b->value && a->value_high == b->value_high;
}

/* A short copy of s[0..n) with white space collapsed. */
static char *clip(const char *s, size_t n)
{
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--; /* never cut a character in two */
    char *o = malloc(n + 1), *w = o;
    if (!o)
        return NULL;
    int space = 1;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            if (!space)
                *w++ = ' ';
            space = 1;
        } else {
            *w++ = c;
            space = 0;
        }
    }
    while (w > o && (w[-1] == ' ' || w[-1] == ',' || w[-1] == '.' || w[-1] == ':' || w[-1] == ';'))
        w--;
    *w = 0;
    return o;
}

/* The byte where the n-th word from the end of s[lo..at) starts. */
static long words_back(const char *s, long lo, long at, int n)
{
    long p = at;
    while (p > lo && s[p - 1] == ' ')
        p--;
    for (int k = 0; k < n && p > lo; k++) {
        while (p > lo && s[p - 1] != ' ')
            p--;
        if (k + 1 < n)
            while (p > lo && s[p - 1] == ' ')
                p--;
    }
    return p;
}

/* The end of the first n words of s[at..hi), stopping at , ; . : ( */
static long words_fwd(const char *s, long at, long hi, int n)
{
    long p = at;
    while (p < hi && s[p] == ' ')
        p++;
    for (int k = 0; k < n && p < hi; k++) {
        while (p < hi && s[p] != ' ') {
            if (s[p] == ',' || s[p] == ';' || s[p] == '(' || s[p] == ':' ||
                (s[p] == '.' && (p + 1 == hi || s[p + 1] == ' ')))
                return p;
            p++;
        }
        if (k + 1 < n)
            while (p < hi && s[p] == ' ')
                p++;
    }
    return p;
}

/* What a prose figure is: "… till regionerna", "Förlossningsvården får …". */
static char *prose_what(const view *v, size_t i)
{
    const belopp_record *r = v->s->recs[i];
    const span *p = &v->sp[i];
    if (!r->context)
        return strdup(r->text ? r->text : "");
    if (p->at < 0)
        return clip(r->context, strlen(r->context) < 70 ? strlen(r->context) : 70);
    const char *c = r->context;
    long b0 = p->first ? words_back(c, p->lo, p->at, 4) : p->at;
    long a1 = words_fwd(c, p->end, p->hi, 7);
    char *before = clip(c + b0, (size_t)(p->at - b0));
    char *after = clip(c + p->end, (size_t)(a1 - p->end));
    char *o = NULL;
    if (before && after) {
        o = malloc(strlen(before) + strlen(after) + 8);
        if (o) {
            const char *ab = after[0] == ' ' ? after + 1 : after;
            const char *bb = before[0] == ' ' ? before + 1 : before;
            sprintf(o, "%s%s…%s%s", bb, *bb ? " " : "", *ab ? " " : "", ab);
        }
    }
    free(before);
    free(after);
    return o;
}

static char *join3(const char *a, const char *b, const char *c)
{
    size_t n = strlen(a) + strlen(b) + strlen(c) + 1;
    char *o = malloc(n);
    if (o)
        snprintf(o, n, "%s%s%s", a, b, c);
    return o;
}

static char *prose_group(const view *v, size_t i)
{
    const char *c = v->section[i];
    if (!c)
        return strdup("text");
    char *t = clip(c, strlen(c) > 70 ? 70 : strlen(c));
    char *o = t ? join3("section: ", t, "") : NULL;
    free(t);
    return o;
}

/* ------------------------------------------------------------------------ */
/* Prose                                                                    */

/* Does a sentence start by pointing at the one before ("Av dessa medel
 * avsätts …", "Därav …", "Varav …")?  Then that sentence says what its
 * figures are part of. */
static int refers_back(const char *c)
{
    static const char *const starts[] = {"Av dessa ", "Av dem ", "Av detta ", "Av de ", "Av summan ",
                                         "Av beloppet ", "Av pengarna ", "Av medlen ", "Därav ",
                                         "Varav ", "Därutöver ", "Dessutom "};
    for (size_t k = 0; k < sizeof starts / sizeof starts[0]; k++)
        if (strncmp(c, starts[k], strlen(starts[k])) == 0)
            return 1;
    return 0;
}

static int add_spans(diff_vocab *voc, diff_bag *bag, const view *v, size_t i, double f, int heading)
{
    const belopp_record *r = v->s->recs[i];
    const span *p = &v->sp[i];
    int rc = 0;
    if (r->context) {
        const char *c = r->context;
        long len = (long)strlen(c);
        if (p->at < 0) {
            rc |= diff_bag_add_text(voc, bag, c, (size_t)len, 0.7 * f);
        } else {
            rc |= diff_bag_add_near(voc, bag, c + p->end, (size_t)(p->hi - p->end), 1.0 * f, 1);
            rc |= diff_bag_add_near(voc, bag, c + p->lo, (size_t)(p->at - p->lo),
                                    (p->first ? 1.0 : 0.5) * f, -1);
            rc |= diff_bag_add_text(voc, bag, c, (size_t)p->lo, 0.25 * f);
            rc |= diff_bag_add_text(voc, bag, c + p->hi, (size_t)(len - p->hi), 0.25 * f);
        }
    }
    const char *h = heading ? v->section[i] : NULL;
    if (h && !(r->context && strcmp(h, r->context) == 0))
        rc |= diff_bag_add_text(voc, bag, h, strlen(h), 0.7 * f);
    const char *pc = v->prev_ctx[i];
    if (pc && r->context && refers_back(r->context))
        rc |= diff_bag_add_text(voc, bag, pc, strlen(pc), 0.3 * f);
    return rc ? -1 : 0;
}

/* The mentions of the prose facts of a view: each record of a fact (the
 * first mention and its repeats), in text order, with its fact's index in
 * v->prose.  A fact pairs by its best-matching mention: the heading
 * "200 miljoner till E-hälsa" and the sentence that repeats it are two ways
 * to recognise one figure, and mixing their words would blur both. */
typedef struct {
    size_t *rec, *fact;
    size_t n;
    size_t *first, *by_fact; /* CSR: mentions of fact k are by_fact[first[k] .. first[k+1]) */
} mentions;

static void mentions_free(mentions *m)
{
    free(m->rec);
    free(m->fact);
    free(m->first);
    free(m->by_fact);
}

static int make_mentions(const view *v, mentions *m)
{
    memset(m, 0, sizeof *m);
    size_t n = v->s->n ? v->s->n : 1;
    size_t *slot = malloc(n * sizeof *slot);
    m->rec = malloc(n * sizeof *m->rec);
    m->fact = malloc(n * sizeof *m->fact);
    m->first = calloc(v->np + 1, sizeof *m->first);
    m->by_fact = malloc(n * sizeof *m->by_fact);
    if (!slot || !m->rec || !m->fact || !m->first || !m->by_fact) {
        free(slot);
        return -1;
    }
    for (size_t k = 0; k < v->np; k++)
        slot[v->prose[k]] = k;
    for (size_t i = 0; i < v->s->n; i++) {
        size_t f = v->fact_of[i];
        if (f == SIZE_MAX || !is_prose(v->s->recs[f]) || !is_prose(v->s->recs[i]))
            continue;
        m->rec[m->n] = i;
        m->fact[m->n] = slot[f];
        m->first[slot[f] + 1]++;
        m->n++;
    }
    for (size_t k = 0; k < v->np; k++)
        m->first[k + 1] += m->first[k];
    size_t *fill = slot; /* reused */
    memcpy(fill, m->first, v->np * sizeof *fill);
    for (size_t x = 0; x < m->n; x++)
        m->by_fact[fill[m->fact[x]]++] = x;
    free(slot);
    return 0;
}

static double value_sim(const belopp_record *a, const belopp_record *b)
{
    if (equal_value(a, b))
        return 1.0;
    double x = fabs((double)a->value + (double)a->value_high),
           y = fabs((double)b->value + (double)b->value_high);
    if (x == 0 || y == 0)
        return 0;
    return x < y ? x / y : y / x;
}

typedef struct {
    int64_t *match; /* old prose index → new prose index, or -1 */
    int *score;     /* per mille */
} prose_result;

typedef struct {
    int64_t v;
    size_t b;
} prior_val;

/* The prose index of the text's sum, or SIZE_MAX. */
static size_t total_fact(const view *v)
{
    if (v->s->ndocs != 1 || v->np < 3)
        return SIZE_MAX;
    size_t best = 0;
    int unique = 1;
    for (size_t k = 1; k < v->np; k++) {
        int64_t x = v->s->recs[v->prose[k]]->value_high, y = v->s->recs[v->prose[best]]->value_high;
        if (x > y) {
            best = k;
            unique = 1;
        } else if (x == y) {
            unique = 0;
        }
    }
    return unique ? best : SIZE_MAX;
}

static int prior_cmp(const void *x, const void *y)
{
    const prior_val *a = x, *b = y;
    if (a->v != b->v)
        return a->v < b->v ? -1 : 1;
    return a->b < b->b ? -1 : a->b > b->b;
}

static int push_edge(diff_edge **edges, size_t *ne, size_t *cap, diff_edge e)
{
    if (*ne == *cap) {
        size_t nc = *cap ? *cap * 2 : 256;
        diff_edge *ns = realloc(*edges, nc * sizeof *ns);
        if (!ns)
            return -1;
        *edges = ns;
        *cap = nc;
    }
    (*edges)[(*ne)++] = e;
    return 0;
}

static int pair_prose(const view *vo, const view *vn, prose_result *out)
{
    int rc = -1;
    size_t no = vo->np, nn = vn->np;
    mentions mo = {0}, mn = {0};
    diff_vocab *voc = diff_vocab_new();
    diff_bag *bo = NULL, *bn = NULL, *lo_o = NULL, *lo_n = NULL; /* lo_: without the heading */
    double *norm_o = NULL, *norm_n = NULL, *acc = NULL, *best = NULL;
    size_t *post_start = NULL, *post = NULL;
    uint32_t *touched = NULL, *touched_f = NULL;
    prior_val *prior_vals = NULL;
    diff_edge *edges = NULL;
    size_t ne = 0, ecap = 0;
    out->match = malloc((no ? no : 1) * sizeof *out->match);
    out->score = calloc(no ? no : 1, sizeof *out->score);
    if (!out->match || !out->score || !voc)
        goto done;
    for (size_t k = 0; k < no; k++)
        out->match[k] = -1;
    if (no == 0 || nn == 0) {
        rc = 0;
        goto done;
    }
    if (make_mentions(vo, &mo) < 0 || make_mentions(vn, &mn) < 0)
        goto done;
    bo = calloc(mo.n ? mo.n : 1, sizeof *bo);
    bn = calloc(mn.n ? mn.n : 1, sizeof *bn);
    lo_o = calloc(mo.n ? mo.n : 1, sizeof *lo_o);
    lo_n = calloc(mn.n ? mn.n : 1, sizeof *lo_n);
    norm_o = malloc((mo.n ? mo.n : 1) * sizeof *norm_o);
    norm_n = malloc((mn.n ? mn.n : 1) * sizeof *norm_n);
    if (!bo || !bn || !lo_o || !lo_n || !norm_o || !norm_n)
        goto done;
    for (size_t x = 0; x < mo.n; x++) {
        if (add_spans(voc, &bo[x], vo, mo.rec[x], 1.0, 1) < 0 ||
            add_spans(voc, &lo_o[x], vo, mo.rec[x], 1.0, 0) < 0)
            goto done;
        diff_bag_finish(&bo[x]);
        diff_bag_finish(&lo_o[x]);
        diff_vocab_count(voc, &bo[x]);
    }
    for (size_t x = 0; x < mn.n; x++) {
        if (add_spans(voc, &bn[x], vn, mn.rec[x], 1.0, 1) < 0 ||
            add_spans(voc, &lo_n[x], vn, mn.rec[x], 1.0, 0) < 0)
            goto done;
        diff_bag_finish(&bn[x]);
        diff_bag_finish(&lo_n[x]);
        diff_vocab_count(voc, &bn[x]);
    }
    for (size_t x = 0; x < mo.n; x++)
        norm_o[x] = diff_bag_weigh(voc, &bo[x], mo.n + mn.n);
    for (size_t x = 0; x < mn.n; x++)
        norm_n[x] = diff_bag_weigh(voc, &bn[x], mo.n + mn.n);
    /* inverted index of the new side: term → new mentions */
    uint32_t nterms = 0;
    size_t total = 0;
    for (size_t x = 0; x < mn.n; x++) {
        total += bn[x].n;
        if (bn[x].n && bn[x].t[bn[x].n - 1].id + 1 > nterms)
            nterms = bn[x].t[bn[x].n - 1].id + 1;
    }
    post_start = calloc((size_t)nterms + 1, sizeof *post_start);
    post = malloc((total ? total : 1) * sizeof *post);
    acc = calloc(mn.n ? mn.n : 1, sizeof *acc);
    touched = malloc((mn.n ? mn.n : 1) * sizeof *touched);
    best = malloc(nn * sizeof *best);
    touched_f = malloc(nn * sizeof *touched_f);
    prior_vals = malloc(nn * sizeof *prior_vals);
    if (!post_start || !post || !acc || !touched || !best || !touched_f || !prior_vals)
        goto done;
    for (size_t x = 0; x < mn.n; x++)
        for (size_t t = 0; t < bn[x].n; t++)
            post_start[bn[x].t[t].id + 1]++;
    for (uint32_t t = 0; t < nterms; t++)
        post_start[t + 1] += post_start[t];
    {
        size_t *fill = malloc(((size_t)nterms + 1) * sizeof *fill);
        if (!fill)
            goto done;
        memcpy(fill, post_start, ((size_t)nterms + 1) * sizeof *fill);
        for (size_t x = 0; x < mn.n; x++)
            for (size_t t = 0; t < bn[x].n; t++)
                post[fill[bn[x].t[t].id]++] = x;
        free(fill);
    }
    for (size_t b = 0; b < nn; b++)
        best[b] = -1;

    /* the prior-year values the new text gives, sorted */
    size_t nb_prior = 0;
    for (size_t b = 0; b < nn; b++)
        if (vn->prior[vn->prose[b]] != SIZE_MAX)
            prior_vals[nb_prior++] = (prior_val){vn->s->recs[vn->prior[vn->prose[b]]]->value, b};
    qsort(prior_vals, nb_prior, sizeof *prior_vals, prior_cmp);
    /* the sum of each text */
    size_t total_o = total_fact(vo), total_n = total_fact(vn);

    for (size_t a = 0; a < no; a++) {
        const belopp_record *ra = vo->s->recs[vo->prose[a]];
        size_t nf = 0;
        /* every mention of a against the new mentions sharing a rare term */
        for (size_t q0 = mo.first[a]; q0 < mo.first[a + 1]; q0++) {
            size_t x = mo.by_fact[q0], nt = 0;
            for (size_t t = 0; t < bo[x].n; t++) {
                uint32_t id = bo[x].t[t].id;
                if (id >= nterms || diff_vocab_df(voc, id) > POSTING_CAP)
                    continue;
                for (size_t q = post_start[id]; q < post_start[id + 1]; q++) {
                    size_t y = post[q];
                    if (acc[y] == 0)
                        touched[nt++] = (uint32_t)y;
                    acc[y] = 1;
                }
            }
            for (size_t q = 0; q < nt; q++) {
                size_t y = touched[q], b = mn.fact[y];
                acc[y] = 0;
                double cos = norm_o[x] > 0 && norm_n[y] > 0
                                 ? diff_bag_dot(&bo[x], &bn[y]) / (norm_o[x] * norm_n[y]) : 0;
                double sim = cos;
                /* a heading shared is no pair by itself: the figures' own
                 * sentences must share a word */
                if (diff_bag_dot(&lo_o[x], &lo_n[y]) <= 0)
                    sim = 0;
                if (best[b] < 0)
                    touched_f[nf++] = (uint32_t)b;
                if (sim > best[b])
                    best[b] = sim;
            }
        }
        /* a new figure whose prior-year value in parentheses is this one's */
        size_t lo = 0, hi = nb_prior;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (prior_vals[mid].v < ra->value)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (; lo < nb_prior && prior_vals[lo].v == ra->value; lo++) {
            size_t b = prior_vals[lo].b;
            if (!equal_value(vn->s->recs[vn->prior[vn->prose[b]]], ra))
                continue;
            if (best[b] < 0)
                touched_f[nf++] = (uint32_t)b;
            if (best[b] < PRIOR_COS)
                best[b] = PRIOR_COS; /* the new text says this was the old value */
        }
        if (a == total_o && total_n != SIZE_MAX) {
            if (best[total_n] < 0)
                touched_f[nf++] = (uint32_t)total_n;
            if (best[total_n] < TOTAL_COS)
                best[total_n] = TOTAL_COS; /* the sum of each text */
        }
        /* score the candidate facts; keep the best TOP_K */
        diff_edge top[TOP_K];
        size_t nb = 0;
        for (size_t q = 0; q < nf; q++) {
            size_t b = touched_f[q];
            double sim = best[b];
            best[b] = -1;
            const belopp_record *rb = vn->s->recs[vn->prose[b]];
            if (sim < PROSE_MIN_COS || strcmp(ra->currency, rb->currency) != 0)
                continue;
            if (sim > 1)
                sim = 1;
            /* the place in the text: a tie-breaker, neutral when a side has one figure */
            double pa = no > 1 ? (double)a / (double)(no - 1) : 0,
                   pb = nn > 1 ? (double)b / (double)(nn - 1) : 0;
            double place = no > 1 && nn > 1 ? 1 - fabs(pa - pb) : 0.5;
            double score = 0.75 * sim + 0.15 * value_sim(ra, rb) + 0.10 * place;
            /* weigh a pair by what it scores above the bar: maximising the
             * total of raw scores would favour many weak pairs over fewer
             * good ones */
            if (score <= PAIR_MIN)
                continue;
            diff_edge e = {(uint32_t)a, (uint32_t)b, (int64_t)llround((score - PAIR_MIN) * 1e6)};
            if (nb < TOP_K) {
                top[nb++] = e;
            } else {
                size_t worst = 0;
                for (size_t z = 1; z < nb; z++)
                    if (top[z].w < top[worst].w)
                        worst = z;
                if (e.w > top[worst].w)
                    top[worst] = e;
            }
        }
        for (size_t z = 0; z < nb; z++)
            if (push_edge(&edges, &ne, &ecap, top[z]) < 0)
                goto done;
    }
    if (diff_assign(edges, ne, no, nn, out->match) < 0)
        goto done;
    for (size_t k = 0; k < ne; k++)
        if (out->match[edges[k].a] == (int64_t)edges[k].b)
            out->score[edges[k].a] = (int)((edges[k].w + 500) / 1000) + (int)llround(PAIR_MIN * 1000);
    rc = 0;
done:
    for (size_t x = 0; bo && x < mo.n; x++)
        diff_bag_free(&bo[x]);
    for (size_t x = 0; bn && x < mn.n; x++)
        diff_bag_free(&bn[x]);
    for (size_t x = 0; lo_o && x < mo.n; x++)
        diff_bag_free(&lo_o[x]);
    for (size_t x = 0; lo_n && x < mn.n; x++)
        diff_bag_free(&lo_n[x]);
    free(lo_o), free(lo_n);
    free(bo), free(bn), free(norm_o), free(norm_n), free(acc), free(best);
    free(post_start), free(post), free(touched), free(touched_f), free(prior_vals), free(edges);
    mentions_free(&mo);
    mentions_free(&mn);
    diff_vocab_free(voc);
    return rc;
}

/* ------------------------------------------------------------------------ */
/* Tables                                                                   */

typedef struct {
    size_t first, count; /* into the view's cells[] */
    int doc_year;
    char **row_key;      /* per cell: its row's key */
    char **col_key;      /* per cell */
    char *caption_key;
    int year;            /* the year its year columns are read against */
} table;

static int caption_eq(const belopp_record *a, const belopp_record *b)
{
    if (!a->caption || !b->caption)
        return !a->caption && !b->caption;
    return strcmp(a->caption, b->caption) == 0;
}

static int is_total_key(const char *k)
{
    static const char *const w[] = {"totalt", "total", "summa", "riket", "hela riket", "sverige",
                                    "samtliga", "samtliga regioner", "alla regioner", "totalt riket",
                                    "summa totalt", "totalsumma"};
    for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
        if (strcmp(k, w[i]) == 0)
            return 1;
    return 0;
}

static void tables_free(table *t, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        for (size_t k = 0; k < t[i].count; k++) {
            if (t[i].row_key)
                free(t[i].row_key[k]);
            if (t[i].col_key)
                free(t[i].col_key[k]);
        }
        free(t[i].row_key);
        free(t[i].col_key);
        free(t[i].caption_key);
    }
    free(t);
}

static int make_tables(const view *v, table **out, size_t *nout)
{
    const diff_side *s = v->s;
    table *t = NULL;
    size_t nt = 0, cap = 0;
    for (size_t k = 0; k < v->nc;) {
        size_t j = k + 1;
        const belopp_record *r = s->recs[v->cells[k]];
        while (j < v->nc && s->doc_of[v->cells[j]] == s->doc_of[v->cells[k]] &&
               caption_eq(s->recs[v->cells[j]], r)) {
            /* a prose record between two cells ends the table */
            size_t between = v->cells[j - 1] + 1;
            int broken = 0;
            for (; between < v->cells[j]; between++)
                if (is_prose(s->recs[between]))
                    broken = 1;
            if (broken)
                break;
            j++;
        }
        if (nt == cap) {
            cap = cap ? cap * 2 : 8;
            table *nt2 = realloc(t, cap * sizeof *nt2);
            if (!nt2)
                goto fail;
            t = nt2;
        }
        table *tb = &t[nt++];
        memset(tb, 0, sizeof *tb);
        tb->first = k;
        tb->count = j - k;
        tb->doc_year = s->docs[s->doc_of[v->cells[k]]].year;
        tb->row_key = calloc(tb->count, sizeof *tb->row_key);
        tb->col_key = calloc(tb->count, sizeof *tb->col_key);
        tb->caption_key = diff_label_key(r->caption ? r->caption : "");
        if (!tb->row_key || !tb->col_key || !tb->caption_key)
            goto fail;
        int maxy = 0, has_doc = 0;
        for (size_t q = 0; q < tb->count; q++) {
            int y = diff_title_year(s->recs[v->cells[k + q]]->column_title);
            if (y > maxy)
                maxy = y;
            if (y && y == tb->doc_year)
                has_doc = 1;
        }
        tb->year = has_doc ? tb->doc_year : maxy;
        for (size_t q = 0; q < tb->count; q++) {
            const belopp_record *c = s->recs[v->cells[k + q]];
            int y;
            tb->row_key[q] = diff_label_key(c->label ? c->label : "");
            tb->col_key[q] = diff_column_key(c->column_title, tb->year, &y);
            if (!tb->row_key[q] || !tb->col_key[q])
                goto fail;
            if (is_total_key(tb->row_key[q]))
                strcpy(tb->row_key[q], "#total");
        }
        k = j;
    }
    *out = t;
    *nout = nt;
    return 0;
fail:
    tables_free(t, nt);
    return -1;
}

static int str_cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The distinct values of keys[0..n), sorted (pointers into keys); NULL when
 * out of memory. */
static const char **distinct(char *const *keys, size_t n, size_t *nd)
{
    const char **d = malloc((n ? n : 1) * sizeof *d);
    if (!d)
        return NULL;
    for (size_t i = 0; i < n; i++)
        d[i] = keys[i];
    qsort(d, n, sizeof *d, str_cmp);
    size_t o = 0;
    for (size_t i = 0; i < n; i++)
        if (o == 0 || strcmp(d[o - 1], d[i]) != 0)
            d[o++] = d[i];
    *nd = o;
    return d;
}

static size_t find_key(const char **d, size_t n, const char *k)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(d[mid], k);
        if (c == 0)
            return mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return SIZE_MAX;
}

static size_t common_keys(const char **a, size_t na, const char **b, size_t nb)
{
    size_t i = 0, j = 0, c = 0;
    while (i < na && j < nb) {
        int x = strcmp(a[i], b[j]);
        if (x == 0)
            c++, i++, j++;
        else if (x < 0)
            i++;
        else
            j++;
    }
    return c;
}

/* Pairs the keys of a with those of b: equal keys first, then what is left
 * by similarity (labels) or a lone leftover with a lone leftover (columns).
 * map[i] gets b's index or SIZE_MAX, sim[i] its per mille. */
static int pair_keys(const char **a, size_t na, const char **b, size_t nb, int fuzzy, size_t *map,
                     int *sim)
{
    unsigned char *taken = calloc(nb ? nb : 1, 1);
    if (!taken)
        return -1;
    size_t left_a = 0;
    for (size_t i = 0; i < na; i++) {
        size_t j = find_key(b, nb, a[i]);
        map[i] = j;
        sim[i] = j == SIZE_MAX ? 0 : 1000;
        if (j != SIZE_MAX)
            taken[j] = 1;
        else
            left_a++;
    }
    size_t left_b = 0;
    for (size_t j = 0; j < nb; j++)
        left_b += !taken[j];
    int rc = 0;
    if (left_a && left_b) {
        if (!fuzzy) {
            if (left_a == 1 && left_b == 1) {
                size_t i = 0, j = 0;
                while (map[i] != SIZE_MAX)
                    i++;
                while (taken[j])
                    j++;
                map[i] = j;
                sim[i] = 700;
            }
        } else if (left_a * left_b <= FUZZY_MAX_WORK / 16) {
            diff_edge *e = NULL;
            size_t ne = 0, cap = 0;
            for (size_t i = 0; i < na && rc == 0; i++) {
                if (map[i] != SIZE_MAX || strcmp(a[i], "#total") == 0)
                    continue;
                for (size_t j = 0; j < nb; j++) {
                    if (taken[j] || strcmp(b[j], "#total") == 0)
                        continue;
                    int s = diff_label_sim(a[i], b[j]);
                    if (s < ROW_FUZZY_MIN)
                        continue;
                    if (ne == cap) {
                        cap = cap ? cap * 2 : 64;
                        diff_edge *ne2 = realloc(e, cap * sizeof *ne2);
                        if (!ne2) {
                            rc = -1;
                            break;
                        }
                        e = ne2;
                    }
                    e[ne++] = (diff_edge){(uint32_t)i, (uint32_t)j, s};
                }
            }
            int64_t *m = malloc((na ? na : 1) * sizeof *m);
            if (rc == 0 && m && diff_assign(e, ne, na, nb, m) == 0) {
                for (size_t k = 0; k < ne; k++)
                    if (m[e[k].a] == (int64_t)e[k].b) {
                        map[e[k].a] = e[k].b;
                        sim[e[k].a] = (int)e[k].w;
                    }
            } else {
                rc = -1;
            }
            free(m);
            free(e);
        }
    }
    free(taken);
    return rc;
}

typedef struct {
    uint32_t row, col;
    size_t q; /* cell within the table */
} cell_ix;

static int cell_ix_cmp(const void *x, const void *y)
{
    const cell_ix *a = x, *b = y;
    if (a->row != b->row)
        return a->row < b->row ? -1 : 1;
    if (a->col != b->col)
        return a->col < b->col ? -1 : 1;
    return a->q < b->q ? -1 : a->q > b->q;
}

/* Pairs the cells of old table ta with those of new table tb:
 * cmatch[old cell fact index] = new cell fact index, cscore its score. */
static int pair_table_cells(const view *vo, const table *ta, const view *vn, const table *tb,
                            int64_t *cmatch, int *cscore)
{
    (void)vo, (void)vn;
    size_t nra, nrb, nca, ncb;
    const char **ra = distinct(ta->row_key, ta->count, &nra), **rb = distinct(tb->row_key, tb->count, &nrb);
    const char **ca = distinct(ta->col_key, ta->count, &nca), **cb = distinct(tb->col_key, tb->count, &ncb);
    size_t *rmap = malloc((nra ? nra : 1) * sizeof *rmap), *cmap = malloc((nca ? nca : 1) * sizeof *cmap);
    int *rsim = malloc((nra ? nra : 1) * sizeof *rsim), *csim = malloc((nca ? nca : 1) * sizeof *csim);
    cell_ix *ix = malloc((tb->count ? tb->count : 1) * sizeof *ix);
    unsigned char *used = calloc(tb->count ? tb->count : 1, 1);
    int rc = -1;
    if (!ra || !rb || !ca || !cb || !rmap || !cmap || !rsim || !csim || !ix || !used)
        goto done;
    if (pair_keys(ra, nra, rb, nrb, 1, rmap, rsim) < 0 || pair_keys(ca, nca, cb, ncb, 0, cmap, csim) < 0)
        goto done;
    for (size_t q = 0; q < tb->count; q++)
        ix[q] = (cell_ix){(uint32_t)find_key(rb, nrb, tb->row_key[q]),
                          (uint32_t)find_key(cb, ncb, tb->col_key[q]), q};
    qsort(ix, tb->count, sizeof *ix, cell_ix_cmp);
    for (size_t q = 0; q < ta->count; q++) {
        size_t r = find_key(ra, nra, ta->row_key[q]), c = find_key(ca, nca, ta->col_key[q]);
        if (rmap[r] == SIZE_MAX || cmap[c] == SIZE_MAX)
            continue;
        cell_ix want = {(uint32_t)rmap[r], (uint32_t)cmap[c], 0};
        size_t lo = 0, hi = tb->count;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (cell_ix_cmp(&ix[mid], &want) < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (; lo < tb->count && ix[lo].row == want.row && ix[lo].col == want.col; lo++) {
            if (used[ix[lo].q])
                continue;
            used[ix[lo].q] = 1;
            cmatch[ta->first + q] = (int64_t)(tb->first + ix[lo].q);
            cscore[ta->first + q] = rsim[r] * csim[c] / 1000;
            break;
        }
    }
    rc = 0;
done:
    free(ra), free(rb), free(ca), free(cb), free(rmap), free(cmap), free(rsim), free(csim);
    free(ix), free(used);
    return rc;
}

static int pair_tables(const view *vo, const view *vn, int64_t *cmatch, int *cscore, table **tao,
                       size_t *ntao, table **tbo, size_t *ntbo, int64_t **tmatch)
{
    table *ta = NULL, *tb = NULL;
    size_t na = 0, nb = 0;
    for (size_t k = 0; k < vo->nc; k++)
        cmatch[k] = -1;
    if (make_tables(vo, &ta, &na) < 0 || make_tables(vn, &tb, &nb) < 0) {
        tables_free(ta, na);
        return -1;
    }
    *tao = ta, *ntao = na, *tbo = tb, *ntbo = nb;
    if (!na || !nb)
        return 0;
    const char ***rk_a = calloc(na, sizeof *rk_a), ***rk_b = calloc(nb, sizeof *rk_b);
    size_t *nk_a = calloc(na, sizeof *nk_a), *nk_b = calloc(nb, sizeof *nk_b);
    diff_edge *e = NULL;
    size_t ne = 0, cap = 0;
    int64_t *tm = malloc(na * sizeof *tm);
    *tmatch = tm;
    int rc = -1;
    if (!rk_a || !rk_b || !nk_a || !nk_b || !tm)
        goto done;
    for (size_t i = 0; i < na; i++)
        if (!(rk_a[i] = distinct(ta[i].row_key, ta[i].count, &nk_a[i])))
            goto done;
    for (size_t j = 0; j < nb; j++)
        if (!(rk_b[j] = distinct(tb[j].row_key, tb[j].count, &nk_b[j])))
            goto done;
    int all = na * nb <= 250000;
    for (size_t i = 0; i < na; i++) {
        for (size_t j = all ? 0 : i; j < (all ? nb : (i < nb ? i + 1 : i)); j++) {
            size_t mn = nk_a[i] < nk_b[j] ? nk_a[i] : nk_b[j];
            int lab = mn ? (int)(common_keys(rk_a[i], nk_a[i], rk_b[j], nk_b[j]) * 1000 / mn) : 0;
            int capsim = diff_label_sim(ta[i].caption_key, tb[j].caption_key);
            int score = (700 * lab + 300 * capsim) / 1000;
            if (score < TABLE_MIN)
                continue;
            if (ne == cap) {
                cap = cap ? cap * 2 : 16;
                diff_edge *n2 = realloc(e, cap * sizeof *n2);
                if (!n2)
                    goto done;
                e = n2;
            }
            e[ne++] = (diff_edge){(uint32_t)i, (uint32_t)j, score};
        }
    }
    if (diff_assign(e, ne, na, nb, tm) < 0)
        goto done;
    rc = 0;
    for (size_t i = 0; i < na && rc == 0; i++)
        if (tm[i] >= 0)
            rc = pair_table_cells(vo, &ta[i], vn, &tb[tm[i]], cmatch, cscore);
done:
    for (size_t i = 0; rk_a && i < na; i++)
        free(rk_a[i]);
    for (size_t j = 0; rk_b && j < nb; j++)
        free(rk_b[j]);
    free(rk_a), free(rk_b), free(nk_a), free(nk_b), free(e);
    return rc;
}

/* "Stockholm / 2024" (the column only when it is more than a unit). */
static char *cell_desc(const belopp_record *r)
{
    int y;
    char *ck = diff_column_key(r->column_title, 0, &y);
    const char *label = r->label && *r->label ? r->label : "(no label)";
    char *o = (ck && *ck && r->column_title) ? join3(label, " / ", r->column_title) : strdup(label);
    free(ck);
    return o;
}

static char *cell_what(const belopp_record *o, const belopp_record *n, int renamed)
{
    char *dn = cell_desc(n ? n : o);
    if (!o || !n || !dn)
        return dn;
    int ycol = diff_title_year(o->column_title) && diff_title_year(n->column_title) &&
               strcmp(o->column_title, n->column_title) != 0;
    if (!renamed && !ycol)
        return dn;
    char *dold = cell_desc(o);
    char *w = dold ? join3(dn, " \xe2\x86\x90 ", dold) : NULL; /* ← */
    free(dn);
    free(dold);
    return w;
}

static char *table_group(const table *t, const view *v, size_t ordinal)
{
    const belopp_record *r = v->s->recs[v->cells[t->first]];
    if (r->caption && *r->caption) {
        char *c = clip(r->caption, strlen(r->caption) > 70 ? 70 : strlen(r->caption));
        char *o = c ? join3("table: ", c, "") : NULL;
        free(c);
        return o;
    }
    char buf[48];
    snprintf(buf, sizeof buf, "table %zu", ordinal + 1);
    return strdup(buf);
}

/* ------------------------------------------------------------------------ */
/* The whole diff                                                           */

typedef struct {
    size_t k1, k2, k3; /* merged text order */
    size_t line;
} order_key;

static int order_cmp(const void *x, const void *y)
{
    const order_key *a = x, *b = y;
    if (a->k1 != b->k1)
        return a->k1 < b->k1 ? -1 : 1;
    if (a->k2 != b->k2)
        return a->k2 < b->k2 ? -1 : 1;
    if (a->k3 != b->k3)
        return a->k3 < b->k3 ? -1 : 1;
    return a->line < b->line ? -1 : a->line > b->line;
}

typedef struct {
    const char *group;
    size_t order, line;
} group_key;

static int group_cmp(const void *x, const void *y)
{
    const group_key *a = x, *b = y;
    int c = strcmp(a->group, b->group);
    if (c)
        return c;
    return a->order < b->order ? -1 : a->order > b->order;
}

static int add_line(diff_result *res, const diff_side *so, size_t oi, const diff_side *sn, size_t ni,
                    int score, char *what, char *group)
{
    const belopp_record *o = oi == SIZE_MAX ? NULL : so->recs[oi];
    const belopp_record *n = ni == SIZE_MAX ? NULL : sn->recs[ni];
    if (!what || !group) {
        free(what);
        free(group);
        return -1;
    }
    diff_status st = !o ? DIFF_ADDED : !n ? DIFF_REMOVED : equal_value(o, n) ? DIFF_SAME : DIFF_CHANGED;
    diff_line l = {.status = st, .old = o, .new = n, .score = o && n ? score : 0, .what = what, .group = group,
                  .old_index = oi, .new_index = ni};
    if (push_line(res, l) < 0) {
        free(what);
        free(group);
        return -1;
    }
    return 0;
}

int diff_pair(const diff_side *old, const diff_side *new, diff_result *res)
{
    memset(res, 0, sizeof *res);
    view vo, vn;
    int rc = -1;
    prose_result pr = {0};
    table *ta = NULL, *tb = NULL;
    size_t nta = 0, ntb = 0;
    int64_t *cmatch = NULL, *tmatch = NULL;
    int *cscore = NULL;
    unsigned char *new_used = NULL;
    size_t *paired_new = NULL; /* old record → new record, or SIZE_MAX */
    order_key *keys = NULL;
    group_key *gi = NULL;
    if (view_make(old, &vo) < 0 || view_make(new, &vn) < 0)
        goto done;
    if (pair_prose(&vo, &vn, &pr) < 0)
        goto done;
    cmatch = malloc((vo.nc ? vo.nc : 1) * sizeof *cmatch);
    cscore = calloc(vo.nc ? vo.nc : 1, sizeof *cscore);
    new_used = calloc(new->n ? new->n : 1, 1);
    paired_new = malloc((old->n ? old->n : 1) * sizeof *paired_new);
    if (!cmatch || !cscore || !new_used || !paired_new)
        goto done;
    if (pair_tables(&vo, &vn, cmatch, cscore, &ta, &nta, &tb, &ntb, &tmatch) < 0)
        goto done;
    for (size_t i = 0; i < old->n; i++)
        paired_new[i] = SIZE_MAX;

    /* prose lines */
    for (size_t a = 0; a < vo.np; a++) {
        size_t oi = vo.prose[a];
        if (pr.match[a] >= 0) {
            size_t ni = vn.prose[pr.match[a]];
            new_used[ni] = 1;
            paired_new[oi] = ni;
            if (add_line(res, old, oi, new, ni, pr.score[a], prose_what(&vn, ni), prose_group(&vn, ni)) < 0)
                goto done;
        } else if (add_line(res, old, oi, new, SIZE_MAX, 0, prose_what(&vo, oi), prose_group(&vo, oi)) < 0) {
            goto done;
        }
    }
    for (size_t b = 0; b < vn.np; b++) {
        size_t ni = vn.prose[b];
        if (!new_used[ni] &&
            add_line(res, old, SIZE_MAX, new, ni, 0, prose_what(&vn, ni), prose_group(&vn, ni)) < 0)
            goto done;
    }
    /* table lines */
    for (size_t t = 0; t < nta; t++) {
        for (size_t q = ta[t].first; q < ta[t].first + ta[t].count; q++) {
            size_t oi = vo.cells[q];
            const belopp_record *o = old->recs[oi];
            if (cmatch[q] >= 0) {
                size_t ni = vn.cells[cmatch[q]];
                new_used[ni] = 1;
                paired_new[oi] = ni;
                size_t tn = 0; /* the new table, for the group */
                while (tn + 1 < ntb && tb[tn + 1].first <= (size_t)cmatch[q])
                    tn++;
                char *ok = diff_label_key(o->label), *nk = diff_label_key(new->recs[ni]->label);
                int renamed = ok && nk && strcmp(ok, nk) != 0;
                free(ok);
                free(nk);
                if (add_line(res, old, oi, new, ni, cscore[q], cell_what(o, new->recs[ni], renamed),
                             table_group(&tb[tn], &vn, tn)) < 0)
                    goto done;
            } else if (add_line(res, old, oi, new, SIZE_MAX, 0, cell_what(o, NULL, 0),
                                /* a row gone from a table that is still there: under that table */
                                tmatch && tmatch[t] >= 0 ? table_group(&tb[tmatch[t]], &vn, (size_t)tmatch[t])
                                                         : table_group(&ta[t], &vo, t)) < 0) {
                goto done;
            }
        }
    }
    for (size_t t = 0; t < ntb; t++)
        for (size_t q = tb[t].first; q < tb[t].first + tb[t].count; q++) {
            size_t ni = vn.cells[q];
            if (!new_used[ni] &&
                add_line(res, old, SIZE_MAX, new, ni, 0, cell_what(NULL, new->recs[ni], 0),
                         table_group(&tb[t], &vn, t)) < 0)
                goto done;
        }

    /* merged order: new text order; a removed figure after the paired
     * figure that came before it in the old text */
    {
        size_t *anchor = malloc((old->n ? old->n : 1) * sizeof *anchor);
        size_t *new_index = NULL;
        keys = malloc((res->n ? res->n : 1) * sizeof *keys);
        if (!anchor || !keys) {
            free(anchor);
            free(new_index);
            goto done;
        }
        size_t last = 0;
        for (size_t i = 0; i < old->n; i++) {
            if (paired_new[i] != SIZE_MAX)
                last = paired_new[i] + 1;
            anchor[i] = last;
        }
        for (size_t l = 0; l < res->n; l++) {
            const diff_line *d = &res->lines[l];
            if (d->new_index != SIZE_MAX)
                keys[l] = (order_key){d->new_index + 1, 0, 0, l};
            else
                keys[l] = (order_key){anchor[d->old_index], 1, d->old_index, l};
        }
        qsort(keys, res->n, sizeof *keys, order_cmp);
        for (size_t l = 0; l < res->n; l++)
            res->lines[keys[l].line].order = l;
        gi = malloc((res->n ? res->n : 1) * sizeof *gi);
        if (!gi) {
            free(anchor);
            free(new_index);
            goto done;
        }
        for (size_t l = 0; l < res->n; l++)
            gi[l] = (group_key){res->lines[l].group, res->lines[l].order, l};
        qsort(gi, res->n, sizeof *gi, group_cmp);
        for (size_t l = 0; l < res->n;) {
            size_t m = l;
            while (m < res->n && strcmp(gi[m].group, gi[l].group) == 0)
                m++;
            for (size_t k = l; k < m; k++)
                res->lines[gi[k].line].group_order = gi[l].order;
            l = m;
        }
        free(anchor);
        free(new_index);
    }
    rc = 0;
done:
    view_free(&vo);
    view_free(&vn);
    free(pr.match), free(pr.score), free(cmatch), free(cscore), free(new_used), free(paired_new);
    free(keys), free(gi), free(tmatch);
    tables_free(ta, nta);
    tables_free(tb, ntb);
    if (rc < 0)
        diff_result_clear(res);
    return rc;
}
