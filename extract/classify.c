/* classify.c — which numbers are money.
 *
 * Design note: precision first.  A wrong figure in a budget database is
 * worse than a missing one, so a number is money only on positive evidence:
 * - a currency after it: "200 miljoner kronor", "45 mkr";
 * - a currency before it: "SEK 30", "€5,90" (not a year alone: "SEK 2025");
 * - "miljon(er)/miljard(er)/biljon(er)" after it, in a text that names a
 *   currency somewhere or a sentence about a budget or a deficit, unless it
 *   counts something: "189 miljoner i statsbidrag", "1 miljard vardera" are
 *   money, "2,3 miljoner invånare", "2 miljoner vaccinerats" are not;
 * - a unit on the next line only inside one sentence ("Tabell 1" over
 *   "Miljoner kronor" is nothing);
 * - a cell of a table whose header names the unit: "Stockholm 2 111" under
 *   "Miljoner kronor" (but not "12 %"); the table stage (segment.c) splits
 *   the rows into cells and values them, and they are written from there.
 * Everything else — dates, years, phone numbers, counts, "1177" — is left.
 */
#include "classify.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>


#include "../normalize/amount.h"
#include "grow.h"

/* Is s[a, b) a count noun ("invånare"), a compound ending in one
 * ("vaccindoser"), or the genitive of either ("människors")? */
static int count_noun(const char *s, size_t a, size_t b)
{
    size_t n = b - a;
    if (belopp_words_has(BELOPP_WORDS_COUNT_NOUN, s + a, n))
        return 1;
    if (n > 3 && (s[b - 1] == 's' || s[b - 1] == 'S') &&
        belopp_words_has(BELOPP_WORDS_COUNT_NOUN, s + a, n - 1))
        return 1;
    /* a compound: a count noun of five or more letters ends it */
    for (const char *const *w = belopp_words(BELOPP_WORDS_COUNT_NOUN); *w; w++) {
        size_t l = strlen(*w);
        if (l >= 5 && n > l && belopp_word_equal(s + b - l, l, *w) &&
            ((unsigned char)s[b - l] & 0xC0) != 0x80)
            return 1;
    }
    return 0;
}

/* Does an amount with its unit follow s[b] after spaces: "150 miljoner",
 * "drygt 90 miljoner kronor", "500 kronor"? */
static int priced_at(const char *s, size_t len, size_t b)
{
    size_t p = belopp_skip_spaces(s, b, len);
    if (p == b || p >= len)
        return 0;
    size_t q = belopp_word_end(s, p, len);
    if (q > p && belopp_qualifier_lookup(s + p, q - p))
        p = belopp_skip_spaces(s, q, len); /* "för drygt 150 miljoner" */
    if (p >= len || s[p] < '0' || s[p] > '9')
        return 0;
    while (p < len && ((s[p] >= '0' && s[p] <= '9') || s[p] == ',' ||
                       (s[p] == ' ' && p + 1 < len && s[p + 1] >= '0' && s[p + 1] <= '9')))
        p++;
    size_t u = belopp_skip_spaces(s, p, len);
    if (u == p || u >= len)
        return 0;
    size_t v = belopp_word_end(s, u, len);
    const belopp_unit *unit = v > u ? belopp_unit_lookup(s + u, v - u) : NULL;
    if (!unit)
        return 0;
    if (unit->kind == BELOPP_UNIT_SCALE) {
        /* "för 3 miljoner invånare" is no price: a count after the scale */
        size_t w0 = belopp_skip_spaces(s, v, len), w1 = belopp_word_end(s, w0, len);
        if (w0 > v && w1 > w0 && count_noun(s, w0, w1))
            return 0;
    }
    return 1;
}

/* "1 miljon fick 500 kronor var": "fick" or "får" right after the scale
 * word, then an amount with its unit: the first number counts who got it. */
static int received(const char *s, size_t len, size_t end)
{
    size_t a = belopp_skip_spaces(s, end, len);
    if (a == end || a >= len)
        return 0;
    size_t b = belopp_word_end(s, a, len);
    return b > a && (belopp_word_equal(s + a, b - a, "fick") || belopp_word_equal(s + a, b - a, "får")) &&
           priced_at(s, len, b);
}

/* "10 miljoner munskydd för 150 miljoner kronor": one or two words after
 * the scale word, then "för" and an amount with its unit, is a purchase: the
 * first number counts what was bought, whatever the noun ("munskydd" is in
 * no list).  The price after "för" must carry a scale word or a currency, so
 * "300 miljoner extra för 2025" stays money. */
