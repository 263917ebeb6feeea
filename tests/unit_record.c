/* unit_record.c — the public API: records (kind, repeats, total, col),
 * copies, diagnostic codes, and the three writers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../include/belopp.h"

#define MAX_KEPT_RECORDS 64

typedef struct {
    belopp_record *r[MAX_KEPT_RECORDS];
    size_t n;
    belopp_diag_code codes[16];
    size_t ncodes;
    int begun, ended;
    belopp_doc end_doc;
} collected;

static int keep_record(void *user, const belopp_record *r)
{
    collected *c = user;
    assert_true(c->n < MAX_KEPT_RECORDS);
    c->r[c->n] = belopp_record_dup(r);
    assert_non_null(c->r[c->n]);
    c->n++;
    return 0;
}

static int keep_diag(void *user, const char *source, const belopp_diagnostic *d)
{
    collected *c = user;
    (void)source;
    if (c->ncodes < 16)
        c->codes[c->ncodes++] = d->code;
    return 0;
}

static int on_begin(void *user, const belopp_doc *doc)
{
    collected *c = user;
    (void)doc;
    c->begun++;
    return 0;
}

static int on_end(void *user, const belopp_doc *doc)
{
    collected *c = user;
    c->ended++;
    c->end_doc = *doc;
    return 0;
}

static belopp_result collect(const char *text, collected *c)
{
    memset(c, 0, sizeof *c);
    belopp_extractor *x = belopp_extractor_new(NULL, NULL, 0);
    assert_non_null(x);
    belopp_sink sink = {c, on_begin, keep_record, keep_diag, on_end};
    belopp_result rc = belopp_extract_buffer(x, "t.txt", text, strlen(text), &sink);
    belopp_extractor_free(x);
    return rc;
}

static void collected_free(collected *c)
{
    for (size_t i = 0; i < c->n; i++)
        belopp_record_free(c->r[i]);
}

static void heading_and_its_section(void **state)
{
    (void)state;
    collected c;
    const char *text = "Rubrik\n\n"
                       "85 miljoner till ambulanssjukvården\n\n"
                       "Ambulanssjukvården förstärks med 85 miljoner kronor under 2021.\n\n"
                       "85 miljoner till tandvården\n\n"
                       "Tandvården får 85 miljoner kronor.\n";
    assert_int_equal(collect(text, &c), BELOPP_RESULT_OK);
    assert_int_equal(c.n, 4);
    assert_int_equal(c.r[0]->kind, BELOPP_KIND_HEADING);
    assert_int_equal(c.r[0]->has_repeats, 0);
    assert_int_equal(c.r[1]->kind, BELOPP_KIND_PROSE);
    assert_int_equal(c.r[1]->has_repeats, 1);
    assert_int_equal(c.r[1]->repeats, c.r[0]->start);
    assert_string_equal(c.r[1]->heading, "85 miljoner till ambulanssjukvården");
    /* the same value under another heading is another fact */
    assert_int_equal(c.r[2]->kind, BELOPP_KIND_HEADING);
    assert_int_equal(c.r[2]->has_repeats, 0);
    assert_int_equal(c.r[3]->has_repeats, 1);
    assert_int_equal(c.r[3]->repeats, c.r[2]->start);
    assert_int_equal(c.begun, 1);
    assert_int_equal(c.ended, 1);
    assert_int_equal(c.end_doc.records, 4);
    assert_int_equal(c.end_doc.facts, 2);
    collected_free(&c);
}

static void equal_values_of_different_items_are_two_facts(void **state)
{
    (void)state;
    collected c;
    const char *text = "Regeringen avsätter 300 miljoner kronor till cancervården. "
                       "Dessutom går 300 miljoner kronor till tandvården för äldre.\n";
    assert_int_equal(collect(text, &c), BELOPP_RESULT_OK);
    assert_int_equal(c.n, 2);
    assert_int_equal(c.r[0]->has_repeats, 0);
    assert_int_equal(c.r[1]->has_repeats, 0);
    collected_free(&c);
}

/* Alike sentences with different dates tell of two events: two fines of
 * the same size, each with its date, are two facts; the same date still
 * repeats. */
