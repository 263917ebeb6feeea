/* unit_segment.c — sentences, table blocks, cells and their sum checks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "../extract/segment.h"

static belopp_text *text_of(const char *s)
{
    belopp_text *t = belopp_text_new();
    belopp_text_append(t, s, strlen(s), 0, strlen(s));
    return t;
}

static void span_is(const belopp_text *t, belopp_span sp, const char *want)
{
    assert_int_equal(sp.end - sp.start, strlen(want));
    assert_memory_equal(belopp_text_data(t) + sp.start, want, strlen(want));
}

static void sentences_split_at_capitals_not_abbreviations(void **state)
{
    (void)state;
    const char *s = "Regeringen satsar ca. 3 miljarder. Av dessa går 2 miljarder till regionerna.\n";
    belopp_text *t = text_of(s);
    belopp_segments *g = belopp_segment(t);
    assert_int_equal(belopp_segments_nsentences(g), 2);
    span_is(t, belopp_segments_sentence(g, strstr(s, "2 miljarder") - s, NULL),
            "Av dessa går 2 miljarder till regionerna.");
    belopp_segments_free(g);
    belopp_text_free(t);
}

static void heading_is_its_own_sentence_and_pdf_wrap_joins(void **state)
{
    (void)state;
    const char *s = "3,2 miljarder till vården\n\nTotalt 4,1\nmiljarder kronor satsas.\nNästa mening.";
    belopp_text *t = text_of(s);
    belopp_segments *g = belopp_segment(t);
    span_is(t, belopp_segments_sentence(g, 0, NULL), "3,2 miljarder till vården");
    span_is(t, belopp_segments_sentence(g, strstr(s, "4,1") - s, NULL),
            "Totalt 4,1\nmiljarder kronor satsas.");
    assert_int_equal(belopp_segments_nsentences(g), 3);
    belopp_segments_free(g);
    belopp_text_free(t);
}

static void table_under_unit_header(void **state)
{
    (void)state;
    const char *s = "Region Sammanlagda medel per region.*\n"
                    "Miljoner kronor\n"
                    "Stockholm 2 111\n"
                    "J\xC3\xA4mtland H\xC3\xA4rjedalen 163\n"
                    "\xC2\xA0Sk\xC3\xA5ne\xC2\xA0 129\xC2\xA0\n"
                    "Totalt 9 842\n"
                    "\n"
                    "Stockholm 5 ligger utanför tabellen.\n";
    belopp_text *t = text_of(s);
    belopp_segments *g = belopp_segment(t);
    assert_int_equal(belopp_segments_ntables(g), 1);
    assert_int_equal(belopp_segments_nrows(g), 4);
    const belopp_table *tb = belopp_segments_table(g, 0);
    assert_int_equal(tb->exp10, 6);
    assert_string_equal(tb->currency, "SEK");
    span_is(t, tb->header, "Miljoner kronor");
    span_is(t, tb->caption, "Region Sammanlagda medel per region.*");
    const belopp_row *r = belopp_segments_row(g, strstr(s, "2 111") - s, NULL);
    assert_non_null(r);
    span_is(t, r->label, "Stockholm");
    span_is(t, r->values, "2 111");
    r = belopp_segments_row(g, strstr(s, "163") - s, NULL);
    span_is(t, r->label, "J\xC3\xA4mtland H\xC3\xA4rjedalen");
    r = belopp_segments_row(g, strstr(s, "129") - s, NULL);
    span_is(t, r->label, "Sk\xC3\xA5ne");
    assert_null(belopp_segments_row(g, strstr(s, "5 ligger") - s, NULL));
    belopp_segments_free(g);
    belopp_text_free(t);
}

static void header_variants(void **state)
{
    (void)state;
    const char *heads[] = {"Belopp i miljoner kronor", "(tkr)", "Tkr", "MSEK", "Kronor"};
    const int exps[] = {6, 3, 3, 6, 0};
    for (size_t i = 0; i < 5; i++) {
        char s[128];
        snprintf(s, sizeof s, "%s\nMalm\xC3\xB6 12\n", heads[i]);
        belopp_text *t = text_of(s);
        belopp_segments *g = belopp_segment(t);
        assert_int_equal(belopp_segments_ntables(g), 1);
        assert_int_equal(belopp_segments_table(g, 0)->exp10, exps[i]);
        belopp_segments_free(g);
        belopp_text_free(t);
    }
}

static void no_header_no_table(void **state)
{
    (void)state;
    belopp_text *t = text_of("Region\nStockholm 2 111\nUppsala 371\n");
    belopp_segments *g = belopp_segment(t);
    assert_int_equal(belopp_segments_ntables(g), 0);
    assert_int_equal(belopp_segments_nrows(g), 0);
    belopp_segments_free(g);
    belopp_text_free(t);
}

static void trim_knows_no_break_spaces(void **state)
{
    (void)state;
    const char *s = "\xC2\xA0 x\xE2\x80\xAF";
    belopp_span sp = belopp_trim(s, 0, strlen(s));
    assert_int_equal(sp.start, 3);
    assert_int_equal(sp.end, 4);
}

/* With a hint, every lookup gives what the binary search gives: offsets in
 * increasing order (the hint walks), then jumps back (the hint is stale). */
