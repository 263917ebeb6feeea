/* segment.c — sentences and table blocks.
 *
 * Design note: the facts about press texts this relies on.
 * - Paragraphs are separated by blank lines; a blank line may hold a lone
 *   no-break space ("Län\u00A0").
 * - A line break ends a sentence unless the next line goes on in lower case
 *   (text converted from PDF: "4,1\nmiljarder kronor").  Headings and list
 *   items are lines of their own: "3,2 miljarder till utveckling av den nära
 *   vården".
 * - A sentence ends at . ! ? followed by space and a capital, a digit or a
 *   dash, except after abbreviations ("ca.", "bl.a.", "milj.").
 * - A table is a header line naming a unit ("Miljoner kronor") followed by
 *   lines "label value": a label with letters and no digits, then numbers,
 *   often after a no-break space ("Stockholm\u00A0 110").  A blank line or a
 *   line of another shape ends it.  The line above the header is its
 *   caption ("Region Sammanlagda medel per region.*").
 * - The unit may instead close a caption: "Tabell 2. Kostnad per region
 *   (tkr)", "Resultat per region, miljoner kronor"; or stand in a header
 *   row of cells: "Region<TAB>Miljoner kronor".
 * - Columns are separated by a tab or by two or more spaces.  A line of
 *   titles may follow the header ("Region  2023  2024  Förändring, %"); its
 *   value cells are years or words, never amounts.  A column titled with
 *   "%", "procent" or "andel" holds shares, not money.
 */
#include "segment.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <utf8proc.h>

#include "../normalize/amount.h"
#include "grow.h"

#define MAX_ROW_BYTES 300

struct belopp_segments {
    belopp_span *sent;
    size_t nsent, capsent;
    belopp_row *rows;
    size_t nrows, caprows;
    belopp_table *tables;
    size_t ntables, captables;
};

#define PUSH(arr, n, cap, item)                                                       \
    do {                                                                              \
        void *p_ = (arr);                                                             \
        if (belopp_grow(&p_, &(cap), (n) + 1, sizeof *(arr)) < 0)                     \
            return -1;                                                                \
        (arr) = p_;                                                                   \
        (arr)[(n)++] = (item);                                                        \
    } while (0)

size_t belopp_space_at(const char *s, size_t i, size_t end)
{
    unsigned char c = (unsigned char)s[i];
    if (c == ' ' || c == '\t' || c == '\r')
        return 1;
    if (c == 0xC2 && i + 1 < end && (unsigned char)s[i + 1] == 0xA0)
        return 2;
    if (c == 0xE2 && i + 2 < end && (unsigned char)s[i + 1] == 0x80 &&
        ((unsigned char)s[i + 2] == 0xAF || (unsigned char)s[i + 2] == 0x89))
        return 3;
    return 0;
}

/* Length of the space character that ends just before b, or 0. */
static size_t space_before(const char *s, size_t a, size_t b)
{
    if (b > a) {
        unsigned char c = (unsigned char)s[b - 1];
        if (c == ' ' || c == '\t' || c == '\r')
            return 1;
        if (b - a >= 2 && c == 0xA0 && (unsigned char)s[b - 2] == 0xC2)
            return 2;
        if (b - a >= 3 && (c == 0xAF || c == 0x89) && (unsigned char)s[b - 2] == 0x80 &&
            (unsigned char)s[b - 3] == 0xE2)
            return 3;
    }
    return 0;
}

belopp_span belopp_trim(const char *s, size_t a, size_t b)
{
    size_t n;
    while (a < b && (n = belopp_space_at(s, a, b)) > 0)
        a += n;
    while (b > a && (n = space_before(s, a, b)) > 0)
        b -= n;
    return (belopp_span){a, b};
}

static utf8proc_category_t category_at(const char *s, size_t i, size_t end)
{
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                          (utf8proc_ssize_t)(end - i), &cp);
    return n > 0 ? utf8proc_category(cp) : UTF8PROC_CATEGORY_CN;
}

int belopp_letter_at(const char *s, size_t i, size_t end)
{
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80)
        return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    utf8proc_category_t cat = category_at(s, i, end);
    return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
}

/* --- tables ------------------------------------------------------------ */

/* Is s[a, b) (trimmed) a header that names a unit?  "Miljoner kronor",
 * "Belopp i miljoner kronor", "(tkr)", "Tkr", "MSEK". */