static int bought_for(const char *s, size_t len, size_t end)
{
    size_t i = end;
    for (int w = 0; w < 3; w++) {
        size_t a = belopp_skip_spaces(s, i, len);
        if (a == i || a >= len)
            return 0;
        size_t b = belopp_word_end(s, a, len);
        if (b == a)
            return 0;
        if (belopp_word_equal(s + a, b - a, "för")) {
            if (w == 0)
                return 0; /* "5 miljoner för …": nothing counted */
            return priced_at(s, len, b);
        }
        if (w == 2 || (!(s[a] >= 'a' && s[a] <= 'z') && (unsigned char)s[a] < 0x80))
            return 0; /* a lower-case word: the thing counted or its adjective */
        if (belopp_words_has(BELOPP_WORDS_PER_STOP, s + a, b - a) ||
            belopp_unit_lookup(s + a, b - a))
            return 0; /* "5 miljoner och 3 miljoner för …", "5 miljoner kronor för" */
        if (b < len && !belopp_space_at(s, b, len))
            return 0;
        i = b;
    }
    return 0;
}

/* Does "N miljoner" count something instead of kronor?  The words after the
 * scale word decide: a count noun or measure, maybe after one or two
 * adjectives ("2 miljoner nya jobb", "3 miljoner unika besökare") or in the
 * genitive ("2 miljoner människors vardag"); or what counted people do,
 * maybe after "har" ("2 miljoner vaccinerats", "1 miljon har smittats").
 * Before the number, "antalet" or "befolkningen" in the same sentence makes
 * a counting context.  Anything else is money in a text about money:
 * "189 miljoner i statsbidrag", "1 miljard vardera", "900 miljoner återstår".
 * (Only from miljon up: "tre tusen" alone counts far more often than it
 * pays, "tre tusen nya tjänster".) */
static int counts_something(const char *s, size_t len, size_t end, belopp_span sentence,
                            size_t num_start)
{
    if (bought_for(s, len, end) || received(s, len, end))
        return 1;
    size_t i = end;
    for (int w = 0; w < 3; w++) {
        size_t a = belopp_skip_spaces(s, i, len);
        if (a == i || a >= len)
            break;
        size_t b = belopp_word_end(s, a, len);
        if (b == a)
            break;
        if (belopp_words_has(BELOPP_WORDS_TIME_LEAD, s + a, b - a) ||
            belopp_word_equal(s + a, b - a, "per"))
            break; /* "160 miljoner nästa år": a time, not a count of years;
                      "5 miljoner per år": what the money is per */
        if (belopp_word_equal(s + a, b - a, "år")) {
            size_t y = belopp_skip_spaces(s, b, len);
            if (y > b && len - y >= 4 && belopp_is_year(s, (belopp_span){y, y + 4}) &&
                (y + 4 == len || s[y + 4] < '0' || s[y + 4] > '9'))
                break; /* "2,5 miljoner år 2020": the year of the amount */
        }
        if (count_noun(s, a, b) || belopp_words_has(BELOPP_WORDS_COUNT_VERB, s + a, b - a))
            return 1;
        /* the next word goes on only after an adjective-like word or "har" */
        if (belopp_words_has(BELOPP_WORDS_PER_STOP, s + a, b - a) &&
            !belopp_words_has(BELOPP_WORDS_AUXILIARY, s + a, b - a))
            break;
        if (b < len && !belopp_space_at(s, b, len))
            break; /* punctuation ends the phrase */
        i = b;
    }
    /* "antalet besökare ökade till 2 miljoner" */
    for (size_t a = sentence.start; a < num_start && a < sentence.end;) {
        size_t b = belopp_word_end(s, a, len);
        if (b > a) {
            if (belopp_words_prefix(BELOPP_WORDS_COUNT_CONTEXT, s + a, b - a))
                return 1;
            a = b;
        } else {
            a++;
            while (a < len && ((unsigned char)s[a] & 0xC0) == 0x80)
                a++;
        }
    }
    return 0;
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
    size_t i = belopp_skip_spaces(s, k->currency.end, len);
    if (len - i < 3 || strncmp(s + i, "av", 2) != 0 || !belopp_space_at(s, i + 2, len))
        return 0;
    i = belopp_skip_spaces(s, i + 2, len);
    belopp_decimal d;
    size_t w = i;
    while (w < len && ((s[w] >= 'a' && s[w] <= 'z') || (unsigned char)s[w] >= 0x80 ||
                       (s[w] >= '0' && s[w] <= '9')))
        w++;
    return w > i && ((s[i] >= '0' && s[i] <= '9') || belopp_parse_words(s + i, w - i, &d) == BELOPP_OK);
}

/* Do a range's two numbers stand on either side of "till" (not a dash)? */
static int till_between(const char *s, const belopp_candidate *k)
{
    for (size_t i = k->number.end; i + 4 <= k->number2.start; i++)
        if (strncmp(s + i, "till", 4) == 0)
            return 1;
    return 0;
}

