/* match.c — the amount pattern.
 *
 * Design note: the facts this relies on (see also normalize/amount.c).
 * - A number is never part of a longer token: not after a letter or digit,
 *   not after "-" or "/" ("covid-19", "08-405 10 00", "2022-2024" give
 *   nothing money-like), and never cut before ",5" or ".000".
 * - Thousands groups are exactly three digits after one separator
 *   character, so "Stockholm\u00A0 110" (two spaces) is one number, and in
 *   "073-274 23 53" no group forms.
 * - Unit words follow the number after spaces or one line break ("4,1\n
 *   miljarder kronor"); "kr" must end a word, so "kris" and "Kronoberg" are
 *   not units.
 * - PCRE2 10.42 checks UTF validity on every call unless told not to, which
 *   makes a global loop quadratic; our input is repaired by read.c, so every
 *   call passes PCRE2_NO_UTF_CHECK.  UCP makes \p and \h Unicode-aware;
 *   digits are written [0-9] because \d would take Arabic-Indic digits.
 */
#include "match.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../normalize/amount.h"
#include "../normalize/nfc.h"

#define MATCH_LIMIT 10000000

struct belopp_matcher {
    char *pattern;
    pcre2_code *code;
    pcre2_match_data *md;
    pcre2_match_context *mctx;
    int g_qual, g_num, g_scale, g_cur;
};

static const char *const QUALIFIERS[] = {"ca.", "ca", "cirka", "omkring", "drygt", "knappt",
                                         "nästan", "runt", "minst", "över", "högst",
                                         "upp till", "under", NULL};

/* Appends word to buf as a literal alternative (escaping . : - and space). */
static void append_literal(char *buf, size_t cap, const char *word)
{
    size_t n = strlen(buf);
    if (n && buf[n - 1] != '(' && n + 1 < cap)
        buf[n++] = '|';
    for (const char *p = word; *p && n + 4 < cap; p++) {
        if (*p == ' ') {
            memcpy(buf + n, "\\h+", 3);
            n += 3;
            continue;
        }
        if (strchr(".:-", *p))
            buf[n++] = '\\';
        buf[n++] = *p;
    }
    buf[n] = '\0';
}

/* "(?<name>(?i:w1|w2|…))" with every unit of the kind, longest first so that
 * "miljoner" wins over "miljon". */
static void unit_alternation(char *buf, size_t cap, const char *name, belopp_unit_kind kind)
{
    snprintf(buf, cap, "(?<%s>(?i:(", name);
    for (size_t len = 16; len > 0; len--)
        for (const belopp_unit *u = belopp_units(); u->word; u++)
            if (u->kind == kind && strlen(u->word) == len)
                append_literal(buf, cap, u->word);
    strncat(buf, ")))", cap - strlen(buf) - 1);
}

static char *build_pattern(void)
{
    char quals[512] = "(?<qual>(?i:(", scales[512], curs[512];
    for (size_t i = 0; QUALIFIERS[i]; i++)
        append_literal(quals, sizeof quals, QUALIFIERS[i]);
    strcat(quals, ")))");
    unit_alternation(scales, sizeof scales, "scale", BELOPP_UNIT_SCALE);
    unit_alternation(curs, sizeof curs, "cur", BELOPP_UNIT_CURRENCY);

    const char *gs = BELOPP_GROUP_SPACE;
    const char *sp = "\\h*(?:\\R\\h*)?"; /* spaces, at most one line break */
    size_t cap = 4096;
    char *p = malloc(cap);
    if (!p)
        return NULL;
    snprintf(p, cap,
             "(?<![\\p{L}\\p{N}_])(?:%s\\h+)?"
             "(?<![\\p{L}\\p{N}_.,:/\\x{2013}\\x{2212}-])"
             "(?<num>(?:[0-9]{1,3}(?:%s[0-9]{3})+|[0-9]{1,3}(?:\\.[0-9]{3})+|[0-9]+)(?:,[0-9]+)?)"
             "(?![0-9]|[.,][0-9])"
             "(?:%s%s(?![\\p{L}\\p{N}]))?"
             "(?:%s%s(?![\\p{L}\\p{N}]))?",
             quals, gs, sp, scales, sp, curs);
    return p;
}

