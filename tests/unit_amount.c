/* unit_amount.c — exact decimals, overflow boundaries, unit words. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "../normalize/amount.h"

static int64_t ore(const char *num, int exp10, belopp_status *st)
{
    belopp_decimal d;
    int64_t v = -1;
    *st = belopp_parse_decimal(num, strlen(num), &d);
    if (*st == BELOPP_OK)
        *st = belopp_to_minor(d, exp10, &v);
    return v;
}

static void swedish_numbers(void **state)
{
    (void)state;
    belopp_status st;
    assert_int_equal(ore("6,8", 9, &st), 680000000000);
    assert_int_equal(ore("6 250,5", 6, &st), 625050000000);
    assert_int_equal(ore("6\xC2\xA0" "250,5", 6, &st), 625050000000); /* no-break space */
    assert_int_equal(ore("2935", 6, &st), 293500000000);
    assert_int_equal(ore("7.250.000", 0, &st), 725000000);
    assert_int_equal(ore("19,90", 0, &st), 1990);
    assert_int_equal(ore("50", -2, &st), 50); /* 50 öre */
    assert_int_equal(st, BELOPP_OK);
}

static void malformed_numbers(void **state)
{
    (void)state;
    belopp_decimal d;
    assert_int_equal(belopp_parse_decimal("", 0, &d), BELOPP_E_SYNTAX);
    assert_int_equal(belopp_parse_decimal("5,", 2, &d), BELOPP_E_SYNTAX);
    assert_int_equal(belopp_parse_decimal(",5", 2, &d), BELOPP_E_SYNTAX);
    assert_int_equal(belopp_parse_decimal("1,2,3", 5, &d), BELOPP_E_SYNTAX);
}

static void fraction_of_an_ore_is_refused(void **state)
{
    (void)state;
    belopp_status st;
    ore("19,905", 0, &st);
    assert_int_equal(st, BELOPP_E_FRACTION);
    assert_int_equal(ore("19,900", 0, &st), 1990); /* trailing zero is exact */
    assert_int_equal(st, BELOPP_OK);
}

static void mul_and_add_boundaries(void **state)
{
    (void)state;
    int64_t v = INT64_MAX / 10;
    assert_int_equal(belopp_mul_i64(&v, 10), 0); /* just inside */
    assert_int_equal(v, INT64_MAX / 10 * 10);
    v = INT64_MAX / 10 + 1;
    assert_int_equal(belopp_mul_i64(&v, 10), -1); /* just past */
    assert_int_equal(v, INT64_MAX / 10 + 1);      /* unchanged */
    v = INT64_MAX - 1;
    assert_int_equal(belopp_add_i64(&v, 1), 0);
    assert_int_equal(v, INT64_MAX);
    assert_int_equal(belopp_add_i64(&v, 1), -1);
    assert_int_equal(v, INT64_MAX);
}

static void ore_boundaries(void **state)
{
    (void)state;
    belopp_status st;
    /* INT64_MAX öre is 92 233 720 368 547 758,07 kr */
    assert_int_equal(ore("92233720368547758,07", 0, &st), INT64_MAX);
    assert_int_equal(st, BELOPP_OK);
    ore("92233720368547758,08", 0, &st);
    assert_int_equal(st, BELOPP_E_OVERFLOW);
    /* 92 233 biljoner fits; 92 234 does not */
    assert_int_equal(ore("92233", 12, &st), INT64_C(9223300000000000000));
    assert_int_equal(st, BELOPP_OK);
    ore("92234", 12, &st);
    assert_int_equal(st, BELOPP_E_OVERFLOW);
    ore("99999999999999999999", 0, &st); /* the digits alone overflow */
    assert_int_equal(st, BELOPP_E_OVERFLOW);
}

static void units(void **state)
{
    (void)state;
    const belopp_unit *u = belopp_unit_lookup("Miljarder", 9);
    assert_non_null(u);
    assert_int_equal(u->kind, BELOPP_UNIT_SCALE);
    assert_int_equal(u->exp10, 9);
    u = belopp_unit_lookup("MSEK", 4);
    assert_int_equal(u->exp10, 6);
    assert_string_equal(u->currency, "SEK");
    u = belopp_unit_lookup("Öre", strlen("Öre"));
    assert_int_equal(u->exp10, -2);
    u = belopp_unit_lookup("kr.", 3); /* trailing dot tolerated */
    assert_string_equal(u->word, "kr");
    assert_null(belopp_unit_lookup("kris", 4));
    assert_null(belopp_unit_lookup("Kronoberg", 9));
}

