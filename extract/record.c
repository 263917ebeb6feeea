/* record.c — see record.h.
 *
 * Design note: facts about press texts this stage relies on.
 * - A heading is a line standing alone between blank lines, short, and not
 *   ending like a sentence: "3,2 miljarder till utveckling av den nära
 *   vården" (seed 000).  Text without blank lines has no headings here: it
 *   is then all prose, which costs only the repeats below.
 * - Releases say a figure in a heading and again in the section under it
 *   ("85 miljoner till ambulanssjukvården" / "… med 85 miljoner kronor under
 *   2021"), and a lead says what the body says again.  The later mention
 *   repeats the first.  Two different grants of equal size are common
 *   ("200 miljoner kronor för … fast läkarkontakt" and "200 miljoner till
 *   E-hälsa" in seed 000), so equal value alone never makes a repeat: it
 *   takes the heading's own section, or sentences that share most of their
 *   words.
 * - Lines and columns are counted in the input's bytes, as an editor shows
 *   them; amounts come in text order, so the counter only moves forward.
 */
#include "record.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <nettle/sha2.h>

#include "clean.h"
#include "grow.h"

/* Context strings (sentence, label, caption) are repeated for every amount,
 * so a 10 KB sentence with 1 000 amounts would make 10 MB of output: past
 * this length only a window around the amount is kept, marked with "…". */
#define MAX_CONTEXT 400
#define CONTEXT_SIDE 150

/* A heading line is at most this long. */
#define MAX_HEADING 200

/* Facts kept to find repeats in: those of the lead and of the current
 * section, at most this many each (memory does not grow with the input). */
#define MAX_KEPT 256
#define MAX_WORDS 24

typedef struct {
    int64_t value, value_high;
    char currency[4];
    int is_range;
    belopp_kind kind;
    size_t para;            /* text offset of its paragraph (a heading's line) */
    uint64_t start;         /* input offset: what repeats point to */
    uint32_t words[MAX_WORDS]; /* hashes of its context's content words, sorted */
    size_t nwords;
    uint32_t date;          /* the first date of its sentence ("14 mars 2007"), 0: none */
} fact;

typedef struct {
    fact *items;
    size_t n, cap;
} fact_list;

/* A string cleaned before, keyed by where its bytes are (src, n: of the
 * current text, which stays put while it is the current one, or of
 * head_text, whose memo is dropped when it changes) and how it was cleaned. */
typedef struct {
    const char *src; /* NULL: none */
    size_t n;
    const char *pre, *post;
    int flatten;
    char *out; /* the cleaned bytes and their NUL */
    size_t len, cap;
} clean_memo;

enum { MEMO_LABEL, MEMO_CAPTION, MEMO_SENTENCE, MEMO_HEADING, MEMO_N };

struct belopp_recorder {
    const unsigned char *raw; /* the input's bytes [raw_base, raw_base + rawlen) */
    size_t rawlen, raw_base;
    const belopp_text *t;     /* their working text, whose offset 0 is text_base in the
                                 offsets kept from chunk to chunk (para, opened, heading) */
    size_t text_base;
    size_t chunk_line;        /* the line of raw_base */
    const belopp_segments *g;
    char *source;
    char sha256[65];
    belopp_doc doc;

    size_t line_pos, line, line_start; /* line counter over raw: line holds line_pos */
    size_t col_pos, col;               /* the column of col_pos, on the line of line_pos */

    size_t scan;                  /* text offset up to which lines were looked at */
    size_t scan_end;              /* the end of the line at scan, once known */
    size_t row_hint, next_row;    /* where the scan stands among g's rows */
    belopp_span heading;          /* the last heading line before scan, or empty
                                     (text_base offsets: it may be of an earlier chunk) */
    char head_text[MAX_HEADING + 1]; /* its bytes */
    int seen_heading;
    size_t opened;                /* start of the heading whose section is kept */
    fact_list lead, section;      /* facts before the first heading; under the current one */
    size_t cw_start, cw_end;      /* the sentence (text_base offsets) whose content words */
    uint32_t cw[MAX_WORDS];       /* are these (cw_end 0: none yet): the amounts of one */
    size_t ncw;                   /* sentence ask for them once */
    uint32_t cdate;               /* and its first date (first_date) */

