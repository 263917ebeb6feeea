/* words.c — weighted bags of Swedish stems (see words.h).
 *
 * Facts this relies on, from the seed texts:
 * - what a figure is for is said by the nouns around it ("till regionerna",
 *   "förlossningsvården", "fast läkarkontakt"), inflected freely between two
 *   writers ("förlossningsvården" / "Förlossningsvård"): the Snowball Swedish
 *   stemmer folds the inflections (regionerna → region, kommunerna → kommun);
 *   it does not fold case, so words are lower-cased first (utf8proc), and
 *   it keeps the definite -n or -t after a vowel ("psykiatrin", "området"),
 *   dropped here;
 * - numbers and years around a figure change from year to year and say
 *   nothing about the item: only words of letters are terms;
 * - a hyphen joins the parts of "E-hälsa" and "hälso- och sjukvården": it
 *   splits words, like any other non-letter. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>
#include <utf8proc.h>

#include "words.h"

struct diff_vocab {
    struct sb_stemmer *stem;
    char **str;       /* id → stem */
    uint32_t *df;     /* id → facts counted */
    size_t n, cap;
    uint32_t *slot;   /* open addressing: id + 1, 0 empty */
    size_t nslots;
};

static uint64_t hash(const char *s, size_t len)
{
    uint64_t h = 1469598103934665603u; /* FNV-1a */
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211u;
    return h;
}

diff_vocab *diff_vocab_new(void)
{
    diff_vocab *v = calloc(1, sizeof *v);
    if (!v)
        return NULL;
    v->stem = sb_stemmer_new("swedish", "UTF_8");
    v->nslots = 1024;
    v->slot = calloc(v->nslots, sizeof *v->slot);
    if (!v->stem || !v->slot) {
        diff_vocab_free(v);
        return NULL;
    }
    return v;
}

void diff_vocab_free(diff_vocab *v)
{
    if (!v)
        return;
    if (v->stem)
        sb_stemmer_delete(v->stem);
    for (size_t i = 0; i < v->n; i++)
        free(v->str[i]);
    free(v->str);
    free(v->df);
    free(v->slot);
    free(v);
}

static int grow_slots(diff_vocab *v)
{
    size_t ns = v->nslots * 2;
    uint32_t *s = calloc(ns, sizeof *s);
    if (!s)
        return -1;
    for (size_t i = 0; i < v->n; i++) {
        size_t h = hash(v->str[i], strlen(v->str[i])) & (ns - 1);
        while (s[h])
            h = (h + 1) & (ns - 1);
        s[h] = (uint32_t)i + 1;
    }
    free(v->slot);
    v->slot = s;
    v->nslots = ns;
    return 0;
}

/* The id of stem s[0..len), interned.  Returns -1 when out of memory. */
static int64_t intern(diff_vocab *v, const char *s, size_t len)
{
    size_t h = hash(s, len) & (v->nslots - 1);
    while (v->slot[h]) {
        const char *t = v->str[v->slot[h] - 1];
        if (strlen(t) == len && memcmp(t, s, len) == 0)
            return v->slot[h] - 1;
        h = (h + 1) & (v->nslots - 1);
    }
    if (v->n == v->cap) {
        size_t nc = v->cap ? v->cap * 2 : 256;
        char **ns = realloc(v->str, nc * sizeof *ns);
        if (!ns)
            return -1;
        v->str = ns;
        uint32_t *nd = realloc(v->df, nc * sizeof *nd);
        if (!nd)
            return -1;
        v->df = nd;
        v->cap = nc;
    }
    char *copy = malloc(len + 1);
    if (!copy)
        return -1;
    memcpy(copy, s, len);
    copy[len] = 0;
    v->str[v->n] = copy;
    v->df[v->n] = 0;
    v->slot[h] = (uint32_t)v->n + 1;
    v->n++;
    if (v->n * 2 > v->nslots && grow_slots(v) < 0)
        return -1;
    return (int64_t)v->n - 1;
}

static int bag_push(diff_bag *bag, uint32_t id, double w)
{
    if (bag->n == bag->cap) {
        size_t nc = bag->cap ? bag->cap * 2 : 16;
        diff_term *t = realloc(bag->t, nc * sizeof *t);
        if (!t)
            return -1;
        bag->t = t;
        bag->cap = nc;
    }
    bag->t[bag->n++] = (diff_term){id, w};
    return 0;
}

/* One word: lower-cased into buf; a word with a digit is not a term. */
static int add_word(diff_vocab *v, diff_bag *bag, const char *buf, size_t len, double w)
{
    if (len < 2 || diff_lexicon_stopword(buf, len))
        return 0;
    const sb_symbol *st = sb_stemmer_stem(v->stem, (const sb_symbol *)buf, (int)len);
    if (!st)
        return -1;
    size_t sl = (size_t)sb_stemmer_length(v->stem);
    if (sl < 2)
        return 0;
    /* the stemmer leaves the definite -n of a noun ending in a vowel
     * ("psykiatrin", "ungdomspsykiatrin"): drop it from long stems */
    if (sl >= 7 && (st[sl - 1] == 'n' || st[sl - 1] == 't') && strchr("aeiouy", st[sl - 2]))
        sl--; /* and the -t of "området" */
    int64_t id = intern(v, (const char *)st, sl);
    if (id < 0 || bag_push(bag, (uint32_t)id, w) < 0)
        return -1;
    /* the first six letters as a second, weaker term: "psykiatrin" and
     * "psykiatriska" stem apart (psykiatri, psykiatrisk) but share "psykia" */
    size_t cut = 0, letters = 0;
    while (cut < sl && letters < 6) {
        cut++;
        while (cut < sl && (st[cut] & 0xC0) == 0x80)
            cut++;
        letters++;
    }
    if (cut == sl)
        return 0;
    char pre[32];
    pre[0] = '~';
    memcpy(pre + 1, st, cut);
    id = intern(v, pre, cut + 1);
    if (id < 0)
        return -1;
    return bag_push(bag, (uint32_t)id, 0.6 * w);
}

