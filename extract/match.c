/* match.c — the amount pattern.
 *
 * Design note: the facts this relies on (see also normalize/amount.c).
 * - A number is never part of a longer token: not after a letter or digit,
 *   not after "-" or "/" ("covid-19", "08-405 10 00", "2022-2024" give
 *   nothing money-like), and never cut before ",5" or ".000".
 * - Thousands groups are exactly three digits after one separator
 *   character, so "Stockholm\u00A0 110" (two spaces) is one number, and in
 *   "073-274 23 53" no group forms.
 * - Unit words follow the number after spaces or one line break ("4,1\n
 *   miljarder kronor"); "kr" must end a word, so "kris" and "Kronoberg" are
 *   not units.
 * - A currency may stand before the number instead, spaced or glued ("SEK 30",
 *   "EUR29,99", "€5,90"); after one a decimal point with one or two digits
 *   is a decimal ("£ 8.10 miljoner"), three digits after a point a group.
 * - "3:37 SEK", "12:50 kr": a colon parts kronor and öre before a currency.
 * - "2 kronor och 23 öre", "5 euro och 50 cent" are one amount.
 * - A per-phrase follows the unit: "/mån", "per listad patient och år",
 *   "i månaden", "om året", "styck"; it is read here in C, not by the pattern.
 * - "(79)" after an amount, or between number and unit ("66 (139) MSEK"),
 *   is last year's figure only in a report (a text that names itself one or
 *   holds two such figures); "kostar 25 kr (2 kulor)" is none.
 * - Ranges: "mellan 4 och 5", "200–300", "35 till 45", "en till två".
 * - A range dash has at most one space on each side ("200–300", "4 - 5");
 *   a tab before a minus sign separates table columns ("800<TAB>-40").
 * - PCRE2 10.42 checks UTF validity on every call unless told not to, which
 *   makes a global loop quadratic; our input is repaired by read.c, so every
 *   call passes PCRE2_NO_UTF_CHECK.  UCP makes \p and \h Unicode-aware;
 *   digits are written [0-9] because \d would take Arabic-Indic digits.
 * - Every word of the pattern comes from normalize/lexicon.c; the pattern is
 *   built in a buffer that grows with it.
 * - Speed: most of a text's positions start no match (no match starts inside
 *   a word: the pattern opens with (?<![\p{L}\p{N}_]) and has no top-level
 *   "|"), yet an unanchored search tries the pattern at every letter PCRE2's
 *   set of first code units lets through.  So the pattern is compiled
 *   anchored and tried only where a match can start: a character's first
 *   byte, not after an ASCII letter, digit or "_", whose first one or two
 *   characters PCRE2's partial matching says some match may start with
 *   (asked once per matcher for each, when first met: may_start).  The
 *   first match at or after an offset is the same either way; only the
 *   match limit now holds per start instead of per search (no text of ours
 *   came near it).
 */
#include "match.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "../normalize/amount.h"
#include "../normalize/lexicon.h"
#include "grow.h"
#include "../normalize/nfc.h"

#define MATCH_LIMIT 10000000
#define SEEN_BITS 10
/* The word cache (see word_may_start): its size, places a word may be
 * kept in, and longest key. */
#define WORD_BITS 13
#define WORD_WAYS 4
#define WORD_KEY 24
/* The pattern's first item: no match starts after a letter, digit or "_". */
#define LEAD "(?<![\\p{L}\\p{N}_])"

struct belopp_matcher {
    char *pattern;
    pcre2_code *code;         /* the pattern, compiled anchored: see match_at */
    pcre2_match_data *md;
    pcre2_code *report;       /* report words and "(79)" figures: see is_report */
    pcre2_match_data *report_md;
    pcre2_match_context *mctx;
    int jit; /* JIT-compiled: match through pcre2_jit_match */
    unsigned char word_byte[256]; /* no match starts after this byte */
    int ask_starts;               /* may_start asks PCRE2 */
    unsigned char one[128];       /* may a match start with ASCII c: see may_start */
    unsigned char two[128][128];  /* … with ASCII "cd" */
    struct {
        uint64_t key;
        unsigned char may;
    } seen[1 << SEEN_BITS]; /* … with other characters: see may_start */
    struct {
        unsigned char n, may; /* n 0: empty */
        char key[WORD_KEY];
    } words[1 << WORD_BITS]; /* … with a whole word: see word_may_start */
    int text_is_report; /* of the text being matched: see belopp_match_next */
    int g_cmp0, g_qual, g_between, g_pcur, g_sign, g_num, g_words, g_sign2, g_num_b, g_words2, g_num2, g_adj, g_scale, g_cur, g_sub,
        g_subname;
};

/* A string that grows: the pattern is built from the lexicon, whose size
 * is not known here.  After a failed allocation every append is a no-op
 * and oom stays set. */
typedef struct {
    char *p;
    size_t n, cap;
    int oom;
} strbuf;

static void sb_add(strbuf *b, const char *s, size_t n)
{
    if (b->oom)
        return;
    void *p = b->p;
    if (belopp_grow(&p, &b->cap, b->n + n + 1, 1) < 0) {
        b->oom = 1;
        return;
    }
    b->p = p;
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
}

static void sb_puts(strbuf *b, const char *s) { sb_add(b, s, strlen(s)); }

__attribute__((format(printf, 2, 3))) static void sb_printf(strbuf *b, const char *fmt, ...)
{
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) {
        b->oom = 1;
        return;
    }
    if ((size_t)n < sizeof small) {
        sb_add(b, small, (size_t)n);
        return;
    }
    char *big = malloc((size_t)n + 1);
    if (!big) {
        b->oom = 1;
        return;
    }
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    sb_add(b, big, (size_t)n);
    free(big);
}

/* Appends word as a literal (escaping metacharacters; a space matches any
 * run of horizontal space). */
static void sb_literal(strbuf *b, const char *word)
{
    for (const char *p = word; *p; p++) {
        if (*p == ' ') {
            sb_puts(b, "\\h+");
            continue;
        }
        if (strchr("\\^$.|?*+()[]{}:-/", *p))
            sb_add(b, "\\", 1);
        sb_add(b, p, 1);
    }
}

/* The length of the UTF-8 character that starts with byte c. */
static size_t char_len(unsigned char c) { return c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1; }

/* Appends "[…]" of the distinct first characters of the n words w (in the
 * same case mode as the words), or returns 0 when one has none or the class
 * would be too long. */
static int sb_first_class(strbuf *b, const char *const *w, size_t n)
{
    char firsts[512];
    size_t nf = 0;
    for (size_t j = 0; j < n; j++) {
        unsigned char c = (unsigned char)w[j][0];
        size_t k = char_len(c);
        if (c == ' ' || c == '\0' || strlen(w[j]) < k)
            return 0; /* never: words start with a character */
        int seen = 0;
        for (size_t i = 0; i < nf && !seen;) {
            size_t off = firsts[i] == '\\';
            size_t l = off + char_len((unsigned char)firsts[i + off]);
            seen = l - off == k && memcmp(firsts + i + off, w[j], k) == 0;
            i += l;
        }
        if (seen)
            continue;
        if (nf + k + 2 >= sizeof firsts)
            return 0;
        if (k == 1 && strchr("\\]^-[", (char)c))
            firsts[nf++] = '\\';
        memcpy(firsts + nf, w[j], k);
        nf += k;
    }
    if (nf == 0)
        return 0;
    sb_puts(b, "[");
    sb_add(b, firsts, nf);
    sb_puts(b, "]");
    return 1;
}

