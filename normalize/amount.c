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
 * - Every currency is counted in its own minor unit, whose size ISO 4217
 *   gives (normalize/lexicon.c): hundredths for "3 000 euro", "50 pund",
 *   "2 miljoner norska kronor"; whole yen for "500 yen"; thousandths for
 *   Kuwaiti dinar.  The word lists themselves live in normalize/lexicon.c.
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
    return belopp_parse_decimal_mark(s, n, ',', out);
}

belopp_status belopp_parse_decimal_mark(const char *s, size_t n, char mark, belopp_decimal *out)
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
        } else if (c == mark) {
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
    return belopp_to_minor_exp(d, exp10, 2, out);
}

belopp_status belopp_to_minor_exp(belopp_decimal d, int exp10, int minor_exp, int64_t *out)
{
    int64_t v = d.mantissa;
    int e = exp10 + minor_exp - d.frac_digits;
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

#define TAKE(table, s, n, i, v)                                                        \
    do {                                                                               \
        for (const belopp_number_word *w_ = (table); w_->word; w_++) {                 \
            size_t l_ = strlen(w_->word);                                              \
            if ((n) - (i) >= l_ && memcmp((s) + (i), w_->word, l_) == 0) {             \
                (v) = w_->value;                                                       \
                (i) += l_;                                                             \
                break;                                                                 \
            }                                                                          \
        }                                                                              \
    } while (0)

/* Value of one compound number word s[0, n) (already lower case), or -1. */
static int word_value(const char *s, size_t n)
{
    const belopp_number_word *UNITS_1_9 = belopp_number_words(BELOPP_NUM_ONES),
                             *TEENS = belopp_number_words(BELOPP_NUM_TEENS),
                             *TENS = belopp_number_words(BELOPP_NUM_TENS);
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

    /* "en dryg halv(miljard)", "en knapp halv(miljon)": the adjective is
     * the matcher's qualifier; the value is a half */
    static const char *const ABOUT_HALF[] = {"en dryg halv", "en knapp halv", NULL};
    for (const char *const *h = ABOUT_HALF; *h; h++)
        if (strcmp(buf, *h) == 0) {
            *out = (belopp_decimal){5, 1};
            return BELOPP_OK;
        }
    /* "en dryg (miljard)", "en knapp (miljon)": one, the adjective the
     * matcher's qualifier */
    if (strcmp(buf, "en dryg") == 0 || strcmp(buf, "en knapp") == 0) {
        *out = (belopp_decimal){1, 0};
        return BELOPP_OK;
    }
    /* "en kvarts miljard", "tre kvarts miljon": the matcher takes them
     * before a scale word only */
    if (strcmp(buf, "en kvarts") == 0 || strcmp(buf, "tre kvarts") == 0) {
        *out = (belopp_decimal){buf[0] == 'e' ? 25 : 75, 2};
        return BELOPP_OK;
    }
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
