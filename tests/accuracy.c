/* accuracy.c — measures belopp's output against hand-made lists of the
 * amounts a careful reader finds in each text.
 *
 * Usage: accuracy EXPECTED_DIR FILE.xml...
 *
 * For every <document source=".../NAME.ext"> in the FILEs, the <amount>
 * elements are compared with EXPECTED_DIR/NAME.tsv: one amount per line,
 *     LINE<TAB>TEXT AS WRITTEN<TAB>VALUE[<TAB>ATTRS]
 * where VALUE is "CUR MINOR" or "CUR LOW..HIGH" (minor units: öre, cent).
 * Empty lines and lines starting with '#' are comments.
 *
 * An output amount is read from its attributes: line, currency, and ore or
 * minor, or ore-low/ore-high (minor-low/minor-high) for a range, qualifier
 * and per.  ATTRS is "key=value" pairs separated by spaces; a value may hold
 * spaces ("per=listad patient och år") and runs to the next known key
 * (qualifier, per, label, column, unit).  Two amounts match when line,
 * currency, value(s), qualifier and per are equal (an absent qualifier or
 * per must be absent on both sides); the text, label and unit are only
 * shown.  A matched cell whose list names a column must carry that column
 * title: disagreements are printed as COLUMN lines and counted in "columns:
 * A of C … agree" (make check fails unless A == C > 0).  per is the per-phrase as written after the amount: "månad" of
 * "per månad", "listad patient och år", "mån" of "kr/mån", "månaden" of "i
 * månaden", "årligen".  Each expected amount matches at most once.
 *
 * Prints "NAME: tp fp fn" per document, then its false positives and false
 * negatives, then the totals, precision and recall.  Exit status 0 (it is a
 * measurement, not a test); 2 for a usage error or unreadable input.
 *
 * Each FILE is read by us and parsed from memory with network access off and
 * a loader that refuses every external entity; entities are not substituted.
 */
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

struct amount {
    long line;
    char cur[4];
    int has_value;      /* 0: the output amount carried no usable value */
    int64_t lo, hi;     /* lo == hi for a single value */
    char *text;         /* as written, control characters escaped */
    char *attrs;        /* shown */
    char *qualifier;    /* compared: "approx", …, or NULL */
    char *per;          /* compared: "månad", …, or NULL */
    char *column;       /* checked on a match: the column title, or NULL */
    int matched;
    size_t pair;        /* an output amount's match in the list, when matched */
};

struct list {
    struct amount *v;
    size_t n, cap;
};

static void die_oom(void)
{
    fputs("accuracy: out of memory\n", stderr);
    exit(2);
}

static char *dup_str(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (!d)
        die_oom();
    memcpy(d, s, n);
    return d;
}

/* A copy of s with newlines, tabs and other control characters shown as
 * escapes, so that every report stays on one line. */
static char *escaped(const char *s)
{
    size_t n = strlen(s);
    char *d = malloc(4 * n + 1), *p = d;
    if (!d)
        die_oom();
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '\n') {
            *p++ = '\\';
            *p++ = 'n';
        } else if (c == '\t') {
            *p++ = '\\';
            *p++ = 't';
        } else if (c == '\r') {
            *p++ = '\\';
            *p++ = 'r';
        } else if (c < 0x20 || c == 0x7f) {
            p += sprintf(p, "\\x%02x", c);
        } else {
            *p++ = (char)c;
        }
    }
    *p = '\0';
    return d;
}

static struct amount *push(struct list *l)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 64;
        struct amount *v = realloc(l->v, cap * sizeof *v);
        if (!v)
            die_oom();
        l->v = v;
        l->cap = cap;
    }
    struct amount *a = &l->v[l->n++];
    memset(a, 0, sizeof *a);
    return a;
}

static void clear(struct list *l)
{
    for (size_t i = 0; i < l->n; i++) {
        free(l->v[i].text);
        free(l->v[i].attrs);
        free(l->v[i].qualifier);
        free(l->v[i].per);
        free(l->v[i].column);
    }
    l->n = 0;
}

/* Whole-string conversions; 0 on success. */
static int parse_i64(const char *s, const char *end, int64_t *out)
{
    char buf[32];
    size_t n = (size_t)(end - s);
    if (n == 0 || n >= sizeof buf)
        return -1;
    memcpy(buf, s, n);
    buf[n] = '\0';
    if (!(buf[0] == '-' || buf[0] == '+' || (buf[0] >= '0' && buf[0] <= '9')))
        return -1;
    char *e;
    errno = 0;
    long long v = strtoll(buf, &e, 10);
    if (errno || *e || e == buf)
        return -1;
    *out = (int64_t)v;
    return 0;
}