/* "höjs 2024 till 300 miljoner" is no range from the year 2024. */
static int year_before_till(const char *s, const belopp_candidate *k)
{
    if (k->number2.start == k->number2.end || !belopp_is_year(s, k->number))
        return 0; /* "19,5 till 25" is a range: 19,5 is no year */
    return till_between(s, k);
}

/* "2017 2018 2019 2020 2021 Kr/inv.": a year after another year is a title of
 * a run of years (a flattened table's header), not an amount. */
static int year_after_year(const char *s, const belopp_candidate *k)
{
    belopp_span a = k->number;
    if (k->number2.start != k->number2.end || k->sign.start != k->sign.end ||
        k->qualifier.start != k->qualifier.end || !belopp_is_year(s, a) || a.start < 5 ||
        s[a.start - 1] != ' ')
        return 0;
    belopp_span prev = {a.start - 5, a.start - 1};
    return belopp_is_year(s, prev) &&
           (prev.start == 0 || s[prev.start - 1] == ' ' || s[prev.start - 1] == '\n');
}

static const char *qualifier_kind(const char *s, belopp_span q)
{
    if (q.start == q.end)
        return NULL;
    const belopp_qualifier *k = belopp_qualifier_lookup(s + q.start, q.end - q.start);
    return k ? k->kind : NULL;
}

/* "från 295 kronor" is at least 295 kronor, but "från 1 200 kr till 1 350 kr"
 * is a change and "från 19,5 till 25 miljoner" a range: "från" qualifies
 * only when no "till" follows. */
static int from_is_a_change(const char *s, size_t len, const belopp_candidate *k, size_t end)
{
    if (k->qualifier.start == k->qualifier.end ||
        !belopp_word_equal(s + k->qualifier.start, k->qualifier.end - k->qualifier.start, "från"))
        return 0;
    if (k->number2.start != k->number2.end)
        return 1;
    size_t i = belopp_skip_spaces(s, end, len);
    /* "från 2,3 miljoner kronor år 2019 till 2,5 miljoner år 2020": the
     * year of the first value may stand before "till" */
    size_t w = belopp_word_end(s, i, len), y = i;
    if (w > i && (belopp_word_equal(s + i, w - i, "år") || belopp_word_equal(s + i, w - i, "under")))
        y = belopp_skip_spaces(s, w, len);
    if (len - y >= 5 && belopp_is_year(s, (belopp_span){y, y + 4}) &&
        (y + 4 == len || s[y + 4] < '0' || s[y + 4] > '9'))
        i = belopp_skip_spaces(s, y + 4, len);
    return len - i >= 5 && belopp_word_equal(s + i, 4, "till") && belopp_space_at(s, i + 4, len);
}

/* "Resultatet ökade från 2,5 till 8,0 miljarder kronor" is a change: the
 * value before and the value after, two amounts.  A word of change
 * (BELOPP_WORDS_CHANGE) among the three words before "från", in the same
 * clause, decides it; without one "från 19,5 till 25 miljoner" stays a
 * range. */
static int from_to_is_a_change(const char *s, const belopp_candidate *k, belopp_span sentence)
{
    if (k->number2.start == k->number2.end || k->qualifier.start == k->qualifier.end ||
        !belopp_word_equal(s + k->qualifier.start, k->qualifier.end - k->qualifier.start, "från"))
        return 0;
    if (!till_between(s, k))
        return 0; /* "från 2,5–8,0 miljarder" */
    size_t i = k->qualifier.start;
    for (int words = 0; words < 3; words++) {
        size_t end = i;
        while (i > sentence.start && s[i - 1] == ' ')
            i--;
        if (i == end)
            return 0; /* "från" glued to what is before it */
        end = i;
        while (i > sentence.start && (((unsigned char)s[i - 1] >= 'a' && s[i - 1] <= 'z') ||
                                      (s[i - 1] >= 'A' && s[i - 1] <= 'Z') ||
                                      (unsigned char)s[i - 1] >= 0x80))
            i--;
        if (i == end)
            return 0; /* a comma, a digit: another clause */
        if (belopp_words_prefix(BELOPP_WORDS_CHANGE, s + i, end - i))
            return 1;
    }
    return 0;
}

/* "från 194 till 172 miljoner kronor": a range is written low to high, so
 * "från" a higher number "till" a lower one is a change, the value before
 * and the value after, even with no word of change before it.  (The caller
 * compares the values.) */
static int from_till_falling(const char *s, const belopp_candidate *k)
{
    return k->qualifier.start != k->qualifier.end &&
           belopp_word_equal(s + k->qualifier.start, k->qualifier.end - k->qualifier.start, "från") &&
           till_between(s, k);
}

static const belopp_unit *unit_of(const char *s, belopp_span sp)
{
    return sp.start == sp.end ? NULL : belopp_unit_lookup(s + sp.start, sp.end - sp.start);
}

