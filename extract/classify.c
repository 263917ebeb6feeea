/* classify.c — which numbers are money.
 *
 * Design note: precision first.  A wrong figure in a budget database is
 * worse than a missing one, so a number is money only on positive evidence:
 * - a currency after it: "200 miljoner kronor", "45 mkr";
 * - a scale word after it, in a text that names a currency somewhere, and
 *   then a word that continues a money phrase, not a counted noun:
 *   "2,4 miljarder till regionerna", "85 miljoner som ska", a heading
 *   "3,2 miljarder till utveckling…" — but "2,3 miljoner invånare" is not;
 * - a cell of a table whose header names the unit: "Stockholm 2 111" under
 *   "Miljoner kronor" (but not "12 %"); the table stage (segment.c) splits
 *   the rows into cells and values them, and they are written from there.
 * - A number and its unit on different lines belong together only inside
 *   one sentence: "Tabell 1" over "Miljoner kronor" is not 1 miljon kronor,
 *   nor "Bilaga 3" over "MSEK" 3 MSEK.
 * Everything else — dates, years, phone numbers, counts, "1177" — is left.
 */
#include "classify.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>


#include "../normalize/amount.h"
#include "grow.h"

/* Words that may follow "N miljoner" when N miljoner is money.  A counted
 * noun ("invånare", "besök", "doser") is never among them. */
static const char *const MONEY_FOLLOWERS[] = {
    "till", "för", "som", "är", "var", "blir", "blev", "har", "hade", "går", "gick",
    "avsätts", "avsattes", "satsas", "satsades", "fördelas", "fördelades", "tillförs",
    "tillfördes", "ges", "gavs", "öronmärks", "öronmärkta", "extra", "per", "från", "ur",
    "med", "mot", "mer", "mindre", "totalt", "sammanlagt", "varav", "vilket", "inom",
    "under", "på", "och", "eller", "samt", "jämfört", "utöver", "kvar", "ytterligare",
    "hittills", "årligen", "redan", "också", "dessutom", "nu", NULL};

/* A passive verb ("avsätts", "redovisas", "fördelas", "tillförs") continues
 * a money phrase; counted nouns after "miljoner" do not end this way. */
static int is_passive_verb(const char *w, size_t n)
{
    if (n < 5)
        return 0;
    const char *e = w + n - 2;
    return e[1] == 's' && (e[0] == 'a' || e[0] == 't' || e[0] == 'd' || e[0] == 'r');
}

/* The first position at or after i that is not a space (see belopp_space_at). */
static size_t skip_spaces(const char *s, size_t i, size_t len)
{
    size_t n;
    while (i < len && (n = belopp_space_at(s, i, len)) > 0)
        i += n;
    return i;
}

/* Is what follows position end the end of a phrase, or a word from
 * MONEY_FOLLOWERS? */
static int money_phrase_goes_on(const char *s, size_t len, size_t end)
{
    size_t i = skip_spaces(s, end, len);
    if (i >= len || s[i] == '\n' || strchr(".,;:!?)", s[i]))
        return 1;
    if (len - i >= 3 && memcmp(s + i, "\xE2\x80\x93", 3) == 0) /* en dash */
        return 1;
    size_t w = i;
    while (w < len && belopp_letter_at(s, w, len)) {
        w++;
        while (w < len && ((unsigned char)s[w] & 0xC0) == 0x80)
            w++;
    }
    for (size_t k = 0; MONEY_FOLLOWERS[k]; k++)
        if (belopp_word_equal(s + i, w - i, MONEY_FOLLOWERS[k]))
            return 1;
    return is_passive_verb(s + i, w - i);
}

/* "två kronor av tio" is a share, and "Tre Kronor" a hockey team: a currency
 * word after a number in words is money only in lower case and not before
 * "av" and another number. */
static int share_or_name(const char *s, size_t len, const belopp_candidate *k)
{
    if (!k->in_words || k->currency.start == k->currency.end)
        return 0;
    unsigned char c = (unsigned char)s[k->currency.start];
    if (c >= 'A' && c <= 'Z')
        return 1;
    size_t i = skip_spaces(s, k->currency.end, len);
    if (len - i < 3 || strncmp(s + i, "av", 2) != 0 || !belopp_space_at(s, i + 2, len))
        return 0;
    i = skip_spaces(s, i + 2, len);
    belopp_decimal d;
    size_t w = i;
    while (w < len && ((s[w] >= 'a' && s[w] <= 'z') || (unsigned char)s[w] >= 0x80 ||
                       (s[w] >= '0' && s[w] <= '9')))
        w++;
    return w > i && ((s[i] >= '0' && s[i] <= '9') || belopp_parse_words(s + i, w - i, &d) == BELOPP_OK);
}