static int parse_line(const char *s, long *out)
{
    if (!s || !(*s >= '0' && *s <= '9'))
        return -1;
    char *e;
    errno = 0;
    long v = strtol(s, &e, 10);
    if (errno || *e || v <= 0)
        return -1;
    *out = v;
    return 0;
}

static int is_currency(const char *s, size_t n)
{
    if (n != 3)
        return 0;
    for (size_t i = 0; i < 3; i++)
        if (s[i] < 'A' || s[i] > 'Z')
            return 0;
    return 1;
}

/* "SEK 680000000000" or "SEK 400000000000..500000000000". */
static int parse_value(const char *s, struct amount *a)
{
    const char *sp = strchr(s, ' ');
    if (!sp || !is_currency(s, (size_t)(sp - s)))
        return -1;
    memcpy(a->cur, s, 3);
    a->cur[3] = '\0';
    while (*sp == ' ')
        sp++;
    const char *end = sp + strlen(sp);
    while (end > sp && end[-1] == ' ')
        end--;
    const char *dots = strstr(sp, "..");
    if (dots && dots < end) {
        if (parse_i64(sp, dots, &a->lo) || parse_i64(dots + 2, end, &a->hi))
            return -1;
    } else {
        if (parse_i64(sp, end, &a->lo))
            return -1;
        a->hi = a->lo;
    }
    a->has_value = 1;
    return 0;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 14, n = 0;
    char *b = malloc(cap + 1);
    if (!b)
        die_oom();
    for (;;) {
        if (n == cap) {
            char *nb = realloc(b, (cap *= 2) + 1);
            if (!nb)
                die_oom();
            b = nb;
        }
        size_t got = fread(b + n, 1, cap - n, f);
        if (got == 0)
            break;
        n += got;
    }
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        free(b);
        return NULL;
    }
    b[n] = '\0';
    *len = n;
    return b;
}

static const char *const KEYS[] = { "qualifier", "per", "label", "column", "unit" };

/* Does attrs[i] start one of KEYS followed by '='?  Returns its length or 0. */
static size_t key_at(const char *attrs, size_t i)
{
    for (size_t k = 0; k < sizeof KEYS / sizeof *KEYS; k++) {
        size_t n = strlen(KEYS[k]);
        if (strncmp(attrs + i, KEYS[k], n) == 0 && attrs[i + n] == '=')
            return n;
    }
    return 0;
}

/* The value of key in ATTRS ("qualifier=approx per=listad patient och år"),
 * malloc'd, or NULL when absent.  *bad is set when ATTRS holds text that is
 * not a known key=value pair. */
static char *attr_value(const char *attrs, const char *key, int *bad)
{
    char *found = NULL;
    size_t i = 0, n = strlen(attrs);
    while (i < n && attrs[i] == ' ')
        i++;
    if (i < n && !key_at(attrs, i))
        *bad = 1;
    while (i < n) {
        size_t kl = key_at(attrs, i);
        size_t v = i + kl + 1, e = v;
        /* the value runs to the next " key=" */
        while (e < n && !(attrs[e] == ' ' && key_at(attrs, e + 1)))
            e++;
        size_t ve = e;
        while (ve > v && attrs[ve - 1] == ' ')
            ve--;
        if (kl == strlen(key) && strncmp(attrs + i, key, kl) == 0 && !found) {
            found = malloc(ve - v + 1);
            if (!found)
                die_oom();
            memcpy(found, attrs + v, ve - v);
            found[ve - v] = '\0';
        }
        i = e;
        while (i < n && attrs[i] == ' ')
            i++;
    }
    return found;
}

/* Reads EXPECTED_DIR/NAME.tsv into l.  Returns 0, or -1 when the file does
 * not exist.  Malformed lines are reported and left out. */
static int read_expected(const char *path, struct list *l)
{
    size_t len;
    char *buf = slurp(path, &len);
    if (!buf)
        return -1;
    long lineno = 0;
    char *save = buf;
    while (save && *save) {
        char *line = save;
        char *nl = strchr(line, '\n');
        if (nl) {
            *nl = '\0';
            save = nl + 1;
        } else {
            save = NULL;
        }
        lineno++;
        size_t n = strlen(line);
        if (n && line[n - 1] == '\r')
            line[--n] = '\0';
        if (n == 0 || line[0] == '#')
            continue;
        char *f[4] = { line, NULL, NULL, NULL };
        int nf = 1;
        for (char *p = line; *p && nf < 4; p++)
            if (*p == '\t') {
                *p = '\0';
                f[nf++] = p + 1;
            }
        struct amount *a = push(l);
        if (nf < 3 || parse_line(f[0], &a->line) || parse_value(f[2], a)) {
            fprintf(stderr, "accuracy: %s:%ld: not LINE<TAB>TEXT<TAB>CUR VALUE[..HIGH], left out\n",
                    path, lineno);
            l->n--;
            continue;
        }
        a->text = escaped(f[1]);
        a->attrs = escaped(f[3] ? f[3] : "");
        int bad = 0;
        a->qualifier = attr_value(f[3] ? f[3] : "", "qualifier", &bad);
        a->per = attr_value(f[3] ? f[3] : "", "per", &bad);
        a->column = attr_value(f[3] ? f[3] : "", "column", &bad);
        if (bad)
            fprintf(stderr, "accuracy: %s:%ld: ATTRS is not key=value pairs of %s\n", path,
                    lineno, "qualifier, per, label, column, unit");
    }
    free(buf);
    return 0;
}

