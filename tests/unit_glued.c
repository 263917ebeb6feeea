/* unit_glued.c — splitting a table row whose cells lost their separators
 * (extract/glued.c): titles, where the cells start, and the one split that
 * adds up to the total. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "../extract/glued.h"

static belopp_span whole(const char *s) { return (belopp_span){0, strlen(s)}; }

static void cells_are(const char *s, size_t max, const char *const *want, size_t nwant)
{
    belopp_span c[16];
    unsigned long budget = 100000;
    size_t n = belopp_glued_split(s, whole(s), max, c, &budget);
    assert_int_equal(n, nwant);
    for (size_t i = 0; i < nwant; i++) {
        assert_int_equal(c[i].end - c[i].start, strlen(want[i]));
        assert_memory_equal(s + c[i].start, want[i], strlen(want[i]));
    }
}

static void titles_split_where_a_capital_follows_a_small_letter(void **state)
{
    (void)state;
    const char *s = "OmrådeTotaltSkola och vårdÖvrig verksamhetÅrets utfall";
    belopp_span t[8];
    assert_int_equal(belopp_glued_titles(s, whole(s), t, 8), 5);
    const char *want[] = {"Område", "Totalt", "Skola och vård", "Övrig verksamhet", "Årets utfall"};
    for (size_t i = 0; i < 5; i++) {
        assert_int_equal(t[i].end - t[i].start, strlen(want[i]));
        assert_memory_equal(s + t[i].start, want[i], strlen(want[i]));
    }
    assert_int_equal(belopp_glued_titles(s, whole(s), t, 5), 5); /* just as many as cap */
    assert_int_equal(belopp_glued_titles(s, whole(s), t, 4), 0); /* more than cap: none */
    const char *one = "Område och totalt";
    assert_int_equal(belopp_glued_titles(one, whole(one), t, 8), 0);
}

static void values_start_glued_to_a_letter(void **state)
{
    (void)state;
    const char *a = "Intäkter av bidrag21 796 9381 059 372";
    assert_int_equal(belopp_glued_values(a, whole(a)), strlen("Intäkter av bidrag"));
    const char *b = "Förändring - saldo-856-585";
    assert_int_equal(belopp_glued_values(b, whole(b)), strlen("Förändring - saldo"));
    const char *c = "Övrigt 1 500"; /* a space before the value: no glued row */
    assert_int_equal(belopp_glued_values(c, whole(c)), strlen(c));
    const char *d = "Medel som tillförts";
    assert_int_equal(belopp_glued_values(d, whole(d)), strlen(d));
    const char *e = "Kassa-"; /* a dash with no digit after it */
    assert_int_equal(belopp_glued_values(e, whole(e)), strlen(e));
}

static void the_sum_picks_one_of_two_splits(void **state)
{
    (void)state;
    /* also 72 069 | 48 212 | 7 305 | 91 | 215 640, which does not add up */
    const char *want[] = {"72 069", "48 212", "7 305", "912", "15 640"};
    cells_are("72 06948 2127 30591215 640", 5, want, 5);
    const char *neg[] = {"-856", "-585", "-76", "-191", "-4"};
    cells_are("-856-585-76-191-4", 5, neg, 5);
    const char *zero[] = {"5", "0", "5"}; /* "0" is a cell alone */
    cells_are("505", 5, zero, 3);
}

static void no_split_or_two_splits_add_up(void **state)
{
    (void)state;
    belopp_span c[16];
    unsigned long budget = 100000;
    const char *none = "5 812 4312 104 3771 980 5121 206 018521 523";
    assert_int_equal(belopp_glued_split(none, whole(none), 5, c, &budget), 0);
    const char *two = "83674412764"; /* 836|744|12|76|4 and 836|744|1|27|64 */
    assert_int_equal(belopp_glued_split(two, whole(two), 5, c, &budget), (size_t)-1);
    const char *one = "1 234"; /* one cell: nothing to add up */
    assert_int_equal(belopp_glued_split(one, whole(one), 5, c, &budget), 0);
    const char *gap = "1 23 41 234"; /* a group of two after a space: no number */
    assert_int_equal(belopp_glued_split(gap, whole(gap), 5, c, &budget), 0);
    const char *lead = "505 0"; /* "0 5…" is no number, "05" neither */
    assert_int_equal(belopp_glued_split(lead, whole(lead), 5, c, &budget), 0);
}

static void the_cell_count_is_bounded_by_max(void **state)
{
    (void)state;
    belopp_span c[16];
    unsigned long budget = 100000;
    const char *r = "1424153120"; /* 142 | 4 | 15 | 3 | 120 needs five */
    assert_int_equal(belopp_glued_split(r, whole(r), 5, c, &budget), 5);
    assert_int_equal(belopp_glued_split(r, whole(r), 4, c, &budget), 0);
}

static void sums_at_the_int64_limit(void **state)
{
    (void)state;
    /* just inside: INT64_MAX = 9 223 372 036 854 775 807 as the total */
    const char *in[] = {"9 223 372 036 854 775 807", "9 223 372 036 854 775 800", "7"};
    cells_are("9 223 372 036 854 775 8079 223 372 036 854 775 8007", 5, in, 3);
    /* just past: a total of INT64_MAX + 1 cannot be read, no split adds up */
    belopp_span c[16];
    unsigned long budget = 100000;
    const char *past = "9 223 372 036 854 775 8089 223 372 036 854 775 8008";
    assert_int_equal(belopp_glued_split(past, whole(past), 5, c, &budget), 0);
    /* parts whose sum overflows never add up */
    const char *parts = "19 223 372 036 854 775 8079 223 372 036 854 775 807";
    assert_int_equal(belopp_glued_split(parts, whole(parts), 5, c, &budget), 0);
}

static void the_search_is_bounded(void **state)
{
    (void)state;
    belopp_span c[16];
    /* 60 digits cannot be 16 cells of at most three: given up before any try */
    const char *run = "123456789012345678901234567890123456789012345678901234567890";
    unsigned long budget = 100000;
    assert_int_equal(belopp_glued_split(run, whole(run), 16, c, &budget), 0);
    assert_int_equal(budget, 100000 - 1);
    /* a row that needs 729 ways at most, allowed fewer: too many to tell */
    const char *r = "72 06948 2127 30591215 640";
    budget = 3;
    assert_int_equal(belopp_glued_split(r, whole(r), 5, c, &budget), (size_t)-1);
    assert_int_equal(budget, 0);
    budget = 0; /* the text's budget spent: nothing more is tried */
    assert_int_equal(belopp_glued_split(r, whole(r), 5, c, &budget), (size_t)-1);
    budget = 100000;
    assert_int_equal(belopp_glued_split(r, whole(r), 5, c, &budget), 5);
    assert_true(budget < 100000 && budget > 100000 - 729);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(titles_split_where_a_capital_follows_a_small_letter),
        cmocka_unit_test(values_start_glued_to_a_letter),
        cmocka_unit_test(the_sum_picks_one_of_two_splits),
        cmocka_unit_test(no_split_or_two_splits_add_up),
        cmocka_unit_test(the_cell_count_is_bounded_by_max),
        cmocka_unit_test(sums_at_the_int64_limit),
        cmocka_unit_test(the_search_is_bounded),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
