/* amount.c — Swedish number grammar and units, in exact integers.
 *
 * Design note: the facts this file relies on, each seen in the corpus.
 * - The decimal separator is a comma: "6,8 miljarder kronor", "114,5 miljoner".
 * - Thousands are grouped by a space, often a no-break one: "6 250,5",
 *   "2 111", "1 819"; or not at all: "2935 miljoner kronor".  Some write dots:
 *   "7.250.000".  So every non-digit byte between digits before the comma is
 *   a separator; which separators are allowed is the matcher's business.
 * - Scale words multiply: tusen 10^3, miljon(er) 10^6, miljard(er) 10^9,
 *   biljon(er) 10^12 (a Swedish biljon is 10^12, not 10^9).
 * - Abbreviations carry scale and currency at once: tkr, mkr, mnkr, mdkr,
 *   MSEK, KSEK.  "12:-" is 12 kronor.  1 krona = 100 öre.
 * - Numbers are also written as words before a scale word or currency:
 *   "fyra miljarder", "tjugofem miljoner kronor", "en halv miljon",
 *   "två och en halv miljard kronor", "etthundrafemtio miljoner".
 * - Other currencies keep their own minor unit of hundredths: "3 000 euro",
 *   "50 pund", "2 miljoner norska kronor".
 * - int64 öre reaches 92 233 720 368 547 758,07 kr (~92 biljoner), far
 *   beyond any budget; "1,5 biljoner" fits, "10 miljoner biljoner" does not.
 */
#include "amount.h"

#include <string.h>

#include <utf8proc.h>

int belopp_mul_i64(int64_t *acc, int64_t m)
{
    int64_t r;
    if (__builtin_mul_overflow(*acc, m, &r))
        return -1;
    *acc = r;
    return 0;
}

int belopp_add_i64(int64_t *acc, int64_t m)
{
    int64_t r;
    if (__builtin_add_overflow(*acc, m, &r))
        return -1;
    *acc = r;
    return 0;
}

belopp_status belopp_parse_decimal(const char *s, size_t n, belopp_decimal *out)
{
    int64_t m = 0;
    int frac = -1, digits = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c >= '0' && c <= '9') {
            if (belopp_mul_i64(&m, 10) < 0 || belopp_add_i64(&m, c - '0') < 0)
                return BELOPP_E_OVERFLOW;
            digits++;
            if (frac >= 0)
                frac++;
        } else if (c == ',') {
            if (frac >= 0 || digits == 0)
                return BELOPP_E_SYNTAX;
            frac = 0;
        } else if (frac >= 0) {
            return BELOPP_E_SYNTAX; /* nothing but digits after the comma */
        }
    }
    if (digits == 0 || frac == 0)
        return BELOPP_E_SYNTAX;
    out->mantissa = m;
    out->frac_digits = frac < 0 ? 0 : frac;
    return BELOPP_OK;
}

belopp_status belopp_to_minor(belopp_decimal d, int exp10, int64_t *out)
{
    int64_t v = d.mantissa;
    int e = exp10 + 2 - d.frac_digits;
    for (; e > 0; e--)
        if (belopp_mul_i64(&v, 10) < 0)
            return BELOPP_E_OVERFLOW;
    for (; e < 0; e++) {
        if (v % 10 != 0)
            return BELOPP_E_FRACTION;
        v /= 10;
    }
    *out = v;
    return BELOPP_OK;
}

const char *belopp_status_message(belopp_status st)
{
    switch (st) {
    case BELOPP_OK: return "ok";
    case BELOPP_E_SYNTAX: return "not a number";
    case BELOPP_E_OVERFLOW: return "amount does not fit in 64 bits";
    case BELOPP_E_FRACTION: return "amount has a fraction of an öre";
    }
    return "unknown error";
}

