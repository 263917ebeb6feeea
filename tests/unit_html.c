/* unit_html.c — HTML to visible text, offsets into the page, encodings. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <utf8proc.h>

#include "../extract/html.h"

static belopp_text *html(const char *s, size_t n, belopp_encoding enc, belopp_diags *d)
{
    return belopp_html_to_text((const unsigned char *)s, n, enc, d);
}

/* Offset of needle in haystack (which must hold it). */
static size_t at(const char *haystack, const char *needle)
{
    const char *p = strstr(haystack, needle);
    assert_non_null(p);
    return (size_t)(p - haystack);
}

static int has_diag(const belopp_diags *d, const char *part)
{
    for (size_t i = 0; i < belopp_diags_count(d); i++)
        if (strstr(belopp_diags_get(d, i)->message, part))
            return 1;
    return 0;
}

/* Valid UTF-8 without NUL, as every later stage assumes. */
static void assert_clean_utf8(const belopp_text *t)
{
    const utf8proc_uint8_t *s = (const utf8proc_uint8_t *)belopp_text_data(t);
    size_t n = belopp_text_len(t);
    for (size_t i = 0; i < n;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(s + i, (utf8proc_ssize_t)(n - i), &cp);
        assert_true(k > 0);
        assert_true(cp != 0);
        i += (size_t)k;
    }
}

static const char PAGE[] =
    "<!DOCTYPE html>\n"
    "<html><head><title>Budget 900 kronor</title>\n"
    "<style>p { content: \"700 kronor\"; }</style>\n"
    "<script>var x = \"<p>600 kronor</p>\";</script></head>\n"
    "<body>\n"
    "<!-- 400 kronor -->\n"
    "<p title=\"500 kronor\">Regeringen satsar <b>6,8</b> miljarder\n"
    "   kronor.</p>\n"
    "<img alt=\"500 kronor\" src=\"x.png\">\n"
    "<table>\n"
    "<caption>Tabell 1</caption>\n"
    "<tr><th>Region</th><th>Miljoner kronor</th></tr>\n"
    "<tr><td>Stockholm</td><td>2&nbsp;111</td></tr>\n"
    "<tr><td>Skåne</td> <td>1 303</td></tr>\n"
    "</table>\n"
    "<p>Slut.</p>\n"
    "</body></html>\n";

static void visible_text_only(void **state)
{
    (void)state;
    belopp_diags *d = belopp_diags_new();
    belopp_text *t = html(PAGE, strlen(PAGE), BELOPP_ENC_AUTO, d);
    assert_non_null(t);
    assert_string_equal(belopp_text_data(t), "Regeringen satsar 6,8 miljarder kronor.\n"
                                             "\n"
                                             "Tabell 1\n"
                                             "Region\tMiljoner kronor\n"
                                             "Stockholm\t2\xC2\xA0" "111\n"
                                             "Skåne\t1 303\n"
                                             "\n"
                                             "Slut.\n");
    assert_int_equal(belopp_diags_count(d), 0);
    belopp_text_free(t);
    belopp_diags_free(d);
}

