/* side.c — one side of a diff: its inputs read into owned records.
 *
 * An input is a text or HTML file (extracted by the library), a belopp XML
 * output (read back, not re-extracted), or a directory whose files are one
 * year taken together.  A belopp XML output is told by its root element
 * <belopp>; it is parsed from memory with network access off, no entity
 * substitution, no DTD loading, and default size limits (a "billion laughs"
 * file is refused).
 *
 * Each document gets its own year: the year it names most often (ties go to
 * the later year).  Press texts name their year again and again ("för
 * 2021", "inför 2024"), and a table's year columns are read against it. */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <libxml/parser.h>
#include <nettle/sha2.h>
#include <libxml/tree.h>

#include "diff.h"

static void set_err(char *err, size_t errlen, const char *fmt, ...)
{
    if (!err || !errlen)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
}

static int push_record(diff_side *s, belopp_record *r)
{
    if (s->n == s->cap) {
        size_t nc = s->cap ? s->cap * 2 : 64;
        belopp_record **nr = realloc(s->recs, nc * sizeof *nr);
        if (!nr)
            return -1;
        s->recs = nr;
        size_t *nd = realloc(s->doc_of, nc * sizeof *nd);
        if (!nd)
            return -1;
        s->doc_of = nd;
        s->cap = nc;
    }
    s->recs[s->n] = r;
    s->doc_of[s->n] = s->ndocs - 1;
    s->n++;
    s->docs[s->ndocs - 1].count++;
    return 0;
}

static int push_doc(diff_side *s, const char *source)
{
    if (s->ndocs == s->docs_cap) {
        size_t nc = s->docs_cap ? s->docs_cap * 2 : 8;
        diff_doc *nd = realloc(s->docs, nc * sizeof *nd);
        if (!nd)
            return -1;
        s->docs = nd;
        s->docs_cap = nc;
    }
    char *src = strdup(source ? source : "");
    if (!src)
        return -1;
    s->docs[s->ndocs++] = (diff_doc){.source = src, .year = 0, .first = s->n, .count = 0};
    return 0;
}

/* ---- years ---- */

typedef struct {
    int count[200]; /* 1990 .. 2189 */
} year_tally;

static void tally(year_tally *t, const char *s, size_t len)
{
    for (size_t i = 0; i + 4 <= len; i++) {
        if (!isdigit((unsigned char)s[i]) || (i > 0 && isdigit((unsigned char)s[i - 1])))
            continue;
        if (!isdigit((unsigned char)s[i + 1]) || !isdigit((unsigned char)s[i + 2]) ||
            !isdigit((unsigned char)s[i + 3]) || (i + 4 < len && isdigit((unsigned char)s[i + 4])))
            continue;
        /* "6 250,5" or "2 111": a digit group after a space and a digit is not a year */
        if (i >= 2 && s[i - 1] == ' ' && isdigit((unsigned char)s[i - 2]))
            continue;
        int y = (s[i] - '0') * 1000 + (s[i + 1] - '0') * 100 + (s[i + 2] - '0') * 10 + (s[i + 3] - '0');
        if (y >= 1990 && y < 2190)
            t->count[y - 1990]++;
    }
}

static int best_year(const year_tally *t)
{
    int best = 0, bc = 0;
    for (int i = 0; i < 200; i++)
        if (t->count[i] && t->count[i] >= bc) {
            bc = t->count[i];
            best = 1990 + i;
        }
    return best;
}

static void year_from_records(diff_side *s, diff_doc *d)
{
    year_tally t = {{0}};
    for (size_t i = d->first; i < d->first + d->count; i++) {
        const belopp_record *r = s->recs[i];
        if (r->context)
            tally(&t, r->context, strlen(r->context));
        if (r->caption)
            tally(&t, r->caption, strlen(r->caption));
    }
    d->year = best_year(&t);
}

/* ---- extraction through the library ---- */

