/* unit_segment.c — sentences and table blocks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
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
    };
    return cmocka_run_group_tests_name("segment", tests, NULL, NULL);
}