static const belopp_unit UNITS[] = {
    {"tusen", BELOPP_UNIT_SCALE, 3, NULL},
    {"miljon", BELOPP_UNIT_SCALE, 6, NULL},
    {"miljoner", BELOPP_UNIT_SCALE, 6, NULL},
    {"milj.", BELOPP_UNIT_SCALE, 6, NULL},
    {"miljard", BELOPP_UNIT_SCALE, 9, NULL},
    {"miljarder", BELOPP_UNIT_SCALE, 9, NULL},
    {"mdr", BELOPP_UNIT_SCALE, 9, NULL},
    {"md", BELOPP_UNIT_SCALE, 9, NULL},
    {"biljon", BELOPP_UNIT_SCALE, 12, NULL},
    {"biljoner", BELOPP_UNIT_SCALE, 12, NULL},
    {"kronor", BELOPP_UNIT_CURRENCY, 0, "SEK"},
    {"krona", BELOPP_UNIT_CURRENCY, 0, "SEK"},
    {"kr", BELOPP_UNIT_CURRENCY, 0, "SEK"},
    {"sek", BELOPP_UNIT_CURRENCY, 0, "SEK"},
    {":-", BELOPP_UNIT_CURRENCY, 0, "SEK"},
    {"öre", BELOPP_UNIT_CURRENCY, -2, "SEK"},
    {"tkr", BELOPP_UNIT_CURRENCY, 3, "SEK"},
    {"kkr", BELOPP_UNIT_CURRENCY, 3, "SEK"},
    {"ksek", BELOPP_UNIT_CURRENCY, 3, "SEK"},
    {"mkr", BELOPP_UNIT_CURRENCY, 6, "SEK"},
    {"mnkr", BELOPP_UNIT_CURRENCY, 6, "SEK"},
    {"msek", BELOPP_UNIT_CURRENCY, 6, "SEK"},
    {"mdkr", BELOPP_UNIT_CURRENCY, 9, "SEK"},
    {"norska kronor", BELOPP_UNIT_CURRENCY, 0, "NOK"},
    {"nok", BELOPP_UNIT_CURRENCY, 0, "NOK"},
    {"danska kronor", BELOPP_UNIT_CURRENCY, 0, "DKK"},
    {"dkk", BELOPP_UNIT_CURRENCY, 0, "DKK"},
    {"euro", BELOPP_UNIT_CURRENCY, 0, "EUR"},
    {"eur", BELOPP_UNIT_CURRENCY, 0, "EUR"},
    {"€", BELOPP_UNIT_CURRENCY, 0, "EUR"},
    {"dollar", BELOPP_UNIT_CURRENCY, 0, "USD"},
    {"us-dollar", BELOPP_UNIT_CURRENCY, 0, "USD"},
    {"usd", BELOPP_UNIT_CURRENCY, 0, "USD"},
    {"$", BELOPP_UNIT_CURRENCY, 0, "USD"},
    {"pund", BELOPP_UNIT_CURRENCY, 0, "GBP"},
    {"gbp", BELOPP_UNIT_CURRENCY, 0, "GBP"},
    {"£", BELOPP_UNIT_CURRENCY, 0, "GBP"},
    {NULL, 0, 0, NULL},
};

const belopp_unit *belopp_units(void) { return UNITS; }

static const belopp_qualifier QUALIFIERS[] = {
    {"ca.", "approx"},     {"ca", "approx"},       {"cirka", "approx"},   {"omkring", "approx"},
    {"drygt", "approx"},   {"knappt", "approx"},   {"nästan", "approx"},  {"runt", "approx"},
    {"minst", "at-least"}, {"över", "at-least"},   {"högst", "at-most"},  {"upp till", "at-most"},
    {"under", "at-most"},  {NULL, NULL},
};

const belopp_qualifier *belopp_qualifiers(void) { return QUALIFIERS; }

/* PCRE2's \h: tab, the space separators (Zs) and U+180E.  A space in a
 * unit word is \h+ in the pattern (match.c), so it must be here too. */
static int is_hspace(utf8proc_int32_t c)
{
    return c == '\t' || c == 0x180E || utf8proc_category(c) == UTF8PROC_CATEGORY_ZS;
}

int belopp_word_equal(const char *s, size_t n, const char *word)
{
    if (n == 0)
        return word[0] == '\0';
    /* Most comparisons fail on the first byte; ASCII needs no utf8proc. */
    unsigned char c0 = (unsigned char)s[0], w0 = (unsigned char)word[0];
    if (c0 < 0x80 && w0 < 0x80 && (c0 | 0x20) != w0 && c0 != w0)
        return 0;
    size_t i = 0, j = 0, wn = strlen(word);
    while (i < n && j < wn) {
        unsigned char a0 = (unsigned char)s[i], b0 = (unsigned char)word[j];
        if (a0 < 0x80 && b0 < 0x80 && b0 != ' ') {
            if ((a0 >= 'A' && a0 <= 'Z' ? a0 | 0x20 : a0) != b0)
                return 0;
            i++;
            j++;
            continue;
        }
        utf8proc_int32_t a, b;
        utf8proc_ssize_t la = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                               (utf8proc_ssize_t)(n - i), &a);
        utf8proc_ssize_t lb = utf8proc_iterate((const utf8proc_uint8_t *)word + j,
                                               (utf8proc_ssize_t)(wn - j), &b);
        if (la <= 0 || lb <= 0)
            return 0;
        if (b == ' ' && is_hspace(a)) {
            /* "norska kronor" also with a tab, a no-break space or two spaces:
             * whatever the pattern's \h+ let through */
            do
                i += (size_t)la;
            while (i < n &&
                   (la = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                          (utf8proc_ssize_t)(n - i), &a)) > 0 &&
                   is_hspace(a));
            j += (size_t)lb;
            continue;
        }
        if (utf8proc_tolower(a) != b)
            return 0;
        i += (size_t)la;
        j += (size_t)lb;
    }
    return i == n && j == wn;
}

