/* glued.c — cells of a table that lost every separator.
 *
 * Design note: the facts about such tables this relies on.
 * - An HTML table copied to text without its cell gaps keeps the spaces
 *   inside each number ("44 274 541") and none between cells: a space is
 *   always inside a number, and a cell ends where digits run on without
 *   one ("44 274 54125 326 811": 44 274 541 | 25 326 811).
 * - Every group of a number after its first has exactly three digits, so
 *   once a number's first group is chosen (one, two or three digits) the
 *   rest of it follows: the groups after spaces, up to the first digit or
 *   sign glued on.  The only choices are the first groups' lengths.
 * - A number never starts with "0" and more digits; "0" is a cell alone.
 * - A minus sign always starts a cell ("saldo-856-585-76": -856 | -585 |
 *   -76).
 * - Such pages (statistics databases) carry a Totalt column before its
 *   parts: the split is the one whose first cell is the sum of the others.
 *   Where none or several add up, the row cannot be read.
 * - The titles run together too; each title starts with a capital and ends
 *   in a lower-case letter ("RiketTotaltUtbildning på grundnivå").
 */
#include "glued.h"

#include <stdint.h>
#include <string.h>

#include <utf8proc.h>

#include "../normalize/amount.h"

#define GLUED_MAX_CELLS 16
/* Ways tried before a row is called too ambiguous to read: a row of six
 * cells has at most 3^6 = 729 (most end at once). */
#define GLUED_MAX_TRIES 100000UL

/* The code point at s[i] (before end) and its length in *len; -1 when the
 * bytes are no valid UTF-8. */
static utf8proc_int32_t cp_at(const char *s, size_t i, size_t end, size_t *len)
{
    utf8proc_int32_t c;
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(end - i), &c);
    if (n <= 0) {
        *len = 1;
        return -1;
    }
    *len = (size_t)n;
    return c;
}

