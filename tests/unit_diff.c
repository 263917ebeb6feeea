/* unit_diff.c — the parts of `belopp diff` that must be exact: percents
 * and deltas from integers, row and column keys, best-total assignment,
 * and Swedish words into stems. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../diff/assign.h"
#include "../diff/diff.h"
#include "../diff/labels.h"
#include "../diff/words.h"

static const char *pct(diff_i128 delta, int64_t base, char *buf)
{
    diff_i128 t;
    if (diff_percent_tenths(delta, base, &t) < 0)
        return "none";
    char d[48];
    diff_i128 a = t < 0 ? -t : t;
    sprintf(buf, "%s%s.%d", t < 0 ? "-" : "", diff_i128_str(a / 10, d), (int)(a % 10));
    return buf;
}

/* Half away from zero, at one decimal, from integers only. */
static void percents(void **state)
{
    (void)state;
    char b[64];
    assert_string_equal(pct(1, 16, b), "6.3");     /* 6.25 */
    assert_string_equal(pct(-1, 16, b), "-6.3");   /* -6.25 */
    assert_string_equal(pct(1, 3, b), "33.3");
    assert_string_equal(pct(2, 3, b), "66.7");
    assert_string_equal(pct(1, 2000, b), "0.1");   /* 0.05 */
    assert_string_equal(pct(-1, 2000, b), "-0.1");
    assert_string_equal(pct(1, 2001, b), "0.0");   /* 0.04998 */
    assert_string_equal(pct(54950000000, 625050000000, b), "8.8"); /* 6 250,5 → 6 800 mn */
    assert_string_equal(pct(5, -10, b), "50.0");   /* against |old| */
    assert_string_equal(pct(1, 0, b), "none");
    /* the largest delta of two int64 against the smallest base */
    diff_i128 big = (diff_i128)INT64_MAX - INT64_MIN;
    assert_string_equal(pct(big, 1, b), "1844674407370955161500.0");
}

static void int128_strings(void **state)
{
    (void)state;
    char b[48];
    assert_string_equal(diff_i128_str(0, b), "0");
    assert_string_equal(diff_i128_str(INT64_MAX, b), "9223372036854775807");
    assert_string_equal(diff_i128_str(INT64_MIN, b), "-9223372036854775808");
    assert_string_equal(diff_i128_str((diff_i128)INT64_MAX - INT64_MIN, b), "18446744073709551615");
    assert_string_equal(diff_i128_str((diff_i128)INT64_MIN - INT64_MAX, b), "-18446744073709551615");
}

static void key_is(const char *label, const char *want)
{
    char *k = diff_label_key(label);
    assert_non_null(k);
    assert_string_equal(k, want);
    free(k);
}

static void row_keys(void **state)
{
    (void)state;
    key_is("Region Stockholm", "stockholm");
    key_is("Stockholms län", "stockholm");
    key_is("Jönköpings län", "jönköping");
    key_is("Kalmar län", "kalmar");
    key_is("Landstinget i Värmland", "värmland");
    key_is("Region Jämtland Härjedalen", "jämtland härjedalen");
    key_is("Jämtland-Härjedalen", "jämtland härjedalen");
    key_is("  Västra   Götaland ", "västra götaland");
    key_is("VÄSTRA GÖTALANDSREGIONEN", "västra götalandsregionen");
    key_is("Örebro läns landsting", "örebro");
    key_is("Region", "region"); /* a prefix alone is the label */
    key_is("Sjukvård/omsorg", "sjukvård omsorg");
}

static void label_similarity(void **state)
{
    (void)state;
    assert_int_equal(diff_label_sim("sörmland", "södermanland"), 800);
    assert_int_equal(diff_label_sim("gotland", "gotland"), 1000);
    assert_true(diff_label_sim("västmanland", "värmland") < 800);
    assert_true(diff_label_sim("västerbotten", "västernorrland") < 750);
}

static void column_keys(void **state)
{
    (void)state;
    int y;
    char *k;
    k = diff_column_key("2024", 2024, &y);
    assert_string_equal(k, "y+0");
    assert_int_equal(y, 2024);
    free(k);
    k = diff_column_key("2023", 2024, &y);
    assert_string_equal(k, "y-1");
    free(k);
    k = diff_column_key("2023/24", 2023, &y);
    assert_string_equal(k, "y+0");
    free(k);
    k = diff_column_key("Miljoner kronor", 2024, &y);
    assert_string_equal(k, "");
    assert_int_equal(y, 0);
    free(k);
    k = diff_column_key("Tusen kronor", 2024, &y);
    assert_string_equal(k, "");
    free(k);
    k = diff_column_key("Förändring", 2024, &y);
    assert_string_equal(k, "förändring");
    free(k);
    assert_int_equal(diff_title_year("2024 kr"), 0);
    assert_int_equal(diff_title_year("12024"), 0);
    assert_int_equal(diff_title_year("2023\xe2\x80\x93" "2024"), 2023);
}

