/* out.c — a diff written for people (text) or for programs (CSV, JSON
 * Lines, XML), and the exact arithmetic behind every printed figure.
 *
 * Every money figure and percent printed comes from integers: values are
 * minor units (öre), a delta is the difference of two int64 in 128 bits,
 * a percent is delta * 1000 / |old| in tenths, rounded half away from zero.
 * For people a value is written in kronor with digit groups ("2 400 000 000",
 * "12,50" when there are öre) and a percent as "+4,2 %"; for programs in öre
 * ("240000000000", a range "LOW..HIGH") and "4.2". */
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlwriter.h>

#include "diff.h"

char *diff_i128_str(diff_i128 v, char *buf)
{
    char tmp[48];
    int n = 0, neg = v < 0;
    diff_u128 u = neg ? (diff_u128)0 - (diff_u128)v : (diff_u128)v;
    do {
        tmp[n++] = (char)('0' + (int)(u % 10));
        u /= 10;
    } while (u);
    char *w = buf;
    if (neg)
        *w++ = '-';
    while (n)
        *w++ = tmp[--n];
    *w = 0;
    return buf;
}

int diff_percent_tenths(diff_i128 delta, int64_t base, diff_i128 *tenths)
{
    if (base == 0)
        return -1;
    int neg = delta < 0;
    diff_u128 a = neg ? (diff_u128)0 - (diff_u128)delta : (diff_u128)delta;
    diff_u128 b = base < 0 ? (diff_u128)0 - (diff_u128)(diff_i128)base
                                   : (diff_u128)base;
    a *= 1000; /* |delta| < 2^64, so this fits */
    diff_u128 q = a / b, r = a % b;
    if (r * 2 >= b)
        q++;
    *tenths = neg ? -(diff_i128)q : (diff_i128)q;
    return 0;
}

/* ------------------------------------------------------------------------ */
/* Figures of one line                                                      */

typedef struct {
    int has_delta, is_range, has_pct;
    diff_i128 dlo, dhi, pct;
    diff_i128 magnitude; /* for --sort change: |delta|, or |value| unpaired */
} figures;

static diff_i128 absv(diff_i128 v)
{
    return v < 0 ? -v : v;
}

static figures line_figures(const diff_line *l)
{
    figures f = {0};
    if (l->old && l->new && strcmp(l->old->currency, l->new->currency) == 0) {
        f.has_delta = 1;
        f.dlo = (diff_i128)l->new->value - l->old->value;
        f.dhi = (diff_i128)l->new->value_high - l->old->value_high;
        f.is_range = f.dlo != f.dhi;
        f.magnitude = absv(f.dlo) > absv(f.dhi) ? absv(f.dlo) : absv(f.dhi);
        if (!l->old->is_range && !l->new->is_range)
            f.has_pct = diff_percent_tenths(f.dlo, l->old->value, &f.pct) == 0;
    } else {
        const belopp_record *r = l->new ? l->new : l->old;
        f.magnitude = absv((diff_i128)r->value_high);
    }
    return f;
}

/* A value in minor units for programs: "240000000000" or "LOW..HIGH". */
static char *minor_str(const belopp_record *r, char *buf)
{
    char a[48], b[48];
    if (r->is_range)
        sprintf(buf, "%s..%s", diff_i128_str(r->value, a), diff_i128_str(r->value_high, b));
    else
        diff_i128_str(r->value, buf);
    return buf;
}

static char *delta_str(const figures *f, char *buf)
{
    char a[48], b[48];
    if (!f->has_delta)
        buf[0] = 0;
    else if (f->is_range)
        sprintf(buf, "%s..%s", diff_i128_str(f->dlo, a), diff_i128_str(f->dhi, b));
    else
        diff_i128_str(f->dlo, buf);
    return buf;
}

/* Tenths of a percent as "4.2" / "-0.5", or for people with a comma and the
 * same minus sign as their amounts: "−18,2". */
static char *pct_str(diff_i128 t, char sep, int plus, char *buf)
{
    char d[48];
    diff_i128 a = absv(t);
    const char *minus = sep == ',' ? "\xe2\x88\x92" : "-";
    sprintf(buf, "%s%s%c%d", t < 0 ? minus : (plus && t > 0 ? "+" : ""), diff_i128_str(a / 10, d), sep,
            (int)(a % 10));
    return buf;
}

static char *score_str(int permille, char *buf)
{
    sprintf(buf, "%d.%03d", permille / 1000, permille % 1000);
    return buf;
}