typedef struct {
    diff_side *side;
    int (*warn)(void *user, const char *source, const belopp_diagnostic *d);
    void *user;
    int nomem;
    int began;
} load_ctx;

static int on_begin(void *user, const belopp_doc *doc)
{
    load_ctx *c = user;
    c->began = 1;
    if (push_doc(c->side, doc->source) < 0) {
        c->nomem = 1;
        return -1;
    }
    return 0;
}

static int on_record(void *user, const belopp_record *r)
{
    load_ctx *c = user;
    belopp_record *copy = belopp_record_dup(r);
    if (!copy || push_record(c->side, copy) < 0) {
        belopp_record_free(copy);
        c->nomem = 1;
        return -1;
    }
    return 0;
}

static int on_diag(void *user, const char *source, const belopp_diagnostic *d)
{
    load_ctx *c = user;
    return c->warn ? c->warn(c->user, source, d) : 0;
}

static int read_all(const char *path, char **data, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        if (n == cap) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
        size_t k = fread(buf + n, 1, cap - n, f);
        n += k;
        if (k == 0)
            break;
    }
    int bad = ferror(f);
    fclose(f);
    if (buf && n == cap) {
        char *nb = realloc(buf, cap + 1);
        if (!nb)
            free(buf);
        buf = nb;
    }
    if (buf)
        buf[n] = 0; /* for the string functions; len stays n */
    if (!buf || bad) {
        free(buf);
        if (!buf)
            errno = ENOMEM;
        return -1;
    }
    *data = buf;
    *len = n;
    return 0;
}

/* Does the file hold a belopp XML output?  Its first element is <belopp. */
static int is_belopp_xml(const char *d, size_t len)
{
    size_t i = 0;
    if (len >= 3 && memcmp(d, "\xef\xbb\xbf", 3) == 0)
        i = 3;
    while (i < len && isspace((unsigned char)d[i]))
        i++;
    if (len - i >= 5 && memcmp(d + i, "<?xml", 5) == 0) {
        const char *e = memchr(d + i, '>', len - i);
        if (!e)
            return 0;
        i = (size_t)(e - d) + 1;
        while (i < len && isspace((unsigned char)d[i]))
            i++;
    }
    return len - i >= 8 && memcmp(d + i, "<belopp", 7) == 0 &&
           (d[i + 7] == ' ' || d[i + 7] == '>' || d[i + 7] == '\n' || d[i + 7] == '\t');
}

static int load_file(diff_side *s, belopp_extractor *x, const char *path, load_ctx *ctx,
                     char *err, size_t errlen)
{
    char *data = NULL;
    size_t len = 0;
    if (read_all(path, &data, &len) < 0) {
        set_err(err, errlen, "%s: cannot read: %s", path, strerror(errno));
        return -1;
    }
    int rc = 0;
    if (is_belopp_xml(data, len)) {
        rc = diff_side_add_xml(s, path, data, len, err, errlen);
    } else {
        size_t before = s->ndocs;
        ctx->began = 0;
        belopp_sink sink = {.user = ctx, .begin = on_begin, .record = on_record, .diagnostic = on_diag};
        belopp_result res = belopp_extract_buffer(x, path, data, len, &sink);
        if (ctx->nomem || res == BELOPP_RESULT_SINK_FAILED) {
            set_err(err, errlen, "%s: out of memory", path);
            rc = -1;
        } else if (!ctx->began) {
            set_err(err, errlen, "%s: cannot read", path);
            rc = -1;
        } else {
            for (size_t d = before; d < s->ndocs && rc == 0; d++) {
                year_tally t = {{0}};
                tally(&t, data, len);
                s->docs[d].year = best_year(&t);
            }
        }
    }
    free(data);
    return rc;
}

static int name_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