/* The decimal mark of a number in digits: ':' ("3:37 SEK"), ',' ("6 250,5", "7.250.000"),
 * or '.' when the digits after the last dot are not a group of three
 * ("£ 8.10 miljoner"; the matcher allows that only after a currency). */
static char decimal_mark(const char *s, belopp_span num)
{
    size_t dot = num.end;
    for (size_t i = num.start; i < num.end; i++) {
        if (s[i] == ':')
            return ':'; /* "3:37 SEK" */
        if (s[i] == '.')
            dot = i;
    }
    return dot < num.end && num.end - dot - 1 != 3 ? '.' : ',';
}

/* The value of a written number (digits or words) times 10^exp10, in minor
 * units of exponent minor_exp, negated when negative is set.  Digits start
 * with a digit or a sign, words with a letter. */
static belopp_status value_of(const char *s, belopp_span num, int exp10, int minor_exp,
                              int negative, int64_t *out)
{
    belopp_decimal d;
    int in_words = belopp_letter_at(s, num.start, num.end);
    belopp_status st = in_words ? belopp_parse_words(s + num.start, num.end - num.start, &d)
                                : belopp_parse_decimal_mark(s + num.start, num.end - num.start,
                                                            decimal_mark(s, num), &d);
    if (st == BELOPP_OK)
        st = belopp_to_minor_exp(d, exp10, minor_exp, out);
    if (st == BELOPP_OK && negative)
        *out = -*out; /* cannot overflow: |INT64_MIN| > INT64_MAX */
    return st;
}

/* Is k's number one to three digits, a comma and three digits ("4,320"),
 * in whole units of the currency (no scale word, no "tkr"), and no price per
 * something ("17,459 kr/liter")? */
static int comma_thousands(const char *s, const belopp_candidate *k, int exp10,
                           const belopp_unit *scale)
{
    belopp_span n = k->number;
    if (scale || exp10 != 0 || k->in_words || k->per.start != k->per.end ||
        k->number2.start != k->number2.end || n.end - n.start < 5 || n.end - n.start > 7 ||
        s[n.end - 4] != ',')
        return 0;
    for (size_t i = n.start; i < n.end; i++)
        if (i != n.end - 4 && !(s[i] >= '0' && s[i] <= '9'))
            return 0;
    return 1;
}

/* The diagnostic code for a failed conversion. */
static belopp_diag_code status_code(belopp_status st)
{
    return st == BELOPP_E_OVERFLOW   ? BELOPP_DIAG_OVERFLOW
           : st == BELOPP_E_FRACTION ? BELOPP_DIAG_FRACTION
                                     : BELOPP_DIAG_NUMBER;
}

/* Says that the amount written at sp is left out, and why. */
static void report(belopp_diags *diags, const belopp_text *t, belopp_span sp,
                   belopp_diag_code code, const char *why)
{
    const char *s = belopp_text_data(t);
    int shown = (int)(sp.end - sp.start > 60 ? 60 : sp.end - sp.start);
    while (shown > 0 && ((unsigned char)s[sp.start + (size_t)shown] & 0xC0) == 0x80)
        shown--; /* never cut a character in two */
    belopp_diags_add(diags, BELOPP_ERROR, code, belopp_text_src_start(t, sp.start),
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
    report(diags, t, a->text, BELOPP_DIAG_UNPLACED, "not found in the input's bytes");
    return 0;
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

/* A candidate whose low end is dropped: "höjs 2024 till 300 miljoner",
 * "5–4 miljoner".  The amount after "till" or the dash stands alone. */
static void keep_high_end(belopp_candidate *k)
{
    k->number = k->number2;
    k->number2 = (belopp_span){0, 0};
    k->qualifier = k->sign = k->prefix_currency = (belopp_span){0, 0};
    k->in_words = 0;
    k->whole.start = k->number.start;
}

/* Is there a line break in s[a, b)? */
static int line_break_in(const char *s, size_t a, size_t b)
{
    return a < b && memchr(s + a, '\n', b - a) != NULL;
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
            belopp_diags_add(diags, BELOPP_WARNING, BELOPP_DIAG_TABLE_ROW,
                             belopp_text_src_start(t, r->line.start), "table row \"%.*s%s\" left out: %s", shown, s + r->line.start,
                             (size_t)shown < r->line.end - r->line.start ? "…" : "", r->left_out);
            continue;
        }
        for (size_t i = 0; i < r->ncells; i++) {
            const belopp_cell *c = belopp_segments_cell(g, r->cell + i);
            if (!c->money || c->empty)
                continue;
            if (c->status != BELOPP_OK) {
                report(diags, t, c->text, status_code(c->status), belopp_status_message(c->status));
                continue;
            }
            belopp_amount am = {
                .text = c->text,
                .src = belopp_text_src_span(t, c->text.start, c->text.end, &cl->src_hint),
                .sentence = r->line,
                .row = r,
                .column = c->column,
                .currency = c->currency,
                .minor_exp = 2, /* the table stage values cells in hundredths */
                .minor = c->minor,
                .unit = c->unit,
                .per = belopp_segments_table(g, r->table)->per,
                .sum = c->sum,
                .is_total = c->is_total,
            };
            if (placed(t, &am, diags) && push(&cl->out, am) < 0)
                return -1;
        }
    }
    return 0;
}