static void hinted_lookups_agree_with_binary_search(void **state)
{
    (void)state;
    const char *s = "Inledning. Regeringen satsar 3 miljarder.\n\n"
                    "Miljoner kronor\n"
                    "Stockholm 2 111\n"
                    "Sk\xC3\xA5ne 129\n"
                    "\n"
                    "Sist. En mening till! Och en?\n";
    size_t len = strlen(s);
    belopp_text *t = text_of(s);
    belopp_segments *g = belopp_segment(t);
    assert_int_equal(belopp_segments_nrows(g), 2);
    size_t sh = 0, rh = 0;
    for (int pass = 0; pass < 2; pass++)
        for (size_t off = 0; off <= len; off++) {
            belopp_span a = belopp_segments_sentence(g, off, NULL);
            belopp_span b = belopp_segments_sentence(g, off, &sh);
            assert_int_equal(a.start, b.start);
            assert_int_equal(a.end, b.end);
            assert_ptr_equal(belopp_segments_row(g, off, NULL), belopp_segments_row(g, off, &rh));
        }
    for (size_t off = len + 1; off-- > 0;) { /* backwards: each lookup goes back */
        belopp_span a = belopp_segments_sentence(g, off, NULL);
        belopp_span b = belopp_segments_sentence(g, off, &sh);
        assert_int_equal(a.start, b.start);
        assert_ptr_equal(belopp_segments_row(g, off, NULL), belopp_segments_row(g, off, &rh));
    }
    belopp_segments_free(g);
    belopp_text_free(t);
}

/* The cells of the row holding needle, as values in minor units. */
static size_t row_values(const belopp_segments *g, const char *s, const char *needle,
                         int64_t *v, size_t max)
{
    const belopp_row *r = belopp_segments_row_at(g, (size_t)(strstr(s, needle) - s), NULL);
    assert_non_null(r);
    size_t n = 0;
    for (size_t i = 0; i < r->ncells && n < max; i++) {
        const belopp_cell *c = belopp_segments_cell(g, r->cell + i);
        v[n++] = c->empty ? INT64_MIN : c->minor;
    }
    return n;
}

/* The cell of the row holding needle in value column col. */
static const belopp_cell *cell_of(const belopp_segments *g, const char *s, const char *needle,
                                  size_t col)
{
    const belopp_row *r = belopp_segments_row_at(g, (size_t)(strstr(s, needle) - s), NULL);
    assert_non_null(r);
    for (size_t i = 0; i < r->ncells; i++)
        if (belopp_segments_cell(g, r->cell + i)->column == col)
            return belopp_segments_cell(g, r->cell + i);
    fail_msg("no cell in column %zu of the row of \"%s\"", col, needle);
    return NULL;
}

/* Single spaces between columns and inside numbers: the groups and the
 * column count decide (issue 10, form 1). */