static void alike_sentences_with_other_dates_are_two_facts(void **state)
{
    (void)state;
    collected c;
    const char *text = "Ett föreläggande om 1 900 kr godkändes den 3 maj 2021 för felparkering.\n\n"
                       "Ett föreläggande om 1 900 kr godkändes den 9 oktober 2022 för felparkering.\n\n"
                       "Föreläggandet om 1 900 kr godkändes den 9 oktober 2022 för felparkering.\n";
    assert_int_equal(collect(text, &c), BELOPP_RESULT_OK);
    assert_int_equal(c.n, 3);
    assert_int_equal(c.r[0]->has_repeats, 0);
    assert_int_equal(c.r[1]->has_repeats, 0);
    assert_int_equal(c.r[2]->has_repeats, 1);
    assert_int_equal(c.r[2]->repeats, c.r[1]->start);
    collected_free(&c);
}

static void lead_and_body_repeat(void **state)
{
    (void)state;
    collected c;
    const char *text = "Regeringen förstärker förlossningsvården i regionerna med 500 miljoner "
                       "kronor under 2025.\n\n"
                       "Förlossningsvård\n\n"
                       "Förlossningsvården i regionerna förstärks under 2025 med 500 miljoner "
                       "kronor.\n";
    assert_int_equal(collect(text, &c), BELOPP_RESULT_OK);
    assert_int_equal(c.n, 2);
    assert_int_equal(c.r[0]->has_repeats, 0);
    assert_int_equal(c.r[1]->has_repeats, 1);
    assert_int_equal(c.r[1]->repeats, c.r[0]->start);
    collected_free(&c);
}

static void table_cells_and_total(void **state)
{
    (void)state;
    collected c;
    const char *text = "Fördelning per region\n"
                       "Miljoner kronor\n"
                       "Stockholm\t2 111\n"
                       "Uppsala\t371\n"
                       "Totalt\t2 482\n";
    assert_int_equal(collect(text, &c), BELOPP_RESULT_OK);
    assert_int_equal(c.n, 3);
    for (size_t i = 0; i < 3; i++) {
        assert_int_equal(c.r[i]->kind, BELOPP_KIND_CELL);
        assert_string_equal(c.r[i]->column_title, "Miljoner kronor");
        assert_null(c.r[i]->context);
        assert_int_equal(c.r[i]->has_repeats, 0);
    }
    assert_string_equal(c.r[0]->label, "Stockholm");
    assert_string_equal(c.r[0]->caption, "Fördelning per region");
    assert_int_equal(c.r[0]->value, 211100000000);
    assert_int_equal(c.r[0]->minor_exp, 2);
    assert_int_equal(c.r[0]->total, 0);
    assert_int_equal(c.r[2]->total, 1);
    assert_int_equal(c.r[2]->value, 248200000000);
    assert_int_equal(c.r[0]->line, 3);
    assert_int_equal(c.r[0]->col, 11);
    collected_free(&c);
}

/* A table's lines may stand between blank lines (or lines of spaces) as
 * headings do: its header, a section line, a subtotal.  None of them is the
 * heading of its cells; the title above the table is, also for the cells
 * after a subtotal labelled by the section line above them (the heading scan
 * once ran on from there to the last heading of the text). */
static void table_lines_are_no_headings(void **state)
{
    (void)state;
    collected c;
    const char *text = "Resultaträkning för Ekby\n\n"
                       "Belopp i tkr Not 2024 2023\n"
                       "   \n"
                       "Rörelsens intäkter\n"
                       "Nettoomsättning 1 86 402 83 115\n"
                       "Övriga intäkter 2 4 118 3 960\n"
                       "90 520 87 075\n"
                       "   \n"
                       "Rörelsens kostnader\n"
                       "Driftskostnader 3 -41 230 -39 874\n"
                       "\n"
                       "Sist i texten\n\n"
                       "Ingenting mer.\n";
    assert_int_equal(collect(text, &c), BELOPP_RESULT_OK);
    assert_true(c.n >= 6);
    for (size_t i = 0; i < c.n; i++) {
        assert_int_equal(c.r[i]->kind, BELOPP_KIND_CELL);
        assert_non_null(c.r[i]->heading);
        assert_string_equal(c.r[i]->heading, "Resultaträkning för Ekby");
    }
    assert_int_equal(c.r[c.n - 1]->value, -3987400000);
    collected_free(&c);
}

