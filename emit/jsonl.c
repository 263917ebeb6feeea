/* jsonl.c — records as JSON Lines: one object per amount and line.
 *
 * Every object has every key, null where a field does not apply, so the
 * three formats carry the same fields.  Money is a JSON integer written
 * exactly; readers that hold numbers as doubles (JavaScript, jq 1.6) round
 * values above 2^53 minor units (about 90 000 billion kronor): see README.
 */
#include "writer.h"

#include <string.h>

/* "key": then the string s escaped, or null. */
static int str(belopp_writer *w, const char *key, const char *s)
{
    if (belopp_puts(w, key) < 0)
        return -1;
    if (!s)
        return belopp_puts(w, "null");
    if (belopp_put(w, "\"", 1) < 0)
        return -1;
    const char *run = s;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        char esc[8];
        size_t n = 2;
        esc[0] = '\\';
        switch (c) {
        case '"': esc[1] = '"'; break;
        case '\\': esc[1] = '\\'; break;
        case '\n': esc[1] = 'n'; break;
        case '\r': esc[1] = 'r'; break;
        case '\t': esc[1] = 't'; break;
        default:
            memcpy(esc, "\\u00", 4);
            esc[4] = "0123456789abcdef"[c >> 4];
            esc[5] = "0123456789abcdef"[c & 15];
            n = 6;
        }
        if (belopp_put(w, run, (size_t)(s - run)) < 0 || belopp_put(w, esc, n) < 0)
            return -1;
        run = s + 1;
    }
    return belopp_put(w, run, (size_t)(s - run)) < 0 || belopp_put(w, "\"", 1) < 0 ? -1 : 0;
}

static int num(belopp_writer *w, const char *key, int present, int64_t v)
{
    if (belopp_puts(w, key) < 0)
        return -1;
    return present ? belopp_put_i64(w, v) : belopp_puts(w, "null");
}

int belopp_jsonl_record(belopp_writer *w, const belopp_record *r)
{
    int sek = strcmp(r->currency, "SEK") == 0, range = r->is_range;
    if (str(w, "{\"source\":", r->source) < 0 || str(w, ",\"sha256\":", r->sha256) < 0 ||
        str(w, ",\"kind\":", belopp_kind_name(r->kind)) < 0 ||
        str(w, ",\"currency\":", r->currency) < 0 || num(w, ",\"minor_exp\":", 1, r->minor_exp) < 0)
        return -1;
    if (num(w, ",\"ore\":", sek && !range, r->value) < 0 ||
        num(w, ",\"ore_low\":", sek && range, r->value) < 0 ||
        num(w, ",\"ore_high\":", sek && range, r->value_high) < 0 ||
        num(w, ",\"minor\":", !sek && !range, r->value) < 0 ||
        num(w, ",\"minor_low\":", !sek && range, r->value) < 0 ||
        num(w, ",\"minor_high\":", !sek && range, r->value_high) < 0)
        return -1;
    if (str(w, ",\"qualifier\":", belopp_qualifier_name(r->qualifier)) < 0 ||
        str(w, ",\"per\":", r->per) < 0 ||
        belopp_puts(w, r->total ? ",\"total\":true" : ",\"total\":false") < 0 ||
        str(w, ",\"sum\":", belopp_sum_name(r->sum)) < 0 ||
        num(w, ",\"repeats\":", r->has_repeats, (int64_t)r->repeats) < 0)
        return -1;
    if (num(w, ",\"start_byte\":", 1, (int64_t)r->start) < 0 ||
        num(w, ",\"end_byte\":", 1, (int64_t)r->end) < 0 ||
        num(w, ",\"line\":", 1, (int64_t)r->line) < 0 || num(w, ",\"col\":", 1, (int64_t)r->col) < 0)
        return -1;
    if (str(w, ",\"text\":", r->text) < 0 || str(w, ",\"context\":", r->context) < 0 ||
        str(w, ",\"heading\":", r->heading) < 0 || str(w, ",\"label\":", r->label) < 0 ||
        str(w, ",\"column_title\":", r->column_title) < 0 || str(w, ",\"caption\":", r->caption) < 0)
        return -1;
    return belopp_puts(w, "}\n");
}