/* "höjs 2024 till 300 miljoner" is no range from the year 2024. */
static int year_before_till(const char *s, const belopp_candidate *k)
{
    belopp_span a = k->number;
    if (k->number2.start == k->number2.end || !belopp_is_year(s, a))
        return 0; /* "19,5 till 25" is a range: 19,5 is no year */
    for (size_t i = a.end; i + 4 <= k->number2.start; i++)
        if (strncmp(s + i, "till", 4) == 0)
            return 1;
    return 0;
}

static const char *qualifier_kind(const char *s, belopp_span q)
{
    if (q.start == q.end)
        return NULL;
    for (const belopp_qualifier *k = belopp_qualifiers(); k->word; k++)
        if (belopp_word_equal(s + q.start, q.end - q.start, k->word))
            return k->kind;
    return NULL;
}

static const belopp_unit *unit_of(const char *s, belopp_span sp)
{
    return sp.start == sp.end ? NULL : belopp_unit_lookup(s + sp.start, sp.end - sp.start);
}

/* The value of a written number (digits or words) times 10^exp10, in minor
 * units, negated when negative is set.  Digits start with a digit or a
 * sign, words with a letter. */
static belopp_status value_of(const char *s, belopp_span num, int exp10, int negative,
                              int64_t *out)
{
    belopp_decimal d;
    int in_words = belopp_letter_at(s, num.start, num.end);
    belopp_status st = in_words ? belopp_parse_words(s + num.start, num.end - num.start, &d)
                                : belopp_parse_decimal(s + num.start, num.end - num.start, &d);
    if (st == BELOPP_OK)
        st = belopp_to_minor(d, exp10, out);
    if (st == BELOPP_OK && negative)
        *out = -*out; /* cannot overflow: |INT64_MIN| > INT64_MAX */
    return st;
}

/* Says that the amount written at sp is left out, and why. */
static void report(belopp_diags *diags, const belopp_text *t, belopp_span sp, const char *why)
{
    const char *s = belopp_text_data(t);
    int shown = (int)(sp.end - sp.start > 60 ? 60 : sp.end - sp.start);
    while (shown > 0 && ((unsigned char)s[sp.start + (size_t)shown] & 0xC0) == 0x80)
        shown--; /* never cut a character in two */
    belopp_diags_add(diags, BELOPP_ERROR, belopp_text_src_start(t, sp.start),
                     "\"%.*s%s\": %s; amount left out", shown, s + sp.start,
                     (size_t)shown < sp.end - sp.start ? "…" : "", why);
}

/* A record's start and end must point at the amount in the input.  Text the
 * HTML stage could not find in the page's bytes (tag soup that libxml2 turned
 * into visible text) maps to no bytes at all; a record with made-up offsets
 * is worse than none, so such an amount is left out with an error. */
static int placed(const belopp_text *t, const belopp_amount *a, belopp_diags *diags)
{
    if (a->src.end > a->src.start)
        return 1;
    report(diags, t, a->text, "not found in the input's bytes");
    return 0;
}

/* "Tabell 1" over "Miljoner kronor", "Bilaga 3" over "MSEK": the number
 * ends one sentence (a heading, a caption) and its unit begins another. */
static int unit_on_another_sentence(const char *s, const belopp_segments *g,
                                    const belopp_candidate *k)
{
    belopp_span unit = k->scale.start != k->scale.end ? k->scale : k->currency;
    if (unit.start == unit.end || unit.start <= k->number.end ||
        !memchr(s + k->number.end, '\n', unit.start - k->number.end))
        return 0;
    belopp_span sent = belopp_segments_sentence(g, k->number.end - 1, NULL);
    return unit.start >= sent.end && sent.end > sent.start;
}

typedef struct {
    belopp_amount *a;
    size_t n, cap;
} amount_list;

static int push(amount_list *l, belopp_amount am)
{
    void *a = l->a;
    if (belopp_grow(&a, &l->cap, l->n + 1, sizeof *l->a) < 0)
        return -1;
    l->a = a;
    l->a[l->n++] = am;
    return 0;
}