static void column_counts_characters(void **state)
{
    (void)state;
    collected c;
    /* col counts characters: "Å" and "ö" are one each */
    assert_int_equal(collect("Året blev bättre: nu 5 kronor.\nÖ 7 kr\n", &c), BELOPP_RESULT_OK);
    assert_int_equal(c.n, 2);
    assert_int_equal(c.r[0]->col, 22);
    assert_int_equal(c.r[0]->start, 23);
    assert_int_equal(c.r[1]->line, 2);
    assert_int_equal(c.r[1]->col, 3);
    collected_free(&c);
}

static void record_dup_owns_its_strings(void **state)
{
    (void)state;
    collected c;
    assert_int_equal(collect("Kostnaden blir 25 000 kronor per projekt.\n", &c), BELOPP_RESULT_OK);
    assert_int_equal(c.n, 1);
    belopp_record *d = belopp_record_dup(c.r[0]);
    assert_non_null(d);
    assert_ptr_not_equal(d->text, c.r[0]->text);
    assert_string_equal(d->text, "25 000 kronor");
    assert_string_equal(d->per, "projekt");
    assert_string_equal(d->source, "t.txt");
    assert_int_equal(strlen(d->sha256), 64);
    assert_null(d->label);
    belopp_record_free(d);
    belopp_record_free(NULL);
    collected_free(&c);
}

static void diagnostics_carry_codes(void **state)
{
    (void)state;
    collected c;
    assert_int_equal(collect("Det kostar 100 000 biljoner kronor. Ett fel \xFF h\xE4r.\n", &c),
                     BELOPP_RESULT_LEFT_OUT);
    assert_int_equal(c.n, 0);
    int overflow = 0, utf8 = 0;
    for (size_t i = 0; i < c.ncodes; i++) {
        overflow += c.codes[i] == BELOPP_DIAG_OVERFLOW;
        utf8 += c.codes[i] == BELOPP_DIAG_INVALID_UTF8 || c.codes[i] == BELOPP_DIAG_ENCODING;
    }
    assert_int_equal(overflow, 1);
    assert_true(utf8 >= 1);
    assert_string_equal(belopp_diag_code_name(BELOPP_DIAG_OVERFLOW), "overflow");
    assert_string_equal(belopp_diag_code_name(BELOPP_DIAG_INVALID_UTF8), "invalid-utf8");
    assert_string_equal(belopp_diag_code_name(BELOPP_DIAG_UNPLACED), "unplaced");
    assert_string_equal(belopp_diag_code_name((belopp_diag_code)999), "unknown");
    collected_free(&c);

    belopp_extractor *x = belopp_extractor_new(NULL, NULL, 0);
    memset(&c, 0, sizeof c);
    belopp_sink sink = {&c, on_begin, keep_record, keep_diag, on_end};
    assert_int_equal(belopp_extract_file(x, "/nonexistent/x.txt", &sink), BELOPP_RESULT_LEFT_OUT);
    assert_int_equal(c.begun, 0); /* nothing read: no document */
    assert_int_equal(c.ncodes, 1);
    assert_int_equal(c.codes[0], BELOPP_DIAG_READ);
    belopp_extractor_free(x);
}

/* Runs text through a writer of format f; returns the malloc'd output. */
static char *written(belopp_format f, const char *text)
{
    char *out = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&out, &len);
    belopp_writer *w = belopp_writer_new(f, mem);
    assert_int_equal(belopp_writer_head(w), 0);
    belopp_sink sink = belopp_writer_sink(w);
    belopp_extractor *x = belopp_extractor_new(NULL, NULL, 0);
    assert_int_equal(belopp_extract_buffer(x, "a\"b.txt", text, strlen(text), &sink),
                     BELOPP_RESULT_OK);
    assert_int_equal(belopp_writer_tail(w), 0);
    belopp_writer_free(w);
    belopp_extractor_free(x);
    fclose(mem);
    return out;
}