    char *buf; /* the strings of the record being made */
    size_t len, cap;
    belopp_record rec;
    /* The last string cleaned for each of: a cell's label, its table's
     * caption, a sentence, the heading.  Most records repeat the one before
     * (the cells of one row, of one table; the amounts of one sentence or
     * section), so a string is cleaned once and copied after: see
     * put_clean. */
    clean_memo memo[MEMO_N];
};

#define NONE SIZE_MAX

/* ---- small helpers ---------------------------------------------------- */

static void sha256_hex(const unsigned char *raw, size_t len, char hex[65])
{
    static const char digits[] = "0123456789abcdef";
    struct sha256_ctx ctx;
    uint8_t digest[SHA256_DIGEST_SIZE];
    sha256_init(&ctx);
    sha256_update(&ctx, len, raw);
    sha256_digest(&ctx, sizeof digest, digest);
    for (size_t i = 0; i < sizeof digest; i++) {
        hex[2 * i] = digits[digest[i] >> 4];
        hex[2 * i + 1] = digits[digest[i] & 15];
    }
    hex[64] = '\0';
}

/* Moves i back to the start of the UTF-8 character it is in. */
static size_t char_start(const char *s, size_t i)
{
    while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
        i--;
    return i;
}

/* Appends s[0, n) cleaned to the record's string buffer; returns the offset
 * of the copy, or SIZE_MAX when out of memory. */
static size_t put_clean(belopp_recorder *rc, const char *pre, const char *s, size_t n,
                        const char *post, int flatten)
{
    size_t npre = *pre ? strlen(pre) : 0, npost = *post ? strlen(post) : 0; /* mostly "" */
    if (n > (SIZE_MAX - 16 - rc->len) / 3)
        return SIZE_MAX;
    void *b = rc->buf;
    if (belopp_grow(&b, &rc->cap, rc->len + npre + 3 * n + npost + 1, 1) < 0)
        return SIZE_MAX;
    rc->buf = b;
    size_t at = rc->len;
    memcpy(rc->buf + rc->len, pre, npre);
    rc->len += npre;
    rc->len += belopp_clean_to(rc->buf + rc->len, s, n, flatten);
    memcpy(rc->buf + rc->len, post, npost + 1);
    rc->len += npost + 1;
    return at;
}

/* put_clean through memo: the copy made for the same string last time, or
 * a new one that memo keeps.  Returns as put_clean. */
static size_t put_memo(belopp_recorder *rc, clean_memo *memo, const char *pre, const char *s, size_t n,
                       const char *post, int flatten)
{
    if (memo->src == s && memo->n == n && memo->flatten == flatten && strcmp(memo->pre, pre) == 0 &&
        strcmp(memo->post, post) == 0) {
        void *b = rc->buf;
        if (belopp_grow(&b, &rc->cap, rc->len + memo->len + 1, 1) < 0)
            return SIZE_MAX;
        rc->buf = b;
        size_t at = rc->len;
        memcpy(rc->buf + at, memo->out, memo->len + 1);
        rc->len += memo->len + 1;
        return at;
    }
    size_t at = put_clean(rc, pre, s, n, post, flatten);
    if (at == SIZE_MAX)
        return at;
    size_t len = rc->len - at - 1;
    void *o = memo->out;
    if (belopp_grow(&o, &memo->cap, len + 1, 1) < 0) {
        memo->src = NULL; /* no copy kept: the record is made all the same */
        return at;
    }
    memo->out = o;
    memcpy(memo->out, rc->buf + at, len + 1);
    *memo = (clean_memo){s, n, pre, post, flatten, memo->out, len, memo->cap};
    return at;
}

/* Forgets every string kept: the text they point into is no longer the
 * current one. */
static void forget_memos(belopp_recorder *rc)
{
    for (int i = 0; i < MEMO_N; i++)
        rc->memo[i].src = NULL;
}

/* The context span sp, or a window of it around focus, into the buffer
 * (through memo). */