static void amounts_map_to_their_bytes_in_the_page(void **state)
{
    (void)state;
    belopp_diags *d = belopp_diags_new();
    belopp_text *t = html(PAGE, strlen(PAGE), BELOPP_ENC_AUTO, d);
    const char *s = belopp_text_data(t);

    /* "2 111" (with U+00A0, 6 bytes) stands for the 10 bytes "2&nbsp;111" */
    size_t off = at(s, "2\xC2\xA0" "111"), raw = at(PAGE, "2&nbsp;111");
    assert_int_equal(belopp_text_src_start(t, off), raw);
    assert_int_equal(belopp_text_src_end(t, off + 6), raw + 10);
    assert_int_equal(belopp_text_src_start(t, off + 1), raw + 1); /* the no-break space */
    assert_int_equal(belopp_text_src_end(t, off + 3), raw + 7);
    assert_int_equal(belopp_text_src_start(t, off + 3), raw + 7); /* "111" byte for byte */

    /* "6,8 miljarder kronor" runs over a tag and a line break */
    off = at(s, "6,8 miljarder kronor");
    assert_int_equal(belopp_text_src_start(t, off), at(PAGE, "6,8</b>"));
    assert_int_equal(belopp_text_src_end(t, off + strlen("6,8 miljarder kronor")),
                     at(PAGE, "kronor.</p>") + strlen("kronor"));

    /* "Skåne" is UTF-8 in the page too: byte for byte */
    off = at(s, "Skåne");
    assert_int_equal(belopp_text_src_start(t, off + 3), at(PAGE, "åne") + 1);

    /* an inserted tab maps to no bytes */
    off = at(s, "Stockholm\t") + strlen("Stockholm");
    assert_int_equal(belopp_text_src_end(t, off + 1) - belopp_text_src_start(t, off), 0);
    belopp_text_free(t);
    belopp_diags_free(d);
}

/* Every character of the text stands for page bytes that hold it, an entity
 * for it, or white space; or (an inserted break) for no bytes at all. */
static void every_character_maps_to_what_it_came_from(void **state)
{
    (void)state;
    belopp_diags *d = belopp_diags_new();
    belopp_text *t = html(PAGE, strlen(PAGE), BELOPP_ENC_AUTO, d);
    const char *s = belopp_text_data(t);
    size_t n = belopp_text_len(t), prev = 0;
    for (size_t i = 0; i < n;) {
        utf8proc_int32_t cp;
        size_t k = (size_t)utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                            (utf8proc_ssize_t)(n - i), &cp);
        size_t a = belopp_text_src_start(t, i), b = belopp_text_src_end(t, i + k);
        assert_true(a >= prev); /* in page order */
        if (b > a) {
            int same = b - a == k && memcmp(PAGE + a, s + i, k) == 0;
            int entity = PAGE[a] == '&' && PAGE[b - 1] == ';';
            int space = cp == ' ' && strchr(" \n\t", PAGE[a]) != NULL;
            assert_true(same || entity || space);
            prev = b;
        }
        i += k;
    }
    belopp_text_free(t);
    belopp_diags_free(d);
}

static void latin1_page_with_meta_charset(void **state)
{
    (void)state;
    static const char page[] = "<html><head><meta charset=\"iso-8859-1\"></head>"
                               "<body><p>V\xE5rd: 5&nbsp;kr f\xF6r \xE4ldre &#150; 2\x96" "3 kr.</p>"
                               "</body></html>";
    belopp_diags *d = belopp_diags_new();
    belopp_text *t = html(page, strlen(page), BELOPP_ENC_AUTO, d);
    /* &#150; and the raw byte 0x96 are both Windows-1252's en dash */
    assert_string_equal(belopp_text_data(t), "Vård: 5\xC2\xA0kr för äldre – 2–3 kr.\n");
    assert_int_equal(belopp_diags_count(d), 0);
    size_t raw = at(page, "V\xE5rd");
    assert_int_equal(belopp_text_src_start(t, 1), raw + 1); /* å: 2 bytes from 1 */
    assert_int_equal(belopp_text_src_end(t, 3), raw + 2);
    assert_int_equal(belopp_text_src_start(t, 3), raw + 2); /* "rd" */
    belopp_text_free(t);
    belopp_diags_free(d);
}

static void http_equiv_charset_is_honoured(void **state)
{
    (void)state;
    static const char page[] =
        "<HTML><HEAD><META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=windows-1252\">"
        "</HEAD><BODY>\x80 12 \xC5r</BODY></HTML>";
    belopp_diags *d = belopp_diags_new();
    belopp_text *t = html(page, strlen(page), BELOPP_ENC_AUTO, d);
    assert_string_equal(belopp_text_data(t), "€ 12 År\n");
    assert_int_equal(belopp_diags_count(d), 0);
    belopp_text_free(t);
    belopp_diags_free(d);
}