/* Appends "w1|w2|…" for the words of a NULL-terminated list, longest first
 * ("miljoner" before "miljon").
 *
 * JIT tries the alternatives of an alternation one by one, and most attempts
 * fail on all of them (~200 currency words and codes after every number, and
 * after every "en" or "ett"), so two look-aheads go before them:
 * - a guard: the class of the words' first characters, around all of them;
 * - the words in groups by first character (ASCII letters of either case in
 *   one group, every other character in one group of its own kind), each
 *   group behind the class of its own first characters:
 *   "(?=[…])(?:(?=[kK])(?:kronor|kr)|(?=[m])(?:miljoner|mkr)|…)".
 * Neither changes a match: a look-ahead only fails where none of the words
 * behind it could match, words of two groups can never match at the same
 * place (their first characters differ, in any case), and within a group the
 * words keep their order, so the first word that matches, and every next
 * one tried on backtracking, is the one it was.  (The only non-ASCII
 * characters that match an ASCII letter regardless of case, U+017F and
 * U+212A, would be put in the group of that letter; none starts a word.) */
static void sb_words(strbuf *b, const char *const *words)
{
    size_t n = 0, longest = 0;
    for (const char *const *w = words; *w; w++, n++)
        longest = strlen(*w) > longest ? strlen(*w) : longest;
    const char **ord = malloc((n + 1) * sizeof *ord);
    int *key = malloc((n + 1) * sizeof *key);
    if (!ord || !key) {
        free(ord);
        free(key);
        b->oom = 1;
        return;
    }
    size_t m = 0;
    for (size_t len = longest; len > 0; len--)
        for (const char *const *w = words; *w; w++)
            if (strlen(*w) == len)
                ord[m++] = *w;
    /* the group of a word: its first byte, an ASCII letter in lower case;
     * 0x80 for every non-ASCII first character (one group: safe whatever
     * their cases) except U+017F (s) and U+212A (k) */
    for (size_t i = 0; i < m; i++) {
        unsigned char c = (unsigned char)ord[i][0];
        key[i] = c >= 'A' && c <= 'Z' ? c + 32 : c < 0x80 ? c : 0x80;
        if (strncmp(ord[i], "\xC5\xBF", 2) == 0)
            key[i] = 's';
        if (strncmp(ord[i], "\xE2\x84\xAA", 3) == 0)
            key[i] = 'k';
    }
    strbuf guard = {0};
    int guarded = m > 0 && sb_first_class(&guard, ord, m);
    if (guarded) {
        sb_puts(b, "(?=");
        sb_add(b, guard.p, guard.n);
        sb_puts(b, ")(?:");
    }
    free(guard.p);
    int first = 1;
    const char **grp = malloc((m + 1) * sizeof *grp);
    if (!grp)
        b->oom = 1;
    for (size_t i = 0; i < m && grp; i++) {
        if (key[i] < 0)
            continue; /* already written in its group */
        size_t ng = 0;
        int k = key[i];
        for (size_t j = i; j < m; j++)
            if (key[j] == k) {
                grp[ng++] = ord[j];
                if (guarded)
                    key[j] = -1;
            }
        if (!first)
            sb_puts(b, "|");
        first = 0;
        if (!guarded) { /* no groups: the words as they are */
            sb_literal(b, ord[i]);
            continue;
        }
        strbuf cls = {0};
        if (ng > 1 && sb_first_class(&cls, grp, ng)) {
            sb_puts(b, "(?=");
            sb_add(b, cls.p, cls.n);
            sb_puts(b, ")");
        }
        free(cls.p);
        sb_puts(b, "(?:");
        for (size_t j = 0; j < ng; j++) {
            if (j)
                sb_puts(b, "|");
            sb_literal(b, grp[j]);
        }
        sb_puts(b, ")");
    }
    if (guarded)
        sb_puts(b, ")");
    free(grp);
    free(ord);
    free(key);
}

/* Which units an alternation takes. */
typedef enum { UNITS_SCALE, UNITS_SCALE_AFTER_CODE, UNITS_SUFFIX_CURRENCY, UNITS_PREFIX_CURRENCY } unit_set;

static int unit_in(const belopp_unit *u, unit_set set)
{
    switch (set) {
    case UNITS_SCALE: return u->kind == BELOPP_UNIT_SCALE && !(u->flags & BELOPP_LEX_AFTER_CODE);
    case UNITS_SCALE_AFTER_CODE: return u->kind == BELOPP_UNIT_SCALE && (u->flags & BELOPP_LEX_AFTER_CODE);
    case UNITS_SUFFIX_CURRENCY: return u->kind == BELOPP_UNIT_CURRENCY;
    case UNITS_PREFIX_CURRENCY: return u->kind == BELOPP_UNIT_CURRENCY && (u->flags & BELOPP_LEX_PREFIX);
    }
    return 0;
}

/* "(?<name>(?i:w1|w2|…)|CODE1|CODE2…)" with every unit of the set: words in
 * any case, ISO codes in capitals only (BELOPP_LEX_EXACT).  With name NULL
 * the group is unnamed, for the look-aheads: a name may appear only once. */
static void sb_units(strbuf *b, const char *name, unit_set set)
{
    if (name)
        sb_printf(b, "(?<%s>", name);
    else
        sb_puts(b, "(?:");
    for (int exact = 0; exact < 2; exact++) {
        const char *words[512];
        size_t n = 0;
        for (const belopp_unit *u = belopp_units(); u->word && n + 1 < sizeof words / sizeof *words; u++)
            if (unit_in(u, set) && !(u->flags & BELOPP_LEX_EXACT) == !exact)
                words[n++] = u->word;
        words[n] = NULL;
        if (n == 0)
            continue;
        sb_puts(b, exact ? "|(?:" : "(?i:");
        sb_words(b, words);
        sb_puts(b, ")");
    }
    sb_puts(b, ")");
}

static void sb_qualifiers(strbuf *b)
{
    const char *words[64];
    size_t n = 0;
    for (const belopp_qualifier *q = belopp_qualifiers(); q->word && n + 1 < 64; q++)
        words[n++] = q->word;
    words[n] = NULL;
    sb_puts(b, "(?<qual>(?i:");
    sb_words(b, words);
    sb_puts(b, "))");
}

/* "(?:w1|w2|…)" of one class of number words. */
static void sb_number_class(strbuf *b, belopp_number_class c)
{
    const char *words[16];
    size_t n = 0;
    for (const belopp_number_word *w = belopp_number_words(c); w->word && n + 1 < 16; w++)
        words[n++] = w->word;
    words[n] = NULL;
    sb_puts(b, "(?:");
    sb_words(b, words);
    sb_puts(b, ")");
}

/* One number word up to 999: "fyra", "tjugofem", "etthundrafemtio"
 * (normalize/amount.c reads them). */
static void sb_number_word(strbuf *b)
{
    strbuf ones = {0};
    sb_number_class(&ones, BELOPP_NUM_ONES);
    if (ones.oom) {
        b->oom = 1;
        return;
    }
    sb_printf(b, "(?:(?:%s?hundra)?(?:", ones.p);
    sb_number_class(b, BELOPP_NUM_TENS);
    sb_printf(b, "%s?|", ones.p);
    sb_number_class(b, BELOPP_NUM_TEENS);
    sb_printf(b, "|%s)|%s?hundra)", ones.p, ones.p);
    free(ones.p);
}