static char *prop(xmlNodePtr n, const char *name)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
    if (!v)
        return NULL;
    char *s = dup_str((const char *)v);
    xmlFree(v);
    return s;
}

static int prop_i64(xmlNodePtr n, const char *name, int64_t *out, int *present)
{
    char *s = prop(n, name);
    *present = s != NULL;
    if (!s)
        return 0;
    int rc = parse_i64(s, s + strlen(s), out);
    free(s);
    return rc;
}

/* One output <amount> as an entry of l. */
static void read_actual(xmlNodePtr n, struct list *l)
{
    struct amount *a = push(l);
    char *line = prop(n, "line"), *cur = prop(n, "currency");
    if (parse_line(line, &a->line))
        a->line = 0;
    if (cur && is_currency(cur, strlen(cur)))
        memcpy(a->cur, cur, 4);
    else
        strcpy(a->cur, "???");
    free(line);
    free(cur);

    static const char *const single[] = { "ore", "minor" };
    static const char *const low[] = { "ore-low", "minor-low" };
    static const char *const high[] = { "ore-high", "minor-high" };
    int ok = 0;
    for (int i = 0; i < 2 && !ok; i++) {
        int has_lo, has_hi;
        if (prop_i64(n, low[i], &a->lo, &has_lo) == 0 && prop_i64(n, high[i], &a->hi, &has_hi) == 0
            && has_lo && has_hi)
            ok = 1;
    }
    for (int i = 0; i < 2 && !ok; i++) {
        int has;
        if (prop_i64(n, single[i], &a->lo, &has) == 0 && has) {
            a->hi = a->lo;
            ok = 1;
        }
    }
    a->has_value = ok;

    char *text = NULL;
    for (xmlNodePtr c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && xmlStrEqual(c->name, (const xmlChar *)"text")) {
            xmlChar *t = xmlNodeGetContent(c);
            if (t) {
                text = escaped((const char *)t);
                xmlFree(t);
            }
            break;
        }
    a->text = text ? text : dup_str("");

    a->qualifier = prop(n, "qualifier");
    a->per = prop(n, "per");
    a->column = prop(n, "column");

    /* Attributes worth showing next to a false positive. */
    char shown[256] = "";
    static const char *const show[] = { "qualifier", "per", "column" };
    for (size_t i = 0; i < sizeof show / sizeof *show; i++) {
        char *v = prop(n, show[i]);
        if (v) {
            size_t used = strlen(shown);
            snprintf(shown + used, sizeof shown - used, "%s%s=%s", used ? " " : "", show[i], v);
            free(v);
        }
    }
    a->attrs = escaped(shown);
}

static void print_value(const struct amount *a)
{
    if (!a->has_value)
        printf("%s (no value)", a->cur);
    else if (a->lo == a->hi)
        printf("%s %" PRId64, a->cur, a->lo);
    else
        printf("%s %" PRId64 "..%" PRId64, a->cur, a->lo, a->hi);
}

static void report(const char *kind, const char *name, const struct amount *a)
{
    printf("%s %s:%ld %s ", kind, name, a->line, a->text);
    print_value(a);
    if (a->attrs && *a->attrs)
        printf(" [%s]", a->attrs);
    putchar('\n');
}