static void utf8_page_without_charset_stays_utf8(void **state)
{
    (void)state;
    static const char page[] = "<p>Vård och omsorg: 6,8&nbsp;miljarder kronor, 5 €.</p>";
    belopp_diags *d = belopp_diags_new();
    belopp_text *t = html(page, strlen(page), BELOPP_ENC_AUTO, d);
    assert_string_equal(belopp_text_data(t), "Vård och omsorg: 6,8\xC2\xA0miljarder kronor, 5 €.\n");
    assert_null(strstr(belopp_text_data(t), "Ã"));
    assert_int_equal(belopp_diags_count(d), 0);
    belopp_text_free(t);
    belopp_diags_free(d);
}

static void latin1_without_charset_is_guessed_with_a_warning(void **state)
{
    (void)state;
    static const char page[] = "<p>V\xE5rd 5 kr</p>";
    belopp_diags *d = belopp_diags_new();
    belopp_text *t = html(page, strlen(page), BELOPP_ENC_AUTO, d);
    assert_string_equal(belopp_text_data(t), "Vård 5 kr\n");
    assert_int_equal(belopp_diags_count(d), 1);
    assert_int_equal(belopp_diags_get(d, 0)->severity, BELOPP_WARNING);
    assert_true(has_diag(d, "Windows-1252"));
    belopp_text_free(t);
    belopp_diags_free(d);
}

static void wrong_declarations_yield_to_the_bytes(void **state)
{
    (void)state;
    belopp_diags *d = belopp_diags_new();
    static const char lied_latin1[] = "<meta charset=\"iso-8859-1\"><p>Vård</p>";
    belopp_text *t = html(lied_latin1, strlen(lied_latin1), BELOPP_ENC_AUTO, d);
    assert_string_equal(belopp_text_data(t), "Vård\n");
    assert_true(has_diag(d, "valid UTF-8"));
    belopp_text_free(t);

    belopp_diags_clear(d);
    static const char lied_utf8[] = "<meta charset=utf-8><p>V\xE5rd</p>";
    t = html(lied_utf8, strlen(lied_utf8), BELOPP_ENC_AUTO, d);
    assert_string_equal(belopp_text_data(t), "Vård\n");
    assert_true(has_diag(d, "Windows-1252"));
    belopp_text_free(t);
    belopp_diags_free(d);
}

static void encoding_option_overrides(void **state)
{
    (void)state;
    static const char page[] = "<meta charset=\"utf-8\"><p>V\xC3\xA5rd</p>";
    belopp_diags *d = belopp_diags_new();
    belopp_text *t = html(page, strlen(page), BELOPP_ENC_LATIN1, d);
    assert_string_equal(belopp_text_data(t), "VÃ¥rd\n");
    belopp_text_free(t);
    belopp_diags_free(d);
}

static void byte_order_marks(void **state)
{
    (void)state;
    belopp_diags *d = belopp_diags_new();
    static const char utf8[] = "\xEF\xBB\xBF<p>\xC3\xA5r 5 kr</p>";
    belopp_text *t = html(utf8, strlen(utf8), BELOPP_ENC_AUTO, d);
    assert_string_equal(belopp_text_data(t), "år 5 kr\n");
    assert_int_equal(belopp_text_src_start(t, 0), 6);
    belopp_text_free(t);

    /* UTF-16LE "<p>å 5</p>" */
    static const char utf16[] = "\xFF\xFE<\0p\0>\0\xE5\0 \0" "5\0<\0/\0p\0>\0";
    t = html(utf16, sizeof utf16 - 1, BELOPP_ENC_AUTO, d);
    assert_string_equal(belopp_text_data(t), "å 5\n");
    assert_int_equal(belopp_text_src_start(t, 3), 12); /* "5" after 2-byte units */
    assert_int_equal(belopp_text_src_end(t, 4), 14);
    assert_int_equal(belopp_diags_count(d), 0);
    belopp_text_free(t);
    belopp_diags_free(d);
}