static int unit_header(const char *s, size_t a, size_t b, int *exp10, const char **currency)
{
    if (b - a >= 2 && s[a] == '(' && s[b - 1] == ')') {
        belopp_span in = belopp_trim(s, a + 1, b - 1);
        a = in.start;
        b = in.end;
    }
    if (b - a > 9 && strncasecmp(s + a, "belopp i ", 9) == 0)
        a += 9;
    size_t mid = a;
    while (mid < b && !belopp_space_at(s, mid, b))
        mid++;
    const belopp_unit *first = belopp_unit_lookup(s + a, mid - a);
    if (!first)
        return 0;
    if (mid == b) {
        if (first->kind != BELOPP_UNIT_CURRENCY)
            return 0;
        *exp10 = first->exp10;
        *currency = first->currency;
        return 1;
    }
    belopp_span rest = belopp_trim(s, mid, b);
    const belopp_unit *second = belopp_unit_lookup(s + rest.start, rest.end - rest.start);
    if (first->kind != BELOPP_UNIT_SCALE || !second || second->kind != BELOPP_UNIT_CURRENCY)
        return 0;
    *exp10 = first->exp10 + second->exp10;
    *currency = second->currency;
    return 1;
}

/* Splits s[a, b) into cells at tabs and runs of two or more spaces.
 * Returns the number of cells (at most max). */
static size_t split_cells(const char *s, size_t a, size_t b, belopp_span *cells, size_t max)
{
    size_t n = 0, start = a, i = a;
    while (i < b) {
        size_t run = i, spaces = 0, sp, tab = 0;
        while (run < b && (sp = belopp_space_at(s, run, b)) > 0) {
            tab |= s[run] == '\t';
            run += sp;
            spaces++;
        }
        if (spaces && (tab || spaces >= 2)) {
            belopp_span c = belopp_trim(s, start, i);
            if (c.start < c.end && n < max)
                cells[n++] = c;
            start = run;
        }
        i = spaces ? run : i + 1;
    }
    belopp_span c = belopp_trim(s, start, b);
    if (c.start < c.end && n < max)
        cells[n++] = c;
    return n;
}

/* Is s[a, b) a header naming the unit, or a caption ending in one ("… (tkr)",
 * "…, miljoner kronor"), or a row of cells of which one names it?  Fills tb
 * (exp10, currency, and titles for a row of cells). */
static int unit_line(const char *s, size_t a, size_t b, belopp_table *tb)
{
    if (unit_header(s, a, b, &tb->exp10, &tb->currency))
        return 1;
    if (b - a > 2 && s[b - 1] == ')') {
        size_t open = b - 1;
        while (open > a && s[open] != '(')
            open--;
        if (s[open] == '(' && unit_header(s, open, b, &tb->exp10, &tb->currency))
            return 1;
    }
    for (size_t comma = b; comma > a; comma--)
        if (s[comma - 1] == ',') {
            belopp_span tail = belopp_trim(s, comma, b);
            if (unit_header(s, tail.start, tail.end, &tb->exp10, &tb->currency))
                return 1;
            break;
        }
    belopp_span cells[BELOPP_MAX_COLUMNS];
    size_t n = split_cells(s, a, b, cells, BELOPP_MAX_COLUMNS);
    for (size_t i = 1; i < n; i++)
        if (unit_header(s, cells[i].start, cells[i].end, &tb->exp10, &tb->currency)) {
            memcpy(tb->titles, cells, n * sizeof cells[0]);
            tb->ntitles = n;
            return 1;
        }
    return 0;
}

int belopp_is_year(const char *s, belopp_span c)
{
    return c.end - c.start == 4 && (memcmp(s + c.start, "19", 2) == 0 || memcmp(s + c.start, "20", 2) == 0) &&
           s[c.start + 2] >= '0' && s[c.start + 2] <= '9' && s[c.start + 3] >= '0' && s[c.start + 3] <= '9';
}

/* Is s[a, b) a line of column titles: two or more cells, and every cell
 * after the first a year or text without digits? */