static int same_str(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

static int same(const struct amount *e, const struct amount *a)
{
    return a->has_value && e->line == a->line && strcmp(e->cur, a->cur) == 0 && e->lo == a->lo
           && e->hi == a->hi && same_str(e->qualifier, a->qualifier) && same_str(e->per, a->per);
}

/* NAME from ".../NAME.ext". */
static char *doc_name(const char *source)
{
    const char *base = strrchr(source, '/');
    base = base ? base + 1 : source;
    char *name = dup_str(base);
    char *dot = strrchr(name, '.');
    if (dot && dot != name)
        *dot = '\0';
    return name;
}

static xmlParserInputPtr no_entities(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
    (void)id;
    (void)ctxt;
    fprintf(stderr, "accuracy: refused external entity %s\n", url ? url : "(null)");
    return NULL;
}

struct totals {
    long tp, fp, fn, docs, skipped;
    long col_checked, col_agree; /* matched cells whose list names a column */
};

static void compare_document(const char *dir, xmlNodePtr doc, struct totals *t)
{
    char *source = prop(doc, "source");
    char *name = doc_name(source ? source : "");
    size_t plen = strlen(dir) + strlen(name) + 6;
    char *path = malloc(plen);
    if (!path)
        die_oom();
    snprintf(path, plen, "%s/%s.tsv", dir, name);

    struct list exp = { 0 }, act = { 0 };
    if (read_expected(path, &exp) != 0) {
        printf("skipped %s: no %s\n", source ? source : "(no source)", path);
        t->skipped++;
        goto out;
    }
    for (xmlNodePtr c = doc->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && xmlStrEqual(c->name, (const xmlChar *)"amount"))
            read_actual(c, &act);

    long tp = 0, fp = 0, fn = 0;
    for (size_t i = 0; i < act.n; i++) {
        for (size_t j = 0; j < exp.n; j++)
            if (!exp.v[j].matched && same(&exp.v[j], &act.v[i])) {
                exp.v[j].matched = 1;
                act.v[i].matched = 1;
                act.v[i].pair = j;
                tp++;
                break;
            }
        if (!act.v[i].matched)
            fp++;
    }
    for (size_t j = 0; j < exp.n; j++)
        if (!exp.v[j].matched)
            fn++;

    printf("%s: %ld %ld %ld\n", name, tp, fp, fn);
    for (size_t i = 0; i < act.n; i++)
        if (!act.v[i].matched)
            report("FP", name, &act.v[i]);
    for (size_t j = 0; j < exp.n; j++)
        if (!exp.v[j].matched)
            report("FN", name, &exp.v[j]);
    /* A matched cell under the wrong column title is a right figure filed
     * under the wrong year: what a diff between years would get wrong. */
    for (size_t i = 0; i < act.n; i++) {
        if (!act.v[i].matched)
            continue;
        const struct amount *e = &exp.v[act.v[i].pair];
        if (!e->column)
            continue;
        t->col_checked++;
        if (same_str(e->column, act.v[i].column))
            t->col_agree++;
        else
            printf("COLUMN %s:%ld %s: list says column=%s, output says %s\n", name, act.v[i].line,
                   act.v[i].text, e->column, act.v[i].column ? act.v[i].column : "(none)");
    }
    t->tp += tp;
    t->fp += fp;
    t->fn += fn;
    t->docs++;
out:
    clear(&exp);
    clear(&act);
    free(exp.v);
    free(act.v);
    free(path);
    free(name);
    free(source);
}

static void ratio(const char *label, long num, long den, const char *formula)
{
    if (den == 0)
        printf("%s n/a %s\n", label, formula);
    else
        printf("%s %.4f %s\n", label, (double)num / (double)den, formula);
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: accuracy EXPECTED_DIR FILE.xml...\n");
        return 2;
    }
    LIBXML_TEST_VERSION
    xmlSetExternalEntityLoader(no_entities);

    struct totals t = { 0 };
    int status = 0;
    printf("# per document: NAME: tp fp fn, then FP/FN NAME:LINE text value\n");
    for (int i = 2; i < argc; i++) {
        size_t len;
        char *xml = slurp(argv[i], &len);
        if (!xml) {
            fprintf(stderr, "accuracy: cannot read %s\n", argv[i]);
            status = 2;
            continue;
        }
        xmlDocPtr doc = len > INT_MAX ? NULL
                                      : xmlReadMemory(xml, (int)len, argv[i], NULL, XML_PARSE_NONET);
        free(xml);
        if (!doc) {
            fprintf(stderr, "accuracy: %s: not well-formed XML\n", argv[i]);
            status = 2;
            continue;
        }
        xmlNodePtr root = xmlDocGetRootElement(doc);
        if (!root || !xmlStrEqual(root->name, (const xmlChar *)"belopp")) {
            fprintf(stderr, "accuracy: %s: root element is not <belopp>\n", argv[i]);
            status = 2;
        } else {
            for (xmlNodePtr c = root->children; c; c = c->next)
                if (c->type == XML_ELEMENT_NODE && xmlStrEqual(c->name, (const xmlChar *)"document"))
                    compare_document(argv[1], c, &t);
        }
        xmlFreeDoc(doc);
    }
    printf("total: %ld documents (%ld skipped), tp %ld fp %ld fn %ld\n", t.docs, t.skipped, t.tp,
           t.fp, t.fn);
    ratio("precision", t.tp, t.tp + t.fp, "(tp/(tp+fp))");
    ratio("recall", t.tp, t.tp + t.fn, "(tp/(tp+fn))");
    printf("columns: %ld of %ld matched cells whose list names a column agree\n", t.col_agree,
           t.col_checked);
    xmlCleanupParser();
    return status;
}