/* Number words with halves: "två och en halv", "en halv"; and the half
 * glued to its scale word, maybe after "dryg" or "knapp": "en halvmiljon",
 * "en dryg halvmiljard" (match.c takes the adjective for a qualifier); "en
 * dryg miljard", "en knapp miljon" (one, the adjective a qualifier); and
 * quarters before a scale word only ("en kvarts miljard", "tre kvarts
 * miljon"), as "en kvart" alone is a quarter of an hour. */
static void sb_number_words(strbuf *b)
{
    sb_puts(b, "(?i:en\\h+(?:(?:dryg|knapp)\\h+)?halv(?=milj)|(?:en|tre)\\h+kvarts(?=\\h+milj)|"
               "en\\h+(?:dryg|knapp)(?=\\h+milj)|"
               "(?:(?:en|ett)\\h+halv|");
    sb_number_word(b);
    sb_puts(b, "(?:\\h+och\\h+en\\h+halv)?)(?![\\p{L}\\p{N}]))");
}

/* Does every word of the NULL-terminated list w start with a character that
 * is neither horizontal space nor a line break (what \h and \R match)?  Then
 * spaces before the words may be taken possessively: see build_pattern. */
static int start_unspaced(const char *const *w)
{
    for (; *w; w++) {
        utf8proc_int32_t c;
        if (utf8proc_iterate((const utf8proc_uint8_t *)*w, -1, &c) <= 0)
            return 0;
        utf8proc_category_t cat = utf8proc_category(c);
        if (c == 0x180E || cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_ZL ||
            cat == UTF8PROC_CATEGORY_ZP || cat == UTF8PROC_CATEGORY_CC)
            return 0;
    }
    return 1;
}

/* Do all units (scale words and currencies) and scale adjectives start
 * unspaced (start_unspaced)? */
static int units_start_unspaced(void)
{
    const char *one[2] = {NULL, NULL};
    for (const belopp_unit *u = belopp_units(); u->word; u++) {
        one[0] = u->word;
        if ((u->kind == BELOPP_UNIT_SCALE || u->kind == BELOPP_UNIT_CURRENCY) && !start_unspaced(one))
            return 0;
    }
    return start_unspaced(belopp_words(BELOPP_WORDS_SCALE_ADJ));
}

static char *build_pattern(void)
{
    strbuf b = {0};
    const char *sp = "\\h*(?:\\R\\h*)?"; /* spaces, at most one line break */
    /* The same before the scale adjective, the scale and the currency at the
     * end of the pattern, but possessive: there a failed word made PCRE2
     * try every shorter run of the spaces before it again (~12 % of an
     * attempt at "2024 var"), and none can succeed, since the words start
     * with no space or line break (units_start_unspaced; else sp is used).
     * What follows these groups is all optional, so no later failure backs
     * into the spaces either: the matches are the same. */
    const char *tsp = units_start_unspaced() ? "\\h*+(?:\\R\\h*+)?+" : sp;
    /* A digit number: grouped by spaces or dots, or not at all; a decimal comma. */
    strbuf num = {0};
    sb_printf(&num,
              "(?:[0-9]{1,3}(?:%s[0-9]{3})+|[0-9]{1,3}(?:\\.[0-9]{3})+|[0-9]+)(?:,[0-9]+)?"
              "(?![0-9]|[.,][0-9])",
              BELOPP_GROUP_SPACE);
    strbuf word = {0}, words = {0}, any_scale = {0}, any_cur = {0}, adj = {0};
    sb_number_word(&word);
    sb_number_words(&words);
    sb_units(&any_scale, NULL, UNITS_SCALE);
    sb_units(&any_cur, NULL, UNITS_SUFFIX_CURRENCY);
    /* "två nya miljarder", and before a plural scale word any lower-case
     * word in "-a", an adjective's plural: "sju positiva miljarder" (the year
     * before "spara miljoner" is refused in belopp_match_next) */
    sb_puts(&adj, "(?:(?i:");
    sb_words(&adj, belopp_words(BELOPP_WORDS_SCALE_ADJ));
    sb_puts(&adj, ")|\\p{Ll}{2,}a(?=\\h+(?i:");
    sb_words(&adj, belopp_words(BELOPP_WORDS_SCALE_PLURAL));
    sb_puts(&adj, ")(?![\\p{L}\\p{N}])))");
    if (num.oom || word.oom || words.oom || any_scale.oom || any_cur.oom || adj.oom)
        b.oom = 1;

    sb_puts(&b, LEAD "(?:");
    sb_qualifiers(&b);
    sb_puts(&b, "(?:\\h*\\R\\h*|\\h+))?"); /* "cirka\n250 miljoner": segments decide */
    sb_puts(&b, "(?:(?<between>(?i:mellan))\\h+)?");
    /* a currency before the number, spaced or glued: "SEK 30", "EUR29,99", "€5".
     * Written as two branches, the sign and the number repeated in each
     * (groups sign2, num_b, words2 in the second), rather than one number
     * after "(?:CURRENCY\h{0,2}|(?<!…))" with a conditional on pcur: a
     * conditional keeps PCRE2 from computing the set of characters a match
     * can start with, and without that set it tries the whole pattern at
     * every byte.  The branches are tried in the same order as before, so
     * the matches are the same. */
    strbuf numbody = {0}, wordsbody = {0}; /* wordsbody: what must follow a number in words */
    /* "3:37 SEK", "12:50 kr": kronor and öre with a colon, before a currency */
    sb_printf(&numbody, "[0-9]{1,3}:[0-9]{2}(?=\\h*%s(?![\\p{L}\\p{N}]))|", any_cur.p ? any_cur.p : "");
    /* "23.34 kr": a decimal point before a currency on the same line.  Two
     * digits after it are never a thousands group (three are: "1.500 kr"). */
    sb_printf(&numbody, "[0-9]+\\.[0-9]{2}(?![0-9]|[.,][0-9])(?=\\h*%s(?![\\p{L}\\p{N}]))|",
              any_cur.p ? any_cur.p : "");
    /* "1.5 miljoner kronor": a decimal point with one or two digits before
     * a scale word (three are a thousands group: "1.500 miljoner") */
    sb_printf(&numbody, "[0-9]{1,3}\\.[0-9]{1,2}(?![0-9]|[.,][0-9])(?=\\h*%s(?![\\p{L}\\p{N}]))|",
              any_scale.p ? any_scale.p : "");
    /* A grouped number broken at its space by a line break (PDF text), only
     * when a unit follows: "12\n500 kronor". */
    sb_printf(&numbody,
              "[0-9]{1,3}(?:%s[0-9]{3})*\\R[0-9]{3}(?:%s[0-9]{3})*(?:,[0-9]+)?(?![0-9]|[.,][0-9])"
              "(?=%s(?:%s|%s))|%s",
              BELOPP_GROUP_SPACE, BELOPP_GROUP_SPACE, sp, any_scale.p ? any_scale.p : "",
              any_cur.p ? any_cur.p : "", num.p ? num.p : "");
    /* A number in words must be followed by a scale or a currency. */
    sb_printf(&wordsbody, "(?=(?:\\h+till\\h+(?:[0-9]+|%s))?%s(?:%s\\h+)?(?:%s|%s))",
              word.p ? word.p : "", sp, adj.p ? adj.p : "",
              any_scale.p ? any_scale.p : "", any_cur.p ? any_cur.p : "");
    const char *sign = "(?i:minus)\\h+(?:(?i:hela)\\h+)?|[-\\x{2212}\\x{2013}](?=[0-9])";
    if (numbody.oom || wordsbody.oom)
        b.oom = 1;
    sb_puts(&b, "(?:");
    sb_units(&b, "pcur", UNITS_PREFIX_CURRENCY);
    /* A foreign amount after its currency may have a decimal point: "£ 8.10
     * miljoner".  One or two digits after it: three are a thousands group. */
    sb_printf(&b, "\\h{0,2}(?<sign>%s)?(?:(?<num>[0-9]+\\.[0-9]{1,2}(?![0-9]|[.,][0-9])|%s)"
                  "|(?<words>%s)%s)",
              sign, numbody.p ? numbody.p : "", words.p ? words.p : "", wordsbody.p ? wordsbody.p : "");
    /* (not after a slash, "2020/2021", "1/3", but after one that follows
     * a parenthesis: "260 kr (vuxna)/130 kr (barn)"; not one or two digits
     * after a number, a comma and a space, a decimal comma written apart:
     * "1 039, 50 kr" is no 50 kr, "2, 2 miljoner" no 2 miljoner) */
    sb_printf(&b, "|(?<![\\p{L}\\p{N}_.,:\\x{2013}\\x{2014}\\x{2212}-])(?<![^)]/)"
                  "(?:(?<![0-9], )|(?=[0-9]{3}|[0-9]{1,2}[\\x{20}\\x{A0}][0-9]{3}))"
                  "(?<sign2>%s)?(?:(?<num_b>%s)"
                  "|(?<words2>%s)%s))",
              sign, numbody.p ? numbody.p : "", words.p ? words.p : "", wordsbody.p ? wordsbody.p : "");
    free(numbody.p);
    free(wordsbody.p);
    /* A range: "mellan 4 och 5", "mellan 22-25", "200–300", "35 till 45",
     * "en till två". */
    sb_printf(&b,
              "(?:(?(<between>)(?:\\h+och\\h+|[\\x{20}\\x{A0}]?[-\\x{2013}\\x{2014}][\\x{20}\\x{A0}]?)"
              "|(?:[\\x{20}\\x{A0}]?[-\\x{2013}\\x{2014}][\\x{20}\\x{A0}]?|\\h+till\\h+))"
              "(?<num2>%s|%s))?",
              num.p ? num.p : "", words.p ? words.p : "");
    /* "66 (139) MSEK": last year's figure between number and unit, in reports */
    sb_printf(&b, "(?:\\h*\\((?<cmp0>[-\\x{2212}\\x{2013}]?%s)\\)(?=\\h*(?:%s|%s)))?", num.p ? num.p : "",
              any_scale.p ? any_scale.p : "", any_cur.p ? any_cur.p : "");
    sb_printf(&b, "(?:%s(?<adj>%s)%s)?", tsp, adj.p ? adj.p : "", tsp);
    sb_printf(&b, "(?:%s(?<scale>", tsp);
    sb_units(&b, NULL, UNITS_SCALE);
    /* "SEK 25 million": an English scale word only after a currency before
     * the number (BELOPP_LEX_AFTER_CODE) */
    sb_puts(&b, "|(?(<pcur>)");
    sb_units(&b, NULL, UNITS_SCALE_AFTER_CODE);
    sb_puts(&b, "|(?!))");
    sb_puts(&b, ")(?![\\p{L}\\p{N}]))?");
    sb_printf(&b, "(?:%s", tsp);
    sb_units(&b, "cur", UNITS_SUFFIX_CURRENCY);
    sb_puts(&b, "(?![\\p{L}\\p{N}]))?");
    /* "2 kronor och 23 öre", "5 euro och 50 cent": one amount (match.c
     * checks that the minor unit belongs to the currency). */
    sb_printf(&b, "(?(<cur>)(?:\\h+och\\h+(?<sub>[0-9]{1,3}|(?i:%s))\\h+(?<subname>(?i:",
              word.p ? word.p : "");
    sb_words(&b, belopp_minor_names());
    sb_puts(&b, "))(?![\\p{L}\\p{N}]))?)");
    free(num.p);
    free(word.p);
    free(words.p);
    free(any_scale.p);
    free(any_cur.p);
    free(adj.p);
    if (b.oom) {
        free(b.p);
        return NULL;
    }
    return b.p;
}