static size_t put_context(belopp_recorder *rc, clean_memo *memo, belopp_span sp, belopp_span focus)
{
    const char *s = belopp_text_data(rc->t);
    if (sp.end - sp.start <= MAX_CONTEXT)
        return put_memo(rc, memo, "", s + sp.start, sp.end - sp.start, "", 1);
    if (focus.start < sp.start || focus.end > sp.end)
        focus = (belopp_span){sp.start, sp.start};
    size_t a = focus.start > sp.start + CONTEXT_SIDE ? char_start(s, focus.start - CONTEXT_SIDE)
                                                     : sp.start;
    size_t b = focus.end + CONTEXT_SIDE < sp.end ? char_start(s, focus.end + CONTEXT_SIDE) : sp.end;
    if (b - a > 2 * CONTEXT_SIDE + MAX_CONTEXT) /* a huge amount text itself */
        b = char_start(s, a + 2 * CONTEXT_SIDE + MAX_CONTEXT);
    return put_memo(rc, memo, a > sp.start ? "…" : "", s + a, b - a, b < sp.end ? "…" : "", 1);
}

/* Advances the line counter to input offset off; sets *col (1-based, in
 * characters) too. */
static size_t line_of(belopp_recorder *rc, size_t off, uint64_t *col)
{
    const unsigned char *raw = rc->raw;
    size_t base = rc->raw_base;
    if (off < rc->line_pos) { /* not in text order: count again (from the chunk's start) */
        rc->line_pos = rc->line_start = rc->col_pos = base;
        rc->line = rc->chunk_line;
        rc->col = 1;
    }
    size_t line_before = rc->line;
    size_t stop = off < base + rc->rawlen ? off : base + rc->rawlen;
    const unsigned char *nl;
    while (rc->line_pos < stop &&
           (nl = memchr(raw + (rc->line_pos - base), '\n', stop - rc->line_pos)) != NULL) {
        rc->line++;
        rc->line_pos = rc->line_start = (size_t)(nl - raw) + base + 1;
    }
    if (rc->line_pos < stop)
        rc->line_pos = stop;
    /* columns count on from the last amount on the same line, so that a
     * 5 MB line of amounts is not counted over for each */
    if (rc->line != line_before || rc->col_pos < rc->line_start || rc->col_pos > stop) {
        rc->col_pos = rc->line_start;
        rc->col = 1;
    }
    /* characters: the bytes that are no UTF-8 continuation (10xxxxxx);
     * eight at a time, a continuation byte marked by its bit 7 set and its
     * bit 6 (moved up one place) clear, the marks summed by a multiply */
    while (rc->col_pos + 8 <= stop) {
        uint64_t v;
        memcpy(&v, raw + (rc->col_pos - base), 8);
        uint64_t cont = v & ~(v << 1) & 0x8080808080808080u;
        rc->col += 8 - (size_t)(((cont >> 7) * 0x0101010101010101u) >> 56);
        rc->col_pos += 8;
    }
    for (; rc->col_pos < stop; rc->col_pos++)
        rc->col += (raw[rc->col_pos - base] & 0xC0) != 0x80;
    *col = rc->col;
    return rc->line;
}

/* ---- headings ----------------------------------------------------------- */

static int blank(const char *s, size_t a, size_t b)
{
    for (size_t i = a; i < b;) {
        size_t k = belopp_space_at(s, i, b);
        if (!k)
            return 0;
        i += k;
    }
    return 1;
}

static size_t line_end(const char *s, size_t len, size_t i)
{
    const char *nl = memchr(s + i, '\n', len - i);
    return nl ? (size_t)(nl - s) : len;
}

/* Is line [a, b) (trimmed) heading-like: short, with a letter, not a list
 * item, not ending like a sentence or a clause? */