/* "ett underskott på runt 2 000 per invånare": a number with no unit but a
 * per-phrase (match.c keeps only "per NOUN" or "/NOUN" after it) is kronor
 * in a text about money, in a sentence with a word of money, when it is a
 * whole number of at least 100 and no year: "bidraget går till 12 per
 * kommun", "2024 per elev" and "1,5 per anställd" count or date. */
static int bare_per_kronor(const belopp_classifier *cl, const belopp_candidate *k, belopp_span sentence)
{
    const char *s = belopp_text_data(cl->t);
    size_t digits = 0;
    for (size_t i = k->number.start; i < k->number.end; i++)
        digits += s[i] >= '0' && s[i] <= '9';
    if (!cl->money_text || k->per.start == k->per.end || k->in_words ||
        k->number2.start != k->number2.end || k->prefix_currency.start != k->prefix_currency.end ||
        belopp_is_year(s, k->number) || digits < 3 || s[k->number.start] == '0' ||
        memchr(s + k->number.start, ',', k->number.end - k->number.start) ||
        memchr(s + k->number.start, '.', k->number.end - k->number.start))
        return 0;
    return belopp_words_within(BELOPP_WORDS_MONEY_CONTEXT, s + sentence.start,
                               sentence.end - sentence.start) &&
           !counts_something(s, belopp_text_len(cl->t), k->per.end, sentence,
                             k->number.start);
}

/* The rank of the scale word s[a, b): 3 for "miljard(er)", 2 for
 * "miljon(er)", 1 for "tusen", else 0. */
static int scale_rank(const char *s, size_t a, size_t b)
{
    static const struct {
        const char *w;
        int rank;
    } RANK[] = {{"miljard", 3}, {"miljarder", 3}, {"miljon", 2}, {"miljoner", 2}, {"tusen", 1}};
    for (size_t i = 0; i < sizeof RANK / sizeof RANK[0]; i++)
        if (belopp_word_equal(s + a, b - a, RANK[i].w))
            return RANK[i].rank;
    return 0;
}

/* "1 miljon 200 tusen kronor", "10 miljarder 243,5 miljoner kronor" are
 * one amount each written in two parts, which the matcher reads as "1
 * miljon" and "200 tusen kronor": neither is the amount, so both are left
 * out (precision first, as a vague pair is).  A part: a number of one to
 * three digits (maybe with decimals) and a scale smaller than the one
 * before it. */
static int millions_then_thousands(const char *s, size_t len, const belopp_candidate *k)
{
    if (k->scale.start == k->scale.end)
        return 0;
    int rank = scale_rank(s, k->scale.start, k->scale.end);
    if (rank >= 2) { /* "10 miljarder| 243,5 miljoner" */
        size_t p = belopp_skip_spaces(s, k->scale.end, len), q = p;
        while (q < len && q - p < 4 && s[q] >= '0' && s[q] <= '9')
            q++;
        if (p == k->scale.end || q == p || q - p > 3)
            q = p; /* (no part after it) */
        if (q > p && q + 1 < len && s[q] == ',' && s[q + 1] >= '0' && s[q + 1] <= '9')
            for (q++; q < len && s[q] >= '0' && s[q] <= '9'; q++)
                ;
        size_t u = belopp_skip_spaces(s, q, len);
        size_t v = belopp_word_end(s, u, len);
        int next = u > q ? scale_rank(s, u, v) : 0;
        if (next > 0 && next < rank)
            return 1;
    }
    if (rank == 0 || rank == 3)
        return 0;
    /* "1 miljon |200 tusen kronor", "10 miljarder |243,5 miljoner kronor" */
    size_t e = k->number.start;
    while (e > 0 && s[e - 1] == ' ')
        e--;
    size_t b = e;
    while (b > 0 && (((unsigned char)s[b - 1] >= 'a' && s[b - 1] <= 'z') || (unsigned char)s[b - 1] >= 0x80))
        b--;
    if (b == e || e == k->number.start || b == 0 || s[b - 1] != ' ')
        return 0;
    return scale_rank(s, b, e) > rank && b >= 2 && s[b - 2] >= '0' && s[b - 2] <= '9';
}