/* A text is a report, where "87 MSEK (79)" gives last year's figure in
 * parentheses, when it names itself one (BELOPP_WORDS_REPORT) or holds two
 * or more such figures; in other texts "5 kr (3)" is no comparison. */
static char *build_report_pattern(void)
{
    strbuf b = {0};
    sb_puts(&b, "(?<![\\p{L}])(?<word>(?i:");
    sb_words(&b, belopp_words(BELOPP_WORDS_REPORT));
    /* (one or two words between: "87 MSEK (79)", "780 miljoner kronor
     * (731)"; "0:43 kronor (0:56)") */
    sb_puts(&b, "))|[0-9]\\h*(?:[\\p{L}:-]+\\h*){0,2}\\(\\h*[-\\x{2212}\\x{2013}]?[0-9][0-9\\h,:]*\\)");
    if (b.oom) {
        free(b.p);
        return NULL;
    }
    return b.p;
}

static pcre2_code *compile(const char *pattern, uint32_t options, char *err, size_t errlen)
{
    int ec;
    PCRE2_SIZE eo;
    pcre2_code *c = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
                                  PCRE2_UTF | PCRE2_UCP | options, &ec, &eo, NULL);
    if (!c) {
        char msg[256];
        pcre2_get_error_message(ec, (PCRE2_UCHAR *)msg, sizeof msg);
        snprintf(err, errlen, "pattern byte %zu: %s", (size_t)eo, msg);
    }
    return c;
}

/* Does the pattern p have an alternative at its top level, outside every
 * group and class? */
static int top_level_or(const char *p)
{
    int depth = 0;
    for (; *p; p++) {
        if (*p == '\\') {
            if (p[1] == '\0')
                break;
            p++;
        } else if (*p == '[') { /* a class: "]" first stands for itself */
            p++;
            if (*p == '^')
                p++;
            if (*p == ']')
                p++;
            while (*p && *p != ']')
                p += *p == '\\' && p[1] ? 2 : 1;
            if (!*p)
                break;
        } else if (*p == '(') {
            depth++;
        } else if (*p == ')') {
            depth--;
        } else if (*p == '|' && depth == 0) {
            return 1;
        }
    }
    return 0;
}

/* Marks the bytes no match starts after (m->word_byte) when the pattern
 * opens with the lookbehind "not after a letter, digit or _" and has no
 * top-level alternative; and whether the starts are asked of PCRE2 (see
 * may_start): only when the pattern has no positive lookbehind. */
static void start_tables(belopp_matcher *m)
{
    if (strncmp(m->pattern, LEAD, strlen(LEAD)) == 0 && !top_level_or(m->pattern))
        for (unsigned b = 0; b < 128; b++)
            m->word_byte[b] = (b >= '0' && b <= '9') || (b >= 'A' && b <= 'Z') ||
                              (b >= 'a' && b <= 'z') || b == '_';
    m->ask_starts = strstr(m->pattern, "(?<=") == NULL;
}