static int heading_like(const char *s, belopp_span ln)
{
    if (ln.end <= ln.start || ln.end - ln.start > MAX_HEADING)
        return 0;
    char first = s[ln.start], last = s[ln.end - 1];
    if (strchr("-*•–", first) || (unsigned char)first == 0xE2)
        return 0; /* "- 200 miljoner till …", "• …", "– …" */
    if (strchr(".!?:;,", last) || memchr(s + ln.start, '\t', ln.end - ln.start))
        return 0; /* a sentence, a clause, or a table row */
    /* "Publicerad 14 december 2023" is a dateline over the text, not the
     * title of a section */
#define D(w) {w, sizeof w - 1}
    static const struct {
        const char *w;
        size_t n;
    } datelines[] = {D("Publicerad"), D("Publicerat"), D("Uppdaterad"), D("Senast uppdaterad")};
#undef D
    for (size_t i = 0; i < sizeof datelines / sizeof *datelines; i++)
        if (first == datelines[i].w[0] && ln.end - ln.start >= datelines[i].n &&
            memcmp(s + ln.start, datelines[i].w, datelines[i].n) == 0)
            return 0;
    for (size_t i = ln.start; i < ln.end; i++)
        if (belopp_letter_at(s, i, ln.end))
            return 1;
    return 0;
}

/* Is the line [a, b) a heading: heading-like and alone between blank lines? */
static int heading_line(const char *s, size_t len, size_t a, size_t b)
{
    belopp_span ln = belopp_trim(s, a, b);
    if (!heading_like(s, ln))
        return 0;
    if (a > 0) { /* the line before is blank or there is none */
        size_t pb = a - 1, pa = pb;
        while (pa > 0 && s[pa - 1] != '\n')
            pa--;
        if (!blank(s, pa, pb))
            return 0;
    }
    if (b < len) { /* the line after is blank or there is none */
        size_t na = b + 1;
        if (!blank(s, na, line_end(s, len, na)))
            return 0;
    }
    return 1;
}

/* Is the line h (trimmed) inside a table: one of its rows, or any line from
 * its header ("Belopp i tkr Not 2024 2023") down to its last row — titles,
 * section lines ("Rörelsens intäkter"), note lines of a table in one cell a
 * line ("N9")?  Such a line may stand between blank lines (or lines of
 * spaces) and look like a heading; it is none.  Lines are asked in text
 * order. */
static int table_line(belopp_recorder *rc, belopp_span h)
{
    if (belopp_segments_row_at(rc->g, h.start, &rc->row_hint))
        return 1;
    const belopp_row *next;
    while ((next = belopp_segments_row_at_index(rc->g, rc->next_row)) != NULL &&
           next->line.end <= h.start)
        rc->next_row++;
    if (!next)
        return 0;
    const belopp_table *tb = belopp_segments_table(rc->g, next->table);
    return tb && tb->header.end > tb->header.start && tb->header.start <= h.start;
}

/* Looks at the lines from rc->scan up to the one holding off, and notes the
 * last heading among them; its section begins with it. */
static void advance_headings(belopp_recorder *rc, size_t off)
{
    const char *s = belopp_text_data(rc->t);
    size_t len = belopp_text_len(rc->t);
    /* The line holding off is behind the scan already: a subtotal's label is
     * its section line, above the cells handed on before it.  (Without this
     * the scan never met off's line and ran on to the end of the text,
     * giving the rest of its records the last heading of the text.) */
    if (off < rc->scan)
        return;
    while (rc->scan < len) {
        if (rc->scan_end == NONE || rc->scan_end < rc->scan) /* once a line, not once an amount */
            rc->scan_end = line_end(s, len, rc->scan);
        size_t e = rc->scan_end;
        if (e >= off && rc->scan <= off)
            break; /* the record's own line: not before it */
        if (e - rc->scan <= MAX_HEADING + 8 && heading_line(s, len, rc->scan, e) &&
            !table_line(rc, belopp_trim(s, rc->scan, e))) {
            belopp_span h = belopp_trim(s, rc->scan, e); /* at most MAX_HEADING bytes */
            memcpy(rc->head_text, s + h.start, h.end - h.start);
            rc->head_text[h.end - h.start] = '\0';
            rc->memo[MEMO_HEADING].src = NULL; /* its bytes changed */
            rc->heading = (belopp_span){rc->text_base + h.start, rc->text_base + h.end};
            rc->seen_heading = 1;
            if (rc->heading.start != rc->opened) { /* a new section */
                rc->section.n = 0;
                rc->opened = rc->heading.start;
            }
        }
        rc->scan = e + 1;
    }
}

