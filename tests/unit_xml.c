/* unit_xml.c — cleaning strings and writing well-formed XML. */
#include <inttypes.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <libxml/parser.h>

#include "../emit/writer.h"
#include "../extract/clean.h"
#include "../include/belopp.h"

static void clean_replaces_what_xml_forbids(void **state)
{
    (void)state;
    char *c = belopp_xml_clean("a\x01" "b\xFF" "c\xEF\xBF\xBE" "d\te", 11, 0);
    assert_string_equal(c, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\xEF\xBF\xBD" "d\te");
    free(c);
    c = belopp_xml_clean("x\ny\tz", 5, 1);
    assert_string_equal(c, "x y z");
    free(c);
    c = belopp_xml_clean("\xC3", 1, 0); /* truncated sequence */
    assert_string_equal(c, "\xEF\xBF\xBD");
    free(c);
}

/* A forbidden byte, a tab or a letter at every position of a longer string,
 * in and out of the eight-byte steps. */
static void clean_finds_every_byte_in_long_strings(void **state)
{
    (void)state;
    char in[24], want[64];
    for (size_t pos = 0; pos < sizeof in; pos++) {
        memset(in, 'a', sizeof in);
        in[pos] = '\x01';
        char *c = belopp_xml_clean(in, sizeof in, 0);
        memset(want, 'a', pos);
        memcpy(want + pos, "\xEF\xBF\xBD", 3);
        memset(want + pos + 3, 'a', sizeof in - pos - 1);
        want[sizeof in + 2] = '\0';
        assert_string_equal(c, want);
        free(c);

        in[pos] = '\t';
        c = belopp_xml_clean(in, sizeof in, 1); /* flattened */
        assert_int_equal(strlen(c), sizeof in);
        assert_int_equal(c[pos], ' ');
        free(c);

        in[pos] = '\x7F'; /* DEL is allowed in XML 1.0 */
        c = belopp_xml_clean(in, sizeof in, 0);
        assert_memory_equal(c, in, sizeof in);
        free(c);

        in[pos] = '\xFF';
        c = belopp_xml_clean(in, sizeof in, 0);
        assert_int_equal(strlen(c), sizeof in + 2);
        assert_memory_equal(c + pos, "\xEF\xBF\xBD", 3);
        free(c);
    }
}

static void document_is_well_formed_whatever_came_in(void **state)
{
    (void)state;
    char err[256];
    belopp_extractor *x = belopp_extractor_new(NULL, err, sizeof err);
    assert_non_null(x);
    const char *src = "\x01<&> 5 kronor \x1b]]> --";
    char *out = NULL;
    size_t outlen = 0;
    FILE *f = open_memstream(&out, &outlen);
    belopp_writer *w = belopp_writer_new(BELOPP_FORMAT_XML, f);
    assert_int_equal(belopp_writer_head(w), 0);
    belopp_sink sink = belopp_writer_sink(w);
    assert_int_equal(belopp_extract_buffer(x, "bad\x02name\xFF.txt", src, strlen(src), &sink),
                     BELOPP_RESULT_OK);
    assert_int_equal(belopp_writer_tail(w), 0);
    belopp_writer_free(w);
    fclose(f);
    xmlDocPtr doc = xmlReadMemory(out, (int)outlen, "out.xml", NULL, XML_PARSE_NONET);
    assert_non_null(doc);
    assert_non_null(strstr(out, "ore=\"500\""));
    assert_non_null(strstr(out, "start=\"5\" end=\"13\" line=\"1\" col=\"6\""));
    assert_non_null(strstr(out, "&lt;&amp;&gt;"));
    assert_non_null(strstr(out, "source=\"bad\xEF\xBF\xBDname\xEF\xBF\xBD.txt\""));
    assert_int_equal(out[outlen - 1], '\n');
    xmlFreeDoc(doc);
    free(out);
    belopp_extractor_free(x);
}

/* Integers in the output (öre, offsets): written by hand with the length
 * found first (emit/writer.c), checked against printf at every length's
 * edges, both signs, and the ends of int64_t. */
static void integers_are_written_as_printf_writes_them(void **state)
{
    (void)state;
    char got[BELOPP_I64_DIGITS + 1], want[32];
    int64_t p = 1;
    for (int k = 0; k < 19; k++, p = k < 19 ? p * 10 : p)
        for (int64_t d = -1; d <= 1; d++)
            for (int sign = -1; sign <= 1; sign += 2) {
                int64_t v = sign * (p + d);
                size_t n = belopp_i64_digits(got, v);
                got[n] = '\0';
                snprintf(want, sizeof want, "%" PRId64, v);
                assert_string_equal(got, want);
            }
    const int64_t ends[] = {0, INT64_MAX, INT64_MIN, INT64_MIN + 1, INT64_MAX - 1};
    for (size_t i = 0; i < sizeof ends / sizeof *ends; i++) {
        size_t n = belopp_i64_digits(got, ends[i]);
        got[n] = '\0';
        snprintf(want, sizeof want, "%" PRId64, ends[i]);
        assert_string_equal(got, want);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(clean_replaces_what_xml_forbids),
        cmocka_unit_test(clean_finds_every_byte_in_long_strings),
        cmocka_unit_test(document_is_well_formed_whatever_came_in),
        cmocka_unit_test(integers_are_written_as_printf_writes_them),
    };
    int rc = cmocka_run_group_tests_name("xml", tests, NULL, NULL);
    xmlCleanupParser();
    return rc;
}