static void single_spaces_split_by_groups_and_columns(void **state)
{
    (void)state;
    const char *s = "Resultatbudget, tkr 2025 2026 2027 2028 2029\n"
                    "Verksamhetens kostnader -585 300 -603 900 -622 400 -641 000 -660 200\n"
                    "Skatteintäkter 512 310 540 118 561 002 590 440 610 975\n"
                    "Finansnetto 3 110 1 500 1 500 1 500 -800\n"
                    "\n"
                    "Miljoner kronor\n"
                    "Län 2022 2023 2024\n"
                    "Stockholm 100 200 300\n";
    belopp_text *t = text_of(s);
    belopp_segments *g = belopp_segment(t);
    int64_t v[8];
    assert_int_equal(row_values(g, s, "Skatteint", v, 8), 5);
    assert_true(v[0] == INT64_C(51231000000) && v[1] == INT64_C(54011800000) &&
                v[4] == INT64_C(61097500000));
    assert_int_equal(row_values(g, s, "Finansnetto", v, 8), 5);
    assert_true(v[0] == INT64_C(311000000) && v[1] == INT64_C(150000000) &&
                v[4] == INT64_C(-80000000));
    assert_int_equal(row_values(g, s, "Stockholm", v, 8), 3);
    assert_true(v[0] == INT64_C(10000000000) && v[2] == INT64_C(30000000000));
    /* the year row is titles, not a row */
    assert_null(belopp_segments_row_at(g, (size_t)(strstr(s, "2022 2023") - s), NULL));
    belopp_segments_free(g);
    belopp_text_free(t);
}

/* A row whose numbers fit no split of the columns is left out, with a
 * reason; its numbers never become one. */
static void row_without_clear_split_is_left_out(void **state)
{
    (void)state;
    const char *s = "Miljoner kronor\n"
                    "Stockholm 100 200 300\n";
    belopp_text *t = text_of(s);
    belopp_segments *g = belopp_segment(t);
    const belopp_row *r = belopp_segments_row_at(g, (size_t)(strstr(s, "100") - s), NULL);
    assert_non_null(r);
    assert_int_equal(r->ncells, 0);
    assert_non_null(r->left_out);
    belopp_segments_free(g);
    belopp_text_free(t);
}

/* Totals are checked with exact integers: a total row against the rows
 * above it, a difference column against the two columns before it. */
static void total_row_and_difference_column_add_up(void **state)
{
    (void)state;
    const char *s = "Tabell 1. Nettokostnad per verksamhet (tkr)\n"
                    "Verksamhet\tBudget\tUtfall\tAvvikelse\n"
                    "Individ- och familjeomsorg\t86 300\t98 750\t-12 450\n"
                    "\xC3\x84ldreomsorg\t243 100\t241 900\t1 200\n"
                    "Funktionsst\xC3\xB6" "d\t69 000\t71 950\t-2 950\n"
                    "Summa\t398 400\t412 600\t-14 200\n";
    belopp_text *t = text_of(s);
    belopp_segments *g = belopp_segment(t);
    for (size_t c = 0; c < 3; c++) {
        const belopp_cell *total = cell_of(g, s, "Summa", c);
        assert_int_equal(total->is_total, 1);
        assert_int_equal(total->sum, BELOPP_CELL_SUM_OK);
        const belopp_cell *plain = cell_of(g, s, "Individ", c);
        assert_int_equal(plain->is_total, 0);
        assert_int_equal(plain->sum, c == 2 ? BELOPP_CELL_SUM_OK : BELOPP_CELL_SUM_NONE);
    }
    belopp_segments_free(g);
    belopp_text_free(t);
}

/* A misprint shows: the total does not add up, and the difference of that
 * row neither. */