/* For people: minor units as kronor with digit groups: "-1 250 000,50". */
static char *people_amount(diff_i128 v, int minor_exp, int plus, char *buf)
{
    char digits[48];
    diff_i128 a = absv(v), unit = 1;
    for (int i = 0; i < minor_exp && i < 30; i++)
        unit *= 10;
    diff_i128_str(a / unit, digits);
    diff_i128 frac = a % unit;
    char *w = buf;
    if (v < 0)
        w += sprintf(w, "\xe2\x88\x92"); /* − */
    else if (plus && v > 0)
        *w++ = '+';
    size_t n = strlen(digits);
    for (size_t i = 0; i < n; i++) {
        if (i && (n - i) % 3 == 0)
            *w++ = ' ';
        *w++ = digits[i];
    }
    if (frac) {
        char f[48];
        diff_i128_str(frac + unit, f); /* leading 1 keeps the zeros */
        w += sprintf(w, ",%s", f + 1);
    }
    *w = 0;
    return buf;
}

static char *people_value(const belopp_record *r, char *buf)
{
    char a[96], b[96];
    if (r->is_range)
        sprintf(buf, "%s\xe2\x80\x93%s", people_amount(r->value, r->minor_exp, 0, a),
                people_amount(r->value_high, r->minor_exp, 0, b)); /* – */
    else
        people_amount(r->value, r->minor_exp, 0, buf);
    if (strcmp(r->currency, "SEK") != 0)
        sprintf(buf + strlen(buf), " %s", r->currency);
    return buf;
}

/* ------------------------------------------------------------------------ */
/* Order                                                                    */

typedef struct {
    diff_line *l;
    figures f;
} row;

static int row_cmp(const row *a, const row *b, int by_change)
{
    if (a->l->group_order != b->l->group_order)
        return a->l->group_order < b->l->group_order ? -1 : 1;
    if (by_change && a->f.magnitude != b->f.magnitude)
        return a->f.magnitude > b->f.magnitude ? -1 : 1;
    return a->l->order < b->l->order ? -1 : a->l->order > b->l->order;
}

static int row_cmp_position(const void *x, const void *y)
{
    return row_cmp(x, y, 0);
}

/* Within a group, the largest change first (an added or removed figure
 * counts with its whole value). */
static int row_cmp_change(const void *x, const void *y)
{
    return row_cmp(x, y, 1);
}

/* ------------------------------------------------------------------------ */
/* Text                                                                     */