/* ISO 4217 exponents: yen has no minor unit, the Kuwaiti dinar thousandths. */
static void minor_unit_exponents(void **state)
{
    (void)state;
    assert_int_equal(belopp_minor_exp("SEK"), 2);
    assert_int_equal(belopp_minor_exp("JPY"), 0);
    assert_int_equal(belopp_minor_exp("KWD"), 3);
    assert_int_equal(belopp_minor_exp("CLF"), 4);
    assert_int_equal(belopp_minor_exp("ITL"), 0); /* withdrawn, in archives */
    assert_int_equal(belopp_minor_exp("XYZ"), -1);
    belopp_decimal d;
    int64_t v = -1;
    assert_int_equal(belopp_parse_decimal("1 200", 5, &d), BELOPP_OK);
    assert_int_equal(belopp_to_minor_exp(d, 0, 0, &v), BELOPP_OK);
    assert_int_equal(v, 1200); /* 1 200 yen */
    assert_int_equal(belopp_parse_decimal("12,5", 4, &d), BELOPP_OK);
    assert_int_equal(belopp_to_minor_exp(d, 0, 0, &v), BELOPP_E_FRACTION); /* 12,5 yen */
    assert_int_equal(v, 1200);                                              /* unchanged */
    assert_int_equal(belopp_parse_decimal("1 250,5", 7, &d), BELOPP_OK);
    assert_int_equal(belopp_to_minor_exp(d, 0, 3, &v), BELOPP_OK);
    assert_int_equal(v, 1250500); /* KWD */
    /* INT64_MAX whole yen fits, one more does not */
    assert_int_equal(belopp_parse_decimal("9223372036854775807", 19, &d), BELOPP_OK);
    assert_int_equal(belopp_to_minor_exp(d, 0, 0, &v), BELOPP_OK);
    assert_true(v == INT64_MAX);
    /* with one minor digit: 922337203685477580 fits, 922337203685477581 does not */
    assert_int_equal(belopp_parse_decimal("922337203685477580", 18, &d), BELOPP_OK);
    assert_int_equal(belopp_to_minor_exp(d, 0, 1, &v), BELOPP_OK);
    assert_int_equal(belopp_parse_decimal("922337203685477581", 18, &d), BELOPP_OK);
    assert_int_equal(belopp_to_minor_exp(d, 0, 1, &v), BELOPP_E_OVERFLOW);
    /* "£ 8.10 miljoner": a point as the decimal mark */
    assert_int_equal(belopp_parse_decimal_mark("8.10", 4, '.', &d), BELOPP_OK);
    assert_int_equal(belopp_to_minor_exp(d, 6, 2, &v), BELOPP_OK);
    assert_int_equal(v, 810000000);
}

/* ISO codes count in capitals only, except the six common ones. */
static void codes_in_the_lexicon(void **state)
{
    (void)state;
    const belopp_unit *u = belopp_unit_lookup("CHF", 3);
    assert_non_null(u);
    assert_string_equal(u->currency, "CHF");
    assert_null(belopp_unit_lookup("chf", 3));
    assert_non_null(belopp_unit_lookup("sek", 3));
    assert_null(belopp_unit_lookup("TOP", 3)); /* a word before a code */
    assert_null(belopp_unit_lookup("ISK", 3)); /* the Swedish investment account */
    u = belopp_unit_lookup("isländska kronor", strlen("isländska kronor"));
    assert_non_null(u);
    assert_string_equal(u->currency, "ISK");
    assert_true(belopp_minor_name_of("öre", 4, "SEK"));
    assert_false(belopp_minor_name_of("öre", 4, "USD"));
    assert_true(belopp_words_has(BELOPP_WORDS_COUNT_NOUN, "Invånare", strlen("Invånare")));
}

/* belopp_words_has looks in an index by first byte: every word of every
 * list is found as written, with its first letter in upper case, and a
 * word one letter longer or shorter is not. */
static void word_lists_by_first_byte(void **state)
{
    (void)state;
    for (int l = BELOPP_WORDS_SCALE_ADJ; l <= BELOPP_WORDS_SCALE_PLURAL; l++) {
        const char *const *words = belopp_words((belopp_word_list)l);
        for (const char *const *w = words; *w; w++) {
            size_t n = strlen(*w);
            char up[128];
            assert_true(n + 2 < sizeof up);
            assert_true(belopp_words_has((belopp_word_list)l, *w, n));
            memcpy(up, *w, n + 1);
            if (up[0] >= 'a' && up[0] <= 'z')
                up[0] = (char)(up[0] - 'a' + 'A');
            assert_true(belopp_words_has((belopp_word_list)l, up, n));
            up[n] = 'q';
            int longer = 0; /* unless the longer word is in the list too */
            for (const char *const *v = words; *v; v++)
                longer |= strlen(*v) == n + 1 && strncmp(*v, *w, n) == 0 && (*v)[n] == 'q';
            assert_int_equal(belopp_words_has((belopp_word_list)l, up, n + 1), longer);
        }
        assert_false(belopp_words_has((belopp_word_list)l, "", 0));
    }
    assert_true(belopp_words_has(BELOPP_WORDS_COUNT_NOUN, "ÄRENDEN", strlen("ÄRENDEN")));
    assert_false(belopp_words_has(BELOPP_WORDS_COUNT_NOUN, "invånaren", strlen("invånaren")));
    assert_false(belopp_words_has(BELOPP_WORDS_COUNT_NOUN, "@", 1));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(swedish_numbers),
        cmocka_unit_test(malformed_numbers),
        cmocka_unit_test(fraction_of_an_ore_is_refused),
        cmocka_unit_test(mul_and_add_boundaries),
        cmocka_unit_test(ore_boundaries),
        cmocka_unit_test(units),
        cmocka_unit_test(minor_unit_exponents),
        cmocka_unit_test(codes_in_the_lexicon),
        cmocka_unit_test(word_lists_by_first_byte),
    };
    return cmocka_run_group_tests_name("amount", tests, NULL, NULL);
}