belopp_matcher *belopp_matcher_new(char *err, size_t errlen)
{
    belopp_matcher *m = calloc(1, sizeof *m);
    char *report = NULL;
    if (!m || !(m->pattern = build_pattern()) || !(report = build_report_pattern())) {
        snprintf(err, errlen, "out of memory");
        if (m)
            free(m->pattern);
        free(m);
        return NULL;
    }
    m->code = compile(m->pattern, PCRE2_ANCHORED, err, errlen);
    m->report = m->code ? compile(report, 0, err, errlen) : NULL;
    free(report);
    if (!m->code || !m->report) {
        belopp_matcher_free(m);
        return NULL;
    }
    /* JIT is a speed-up, not a requirement: without it matching still works. */
    m->jit = pcre2_jit_compile(m->code, PCRE2_JIT_COMPLETE) == 0 &&
             pcre2_jit_compile(m->report, PCRE2_JIT_COMPLETE) == 0;
    m->md = pcre2_match_data_create_from_pattern(m->code, NULL);
    m->report_md = pcre2_match_data_create_from_pattern(m->report, NULL);
    m->mctx = pcre2_match_context_create(NULL);
    if (!m->md || !m->report_md || !m->mctx) {
        snprintf(err, errlen, "out of memory");
        belopp_matcher_free(m);
        return NULL;
    }
    pcre2_set_match_limit(m->mctx, MATCH_LIMIT);
    start_tables(m);
#define GROUP(name) pcre2_substring_number_from_name(m->code, (PCRE2_SPTR)name)
    m->g_qual = GROUP("qual");
    m->g_between = GROUP("between");
    m->g_pcur = GROUP("pcur");
    m->g_sign = GROUP("sign");
    m->g_num = GROUP("num");
    m->g_words = GROUP("words");
    m->g_sign2 = GROUP("sign2");
    m->g_num_b = GROUP("num_b");
    m->g_words2 = GROUP("words2");
    m->g_num2 = GROUP("num2");
    m->g_adj = GROUP("adj");
    m->g_scale = GROUP("scale");
    m->g_cur = GROUP("cur");
    m->g_sub = GROUP("sub");
    m->g_subname = GROUP("subname");
    m->g_cmp0 = GROUP("cmp0");
#undef GROUP
    return m;
}

void belopp_matcher_free(belopp_matcher *m)
{
    if (!m)
        return;
    pcre2_match_context_free(m->mctx);
    pcre2_match_data_free(m->md);
    pcre2_match_data_free(m->report_md);
    pcre2_code_free(m->code);
    pcre2_code_free(m->report);
    free(m->pattern);
    free(m);
}

const char *belopp_matcher_pattern(const belopp_matcher *m) { return m->pattern; }

static belopp_span group(const PCRE2_SIZE *ov, int g)
{
    if (g <= 0 || ov[2 * g] == PCRE2_UNSET)
        return (belopp_span){0, 0};
    return (belopp_span){ov[2 * g], ov[2 * g + 1]};
}

static int empty(belopp_span sp) { return sp.start == sp.end; }

/* Group g, or else group h: the same group of the pattern's other branch. */
static belopp_span either(const PCRE2_SIZE *ov, int g, int h)
{
    belopp_span sp = group(ov, g);
    return empty(sp) ? group(ov, h) : sp;
}

static int is_digit(char c) { return c >= '0' && c <= '9'; }

/* The word after a space at i: [*a, *e), or 0 when none follows. */
static int next_word(const char *s, size_t len, size_t i, size_t *a, size_t *e)
{
    *a = belopp_skip_spaces(s, i, len);
    *e = belopp_word_end(s, *a, len);
    return *a > i && *e > *a && (*e >= len || !is_digit(s[*e]));
}

/* Does the word s[0, n) end like a Swedish adjective or participle, which
 * may stand before the noun of a per-phrase: "listad", "aktiv", "påbörjat",
 * "folkbokförd", "enskild", "studerande"?  (Suffixes from Svenska
 * Akademiens grammatik; a noun rarely ends so.) */
static int modifier_like(const char *w, size_t n)
{
    static const char *const ENDINGS[] = {"ad", "at", "d", "iv", "ig", "isk", "ande", "ende", "ell"};
    for (size_t i = 0; i < sizeof ENDINGS / sizeof *ENDINGS; i++) {
        size_t l = strlen(ENDINGS[i]);
        if (n > l + 2 && memcmp(w + n - l, ENDINGS[i], l) == 0)
            return 1;
    }
    return 0;
}

/* The per-phrase after an amount that ends at i: "/mån", "per listad
 * patient och år", "i månaden", "om året", "styck", "årligen".  Sets *per
 * and returns the end of the phrase, or returns i when there is none. */
static size_t per_phrase(const char *s, size_t len, size_t i, belopp_span *per)
{
    size_t j = belopp_skip_spaces(s, i, len), a, e;
    if (j < len && s[j] == '/') {
        a = belopp_skip_spaces(s, j + 1, len);
        e = belopp_word_end(s, a, len);
        if (e == a || (e < len && is_digit(s[e])))
            return i;
        *per = (belopp_span){a, e};
        return e;
    }
    if (!next_word(s, len, i, &j, &e))
        return i;
    if (belopp_words_has(BELOPP_WORDS_PER_ALONE, s + j, e - j)) {
        *per = (belopp_span){j, e};
        return e;
    }
    if (belopp_word_equal(s + j, e - j, "i") || belopp_word_equal(s + j, e - j, "om")) {
        if (!next_word(s, len, e, &a, &e) || !belopp_words_has(BELOPP_WORDS_PER_DEFINITE, s + a, e - a))
            return i;
        *per = (belopp_span){a, e};
        return e;
    }
    if (!belopp_word_equal(s + j, e - j, "per"))
        return i;
    /* "per" NOUN, or "per" MODIFIER NOUN when the first word is no known
     * per-noun ("per listad patient"); then "och"/"eller" and a per-noun
     * ("per månad och barn", not "per månad och blir"). */
    size_t end, b, be;
    if (!next_word(s, len, e, &a, &end) || belopp_words_has(BELOPP_WORDS_PER_STOP, s + a, end - a))
        return i;
    if (!belopp_words_has(BELOPP_WORDS_PER_NOUN, s + a, end - a) && modifier_like(s + a, end - a) &&
        next_word(s, len, end, &b, &be) &&
        s[b] >= 'a' && s[b] <= 'z' && !belopp_words_has(BELOPP_WORDS_PER_STOP, s + b, be - b))
        end = be;
    if (next_word(s, len, end, &b, &be) &&
        (belopp_word_equal(s + b, be - b, "och") || belopp_word_equal(s + b, be - b, "eller"))) {
        size_t c, ce;
        if (next_word(s, len, be, &c, &ce) && belopp_words_has(BELOPP_WORDS_PER_NOUN, s + c, ce - c))
            end = ce;
    }
    *per = (belopp_span){a, end};
    return end;
}

/* "dryg" of "en dryg halvmiljard", "en dryg miljard": an adjective inside a number in words
 * qualifies it (normalize/amount.c reads the half, skipping it).  Returns
 * its span, or an empty one. */
static belopp_span half_adjective(const char *s, belopp_span words)
{
    size_t a = words.start;
    while (a < words.end && s[a] != ' ' && s[a] != '\t')
        a++;
    a = belopp_skip_spaces(s, a, words.end);
    size_t e = belopp_word_end(s, a, words.end);
    if (e > a && e <= words.end &&
        (belopp_word_equal(s + a, e - a, "dryg") || belopp_word_equal(s + a, e - a, "knapp")))
        return (belopp_span){a, e};
    return (belopp_span){0, 0};
}

/* "gå sex miljarder minus," is a deficit: "minus" right after the unit, then
 * a mark that ends the clause (or the line).  "100 kronor minus moms" and
 * "7 miljarder minus 2" are sums.  Returns the end of "minus", or i. */