static int title_line(const char *s, size_t a, size_t b, belopp_table *tb)
{
    belopp_span cells[BELOPP_MAX_COLUMNS];
    size_t n = split_cells(s, a, b, cells, BELOPP_MAX_COLUMNS);
    if (n < 2)
        return 0;
    for (size_t i = 1; i < n; i++) {
        if (belopp_is_year(s, cells[i]))
            continue;
        for (size_t k = cells[i].start; k < cells[i].end; k++)
            if (s[k] >= '0' && s[k] <= '9') {
                /* "Budget 2024" is a title; "2 111" is not */
                belopp_span w = cells[i];
                size_t sp = w.start;
                while (sp < w.end && !belopp_space_at(s, sp, w.end))
                    sp++;
                if (sp == w.end || !belopp_is_year(s, belopp_trim(s, sp, w.end)))
                    return 0;
                break;
            }
    }
    memcpy(tb->titles, cells, n * sizeof cells[0]);
    tb->ntitles = n;
    return 1;
}

/* Is s[a, b) (trimmed) a row "label value…"?  Fills the row's spans. */
static int table_row(const char *s, size_t a, size_t b, belopp_row *row)
{
    if (b - a > MAX_ROW_BYTES || a == b || !(s[b - 1] >= '0' && s[b - 1] <= '9'))
        return 0;
    size_t first = a;
    while (first < b && !(s[first] >= '0' && s[first] <= '9'))
        first++;
    size_t vstart = first;
    if (vstart > a && s[vstart - 1] == '-')
        vstart--;
    else if (vstart >= a + 3 && memcmp(s + vstart - 3, "\xE2\x88\x92", 3) == 0)
        vstart -= 3;
    if (!space_before(s, a, vstart))
        return 0;
    belopp_span label = belopp_trim(s, a, vstart);
    int letters = 0;
    for (size_t i = label.start; i < label.end; i++)
        if (belopp_letter_at(s, i, label.end))
            letters = 1;
    if (!letters)
        return 0;
    /* The value region holds numbers and their separators only. */
    for (size_t i = first; i < b;) {
        size_t sp = belopp_space_at(s, i, b);
        if (sp) {
            i += sp;
            continue;
        }
        char c = s[i];
        if ((c >= '0' && c <= '9') || c == ',' || c == '.' || c == '-' || c == '%' ||
            c == '(' || c == ')') {
            i++;
            continue;
        }
        if (b - i >= 3 && memcmp(s + i, "\xE2\x88\x92", 3) == 0) {
            i += 3;
            continue;
        }
        return 0;
    }
    row->label = label;
    row->values = (belopp_span){vstart, b};
    return 1;
}

/* --- sentences --------------------------------------------------------- */

static int is_abbreviation(const char *s, size_t a, size_t dot)
{
    static const char *const abbr[] = {"ca", "bl", "t", "ex", "m", "s", "d", "v", "nr", "jfr",
                                       "resp", "inkl", "exkl", "milj", "fr", "o", "st", "kap"};
    size_t w = dot;
    while (w > a && ((s[w - 1] | 0x20) >= 'a' && (s[w - 1] | 0x20) <= 'z'))
        w--;
    if (dot - w == 1)
        return 1; /* an initial: "A. Berg" */
    for (size_t i = 0; i < sizeof abbr / sizeof abbr[0]; i++)
        if (strlen(abbr[i]) == dot - w && strncasecmp(s + w, abbr[i], dot - w) == 0)
            return 1;
    return 0;
}

/* Does a new sentence start at s[i]: a capital, a digit, a dash or a quote? */
static int sentence_start_at(const char *s, size_t i, size_t end)
{
    unsigned char c = (unsigned char)s[i];
    if ((c >= '0' && c <= '9') || c == '"' || c == '-' || (c >= 'A' && c <= 'Z'))
        return 1;
    if (c < 0x80)
        return 0;
    utf8proc_category_t cat = category_at(s, i, end);
    return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_PD ||
           cat == UTF8PROC_CATEGORY_PI || cat == UTF8PROC_CATEGORY_SM;
}

static int push_sentence(belopp_segments *g, const char *s, size_t a, size_t b)
{
    belopp_span sp = belopp_trim(s, a, b);
    if (sp.start < sp.end)
        PUSH(g->sent, g->nsent, g->capsent, sp);
    return 0;
}

/* Splits the prose line s[a, b) into sentences; *open is where the running
 * sentence started (it may have begun on an earlier line). */
