/* xml.c — records as XML (schema/belopp.xsd).
 *
 *   <belopp version="1">
 *     <document source="corpus/x.txt" sha256="…">
 *       <amount kind="prose" currency="SEK" ore="680000000000" start="412" end="432" line="9" col="21">
 *         <text>6,8 miljarder kronor</text>
 *         <sentence>Satsningen omfattar 6,8 miljarder kronor för 2021.</sentence>
 *       </amount>
 *     </document>
 *   </belopp>
 *
 * Written by hand into the shared buffer, not through xmlTextWriter: that
 * writer made about 60 small writes per amount and was 30 % of a run (see
 * the README's bench).  The layout and escaping are the ones xmlTextWriter
 * produced (two-space indent; in attributes & < > " and tab, LF, CR as
 * character references; in text & < > " and CR), so the goldens kept their
 * bytes.  The strings come cleaned from the record (valid UTF-8, nothing XML
 * 1.0 forbids); every test output is parsed back and checked against the
 * schema by libxml2, and the fuzzer checks that it parses.
 */
#include "writer.h"

#include <string.h>

/* Writes s escaped: attr selects the attribute rules.  Runs without a
 * character to escape go in one piece (strcspn finds their end). */
static int put_escaped(belopp_writer *w, const char *s, int attr)
{
    const char *special = attr ? "&<>\"\r\n\t" : "&<>\"\r";
    for (;;) {
        size_t run = strcspn(s, special);
        if (belopp_put(w, s, run) < 0)
            return -1;
        s += run;
        const char *rep;
        switch (*s) {
        case '\0': return 0;
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\r': rep = "&#13;"; break;
        case '\n': rep = "&#10;"; break;
        default: rep = "&#9;"; break; /* '\t' */
        }
        if (belopp_puts(w, rep) < 0)
            return -1;
        s++;
    }
}

/* A string literal and its length, for the pieces below: their lengths are
 * known when compiled, so no strlen per amount. */
#define LIT(s) s, sizeof s - 1
/* " name=\"" of an attribute: one piece */
#define NAME(name) LIT(" " name "=\"")

static int attr(belopp_writer *w, const char *name, size_t n, const char *value)
{
    return belopp_put(w, name, n) < 0 || put_escaped(w, value, 1) < 0 || belopp_put(w, "\"", 1) < 0
               ? -1
               : 0;
}

/* An integer attribute, written straight into the writer's buffer: name,
 * digits and quote in one place made once. */
static int attr_i64(belopp_writer *w, const char *name, size_t n, int64_t v)
{
    char *to = belopp_room(w, n + BELOPP_I64_DIGITS + 1);
    if (!to)
        return -1;
    memcpy(to, name, n);
    n += belopp_i64_digits(to + n, v);
    to[n++] = '"';
    w->len += n;
    return 0;
}

/* "      <name>value</name>\n" with open "      <name>" and close
 * "</name>\n"; nothing when value is NULL. */
static int element(belopp_writer *w, const char *open, size_t no, const char *close, size_t nc,
                   const char *value)
{
    if (!value)
        return 0;
    return belopp_put(w, open, no) < 0 || put_escaped(w, value, 0) < 0 || belopp_put(w, close, nc) < 0
               ? -1
               : 0;
}
#define ELEMENT(w, name, value) element(w, LIT("      <" name ">"), LIT("</" name ">\n"), value)

int belopp_xml_head(belopp_writer *w)
{
    return belopp_puts(w, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<belopp version=\"1\">\n");
}

int belopp_xml_tail(belopp_writer *w) { return belopp_puts(w, "</belopp>\n"); }

/* The start tag stays open until the first amount: a document without
 * amounts is written <document …/>. */
int belopp_xml_begin(belopp_writer *w, const belopp_doc *doc)
{
    w->doc_open = 1;
    return belopp_puts(w, "  <document") < 0 || attr(w, NAME("source"), doc->source) < 0 ||
                   attr(w, NAME("sha256"), doc->sha256) < 0
               ? -1
               : 0;
}

int belopp_xml_end(belopp_writer *w, const belopp_doc *doc)
{
    (void)doc;
    int open = w->doc_open;
    w->doc_open = 0;
    return belopp_puts(w, open ? "/>\n" : "  </document>\n");
}

int belopp_xml_record(belopp_writer *w, const belopp_record *r)
{
    if (w->doc_open) {
        w->doc_open = 0;
        if (belopp_puts(w, ">\n") < 0)
            return -1;
    }
    int sek = strcmp(r->currency, "SEK") == 0;
    if (belopp_put(w, LIT("    <amount")) < 0 || attr(w, NAME("kind"), belopp_kind_name(r->kind)) < 0 ||
        attr(w, NAME("currency"), r->currency) < 0)
        return -1;
    if (r->is_range ? (sek ? attr_i64(w, NAME("ore-low"), r->value) < 0 ||
                                 attr_i64(w, NAME("ore-high"), r->value_high) < 0
                           : attr_i64(w, NAME("minor-low"), r->value) < 0 ||
                                 attr_i64(w, NAME("minor-high"), r->value_high) < 0)
                    : (sek ? attr_i64(w, NAME("ore"), r->value) : attr_i64(w, NAME("minor"), r->value)) < 0)
        return -1;
    if (r->minor_exp != 2 && attr_i64(w, NAME("minor-exp"), r->minor_exp) < 0)
        return -1;
    if (attr_i64(w, NAME("start"), (int64_t)r->start) < 0 || attr_i64(w, NAME("end"), (int64_t)r->end) < 0 ||
        attr_i64(w, NAME("line"), (int64_t)r->line) < 0 || attr_i64(w, NAME("col"), (int64_t)r->col) < 0)
        return -1;
    if (r->qualifier && attr(w, NAME("qualifier"), belopp_qualifier_name(r->qualifier)) < 0)
        return -1;
    if (r->per && attr(w, NAME("per"), r->per) < 0)
        return -1;
    if (r->column_title && attr(w, NAME("column"), r->column_title) < 0)
        return -1;
    if (r->total && attr(w, NAME("total"), "true") < 0)
        return -1;
    if (r->sum && attr(w, NAME("sum"), belopp_sum_name(r->sum)) < 0)
        return -1;
    if (r->has_repeats && attr_i64(w, NAME("repeats"), (int64_t)r->repeats) < 0)
        return -1;
    if (belopp_put(w, LIT(">\n")) < 0 || ELEMENT(w, "text", r->text) < 0)
        return -1;
    if (r->kind == BELOPP_KIND_CELL ? ELEMENT(w, "label", r->label ? r->label : "") < 0 ||
                                          ELEMENT(w, "caption", r->caption) < 0
                                    : ELEMENT(w, "sentence", r->context ? r->context : "") < 0)
        return -1;
    if (ELEMENT(w, "heading", r->heading) < 0)
        return -1;
    return belopp_put(w, LIT("    </amount>\n"));
}