/* ---- repeats -------------------------------------------------------------- */

/* Words that say nothing of what the money is for.  This is asked for
 * every word of every sentence with an amount, so by length in bytes first
 * (a switch: "för" is four), then the few words of that length. */
static int common_word(const char *w, size_t n)
{
#define W(s) (sizeof s - 1 == n && memcmp(w, s, n) == 0)
    switch (n) {
    case 3:
        return W("och") || W("med") || W("som") || W("att") || W("den") || W("det") || W("har") ||
               W("ska");
    case 4: return W("samt") || W("inom") || W("till") || W("för");
    case 5:
        return W("dessa") || W("medel") || W("under") || W("eller") || W("efter") || W("genom") ||
               W("detta") || W("denna") || W("cirka") || W("från");
    case 6:
        return W("kronor") || W("miljon") || W("satsar") || W("satsas") || W("också") || W("totalt") ||
               W("mellan") || W("kommer");
    case 7: return W("miljard");
    case 8: return W("miljoner") || W("avsätts");
    case 9: return W("miljarder") || W("avsätter");
    case 10: return W("regeringen");
    case 11: return W("ytterligare");
    }
    return 0;
#undef W
}

/* Hashes of the content words of s[sp], each cut to its first six bytes of
 * lower-case letters (a crude stem: "vården"/"vård", "regionerna"/"region"
 * still differ, "primärvården"/"primärvård" agree), sorted, without
 * duplicates. */
static size_t content_words(const char *s, belopp_span sp, uint32_t *out)
{
    size_t n = 0;
    char w[64];
    for (size_t i = sp.start; i < sp.end && n < MAX_WORDS;) {
        if (!belopp_letter_at(s, i, sp.end)) {
            i++;
            continue;
        }
        size_t wl = 0;
        while (i < sp.end && belopp_letter_at(s, i, sp.end)) {
            unsigned char c = (unsigned char)s[i];
            size_t k = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
            if (wl + k < sizeof w) {
                for (size_t j = 0; j < k; j++)
                    w[wl + j] = (char)(k == 1 && c >= 'A' && c <= 'Z' ? c + 32 : s[i + j]);
                if (k == 2 && c == 0xC3 && (unsigned char)s[i + 1] >= 0x80 &&
                    (unsigned char)s[i + 1] <= 0x9E)
                    w[wl + 1] = (char)(s[i + 1] + 0x20); /* Å Ä Ö É: lower case */
                wl += k;
            }
            i += k;
        }
        if (wl < 4 || common_word(w, wl))
            continue;
        size_t cut = wl < 6 ? wl : 6;
        while (cut < wl && ((unsigned char)w[cut] & 0xC0) == 0x80)
            cut++;
        uint32_t h = 2166136261u; /* FNV-1a */
        for (size_t j = 0; j < cut; j++)
            h = (h ^ (unsigned char)w[j]) * 16777619u;
        out[n++] = h;
    }
    for (size_t i = 1; i < n; i++) { /* at most MAX_WORDS: insertion, not qsort's calls */
        uint32_t v = out[i];
        size_t j = i;
        for (; j > 0 && out[j - 1] > v; j--)
            out[j] = out[j - 1];
        out[j] = v;
    }
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (m == 0 || out[m - 1] != out[i])
            out[m++] = out[i];
    return m;
}

/* The first date written out in s[sp] ("14 mars 2007", "3 juni"), as day,
 * month and year in one number; 0 if none.  Two sentences alike but for
 * their dates ("Föreläggande om 2 800 kr godkänt den 14 mars 2007" and "…
 * den 28 augusti 2007") tell of two events, not one twice. */