static void misprinted_total_is_a_mismatch(void **state)
{
    (void)state;
    const char *s = "Miljoner kronor\n"
                    "Region  2023  2024  Avvikelse\n"
                    "Norr  612  548  -64\n"
                    "Syd  1 048  934  -114\n"
                    "Totalt  1 660  1 428  -232\n";
    belopp_text *t = text_of(s);
    belopp_segments *g = belopp_segment(t);
    assert_int_equal(cell_of(g, s, "Totalt", 0)->sum, BELOPP_CELL_SUM_OK);
    assert_int_equal(cell_of(g, s, "Totalt", 1)->sum, BELOPP_CELL_SUM_MISMATCH); /* 1 482 */
    assert_int_equal(cell_of(g, s, "Totalt", 2)->sum, BELOPP_CELL_SUM_MISMATCH);
    assert_int_equal(cell_of(g, s, "Norr", 2)->sum, BELOPP_CELL_SUM_OK);
    assert_int_equal(cell_of(g, s, "Syd", 2)->sum, BELOPP_CELL_SUM_OK);
    belopp_segments_free(g);
    belopp_text_free(t);
}

/* Each printed figure is rounded to its last digit, so a total may miss
 * the sum of its rows by up to half a unit per figure (the total's
 * included): "rounding" up to there, "mismatch" one unit beyond.  Four rows
 * and a total are five figures: 2 units in whole tkr, 0,2 tkr with one
 * decimal; a difference of two columns three figures: 1 unit. */
static void total_off_by_rounding(void **state)
{
    (void)state;
    const char *s = "Tkr  A  B  C  D  E\n"
                    "Norr  100  100  100  1,2  1,2\n"
                    "Syd  200  200  200  2,3  2,3\n"
                    "\xC3\x96st  300  300  300  3,4  3,4\n"
                    "V\xC3\xA4st  401  401  401  4,5  4,5\n"
                    "Summa  1 000  999  998  11,6  11,7\n";
    belopp_text *t = text_of(s);
    belopp_segments *g = belopp_segment(t);
    assert_int_equal(cell_of(g, s, "Summa", 0)->sum, BELOPP_CELL_SUM_ROUNDING); /* 1 001: 1 off */
    assert_int_equal(cell_of(g, s, "Summa", 1)->sum, BELOPP_CELL_SUM_ROUNDING); /* 2 off: the most */
    assert_int_equal(cell_of(g, s, "Summa", 2)->sum, BELOPP_CELL_SUM_MISMATCH); /* 3 off */
    assert_int_equal(cell_of(g, s, "Summa", 3)->sum, BELOPP_CELL_SUM_ROUNDING); /* 11,4: 0,2 off */
    assert_int_equal(cell_of(g, s, "Summa", 4)->sum, BELOPP_CELL_SUM_MISMATCH); /* 0,3 off */
    belopp_segments_free(g);
    belopp_text_free(t);

    const char *d = "Miljoner kronor\n"
                    "Verksamhet  Budget  Utfall  Avvikelse\n"
                    "Skola  10,4  3,3  7,2\n"
                    "Omsorg  10,4  3,3  7,3\n"
                    "Kultur  10,4  3,3  7,1\n";
    t = text_of(d);
    g = belopp_segment(t);
    assert_int_equal(cell_of(g, d, "Skola", 2)->sum, BELOPP_CELL_SUM_ROUNDING);
    assert_int_equal(cell_of(g, d, "Omsorg", 2)->sum, BELOPP_CELL_SUM_MISMATCH);
    assert_int_equal(cell_of(g, d, "Kultur", 2)->sum, BELOPP_CELL_SUM_OK);
    belopp_segments_free(g);
    belopp_text_free(t);
}

/* A result line ("Rörelseresultat") sums the rows above it without being
 * called Summa: the next total may sum only the rows after it ("Summa
 * finansiella poster"), while a misprint there still shows.  "Resultat från
 * andelar" is a term, not such a line. */