/* Characters (code points) in s. */
static size_t width(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* At most w characters of s, "…" at the end when cut. */
static void fit(const char *s, size_t w, char *buf)
{
    if (width(s) <= w) {
        strcpy(buf, s);
        return;
    }
    size_t n = 0, i = 0;
    for (; s[i]; i++) {
        if (((unsigned char)s[i] & 0xC0) != 0x80) {
            if (n == w - 1)
                break;
            n++;
        }
    }
    memcpy(buf, s, i);
    strcpy(buf + i, "\xe2\x80\xa6");
}

static void pad(FILE *out, const char *s, size_t w, int right)
{
    size_t n = width(s);
    if (right)
        for (; n < w; n++)
            fputc(' ', out);
    fputs(s, out);
    if (!right)
        for (; n < w; n++)
            fputc(' ', out);
}

#define WHAT_MAX 48

typedef struct {
    char what[WHAT_MAX * 4 + 8];
    char old[200], new[200], change[200], pct[64];
} text_cells;

static void text_cells_of(const row *r, text_cells *c)
{
    const diff_line *l = r->l;
    fit(l->what, WHAT_MAX, c->what);
    c->old[0] = c->new[0] = c->change[0] = c->pct[0] = 0;
    if (l->old)
        people_value(l->old, c->old);
    if (l->new)
        people_value(l->new, c->new);
    if (r->f.has_delta && l->status == DIFF_CHANGED) {
        char a[96], b[96];
        int e = l->new->minor_exp;
        if (r->f.is_range)
            sprintf(c->change, "%s\xe2\x80\x93%s", people_amount(r->f.dlo, e, 1, a),
                    people_amount(r->f.dhi, e, 1, b));
        else
            people_amount(r->f.dlo, e, 1, c->change);
        if (r->f.has_pct) {
            char p[48];
            snprintf(c->pct, sizeof c->pct, "%s %%", pct_str(r->f.pct, ',', 1, p));
        }
    }
}

static int write_text(FILE *out, int colour, const diff_side *old, const diff_side *new, row *rows,
                      size_t n)
{
    size_t count[4] = {0};
    size_t w_what = 4, w_old = 3, w_new = 3, w_change = 6, w_pct = 1;
    text_cells c;
    for (size_t i = 0; i < n; i++) {
        count[rows[i].l->status]++;
        text_cells_of(&rows[i], &c);
        size_t k;
        if ((k = width(c.what)) > w_what) w_what = k;
        if ((k = width(c.old)) > w_old) w_old = k;
        if ((k = width(c.new)) > w_new) w_new = k;
        if ((k = width(c.change)) > w_change) w_change = k;
        if ((k = width(c.pct)) > w_pct) w_pct = k;
    }
    const char *bold = colour ? "\x1b[1m" : "", *reset = colour ? "\x1b[0m" : "";
    fprintf(out, "%sbelopp diff%s %s \xe2\x86\x92 %s\n", bold, reset, old->name, new->name);
    fprintf(out, "%zu changed, %zu same, %zu added, %zu removed (values in kronor)\n",
            count[DIFF_CHANGED], count[DIFF_SAME], count[DIFF_ADDED], count[DIFF_REMOVED]);
    const char *group = NULL;
    for (size_t i = 0; i < n; i++) {
        const diff_line *l = rows[i].l;
        if (!group || strcmp(group, l->group) != 0) {
            group = l->group;
            fprintf(out, "\n%s%s%s\n", bold, group, reset);
            fputs("  ", out);
            pad(out, "status", 8, 0);
            fputs("  ", out);
            pad(out, "what", w_what, 0);
            fputs("  ", out);
            pad(out, "old", w_old, 1);
            fputs("  ", out);
            pad(out, "new", w_new, 1);
            fputs("  ", out);
            pad(out, "change", w_change, 1);
            fputs("  ", out);
            pad(out, "%", w_pct, 1);
            fputc('\n', out);
        }
        text_cells_of(&rows[i], &c);
        static const char *const col[] = {"\x1b[2m", "\x1b[33m", "\x1b[32m", "\x1b[31m"};
        fputs("  ", out);
        if (colour)
            fputs(col[l->status], out);
        pad(out, diff_status_name(l->status), 8, 0);
        fputs("  ", out);
        pad(out, c.what, w_what, 0);
        fputs("  ", out);
        pad(out, c.old, w_old, 1);
        fputs("  ", out);
        pad(out, c.new, w_new, 1);
        fputs("  ", out);
        pad(out, c.change, w_change, 1);
        fputs("  ", out);
        pad(out, c.pct, w_pct, 1);
        if (colour)
            fputs(reset, out);
        fputc('\n', out);
    }
    return 0;
}

/* ------------------------------------------------------------------------ */
/* CSV and JSON Lines                                                       */

static void csv_field(FILE *out, const char *s)
{
    if (!s)
        return;
    if (!*s) {
        fputs("\"\"", out);
        return;
    }
    if (!strpbrk(s, ",\"\r\n") && s[0] != ' ' && s[strlen(s) - 1] != ' ') {
        fputs(s, out);
        return;
    }
    fputc('"', out);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', out);
        fputc(*s, out);
    }
    fputc('"', out);
}

static void json_str(FILE *out, const char *s)
{
    if (!s) {
        fputs("null", out);
        return;
    }
    fputc('"', out);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            fprintf(out, "\\%c", c);
        else if (c == '\n')
            fputs("\\n", out);
        else if (c < 0x20 || c == 0x7f)
            fprintf(out, "\\u%04x", c);
        else
            fputc(c, out);
    }
    fputc('"', out);
}

static const char *currency_of(const diff_line *l)
{
    return l->new ? l->new->currency : l->old->currency;
}

typedef struct {
    char old[100], new[100], delta[100], pct[48], score[16], os[24], oe[24], ns[24], ne[24];
} machine_cells;

static void machine_cells_of(const row *r, machine_cells *m)
{
    const diff_line *l = r->l;
    memset(m, 0, sizeof *m);
    if (l->old) {
        minor_str(l->old, m->old);
        sprintf(m->os, "%llu", (unsigned long long)l->old->start);
        sprintf(m->oe, "%llu", (unsigned long long)l->old->end);
    }
    if (l->new) {
        minor_str(l->new, m->new);
        sprintf(m->ns, "%llu", (unsigned long long)l->new->start);
        sprintf(m->ne, "%llu", (unsigned long long)l->new->end);
    }
    delta_str(&r->f, m->delta);
    if (r->f.has_pct)
        pct_str(r->f.pct, '.', 0, m->pct);
    if (l->old && l->new)
        score_str(l->score, m->score);
}