static uint32_t first_date(const char *s, belopp_span sp)
{
    static const char *const MONTH[] = {"januari", "februari", "mars",      "april",
                                        "maj",     "juni",     "juli",      "augusti",
                                        "september", "oktober", "november", "december"};
    for (size_t i = sp.start; i < sp.end; i++) {
        if (s[i] < '0' || s[i] > '9' || (i > sp.start && s[i - 1] >= '0' && s[i - 1] <= '9'))
            continue;
        uint32_t day = 0;
        size_t j = i;
        while (j < sp.end && j - i < 3 && s[j] >= '0' && s[j] <= '9')
            day = day * 10 + (uint32_t)(s[j++] - '0');
        if (j - i > 2 || day == 0 || day > 31 || j >= sp.end || s[j] != ' ')
            continue;
        j++;
        for (uint32_t m = 0; m < 12; m++) {
            size_t n = strlen(MONTH[m]);
            if (j + n <= sp.end && strncasecmp(s + j, MONTH[m], n) == 0 &&
                (j + n == sp.end || !belopp_letter_at(s, j + n, sp.end))) {
                uint32_t year = 0;
                size_t y = j + n;
                if (y + 5 <= sp.end && s[y] == ' ') {
                    size_t k = y + 1;
                    while (k < sp.end && k - y <= 4 && s[k] >= '0' && s[k] <= '9')
                        year = year * 10 + (uint32_t)(s[k++] - '0');
                    if (k - y != 5)
                        year = 0;
                }
                return (year * 13 + m + 1) * 32 + day;
            }
        }
    }
    return 0;
}

static size_t shared_words(const fact *a, const fact *b)
{
    size_t i = 0, j = 0, n = 0;
    while (i < a->nwords && j < b->nwords) {
        if (a->words[i] == b->words[j])
            n++, i++, j++;
        else if (a->words[i] < b->words[j])
            i++;
        else
            j++;
    }
    return n;
}

/* Does later fact f repeat earlier fact e?  Same money, and either e is the
 * heading of f's section, or both are sentences (two different ones) that
 * share at least three content words and at least half of the shorter one's. */
static int repeats(const fact *e, const fact *f, size_t section_heading)
{
    if (e->value != f->value || e->value_high != f->value_high || e->is_range != f->is_range ||
        strcmp(e->currency, f->currency) != 0)
        return 0;
    if (e->kind == BELOPP_KIND_HEADING)
        return e->para == section_heading && f->kind != BELOPP_KIND_HEADING;
    if (e->para == f->para)
        return 0; /* one sentence names two things: "kostar 400 kr/besök, och den som
                     uteblir … debiteras 400 kr" */
    if (e->date && f->date && e->date != f->date)
        return 0; /* two events, each with its date */
    size_t k = shared_words(e, f);
    size_t shorter = e->nwords < f->nwords ? e->nwords : f->nwords;
    return k >= 3 && 2 * k >= shorter;
}

static int keep(fact_list *l, const fact *f)
{
    if (l->n >= MAX_KEPT)
        return 0;
    void *items = l->items;
    if (belopp_grow(&items, &l->cap, l->n + 1, sizeof *l->items) < 0)
        return -1;
    l->items = items;
    l->items[l->n++] = *f;
    return 0;
}

/* ---- the recorder ------------------------------------------------------- */

belopp_recorder *belopp_recorder_new(const char *source, const unsigned char *raw, size_t rawlen,
                                     const belopp_text *t, const belopp_segments *g)
{
    belopp_recorder *rc = calloc(1, sizeof *rc);
    if (!rc || !(rc->source = belopp_xml_clean(source, strlen(source), 1))) {
        free(rc);
        return NULL;
    }
    rc->raw = raw;
    rc->rawlen = rawlen;
    rc->t = t;
    rc->g = g;
    rc->line = rc->col = rc->chunk_line = 1;
    rc->opened = NONE;
    rc->scan_end = NONE;
    if (raw)
        sha256_hex(raw, rawlen, rc->sha256);
    rc->doc.source = rc->source;
    rc->doc.sha256 = rc->sha256;
    rc->doc.bytes = rawlen;
    return rc;
}

void belopp_recorder_set_input(belopp_recorder *rc, const char *sha256, uint64_t bytes)
{
    memcpy(rc->sha256, sha256, 64);
    rc->sha256[64] = '\0';
    rc->doc.bytes = bytes;
}

void belopp_recorder_chunk_done(belopp_recorder *rc)
{
    if (!rc->t)
        return;
    /* what lies between the last record and the end of the chunk: its lines
     * (for the line count) and its headings */
    uint64_t col;
    line_of(rc, rc->raw_base + rc->rawlen, &col);
    advance_headings(rc, NONE);
    rc->text_base += belopp_text_len(rc->t);
    forget_memos(rc);
    rc->t = NULL;
    rc->g = NULL;
    rc->raw = NULL;
}