/* Greedy first-come would give old 0 its best (new 0) and leave old 1
 * without a pair; the best total pairs both. */
static void best_total_not_greedy(void **state)
{
    (void)state;
    diff_edge e[] = {{0, 0, 900}, {0, 1, 800}, {1, 0, 850}};
    int64_t m[2];
    assert_int_equal(diff_assign(e, 3, 2, 2, m), 0);
    assert_int_equal(m[0], 1);
    assert_int_equal(m[1], 0);
    /* no edge: no pair */
    diff_edge f[] = {{0, 1, 500}};
    assert_int_equal(diff_assign(f, 1, 2, 2, m), 0);
    assert_int_equal(m[0], 1);
    assert_int_equal(m[1], -1);
    /* more new than old, and the reverse */
    int64_t w[] = {0, 5, 9, /* */ 7, 0, 8};
    int64_t d[2];
    assert_int_equal(diff_assign_dense(w, 2, 3, d), 0);
    assert_int_equal(d[0], 2);
    assert_int_equal(d[1], 0);
    int64_t w2[] = {3, 0, 4, 0, 0, 6}; /* 4 + 6 beats 3 + 6 */
    int64_t d2[3];
    assert_int_equal(diff_assign_dense(w2, 3, 2, d2), 0);
    assert_int_equal(d2[0], -1);
    assert_int_equal(d2[1], 0);
    assert_int_equal(d2[2], 1);
}

/* A large block falls back to heaviest-first and still pairs one to one. */
static void large_block(void **state)
{
    (void)state;
    size_t n = DIFF_ASSIGN_EXACT * 3;
    diff_edge *e = malloc(2 * n * sizeof *e);
    assert_non_null(e);
    size_t ne = 0;
    for (size_t i = 0; i < n; i++) {
        e[ne++] = (diff_edge){(uint32_t)i, (uint32_t)i, 1000};
        if (i + 1 < n)
            e[ne++] = (diff_edge){(uint32_t)i, (uint32_t)(i + 1), 400};
    }
    int64_t *m = malloc(n * sizeof *m);
    assert_int_equal(diff_assign(e, ne, n, n, m), 0);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(m[i], (int64_t)i);
    free(m);
    free(e);
}

/* Inflected forms meet in one stem; function and money words are no terms. */
static void stems(void **state)
{
    (void)state;
    diff_vocab *v = diff_vocab_new();
    assert_non_null(v);
    diff_bag a = {0}, b = {0};
    const char *s1 = "Till förlossningsvården avsätts 500 miljoner kronor";
    const char *s2 = "Förlossningsvård får 550 miljoner";
    assert_int_equal(diff_bag_add_text(v, &a, s1, strlen(s1), 1.0), 0);
    assert_int_equal(diff_bag_add_text(v, &b, s2, strlen(s2), 1.0), 0);
    diff_bag_finish(&a);
    diff_bag_finish(&b);
    assert_int_equal(a.n, 2); /* förlossningsvård and its prefix term */
    assert_int_equal(b.n, 2);
    assert_int_equal(a.t[0].id, b.t[0].id);
    assert_true(diff_bag_overlap(&a, &b) > 0.99);
    diff_bag c = {0}, d = {0};
    const char *s3 = "Till psykiatrin går 760 miljoner kronor.";
    const char *s4 = "Den psykiatriska vården";
    assert_int_equal(diff_bag_add_text(v, &c, s3, strlen(s3), 1.0), 0);
    assert_int_equal(diff_bag_add_text(v, &d, s4, strlen(s4), 1.0), 0);
    diff_bag_finish(&c);
    diff_bag_finish(&d);
    assert_true(diff_bag_dot(&c, &d) > 0); /* the prefix term "psykia" */
    assert_true(diff_lexicon_stopword("och", 3));
    assert_true(diff_lexicon_stopword("miljoner", 8));
    assert_false(diff_lexicon_stopword("region", 6));
    diff_bag_free(&a);
    diff_bag_free(&b);
    diff_bag_free(&c);
    diff_bag_free(&d);
    diff_vocab_free(v);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(percents),
        cmocka_unit_test(int128_strings),
        cmocka_unit_test(row_keys),
        cmocka_unit_test(label_similarity),
        cmocka_unit_test(column_keys),
        cmocka_unit_test(best_total_not_greedy),
        cmocka_unit_test(large_block),
        cmocka_unit_test(stems),
    };
    return cmocka_run_group_tests_name("diff", tests, NULL, NULL);
}
