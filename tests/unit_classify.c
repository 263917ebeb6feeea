/* unit_classify.c — the classifier as a stream: what is held back and when
 * it comes out.  (What counts as money is pinned by tests/cases.txt.) */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
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

typedef struct {
    belopp_diags *diags;
    belopp_text *text;
    belopp_segments *seg;
    belopp_classifier *cl;
    belopp_match_pos pos;
} stream;

static stream open_stream(const char *s)
{
    stream st = {0};
    st.diags = belopp_diags_new();
    st.text = belopp_decode((const unsigned char *)s, strlen(s), BELOPP_ENC_UTF8, st.diags);
    st.seg = belopp_segment(st.text);
    st.cl = belopp_classifier_new(st.text, st.seg);
    assert_non_null(st.cl);
    return st;
}

/* Feeds the next candidate; returns how many amounts came out, their values in v. */
static size_t feed_next(stream *st, int64_t *v, size_t max)
{
    belopp_candidate k;
    assert_int_equal(belopp_match_next(m, st->text, st->seg, &st->pos, &k, st->diags), 1);
    assert_int_equal(belopp_classifier_add(st->cl, &k, st->diags), 0);
    size_t n;
    const belopp_amount *a = belopp_classifier_take(st->cl, &n);
    for (size_t i = 0; i < n && i < max; i++)
        v[i] = a[i].minor;
    return n;
}

static size_t finish(stream *st, int64_t *v, size_t max)
{
    belopp_candidate k;
    assert_int_equal(belopp_match_next(m, st->text, st->seg, &st->pos, &k, st->diags), 0);
    assert_int_equal(belopp_classifier_finish(st->cl, st->diags), 0);
    size_t n;
    const belopp_amount *a = belopp_classifier_take(st->cl, &n);
    for (size_t i = 0; i < n && i < max; i++)
        v[i] = a[i].minor;
    return n;
}

static void close_stream(stream *st)
{
    belopp_classifier_free(st->cl);
    belopp_segments_free(st->seg);
    belopp_text_free(st->text);
    belopp_diags_free(st->diags);
}

/* "2,4 miljarder" waits until the text names a currency, then comes out
 * before the amount that named it. */
static void scale_only_amount_waits_for_a_currency(void **state)
{
    (void)state;
    stream st = open_stream("Avsätts 2,4 miljarder till regionerna. Totalt 5 miljarder kronor. "
                            "Sedan 7 kronor.");
    int64_t v[4] = {0};
    assert_int_equal(feed_next(&st, v, 4), 0); /* held back */
    assert_int_equal(feed_next(&st, v, 4), 2);
    assert_true(v[0] == INT64_C(240000000000) && v[1] == INT64_C(500000000000));
    assert_int_equal(feed_next(&st, v, 4), 1); /* no longer held */
    assert_true(v[0] == 700);
    assert_int_equal(finish(&st, v, 4), 0);
    close_stream(&st);
}

/* In a text that never names a currency, the held-back scale amounts are
 * decided at the end: not money. */
static void text_without_currency_yields_nothing_at_the_end(void **state)
{
    (void)state;
    stream st = open_stream("Avsätts 2,4 miljarder till regionerna och 3 miljarder till kommunerna.");
    int64_t v[4];
    assert_int_equal(feed_next(&st, v, 4), 0);
    assert_int_equal(feed_next(&st, v, 4), 0);
    assert_int_equal(finish(&st, v, 4), 0);
    close_stream(&st);
}

/* A table with a unit settles it at once: nothing is held. */
static void table_settles_money_text_at_once(void **state)
{
    (void)state;
    stream st = open_stream("Avsätts 2,4 miljarder till regionerna.\n\n"
                            "Miljoner kronor\nStockholm  2 111\n");
    int64_t v[4] = {0};
    assert_int_equal(feed_next(&st, v, 4), 1);
    assert_true(v[0] == INT64_C(240000000000));
    assert_int_equal(feed_next(&st, v, 4), 1);
    assert_true(v[0] == INT64_C(211100000000));
    assert_int_equal(finish(&st, v, 4), 0);
    close_stream(&st);
}

/* The batch call and the stream agree, amount for amount. */
static void batch_equals_stream(void **state)
{
    (void)state;
    const char *s = "Regionen får 2,4 miljarder. Kommunerna får 800 000 kronor och "
                    "mellan 4 och 5 miljarder kronor, 87 MSEK (79) och 12 MSEK (9).";
    run_result r = run(m, s);
    stream st = open_stream(s);
    int64_t v[8] = {0};
    size_t got = 0;
    belopp_candidate k;
    while (belopp_match_next(m, st.text, NULL, &st.pos, &k, st.diags) > 0) {
        assert_int_equal(belopp_classifier_add(st.cl, &k, st.diags), 0);
        size_t n;
        const belopp_amount *a = belopp_classifier_take(st.cl, &n);
        for (size_t i = 0; i < n && got < 8; i++)
            v[got++] = a[i].minor;
    }
    assert_int_equal(belopp_classifier_finish(st.cl, st.diags), 0);
    size_t n;
    const belopp_amount *a = belopp_classifier_take(st.cl, &n);
    for (size_t i = 0; i < n && got < 8; i++)
        v[got++] = a[i].minor;
    assert_int_equal(r.n, 7);
    assert_int_equal(got, r.n);
    for (size_t i = 0; i < r.n; i++)
        assert_true(v[i] == r.amounts[i].minor);
    run_free(&r);
    close_stream(&st);
}

/* Table cells come out with their sum check: the total row's cells as
 * totals that add up, the others not totals. */
static void cells_carry_sum_and_total(void **state)
{
    (void)state;
    run_result r = run(m, "Tkr\n"
                          "Region  2023  2024\n"
                          "Norr  612  548\n"
                          "Syd  1 048  934\n"
                          "Summa  1 660  1 428\n");
    assert_int_equal(r.n, 6);
    for (size_t i = 0; i < 4; i++) {
        assert_int_equal(r.amounts[i].is_total, 0);
        assert_int_equal(r.amounts[i].sum, BELOPP_CELL_SUM_NONE);
    }
    assert_int_equal(r.amounts[4].is_total, 1);
    assert_int_equal(r.amounts[4].sum, BELOPP_CELL_SUM_OK);
    assert_int_equal(r.amounts[5].is_total, 1);
    assert_int_equal(r.amounts[5].sum, BELOPP_CELL_SUM_MISMATCH); /* 548 + 934 = 1 482 */
    assert_true(r.amounts[5].minor == INT64_C(142800000));
    run_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(scale_only_amount_waits_for_a_currency),
        cmocka_unit_test(text_without_currency_yields_nothing_at_the_end),
        cmocka_unit_test(table_settles_money_text_at_once),
        cmocka_unit_test(batch_equals_stream),
        cmocka_unit_test(cells_carry_sum_and_total),
    };
    return cmocka_run_group_tests_name("classify", tests, setup, teardown);
}