belopp_matcher *belopp_matcher_new(char *err, size_t errlen)
{
    belopp_matcher *m = calloc(1, sizeof *m);
    if (!m || !(m->pattern = build_pattern())) {
        snprintf(err, errlen, "out of memory");
        free(m);
        return NULL;
    }
    int ec;
    PCRE2_SIZE eo;
    m->code = pcre2_compile((PCRE2_SPTR)m->pattern, PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_UCP,
                            &ec, &eo, NULL);
    if (!m->code) {
        char msg[256];
        pcre2_get_error_message(ec, (PCRE2_UCHAR *)msg, sizeof msg);
        snprintf(err, errlen, "pattern byte %zu: %s", (size_t)eo, msg);
        belopp_matcher_free(m);
        return NULL;
    }
    /* JIT is a speed-up, not a requirement: without it matching still works. */
    (void)pcre2_jit_compile(m->code, PCRE2_JIT_COMPLETE);
    m->md = pcre2_match_data_create_from_pattern(m->code, NULL);
    m->mctx = pcre2_match_context_create(NULL);
    if (!m->md || !m->mctx) {
        snprintf(err, errlen, "out of memory");
        belopp_matcher_free(m);
        return NULL;
    }
    pcre2_set_match_limit(m->mctx, MATCH_LIMIT);
    m->g_qual = pcre2_substring_number_from_name(m->code, (PCRE2_SPTR) "qual");
    m->g_num = pcre2_substring_number_from_name(m->code, (PCRE2_SPTR) "num");
    m->g_scale = pcre2_substring_number_from_name(m->code, (PCRE2_SPTR) "scale");
    m->g_cur = pcre2_substring_number_from_name(m->code, (PCRE2_SPTR) "cur");
    return m;
}

void belopp_matcher_free(belopp_matcher *m)
{
    if (!m)
        return;
    pcre2_match_context_free(m->mctx);
    pcre2_match_data_free(m->md);
    pcre2_code_free(m->code);
    free(m->pattern);
    free(m);
}

const char *belopp_matcher_pattern(const belopp_matcher *m) { return m->pattern; }

static belopp_span group(const PCRE2_SIZE *ov, int g)
{
    if (g <= 0 || ov[2 * g] == PCRE2_UNSET)
        return (belopp_span){0, 0};
    return (belopp_span){ov[2 * g], ov[2 * g + 1]};
}

int belopp_match(belopp_matcher *m, const belopp_text *t, belopp_candidate **out, size_t *n,
                 belopp_diags *diags)
{
    const char *s = belopp_text_data(t);
    size_t len = belopp_text_len(t), count = 0, cap = 0;
    belopp_candidate *c = NULL;
    for (size_t off = 0; off < len;) {
        int rc = pcre2_match(m->code, (PCRE2_SPTR)s, len, off, PCRE2_NO_UTF_CHECK, m->md, m->mctx);
        if (rc == PCRE2_ERROR_NOMATCH)
            break;
        if (rc < 0) {
            char msg[160];
            pcre2_get_error_message(rc, (PCRE2_UCHAR *)msg, sizeof msg);
            belopp_diags_add(diags, BELOPP_ERROR, belopp_text_src_start(t, off),
                             "matching stopped: %s", msg);
            free(c);
            return -1;
        }
        const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(m->md);
        belopp_candidate k = {{0, 0}, group(ov, m->g_qual), group(ov, m->g_num),
                              group(ov, m->g_scale), group(ov, m->g_cur)};
        k.whole = (belopp_span){k.number.start, ov[1]};
        if (count == cap) {
            size_t nc = cap ? cap * 2 : 64;
            belopp_candidate *p = realloc(c, nc * sizeof *p);
            if (!p) {
                free(c);
                belopp_diags_add(diags, BELOPP_ERROR, BELOPP_NO_OFFSET, "out of memory");
                return -1;
            }
            c = p;
            cap = nc;
        }
        c[count++] = k;
        off = ov[1] > off ? ov[1] : off + 1;
    }
    *out = c;
    *n = count;
    return 0;
}