diff_side *diff_side_load(belopp_extractor *x, const char *path,
                          int (*warn)(void *user, const char *source, const belopp_diagnostic *d),
                          void *user, char *err, size_t errlen)
{
    diff_side *s = calloc(1, sizeof *s);
    if (!s || !(s->name = strdup(path))) {
        free(s);
        set_err(err, errlen, "out of memory");
        return NULL;
    }
    load_ctx ctx = {.side = s, .warn = warn, .user = user};
    struct stat st;
    if (stat(path, &st) < 0) {
        set_err(err, errlen, "%s: cannot read: %s", path, strerror(errno));
        diff_side_free(s);
        return NULL;
    }
    if (!S_ISDIR(st.st_mode)) {
        if (load_file(s, x, path, &ctx, err, errlen) < 0) {
            diff_side_free(s);
            return NULL;
        }
        return s;
    }
    DIR *dir = opendir(path);
    if (!dir) {
        set_err(err, errlen, "%s: cannot read: %s", path, strerror(errno));
        diff_side_free(s);
        return NULL;
    }
    char **names = NULL;
    size_t nn = 0, nc = 0;
    int rc = 0;
    struct dirent *de;
    while ((de = readdir(dir)) != NULL) {
        if (de->d_name[0] == '.')
            continue;
        size_t l = strlen(de->d_name);
        if (l > 5 && strcmp(de->d_name + l - 5, ".args") == 0)
            continue;
        size_t pl = strlen(path);
        char *full = malloc(pl + l + 2);
        if (!full) {
            rc = -1;
            break;
        }
        sprintf(full, "%s%s%s", path, (pl && path[pl - 1] == '/') ? "" : "/", de->d_name);
        struct stat fs;
        if (stat(full, &fs) < 0 || !S_ISREG(fs.st_mode)) {
            free(full);
            continue;
        }
        if (nn == nc) {
            nc = nc ? nc * 2 : 16;
            char **nw = realloc(names, nc * sizeof *nw);
            if (!nw) {
                free(full);
                rc = -1;
                break;
            }
            names = nw;
        }
        names[nn++] = full;
    }
    closedir(dir);
    if (rc < 0)
        set_err(err, errlen, "out of memory");
    if (names)
        qsort(names, nn, sizeof *names, name_cmp);
    for (size_t i = 0; i < nn && rc == 0; i++)
        rc = load_file(s, x, names[i], &ctx, err, errlen);
    for (size_t i = 0; i < nn; i++)
        free(names[i]);
    free(names);
    if (rc < 0) {
        diff_side_free(s);
        return NULL;
    }
    return s;
}

/* ---- a belopp XML output ---- */

/* The text a document of an XML output was extracted from, when it is still
 * there unchanged (same SHA-256): its year, as if the text had
 * been given.  Returns 1 when used, 0 when not. */
static int source_text(diff_side *s, size_t d, const char *sha)
{
    char *data = NULL;
    size_t len = 0;
    const char *src = s->docs[d].source;
    size_t sl = strlen(src);
    if (strlen(sha) != 64 || strcmp(src, "-") == 0 || (sl > 5 && strcmp(src + sl - 5, ".html") == 0) ||
        (sl > 4 && strcmp(src + sl - 4, ".htm") == 0) || read_all(src, &data, &len) < 0)
        return 0;
    struct sha256_ctx ctx;
    uint8_t dig[SHA256_DIGEST_SIZE];
    char hex[2 * SHA256_DIGEST_SIZE + 1];
    sha256_init(&ctx);
    sha256_update(&ctx, len, (const uint8_t *)data);
    sha256_digest(&ctx, sizeof dig, dig);
    for (size_t i = 0; i < sizeof dig; i++)
        sprintf(hex + 2 * i, "%02x", dig[i]);
    int used = 0;
    if (strcmp(hex, sha) == 0 && !is_belopp_xml(data, len)) {
        year_tally t = {{0}};
        tally(&t, data, len);
        s->docs[d].year = best_year(&t);
        used = 1;
    }
    free(data);
    return used;
}