void belopp_recorder_chunk(belopp_recorder *rc, const unsigned char *raw, size_t rawlen,
                           size_t raw_base, const belopp_text *t, const belopp_segments *g)
{
    belopp_recorder_chunk_done(rc);
    rc->raw = raw;
    rc->rawlen = rawlen;
    rc->raw_base = raw_base;
    rc->chunk_line = rc->line;
    rc->line_pos = rc->line_start = rc->col_pos = raw_base;
    rc->col = 1;
    rc->t = t;
    rc->g = g;
    forget_memos(rc);
    rc->scan = 0;
    rc->scan_end = NONE;
    rc->row_hint = rc->next_row = 0;
}

void belopp_recorder_free(belopp_recorder *rc)
{
    if (!rc)
        return;
    free(rc->source);
    free(rc->lead.items);
    free(rc->section.items);
    free(rc->buf);
    for (int i = 0; i < MEMO_N; i++)
        free(rc->memo[i].out);
    free(rc);
}

belopp_doc *belopp_recorder_doc(belopp_recorder *rc) { return &rc->doc; }

static belopp_qualifier_kind qualifier_kind(const char *q)
{
    if (!q)
        return BELOPP_QUAL_NONE;
    if (strcmp(q, "approx") == 0)
        return BELOPP_QUAL_APPROX;
    return strcmp(q, "at-least") == 0 ? BELOPP_QUAL_AT_LEAST : BELOPP_QUAL_AT_MOST;
}