/* Does k's number go on from digits glued to a word ("Disponeras av
 * Boverket1 621 000 tkr": a page that lost the space before its figure)?
 * The pattern starts no number inside a word, so it found "621 000 tkr", a
 * piece of the figure: no amount, as the whole cannot be told from a
 * label ending in a digit ("Q3 150 mkr"). */
static int glued_lead(const char *s, const belopp_candidate *k)
{
    size_t p = k->sign.start != k->sign.end ? k->sign.start : k->number.start;
    if (p < 3 || s[p - 1] != ' ')
        return 0;
    size_t d = p - 1;
    while (d > 0 && p - 1 - d < 4 && s[d - 1] >= '0' && s[d - 1] <= '9')
        d--;
    if (d == p - 1 || p - 1 - d > 3 || d == 0)
        return 0;
    size_t q = d - 1;
    while (q > 0 && ((unsigned char)s[q] & 0xC0) == 0x80)
        q--; /* the letter's first byte: "…ä1 621" */
    return belopp_letter_at(s, q, p);
}

/* Is k's first group a row's label, the line a table's row of prices
 * each with its unit ("5 350 kr 510 kr 680 kr 400 kr": fare zone 5, then
 * 350 kr …; "193 152 090 kr 92 835 kr 46 080 kr": 193 MWh, then 152 090
 * kr …)?  The number starts the line and two prices or more follow on the
 * line, each of fewer thousands groups than it: the space after its first
 * group is then a cell gap as well as a thousands space, and the amount
 * cannot be told (no amount). */
static int row_number_lead(const char *s, size_t len, const belopp_candidate *k)
{
    size_t a = k->number.start, e = k->number.end;
    if (k->sign.start != k->sign.end || k->scale.start != k->scale.end || k->currency.start == k->currency.end ||
        k->number2.start != k->number2.end)
        return 0;
    size_t ls = a;
    while (ls > 0 && (s[ls - 1] == ' ' || s[ls - 1] == '\t'))
        ls--;
    if (ls > 0 && s[ls - 1] != '\n')
        return 0;
    size_t groups = 1;
    for (size_t i = a; i < e; i++) {
        if (s[i] == ',')
            return 0; /* (decimals: "1 039,50 kr") */
        groups += s[i] == ' ';
    }
    if (groups < 2)
        return 0;
    /* the prices after it on the line: groups of digits, then the same unit */
    size_t cu = k->currency.end - k->currency.start, more = 0;
    for (size_t i = k->currency.end; i < len && s[i] != '\n' && s[i] != '\r';) {
        while (i < len && s[i] == ' ')
            i++;
        if (i >= len || s[i] == '\n' || s[i] == '\r')
            break;
        size_t g = 0;
        for (;;) {
            size_t d = i;
            while (i < len && s[i] >= '0' && s[i] <= '9')
                i++;
            if (i == d || (g > 0 && i - d != 3))
                return 0;
            g++;
            if (!(i + 4 <= len && s[i] == ' ' && s[i + 1] >= '0' && s[i + 1] <= '9' && s[i + 2] >= '0' &&
                  s[i + 2] <= '9' && s[i + 3] >= '0' && s[i + 3] <= '9' &&
                  (i + 4 == len || s[i + 4] < '0' || s[i + 4] > '9')))
                break;
            i++;
        }
        if (g >= groups || i + 1 + cu > len || s[i] != ' ' || memcmp(s + i + 1, s + k->currency.start, cu) != 0)
            return 0;
        i += 1 + cu;
        if (i < len && s[i] != ' ' && s[i] != '\n' && s[i] != '\r')
            return 0;
        more++;
    }
    return more >= 2;
}

