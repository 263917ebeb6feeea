/* csv.c — records as CSV (RFC 4180): a header row, then a row per amount.
 *
 * Every string field is quoted, with quotes doubled, so that commas, quotes
 * and line breaks inside it stay in it; a field that does not apply is empty
 * and unquoted.  PostgreSQL's COPY … (FORMAT csv, HEADER) then reads the
 * first as the string (an empty string is "") and the second as NULL.
 * Lines end in CRLF, as RFC 4180 says.  The columns are those of the
 * database's amount table, plus the document's source and sha256.
 */
#include "writer.h"

#include <string.h>

static const char HEADER[] =
    "source,sha256,kind,currency,minor_exp,ore,ore_low,ore_high,minor,minor_low,minor_high,"
    "qualifier,per,total,sum,repeats,start_byte,end_byte,line,col,text,context,heading,label,"
    "column_title,caption\r\n";

int belopp_csv_head(belopp_writer *w) { return belopp_puts(w, HEADER); }

/* A string field after a comma (first: without it); NULL is left empty. */
static int field(belopp_writer *w, const char *s, int first)
{
    if (!first && belopp_put(w, ",", 1) < 0)
        return -1;
    if (!s)
        return 0;
    if (belopp_put(w, "\"", 1) < 0)
        return -1;
    for (const char *q; (q = strchr(s, '"')) != NULL; s = q + 1)
        if (belopp_put(w, s, (size_t)(q - s) + 1) < 0 || belopp_put(w, "\"", 1) < 0)
            return -1;
    return belopp_puts(w, s) < 0 || belopp_put(w, "\"", 1) < 0 ? -1 : 0;
}

static int number(belopp_writer *w, int present, int64_t v)
{
    if (belopp_put(w, ",", 1) < 0)
        return -1;
    return present ? belopp_put_i64(w, v) : 0;
}

static int word(belopp_writer *w, const char *s)
{
    return belopp_put(w, ",", 1) < 0 || (s && belopp_puts(w, s) < 0) ? -1 : 0;
}

int belopp_csv_record(belopp_writer *w, const belopp_record *r)
{
    int sek = strcmp(r->currency, "SEK") == 0, range = r->is_range;
    if (field(w, r->source, 1) < 0 || field(w, r->sha256, 0) < 0 ||
        word(w, belopp_kind_name(r->kind)) < 0 || word(w, r->currency) < 0 ||
        number(w, 1, r->minor_exp) < 0)
        return -1;
    if (number(w, sek && !range, r->value) < 0 || number(w, sek && range, r->value) < 0 ||
        number(w, sek && range, r->value_high) < 0 || number(w, !sek && !range, r->value) < 0 ||
        number(w, !sek && range, r->value) < 0 || number(w, !sek && range, r->value_high) < 0)
        return -1;
    if (word(w, belopp_qualifier_name(r->qualifier)) < 0 || field(w, r->per, 0) < 0 ||
        word(w, r->total ? "true" : "false") < 0 || word(w, belopp_sum_name(r->sum)) < 0 ||
        number(w, r->has_repeats, (int64_t)r->repeats) < 0)
        return -1;
    if (number(w, 1, (int64_t)r->start) < 0 || number(w, 1, (int64_t)r->end) < 0 ||
        number(w, 1, (int64_t)r->line) < 0 || number(w, 1, (int64_t)r->col) < 0)
        return -1;
    if (field(w, r->text, 0) < 0 || field(w, r->context, 0) < 0 || field(w, r->heading, 0) < 0 ||
        field(w, r->label, 0) < 0 || field(w, r->column_title, 0) < 0 ||
        field(w, r->caption, 0) < 0)
        return -1;
    return belopp_put(w, "\r\n", 2);
}
