/* unit_text.c — the offset map of belopp_text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "../extract/text.h"

static void identity_pieces_merge_and_map_back(void **state)
{
    (void)state;
    belopp_text *t = belopp_text_new();
    assert_int_equal(belopp_text_append(t, "abc", 3, 0, 3), 0);
    assert_int_equal(belopp_text_append(t, "def", 3, 3, 3), 0);
    assert_string_equal(belopp_text_data(t), "abcdef");
    assert_int_equal(belopp_text_len(t), 6);
    assert_int_equal(belopp_text_src_start(t, 4), 4);
    assert_int_equal(belopp_text_src_end(t, 6), 6);
    belopp_text_free(t);
}

static void replacement_maps_to_the_bytes_it_replaced(void **state)
{
    (void)state;
    /* input "x\xFFy": the bad byte at 1 becomes the 3-byte U+FFFD */
    belopp_text *t = belopp_text_new();
    belopp_text_append(t, "x", 1, 0, 1);
    belopp_text_append(t, "\xEF\xBF\xBD", 3, 1, 1);
    belopp_text_append(t, "y", 1, 2, 1);
    assert_int_equal(belopp_text_src_start(t, 1), 1);
    assert_int_equal(belopp_text_src_start(t, 3), 1); /* inside the replacement */
    assert_int_equal(belopp_text_src_end(t, 4), 2);   /* span ending after it */
    assert_int_equal(belopp_text_src_start(t, 4), 2); /* "y" */
    assert_int_equal(belopp_text_src_end(t, 5), 3);
    belopp_text_free(t);
}

static void gap_in_source_is_kept(void **state)
{
    (void)state;
    /* "a" from byte 0, then "b" from byte 10 (a tag was skipped) */
    belopp_text *t = belopp_text_new();
    belopp_text_append(t, "a", 1, 0, 1);
    belopp_text_append(t, "b", 1, 10, 1);
    assert_int_equal(belopp_text_src_end(t, 1), 1); /* not 10 */
    assert_int_equal(belopp_text_src_start(t, 1), 10);
    belopp_text_free(t);
}

static void free_accepts_null(void **state)
{
    (void)state;
    belopp_text_free(NULL);
}

/* belopp_text_src_span with a hint maps as the plain lookups do, forwards
 * (the hint walks over pieces) and backwards (it is stale). */
static void src_span_with_hint_agrees(void **state)
{
    (void)state;
    /* pieces: "ab" 1:1, a replacement for one byte, "cd" 1:1, a gap, "e" */
    belopp_text *t = belopp_text_new();
    belopp_text_append(t, "ab", 2, 0, 2);
    belopp_text_append(t, "\xEF\xBF\xBD", 3, 2, 1);
    belopp_text_append(t, "cd", 2, 3, 2);
    belopp_text_append(t, "e", 1, 9, 1);
    size_t len = belopp_text_len(t), hint = 0;
    for (int dir = 0; dir < 2; dir++)
        for (size_t i = 0; i <= len; i++) {
            size_t a = dir ? len - i : i;
            for (size_t b = a; b <= len; b++) {
                belopp_span sp = belopp_text_src_span(t, a, b, &hint);
                assert_int_equal(sp.start, belopp_text_src_start(t, a));
                assert_int_equal(sp.end, belopp_text_src_end(t, b));
                sp = belopp_text_src_span(t, a, b, NULL);
                assert_int_equal(sp.start, belopp_text_src_start(t, a));
                assert_int_equal(sp.end, belopp_text_src_end(t, b));
            }
        }
    belopp_span e = belopp_text_src_span(t, 7, 8, &hint); /* "e" after the gap */
    assert_int_equal(e.start, 9);
    assert_int_equal(e.end, 10);
    belopp_text_free(t);
}

/* Every position of the stop byte, in and past the eight-byte steps. */
static void ascii_end_stops_at_high_bytes_and_nul(void **state)
{
    (void)state;
    char s[40];
    for (size_t stop = 0; stop < 24; stop++) {
        memset(s, 'a', sizeof s);
        s[stop] = (char)0xC3;
        assert_int_equal(belopp_ascii_end(s, 0, sizeof s), stop);
        s[stop] = '\0';
        assert_int_equal(belopp_ascii_end(s, 0, sizeof s), stop);
        s[stop] = (char)0x80;
        assert_int_equal(belopp_ascii_end(s, 0, sizeof s), stop);
        s[stop] = 0x7F; /* DEL is ASCII */
        assert_int_equal(belopp_ascii_end(s, 0, sizeof s), sizeof s);
    }
    memset(s, 'a', sizeof s);
    for (size_t len = 0; len < 20; len++) /* never past len */
        assert_int_equal(belopp_ascii_end(s, 3 < len ? 3 : len, len), len);
    s[5] = (char)0xE2;
    assert_int_equal(belopp_ascii_end(s, 5, sizeof s), 5); /* i itself */
    assert_int_equal(belopp_ascii_end(s, 6, sizeof s), sizeof s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(identity_pieces_merge_and_map_back),
        cmocka_unit_test(replacement_maps_to_the_bytes_it_replaced),
        cmocka_unit_test(gap_in_source_is_kept),
        cmocka_unit_test(free_accepts_null),
        cmocka_unit_test(ascii_end_stops_at_high_bytes_and_nul),
        cmocka_unit_test(src_span_with_hint_agrees),
    };
    return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