static void entities_as_libxml2_reads_them(void **state)
{
    (void)state;
    static const char page[] = "<p>A&amp;B &amp C &unknown; &#x41b &#65 &#0; &#150; &lt;5&gt; &Aring;r</p>";
    belopp_diags *d = belopp_diags_new();
    belopp_text *t = html(page, strlen(page), BELOPP_ENC_AUTO, d);
    assert_string_equal(belopp_text_data(t), "A&B &amp C &unknown; Л A – <5> År\n");
    size_t off = at(belopp_text_data(t), "Л");
    assert_int_equal(belopp_text_src_start(t, off), at(page, "&#x41b"));
    assert_int_equal(belopp_text_src_end(t, off + 2), at(page, "&#x41b") + 6);
    belopp_text_free(t);
    belopp_diags_free(d);
}

/* Markup that the 2.9.14 parser reads in its own way; each text is still
 * found in the page (no "not found" warning), byte for byte. */
static void parser_quirks_keep_offsets(void **state)
{
    (void)state;
    static const struct {
        const char *page, *text;
    } cases[] = {
        {"<p>a<!doctype html></p>b", "a</p>b\n"},         /* "</" after a misplaced doctype is text */
        {"<!-- c --><!DOCTYPE html></p>x", "x\n"},         /* not after one in the prolog */
        {"<p><script src=x/>abc</script>d", "d\n"},        /* "x/" is a value, not "/>" */
        {"<p><script src=\"x\"/>abc</script>d", "abcd\n"}, /* this one is "/>" */
        {"<script><noscript>n</noscript>5 kr", "5 kr\n"},
        {"<p>a</_x>b</ 3 <3 <å>", "ab 3 <3 <å>\n"},        /* "</ " is dropped, "</_x>" a tag */
        {"<p>1&#xZ 2&#Z 3&#; 4&#99999999999; 5&#x41b</p>", "1Z 2Z 3 4 5Л\n"},
        {"<p>x<!-- a --> y<![CDATA[z]]><!x></p>", "x y<![CDATA[z]]><!x>\n"},
        {"<p>a <span hidden>b</span><span style=\"DISPLAY: none\">c</span>d</p>", "a d\n"},
    };
    belopp_diags *d = belopp_diags_new();
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        belopp_diags_clear(d);
        belopp_text *t = html(cases[i].page, strlen(cases[i].page), BELOPP_ENC_AUTO, d);
        assert_string_equal(belopp_text_data(t), cases[i].text);
        assert_int_equal(belopp_diags_count(d), 0);
        const char *s = belopp_text_data(t);
        size_t last = at(cases[i].text, "\n") - 1; /* the last character, when ASCII */
        if ((unsigned char)s[last] < 0x80)
            assert_int_equal(cases[i].page[belopp_text_src_start(t, last)], s[last]);
        belopp_text_free(t);
    }
    belopp_diags_free(d);
}

static void breaks_rows_and_paragraphs(void **state)
{
    (void)state;
    static const char page[] =
        "<h1>Rubrik</h1><p>Ett<br>två<br><br>tre</p>"
        "<table><tr><td>Region<br>Stockholm</td><td><p>2 111</p></td><td></td></tr>"
        "<tr><td>Skåne</td><td>1 303</td></tr></table>"
        "<ul><li>a 5 kr</li><li>b 6 kr</li></ul><div>x</div><pre>  a  b\n  c</pre>";
    belopp_diags *d = belopp_diags_new();
    belopp_text *t = html(page, strlen(page), BELOPP_ENC_AUTO, d);
    assert_string_equal(belopp_text_data(t), "Rubrik\n\nEtt\ntvå\n\ntre\n\n"
                                             "Region Stockholm\t2 111\nSkåne\t1 303\n\n"
                                             "a 5 kr\nb 6 kr\n\nx\n\n  a  b\n  c\n");
    belopp_text_free(t);
    belopp_diags_free(d);
}