static int split_line(belopp_segments *g, const char *s, size_t a, size_t b, size_t *open)
{
    for (size_t i = a; i < b; i++) {
        /* The text is NUL-terminated and a line holds no newline, so this
         * stops at the line's end at the latest (glibc scans 16 bytes a step). */
        i += strcspn(s + i, ".!?\n");
        if (i >= b)
            break;
        char c = s[i];
        if (c != '.' && c != '!' && c != '?')
            continue; /* a NUL inside the line */
        size_t j = i + 1, n, spaces = 0;
        while (j < b && (n = belopp_space_at(s, j, b)) > 0) {
            j += n;
            spaces++;
        }
        if (spaces == 0 || j >= b || !sentence_start_at(s, j, b))
            continue;
        if (c == '.' && is_abbreviation(s, a, i))
            continue;
        if (push_sentence(g, s, *open, i + 1) < 0)
            return -1;
        *open = j;
    }
    return 0;
}

/* --- the whole text ---------------------------------------------------- */

typedef struct {
    belopp_span trim; /* the line without its newline and surrounding spaces */
    int kind;         /* 0 prose, 1 table header, 2 table row */
} line;

static int collect_lines(const char *s, size_t len, line **out, size_t *nout)
{
    size_t n = 0, cap = 0;
    line *lines = NULL;
    for (size_t a = 0; a <= len;) {
        const char *nl = memchr(s + a, '\n', len - a);
        size_t b = nl ? (size_t)(nl - s) : len;
        line l = {belopp_trim(s, a, b), 0};
        void *grown = lines;
        if (belopp_grow(&grown, &cap, n + 1, sizeof *lines) < 0) {
            free(lines);
            return -1;
        }
        lines = grown;
        lines[n++] = l;
        if (!nl)
            break;
        a = b + 1;
    }
    *out = lines;
    *nout = n;
    return 0;
}

/* Could line i be a table row: short and ending in a digit?  (table_row's
 * cheapest tests, so that find_tables can skip prose at once.) */
static int may_be_row(const char *s, const line *lines, size_t n, size_t i)
{
    if (i >= n)
        return 0;
    belopp_span r = lines[i].trim;
    return r.start < r.end && r.end - r.start <= MAX_ROW_BYTES && s[r.end - 1] >= '0' &&
           s[r.end - 1] <= '9';
}

/* Does the column title t name shares rather than money? */
static int names_shares(const char *s, belopp_span t)
{
    for (size_t i = t.start; i < t.end; i++)
        if (s[i] == '%' || strncasecmp(s + i, "procent", 7) == 0 ||
            strncasecmp(s + i, "andel", 5) == 0)
            return 1;
    return 0;
}

static int find_tables(belopp_segments *g, const char *s, line *lines, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        belopp_span h = lines[i].trim;
        if (h.start == h.end || h.end - h.start > MAX_ROW_BYTES)
            continue;
        /* A header is followed by its first row, or by a title line and then
         * the first row: most lines are not, and need no closer look. */
        if (!may_be_row(s, lines, n, i + 1) && !may_be_row(s, lines, n, i + 2))
            continue;
        belopp_table tb;
        memset(&tb, 0, sizeof tb);
        if (!unit_line(s, h.start, h.end, &tb))
            continue;
        size_t j = i + 1, first_row = g->nrows;
        if (tb.ntitles == 0 && j < n && title_line(s, lines[j].trim.start, lines[j].trim.end, &tb))
            lines[j++].kind = 1;
        belopp_row row;
        for (; j < n && table_row(s, lines[j].trim.start, lines[j].trim.end, &row); j++) {
            row.table = g->ntables;
            PUSH(g->rows, g->nrows, g->caprows, row);
            lines[j].kind = 2;
        }
        if (g->nrows == first_row)
            continue;
        tb.header = h;
        if (i > 0 && lines[i - 1].trim.start < lines[i - 1].trim.end)
            tb.caption = lines[i - 1].trim;
        tb.shares = names_shares(s, h);
        for (size_t c = 1; c < tb.ntitles; c++)
            tb.shares |= (unsigned)names_shares(s, tb.titles[c]) << c;
        lines[i].kind = 1;
        PUSH(g->tables, g->ntables, g->captables, tb);
        i = j - 1;
    }
    return 0;
}

