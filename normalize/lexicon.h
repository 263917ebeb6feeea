/* lexicon.h — every word belopp knows, in one place.
 *
 * Units (scale words, currency words, ISO 4217 codes and symbols), the
 * ISO 4217 minor-unit exponents, number words, qualifiers, per-phrases,
 * count nouns and the other word lists the matcher and the classifier use.
 * The matcher builds its pattern from these tables, and the later stages
 * look words up in the same tables, so a word added here is found and read
 * everywhere.  Each list in lexicon.c says where its words come from.
 */
#ifndef BELOPP_LEXICON_H
#define BELOPP_LEXICON_H

#include <stddef.h>

typedef enum {
    BELOPP_UNIT_SCALE,    /* "miljoner": a power of ten, no currency */
    BELOPP_UNIT_CURRENCY  /* "kronor", "mkr", "öre": a currency, maybe with a power of ten */
} belopp_unit_kind;

/* Flags of a unit. */
enum {
    BELOPP_LEX_EXACT = 1,  /* matched only as written: ISO codes in capitals ("TOP" is a
                              code, "top" a word) */
    BELOPP_LEX_PREFIX = 2, /* may stand before the number: "SEK 30", "€5", "US$ 2" */
    BELOPP_LEX_AFTER_CODE = 4, /* a scale word only after a currency written before the
                                  number: the English "million" of "SEK 25 million" */
};

typedef struct {
    const char *word;     /* lower case unless BELOPP_LEX_EXACT; a space stands for any
                             run of horizontal space */
    belopp_unit_kind kind;
    int exp10;            /* tusen 3, mkr 6, öre -2: the power of ten of the main unit */
    const char *currency; /* ISO 4217 code, NULL for scale words */
    unsigned flags;
} belopp_unit;

/* The whole unit vocabulary, terminated by an entry with word == NULL. */
const belopp_unit *belopp_units(void);

/* Finds the unit written as s[0, n): ignoring case (and a trailing dot where
 * the table has none), or exactly for a BELOPP_LEX_EXACT entry.  Returns the
 * entry, or NULL. */
const belopp_unit *belopp_unit_lookup(const char *s, size_t n);

/* May belopp_unit_lookup(s, k) find a unit for some k in [1, n]?  0 only
 * when it finds none for any k (its index has no unit for the first one or
 * two bytes); 1 when it may.  One look at the index instead of a lookup at
 * each end a caller would try. */
int belopp_unit_may_start(const char *s, size_t n);

/* Its answers for words of ASCII bytes, as a table for a loop over many
 * words: for a first byte c and a second byte d (0 for a word of one byte),
 * both below 0x80, t[c * 128 + d] is belopp_unit_may_start of that word.
 * NULL when the lexicon's index could not be built (then ask the function).
 * Static: never freed. */
const unsigned char *belopp_unit_start_pairs(void);

/* The ISO 4217 minor-unit exponent of a currency code: 2 for SEK (öre),
 * 0 for JPY, 3 for KWD.  Returns -1 for a code the lexicon does not know. */
int belopp_minor_exp(const char *code);

/* Is s[0, n) the name of the minor unit of currency ("öre" of SEK, "cent"
 * of EUR and USD, "pence" of GBP), as in "2 kronor och 23 öre"? */
int belopp_minor_name_of(const char *s, size_t n, const char *currency);

/* The names of minor units, for the pattern; NULL-terminated. */
const char *const *belopp_minor_names(void);

/* Words before an amount that qualify it, and what they say: "ca" approx,
 * "minst" at-least, "upp till" at-most.  Terminated by word == NULL; the
 * matcher builds its pattern from it, longest first. */
typedef struct {
    const char *word; /* lower case; a space stands for any run of spaces */
    const char *kind; /* "approx", "at-least" or "at-most" */
} belopp_qualifier;

const belopp_qualifier *belopp_qualifiers(void);

/* The qualifier written as s[0, n), or NULL. */
const belopp_qualifier *belopp_qualifier_lookup(const char *s, size_t n);

/* Swedish number words up to 999: "fyra", "tjugofem", "etthundrafemtio". */
typedef struct {
    const char *word;
    int value;
} belopp_number_word;

typedef enum {
    BELOPP_NUM_ONES,  /* ett en två … nio */
    BELOPP_NUM_TEENS, /* tio elva … nitton */
    BELOPP_NUM_TENS   /* tjugo trettio … nittio */
} belopp_number_class;

/* One class of number words, terminated by word == NULL. */
const belopp_number_word *belopp_number_words(belopp_number_class c);

/* Plain word lists, each NULL-terminated; see lexicon.c for their sources. */
typedef enum {
    BELOPP_WORDS_SCALE_ADJ,     /* "nya", "extra", "ytterligare": "två nya miljarder" */
    BELOPP_WORDS_PER_NOUN,      /* what an amount can be per: "år", "månad", "person" */
    BELOPP_WORDS_PER_DEFINITE,  /* "i månaden", "om året": the definite forms */
    BELOPP_WORDS_PER_ALONE,     /* per-phrases of one word: "styck", "årligen" */
    BELOPP_WORDS_PER_STOP,      /* words that end a per-phrase: "som", "till", "för" */
    BELOPP_WORDS_COUNT_NOUN,    /* what "N miljoner" counts: "invånare", "doser", "ton" */
    BELOPP_WORDS_COUNT_VERB,    /* what counted people do: "vaccinerats", "bor" */
    BELOPP_WORDS_COUNT_CONTEXT, /* before a count: "antalet", "befolkningen" (prefixes) */
    BELOPP_WORDS_AUXILIARY,     /* skipped before a count verb: "har", "hade" */
    BELOPP_WORDS_REPORT,        /* a report with "(79)" comparison figures */
    BELOPP_WORDS_MONEY_CONTEXT, /* a sentence about money: "underskott", "budget" (stems) */
    BELOPP_WORDS_CHANGE,        /* before "från X till Y": "ökade", "sänks" (stems) */
    BELOPP_WORDS_TIME_LEAD,     /* before a time noun: "nästa", "förra" ("nästa år") */
    BELOPP_WORDS_SCALE_PLURAL,  /* plural scale words an adjective may stand before */
    BELOPP_WORDS_MEASURE        /* a table row's measure that is no money: "TWh", "m2" */
} belopp_word_list;

const char *const *belopp_words(belopp_word_list list);

/* Is s[0, n) (any case) one of the words of list? */
int belopp_words_has(belopp_word_list list, const char *s, size_t n);

/* Does s[0, n) (any case) hold one of the words of list anywhere, also
 * inside a longer word ("statsbidrag" holds "bidrag")? */
int belopp_words_within(belopp_word_list list, const char *s, size_t n);

/* Does s[0, n) (any case) start with one of the words of list? */
int belopp_words_prefix(belopp_word_list list, const char *s, size_t n);

/* Does s[0, n) equal the lower-case word, ignoring the case of s?  Works on
 * UTF-8 ("Öre" equals "öre"); a space in word matches any run of horizontal
 * space in s (tab, no-break space), as \h+ does in the pattern. */
int belopp_word_equal(const char *s, size_t n, const char *word);

#endif