static size_t minus_after(const char *s, size_t len, size_t i)
{
    size_t j = belopp_skip_spaces(s, i, len);
    if (j == i || len - j < 5 || !belopp_word_equal(s + j, 5, "minus"))
        return i;
    size_t e = j + 5;
    if (e == len || s[e] == '\n' || s[e] == '\r' || (s[e] && strchr(",.;:!?)", s[e])))
        return e;
    return i;
}

/* "6 500 000 respektive 9 500 000 kronor", "10 respektive 15 öre": a bare
 * number before "respektive" takes the unit of the amount after it.  When
 * that amount (matched at its own start) has a scale or a currency of its
 * own and is one number, *k gets its units and per-phrase; returns 1. */
static int unit_of_respektive(belopp_matcher *m, const char *s, size_t len, size_t i,
                              belopp_candidate *k)
{
    size_t j = belopp_skip_spaces(s, i, len);
    if (j == i || len - j < 11 || !belopp_word_equal(s + j, 10, "respektive"))
        return 0;
    size_t p = belopp_skip_spaces(s, j + 10, len);
    if (p == j + 10 || p >= len || !is_digit(s[p]))
        return 0;
    int rc = m->jit ? pcre2_jit_match(m->code, (PCRE2_SPTR)s, len, p, 0, m->md, m->mctx)
                    : pcre2_match(m->code, (PCRE2_SPTR)s, len, p, PCRE2_NO_UTF_CHECK, m->md, m->mctx);
    if (rc < 0)
        return 0;
    const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(m->md);
    belopp_span scale = group(ov, m->g_scale), cur = group(ov, m->g_cur);
    if ((empty(scale) && empty(cur)) || !empty(group(ov, m->g_num2)) || !empty(group(ov, m->g_pcur)) ||
        !empty(group(ov, m->g_sub)) || !empty(group(ov, m->g_cmp0)))
        return 0;
    k->scale = scale;
    k->currency = cur;
    per_phrase(s, len, ov[1], &k->per);
    return 1;
}

/* "ett underskott på runt 2 000 per invånare": a bare number right before
 * "per" and a per-noun ("per invånare", "per barn och år"), or "/" and one.
 * Sets *per and returns 1; classify.c takes it for kronor only in a text and
 * a sentence about money.  Not "i månaden" or "styck": "3 i månaden" and
 * "5 styck" count far more often. */
static int per_after_bare(const char *s, size_t len, size_t i, belopp_span *per)
{
    size_t j = belopp_skip_spaces(s, i, len);
    if (j >= len || (s[j] != '/' && !(len - j > 4 && belopp_word_equal(s + j, 3, "per") &&
                                       belopp_space_at(s, j + 3, len))))
        return 0;
    belopp_span p = {0, 0};
    if (per_phrase(s, len, i, &p) == i || empty(p))
        return 0;
    size_t e = belopp_word_end(s, p.start, len);
    if (!belopp_words_has(BELOPP_WORDS_PER_NOUN, s + p.start, e - p.start))
        return 0; /* "per listad patient": only a known noun right after "per" */
    *per = p;
    return 1;
}

/* "(79)", "(-3,4)", "(–7,6)", "(2 101)" after an amount that ends at i: sets *cmp to
 * the number and returns the end of ")", or returns i. */
static size_t comparison_figure(const char *s, size_t len, size_t i, belopp_span *cmp)
{
    size_t j = belopp_skip_spaces(s, i, len);
    if (j >= len || s[j] != '(')
        return i;
    j = belopp_skip_spaces(s, j + 1, len);
    size_t a = j;
    if (j < len && s[j] == '-')
        j++;
    else if (len - j >= 3 && (memcmp(s + j, "\xE2\x88\x92", 3) == 0 || /* U+2212 minus */
                              memcmp(s + j, "\xE2\x80\x93", 3) == 0))  /* U+2013 en dash */
        j += 3;
    if (j >= len || !is_digit(s[j]))
        return i;
    size_t d = j;
    while (j < len && is_digit(s[j]))
        j++;
    if (j - d <= 3) /* thousands groups after one space: "2 101" */
        for (size_t n; j < len && (n = belopp_space_at(s, j, len)) > 0 && j + n + 3 <= len &&
                       is_digit(s[j + n]) && is_digit(s[j + n + 1]) && is_digit(s[j + n + 2]) &&
                       (j + n + 3 == len || !is_digit(s[j + n + 3]));)
            j += n + 3;
    if (j + 1 < len && (s[j] == ',' || s[j] == ':') && is_digit(s[j + 1]))
        for (j++; j < len && is_digit(s[j]); j++)
            ;
    size_t e = j;
    j = belopp_skip_spaces(s, j, len);
    if (j >= len || s[j] != ')')
        return i;
    *cmp = (belopp_span){a, e};
    return j + 1;
}

/* Does the text call itself a report, or hold two "(79)" figures?  *figures
 * counts on from the figures of the pieces before (a text read in chunks). */
static int report_count(belopp_matcher *m, const char *s, size_t len, int *fig)
{
    size_t off = 0;
    int figures = *fig;
    while (off < len) {
        int rc = m->jit ? pcre2_jit_match(m->report, (PCRE2_SPTR)s, len, off, 0, m->report_md, m->mctx)
                        : pcre2_match(m->report, (PCRE2_SPTR)s, len, off, PCRE2_NO_UTF_CHECK,
                                      m->report_md, m->mctx);
        if (rc < 0)
            break;
        const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(m->report_md);
        if (rc > 1 && ov[2] != PCRE2_UNSET)
            return 1; /* a report word */
        if (++figures >= 2)
            return 1;
        *fig = figures;
        off = ov[1] > off ? ov[1] : off + 1;
    }
    return 0;
}

static int is_report(belopp_matcher *m, const char *s, size_t len)
{
    int figures = 0;
    return report_count(m, s, len, &figures);
}

int belopp_match_report_piece(belopp_matcher *m, const belopp_text *t, int *figures)
{
    return report_count(m, belopp_text_data(t), belopp_text_len(t), figures);
}

void belopp_match_set_report(belopp_matcher *m, int report) { m->text_is_report = report; }

/* Between the end of the first number (e) and the second (n2): " -" or
 * " −" (a space, a dash, no space), and the first number signed or another
 * number after the second: a row of values ("0,01 -0,02 -0,02"). */
static int dash_opens_value(const char *s, size_t len, size_t e, belopp_span n2, int signed_first)
{
    if (n2.start < e + 2 || (s[e] != ' ' && s[e] != '\t'))
        return 0;
    size_t d = e + 1;
    int dash = (s[d] == '-' && d + 1 == n2.start) ||
               (n2.start == d + 3 && (unsigned char)s[d] == 0xE2 && (unsigned char)s[d + 1] == 0x80 &&
                (unsigned char)s[d + 2] == 0x93) ||
               (n2.start == d + 3 && (unsigned char)s[d] == 0xE2 && (unsigned char)s[d + 1] == 0x88 &&
                (unsigned char)s[d + 2] == 0x92);
    if (!dash)
        return 0;
    if (signed_first)
        return 1;
    size_t i = n2.end;
    if (i >= len || (s[i] != ' ' && s[i] != '\t'))
        return 0;
    while (i < len && (s[i] == ' ' || s[i] == '\t'))
        i++;
    if (i < len && s[i] == '-')
        i++;
    return i < len && s[i] >= '0' && s[i] <= '9';
}

/* Is the compound's minor part right: "23 öre" after whole kronor, "50 cent"
 * after whole euro, less than one main unit? */