static void layout_table_cells_are_columns_of_the_page(void **state)
{
    (void)state;
    char page[2000] = "<table><tr><td>Start<br>Nyheter</td><td><b>Rubrik</b><br><br>";
    for (int i = 0; i < 6; i++)
        strcat(page, "Kommunen satsar 4,5 miljoner kronor på skolan i år. ");
    strcat(page, "<br><br>Slut.</td></tr></table>");
    belopp_diags *d = belopp_diags_new();
    belopp_text *t = html(page, strlen(page), BELOPP_ENC_AUTO, d);
    const char *s = belopp_text_data(t);
    static const char head[] = "Start Nyheter\n\nRubrik\n\nKommunen satsar";
    assert_memory_equal(s, head, strlen(head));
    assert_non_null(strstr(s, "i år.\n\nSlut.\n"));
    belopp_text_free(t);
    belopp_diags_free(d);
}

static void deep_nesting_does_not_lose_text(void **state)
{
    (void)state;
    enum { DEPTH = 10000 };
    size_t cap = DEPTH * 11 + 100;
    char *page = malloc(cap);
    assert_non_null(page);
    char *p = page;
    for (int i = 0; i < DEPTH; i++)
        p += strlen(strcpy(p, "<div>"));
    p += strlen(strcpy(p, "x 5 kr"));
    for (int i = 0; i < DEPTH; i++)
        p += strlen(strcpy(p, "</div>"));
    strcpy(p, "<p>efter 7 kr</p>");
    belopp_diags *d = belopp_diags_new();
    belopp_text *t = html(page, strlen(page), BELOPP_ENC_AUTO, d);
    assert_non_null(t);
    /* libxml2 halts at depth 256 and drops the rest; our scanner reads it */
    assert_string_equal(belopp_text_data(t), "x 5 kr\n\nefter 7 kr\n");
    assert_int_equal(belopp_text_src_start(t, 0), at(page, "x 5 kr"));
    assert_true(has_diag(d, "simple tag scanner"));
    belopp_text_free(t);

    /* unclosed inline tags, text at every level */
    p = page;
    for (int i = 0; i < DEPTH; i++)
        p += strlen(strcpy(p, i % 1000 == 0 ? "<span>1 kr " : "<span>"));
    *p = '\0';
    belopp_diags_clear(d);
    t = html(page, strlen(page), BELOPP_ENC_AUTO, d);
    assert_non_null(t);
    assert_int_equal(belopp_text_len(t), 10 * 5); /* "1 kr " ten times, the last space a newline */
    belopp_text_free(t);
    belopp_diags_free(d);
    free(page);
}

static void huge_text_node(void **state)
{
    (void)state;
    static const char unit[] = "Stockholm 2 111 kr. ";
    size_t reps = 5 * 1024 * 1024 / (sizeof unit - 1);
    char *page = malloc(reps * (sizeof unit - 1) + 32);
    assert_non_null(page);
    char *p = page + strlen(strcpy(page, "<p>"));
    for (size_t i = 0; i < reps; i++, p += sizeof unit - 1)
        memcpy(p, unit, sizeof unit - 1);
    strcpy(p, "</p>");
    belopp_diags *d = belopp_diags_new();
    belopp_text *t = html(page, strlen(page), BELOPP_ENC_AUTO, d);
    assert_non_null(t);
    assert_int_equal(belopp_text_len(t), reps * (sizeof unit - 1)); /* last space → "\n" */
    assert_int_equal(belopp_text_src_start(t, 0), 3);
    assert_int_equal(belopp_text_src_start(t, belopp_text_len(t) - 3), 3 + reps * 20 - 3);
    assert_int_equal(belopp_diags_count(d), 0);
    belopp_text_free(t);
    belopp_diags_free(d);
    free(page);
}