static void total_after_a_result_line(void **state)
{
    (void)state;
    const char *s = "Tkr  2024  2023\n"
                    "Int\xC3\xA4kter  900  800\n"
                    "Kostnader  -700  -650\n"
                    "Summa  200  150\n"
                    "R\xC3\xB6relseresultat  200  150\n"
                    "Resultat fr\xC3\xA5n andelar  40  30\n"
                    "R\xC3\xA4ntekostnader  -15  -12\n"
                    "Summa finansiella poster  25  20\n"; /* 20: 2 off, beyond rounding */
    belopp_text *t = text_of(s);
    belopp_segments *g = belopp_segment(t);
    assert_int_equal(cell_of(g, s, "Summa  ", 0)->sum, BELOPP_CELL_SUM_OK);
    assert_int_equal(cell_of(g, s, "Summa finansiella", 0)->sum, BELOPP_CELL_SUM_OK);   /* 40 - 15 */
    assert_int_equal(cell_of(g, s, "Summa finansiella", 1)->sum, BELOPP_CELL_SUM_MISMATCH); /* 18 */
    belopp_segments_free(g);
    belopp_text_free(t);

    /* an interim report's "Periodens resultat" is such a line too */
    const char *q = "MSEK  jul-sep 2026  jul-sep 2025\n"
                    "Resultat f\xC3\xB6re skatt  14,2  9,8\n"
                    "Skatt  -3,1  -2,2\n"
                    "Periodens resultat  11,1  7,6\n"
                    "Omr\xC3\xA4kningsdifferenser  4,0  -1,5\n"
                    "Summa \xC3\xB6vrigt totalresultat  4,0  -1,5\n";
    t = text_of(q);
    g = belopp_segment(t);
    assert_int_equal(cell_of(g, q, "Summa", 0)->sum, BELOPP_CELL_SUM_OK);
    assert_int_equal(cell_of(g, q, "Summa", 1)->sum, BELOPP_CELL_SUM_OK);
    belopp_segments_free(g);
    belopp_text_free(t);
}

/* A section's sum adds up the rows since the section's title ("Rörelsens
 * kostnader" over its rows, then "Summa rörelsens kostnader"), also with a
 * label with no values between the rows and the sum; a misprint there still
 * shows. */
static void total_of_a_section(void **state)
{
    (void)state;
    const char *s = "Tkr  2024  2023\n"
                    "Int\xC3\xA4kter  900  800\n"
                    "R\xC3\xB6relsens kostnader\n"
                    "Personal  -300  -280\n"
                    "Lokaler  -200  -190\n"
                    "Summa r\xC3\xB6relsens kostnader  -500  -475\n"
                    "Finansnetto  15  10\n"
                    "Poster som kan omf\xC3\xB6ras\n"
                    "Valutadifferenser  12  -3\n"
                    "Skatt p\xC3\xA5 poster\n"
                    "Summa poster  12  -5\n"; /* -5: 2 off, beyond rounding */
    belopp_text *t = text_of(s);
    belopp_segments *g = belopp_segment(t);
    assert_int_equal(cell_of(g, s, "Summa r", 0)->sum, BELOPP_CELL_SUM_OK);
    assert_int_equal(cell_of(g, s, "Summa r", 1)->sum, BELOPP_CELL_SUM_MISMATCH); /* -470 */
    assert_int_equal(cell_of(g, s, "Summa poster", 0)->sum, BELOPP_CELL_SUM_OK);
    assert_int_equal(cell_of(g, s, "Summa poster", 1)->sum, BELOPP_CELL_SUM_MISMATCH); /* -3 */
    belopp_segments_free(g);
    belopp_text_free(t);
}

/* A total column is checked against the other money columns of its row;
 * a total row with nothing above it cannot be checked. */
static void total_column_and_unchecked_total(void **state)
{
    (void)state;
    const char *s = "Tkr\n"
                    "Projekt  2024  2025  Totalt\n"
                    "Summa tidigare  10  20  30\n"
                    "Skola  400  500  900\n"
                    "V\xC3\xA4g  70  80  160\n";
    belopp_text *t = text_of(s);
    belopp_segments *g = belopp_segment(t);
    assert_int_equal(cell_of(g, s, "Skola", 2)->is_total, 1);
    assert_int_equal(cell_of(g, s, "Skola", 2)->sum, BELOPP_CELL_SUM_OK);
    assert_int_equal(cell_of(g, s, "V\xC3\xA4g", 2)->sum, BELOPP_CELL_SUM_MISMATCH);
    assert_int_equal(cell_of(g, s, "Skola", 0)->is_total, 0);
    assert_int_equal(cell_of(g, s, "Summa tidigare", 0)->sum, BELOPP_CELL_SUM_UNCHECKED);
    belopp_segments_free(g);
    belopp_text_free(t);
}