int diff_bag_add_text(diff_vocab *v, diff_bag *bag, const char *s, size_t len, double w)
{
    return diff_bag_add_near(v, bag, s, len, w, 0);
}

/* Calls word(ctx, buf, len, index) for each word of s[0..len), lower-cased;
 * index counts every word, terms or not.  Returns the count, or -1 when a
 * callback fails. */
static long each_word(const char *s, size_t len, int (*word)(void *, const char *, size_t, long),
                      void *ctx)
{
    char buf[256];
    size_t bl = 0;
    int digit = 0, toolong = 0;
    long idx = 0;
    size_t i = 0;
    while (i <= len) {
        utf8proc_int32_t c = -1;
        utf8proc_ssize_t k = 1;
        if (i < len) {
            k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &c);
            if (k <= 0) {
                k = 1;
                c = -1;
            }
        }
        int letter = 0;
        if (c >= 0) {
            utf8proc_category_t cat = utf8proc_category(c);
            letter = cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_ME;
            if (cat == UTF8PROC_CATEGORY_ND) {
                letter = 1;
                digit = 1;
            }
        }
        if (letter) {
            utf8proc_uint8_t enc[4];
            utf8proc_ssize_t el = utf8proc_encode_char(utf8proc_tolower(c), enc);
            if (bl + (size_t)el < sizeof buf) {
                memcpy(buf + bl, enc, (size_t)el);
                bl += (size_t)el;
            } else {
                toolong = 1;
            }
        } else {
            if (bl) {
                if (!digit && !toolong && word && word(ctx, buf, bl, idx) < 0)
                    return -1;
                idx++;
            }
            bl = 0;
            digit = toolong = 0;
        }
        i += (size_t)k;
    }
    return idx;
}

typedef struct {
    diff_vocab *v;
    diff_bag *bag;
    double w;
    int dir;
    long n;
} near_ctx;

static int near_word(void *p, const char *buf, size_t len, long idx)
{
    near_ctx *c = p;
    double w = c->w;
    if (c->dir) {
        long d = c->dir > 0 ? idx : c->n - 1 - idx; /* words between it and the figure */
        w *= 4.0 / (4.0 + (double)d);
    }
    return add_word(c->v, c->bag, buf, len, w);
}

int diff_bag_add_near(diff_vocab *v, diff_bag *bag, const char *s, size_t len, double w, int dir)
{
    near_ctx c = {v, bag, w, dir, 0};
    if (dir)
        c.n = each_word(s, len, NULL, NULL);
    return each_word(s, len, near_word, &c) < 0 ? -1 : 0;
}

static int term_cmp(const void *a, const void *b)
{
    const diff_term *x = a, *y = b;
    if (x->id != y->id)
        return x->id < y->id ? -1 : 1;
    return x->w > y->w ? -1 : x->w < y->w ? 1 : 0;
}

void diff_bag_finish(diff_bag *bag)
{
    if (bag->n == 0)
        return;
    qsort(bag->t, bag->n, sizeof *bag->t, term_cmp);
    size_t o = 0;
    for (size_t i = 0; i < bag->n; i++)
        if (o == 0 || bag->t[o - 1].id != bag->t[i].id)
            bag->t[o++] = bag->t[i]; /* the first of a run has the largest weight */
    bag->n = o;
}

void diff_vocab_count(diff_vocab *v, const diff_bag *bag)
{
    for (size_t i = 0; i < bag->n; i++)
        v->df[bag->t[i].id]++;
}

uint32_t diff_vocab_df(const diff_vocab *v, uint32_t id)
{
    return v->df[id];
}

double diff_bag_weigh(const diff_vocab *v, diff_bag *bag, size_t n)
{
    double norm = 0;
    for (size_t i = 0; i < bag->n; i++) {
        double idf = log(((double)n + 1) / ((double)v->df[bag->t[i].id] + 0.5));
        if (idf < 0.05)
            idf = 0.05;
        bag->t[i].w *= idf;
        norm += bag->t[i].w * bag->t[i].w;
    }
    return sqrt(norm);
}

double diff_bag_dot(const diff_bag *a, const diff_bag *b)
{
    double d = 0;
    size_t i = 0, j = 0;
    while (i < a->n && j < b->n) {
        if (a->t[i].id < b->t[j].id)
            i++;
        else if (a->t[i].id > b->t[j].id)
            j++;
        else
            d += a->t[i++].w * b->t[j++].w;
    }
    return d;
}

double diff_bag_overlap(const diff_bag *a, const diff_bag *b)
{
    double m = 0, sa = 0, sb = 0;
    for (size_t i = 0; i < a->n; i++)
        sa += a->t[i].w;
    for (size_t j = 0; j < b->n; j++)
        sb += b->t[j].w;
    size_t i = 0, j = 0;
    while (i < a->n && j < b->n) {
        if (a->t[i].id < b->t[j].id)
            i++;
        else if (a->t[i].id > b->t[j].id)
            j++;
        else {
            m += a->t[i].w < b->t[j].w ? a->t[i].w : b->t[j].w;
            i++, j++;
        }
    }
    double d = sa < sb ? sa : sb;
    return d > 0 ? m / d : 0;
}

void diff_bag_free(diff_bag *bag)
{
    free(bag->t);
    bag->t = NULL;
    bag->n = bag->cap = 0;
}

const char *diff_vocab_str(const diff_vocab *v, uint32_t id)
{
    return v->str[id];
}