static void hostile_inputs(void **state)
{
    (void)state;
    belopp_diags *d = belopp_diags_new();
    belopp_text *t = html("", 0, BELOPP_ENC_AUTO, d);
    assert_non_null(t);
    assert_int_equal(belopp_text_len(t), 0);
    belopp_text_free(t);

    static const char nul[] = "<p>1\0002 kr</p><p>3 kr</p>";
    t = html(nul, sizeof nul - 1, BELOPP_ENC_AUTO, d);
    assert_string_equal(belopp_text_data(t), "1\xEF\xBF\xBD" "2 kr\n\n3 kr\n"); /* not cut at NUL */
    assert_true(has_diag(d, "NUL"));
    belopp_text_free(t);

    static const char *const broken[] = {
        "<p>a <b>b <i>c",           "<p>a<!-- never closed 5 kr",   "<script>var a = 1;",
        "<a href=\"x>5 kr</a> 6 kr", "</ 5 kr> <3 <å> <!x> 6 kr",     "<table><td>1<tr>2<td>3",
        "&#xFFFFFFFFFF; &#; &",      "<p>\r\n5\r\nkr\f</p>",          "<pre>\n\n5 kr</pre>",
    };
    for (size_t i = 0; i < sizeof broken / sizeof broken[0]; i++) {
        belopp_diags_clear(d);
        t = html(broken[i], strlen(broken[i]), BELOPP_ENC_AUTO, d);
        assert_non_null(t);
        assert_clean_utf8(t);
        belopp_text_free(t);
    }

    unsigned char junk[65536];
    unsigned int seed = 12345;
    for (size_t i = 0; i < sizeof junk; i++) {
        seed = seed * 1103515245u + 12345u;
        junk[i] = (unsigned char)(seed >> 16);
        if (junk[i] % 7 == 0)
            junk[i] = (unsigned char)"<>&;/!-"[i % 7];
    }
    belopp_diags_clear(d);
    t = belopp_html_to_text(junk, sizeof junk, BELOPP_ENC_AUTO, d);
    assert_non_null(t);
    assert_clean_utf8(t);
    belopp_text_free(t);
    belopp_diags_free(d);
}

static void html_is_recognised(void **state)
{
    (void)state;
    assert_true(belopp_is_html("press/a.HTML", NULL, 0));
    assert_true(belopp_is_html("a.htm", (const unsigned char *)"x", 1));
    assert_false(belopp_is_html("a.txt", (const unsigned char *)"Belopp 5 kr", 11));
    const char *yes[] = {"\xEF\xBB\xBF  <!DOCTYPE HTML>", "\n<html lang=sv>", "<P>5 kr</P>",
                         "<div class=x>", "<meta charset=utf-8>", "<TABLE>", "<body>", "<head>"};
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
        assert_true(belopp_is_html("-", (const unsigned char *)yes[i], strlen(yes[i])));
    const char *no[] = {"", "5 kr <p>", "<pre>", "<pi>", "<html", "Tabell <table>"};
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
        assert_false(belopp_is_html(NULL, (const unsigned char *)no[i], strlen(no[i])));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(visible_text_only),
        cmocka_unit_test(amounts_map_to_their_bytes_in_the_page),
        cmocka_unit_test(every_character_maps_to_what_it_came_from),
        cmocka_unit_test(latin1_page_with_meta_charset),
        cmocka_unit_test(http_equiv_charset_is_honoured),
        cmocka_unit_test(utf8_page_without_charset_stays_utf8),
        cmocka_unit_test(latin1_without_charset_is_guessed_with_a_warning),
        cmocka_unit_test(wrong_declarations_yield_to_the_bytes),
        cmocka_unit_test(encoding_option_overrides),
        cmocka_unit_test(byte_order_marks),
        cmocka_unit_test(entities_as_libxml2_reads_them),
        cmocka_unit_test(parser_quirks_keep_offsets),
        cmocka_unit_test(breaks_rows_and_paragraphs),
        cmocka_unit_test(layout_table_cells_are_columns_of_the_page),
        cmocka_unit_test(deep_nesting_does_not_lose_text),
        cmocka_unit_test(huge_text_node),
        cmocka_unit_test(hostile_inputs),
        cmocka_unit_test(html_is_recognised),
    };
    return cmocka_run_group_tests_name("html", tests, NULL, NULL);
}