static xmlParserInputPtr no_entities(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
    (void)url, (void)id, (void)ctxt;
    return NULL;
}

static int attr_i64(xmlNodePtr n, const char *name, int64_t *out)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
    if (!v)
        return 0;
    char *end;
    errno = 0;
    long long x = strtoll((const char *)v, &end, 10);
    int ok = errno == 0 && end != (char *)v && *end == 0;
    xmlFree(v);
    if (!ok)
        return -1;
    *out = (int64_t)x;
    return 1;
}

static char *child_text(xmlNodePtr n, const char *name)
{
    for (xmlNodePtr c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, name) == 0) {
            xmlChar *t = xmlNodeGetContent(c);
            return (char *)t;
        }
    return NULL;
}

static int read_amount(diff_side *s, xmlNodePtr n, const char *source, const char *sha)
{
    belopp_record r;
    memset(&r, 0, sizeof r);
    r.source = source;
    r.sha256 = sha;
    xmlChar *cur = xmlGetProp(n, (const xmlChar *)"currency");
    if (!cur || strlen((const char *)cur) != 3) {
        xmlFree(cur);
        return -1;
    }
    memcpy(r.currency, cur, 4);
    xmlFree(cur);
    r.minor_exp = 2;
    int64_t v, lo, hi, x;
    if (attr_i64(n, "ore", &v) == 1 || attr_i64(n, "minor", &v) == 1 ||
        attr_i64(n, "value", &v) == 1) {
        r.value = r.value_high = v;
    } else if ((attr_i64(n, "ore-low", &lo) == 1 && attr_i64(n, "ore-high", &hi) == 1) ||
               (attr_i64(n, "minor-low", &lo) == 1 && attr_i64(n, "minor-high", &hi) == 1) ||
               (attr_i64(n, "value-low", &lo) == 1 && attr_i64(n, "value-high", &hi) == 1)) {
        r.is_range = 1;
        r.value = lo;
        r.value_high = hi;
    } else {
        return -1;
    }
    if (attr_i64(n, "minor-exp", &x) == 1)
        r.minor_exp = (int)x;
    if (attr_i64(n, "start", &x) == 1)
        r.start = (uint64_t)x;
    if (attr_i64(n, "end", &x) == 1)
        r.end = (uint64_t)x;
    if (attr_i64(n, "line", &x) == 1)
        r.line = (uint64_t)x;
    if (attr_i64(n, "col", &x) == 1)
        r.col = (uint64_t)x;
    if (attr_i64(n, "repeats", &x) == 1) {
        r.has_repeats = 1;
        r.repeats = (uint64_t)x;
    }
    xmlChar *a;
    if ((a = xmlGetProp(n, (const xmlChar *)"total")) != NULL) {
        r.total = strcmp((const char *)a, "0") != 0 && strcmp((const char *)a, "false") != 0;
        xmlFree(a);
    }
    if ((a = xmlGetProp(n, (const xmlChar *)"qualifier")) != NULL) {
        r.qualifier = strcmp((const char *)a, "approx") == 0     ? BELOPP_QUAL_APPROX
                      : strcmp((const char *)a, "at-least") == 0 ? BELOPP_QUAL_AT_LEAST
                      : strcmp((const char *)a, "at-most") == 0  ? BELOPP_QUAL_AT_MOST
                                                                  : BELOPP_QUAL_NONE;
        xmlFree(a);
    }
    char *per = (char *)xmlGetProp(n, (const xmlChar *)"per");
    char *column = (char *)xmlGetProp(n, (const xmlChar *)"column");
    char *kind = (char *)xmlGetProp(n, (const xmlChar *)"kind");
    char *text = child_text(n, "text");
    char *sentence = child_text(n, "sentence");
    if (!sentence)
        sentence = child_text(n, "context");
    char *label = child_text(n, "label");
    char *caption = child_text(n, "caption");
    char *heading = child_text(n, "heading");
    r.per = per;
    r.column_title = column;
    r.text = text ? text : "";
    r.context = sentence;
    r.label = label;
    r.caption = caption;
    r.heading = heading;
    if (kind && strcmp(kind, "heading") == 0)
        r.kind = BELOPP_KIND_HEADING;
    else if ((kind && strcmp(kind, "cell") == 0) || (!kind && label))
        r.kind = BELOPP_KIND_CELL;
    else
        r.kind = BELOPP_KIND_PROSE;
    belopp_record *copy = belopp_record_dup(&r);
    xmlFree(per), xmlFree(column), xmlFree(kind), xmlFree(text), xmlFree(sentence);
    xmlFree(label), xmlFree(caption), xmlFree(heading);
    if (!copy || push_record(s, copy) < 0) {
        belopp_record_free(copy);
        return -2;
    }
    return 0;
}

