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

/* Parses a number written in words: "fyra", "tjugofem", "etthundrafemtio",
 * "en halv", "två och en halv" (up to 999, and halves).  Returns BELOPP_OK
 * or BELOPP_E_SYNTAX. */
belopp_status belopp_parse_words(const char *s, size_t n, belopp_decimal *out);

/* Converts d × 10^exp10 units to minor units (öre, cent): the value times
 * 10^(exp10 + 2).  Returns BELOPP_OK with *out set, BELOPP_E_OVERFLOW, or
 * BELOPP_E_FRACTION (e.g. "19,905 kr"); *out is unchanged on failure. */
belopp_status belopp_to_minor(belopp_decimal d, int exp10, int64_t *out);

/* Message for a status, e.g. "amount does not fit in 64 bits". */
const char *belopp_status_message(belopp_status st);

typedef enum {
    BELOPP_UNIT_SCALE,    /* "miljoner": a power of ten, no currency */
    BELOPP_UNIT_CURRENCY  /* "kronor", "mkr", "öre": a currency, maybe with a power of ten */
} belopp_unit_kind;

typedef struct {
    const char *word;     /* lower case; matching ignores case */
    belopp_unit_kind kind;
    int exp10;            /* tusen 3, mkr 6, öre -2 */
    const char *currency; /* ISO 4217 code, NULL for scale words */
} belopp_unit;

/* The whole unit vocabulary, terminated by an entry with word == NULL.  The
 * matcher builds its pattern from it, so a word added here is found. */
const belopp_unit *belopp_units(void);

/* Words before an amount that qualify it, and what they say: "ca" approx,
 * "minst" at-least, "upp till" at-most.  Terminated by word == NULL; the
 * matcher builds its pattern from it, in this order ("ca." before "ca"). */
typedef struct {
    const char *word; /* lower case; a space stands for any run of spaces */
    const char *kind; /* "approx", "at-least" or "at-most" */
} belopp_qualifier;

const belopp_qualifier *belopp_qualifiers(void);

/* Does s[0, n) equal the lower-case word, ignoring the case of s?  Works on
 * UTF-8 ("Öre" equals "öre"); a space in word matches any run of horizontal
 * space in s (tab, no-break space), as \h+ does in the pattern. */
int belopp_word_equal(const char *s, size_t n, const char *word);

/* Finds the unit written as s[0, n) ignoring case (and a trailing dot where
 * the table has none).  Returns the entry, or NULL. */
const belopp_unit *belopp_unit_lookup(const char *s, size_t n);

#endif