static int find_sentences(belopp_segments *g, const char *s, const line *lines, size_t n)
{
    size_t open = SIZE_MAX;
    for (size_t i = 0; i < n; i++) {
        const line *l = &lines[i];
        if (l->trim.start == l->trim.end)
            continue;
        if (l->kind != 0) {
            if (push_sentence(g, s, l->trim.start, l->trim.end) < 0)
                return -1;
            continue;
        }
        if (open == SIZE_MAX)
            open = l->trim.start;
        if (split_line(g, s, l->trim.start, l->trim.end, &open) < 0)
            return -1;
        /* Go on over the line break only into a lower-case continuation. */
        const line *next = i + 1 < n ? &lines[i + 1] : NULL;
        unsigned char first = next ? (unsigned char)s[next->trim.start] : 0;
        int goes_on = next && next->kind == 0 && next->trim.start < next->trim.end &&
                      (first < 0x80 ? first >= 'a' && first <= 'z'
                                    : category_at(s, next->trim.start, next->trim.end) ==
                                          UTF8PROC_CATEGORY_LL);
        if (!goes_on) {
            if (push_sentence(g, s, open, l->trim.end) < 0)
                return -1;
            open = SIZE_MAX;
        }
    }
    return 0;
}

belopp_segments *belopp_segment(const belopp_text *t)
{
    belopp_segments *g = calloc(1, sizeof *g);
    if (!g)
        return NULL;
    const char *s = belopp_text_data(t);
    line *lines = NULL;
    size_t n = 0;
    if (collect_lines(s, belopp_text_len(t), &lines, &n) < 0 ||
        find_tables(g, s, lines, n) < 0 || find_sentences(g, s, lines, n) < 0) {
        free(lines);
        belopp_segments_free(g);
        return NULL;
    }
    free(lines);
    return g;
}

void belopp_segments_free(belopp_segments *g)
{
    if (!g)
        return;
    free(g->sent);
    free(g->rows);
    free(g->tables);
    free(g);
}

/* The first element of a sorted array whose span ends after off: a binary
 * search, or with a hint (where the last lookup ended) a walk forward from
 * there, which costs O(1) a lookup for offsets in increasing order.  The
 * arrays are of spans (sentences) and of rows (their value spans). */
static size_t first_ending_after(const char *base, size_t n, size_t stride, size_t end_at,
                                 size_t off, size_t *hint)
{
#define END_OF(i) (*(const size_t *)(const void *)(base + (i) * stride + end_at))
    size_t lo = 0, hi = n;
    if (hint && *hint <= n && (*hint == 0 || END_OF(*hint - 1) <= off)) {
        lo = *hint;
        while (lo < n && END_OF(lo) <= off)
            lo++;
    } else {
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (END_OF(mid) <= off)
                lo = mid + 1;
            else
                hi = mid;
        }
    }
#undef END_OF
    if (hint)
        *hint = lo;
    return lo;
}

belopp_span belopp_segments_sentence(const belopp_segments *g, size_t off, size_t *hint)
{
    size_t i = first_ending_after((const char *)g->sent, g->nsent, sizeof *g->sent,
                                  offsetof(belopp_span, end), off, hint);
    if (i < g->nsent && g->sent[i].start <= off)
        return g->sent[i];
    return (belopp_span){off, off};
}

const belopp_row *belopp_segments_row(const belopp_segments *g, size_t off, size_t *hint)
{
    size_t i = first_ending_after((const char *)g->rows, g->nrows, sizeof *g->rows,
                                  offsetof(belopp_row, values) + offsetof(belopp_span, end), off,
                                  hint);
    if (i < g->nrows && g->rows[i].values.start <= off)
        return &g->rows[i];
    return NULL;
}

/* Value column `column` has titles[column + 1] when the title line reaches
 * that far; otherwise the header is its title (index 0). */
static size_t title_index(const belopp_table *tb, size_t column)
{
    return column + 1 < tb->ntitles ? column + 1 : 0;
}

belopp_span belopp_segments_column_title(const belopp_segments *g, const belopp_row *row,
                                         size_t column)
{
    const belopp_table *tb = &g->tables[row->table];
    size_t i = title_index(tb, column);
    return i ? tb->titles[i] : tb->header;
}

int belopp_segments_column_is_money(const belopp_segments *g, const belopp_row *row,
                                    size_t column)
{
    const belopp_table *tb = &g->tables[row->table];
    return !(tb->shares >> title_index(tb, column) & 1u);
}

const belopp_table *belopp_segments_table(const belopp_segments *g, size_t i)
{
    return i < g->ntables ? &g->tables[i] : NULL;
}

size_t belopp_segments_nsentences(const belopp_segments *g) { return g->nsent; }
size_t belopp_segments_nrows(const belopp_segments *g) { return g->nrows; }
size_t belopp_segments_ntables(const belopp_segments *g) { return g->ntables; }