static const char *kind_of(const diff_line *l)
{
    return belopp_kind_name((l->new ? l->new : l->old)->kind);
}

static int write_csv(FILE *out, row *rows, size_t n)
{
    fputs("status,what,currency,old_value,new_value,delta,old_source,old_start,old_end,"
          "new_source,new_start,new_end,score,percent,kind,group,old_text,new_text\r\n",
          out);
    machine_cells m;
    for (size_t i = 0; i < n; i++) {
        const diff_line *l = rows[i].l;
        machine_cells_of(&rows[i], &m);
        const char *f[] = {diff_status_name(l->status), l->what, currency_of(l), m.old, m.new, m.delta,
                           l->old ? l->old->source : "", m.os, m.oe, l->new ? l->new->source : "",
                           m.ns, m.ne, m.score, m.pct, kind_of(l), l->group,
                           l->old ? l->old->text : "", l->new ? l->new->text : ""};
        for (size_t k = 0; k < sizeof f / sizeof f[0]; k++) {
            if (k)
                fputc(',', out);
            /* an empty field is "no value": written bare */
            if (f[k] && *f[k])
                csv_field(out, f[k]);
        }
        fputs("\r\n", out);
    }
    return 0;
}

static void json_value(FILE *out, const belopp_record *r)
{
    char a[48], b[48];
    if (!r)
        fputs("null", out);
    else if (r->is_range)
        fprintf(out, "{\"low\":%s,\"high\":%s}", diff_i128_str(r->value, a), diff_i128_str(r->value_high, b));
    else
        fputs(diff_i128_str(r->value, a), out);
}

static int write_jsonl(FILE *out, row *rows, size_t n)
{
    machine_cells m;
    for (size_t i = 0; i < n; i++) {
        const diff_line *l = rows[i].l;
        machine_cells_of(&rows[i], &m);
        fputs("{\"status\":", out);
        json_str(out, diff_status_name(l->status));
        fputs(",\"what\":", out);
        json_str(out, l->what);
        fputs(",\"currency\":", out);
        json_str(out, currency_of(l));
        fputs(",\"old_value\":", out);
        json_value(out, l->old);
        fputs(",\"new_value\":", out);
        json_value(out, l->new);
        fputs(",\"delta\":", out);
        if (!rows[i].f.has_delta)
            fputs("null", out);
        else if (rows[i].f.is_range) {
            char a[48], b[48];
            fprintf(out, "{\"low\":%s,\"high\":%s}", diff_i128_str(rows[i].f.dlo, a),
                    diff_i128_str(rows[i].f.dhi, b));
        } else
            fputs(m.delta, out);
        const belopp_record *side[2] = {l->old, l->new};
        const char *name[2] = {"old", "new"};
        for (int k = 0; k < 2; k++) {
            fprintf(out, ",\"%s_source\":", name[k]);
            json_str(out, side[k] ? side[k]->source : NULL);
            if (side[k])
                fprintf(out, ",\"%s_start\":%llu,\"%s_end\":%llu", name[k],
                        (unsigned long long)side[k]->start, name[k], (unsigned long long)side[k]->end);
            else
                fprintf(out, ",\"%s_start\":null,\"%s_end\":null", name[k], name[k]);
        }
        fprintf(out, ",\"score\":%s,\"percent\":%s,\"kind\":", *m.score ? m.score : "null",
                *m.pct ? m.pct : "null");
        json_str(out, kind_of(l));
        fputs(",\"group\":", out);
        json_str(out, l->group);
        fputs(",\"old_text\":", out);
        json_str(out, l->old ? l->old->text : NULL);
        fputs(",\"new_text\":", out);
        json_str(out, l->new ? l->new->text : NULL);
        fputs("}\n", out);
    }
    return 0;
}

/* ------------------------------------------------------------------------ */
/* XML                                                                      */

/* s with every byte that is not part of valid UTF-8 allowed by XML 1.0
 * replaced by '?' (file names come from the user). */
static char *xml_clean(const char *s)
{
    size_t n = strlen(s);
    char *o = malloc(n + 1);
    if (!o)
        return NULL;
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        size_t k = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
        int ok = k > 0 && i + k <= n && (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') && c != 0x7f;
        for (size_t j = 1; ok && j < k; j++)
            ok = ((unsigned char)s[i + j] & 0xC0) == 0x80;
        if (ok && k > 1 && c < 0xC2)
            ok = 0;
        if (ok) {
            memcpy(o + i, s + i, k);
            i += k;
        } else {
            o[i++] = '?';
        }
    }
    o[n] = 0;
    return o;
}