/* Length of the minus sign at s[i] ("-", "−", "–"), or 0. */
static size_t minus_at(const char *s, size_t i, size_t end)
{
    if (s[i] == '-')
        return 1;
    if (i + 2 < end && (unsigned char)s[i] == 0xE2 &&
        (((unsigned char)s[i + 1] == 0x88 && (unsigned char)s[i + 2] == 0x92) ||
         ((unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x93)))
        return 3;
    return 0;
}

/* Length of the space inside a number at s[i]: a space, a no-break or a
 * narrow no-break space; never a tab (a tab is a cell gap kept). */
static size_t group_space_at(const char *s, size_t i, size_t end)
{
    if (s[i] == ' ')
        return 1;
    if (i + 1 < end && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA0)
        return 2;
    if (i + 2 < end && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
        ((unsigned char)s[i + 2] == 0xAF || (unsigned char)s[i + 2] == 0x89))
        return 3;
    return 0;
}

static int digit(char c) { return c >= '0' && c <= '9'; }

size_t belopp_glued_titles(const char *s, belopp_span l, belopp_span *out, size_t cap)
{
    size_t n = 0, from = l.start, len;
    int prev_lower = 0;
    for (size_t i = l.start; i < l.end; i += len) {
        utf8proc_int32_t c = cp_at(s, i, l.end, &len);
        utf8proc_category_t cat = c < 0 ? UTF8PROC_CATEGORY_CN : utf8proc_category(c);
        if (cat == UTF8PROC_CATEGORY_LU && prev_lower && i > from) {
            if (n == cap)
                return 0;
            out[n++] = (belopp_span){from, i};
            from = i;
        }
        prev_lower = cat == UTF8PROC_CATEGORY_LL;
    }
    if (n == 0 || n == cap)
        return 0; /* no place where titles meet, or too many titles */
    out[n++] = (belopp_span){from, l.end};
    return n;
}

size_t belopp_glued_values(const char *s, belopp_span l)
{
    size_t v = l.end, k;
    /* back over the run of digits, spaces and signs that ends the line */
    while (v > l.start) {
        size_t p = v - 1;
        while (p > l.start && ((unsigned char)s[p] & 0xC0) == 0x80)
            p--;
        if (digit(s[p]) || minus_at(s, p, l.end) || group_space_at(s, p, l.end))
            v = p;
        else
            break;
    }
    /* it starts at once after the label, with a digit or a sign and a digit */
    if (v == l.end || v == l.start || group_space_at(s, v, l.end))
        return l.end;
    if ((k = minus_at(s, v, l.end)) > 0 && !(v + k < l.end && digit(s[v + k])))
        return l.end;
    size_t p = v - 1;
    while (p > l.start && ((unsigned char)s[p] & 0xC0) == 0x80)
        p--;
    size_t len;
    utf8proc_int32_t c = cp_at(s, p, v, &len);
    if (s[p] == '.' || (c >= 0 && (utf8proc_category(c) == UTF8PROC_CATEGORY_LL ||
                                   utf8proc_category(c) == UTF8PROC_CATEGORY_LU)))
        return v;
    return l.end;
}

typedef struct {
    const char *s;
    size_t start, end, max;
    unsigned char least[BELOPP_GLUED_MAX_BYTES + 1]; /* the fewest cells s[p, end) splits
                                                        into (from p - start), 255 for none */
    size_t k, dec;                     /* exact count of cells (0: the first the sum of the
                                          others) and decimals of each */
    size_t n;                          /* cells so far */
    belopp_span cell[GLUED_MAX_CELLS];
    int64_t val[GLUED_MAX_CELLS];
    size_t found;                      /* splits that add up, up to 2 */
    size_t nbest;
    belopp_span best[GLUED_MAX_CELLS];
    unsigned long tries, budget;
} glued_search;

/* The end of the number that starts at s[p] (its sign, then a first group
 * of g digits, then every group after a space), or 0 when there is none
 * such or what follows it cannot start another.  Its value, overflow
 * checked, goes to *value. */
/* As number_end above, with exactly dec decimals after a comma when dec >
 * 0 (the value then in units of the last decimal). */
static size_t number_end_dec(const char *s, size_t p, size_t end, size_t g, size_t dec,
                             int64_t *value)
{
    size_t sign = minus_at(s, p, end), d = p + sign;
    if (d + g > end)
        return 0;
    for (size_t i = d; i < d + g; i++)
        if (!digit(s[i]))
            return 0;
    if (g > 1 && s[d] == '0')
        return 0; /* "05": no number */
    int64_t v = 0;
    for (size_t i = d; i < d + g; i++)
        v = v * 10 + (s[i] - '0'); /* at most 999 */
    size_t e = d + g, sp;
    /* the groups after it, each a space and three digits */
    while (e < end && (sp = group_space_at(s, e, end)) > 0) {
        size_t a = e + sp;
        if (s[d] == '0' || a + 3 > end || !digit(s[a]) || !digit(s[a + 1]) || !digit(s[a + 2]) ||
            belopp_mul_i64(&v, 1000) < 0 ||
            belopp_add_i64(&v, (s[a] - '0') * 100 + (s[a + 1] - '0') * 10 + (s[a + 2] - '0')) < 0)
            return 0;
        e = a + 3;
    }
    if (dec) {
        if (e + 1 + dec > end || s[e] != ',')
            return 0;
        for (size_t i = e + 1; i <= e + dec; i++) {
            if (!digit(s[i]) || belopp_mul_i64(&v, 10) < 0 || belopp_add_i64(&v, s[i] - '0') < 0)
                return 0;
        }
        e += 1 + dec;
    }
    /* what follows is the next cell: a digit or a sign */
    if (e < end && !digit(s[e]) && !minus_at(s, e, end))
        return 0;
    *value = sign ? -v : v;
    return e;
}

/* Does the split in q add up: its first cell the sum of the others? */
static int adds_up(const glued_search *q)
{
    int64_t sum = 0;
    for (size_t i = 1; i < q->n; i++)
        if (belopp_add_i64(&sum, q->val[i]) < 0)
            return 0;
    return sum == q->val[0];
}

/* Tries every split of s[p, end) into the cells after q's first q->n. */
static void glued_try(glued_search *q, size_t p)
{
    if (q->found > 1 || q->tries >= q->budget)
        return;
    q->tries++;
    if (p == q->end) {
        if (q->n >= 2 && (q->k ? q->n == q->k : adds_up(q)) && ++q->found == 1) {
            q->nbest = q->n;
            memcpy(q->best, q->cell, q->n * sizeof q->cell[0]);
        }
        return;
    }
    if (q->n + q->least[p - q->start] > q->max)
        return; /* the rest needs more cells than are left */
    for (size_t g = 1; g <= 3; g++) {
        int64_t v;
        size_t e = number_end_dec(q->s, p, q->end, g, q->dec, &v);
        if (!e)
            continue;
        q->cell[q->n] = (belopp_span){p, e};
        q->val[q->n] = v;
        q->n++;
        glued_try(q, e);
        q->n--;
    }
}

static size_t glued_search_run(const char *s, belopp_span v, size_t max, size_t k, size_t dec,
                               belopp_span *cells, unsigned long *budget);

size_t belopp_glued_split(const char *s, belopp_span v, size_t max, belopp_span *cells,
                          unsigned long *budget)
{
    return glued_search_run(s, v, max, 0, 0, cells, budget);
}

size_t belopp_glued_split_k(const char *s, belopp_span v, size_t k, size_t dec, belopp_span *cells,
                            unsigned long *budget)
{
    if (k < 2)
        return 0;
    return glued_search_run(s, v, k, k, dec, cells, budget);
}

static size_t glued_search_run(const char *s, belopp_span v, size_t max, size_t k, size_t dec,
                               belopp_span *cells, unsigned long *budget)
{
    glued_search q;
    memset(&q, 0, sizeof q);
    q.k = k;
    q.dec = dec;
    q.s = s;
    q.start = v.start;
    q.end = v.end;
    q.max = max < GLUED_MAX_CELLS ? max : GLUED_MAX_CELLS;
    if (v.start >= v.end || v.end - v.start > BELOPP_GLUED_MAX_BYTES || q.max < 2)
        return 0;
    /* the fewest cells each rest of v needs, from the end back: a long run
     * of digits that no max cells can hold is given up at once */
    q.least[v.end - v.start] = 0;
    for (size_t p = v.end; p-- > v.start;) {
        unsigned least = 255;
        for (size_t g = 1; g <= 3; g++) {
            int64_t x;
            size_t e = number_end_dec(s, p, v.end, g, dec, &x);
            if (e && q.least[e - v.start] + 1u < least)
                least = q.least[e - v.start] + 1u;
        }
        q.least[p - v.start] = (unsigned char)least;
    }
    q.budget = *budget < GLUED_MAX_TRIES ? *budget : GLUED_MAX_TRIES;
    glued_try(&q, v.start);
    *budget -= q.tries;
    if (q.found > 1 || q.tries >= q.budget)
        return (size_t)-1;
    if (q.found == 0)
        return 0;
    memcpy(cells, q.best, q.nbest * sizeof q.best[0]);
    return q.nbest;
}