static int compound_fits(const char *s, const belopp_candidate *k)
{
    const belopp_unit *u = empty(k->currency) ? NULL
                                              : belopp_unit_lookup(s + k->currency.start,
                                                                   k->currency.end - k->currency.start);
    if (!u || u->exp10 != 0 || !empty(k->scale) || !empty(k->number2) || !empty(k->prefix_currency) ||
        !belopp_minor_name_of(s + k->sub_unit.start, k->sub_unit.end - k->sub_unit.start, u->currency))
        return 0;
    int exp = belopp_minor_exp(u->currency);
    belopp_decimal d;
    const char *n = s + k->sub.start;
    size_t nl = k->sub.end - k->sub.start;
    if (exp <= 0 || (is_digit(n[0]) ? belopp_parse_decimal(n, nl, &d) : belopp_parse_words(n, nl, &d)) !=
                        BELOPP_OK || d.frac_digits != 0)
        return 0;
    int64_t one = 1;
    for (int i = 0; i < exp; i++)
        one *= 10;
    return d.mantissa < one;
}

/* Is the number written in words at s[start] the second of a vague pair,
 * "ett par, tre tusen kronor", "två, tre miljoner": some two or three
 * thousand, no exact amount (precision first: nothing is made of it)?  The
 * word before the comma is "par" or a number word from one to ten. */
static int vague_pair_before(const char *s, size_t start)
{
    size_t i = start;
    while (i > 0 && s[i - 1] == ' ')
        i--;
    if (i == 0 || s[i - 1] != ',')
        return 0;
    size_t e = --i;
    /* back over the word: ASCII letters and the bytes of å, ä, ö */
    while (i > 0 && ((((unsigned char)s[i - 1] | 0x20) >= 'a' && ((unsigned char)s[i - 1] | 0x20) <= 'z') ||
                     ((unsigned char)s[i - 1] & 0x80)))
        i--;
    static const char *const PAIR_FIRST[] = {"par", "en", "ett", "två", "tre", "fyra", "fem", "sex",
                                             "sju", "åtta", "nio", "tio", NULL};
    for (const char *const *w = PAIR_FIRST; *w; w++)
        if (belopp_word_equal(s + i, e - i, *w))
            return 1;
    return 0;
}

/* Asks PCRE2's partial matching whether some text starting as subject
 * [0, n) could match from its start: 1 yes or perhaps (an error), 2 no. */
static unsigned char ask(belopp_matcher *m, const unsigned char *subject, size_t n)
{
    int rc = pcre2_match(m->code, subject, n, 0, PCRE2_PARTIAL_HARD, m->md, m->mctx);
    return rc == PCRE2_ERROR_NOMATCH ? 2 : 1;
}

/* May a match start at s[p] (a character's first byte), by its first one
 * or two characters?  Each answer is asked of PCRE2 once per matcher, when
 * first needed (a text uses few of them), and kept: in m->one and m->two
 * for ASCII, else in m->seen by the bytes of the first character and of
 * the second when both fit in four bytes ("fö", "år", "–").  A "no" is
 * sure: the pattern has no positive lookbehind (else nothing is asked),
 * and its negative ones hold at the start of the short subject where they
 * may hold in the text. */
static int may_start(belopp_matcher *m, const char *s, size_t len, size_t p)
{
    unsigned char c = (unsigned char)s[p], d = p + 1 < len ? (unsigned char)s[p + 1] : 0;
    if (!m->ask_starts)
        return 1;
    if (c < 0x80) {
        if (!m->one[c])
            m->one[c] = ask(m, &c, 1);
        if (m->one[c] == 2 || p + 1 >= len)
            return m->one[c] == 1;
        if (d < 0x80) {
            if (!m->two[c][d]) {
                unsigned char cd[2] = {c, d};
                m->two[c][d] = ask(m, cd, 2);
            }
            return m->two[c][d] == 1;
        }
    }
    size_t n = char_len(c);
    if (p + n > len)
        return 1;
    if (p + n < len && n + char_len((unsigned char)s[p + n]) <= 4 &&
        p + n + char_len((unsigned char)s[p + n]) <= len)
        n += char_len((unsigned char)s[p + n]);
    uint64_t key = n; /* the length, then the bytes: never 0 */
    for (size_t i = 0; i < n; i++)
        key |= (uint64_t)(unsigned char)s[p + i] << (8 * (i + 1));
    size_t h = (size_t)((key * 0x9E3779B97F4A7C15u) >> (64 - SEEN_BITS));
    if (m->seen[h].key != key) {
        m->seen[h].key = key;
        m->seen[h].may = ask(m, (const unsigned char *)s + p, n);
    }
    return m->seen[h].may == 1;
}

/* May a match start at s[p], a letter, by the whole word there and the
 * character after it?  may_start lets through every word whose first two
 * letters begin some match ("en", "ett", "till", "med", "om", "enligt",
 * "Not", "nära": "tio", "mellan", "omkring", "NOK", "närmare"), and most
 * such words start none, yet each costs a full attempt of the pattern
 * (about 1 500 instructions; the pattern has hundreds of alternatives).  So
 * the same question is asked of PCRE2's partial matching for the run of
 * letters (bytes of ASCII letters or of non-ASCII characters) and the one
 * character after it: "till " cannot begin a match, "en " and "från " can.
 * A "no" is as sure as may_start's (the subject asked is the text's own
 * bytes from p on, whole characters; see may_start), and each answer is
 * kept in m->words by the word's bytes, so each distinct word is asked once
 * while it stays in the cache.  A word longer than WORD_KEY bytes is not
 * asked about (the match is tried). */
static int word_may_start(belopp_matcher *m, const char *s, size_t len, size_t p)
{
    if (!m->ask_starts)
        return 1;
    size_t e = p;
    while (e < len && e - p < WORD_KEY &&
           ((unsigned char)s[e] >= 0x80 || (s[e] >= 'a' && s[e] <= 'z') || (s[e] >= 'A' && s[e] <= 'Z')))
        e++;
    if (e - p >= WORD_KEY)
        return 1; /* a long run: tried */
    if (e < len)
        e++; /* the character after it: an ASCII byte, a whole character */
    size_t n = e - p;
    uint32_t h = 2166136261u; /* FNV-1a */
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[p + i]) * 16777619u;
    /* WORD_WAYS places a word may be kept in: a few words that meet in one
     * set do not push each other out for good (the oldest goes) */
    size_t a = (size_t)(h ^ (h >> 16)) & (((size_t)1 << WORD_BITS) - WORD_WAYS);
    for (size_t i = a; i < a + WORD_WAYS; i++)
        if (m->words[i].n == n && memcmp(m->words[i].key, s + p, n) == 0)
            return m->words[i].may == 1;
    memmove(&m->words[a + 1], &m->words[a], (WORD_WAYS - 1) * sizeof m->words[a]);
    m->words[a].n = (unsigned char)n;
    memcpy(m->words[a].key, s + p, n);
    m->words[a].may = ask(m, (const unsigned char *)s + p, n);
    return m->words[a].may == 1;
}

/* The first match at or after off, as an unanchored pcre2_match from off
 * would find it: the anchored pattern tried at each position a match may
 * start at (see the design note).  Returns pcre2_match's code. */
