/* unit_nfc.c — NFC where needed, offsets kept. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "../normalize/nfc.h"

static belopp_text *nfc_of(const char *s)
{
    belopp_text *in = belopp_text_new();
    belopp_text_append(in, s, strlen(s), 0, strlen(s));
    belopp_text *out = belopp_nfc(in);
    belopp_text_free(in);
    return out;
}

static void combining_ring_composes(void **state)
{
    (void)state;
    /* "va\u030Ard 5 kr": a + COMBINING RING ABOVE (3 bytes) becomes å (2 bytes) */
    belopp_text *t = nfc_of("va\xCC\x8Ard 5 kr");
    assert_string_equal(belopp_text_data(t), "vård 5 kr");
    /* "5" is at 5 in the output and at 6 in the input */
    assert_int_equal(belopp_text_src_start(t, 5), 6);
    assert_int_equal(belopp_text_src_end(t, 3), 4); /* "vå" ends where "a\u030A" did */
    belopp_text_free(t);
}

static void angstrom_sign_becomes_a_ring(void **state)
{
    (void)state;
    belopp_text *t = nfc_of("\xE2\x84\xAB"); /* U+212B */
    assert_string_equal(belopp_text_data(t), "Å");
    belopp_text_free(t);
}

static void precomposed_text_is_untouched(void **state)
{
    (void)state;
    const char *s = "Överenskommelsen omfattar 6\xC2\xA0" "250,5 miljoner kronor – 2 111";
    belopp_text *t = nfc_of(s);
    assert_string_equal(belopp_text_data(t), s);
    assert_int_equal(belopp_text_src_start(t, 20), 20);
    belopp_text_free(t);
}

static void superscript_is_not_folded(void **state)
{
    (void)state;
    belopp_text *t = nfc_of("10\xC2\xB2 kr"); /* NFKC would make "102 kr" */
    assert_string_equal(belopp_text_data(t), "10\xC2\xB2 kr");
    belopp_text_free(t);
}

static void earlier_replacements_keep_their_offsets(void **state)
{
    (void)state;
    /* input "1 kr\0 2 kr": read.c replaced the NUL at byte 4 by U+FFFD */
    belopp_text *in = belopp_text_new();
    belopp_text_append(in, "1 kr", 4, 0, 4);
    belopp_text_append(in, "\xEF\xBF\xBD", 3, 4, 1);
    belopp_text_append(in, " 2 kr", 5, 5, 5);
    belopp_text *t = belopp_nfc(in);
    assert_int_equal(belopp_text_src_start(t, 8), 6); /* "2" */
    assert_int_equal(belopp_text_src_end(t, 4), 4);   /* "1 kr" ends at 4 */
    assert_int_equal(belopp_text_src_end(t, 12), 10);
    belopp_text_free(t);
    belopp_text_free(in);
}

static int needed(const char *s)
{
    belopp_text *t = belopp_text_new();
    belopp_text_append(t, s, strlen(s), 0, strlen(s));
    int r = belopp_nfc_needed(t);
    belopp_text_free(t);
    return r;
}

/* The pipeline skips belopp_nfc when this says 0: it must see every kind of
 * character belopp_nfc would change, also past the first eight-byte step. */
static void needed_only_where_nfc_changes_something(void **state)
{
    (void)state;
    assert_int_equal(needed(""), 0);
    assert_int_equal(needed("Överenskommelsen omfattar 6\xC2\xA0" "250,5 miljoner kronor"), 0);
    assert_int_equal(needed("10\xC2\xB2 kr \xE2\x80\x93 \xE2\x82\xAC"), 0); /* ² – € */
    assert_int_equal(needed("va\xCC\x8Ard"), 1);                           /* a + ring */
    assert_int_equal(needed("en l\xC3\xA5ng rad f\xC3\xB6re va\xCC\x8Ard"), 1);
    assert_int_equal(needed("\xCC\x8A at the very start"), 1);
    assert_int_equal(needed("sixteen bytes...\xE2\x84\xAB"), 1);        /* U+212B */
    assert_int_equal(needed("Hangul \xE1\x84\x80\xE1\x85\xA1"), 1);    /* jamo */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(combining_ring_composes),
        cmocka_unit_test(angstrom_sign_becomes_a_ring),
        cmocka_unit_test(precomposed_text_is_untouched),
        cmocka_unit_test(superscript_is_not_folded),
        cmocka_unit_test(earlier_replacements_keep_their_offsets),
        cmocka_unit_test(needed_only_where_nfc_changes_something),
    };
    return cmocka_run_group_tests_name("nfc", tests, NULL, NULL);
}