const belopp_unit *belopp_unit_lookup(const char *s, size_t n)
{
    for (const belopp_unit *u = UNITS; u->word; u++)
        if (belopp_word_equal(s, n, u->word))
            return u;
    if (n > 1 && s[n - 1] == '.')
        return belopp_unit_lookup(s, n - 1);
    return NULL;
}

/* Swedish number words up to 999, compounds written as one word. */
static const struct {
    const char *word;
    int value;
} UNITS_1_9[] = {{"ett", 1}, {"en", 1}, {"två", 2}, {"tre", 3}, {"fyra", 4},
                 {"fem", 5}, {"sex", 6}, {"sju", 7}, {"åtta", 8}, {"nio", 9}},
  TEENS[] = {{"tio", 10}, {"elva", 11}, {"tolv", 12}, {"tretton", 13}, {"fjorton", 14},
             {"femton", 15}, {"sexton", 16}, {"sjutton", 17}, {"arton", 18}, {"nitton", 19}},
  TENS[] = {{"tjugo", 20}, {"trettio", 30}, {"fyrtio", 40}, {"femtio", 50},
            {"sextio", 60}, {"sjuttio", 70}, {"åttio", 80}, {"nittio", 90}};

#define TAKE(table, s, n, i, v)                                                        \
    do {                                                                               \
        for (size_t k_ = 0; k_ < sizeof table / sizeof table[0]; k_++) {               \
            size_t l_ = strlen(table[k_].word);                                        \
            if ((n) - (i) >= l_ && memcmp((s) + (i), table[k_].word, l_) == 0) {       \
                (v) = table[k_].value;                                                 \
                (i) += l_;                                                             \
                break;                                                                 \
            }                                                                          \
        }                                                                              \
    } while (0)

/* Value of one compound number word s[0, n) (already lower case), or -1. */
static int word_value(const char *s, size_t n)
{
    size_t i = 0;
    int v = 0, hundreds = 0, tens = 0, ones = 0;
    TAKE(UNITS_1_9, s, n, i, hundreds);
    if (n - i >= 6 && memcmp(s + i, "hundra", 6) == 0) {
        i += 6;
        v = (hundreds ? hundreds : 1) * 100;
    } else {
        i = 0; /* "fem" was a one, not a count of hundreds */
    }
    TAKE(TENS, s, n, i, tens);
    if (tens) {
        TAKE(UNITS_1_9, s, n, i, ones);
    } else {
        TAKE(TEENS, s, n, i, ones);
        if (!ones)
            TAKE(UNITS_1_9, s, n, i, ones);
    }
    v += tens + ones;
    return i == n && v > 0 ? v : -1;
}

belopp_status belopp_parse_words(const char *s, size_t n, belopp_decimal *out)
{
    /* Lower-case copy with single spaces, so that the tables above apply. */
    char buf[128];
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        utf8proc_int32_t c;
        utf8proc_ssize_t l = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                              (utf8proc_ssize_t)(n - i), &c);
        if (l <= 0)
            return BELOPP_E_SYNTAX;
        i += (size_t)l;
        if (utf8proc_category(c) == UTF8PROC_CATEGORY_ZS || c == '\t' || c == '\n' || c == '\r') {
            if (o > 0 && buf[o - 1] != ' ' && o + 1 < sizeof buf)
                buf[o++] = ' ';
            continue;
        }
        if (o + 4 >= sizeof buf)
            return BELOPP_E_SYNTAX;
        o += (size_t)utf8proc_encode_char(utf8proc_tolower(c), (utf8proc_uint8_t *)buf + o);
    }
    while (o > 0 && buf[o - 1] == ' ')
        o--;
    buf[o] = '\0';

    int half = 0;
    size_t end = o;
    if (o >= 7 && strcmp(buf + o - 7, "en halv") == 0) {
        half = 1;
        end = o - 7;
        if (end == 0) { /* "en halv" alone */
            *out = (belopp_decimal){5, 1};
            return BELOPP_OK;
        }
        if (end < 5 || strncmp(buf + end - 5, " och ", 5) != 0)
            return BELOPP_E_SYNTAX;
        end -= 5;
    }
    int v = word_value(buf, end);
    if (v < 0)
        return BELOPP_E_SYNTAX;
    *out = half ? (belopp_decimal){v * 10 + 5, 1} : (belopp_decimal){v, 0};
    return BELOPP_OK;
}
