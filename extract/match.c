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
 * - Ranges: "mellan 4 och 5", "200–300", "35 till 45", "en till två".
 * - A range dash has at most one space on each side ("200–300", "4 - 5");
 *   a tab before a minus sign separates table columns ("800<TAB>-40").
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
#include "grow.h"
#include "../normalize/nfc.h"

#define MATCH_LIMIT 10000000

struct belopp_matcher {
    char *pattern;
    pcre2_code *code;
    pcre2_match_data *md;
    pcre2_match_context *mctx;
    int jit; /* JIT-compiled: match through pcre2_jit_match */
    int g_qual, g_between, g_pcur, g_sign, g_num, g_words, g_num2, g_adj, g_scale, g_cur, g_per,
        g_cmp;
};


/* Appends word to buf as a literal alternative (escaping metacharacters; a
 * space matches any run of horizontal space). */
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
        if (strchr("\\^$.|?*+()[]{}:-/", *p))
            buf[n++] = '\\';
        buf[n++] = *p;
    }
    buf[n] = '\0';
}

/* "(?<name>(?i:w1|w2|…))" with every unit of the kind, longest first so that
 * "miljoner" wins over "miljon".  With name NULL the group is unnamed, for
 * the look-aheads: a name may appear only once in a pattern. */
static void unit_alternation(char *buf, size_t cap, const char *name, belopp_unit_kind kind)
{
    if (name)
        snprintf(buf, cap, "(?<%s>(?i:(", name);
    else
        snprintf(buf, cap, "(?:(?i:(");
    for (size_t len = 16; len > 0; len--)
        for (const belopp_unit *u = belopp_units(); u->word; u++)
            if (u->kind == kind && strlen(u->word) == len)
                append_literal(buf, cap, u->word);
    strncat(buf, ")))", cap - strlen(buf) - 1);
}

/* Number words, as one alternation: "fyra", "tjugofem", "etthundrafemtio",
 * "två och en halv", "en halv".  normalize/amount.c reads them. */
#define ONES "(?:ett|en|två|tre|fyra|fem|sex|sju|åtta|nio)"
#define TEENS "(?:tio|elva|tolv|tretton|fjorton|femton|sexton|sjutton|arton|nitton)"
#define TENS "(?:tjugo|trettio|fyrtio|femtio|sextio|sjuttio|åttio|nittio)"
#define WORD "(?:(?:" ONES "?hundra)?(?:" TENS ONES "?|" TEENS "|" ONES ")|" ONES "?hundra)"
#define WORDS "(?i:(?:en|ett)\\h+halv|" WORD "(?:\\h+och\\h+en\\h+halv)?)(?![\\p{L}\\p{N}])"

