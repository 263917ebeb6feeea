/* unit_match.c — what the pattern finds, and where its groups are. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "support.h"

static belopp_matcher *m;

static int setup(void **state)
{
    (void)state;
    char err[256];
    m = belopp_matcher_new(err, sizeof err);
    return m ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    belopp_matcher_free(m);
    return 0;
}

static void group_is(const run_result *r, belopp_span sp, const char *want)
{
    assert_int_equal(sp.end - sp.start, strlen(want));
    assert_memory_equal(belopp_text_data(r->text) + sp.start, want, strlen(want));
}

static void groups_of_a_full_amount(void **state)
{
    (void)state;
    run_result r = run(m, "omfattar ca 6\xC2\xA0" "250,5 miljoner kronor.");
    assert_int_equal(r.ncand, 1);
    group_is(&r, r.cand[0].qualifier, "ca");
    group_is(&r, r.cand[0].number, "6\xC2\xA0" "250,5");
    group_is(&r, r.cand[0].scale, "miljoner");
    group_is(&r, r.cand[0].currency, "kronor");
    group_is(&r, r.cand[0].whole, "6\xC2\xA0" "250,5 miljoner kronor");
    run_free(&r);
}

static void unit_after_a_line_break(void **state)
{
    (void)state;
    run_result r = run(m, "totalt 4,1\nmiljarder kronor");
    assert_int_equal(r.ncand, 1);
    group_is(&r, r.cand[0].whole, "4,1\nmiljarder kronor");
    run_free(&r);
}

static void words_that_start_like_units_are_not_units(void **state)
{
    (void)state;
    run_result r = run(m, "5 kris, 7 krav, 9 Kronoberg, 11 kronofogden");
    assert_int_equal(r.ncand, 4);
    for (size_t i = 0; i < r.ncand; i++)
        assert_int_equal(r.cand[i].currency.start, r.cand[i].currency.end);
    run_free(&r);
}

static void no_number_inside_tokens(void **state)
{
    (void)state;
    /* covid-19, the year span's second year, the phone number's groups after "-" */
    run_result r = run(m, "covid-19 2022-2024 08-405 10 00 E4 1.20 minuter");
    char buf[64];
    for (size_t i = 0; i < r.ncand; i++) {
        belopp_span sp = r.cand[i].number;
        snprintf(buf, sizeof buf, "%.*s", (int)(sp.end - sp.start), belopp_text_data(r.text) + sp.start);
        assert_true(strcmp(buf, "19") != 0 && strcmp(buf, "2024") != 0 &&
                    strcmp(buf, "405") != 0 && strcmp(buf, "4") != 0 &&
                    strcmp(buf, "1") != 0 && strcmp(buf, "20") != 0);
    }
    run_free(&r);
}

static void groups_need_exactly_three_digits(void **state)
{
    (void)state;
    run_result r = run(m, "073-274 23 53 och 12 3456 och 1 303");
    /* "073", "23", "53", "12", "3456", "1 303"; never "12 345" or "274 23" */
    assert_int_equal(r.ncand, 6);
    group_is(&r, r.cand[3].number, "12");
    group_is(&r, r.cand[4].number, "3456");
    group_is(&r, r.cand[5].number, "1 303");
    run_free(&r);
}

/* Words are asked once whether they can start an amount and the answer kept
 * (match.c, word_may_start); past the cache's size the oldest go.  Amounts
 * in words among 20 000 distinct words that start like number words ("en",
 * "tre", "från"), with the same words before a full stop, in capitals and
 * after an answer was dropped, are all still found. */
static void number_words_among_many_words(void **state)
{
    (void)state;
    size_t cap = 600000, len = 0;
    char *s = malloc(cap);
    assert_non_null(s);
    static const char *const firsts[] = {"en", "tre", "fr\xC3\xA5n", "till", "mel"};
    for (int i = 0; i < 20000; i++) {
        char w[8];
        for (int k = 0, v = i; k < 4; k++, v /= 26)
            w[k] = (char)('a' + v % 26);
        w[4] = '\0';
        len += (size_t)snprintf(s + len, cap - len, "%s%s ", firsts[i % 5], w);
        if (i % 1000 == 999)
            len += (size_t)snprintf(s + len, cap - len,
                                    "en. En miljon kronor, tre kronor och fr\xC3\xA5n 5 kr till. ");
    }
    run_result r = run(m, s);
    assert_int_equal(r.ncand, 3 * 20);
    for (size_t i = 0; i < r.ncand; i++)
        group_is(&r, r.cand[i].whole, i % 3 == 0 ? "En miljon kronor" : i % 3 == 1 ? "tre kronor" : "5 kr");
    for (size_t i = 2; i < r.ncand; i += 3)
        group_is(&r, r.cand[i].qualifier, "fr\xC3\xA5n");
    run_free(&r);
    free(s);
}

/* Spaces (tabs, no-break spaces) and at most one line break between the
 * number, a scale adjective, the scale and the currency: the pattern takes
 * them possessively there (match.c, build_pattern), so a run of spaces is
 * never cut short to let a unit match, and two line breaks end the amount. */
static void spaces_before_units(void **state)
{
    (void)state;
    run_result r = run(m, "A 12  \t miljoner kronor. B 3\xC2\xA0\xC2\xA0kr. C 4 \n kronor. "
                          "D 6\n\nkronor. E 8 nya \n miljarder\n kronor. F 9  miljonerx.");
    static const char *const want[] = {"12  \t miljoner kronor", "3\xC2\xA0\xC2\xA0kr", "4 \n kronor", "6",
                                       "8 nya \n miljarder\n kronor", "9"};
    assert_int_equal(r.ncand, 6);
    for (size_t i = 0; i < 6; i++)
        group_is(&r, r.cand[i].whole, want[i]);
    run_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(groups_of_a_full_amount),
        cmocka_unit_test(unit_after_a_line_break),
        cmocka_unit_test(words_that_start_like_units_are_not_units),
        cmocka_unit_test(no_number_inside_tokens),
        cmocka_unit_test(groups_need_exactly_three_digits),
        cmocka_unit_test(number_words_among_many_words),
        cmocka_unit_test(spaces_before_units),
    };
    return cmocka_run_group_tests_name("match", tests, setup, teardown);
}