/* Whether the text names a currency anywhere decides a bare "2,4 miljarder".
 * Candidates come in text order, so until one with a currency has come by
 * (or the text has a table with a unit) the answer is open and they are
 * held back; in a press text that is rarely more than a few. */
struct belopp_classifier {
    const belopp_text *t;
    const belopp_segments *g;
    int money_text;
    belopp_candidate *held;
    size_t nheld, capheld;
    amount_list out; /* decided and not yet taken */
    size_t next_row; /* table rows before it have been written */
    size_t row_hint, sentence_hint, src_hint; /* lookups go in text order */
};

belopp_classifier *belopp_classifier_new(const belopp_text *t, const belopp_segments *g)
{
    belopp_classifier *cl = calloc(1, sizeof *cl);
    if (!cl)
        return NULL;
    cl->t = t;
    cl->g = g;
    cl->money_text = belopp_segments_ntables(g) > 0;
    return cl;
}

void belopp_classifier_free(belopp_classifier *cl)
{
    if (!cl)
        return;
    free(cl->held);
    free(cl->out.a);
    free(cl);
}

/* Writes the cells of the table rows that start before offset upto (all
 * when upto is SIZE_MAX), and says which rows were left out.  Returns -1
 * when out of memory. */
static int flush_rows(belopp_classifier *cl, size_t upto, belopp_diags *diags)
{
    const belopp_text *t = cl->t;
    const belopp_segments *g = cl->g;
    const char *s = belopp_text_data(t);
    const belopp_row *r;
    while ((r = belopp_segments_row_at_index(g, cl->next_row)) != NULL && r->line.start < upto) {
        cl->next_row++;
        if (r->left_out) {
            int shown = (int)(r->line.end - r->line.start > 80 ? 80 : r->line.end - r->line.start);
            while (shown > 0 && ((unsigned char)s[r->line.start + (size_t)shown] & 0xC0) == 0x80)
                shown--;
            belopp_diags_add(diags, BELOPP_WARNING, belopp_text_src_start(t, r->line.start),
                             "table row \"%.*s%s\" left out: %s", shown, s + r->line.start,
                             (size_t)shown < r->line.end - r->line.start ? "…" : "", r->left_out);
            continue;
        }
        for (size_t i = 0; i < r->ncells; i++) {
            const belopp_cell *c = belopp_segments_cell(g, r->cell + i);
            if (!c->money || c->empty)
                continue;
            if (c->status != BELOPP_OK) {
                report(diags, t, c->text, belopp_status_message(c->status));
                continue;
            }
            belopp_amount am = {
                .text = c->text,
                .src = belopp_text_src_span(t, c->text.start, c->text.end, &cl->src_hint),
                .sentence = r->line,
                .row = r,
                .column = c->column,
                .currency = c->currency,
                .minor = c->minor,
                .unit = c->unit,
                .sum = c->sum,
                .is_total = c->is_total,
            };
            if (placed(t, &am, diags) && push(&cl->out, am) < 0)
                return -1;
        }
    }
    return 0;
}