/* Decides one candidate; money_text is settled.  Returns -1 when out of memory. */
static int decide(belopp_classifier *cl, const belopp_candidate *k0, belopp_diags *diags)
{
    const belopp_text *t = cl->t;
    const belopp_segments *g = cl->g;
    const char *s = belopp_text_data(t);
    size_t len = belopp_text_len(t);
    belopp_candidate kk = *k0, *k = &kk;
    if (share_or_name(s, len, k) || millions_then_thousands(s, len, k) || glued_lead(s, k) ||
        row_number_lead(s, len, k))
        return 0;
    if (year_before_till(s, k))
        keep_high_end(k);
    if (year_after_year(s, k))
        return 0;
    /* "investeringar 2013-2023 Kronor per invånare", "2021-2025 Miljoner
     * kronor": years, then a capitalised unit word that starts a caption's
     * unit, no price */
    belopp_span unit1 = k->scale.start < k->scale.end ? k->scale : k->currency;
    if (belopp_is_year(s, k->number) &&
        (k->number2.start == k->number2.end || belopp_is_year(s, k->number2)) &&
        unit1.start < unit1.end && unit1.end - unit1.start >= 2 && s[unit1.start] >= 'A' &&
        s[unit1.start] <= 'Z' && s[unit1.start + 1] >= 'a' && s[unit1.start + 1] <= 'z')
        return 0;
    /* "SEK 000" (a unit line's thousands), "kl. 05 kr…": a number of two
     * digits or more led by a zero is no amount */
    if (!k->in_words && k->number.end - k->number.start >= 2 && s[k->number.start] == '0' &&
        s[k->number.start + 1] >= '0' && s[k->number.start + 1] <= '9')
        return 0;
    /* "avsnitt SEK 2025": a code before a year alone is no price */
    if (k->prefix_currency.start != k->prefix_currency.end && k->scale.start == k->scale.end &&
        k->currency.start == k->currency.end && k->number2.start == k->number2.end &&
        belopp_is_year(s, k->number))
        return 0;
    /* A unit on the next line belongs to the number only inside one sentence:
     * "Tabell 1" over "Miljoner kronor" is no amount. */
    size_t unit_end = k->scale.end > k->currency.end ? k->scale.end : k->currency.end;
    size_t num_end = k->number2.end > k->number.end ? k->number2.end : k->number.end;
    if (unit_end && line_break_in(s, num_end, unit_end)) {
        /* "Resultaträkning, 2019–2020" over "miljoner kronor efter region":
         * years in a caption, the unit the header's */
        if (belopp_is_year(s, k->number) &&
            (k->number2.start == k->number2.end || belopp_is_year(s, k->number2)))
            return 0;
        belopp_span sent = belopp_segments_sentence(g, num_end - 1, NULL);
        if (unit_end > sent.end) {
            k->scale = k->currency = k->sub = k->sub_unit = k->per = k->comparison =
                (belopp_span){0, 0};
            k->whole.end = num_end;
            if (k->in_words || (k->prefix_currency.start == k->prefix_currency.end &&
                                !belopp_segments_row(g, k->whole.start, NULL)))
                return 0;
        }
    }
    const belopp_unit *scale = unit_of(s, k->scale), *cur = unit_of(s, k->currency);
    if (cur && !scale && k->currency.end < len) {
        /* "9 SEK miljarder Kv 3 …": a scale after the code makes the two a
         * table's unit ("SEK miljarder"), the number before them a page's
         * or a note's, not an amount of kronor */
        size_t w = belopp_skip_spaces(s, k->currency.end, len);
        const belopp_unit *after =
            w > k->currency.end ? unit_of(s, (belopp_span){w, belopp_word_end(s, w, len)}) : NULL;
        if (after && after->kind == BELOPP_UNIT_SCALE && after->exp10 >= 3)
            return 0;
    }
    if (!cur)
        cur = unit_of(s, k->prefix_currency);
    if (scale && !cur && k->scale.end - k->scale.start > 6 && s[k->scale.end - 1] == 's') {
        /* a scale in the genitive ("1,9 miljarders", "40 miljoners"):
         * money only before a noun of money or change ("höjning",
         * "underskott", "investering"), not "en 10 miljoners stad" */
        size_t w = belopp_skip_spaces(s, k->scale.end, len), we = belopp_word_end(s, w, len);
        if (w == k->scale.end || we == w ||
            !(belopp_words_within(BELOPP_WORDS_MONEY_CONTEXT, s + w, we - w) ||
              belopp_words_prefix(BELOPP_WORDS_CHANGE, s + w, we - w)))
            return 0;
    }
    /* a number in a table row is one of its cells, written from the segments */
    if (belopp_segments_row_at(g, k->whole.start, &cl->row_hint))
        return 0;
    int exp10;
    const char *currency;
    belopp_span sentence = belopp_segments_sentence(g, k->whole.start, &cl->sentence_hint);
    if (cur) {
        exp10 = cur->exp10 + (scale ? scale->exp10 : 0);
        currency = cur->currency;
    } else if (scale && scale->exp10 >= 6 &&
               (cl->money_text || belopp_words_within(BELOPP_WORDS_MONEY_CONTEXT, s + sentence.start,
                                                      sentence.end - sentence.start)) &&
               !counts_something(s, len, k->scale.end, sentence, k->number.start)) {
        exp10 = scale->exp10;
        currency = "SEK";
    } else if (!scale && bare_per_kronor(cl, k, sentence)) {
        exp10 = 0;
        currency = "SEK";
    } else {
        return 0;
    }
    int minor_exp = belopp_minor_exp(currency);
    if (minor_exp < 0)
        minor_exp = 2; /* every code of the lexicon has one; hundredths otherwise */
    if (comma_thousands(s, k, exp10, scale)) {
        /* "4,320 kronor", "288,000 kr": three digits after a comma, and no
         * scale word that would make them decimals ("1,250 miljoner"): a
         * price to the tenth of an öre is rare, an English thousands comma
         * is not; either reading may be wrong, so neither is given */
        report(diags, t, k->whole, BELOPP_DIAG_NUMBER,
               "a comma with three digits after it may be decimals or a thousands separator");
        return 0;
    }

    int negative = k->sign.start != k->sign.end;
    belopp_amount am = {
        .text = k->whole,
        .sentence = sentence,
        .currency = currency,
        .minor_exp = minor_exp,
        .qualifier = from_is_a_change(s, len, k, k->per.end > k->whole.end ? k->per.end
                                                                            : k->whole.end)
                         ? NULL
                         : qualifier_kind(s, k->qualifier),
        .per = k->per,
    };
    belopp_status st = value_of(s, k->number, exp10, minor_exp, negative, &am.minor);
    if (st == BELOPP_OK && k->number2.start != k->number2.end) {
        am.is_range = 1;
        st = value_of(s, k->number2, exp10, minor_exp, 0, &am.minor_high);
        if (st == BELOPP_OK && (from_to_is_a_change(s, k, sentence) ||
                                (am.minor_high < am.minor && from_till_falling(s, k)))) {
            /* the value before, in the unit of the value after */
            belopp_amount before = am;
            before.text.start = k->sign.start != k->sign.end ? k->sign.start : k->number.start;
            before.text.end = k->number.end;
            before.is_range = 0;
            before.qualifier = NULL;
            before.src = belopp_text_src_span(t, before.text.start, before.text.end, &cl->src_hint);
            if (placed(t, &before, diags) && push(&cl->out, before) < 0)
                return -1;
            keep_high_end(k);
            am.text = k->whole;
            am.minor = am.minor_high;
            am.is_range = 0;
            am.qualifier = NULL;
        } else if (st == BELOPP_OK && am.minor_high <= am.minor) {
            /* "5–4 miljoner": two numbers, the second with the unit */
            keep_high_end(k);
            am.text = k->whole;
            am.minor = am.minor_high;
            am.is_range = 0;
            am.qualifier = NULL;
        }
    }
    if (st == BELOPP_OK && k->sub.start != k->sub.end) {
        /* "2 kronor och 23 öre": the matcher checked the minor unit and that
         * "23" is less than one krona */
        int64_t sub;
        st = value_of(s, k->sub, 0, 0, negative, &sub);
        if (st == BELOPP_OK && belopp_add_i64(&am.minor, sub) < 0)
            st = BELOPP_E_OVERFLOW;
    }
    if (st != BELOPP_OK) {
        report(diags, t, k->whole, status_code(st), belopp_status_message(st));
        return 0;
    }
    am.src = belopp_text_src_span(t, am.text.start, am.text.end, &cl->src_hint);
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
        st = value_of(s, k->comparison, exp10, minor_exp, neg, &cmp.minor);
        if (st != BELOPP_OK)
            report(diags, t, k->comparison, status_code(st), belopp_status_message(st));
        else if (placed(t, &cmp, diags) && push(&cl->out, cmp) < 0)
            return -1;
    }
    return 0;
}

