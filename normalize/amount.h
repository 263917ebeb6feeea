/* amount.h — stage 5: exact decimals, unit words, and öre.
 *
 * Money is never a floating-point number here: a written number becomes a
 * decimal (an int64 mantissa and a count of fraction digits), and a unit
 * becomes a power of ten.  All arithmetic goes through overflow-checked
 * helpers that leave their target unchanged on failure.
 */
#ifndef BELOPP_AMOUNT_H
#define BELOPP_AMOUNT_H

#include <stddef.h>
#include <stdint.h>

#include "lexicon.h" /* units, qualifiers and the other word lists */

/* *acc *= m; returns 0, or -1 (and *acc unchanged) on int64 overflow. */
int belopp_mul_i64(int64_t *acc, int64_t m);

/* *acc += m; returns 0, or -1 (and *acc unchanged) on int64 overflow. */
int belopp_add_i64(int64_t *acc, int64_t m);

/* A written number: value = mantissa / 10^frac_digits. */
typedef struct {
    int64_t mantissa;
    int frac_digits;
} belopp_decimal;

typedef enum {
    BELOPP_OK = 0,
    BELOPP_E_SYNTAX,   /* not a number */
    BELOPP_E_OVERFLOW, /* does not fit in 64 bits */
    BELOPP_E_FRACTION  /* would need a fraction of the minor unit */
} belopp_status;

/* Parses digits with thousands separators (any run of non-digit bytes other
 * than the decimal comma between digit groups is skipped) and an optional
 * decimal comma: "6 250,5", "7.250.000", "2935".  Returns BELOPP_OK,
 * BELOPP_E_SYNTAX, or BELOPP_E_OVERFLOW. */
belopp_status belopp_parse_decimal(const char *s, size_t n, belopp_decimal *out);

/* The same with mark as the decimal separator: ',' as above, or '.' for a
 * foreign amount written in English style ("£ 8.10 miljoner"). */
belopp_status belopp_parse_decimal_mark(const char *s, size_t n, char mark, belopp_decimal *out);

/* Parses a number written in words: "fyra", "tjugofem", "etthundrafemtio",
 * "en halv", "två och en halv" (up to 999, and halves).  Returns BELOPP_OK
 * or BELOPP_E_SYNTAX. */
belopp_status belopp_parse_words(const char *s, size_t n, belopp_decimal *out);

/* Converts d × 10^exp10 units to minor units of a currency whose ISO 4217
 * minor-unit exponent is minor_exp (2 for SEK: öre; 0 for JPY): the value
 * times 10^(exp10 + minor_exp).  Returns BELOPP_OK with *out set,
 * BELOPP_E_OVERFLOW, or BELOPP_E_FRACTION (e.g. "19,905 kr", "12,5 yen");
 * *out is unchanged on failure. */
belopp_status belopp_to_minor_exp(belopp_decimal d, int exp10, int minor_exp, int64_t *out);

/* belopp_to_minor_exp with minor_exp 2 (hundredths: öre, cent). */
belopp_status belopp_to_minor(belopp_decimal d, int exp10, int64_t *out);

/* Message for a status, e.g. "amount does not fit in 64 bits". */
const char *belopp_status_message(belopp_status st);

#endif