static void csv_quotes_strings_and_leaves_null_empty(void **state)
{
    (void)state;
    char *out = written(BELOPP_FORMAT_CSV, "Det \"nya\" bidraget, 5 kronor.\n");
    const char *row = strstr(out, "\r\n");
    assert_non_null(row);
    row += 2;
    /* source with a doubled quote; ore set, ore_low and ore_high NULL (empty),
     * no qualifier, per NULL, not a total, no sum, no repeats */
    assert_non_null(strstr(row, "\"a\"\"b.txt\","));
    assert_non_null(strstr(row, ",prose,SEK,2,500,,,,,,,,false,,,"));
    assert_non_null(strstr(row, ",\"5 kronor\",\"Det \"\"nya\"\" bidraget, 5 kronor.\","));
    assert_int_equal(strcmp(out + strlen(out) - 2, "\r\n"), 0);
    free(out);
}

static void jsonl_escapes_and_writes_null(void **state)
{
    (void)state;
    char *out = written(BELOPP_FORMAT_JSONL, "Det \"nya\"\\ bidraget: 5 kronor.\n");
    assert_non_null(strstr(out, "{\"source\":\"a\\\"b.txt\","));
    assert_non_null(strstr(out, "\"ore\":500,\"ore_low\":null,"));
    assert_non_null(strstr(out, "\"context\":\"Det \\\"nya\\\"\\\\ bidraget: 5 kronor.\""));
    assert_non_null(strstr(out, "\"total\":false"));
    assert_int_equal(out[strlen(out) - 1], '\n');
    assert_ptr_equal(strchr(out, '\n'), out + strlen(out) - 1); /* one line */
    free(out);
}

static void a_full_disk_is_an_error(void **state)
{
    (void)state;
    FILE *full = fopen("/dev/full", "w");
    if (!full)
        skip();
    for (int f = 0; f < 3; f++) {
        belopp_writer *w = belopp_writer_new((belopp_format)f, full);
        belopp_sink sink = belopp_writer_sink(w);
        belopp_writer_head(w);
        belopp_extractor *x = belopp_extractor_new(NULL, NULL, 0);
        belopp_result rc = belopp_extract_buffer(x, "x.txt", "5 kr\n", 5, &sink);
        /* the document's end flushes into /dev/full */
        assert_int_equal(rc, BELOPP_RESULT_SINK_FAILED);
        assert_int_equal(belopp_writer_tail(w), -1);
        belopp_writer_free(w);
        belopp_extractor_free(x);
        clearerr(full);
    }
    fclose(full);
}

static void names_parse(void **state)
{
    (void)state;
    belopp_format f;
    assert_int_equal(belopp_format_parse("csv", &f), 0);
    assert_int_equal(f, BELOPP_FORMAT_CSV);
    assert_int_equal(belopp_format_parse("jsonl", &f), 0);
    assert_int_equal(f, BELOPP_FORMAT_JSONL);
    assert_int_equal(belopp_format_parse("yaml", &f), -1);
    assert_string_equal(belopp_format_extension(BELOPP_FORMAT_JSONL), "jsonl");
    assert_string_equal(belopp_kind_name(BELOPP_KIND_HEADING), "heading");
    assert_string_equal(belopp_qualifier_name(BELOPP_QUAL_AT_MOST), "at-most");
    assert_null(belopp_qualifier_name(BELOPP_QUAL_NONE));
    assert_string_equal(belopp_sum_name(BELOPP_SUM_MISMATCH), "mismatch");
    assert_string_equal(belopp_version(), BELOPP_VERSION_STRING);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(heading_and_its_section),
        cmocka_unit_test(table_lines_are_no_headings),
        cmocka_unit_test(equal_values_of_different_items_are_two_facts),
        cmocka_unit_test(alike_sentences_with_other_dates_are_two_facts),
        cmocka_unit_test(lead_and_body_repeat),
        cmocka_unit_test(table_cells_and_total),
        cmocka_unit_test(column_counts_characters),
        cmocka_unit_test(record_dup_owns_its_strings),
        cmocka_unit_test(diagnostics_carry_codes),
        cmocka_unit_test(csv_quotes_strings_and_leaves_null_empty),
        cmocka_unit_test(jsonl_escapes_and_writes_null),
        cmocka_unit_test(a_full_disk_is_an_error),
        cmocka_unit_test(names_parse),
    };
    return cmocka_run_group_tests_name("record", tests, NULL, NULL);
}