/* A total of the totals before it ("Summa tillgångar") closes them: the
 * next such total ("Summa eget kapital och skulder") is the sum of the
 * totals after it, not of all of them; a misprint there still shows. */
static void grand_total_sums_the_totals_after_the_last(void **state)
{
    (void)state;
    const char *s = "Tkr 2024 2023\n"
                    "Inventarier 120 110\n"
                    "Summa anl\xC3\xA4ggningstillg\xC3\xA5ngar 120 110\n"
                    "Kassa 80 70\n"
                    "Summa oms\xC3\xA4ttningstillg\xC3\xA5ngar 80 70\n"
                    "Summa tillg\xC3\xA5ngar 200 180\n"
                    "Eget kapital 150 130\n"
                    "Summa eget kapital 150 130\n"
                    "Skulder 50 50\n"
                    "Summa skulder 50 50\n"
                    "Summa eget kapital och skulder 200 190\n";
    belopp_text *t = text_of(s);
    belopp_segments *g = belopp_segment(t);
    assert_int_equal(cell_of(g, s, "Summa tillg", 0)->sum, BELOPP_CELL_SUM_OK);
    assert_int_equal(cell_of(g, s, "Summa eget kapital och", 0)->sum, BELOPP_CELL_SUM_OK);
    assert_int_equal(cell_of(g, s, "Summa eget kapital och", 1)->sum, BELOPP_CELL_SUM_MISMATCH); /* 180 */
    belopp_segments_free(g);
    belopp_text_free(t);
}

/* Titles over two lines join: "Stats-" over "budget", "Utfall" over "2024". */
static void two_line_titles_join(void **state)
{
    (void)state;
    const char *s = "Miljoner kronor   Stats-    Utfall    Prognos\n"
                    "                  budget      2024       2025\n"
                    "UO 9 H\xC3\xA4lsov\xC3\xA5rd    98 412    97 655    101 300\n";
    belopp_text *t = text_of(s);
    belopp_segments *g = belopp_segment(t);
    const belopp_row *r = belopp_segments_row_at(g, (size_t)(strstr(s, "98 412") - s), NULL);
    assert_non_null(r);
    span_is(t, r->label, "UO 9 H\xC3\xA4lsov\xC3\xA5rd");
    char buf[64];
    belopp_segments_column_name(g, r, 0, buf, sizeof buf);
    assert_string_equal(buf, "Statsbudget");
    belopp_segments_column_name(g, r, 1, buf, sizeof buf);
    assert_string_equal(buf, "Utfall 2024");
    assert_int_equal(belopp_segments_column_name(g, r, 2, buf, 4), strlen("Prognos 2025"));
    assert_string_equal(buf, "Pro");
    belopp_segments_free(g);
    belopp_text_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(sentences_split_at_capitals_not_abbreviations),
        cmocka_unit_test(heading_is_its_own_sentence_and_pdf_wrap_joins),
        cmocka_unit_test(table_under_unit_header),
        cmocka_unit_test(header_variants),
        cmocka_unit_test(hinted_lookups_agree_with_binary_search),
        cmocka_unit_test(no_header_no_table),
        cmocka_unit_test(trim_knows_no_break_spaces),
        cmocka_unit_test(single_spaces_split_by_groups_and_columns),
        cmocka_unit_test(row_without_clear_split_is_left_out),
        cmocka_unit_test(total_row_and_difference_column_add_up),
        cmocka_unit_test(misprinted_total_is_a_mismatch),
        cmocka_unit_test(total_off_by_rounding),
        cmocka_unit_test(total_after_a_result_line),
        cmocka_unit_test(total_column_and_unchecked_total),
        cmocka_unit_test(total_of_a_section),
        cmocka_unit_test(grand_total_sums_the_totals_after_the_last),
        cmocka_unit_test(two_line_titles_join),
    };
    return cmocka_run_group_tests_name("segment", tests, NULL, NULL);
}