int diff_side_add_xml(diff_side *s, const char *name, const char *data, size_t len, char *err,
                      size_t errlen)
{
    if (len > INT32_MAX) {
        set_err(err, errlen, "%s: too large for an XML input", name);
        return -1;
    }
    xmlExternalEntityLoader old = xmlGetExternalEntityLoader();
    xmlSetExternalEntityLoader(no_entities);
    xmlDocPtr doc = xmlReadMemory(data, (int)len, name, NULL,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    xmlSetExternalEntityLoader(old);
    if (!doc) {
        const xmlError *e = xmlGetLastError();
        set_err(err, errlen, "%s: not well-formed XML%s%s", name, e && e->message ? ": " : "",
                e && e->message ? e->message : "");
        if (err) {
            size_t l = strlen(err);
            if (l && err[l - 1] == '\n')
                err[l - 1] = 0;
        }
        return -1;
    }
    int rc = 0;
    xmlNodePtr root = xmlDocGetRootElement(doc);
    if (!root || strcmp((const char *)root->name, "belopp") != 0) {
        set_err(err, errlen, "%s: not a belopp output (root element is not <belopp>)", name);
        rc = -1;
    }
    for (xmlNodePtr d = root ? root->children : NULL; d && rc == 0; d = d->next) {
        if (d->type != XML_ELEMENT_NODE || strcmp((const char *)d->name, "document") != 0)
            continue;
        xmlChar *src = xmlGetProp(d, (const xmlChar *)"source");
        xmlChar *sha = xmlGetProp(d, (const xmlChar *)"sha256");
        if (push_doc(s, src ? (const char *)src : name) < 0) {
            xmlFree(src);
            xmlFree(sha);
            rc = -2;
            break;
        }
        const char *source = s->docs[s->ndocs - 1].source;
        for (xmlNodePtr a = d->children; a && rc == 0; a = a->next) {
            if (a->type != XML_ELEMENT_NODE || strcmp((const char *)a->name, "amount") != 0)
                continue;
            rc = read_amount(s, a, source, sha ? (const char *)sha : "");
            if (rc == -1)
                set_err(err, errlen, "%s: line %ld: an <amount> without currency or value", name,
                        (long)xmlGetLineNo(a));
        }
        if (rc == 0 && !source_text(s, s->ndocs - 1, sha ? (const char *)sha : ""))
            year_from_records(s, &s->docs[s->ndocs - 1]);
        xmlFree(src);
        xmlFree(sha);
    }
    if (rc == -2) {
        set_err(err, errlen, "out of memory");
        rc = -1;
    }
    xmlFreeDoc(doc);
    return rc;
}

void diff_side_free(diff_side *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->n; i++)
        belopp_record_free(s->recs[i]);
    for (size_t i = 0; i < s->ndocs; i++)
        free(s->docs[i].source);
    free(s->recs);
    free(s->doc_of);
    free(s->docs);
    free(s->name);
    free(s);
}