static int match_from(belopp_matcher *m, const char *s, size_t len, size_t off)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t p = off; p < len; p++) {
        /* most bytes are inside a word: the test of the byte before first,
         * then of the byte itself (a character's first byte, not one no
         * match starts with: m->one), then may_start */
        if (p > 0 && m->word_byte[u[p - 1]])
            continue;
        unsigned char c = u[p];
        if ((c >= 0x80 && c < 0xC0) || (c < 0x80 && m->one[c] == 2) || !may_start(m, s, len, p))
            continue;
        if ((c >= 0xC0 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) &&
            !word_may_start(m, s, len, p))
            continue;
        /* pcre2_jit_match skips pcre2_match's checks of its arguments, which
         * are the same every call here (and the text is valid UTF-8). */
        int rc = m->jit ? pcre2_jit_match(m->code, (PCRE2_SPTR)s, len, p, 0, m->md, m->mctx)
                        : pcre2_match(m->code, (PCRE2_SPTR)s, len, p, PCRE2_NO_UTF_CHECK, m->md,
                                      m->mctx);
        if (rc != PCRE2_ERROR_NOMATCH)
            return rc;
    }
    return PCRE2_ERROR_NOMATCH;
}

int belopp_match_next(belopp_matcher *m, const belopp_text *t, const belopp_segments *g,
                      belopp_match_pos *pos, belopp_candidate *out, belopp_diags *diags)
{
    size_t *off = &pos->off;
    const char *s = belopp_text_data(t);
    size_t len = belopp_text_len(t);
    if (pos->off == 0 && !pos->report_set)
        m->text_is_report = is_report(m, s, len);
    while (*off < len) {
        int rc = match_from(m, s, len, *off);
        if (rc == PCRE2_ERROR_NOMATCH)
            break;
        if (rc < 0) {
            char msg[160];
            pcre2_get_error_message(rc, (PCRE2_UCHAR *)msg, sizeof msg);
            belopp_diags_add(diags, BELOPP_ERROR, BELOPP_DIAG_MATCH_LIMIT, belopp_text_src_start(t, *off),
                             "matching stopped: %s", msg);
            *off = len;
            return -1;
        }
        const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(m->md);
        belopp_candidate k = {
            .qualifier = group(ov, m->g_qual),
            .prefix_currency = group(ov, m->g_pcur),
            .sign = either(ov, m->g_sign, m->g_sign2),
            .number = either(ov, m->g_num, m->g_num_b),
            .number2 = group(ov, m->g_num2),
            .scale = group(ov, m->g_scale),
            .currency = group(ov, m->g_cur),
            .sub = group(ov, m->g_sub),
            .sub_unit = group(ov, m->g_subname),
        };
        belopp_span words = either(ov, m->g_words, m->g_words2);
        if (!empty(words)) {
            k.number = words;
            k.in_words = 1;
        }
        size_t match_end = ov[1];
        belopp_span cmp0 = group(ov, m->g_cmp0);
        if (k.in_words && empty(k.qualifier))
            k.qualifier = half_adjective(s, k.number);
        if (!empty(k.sub) && !compound_fits(s, &k)) {
            /* "5 dollar och 50 öre": the dollars alone; "50 öre" of no known
             * currency is left out (precision first) */
            k.sub = k.sub_unit = (belopp_span){0, 0};
        }
        /* The amount as written: from "mellan", a currency sign or a minus
         * sign to the last unit word; "per …" and "(79)" are kept apart. */
        size_t start = k.number.start, end = k.number.end;
        if (!empty(k.sign))
            start = k.sign.start;
        if (!empty(k.prefix_currency))
            start = k.prefix_currency.start;
        belopp_span between = group(ov, m->g_between); /* "mellan" of "mellan 4 och 5" */
        if (!empty(between) && !empty(k.number2))
            start = between.start;
        end = k.number2.end > end ? k.number2.end : end;
        belopp_span adj = group(ov, m->g_adj);
        end = adj.end > end ? adj.end : end;
        end = k.scale.end > end ? k.scale.end : end;
        end = k.currency.end > end ? k.currency.end : end;
        end = k.sub_unit.end > end ? k.sub_unit.end : end;
        k.whole = (belopp_span){start, end};
        /* "SEK 0,01 -0,02 -0,02", "SEK -0,03 -0,04": a dash with a space
         * before it and none after, in a run of values, is the next value's
         * minus sign, not a range: where the first value is signed too, or
         * another value follows the second.  The first value stands alone
         * (with the currency before it; else it is bare). */
        if (!empty(k.number2) && empty(group(ov, m->g_between)) &&
            dash_opens_value(s, len, k.number.end, k.number2, !empty(k.sign))) {
            k.number2 = k.scale = k.currency = k.sub = k.sub_unit = (belopp_span){0, 0};
            k.whole.end = k.number.end;
            match_end = k.number.end;
            if (empty(k.prefix_currency)) {
                *off = match_end;
                continue;
            }
        }
        /* "2025 spara miljoner": an "-a" word after a year is a verb, not the
         * adjective of "sju positiva miljarder"; the year stays bare */
        if (!empty(adj) && !belopp_words_has(BELOPP_WORDS_SCALE_ADJ, s + adj.start, adj.end - adj.start) &&
            !k.in_words && belopp_is_year(s, k.number)) {
            k.scale = k.currency = k.sub = k.sub_unit = (belopp_span){0, 0};
            k.whole.end = k.number.end;
            match_end = k.number.end;
        }
        int bare = !k.in_words && empty(k.scale) && empty(k.currency) && empty(k.prefix_currency);
        if (bare && empty(k.number2) && empty(k.sign) && unit_of_respektive(m, s, len, match_end, &k))
            bare = 0; /* ov is the later amount's now; nothing below reads it */
        else if (bare && empty(k.number2) && per_after_bare(s, len, match_end, &k.per))
            bare = 0; /* "2 000 per invånare": classify.c decides whether it is kronor */
        else if (!bare && empty(k.sign) && empty(k.number2) && empty(k.sub)) {
            size_t e = minus_after(s, len, match_end);
            if (e > match_end) {
                k.sign = (belopp_span){e - 5, e};
                k.whole.end = e;
                match_end = e;
            }
        }
        if (!empty(cmp0) && m->text_is_report)
            k.comparison = cmp0;
        if (!bare && empty(k.per)) {
            match_end = per_phrase(s, len, match_end, &k.per);
            if (m->text_is_report && empty(k.comparison) &&
                (!empty(k.currency) || !empty(k.prefix_currency)))
                match_end = comparison_figure(s, len, match_end, &k.comparison);
        }
        *off = match_end > *off ? match_end : *off + 1;
        if (bare && g && !belopp_segments_row(g, k.whole.start, &pos->row_hint))
            continue;
        if (k.in_words && vague_pair_before(s, k.whole.start))
            continue; /* "ett par, tre tusen kronor": not 3 000 kronor */
        *out = k;
        return 1;
    }
    *off = len;
    return 0;
}

int belopp_match(belopp_matcher *m, const belopp_text *t, const belopp_segments *g,
                 belopp_candidate **out, size_t *n, belopp_diags *diags)
{
    size_t count = 0, cap = 0;
    belopp_match_pos pos = {0, 0, 0};
    belopp_candidate *c = NULL, k;
    int rc;
    while ((rc = belopp_match_next(m, t, g, &pos, &k, diags)) > 0) {
        void *grown = c;
        if (belopp_grow(&grown, &cap, count + 1, sizeof *c) < 0) {
            free(c);
            belopp_diags_add(diags, BELOPP_ERROR, BELOPP_DIAG_NOMEM, BELOPP_NO_OFFSET, "out of memory");
            return -1;
        }
        c = grown;
        c[count++] = k;
    }
    if (rc < 0) {
        free(c);
        return -1;
    }
    *out = c;
    *n = count;
    return 0;
}
