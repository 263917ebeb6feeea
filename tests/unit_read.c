/* unit_read.c — bytes to valid UTF-8, warnings with byte offsets. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "../extract/read.h"

static belopp_text *decode(const char *s, size_t n, belopp_encoding enc, belopp_diags *d)
{
    return belopp_decode((const unsigned char *)s, n, enc, d);
}

static void valid_utf8_is_copied(void **state)
{
    (void)state;
    belopp_diags *d = belopp_diags_new();
    belopp_text *t = decode("vård 6,8 kr", 12, BELOPP_ENC_AUTO, d);
    assert_string_equal(belopp_text_data(t), "vård 6,8 kr");
    assert_int_equal(belopp_diags_count(d), 0);
    belopp_text_free(t);
    belopp_diags_free(d);
}

static void invalid_byte_is_replaced_with_its_offset(void **state)
{
    (void)state;
    belopp_diags *d = belopp_diags_new();
    /* a valid "å" makes it UTF-8; the lone 0xFF at byte 4 is damage */
    belopp_text *t = decode("å 1\xFF 2", 7, BELOPP_ENC_AUTO, d);
    assert_string_equal(belopp_text_data(t), "å 1\xEF\xBF\xBD 2");
    assert_int_equal(belopp_diags_count(d), 1);
    const belopp_diag *g = belopp_diags_get(d, 0);
    assert_int_equal(g->severity, BELOPP_WARNING);
    assert_int_equal(g->offset, 4);
    assert_non_null(strstr(g->message, "0xFF"));
    assert_int_equal(belopp_text_src_start(t, 7), 5); /* the space after it */
    belopp_text_free(t);
    belopp_diags_free(d);
}

static void nul_is_replaced(void **state)
{
    (void)state;
    belopp_diags *d = belopp_diags_new();
    belopp_text *t = decode("a\0b", 3, BELOPP_ENC_UTF8, d);
    assert_int_equal(belopp_text_len(t), 5);
    assert_memory_equal(belopp_text_data(t), "a\xEF\xBF\xBD" "b", 5);
    assert_int_equal(belopp_diags_get(d, 0)->offset, 1);
    belopp_text_free(t);
    belopp_diags_free(d);
}

static void overlong_and_surrogate_are_invalid(void **state)
{
    (void)state;
    belopp_diags *d = belopp_diags_new();
    belopp_text *t = decode("\xC0\x80 \xED\xA0\x80", 6, BELOPP_ENC_UTF8, d);
    /* every byte of both is replaced: 2 + 3 replacements */
    assert_int_equal(belopp_diags_count(d), 5);
    assert_int_equal(belopp_text_len(t), 5 * 3 + 1);
    belopp_text_free(t);
    belopp_diags_free(d);
}

/* Two-byte characters take a short path: its edges. */
static void two_byte_sequences(void **state)
{
    (void)state;
    belopp_diags *d = belopp_diags_new();
    /* valid: U+0080, å, U+07FF; invalid: C1 BF (overlong), C3 + "(", a C3 at the end */
    const char in[] = "\xC2\x80 \xC3\xA5 \xDF\xBF \xC1\xBF \xC3( \xC3";
    belopp_text *t = decode(in, sizeof in - 1, BELOPP_ENC_UTF8, d);
    assert_string_equal(belopp_text_data(t), "\xC2\x80 \xC3\xA5 \xDF\xBF "
                                             "\xEF\xBF\xBD\xEF\xBF\xBD \xEF\xBF\xBD( \xEF\xBF\xBD");
    assert_int_equal(belopp_diags_count(d), 4);
    assert_int_equal(belopp_diags_get(d, 0)->offset, 9);  /* C1 */
    assert_int_equal(belopp_diags_get(d, 1)->offset, 10); /* BF */
    assert_int_equal(belopp_diags_get(d, 2)->offset, 12); /* C3 before "(" */
    assert_int_equal(belopp_diags_get(d, 3)->offset, 15); /* the last byte */
    belopp_text_free(t);
    belopp_diags_free(d);
}

static void bom_is_dropped_and_offsets_still_count_it(void **state)
{
    (void)state;
    belopp_diags *d = belopp_diags_new();
    belopp_text *t = decode("\xEF\xBB\xBF" "12 kr", 8, BELOPP_ENC_AUTO, d);
    assert_string_equal(belopp_text_data(t), "12 kr");
    assert_int_equal(belopp_text_src_start(t, 0), 3);
    belopp_text_free(t);
    belopp_diags_free(d);
}

static void latin1_is_sniffed_and_decoded(void **state)
{
    (void)state;
    belopp_diags *d = belopp_diags_new();
    belopp_text *t = decode("v\xE5rd 5 kr \x80", 11, BELOPP_ENC_AUTO, d);
    assert_string_equal(belopp_text_data(t), "vård 5 kr €");
    assert_int_equal(belopp_diags_count(d), 1);
    assert_non_null(strstr(belopp_diags_get(d, 0)->message, "Windows-1252"));
    assert_int_equal(belopp_text_src_start(t, 3), 2); /* "r" after the 2-byte å */
    belopp_text_free(t);
    belopp_diags_free(d);
}

static void latin1_can_be_forced(void **state)
{
    (void)state;
    belopp_diags *d = belopp_diags_new();
    /* "Ã¥" as Latin-1 is two characters, not one å */
    belopp_text *t = decode("\xC3\xA5", 2, BELOPP_ENC_LATIN1, d);
    assert_string_equal(belopp_text_data(t), "Ã¥");
    belopp_text_free(t);
    belopp_diags_free(d);
}

static void encoding_names(void **state)
{
    (void)state;
    belopp_encoding e;
    assert_int_equal(belopp_encoding_parse("ISO-8859-1", &e), 0);
    assert_int_equal(e, BELOPP_ENC_LATIN1);
    assert_int_equal(belopp_encoding_parse("utf-8", &e), 0);
    assert_int_equal(e, BELOPP_ENC_UTF8);
    assert_int_equal(belopp_encoding_parse("ebcdic", &e), -1);
}

static void missing_file_is_an_error(void **state)
{
    (void)state;
    belopp_diags *d = belopp_diags_new();
    unsigned char *buf = NULL;
    size_t len = 0;
    assert_int_equal(belopp_read_file("/nonexistent/x.txt", &buf, &len, d), -1);
    assert_int_equal(belopp_diags_errors(d), 1);
    assert_non_null(strstr(belopp_diags_get(d, 0)->message, "cannot open"));
    belopp_diags_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(valid_utf8_is_copied),
        cmocka_unit_test(invalid_byte_is_replaced_with_its_offset),
        cmocka_unit_test(nul_is_replaced),
        cmocka_unit_test(overlong_and_surrogate_are_invalid),
        cmocka_unit_test(two_byte_sequences),
        cmocka_unit_test(bom_is_dropped_and_offsets_still_count_it),
        cmocka_unit_test(latin1_is_sniffed_and_decoded),
        cmocka_unit_test(latin1_can_be_forced),
        cmocka_unit_test(encoding_names),
        cmocka_unit_test(missing_file_is_an_error),
    };
    return cmocka_run_group_tests_name("read", tests, NULL, NULL);
}