/* Is k "N miljoner" in a sentence about money ("Underskottet blev 22,9
 * miljoner") that counts nothing?  Then it is money, and the text one about
 * money: a bare "cirka åtta miljoner" in another sentence of it is money too
 * (held back until then), as it is in a text that names a currency. */
static int money_sentence_at(const belopp_text *t, const belopp_segments *g, const belopp_candidate *k,
                             size_t *row_hint, size_t *sentence_hint)
{
    const char *s = belopp_text_data(t);
    size_t len = belopp_text_len(t);
    const belopp_unit *scale = unit_of(s, k->scale);
    if (!scale || scale->exp10 < 6 || k->currency.start != k->currency.end ||
        belopp_segments_row_at(g, k->whole.start, row_hint))
        return 0;
    belopp_span sentence = belopp_segments_sentence(g, k->whole.start, sentence_hint);
    return belopp_words_within(BELOPP_WORDS_MONEY_CONTEXT, s + sentence.start,
                               sentence.end - sentence.start) &&
           !counts_something(s, len, k->scale.end, sentence, k->number.start);
}

static int money_sentence(belopp_classifier *cl, const belopp_candidate *k)
{
    return money_sentence_at(cl->t, cl->g, k, &cl->row_hint, &cl->sentence_hint);
}

int belopp_money_sentence(const belopp_text *t, const belopp_segments *g, const belopp_candidate *k)
{
    return money_sentence_at(t, g, k, NULL, NULL);
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
    if (!cl->money_text && money_sentence(cl, k)) {
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

int belopp_classifier_money_open(const belopp_classifier *cl)
{
    return !cl->money_text && cl->nheld > 0;
}

int belopp_classifier_money_text(const belopp_classifier *cl) { return cl->money_text; }

void belopp_classifier_set_money_text(belopp_classifier *cl) { cl->money_text = 1; }

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