#define X(call)                                                                                    \
    do {                                                                                           \
        if ((call) < 0)                                                                            \
            goto fail;                                                                             \
    } while (0)

static int x_attr(xmlTextWriterPtr w, const char *name, const char *v)
{
    if (!v || !*v)
        return 0;
    char *c = xml_clean(v);
    if (!c)
        return -1;
    int rc = xmlTextWriterWriteAttribute(w, (const xmlChar *)name, (const xmlChar *)c);
    free(c);
    return rc;
}

static int x_elem(xmlTextWriterPtr w, const char *name, const char *v)
{
    if (!v)
        return 0;
    char *c = xml_clean(v);
    if (!c)
        return -1;
    int rc = xmlTextWriterWriteElement(w, (const xmlChar *)name, (const xmlChar *)c);
    free(c);
    return rc;
}

static int write_xml(FILE *out, const diff_side *old, const diff_side *new, row *rows, size_t n)
{
    xmlOutputBufferPtr buf = xmlOutputBufferCreateFile(out, NULL);
    if (!buf)
        return -1;
    xmlTextWriterPtr w = xmlNewTextWriter(buf); /* owns buf from here */
    if (!w) {
        xmlOutputBufferClose(buf);
        return -1;
    }
    machine_cells m;
    X(xmlTextWriterSetIndent(w, 1));
    X(xmlTextWriterSetIndentString(w, (const xmlChar *)"  "));
    X(xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL));
    X(xmlTextWriterStartElement(w, (const xmlChar *)"belopp-diff"));
    X(x_attr(w, "version", "1"));
    X(x_attr(w, "old", old->name));
    X(x_attr(w, "new", new->name));
    for (size_t i = 0; i < n; i++) {
        const diff_line *l = rows[i].l;
        machine_cells_of(&rows[i], &m);
        X(xmlTextWriterStartElement(w, (const xmlChar *)"line"));
        X(x_attr(w, "status", diff_status_name(l->status)));
        X(x_attr(w, "currency", currency_of(l)));
        X(x_attr(w, "old-value", m.old));
        X(x_attr(w, "new-value", m.new));
        X(x_attr(w, "delta", m.delta));
        X(x_attr(w, "percent", m.pct));
        X(x_attr(w, "score", m.score));
        X(x_attr(w, "kind", kind_of(l)));
        X(x_elem(w, "what", l->what));
        X(x_elem(w, "group", l->group));
        const belopp_record *side[2] = {l->old, l->new};
        const char *name[2] = {"old", "new"};
        for (int k = 0; k < 2; k++) {
            if (!side[k])
                continue;
            char s[24], e[24];
            sprintf(s, "%llu", (unsigned long long)side[k]->start);
            sprintf(e, "%llu", (unsigned long long)side[k]->end);
            X(xmlTextWriterStartElement(w, (const xmlChar *)name[k]));
            X(x_attr(w, "source", side[k]->source));
            X(x_attr(w, "start", s));
            X(x_attr(w, "end", e));
            X(x_elem(w, "text", side[k]->text));
            X(xmlTextWriterEndElement(w));
        }
        X(xmlTextWriterEndElement(w));
    }
    X(xmlTextWriterEndElement(w));
    X(xmlTextWriterEndDocument(w));
    xmlFreeTextWriter(w);
    return 0;
fail:
    xmlFreeTextWriter(w);
    return -1;
}

int diff_write(FILE *out, diff_format f, diff_sort sort, int colour, const diff_side *old,
               const diff_side *new, diff_result *res)
{
    row *rows = malloc((res->n ? res->n : 1) * sizeof *rows);
    if (!rows)
        return -1;
    for (size_t i = 0; i < res->n; i++) {
        rows[i].l = &res->lines[i];
        rows[i].f = line_figures(&res->lines[i]);
    }
    qsort(rows, res->n, sizeof *rows, sort == DIFF_SORT_CHANGE ? row_cmp_change : row_cmp_position);
    int rc;
    switch (f) {
    case DIFF_OUT_CSV: rc = write_csv(out, rows, res->n); break;
    case DIFF_OUT_JSONL: rc = write_jsonl(out, rows, res->n); break;
    case DIFF_OUT_XML: rc = write_xml(out, old, new, rows, res->n); break;
    default: rc = write_text(out, colour, old, new, rows, res->n); break;
    }
    free(rows);
    if (fflush(out) != 0 || ferror(out))
        rc = -1;
    return rc;
}