static char *build_pattern(void)
{
    char quals[512] = "(?<qual>(?i:(", scales[512], curs[1024], any_scale[512], any_cur[1024];
    for (const belopp_qualifier *q = belopp_qualifiers(); q->word; q++)
        append_literal(quals, sizeof quals, q->word);
    strcat(quals, ")))");
    unit_alternation(scales, sizeof scales, "scale", BELOPP_UNIT_SCALE);
    unit_alternation(curs, sizeof curs, "cur", BELOPP_UNIT_CURRENCY);
    unit_alternation(any_scale, sizeof any_scale, NULL, BELOPP_UNIT_SCALE);
    unit_alternation(any_cur, sizeof any_cur, NULL, BELOPP_UNIT_CURRENCY);

    const char *sp = "\\h*(?:\\R\\h*)?"; /* spaces, at most one line break */
    /* A digit number: grouped by spaces or dots, or not at all; a decimal comma. */
    char num[256];
    snprintf(num, sizeof num,
             "(?:[0-9]{1,3}(?:%s[0-9]{3})+|[0-9]{1,3}(?:\\.[0-9]{3})+|[0-9]+)(?:,[0-9]+)?"
             "(?![0-9]|[.,][0-9])",
             BELOPP_GROUP_SPACE);
    /* A grouped number broken at its space by a line break (PDF text), only
     * when a unit follows: "12\n500 kronor". */
    char broken[4096];
    /* Scale or currency must follow a number in words. */
    char unit_ahead[4096];
    snprintf(unit_ahead, sizeof unit_ahead,
             "(?=(?:\\h+till\\h+(?:[0-9]+|" WORD "))?%s(?:(?i:nya|extra|ytterligare)\\h+)?(?:%s|%s))",
             sp, any_scale, any_cur);
    snprintf(broken, sizeof broken,
             "[0-9]{1,3}(?:%s[0-9]{3})*\\R[0-9]{3}(?:%s[0-9]{3})*(?:,[0-9]+)?(?![0-9]|[.,][0-9])"
             "(?=%s(?:%s|%s))",
             BELOPP_GROUP_SPACE, BELOPP_GROUP_SPACE, sp, any_scale, any_cur);
    size_t cap = 16384;
    char *p = malloc(cap);
    if (!p)
        return NULL;
    snprintf(p, cap,
             "(?<![\\p{L}\\p{N}_])(?:%s\\h+)?"
             "(?:(?<between>(?i:mellan))\\h+)?"
             "(?:(?<pcur>[€$£]|EUR|USD|GBP|SEK|NOK|DKK)\\h*)?"
             "(?<![\\p{L}\\p{N}_.,:/\\x{2013}\\x{2212}-])"
             "(?<sign>(?i:minus)\\h+|[-\\x{2212}](?=[0-9]))?"
             "(?:(?<num>%s|%s)|(?<words>%s)%s)"
             "(?:(?(<between>)\\h+och\\h+|(?:[\\x{20}\\x{A0}]?[-\\x{2013}][\\x{20}\\x{A0}]?|\\h+till\\h+))"
             "(?<num2>%s|" WORDS "))?"
             "(?:%s(?<adj>(?i:nya|extra|ytterligare))%s)?"
             "(?:%s%s(?![\\p{L}\\p{N}]))?"
             "(?:%s%s(?![\\p{L}\\p{N}]))?"
             "(?:(?:\\h*/\\h*|\\h+(?i:per)\\h+)(?<per>\\p{L}+))?"
             "(?:\\h*\\((?<cmp>[-\\x{2212}]?%s)\\))?",
             quals, broken, num, WORDS, unit_ahead, num, sp, unit_ahead, sp, scales, sp, curs, num);
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
    m->jit = pcre2_jit_compile(m->code, PCRE2_JIT_COMPLETE) == 0;
    m->md = pcre2_match_data_create_from_pattern(m->code, NULL);
    m->mctx = pcre2_match_context_create(NULL);
    if (!m->md || !m->mctx) {
        snprintf(err, errlen, "out of memory");
        belopp_matcher_free(m);
        return NULL;
    }
    pcre2_set_match_limit(m->mctx, MATCH_LIMIT);
#define GROUP(name) pcre2_substring_number_from_name(m->code, (PCRE2_SPTR)name)
    m->g_qual = GROUP("qual");
    m->g_between = GROUP("between");
    m->g_pcur = GROUP("pcur");
    m->g_sign = GROUP("sign");
    m->g_num = GROUP("num");
    m->g_words = GROUP("words");
    m->g_num2 = GROUP("num2");
    m->g_adj = GROUP("adj");
    m->g_scale = GROUP("scale");
    m->g_cur = GROUP("cur");
    m->g_per = GROUP("per");
    m->g_cmp = GROUP("cmp");
#undef GROUP
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

int belopp_match_next(belopp_matcher *m, const belopp_text *t, const belopp_segments *g,
                      belopp_match_pos *pos, belopp_candidate *out, belopp_diags *diags)
{
    size_t *off = &pos->off;
    const char *s = belopp_text_data(t);
    size_t len = belopp_text_len(t);
    while (*off < len) {
        /* pcre2_jit_match skips pcre2_match's checks of its arguments, which
         * are the same every call here (and the text is valid UTF-8). */
        int rc = m->jit ? pcre2_jit_match(m->code, (PCRE2_SPTR)s, len, *off, 0, m->md, m->mctx)
                        : pcre2_match(m->code, (PCRE2_SPTR)s, len, *off, PCRE2_NO_UTF_CHECK,
                                      m->md, m->mctx);
        if (rc == PCRE2_ERROR_NOMATCH)
            break;
        if (rc < 0) {
            char msg[160];
            pcre2_get_error_message(rc, (PCRE2_UCHAR *)msg, sizeof msg);
            belopp_diags_add(diags, BELOPP_ERROR, BELOPP_DIAG_MATCH_LIMIT, belopp_text_src_start(t, *off),
                             "matching stopped: %s", msg);
            *off = len;
            return -1;
        }
        const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(m->md);
        belopp_candidate k = {
            .qualifier = group(ov, m->g_qual),
            .prefix_currency = group(ov, m->g_pcur),
            .sign = group(ov, m->g_sign),
            .number = group(ov, m->g_num),
            .number2 = group(ov, m->g_num2),
            .scale = group(ov, m->g_scale),
            .currency = group(ov, m->g_cur),
            .per = group(ov, m->g_per),
            .comparison = group(ov, m->g_cmp),
        };
        belopp_span words = group(ov, m->g_words);
        if (words.start != words.end) {
            k.number = words;
            k.in_words = 1;
        }
        /* The amount as written: from "mellan", a currency sign or a minus
         * sign to the last unit word; "per …" and "(79)" are kept apart. */
        size_t start = k.number.start, end = k.number.end;
        if (k.sign.start != k.sign.end)
            start = k.sign.start;
        if (k.prefix_currency.start != k.prefix_currency.end)
            start = k.prefix_currency.start;
        belopp_span between = group(ov, m->g_between); /* "mellan" of "mellan 4 och 5" */
        if (between.start != between.end && k.number2.start != k.number2.end)
            start = between.start;
        end = k.number2.end > end ? k.number2.end : end;
        belopp_span adj = group(ov, m->g_adj);
        end = adj.end > end ? adj.end : end;
        end = k.scale.end > end ? k.scale.end : end;
        end = k.currency.end > end ? k.currency.end : end;
        k.whole = (belopp_span){start, end};
        *off = ov[1] > *off ? ov[1] : *off + 1;
        int bare = !k.in_words && k.scale.start == k.scale.end &&
                   k.currency.start == k.currency.end &&
                   k.prefix_currency.start == k.prefix_currency.end;
        if (bare && g && !belopp_segments_row(g, k.whole.start, &pos->row_hint))
            continue;
        *out = k;
        return 1;
    }
    *off = len;
    return 0;
}

int belopp_match(belopp_matcher *m, const belopp_text *t, const belopp_segments *g,
                 belopp_candidate **out, size_t *n, belopp_diags *diags)
{
    size_t count = 0, cap = 0;
    belopp_match_pos pos = {0, 0};
    belopp_candidate *c = NULL, k;
    int rc;
    while ((rc = belopp_match_next(m, t, g, &pos, &k, diags)) > 0) {
        void *grown = c;
        if (belopp_grow(&grown, &cap, count + 1, sizeof *c) < 0) {
            free(c);
            belopp_diags_add(diags, BELOPP_ERROR, BELOPP_DIAG_NOMEM, BELOPP_NO_OFFSET, "out of memory");
            return -1;
        }
        c = grown;
        c[count++] = k;
    }
    if (rc < 0) {
        free(c);
        return -1;
    }
    *out = c;
    *n = count;
    return 0;
}