const belopp_record *belopp_recorder_make(belopp_recorder *rc, const belopp_amount *a)
{
    const char *s = belopp_text_data(rc->t);
    size_t len = belopp_text_len(rc->t);
    belopp_record *r = &rc->rec;
    memset(r, 0, sizeof *r);
    rc->len = 0;
    size_t o_text, o_ctx = NONE, o_head = NONE, o_label = NONE, o_col = NONE, o_cap = NONE,
                   o_per = NONE;

    r->source = rc->source;
    r->sha256 = rc->sha256;
    memcpy(r->currency, a->currency, 3);
    r->minor_exp = a->minor_exp;
    r->is_range = a->is_range;
    r->value = a->minor;
    r->value_high = a->is_range ? a->minor_high : a->minor;
    r->qualifier = qualifier_kind(a->qualifier);
    r->start = a->src.start;
    r->end = a->src.end;
    r->line = line_of(rc, a->src.start, &r->col);

    size_t here = a->row ? a->row->label.start : a->sentence.start;
    if (here > a->text.start)
        here = a->text.start;
    advance_headings(rc, here);

    if ((o_text = put_clean(rc, "", s + a->text.start, a->text.end - a->text.start, "", 0)) == NONE)
        return NULL;
    if (a->per.start != a->per.end &&
        (o_per = put_clean(rc, "", s + a->per.start, a->per.end - a->per.start, "", 1)) == NONE)
        return NULL;

    const belopp_table *tb = a->row ? belopp_segments_table(rc->g, a->row->table) : NULL;
    if (tb) {
        r->kind = BELOPP_KIND_CELL;
        char title[256]; /* "Statsbudget" of "Stats-" over "budget": one string */
        size_t tl = belopp_segments_column_name(rc->g, a->row, a->column, title, sizeof title);
        if (tl >= sizeof title)
            tl = strlen(title); /* cut on a character boundary */
        if ((o_col = put_clean(rc, "", title, tl, "", 1)) == NONE ||
            (o_label = put_context(rc, &rc->memo[MEMO_LABEL], a->row->label, a->row->label)) == NONE)
            return NULL;
        if (tb->caption.start < tb->caption.end &&
            (o_cap = put_context(rc, &rc->memo[MEMO_CAPTION], tb->caption, tb->caption)) == NONE)
            return NULL;
        r->total = a->is_total; /* the table stage knows its total rows and columns */
        r->sum = a->sum == BELOPP_CELL_SUM_OK         ? BELOPP_SUM_OK
                 : a->sum == BELOPP_CELL_SUM_MISMATCH ? BELOPP_SUM_MISMATCH
                 : a->sum == BELOPP_CELL_SUM_ROUNDING ? BELOPP_SUM_ROUNDING
                                                      : BELOPP_SUM_NONE;
    } else {
        /* a heading is a sentence that is its whole line: look only at the
         * spaces around it, not along a long line for each amount */
        size_t ls = a->sentence.start, le = a->sentence.end;
        while (ls > 0 && (s[ls - 1] == ' ' || s[ls - 1] == '\t'))
            ls--;
        while (le < len && (s[le] == ' ' || s[le] == '\t' || s[le] == '\r'))
            le++;
        int whole_line = (ls == 0 || s[ls - 1] == '\n') && (le == len || s[le] == '\n');
        r->kind = whole_line && heading_line(s, len, ls, le) ? BELOPP_KIND_HEADING
                                                             : BELOPP_KIND_PROSE;
        if ((o_ctx = put_context(rc, &rc->memo[MEMO_SENTENCE], a->sentence, a->text)) == NONE)
            return NULL;
    }
    if (r->kind != BELOPP_KIND_HEADING && rc->heading.end > rc->heading.start &&
        (o_head = put_memo(rc, &rc->memo[MEMO_HEADING], "", rc->head_text,
                           rc->heading.end - rc->heading.start, "", 1)) ==
            NONE) /* as put_context: a heading is shorter than MAX_CONTEXT */
        return NULL;

    /* Repeats: cells neither repeat nor are repeated (a table is its own
     * account of the figures). */
    if (r->kind != BELOPP_KIND_CELL) {
        fact f = {.value = r->value, .value_high = r->value_high, .is_range = r->is_range,
                  .kind = r->kind, .start = r->start};
        memcpy(f.currency, r->currency, 4);
        f.para = rc->text_base + (r->kind == BELOPP_KIND_HEADING
                                      ? belopp_trim(s, a->sentence.start, a->sentence.end).start
                                      : a->sentence.start);
        size_t ws = rc->text_base + a->sentence.start, we = rc->text_base + a->sentence.end;
        if (rc->cw_end == 0 || rc->cw_start != ws || rc->cw_end != we) {
            rc->ncw = content_words(s, a->sentence, rc->cw);
            rc->cdate = first_date(s, a->sentence);
            rc->cw_start = ws;
            rc->cw_end = we;
        }
        memcpy(f.words, rc->cw, rc->ncw * sizeof *f.words);
        f.nwords = rc->ncw;
        f.date = rc->cdate;
        size_t section = rc->heading.end > rc->heading.start ? rc->heading.start : NONE;
        const fact_list *lists[2] = {&rc->lead, &rc->section};
        for (int li = 0; li < 2 && !r->has_repeats; li++)
            for (size_t i = 0; i < lists[li]->n; i++)
                if (repeats(&lists[li]->items[i], &f, section)) {
                    r->has_repeats = 1;
                    r->repeats = lists[li]->items[i].start;
                    break;
                }
        if (!r->has_repeats) {
            /* a heading opens its own section, which the scan reaches only
             * past its line */
            if (r->kind == BELOPP_KIND_HEADING && f.para != rc->opened) {
                rc->section.n = 0;
                rc->opened = f.para;
                rc->seen_heading = 1;
            }
            if (keep(rc->seen_heading ? &rc->section : &rc->lead, &f) < 0)
                return NULL;
        }
    }

    /* The buffer is final: point into it. */
    r->text = rc->buf + o_text;
    r->context = o_ctx == NONE ? NULL : rc->buf + o_ctx;
    r->heading = o_head == NONE ? NULL : rc->buf + o_head;
    r->label = o_label == NONE ? NULL : rc->buf + o_label;
    r->column_title = o_col == NONE ? NULL : rc->buf + o_col;
    r->caption = o_cap == NONE ? NULL : rc->buf + o_cap;
    r->per = o_per == NONE ? NULL : rc->buf + o_per;
    rc->doc.records++;
    rc->doc.facts += !r->has_repeats;
    return r;
}