/* Decides one candidate; money_text is settled.  Returns -1 when out of memory. */
static int decide(belopp_classifier *cl, const belopp_candidate *k, belopp_diags *diags)
{
    const belopp_text *t = cl->t;
    const belopp_segments *g = cl->g;
    const char *s = belopp_text_data(t);
    size_t len = belopp_text_len(t);
    belopp_candidate year_fixed;
    if (share_or_name(s, len, k))
        return 0;
    if (year_before_till(s, k)) { /* keep the amount after "till" alone */
        year_fixed = *k;
        year_fixed.number = k->number2;
        year_fixed.number2 = (belopp_span){0, 0};
        year_fixed.qualifier = year_fixed.sign = (belopp_span){0, 0};
        year_fixed.whole.start = k->number2.start;
        k = &year_fixed;
    }
    const belopp_unit *scale = unit_of(s, k->scale), *cur = unit_of(s, k->currency);
    if (!cur)
        cur = unit_of(s, k->prefix_currency);
    /* a number in a table row is one of its cells, written from the segments */
    if (belopp_segments_row_at(g, k->whole.start, &cl->row_hint))
        return 0;
    if (unit_on_another_sentence(s, g, k))
        return 0;
    int exp10;
    const char *currency;
    if (cur) {
        exp10 = cur->exp10 + (scale ? scale->exp10 : 0);
        currency = cur->currency;
    } else if (scale && cl->money_text && money_phrase_goes_on(s, len, k->scale.end)) {
        exp10 = scale->exp10;
        currency = "SEK";
    } else {
        return 0;
    }

    int negative = k->sign.start != k->sign.end;
    belopp_amount am = {
        .text = k->whole,
        .src = belopp_text_src_span(t, k->whole.start, k->whole.end, &cl->src_hint),
        .sentence = belopp_segments_sentence(g, k->whole.start, &cl->sentence_hint),
        .currency = currency,
        .qualifier = qualifier_kind(s, k->qualifier),
        .per = k->per,
    };
    belopp_status st = value_of(s, k->number, exp10, negative, &am.minor);
    if (st == BELOPP_OK && k->number2.start != k->number2.end) {
        am.is_range = 1;
        st = value_of(s, k->number2, exp10, 0, &am.minor_high);
    }
    if (st != BELOPP_OK) {
        report(diags, t, k->whole, belopp_status_message(st));
        return 0;
    }
    if (!placed(t, &am, diags))
        return 0;
    if (push(&cl->out, am) < 0)
        return -1;
    /* "87 MSEK (79)": last year's figure, in the same unit. */
    if (k->comparison.start != k->comparison.end && cur) {
        belopp_amount cmp = am;
        cmp.text = k->comparison;
        cmp.src = belopp_text_src_span(t, k->comparison.start, k->comparison.end, &cl->src_hint);
        cmp.is_range = 0;
        cmp.qualifier = NULL;
        cmp.per = (belopp_span){0, 0};
        /* belopp_parse_decimal skips the sign ("-" or U+2212); it is applied here */
        int neg = s[k->comparison.start] == '-' || (unsigned char)s[k->comparison.start] == 0xE2;
        st = value_of(s, k->comparison, exp10, neg, &cmp.minor);
        if (st != BELOPP_OK)
            report(diags, t, k->comparison, belopp_status_message(st));
        else if (placed(t, &cmp, diags) && push(&cl->out, cmp) < 0)
            return -1;
    }
    return 0;
}

/* Decides the held-back candidates, in order, now that money_text is settled. */
static int decide_held(belopp_classifier *cl, belopp_diags *diags)
{
    for (size_t i = 0; i < cl->nheld; i++)
        if (decide(cl, &cl->held[i], diags) < 0)
            return -1;
    cl->nheld = 0;
    return 0;
}

int belopp_classifier_add(belopp_classifier *cl, const belopp_candidate *k, belopp_diags *diags)
{
    if (cl->money_text && flush_rows(cl, k->whole.end, diags) < 0)
        return -1;
    if (!cl->money_text && (k->currency.start != k->currency.end ||
                            k->prefix_currency.start != k->prefix_currency.end)) {
        cl->money_text = 1;
        if (decide_held(cl, diags) < 0)
            return -1;
    }
    if (cl->money_text)
        return decide(cl, k, diags);
    void *held = cl->held;
    if (belopp_grow(&held, &cl->capheld, cl->nheld + 1, sizeof *cl->held) < 0)
        return -1;
    cl->held = held;
    cl->held[cl->nheld++] = *k;
    return 0;
}

int belopp_classifier_finish(belopp_classifier *cl, belopp_diags *diags)
{
    if (decide_held(cl, diags) < 0) /* the text named no currency: money_text stays 0 */
        return -1;
    return flush_rows(cl, SIZE_MAX, diags);
}

const belopp_amount *belopp_classifier_take(belopp_classifier *cl, size_t *n)
{
    *n = cl->out.n;
    cl->out.n = 0;
    return cl->out.a;
}

int belopp_classify(const belopp_text *t, const belopp_segments *g, const belopp_candidate *c,
                    size_t n, belopp_amount **out, size_t *nout, belopp_diags *diags)
{
    belopp_classifier *cl = belopp_classifier_new(t, g);
    if (!cl)
        return -1;
    for (size_t i = 0; i < n; i++)
        if (belopp_classifier_add(cl, &c[i], diags) < 0) {
            belopp_classifier_free(cl);
            return -1;
        }
    if (belopp_classifier_finish(cl, diags) < 0) {
        belopp_classifier_free(cl);
        return -1;
    }
    *out = cl->out.a; /* the whole list, taken over from cl */
    *nout = cl->out.n;
    cl->out.a = NULL;
    belopp_classifier_free(cl);
    return 0;
}
