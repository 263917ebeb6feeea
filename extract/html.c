/* html.c — the visible text of an HTML page, mapped to the page's bytes.
 *
 * Design note: the facts relied on, each checked against libxml2 2.9.14 on
 * Debian 12 with small programs (tests/unit_html.c keeps the ones that
 * matter).
 * - Encoding.  With no byte order mark and no charset declaration the HTML
 *   parser reads even valid UTF-8 as ISO-8859-1 ("Ã¥"); a NUL byte ends the
 *   document; an invalid UTF-8 byte switches the rest to ISO-8859-1; C0
 *   controls, U+FFFE and U+FFFF are dropped.  So we pick the encoding
 *   ourselves (byte order mark, then a charset in the first 1024 bytes, then
 *   UTF-8 unless the bytes cannot be UTF-8: read.c's rule), decode the page
 *   to clean UTF-8 ourselves, and hand libxml2 that copy with "UTF-8"
 *   forced, which overrides any <meta>.  A declaration the bytes contradict
 *   is not honoured: "iso-8859-1" on valid multibyte UTF-8 is a template
 *   that lied, "utf-8" on bytes that are no UTF-8 at all is Windows-1252.
 *   ISO-8859-1 is read as its superset Windows-1252, as browsers do, and a
 *   reference "&#150;" is Windows-1252's en dash (libxml2 gives U+0096).
 * - Safety.  HTML_PARSE_NONET, a deny-all external entity loader while we
 *   parse, parsing from memory; never NOENT, DTDLOAD or HUGE.
 * - Limits.  Without HUGE the parser halts past 256 nested elements (for
 *   HTML too: unclosed <font> tags get there) and at a text node of 10 MB,
 *   and all that follows is missing from the tree.  We notice the halt and
 *   read the rest of the page with a plain tag scanner of our own.
 * - Positions.  The tree holds no byte offsets, and its text has entities
 *   decoded.  We keep a cursor in the page and find each text node's
 *   characters from it on, skipping markup as the 2.9.14 parser does:
 *   comments run to "-->" (unterminated: to the end); "<!doctype" and "<?"
 *   to '>'; "<!" followed by anything else is text; a start tag is '<' and
 *   an ASCII letter, up to '>' outside a quoted attribute value (an
 *   unterminated quote runs to the end; "src=x/>" is a value "x/", not
 *   "/>"); "</" and a letter, '_', ':' or '.' is an end tag up to '>', "</"
 *   and anything else is dropped and what follows is text; <script> and
 *   <style> (not "<script/>") hold raw text up to "</script" or "</style" in
 *   any case, except that content starting with an end tag or (script)
 *   "<noscript" is parsed as markup; right after a <!DOCTYPE> outside the
 *   prolog, "</" and "<!" are text.  Entities: a name known to libxml2
 *   followed by ';' ("&nbsp" without it stays text); "&#65", "&#x41" work
 *   without ';' and take digits greedily ("&#x41b" is U+041B); character
 *   references that are no XML character produce nothing.  White space runs
 *   match as wholes; the parser keeps white space as written (CR LF too)
 *   but drops some white-space-only nodes, so white space may match none.
 * - When a text is not where the cursor is, we look further on (up to
 *   64 KB, and over at most about four times the page in all): text the
 *   tree lacks is passed over.  A text never found is written mapped to the
 *   cursor, with one warning for the page; fuzzing with tag soup found that
 *   for 1 page in 1500, from constructs no real page has.
 * - Tree shape.  No <tbody> is inserted; script and style content are
 *   CDATA nodes, never text; the tree keeps document order.
 * - Walking.  Iteratively, by parent and sibling pointers: no recursion.
 * - Output.  Press text conventions for the later stages: a block element
 *   ends a line, a paragraph-level one leaves a blank line, "<br><br>" too
 *   (old pages mark paragraphs so).  A table row is its cells joined by TAB
 *   ("Stockholm\t2 111"), a header row too ("Region\tMiljoner kronor"); a
 *   <caption> is the line above.  Inside a data cell (at most one block
 *   element, under 200 bytes of text) every break is a space, so that the
 *   row stays one line.  A layout cell (old pages put the whole article in
 *   one) is a column of the page: a paragraph of its own, its breaks kept,
 *   none at its start or end.  White space collapses to one space as in a
 *   browser, but <pre> keeps it; U+00A0 stays.  Not shown: head, title,
 *   script, style, noscript, template, svg, math, iframe, form fields,
 *   audio/video fallbacks, elements with "hidden" or an inline
 *   "display:none", comments and attribute values.
 * - Map.  Characters copied as they stand map byte for byte; an entity or a
 *   recoded character maps to its whole source; a collapsed space to the
 *   white space it stands for; inserted breaks and tabs to no bytes.
 */
#include "html.h"

#include <pthread.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <utf8proc.h>

#define PRESCAN_BYTES 1024
#define LISTED_REPAIRS 10
#define SEARCH_WINDOW ((size_t)1 << 16) /* how far to look for a text the cursor missed */
#define LAYOUT_SCAN_NODES 2000          /* nodes looked at to tell a layout cell */
#define LAYOUT_CELL_TEXT 200            /* bytes of text no data cell holds */

static const char REPLACEMENT[] = "\xEF\xBF\xBD";

/* --- the page's encoding ----------------------------------------------- */

typedef enum { PAGE_UTF8, PAGE_CP1252, PAGE_LATIN9, PAGE_UTF16LE, PAGE_UTF16BE } page_enc;

typedef struct {
    const unsigned char *buf;
    size_t len;
    size_t body;       /* first byte after a byte order mark */
    size_t prolog_end; /* see find_prolog_end */
    page_enc enc;
} page;

static int32_t latin9(unsigned char c)
{
    switch (c) {
    case 0xA4: return 0x20AC;
    case 0xA6: return 0x0160;
    case 0xA8: return 0x0161;
    case 0xB4: return 0x017D;
    case 0xB8: return 0x017E;
    case 0xBC: return 0x0152;
    case 0xBD: return 0x0153;
    case 0xBE: return 0x0178;
    default: return c;
    }
}

/* Is v a character XML (and so libxml2) accepts? */
static int is_xml_char(uint32_t v)
{
    return v == 0x9 || v == 0xA || v == 0xD || (v >= 0x20 && v <= 0xD7FF) ||
           (v >= 0xE000 && v <= 0xFFFD) || (v >= 0x10000 && v <= 0x10FFFF);
}

/* Decodes the character at pos < pg->len.  Sets *cp and returns its length
 * in bytes (at least 1).  What libxml2 would drop or choke on becomes
 * U+FFFD (a form feed a space); *repaired says so. */
static size_t page_char(const page *pg, size_t pos, int32_t *cp, int *repaired)
{
    const unsigned char *s = pg->buf + pos;
    size_t avail = pg->len - pos, n = 1;
    int32_t c;
    int bad = 0;
    switch (pg->enc) {
    case PAGE_UTF8:
        if (s[0] < 0x80) {
            c = s[0];
        } else {
            utf8proc_int32_t u;
            utf8proc_ssize_t k = utf8proc_iterate(s, (utf8proc_ssize_t)(avail > 4 ? 4 : avail), &u);
            if (k > 0) {
                c = u;
                n = (size_t)k;
            } else {
                c = 0xFFFD;
                bad = 1;
            }
        }
        break;
    case PAGE_CP1252:
        c = belopp_cp1252(s[0]);
        break;
    case PAGE_LATIN9:
        c = latin9(s[0]);
        break;
    default: { /* UTF-16 */
        int le = pg->enc == PAGE_UTF16LE;
        if (avail < 2) {
            c = 0xFFFD;
            bad = 1;
            break;
        }
        n = 2;
        uint32_t u = le ? (uint32_t)s[0] | (uint32_t)s[1] << 8 : (uint32_t)s[0] << 8 | s[1];
        if (u >= 0xD800 && u < 0xDC00 && avail >= 4) {
            uint32_t u2 = le ? (uint32_t)s[2] | (uint32_t)s[3] << 8 : (uint32_t)s[2] << 8 | s[3];
            if (u2 >= 0xDC00 && u2 < 0xE000) {
                c = (int32_t)(0x10000 + ((u - 0xD800) << 10) + (u2 - 0xDC00));
                n = 4;
                break;
            }
        }
        if (u >= 0xD800 && u < 0xE000) {
            c = 0xFFFD;
            bad = 1;
        } else {
            c = (int32_t)u;
        }
        break;
    }
    }
    if (c == '\f') {
        c = ' ';
    } else if (!is_xml_char((uint32_t)c)) {
        c = 0xFFFD;
        bad = 1;
    }
    *cp = c;
    if (repaired)
        *repaired = bad;
    return n;
}

/* How the bytes look as UTF-8. */
typedef enum {
    LOOKS_ASCII,      /* no byte >= 0x80 */
    LOOKS_UTF8,       /* valid, with multibyte characters */
    LOOKS_DAMAGED,    /* multibyte characters and some invalid bytes */
    LOOKS_SINGLE_BYTE /* invalid bytes and not one multibyte character */
} utf8_look;

static utf8_look look(const unsigned char *buf, size_t len)
{
    int multi = 0, bad = 0;
    for (size_t i = 0; i < len;) {
        if (buf[i] < 0x80) {
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t n =
            utf8proc_iterate(buf + i, (utf8proc_ssize_t)(len - i > 4 ? 4 : len - i), &cp);
        if (n > 0) {
            multi = 1;
            i += (size_t)n;
        } else {
            bad = 1;
            i++;
        }
    }
    return bad ? (multi ? LOOKS_DAMAGED : LOOKS_SINGLE_BYTE) : multi ? LOOKS_UTF8 : LOOKS_ASCII;
}

/* The encoding a charset name stands for: 0 and *enc, 1 for a name we do
 * not support, -1 for a UTF-16 label, which in a page we can read as
 * ASCII means nothing. */
static int charset_name(const char *name, page_enc *enc)
{
    static const struct {
        const char *name;
        page_enc enc;
    } names[] = {
        {"utf-8", PAGE_UTF8},         {"utf8", PAGE_UTF8},           {"unicode-1-1-utf-8", PAGE_UTF8},
        {"iso-8859-1", PAGE_CP1252},  {"iso8859-1", PAGE_CP1252},    {"iso_8859-1", PAGE_CP1252},
        {"latin1", PAGE_CP1252},      {"latin-1", PAGE_CP1252},      {"l1", PAGE_CP1252},
        {"windows-1252", PAGE_CP1252}, {"cp1252", PAGE_CP1252},      {"x-cp1252", PAGE_CP1252},
        {"us-ascii", PAGE_CP1252},    {"ascii", PAGE_CP1252},        {"iso-ir-100", PAGE_CP1252},
        {"cp819", PAGE_CP1252},       {"ibm819", PAGE_CP1252},       {"csisolatin1", PAGE_CP1252},
        {"iso-8859-15", PAGE_LATIN9}, {"iso8859-15", PAGE_LATIN9},   {"iso_8859-15", PAGE_LATIN9},
        {"latin9", PAGE_LATIN9},      {"latin-9", PAGE_LATIN9},      {"l9", PAGE_LATIN9},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcasecmp(name, names[i].name) == 0) {
            *enc = names[i].enc;
            return 0;
        }
    if (strncasecmp(name, "utf-16", 6) == 0 || strncasecmp(name, "utf16", 5) == 0)
        return -1;
    return 1;
}

static int ascii_ci(const unsigned char *s, size_t avail, const char *word)
{
    size_t n = strlen(word);
    return avail >= n && strncasecmp((const char *)s, word, n) == 0;
}

static int is_ascii_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static int charset_char(unsigned char c)
{
    return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.' || c == ':';
}

/* Looks for <meta charset="X"> or <meta http-equiv=… content="…; charset=X">
 * starting in the first PRESCAN_BYTES bytes.  Copies X (cut at cap - 1
 * bytes) to name and returns 1, or returns 0. */
static int prescan_charset(const unsigned char *buf, size_t len, char *name, size_t cap)
{
    size_t window = len < PRESCAN_BYTES ? len : PRESCAN_BYTES;
    for (size_t i = 0; i + 5 <= window; i++) {
        if (buf[i] != '<' || !ascii_ci(buf + i + 1, len - i - 1, "meta"))
            continue;
        size_t end = i + 5, limit = len - i > 2 * PRESCAN_BYTES ? i + 2 * PRESCAN_BYTES : len;
        while (end < limit && buf[end] != '>')
            end++;
        for (size_t j = i + 5; j + 7 <= end; j++) {
            if (!ascii_ci(buf + j, end - j, "charset"))
                continue;
            size_t k = j + 7;
            while (k < end && is_ascii_space(buf[k]))
                k++;
            if (k >= end || buf[k] != '=')
                continue;
            k++;
            while (k < end && (is_ascii_space(buf[k]) || buf[k] == '"' || buf[k] == '\''))
                k++;
            size_t n = 0;
            while (k < end && n + 1 < cap && charset_char(buf[k]))
                name[n++] = (char)buf[k++];
            name[n] = '\0';
            if (n > 0)
                return 1;
        }
        i = end;
    }
    return 0;
}

/* Chooses the page's encoding and where its text starts; see the note. */
static void choose_encoding(page *pg, belopp_encoding enc, belopp_diags *diags)
{
    const unsigned char *b = pg->buf;
    size_t len = pg->len;
    pg->body = 0;
    if (enc == BELOPP_ENC_LATIN1) {
        pg->enc = PAGE_CP1252;
        return;
    }
    if (len >= 3 && memcmp(b, "\xEF\xBB\xBF", 3) == 0) {
        pg->enc = PAGE_UTF8;
        pg->body = 3;
        return;
    }
    if (enc == BELOPP_ENC_UTF8) {
        pg->enc = PAGE_UTF8;
        return;
    }
    if (len >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF))) {
        pg->enc = b[0] == 0xFF ? PAGE_UTF16LE : PAGE_UTF16BE;
        pg->body = 2;
        return;
    }
    char name[41];
    page_enc declared = PAGE_UTF8;
    int have = 0;
    if (prescan_charset(b, len, name, sizeof name)) {
        int rc = charset_name(name, &declared);
        if (rc == 0)
            have = 1;
        else if (rc > 0)
            belopp_diags_add(diags, BELOPP_WARNING, BELOPP_DIAG_ENCODING, BELOPP_NO_OFFSET,
                             "charset \"%s\" is not supported; encoding guessed instead", name);
    }
    utf8_look l = look(b, len);
    if (have && declared == PAGE_UTF8 && l == LOOKS_SINGLE_BYTE) {
        belopp_diags_add(diags, BELOPP_WARNING, BELOPP_DIAG_ENCODING, BELOPP_NO_OFFSET,
                         "declared UTF-8 but is not; read as Windows-1252 (Latin-1)");
        declared = PAGE_CP1252;
    } else if (have && declared != PAGE_UTF8 && l == LOOKS_UTF8) {
        belopp_diags_add(diags, BELOPP_WARNING, BELOPP_DIAG_ENCODING, BELOPP_NO_OFFSET,
                         "declared %s but is valid UTF-8; read as UTF-8", name);
        declared = PAGE_UTF8;
    } else if (!have && l == LOOKS_SINGLE_BYTE) {
        belopp_diags_add(diags, BELOPP_WARNING, BELOPP_DIAG_ENCODING, BELOPP_NO_OFFSET,
                         "no charset declared and not UTF-8; read as Windows-1252 (Latin-1)");
        declared = PAGE_CP1252;
    }
    pg->enc = declared;
}

/* The page as clean UTF-8 for libxml2: malloc'd, the caller frees it.
 * Repaired characters become warnings.  NULL when out of memory. */
static unsigned char *transcode(const page *pg, size_t *out_len, belopp_diags *diags)
{
    size_t n = pg->len - pg->body;
    if (n > (SIZE_MAX - 1) / 3)
        return NULL;
    unsigned char *u = malloc(3 * n + 1); /* one byte becomes at most three, two at most three */
    if (!u)
        return NULL;
    size_t o = 0, repairs = 0;
    for (size_t pos = pg->body; pos < pg->len;) {
        unsigned char c0 = pg->buf[pos];
        if (pg->enc != PAGE_UTF16LE && pg->enc != PAGE_UTF16BE && c0 >= 0x20 && c0 < 0x80) {
            u[o++] = c0;
            pos++;
            continue;
        }
        int32_t cp;
        int bad;
        size_t k = page_char(pg, pos, &cp, &bad);
        if (bad && ++repairs <= LISTED_REPAIRS) {
            if (c0 == 0 && (pg->enc == PAGE_UTF8 || pg->enc == PAGE_CP1252 || pg->enc == PAGE_LATIN9))
                belopp_diags_add(diags, BELOPP_WARNING, BELOPP_DIAG_INVALID_UTF8, pos, "NUL byte replaced by U+FFFD");
            else if (pg->enc == PAGE_UTF8 && c0 >= 0x80)
                belopp_diags_add(diags, BELOPP_WARNING, BELOPP_DIAG_INVALID_UTF8, pos,
                                 "invalid UTF-8 byte 0x%02X replaced by U+FFFD", c0);
            else
                belopp_diags_add(diags, BELOPP_WARNING, BELOPP_DIAG_INVALID_UTF8, pos,
                                 "invalid character replaced by U+FFFD");
        }
        o += (size_t)utf8proc_encode_char(cp, u + o);
        pos += k;
    }
    if (repairs > LISTED_REPAIRS)
        belopp_diags_add(diags, BELOPP_WARNING, BELOPP_DIAG_INVALID_UTF8, BELOPP_NO_OFFSET,
                         "%zu more invalid characters replaced by U+FFFD",
                         repairs - LISTED_REPAIRS);
    u[o] = '\0';
    *out_len = o;
    return u;
}

/* --- reading the page's own bytes -------------------------------------- */

/* The character at pos, or -1 at the end; *next is where the one after starts. */
static int32_t peek(const page *pg, size_t pos, size_t *next)
{
    if (pos >= pg->len) {
        *next = pg->len;
        return -1;
    }
    if (pg->enc != PAGE_UTF16LE && pg->enc != PAGE_UTF16BE && pg->buf[pos] < 0x80 &&
        pg->buf[pos] >= 0x20) {
        *next = pos + 1;
        return pg->buf[pos];
    }
    int32_t cp;
    *next = pos + page_char(pg, pos, &cp, NULL);
    return cp;
}

static int is_space(int32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
static int is_letter(int32_t c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
static int is_digit(int32_t c) { return c >= '0' && c <= '9'; }

/* Does the ASCII word (lower case) follow at pos, in any case?  Sets *end. */
static int word_at(const page *pg, size_t pos, const char *word, size_t *end)
{
    for (; *word; word++) {
        int32_t c = peek(pg, pos, &pos);
        if (c < 0 || c >= 0x80 || (is_letter(c) ? (c | 0x20) : c) != *word)
            return 0;
    }
    *end = pos;
    return 1;
}

/* The first occurrence of the ASCII word (any case) at or after pos: its
 * start, or pg->len. */
static size_t find_word(const page *pg, size_t pos, const char *word)
{
    size_t next, end;
    while (pos < pg->len) {
        int32_t c = peek(pg, pos, &next);
        if (c == word[0] && word_at(pg, pos, word, &end))
            return pos;
        pos = next;
    }
    return pg->len;
}

typedef enum { MK_NONE, MK_OPEN, MK_CLOSE, MK_OTHER } markup_kind;

typedef struct {
    markup_kind kind;
    char name[16]; /* lower case, cut; "" if longer than 15 */
    int self_closing;
} markup;

/* Reads a tag name at pos into m->name; returns where it ends. */
static size_t tag_name(const page *pg, size_t pos, markup *m)
{
    size_t n = 0, next;
    int32_t c;
    while ((c = peek(pg, pos, &next)) >= 0 &&
           (is_letter(c) || is_digit(c) || c == ':' || c == '-' || c == '_' || c == '.')) {
        if (n < sizeof m->name - 1)
            m->name[n] = (char)(is_letter(c) ? (c | 0x20) : c);
        n++;
        pos = next;
    }
    m->name[n < sizeof m->name ? n : 0] = '\0';
    return pos;
}

/* "&#…" at pos as libxml2 2.9.14 reads it: digits greedily, ';' optional.
 * Returns its end and sets *val (0 when libxml2 drops it). */
static size_t char_ref(const page *pg, size_t pos, uint32_t *val)
{
    size_t p, next;
    peek(pg, pos, &p); /* & */
    peek(pg, p, &p);   /* # */
    int32_t c = peek(pg, p, &next);
    uint32_t base = 10, v = 0;
    if (c == 'x' || c == 'X') {
        base = 16;
        p = next;
    }
    while ((c = peek(pg, p, &next)) != ';') {
        int d = is_digit(c) ? c - '0'
                : base == 16 && (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10
                                                                   : -1;
        if (d < 0)
            break;
        v = v * base + (uint32_t)d;
        if (v > 0x110000)
            v = 0x110000;
        p = next;
    }
    if (c == ';')
        p = next;
    *val = is_xml_char(v) ? v : 0;
    return p;
}

static size_t skip_markup(const page *pg, size_t pos, markup *m);

/* Does pos follow right on a <!DOCTYPE> that is not in the prolog?  The
 * 2.9.14 parser then reads a "</" or "<!" at pos as the text '<'. */
static int after_misplaced_doctype(const page *pg, size_t pos)
{
    size_t unit = pg->enc == PAGE_UTF16LE || pg->enc == PAGE_UTF16BE ? 2 : 1, next, end;
    if (pos < pg->body + unit || peek(pg, pos - unit, &next) != '>')
        return 0;
    size_t q = pos - unit;
    int32_t c = 0;
    for (int i = 0; i < 1024 && q >= pg->body + unit && c != '<'; i++) {
        q -= unit;
        c = peek(pg, q, &next);
        if (c == '>')
            return 0;
    }
    if (c != '<' || peek(pg, q + unit, &next) != '!' || !word_at(pg, next, "doctype", &end))
        return 0;
    return q != pg->prolog_end;
}

/* Where the prolog ends: past the white space, comments and processing
 * instructions at the start.  A <!DOCTYPE> there is in its place. */
static size_t find_prolog_end(const page *pg)
{
    size_t p = pg->body, next, end;
    for (;;) {
        int32_t c = peek(pg, p, &next);
        if (is_space(c)) {
            p = next;
            continue;
        }
        int32_t c1 = peek(pg, next, &end);
        if (c != '<' || (c1 != '?' && !(c1 == '!' && word_at(pg, end, "--", &end))))
            return p;
        size_t r = skip_markup(pg, p, NULL);
        if (r == p)
            return p;
        p = r;
    }
}

/* If markup starts at pos (a tag, comment, doctype, processing instruction,
 * a dropped "</", or a character reference libxml2 drops), returns where it
 * ends, and describes it in *m when m is not NULL; else returns pos.  A
 * <script> or <style> start tag takes its raw content along. */
static size_t skip_markup(const page *pg, size_t pos, markup *m)
{
    markup scratch;
    if (!m)
        m = &scratch;
    m->kind = MK_NONE;
    m->name[0] = '\0';
    m->self_closing = 0;
    size_t p, next, end;
    int32_t c0 = peek(pg, pos, &p);
    if (c0 == '&') {
        int32_t c = peek(pg, p, &next);
        uint32_t v;
        if (c != '#')
            return pos;
        end = char_ref(pg, pos, &v);
        if (v != 0)
            return pos;
        m->kind = MK_OTHER;
        return end;
    }
    if (c0 != '<')
        return pos;
    int32_t c1 = peek(pg, p, &next);
    if (c1 == '!') {
        if (word_at(pg, next, "--", &end)) {
            /* a comment, to "-->" */
            int32_t a = 0, b = 0, c;
            size_t q = end;
            while ((c = peek(pg, q, &q)) >= 0) {
                if (c == '>' && a == '-' && b == '-')
                    break;
                a = b;
                b = c;
            }
            m->kind = MK_OTHER;
            return q;
        }
        if (!word_at(pg, next, "doctype", &end) || after_misplaced_doctype(pg, pos))
            return pos; /* "<!foo>" is text */
    } else if (c1 == '/') {
        if (after_misplaced_doctype(pg, pos))
            return pos;
        int32_t c2 = peek(pg, next, &end);
        if (!(is_letter(c2) || c2 == '_' || c2 == ':' || c2 == '.')) {
            m->kind = MK_OTHER;
            return next; /* "</" is dropped, what follows is text */
        }
        tag_name(pg, next, m);
        m->kind = MK_CLOSE;
    } else if (c1 != '?' && !is_letter(c1)) {
        return pos; /* "< 3", "<3", "<å" are text */
    }
    if (c1 == '!' || c1 == '?' || c1 == '/') {
        int32_t c;
        size_t q = next;
        while ((c = peek(pg, q, &q)) >= 0 && c != '>')
            ;
        if (m->kind == MK_NONE)
            m->kind = MK_OTHER;
        return q;
    }
    /* A start tag: attributes, quoted values, to '>'. */
    m->kind = MK_OPEN;
    size_t q = tag_name(pg, p, m);
    int32_t c, last = 0;
    for (;;) {
        c = peek(pg, q, &next);
        if (c < 0)
            return pg->len;
        q = next;
        if (c == '>')
            break;
        if (c == '=') {
            while (is_space(c = peek(pg, q, &next)))
                q = next;
            if (c == '"' || c == '\'') {
                int32_t quote = c, d;
                q = next;
                while ((d = peek(pg, q, &q)) >= 0 && d != quote)
                    ;
                if (d < 0)
                    return pg->len;
            } else {
                /* unquoted, to white space or '>': "src=x/>" is not "/>" */
                while ((c = peek(pg, q, &next)) >= 0 && !is_space(c) && c != '>')
                    q = next;
            }
            last = 0;
            continue;
        }
        if (!is_space(c))
            last = c;
    }
    m->self_closing = last == '/';
    if (!m->self_closing && (strcmp(m->name, "script") == 0 || strcmp(m->name, "style") == 0)) {
        /* Content that starts with an end tag is parsed as one, which may
         * close the script ("<p><script></p>b"); then take what follows as
         * text: text the tree lacks is skipped by the search, text the page
         * seemed to lack would be lost. */
        int32_t c2 = peek(pg, q, &next);
        if (c2 == '<' && peek(pg, next, &next) == '/') {
            c2 = peek(pg, next, &next);
            if (is_letter(c2) || c2 == '_' || c2 == ':' || c2 == '.')
                return q;
        }
        if (strcmp(m->name, "script") == 0 && word_at(pg, q, "<noscript", &next))
            return q; /* so does "<script><noscript>" */
        char close[9] = "</";
        strcat(close, m->name);
        return find_word(pg, q, close);
    }
    return q;
}

/* One character of text in the page. */
typedef struct {
    int32_t cp;
    size_t start, end; /* its bytes */
    size_t amp_end;    /* when it is an entity: the end of its '&' taken as text, else 0 */
} rchar;

/* The text character at pos < pg->len (markup already skipped). */
static void text_char(const page *pg, size_t pos, rchar *rc)
{
    size_t next;
    rc->cp = peek(pg, pos, &next);
    rc->start = pos;
    rc->end = next;
    rc->amp_end = 0;
    if (rc->cp != '&')
        return;
    size_t amp_end = next;
    int32_t c = peek(pg, next, &next);
    if (c == '#') {
        uint32_t v;
        size_t end = char_ref(pg, pos, &v);
        if (v != 0) {
            rc->cp = (int32_t)v;
            rc->end = end;
            rc->amp_end = amp_end;
        }
        return;
    }
    char name[33];
    size_t n = 0, p = amp_end;
    while ((c = peek(pg, p, &next)) >= 0 && (is_letter(c) || is_digit(c)) && n < sizeof name - 1) {
        name[n++] = (char)c;
        p = next;
    }
    name[n] = '\0';
    if (n == 0 || c != ';' || !is_letter(name[0]))
        return;
    const htmlEntityDesc *e = htmlEntityLookup((const xmlChar *)name);
    if (!e || e->value == 0 || !is_xml_char(e->value))
        return;
    rc->cp = (int32_t)e->value;
    rc->end = next;
    rc->amp_end = amp_end;
}

/* The next text character at or after pos, markup skipped: 1, or 0 at the end. */
static int raw_next(const page *pg, size_t pos, rchar *rc)
{
    for (;;) {
        if (pos >= pg->len)
            return 0;
        size_t q = skip_markup(pg, pos, NULL);
        if (q == pos)
            break;
        pos = q;
    }
    text_char(pg, pos, rc);
    return 1;
}

/* Skips white space and markup from pos: returns where the next other
 * text character starts, or pg->len. */
static size_t skip_space(const page *pg, size_t pos)
{
    rchar rc;
    while (raw_next(pg, pos, &rc)) {
        if (!is_space(rc.cp))
            return rc.start;
        pos = rc.end;
    }
    return pg->len;
}

/* --- the output -------------------------------------------------------- */

enum { BR_NONE, BR_SPACE, BR_LINE, BR_PARA };

typedef struct {
    page pg;
    belopp_text *t;
    belopp_diags *diags;
    int oom;
    size_t cursor;     /* page bytes before it have been matched */
    size_t work;       /* page bytes gone over by failed tries */
    size_t work_limit; /* beyond it, a text the cursor missed is not looked for */
    size_t lost, lost_at;
    /* what is waiting to be written before the next character */
    int pend_break;
    size_t pend_tabs;
    int pend_brs;            /* <br> elements since the last character */
    int pend_ws;             /* the pending space stands for page white space: */
    size_t pend_rs, pend_re; /* these bytes */
    size_t run_src, run_len; /* page bytes to copy as they are */
    int emitted;
    unsigned char tail[2]; /* the last two bytes written */
    /* the text node being written */
    int node_started, inner_ws, pre_node;
    size_t ws_rs, ws_re;
    /* where we are in the tree */
    int pre;
    int cell_depth, cell_text, cell_layout;
    const xmlNode *skip_root;
} ctx;

static void append(ctx *x, const char *s, size_t n, size_t src, size_t src_len)
{
    if (!x->oom && belopp_text_append(x->t, s, n, src, src_len) < 0)
        x->oom = 1;
}

static void flush_run(ctx *x)
{
    if (x->run_len)
        append(x, (const char *)x->pg.buf + x->run_src, x->run_len, x->run_src, x->run_len);
    x->run_len = 0;
}

static void note_tail(ctx *x, const char *s, size_t n)
{
    if (n >= 2) {
        x->tail[0] = (unsigned char)s[n - 2];
        x->tail[1] = (unsigned char)s[n - 1];
    } else if (n == 1) {
        x->tail[0] = x->tail[1];
        x->tail[1] = (unsigned char)s[0];
    }
    if (n)
        x->emitted = 1;
}

/* Writes n bytes s standing for the page bytes [src, src + src_len). */
static void put(ctx *x, const char *s, size_t n, size_t src, size_t src_len)
{
    if (n == src_len && memcmp(s, x->pg.buf + src, n) == 0) {
        if (x->run_len && x->run_src + x->run_len == src) {
            x->run_len += n;
        } else {
            flush_run(x);
            x->run_src = src;
            x->run_len = n;
        }
    } else {
        flush_run(x);
        append(x, s, n, src, src_len);
    }
    note_tail(x, s, n);
}

/* Writes an inserted separator at page offset src. */
static void put_sep(ctx *x, const char *s, size_t src)
{
    flush_run(x);
    append(x, s, 1, src, 0);
    note_tail(x, s, 1);
}

static void request_break(ctx *x, int level)
{
    if (level >= BR_LINE && x->cell_depth > 0) {
        if (!x->cell_layout)
            level = BR_SPACE; /* keep a data row on one line */
        else if (!x->cell_text)
            return; /* no break at the start of a cell */
    }
    if (level >= BR_LINE)
        x->pend_tabs = 0;
    if (level > x->pend_break)
        x->pend_break = level;
}

/* Writes what is pending before a character from page offset src. */
static void flush_pending(ctx *x, size_t src)
{
    if (x->emitted && x->pend_break >= BR_LINE) {
        int want = x->pend_break == BR_PARA ? 2 : 1;
        int have = x->tail[1] == '\n' ? (x->tail[0] == '\n' ? 2 : 1) : 0;
        for (int i = have; i < want; i++)
            put_sep(x, "\n", src);
    }
    for (size_t i = 0; i < x->pend_tabs; i++)
        put_sep(x, "\t", src);
    if (x->emitted && x->pend_break == BR_SPACE && x->pend_tabs == 0 && x->tail[1] != '\n' &&
        x->tail[1] != '\t' && x->tail[1] != ' ') {
        if (x->pend_ws)
            put(x, " ", 1, x->pend_rs, x->pend_re - x->pend_rs);
        else
            put_sep(x, " ", src);
    }
    x->pend_break = BR_NONE;
    x->pend_tabs = 0;
    x->pend_ws = 0;
    x->pend_brs = 0;
    if (x->cell_depth > 0)
        x->cell_text = 1;
}

static void begin_node(ctx *x, int pre)
{
    x->node_started = 0;
    x->inner_ws = 0;
    x->pre_node = pre;
}

/* A space is pending for the page white space [rs, re). */
static void request_ws(ctx *x, size_t rs, size_t re)
{
    request_break(x, BR_SPACE);
    if (x->pend_break == BR_SPACE && !x->pend_ws) {
        x->pend_ws = 1;
        x->pend_rs = rs;
        x->pend_re = re;
    }
}

static void end_node(ctx *x)
{
    if (x->inner_ws)
        request_ws(x, x->ws_rs, x->ws_re);
    x->inner_ws = 0;
    x->node_started = 0;
}

/* A character of the node, n bytes s, from the page bytes [rs, re). */
static void out_char(ctx *x, const char *s, size_t n, size_t rs, size_t re)
{
    if (!x->node_started) {
        flush_pending(x, rs);
        x->node_started = 1;
    } else if (x->inner_ws) {
        put(x, " ", 1, x->ws_rs, x->ws_re - x->ws_rs);
        x->inner_ws = 0;
    }
    put(x, s, n, rs, re - rs);
}

/* A run of white space of the node, n bytes s (NULL outside <pre>), from
 * the page bytes [rs, re). */
static void out_ws(ctx *x, const char *s, size_t n, size_t rs, size_t re)
{
    if (!x->pre_node || !s) {
        if (!x->node_started)
            request_ws(x, rs, re);
        else {
            x->inner_ws = 1;
            x->ws_rs = rs;
            x->ws_re = re;
        }
        return;
    }
    if (!x->node_started) {
        flush_pending(x, rs);
        x->node_started = 1;
        /* like a browser, no blank line at the top of a <pre> */
        while (n > 0 && (*s == '\n' || *s == '\r') && (!x->emitted || x->tail[1] == '\n')) {
            s++;
            n--;
        }
    }
    if (n == re - rs && memcmp(s, x->pg.buf + rs, n) == 0) {
        put(x, s, n, rs, n);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\r' && i + 1 < n && s[i + 1] == '\n')
            continue;
        put(x, s[i] == '\r' ? "\n" : s + i, 1, rs, re - rs);
    }
}

/* --- matching a text node to the page ---------------------------------- */

/* Decodes the node character at s[i]; invalid bytes (libxml2 should give
 * none) read as U+FFFD of one byte. */
static size_t node_char(const char *s, size_t i, size_t n, int32_t *cp)
{
    if ((unsigned char)s[i] < 0x80) {
        *cp = (unsigned char)s[i];
        return 1;
    }
    utf8proc_int32_t c;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                          (utf8proc_ssize_t)(n - i > 4 ? 4 : n - i), &c);
    if (k <= 0) {
        *cp = -1;
        return 1;
    }
    *cp = c;
    return (size_t)k;
}

/* Consumes the page's white space from pos, across markup when cross is set.
 * Sets [*rs, *re) to the white space found (empty at pos if none). */
static size_t ws_run(ctx *x, size_t pos, int cross, size_t *rs, size_t *re)
{
    const page *pg = &x->pg;
    *rs = *re = pos;
    int found = 0;
    for (;;) {
        size_t q = pos, m;
        while (cross && q < pg->len && (m = skip_markup(pg, q, NULL)) != q)
            q = m;
        if (q >= pg->len || skip_markup(pg, q, NULL) != q)
            break;
        rchar rc;
        text_char(pg, q, &rc);
        if (!is_space(rc.cp))
            break;
        if (!found)
            *rs = rc.start;
        found = 1;
        *re = pos = rc.end;
    }
    return pos;
}

/* End of the run of white space (form feed included) that starts at s[i]. */
static size_t space_run_end(const char *s, size_t i, size_t n)
{
    size_t j = i + 1;
    while (j < n && (is_space((unsigned char)s[j]) || s[j] == '\f'))
        j++;
    return j;
}

/* Matches the node text s[0, n) to the page from pos on; writes it when emit
 * is set.  Returns 1 and sets *end past the last page character used, or 0
 * when they differ, with *end past the page character that differed. */
static int align(ctx *x, size_t pos, const char *s, size_t n, int emit, size_t *end)
{
    const page *pg = &x->pg;
    size_t p = pos, m;
    while (p < pg->len && (m = skip_markup(pg, p, NULL)) != p)
        p = m;
    if (n > 0 && !is_space((unsigned char)s[0]))
        p = skip_space(pg, p); /* white space the parser dropped */
    for (size_t i = 0; i < n;) {
        int32_t c;
        size_t k = node_char(s, i, n, &c);
        if (is_space(c) || c == '\f') {
            size_t j = space_run_end(s, i, n);
            size_t rs, re;
            p = ws_run(x, p, j < n, &rs, &re);
            if (emit)
                out_ws(x, x->pre_node ? s + i : NULL, j - i, rs, re);
            i = j;
            continue;
        }
        rchar rc;
        if (!raw_next(pg, p, &rc)) {
            *end = pg->len;
            return 0;
        }
        if (rc.cp == c) {
            p = rc.end;
        } else if (rc.amp_end && c == '&') {
            p = rc.end = rc.amp_end;
        } else {
            *end = rc.end;
            return 0;
        }
        if (emit) {
            if (c < 0) {
                out_char(x, REPLACEMENT, 3, rc.start, rc.end);
            } else if (c >= 0x80 && c < 0xA0 && rc.amp_end && rc.end > rc.amp_end) {
                /* "&#150;" means Windows-1252's en dash, as in a browser */
                utf8proc_uint8_t u[4];
                utf8proc_ssize_t un = utf8proc_encode_char(belopp_cp1252((unsigned char)c), u);
                out_char(x, (const char *)u, (size_t)un, rc.start, rc.end);
            } else {
                out_char(x, s + i, k, rc.start, rc.end);
            }
        }
        i += k;
    }
    *end = p;
    return 1;
}

/* Where to try next when a text did not match at pos: one character on. */
static size_t next_start(const page *pg, size_t pos)
{
    rchar rc;
    return raw_next(pg, skip_space(pg, pos), &rc) ? rc.end : pg->len;
}

/* Writes a node that could not be found in the page, mapped to the cursor. */
static void write_lost(ctx *x, const char *s, size_t n)
{
    if (x->lost++ == 0)
        x->lost_at = x->cursor;
    for (size_t i = 0; i < n;) {
        int32_t c;
        size_t k = node_char(s, i, n, &c);
        if (is_space(c) || c == '\f') {
            size_t j = space_run_end(s, i, n);
            out_ws(x, x->pre_node ? s + i : NULL, j - i, x->cursor, x->cursor);
            i = j;
            continue;
        }
        if (c < 0)
            out_char(x, REPLACEMENT, 3, x->cursor, x->cursor);
        else
            out_char(x, s + i, k, x->cursor, x->cursor);
        i += k;
    }
}

/* A text node of the tree: found in the page, and written when visible. */
static void text_node(ctx *x, const char *s, int visible)
{
    size_t n = strlen(s), start = x->cursor, end;
    /* A text cut at libxml2's size limit must not end in part of a character. */
    size_t lead = n;
    while (lead > 0 && n - lead < 3 && ((unsigned char)s[lead - 1] & 0xC0) == 0x80)
        lead--;
    if (lead > 0 && (unsigned char)s[lead - 1] >= 0xC0) {
        utf8proc_int32_t cp;
        lead--;
        if (utf8proc_iterate((const utf8proc_uint8_t *)s + lead, (utf8proc_ssize_t)(n - lead), &cp) !=
            (utf8proc_ssize_t)(n - lead))
            n = lead;
    }
    begin_node(x, x->pre > 0);
    for (;;) {
        if (align(x, start, s, n, 0, &end))
            break;
        x->work += end - start; /* page bytes a failed try went over */
        start = next_start(&x->pg, start);
        if (start >= x->pg.len || start - x->cursor > SEARCH_WINDOW ||
            x->work > x->work_limit) {
            if (visible) { /* a hidden one costs nothing: it is not written */
                write_lost(x, s, n);
                end_node(x);
            }
            return;
        }
    }
    if (visible) {
        align(x, start, s, n, 1, &end);
        end_node(x);
    }
    x->cursor = end;
}

/* --- elements ---------------------------------------------------------- */

enum {
    EL_SKIP = 1,  /* not shown: its text is matched, never written */
    EL_RAW = 2,   /* script, style: no text nodes at all */
    EL_CELL = 4,  /* td, th */
    EL_ROW = 8,   /* tr */
    EL_PRE = 16,  /* white space kept */
    EL_LEAF = 32, /* br, hr: a break, not a container */
};

typedef struct {
    const char *name;
    unsigned char level; /* BR_NONE, BR_LINE, BR_PARA */
    unsigned char flags;
} element;

/* Sorted by name, for bsearch. */
static const element ELEMENTS[] = {
    {"address", BR_LINE, 0},    {"article", BR_LINE, 0},     {"aside", BR_LINE, 0},
    {"audio", 0, EL_SKIP},      {"blockquote", BR_LINE, 0},  {"br", BR_LINE, EL_LEAF},
    {"canvas", 0, EL_SKIP},     {"caption", BR_LINE, 0},     {"center", BR_LINE, 0},
    {"datalist", 0, EL_SKIP},   {"dd", BR_LINE, 0},          {"details", BR_LINE, 0},
    {"dialog", BR_LINE, 0},     {"div", BR_PARA, 0},         {"dl", BR_LINE, 0},
    {"dt", BR_LINE, 0},         {"fieldset", BR_LINE, 0},    {"figcaption", BR_LINE, 0},
    {"figure", BR_LINE, 0},     {"footer", BR_LINE, 0},      {"form", BR_LINE, 0},
    {"h1", BR_PARA, 0},         {"h2", BR_PARA, 0},          {"h3", BR_PARA, 0},
    {"h4", BR_PARA, 0},         {"h5", BR_PARA, 0},          {"h6", BR_PARA, 0},
    {"head", 0, EL_SKIP},       {"header", BR_LINE, 0},      {"hgroup", BR_LINE, 0},
    {"hr", BR_LINE, EL_LEAF},   {"iframe", 0, EL_SKIP},      {"legend", BR_LINE, 0},
    {"li", BR_LINE, 0},         {"listing", BR_LINE, EL_PRE}, {"main", BR_LINE, 0},
    {"math", 0, EL_SKIP},       {"menu", BR_LINE, 0},        {"nav", BR_LINE, 0},
    {"noembed", 0, EL_SKIP},    {"noframes", 0, EL_SKIP},    {"noscript", 0, EL_SKIP},
    {"ol", BR_PARA, 0},         {"p", BR_PARA, 0},           {"plaintext", BR_LINE, EL_PRE},
    {"pre", BR_LINE, EL_PRE},   {"script", 0, EL_SKIP | EL_RAW}, {"section", BR_PARA, 0},
    {"select", 0, EL_SKIP},     {"style", 0, EL_SKIP | EL_RAW}, {"summary", BR_LINE, 0},
    {"svg", 0, EL_SKIP},        {"table", BR_PARA, 0},       {"tbody", BR_LINE, 0},
    {"td", 0, EL_CELL},         {"template", 0, EL_SKIP},    {"textarea", 0, EL_SKIP},
    {"tfoot", BR_LINE, 0},      {"th", 0, EL_CELL},          {"thead", BR_LINE, 0},
    {"title", 0, EL_SKIP},      {"tr", BR_LINE, EL_ROW},     {"ul", BR_PARA, 0},
    {"video", 0, EL_SKIP},      {"xmp", BR_LINE, EL_PRE},
};

static int element_cmp(const void *key, const void *el)
{
    return strcmp(key, ((const element *)el)->name);
}

static const element *element_of(const char *name)
{
    static const element inline_element = {"", 0, 0};
    const element *e = bsearch(name, ELEMENTS, sizeof ELEMENTS / sizeof ELEMENTS[0],
                               sizeof ELEMENTS[0], element_cmp);
    return e ? e : &inline_element;
}

/* Is the element hidden by a "hidden" attribute or an inline display:none? */
static int hidden(const xmlNode *n)
{
    for (const xmlAttr *a = n->properties; a; a = a->next) {
        if (xmlStrcasecmp(a->name, (const xmlChar *)"hidden") == 0)
            return 1;
        if (xmlStrcasecmp(a->name, (const xmlChar *)"style") != 0 || !a->children ||
            a->children->type != XML_TEXT_NODE || !a->children->content)
            continue;
        char v[64];
        size_t k = 0;
        for (const xmlChar *c = a->children->content; *c && k < sizeof v - 1; c++)
            if (!is_ascii_space(*c))
                v[k++] = (char)(*c | ((*c >= 'A' && *c <= 'Z') ? 0x20 : 0));
        v[k] = '\0';
        if (strstr(v, "display:none"))
            return 1;
    }
    return 0;
}

/* Is the cell one of a layout table: does it hold a table, two block
 * elements (one is a CMS's <td><p>2 111</p></td>), more text than a table
 * row (old pages put a whole article in one cell, its paragraphs split by
 * <br><br>), or more nodes than we look at? */
static int layout_cell(const xmlNode *cell)
{
    size_t count = 0, text = 0, blocks = 0;
    const xmlNode *c = cell->children;
    while (c) {
        if (++count > LAYOUT_SCAN_NODES)
            return 1;
        if (c->type == XML_TEXT_NODE && c->content) {
            text += strnlen((const char *)c->content, LAYOUT_CELL_TEXT + 1);
            if (text > LAYOUT_CELL_TEXT)
                return 1;
        }
        if (c->type == XML_ELEMENT_NODE) {
            const element *e = element_of((const char *)c->name);
            if (e->level != BR_NONE && !(e->flags & EL_LEAF) &&
                (++blocks > 1 || xmlStrEqual(c->name, (const xmlChar *)"table")))
                return 1;
            if (c->children && !(e->flags & EL_RAW)) {
                c = c->children;
                continue;
            }
        }
        while (c != cell && !c->next)
            c = c->parent;
        if (c == cell)
            break;
        c = c->next;
    }
    return 0;
}

/* Is there a td or th before this cell in its row? */
static int cell_before(const xmlNode *n)
{
    for (const xmlNode *p = n->prev; p; p = p->prev)
        if (p->type == XML_ELEMENT_NODE &&
            (xmlStrEqual(p->name, (const xmlChar *)"td") || xmlStrEqual(p->name, (const xmlChar *)"th")))
            return 1;
    return 0;
}

/* Entering node n; returns whether to walk its children. */
static int enter(ctx *x, const xmlNode *n)
{
    if (n->type == XML_TEXT_NODE) {
        if (n->content)
            text_node(x, (const char *)n->content, x->skip_root == NULL);
        return 0;
    }
    if (n->type != XML_ELEMENT_NODE || !n->name)
        return 0;
    const element *e = element_of((const char *)n->name);
    if (e->flags & EL_RAW)
        return 0;
    if (x->skip_root)
        return 1;
    if ((e->flags & EL_SKIP) || hidden(n)) {
        x->skip_root = n;
        return 1;
    }
    if (e->flags & EL_CELL) {
        int layout = layout_cell(n);
        if (layout)
            request_break(x, BR_PARA); /* a column of the page, not a cell of data */
        else if (cell_before(n))
            x->pend_tabs++;
        x->cell_depth++;
        x->cell_text = 0;
        x->cell_layout = layout;
    }
    if (e->level != BR_NONE) {
        int level = e->level;
        if (strcmp((const char *)n->name, "br") == 0 && x->pend_brs++ > 0)
            level = BR_PARA; /* <br><br> leaves a blank line */
        request_break(x, level);
    }
    if (e->flags & EL_PRE)
        x->pre++;
    return 1;
}

static void leave(ctx *x, const xmlNode *n)
{
    if (x->skip_root) {
        if (x->skip_root == n)
            x->skip_root = NULL;
        return;
    }
    const element *e = element_of((const char *)n->name);
    if (e->flags & EL_RAW)
        return;
    if (e->level != BR_NONE && !(e->flags & EL_LEAF))
        request_break(x, e->level);
    if ((e->flags & EL_PRE) && x->pre > 0)
        x->pre--;
    if ((e->flags & EL_CELL) && x->cell_depth > 0) {
        int layout = x->cell_layout;
        if (!layout && x->pend_break > BR_SPACE)
            x->pend_break = BR_SPACE;
        if (--x->cell_depth > 0) {
            /* back in a cell that holds a table: a layout cell */
            x->cell_text = 1;
            x->cell_layout = 1;
        }
        if (layout)
            request_break(x, BR_PARA);
    }
}

/* Walks the tree in document order without recursion. */
static void walk(ctx *x, xmlNode *first)
{
    xmlNode *n = first;
    while (n && !x->oom) {
        if (enter(x, n) && n->children) {
            n = n->children;
            continue;
        }
        for (;;) {
            if (n->type == XML_ELEMENT_NODE)
                leave(x, n);
            if (n->next) {
                n = n->next;
                break;
            }
            n = n->parent;
            if (!n || n->type != XML_ELEMENT_NODE) {
                n = NULL;
                break;
            }
        }
    }
}

/* --- the page without the tree ----------------------------------------- */

/* Reads the page from pos on with our own tag scanner: for what libxml2
 * left out when it halted at one of its limits. */
static void scan_rest(ctx *x, size_t pos)
{
    const page *pg = &x->pg;
    int skip = 0, in_cell = 0;
    size_t cells = 0;
    x->cell_depth = 0;
    x->skip_root = NULL;
    while (pos < pg->len && !x->oom) {
        markup m;
        size_t q = skip_markup(pg, pos, &m);
        if (q != pos) {
            const element *e = element_of(m.name);
            if (m.kind == MK_OPEN && strcmp(m.name, "body") == 0)
                skip = 0;
            if ((e->flags & EL_SKIP) && !(e->flags & EL_RAW) && strcmp(m.name, "head") != 0) {
                if (m.kind == MK_OPEN && !m.self_closing)
                    skip++;
                else if (m.kind == MK_CLOSE && skip > 0)
                    skip--;
            } else if (!skip && (m.kind == MK_OPEN || m.kind == MK_CLOSE)) {
                if (e->flags & EL_ROW)
                    cells = 0;
                if (e->flags & (EL_ROW | EL_CELL) || strcmp(m.name, "table") == 0)
                    in_cell = (e->flags & EL_CELL) && m.kind == MK_OPEN;
                if ((e->flags & EL_CELL) && m.kind == MK_OPEN && cells++ > 0)
                    x->pend_tabs++;
                if (e->level != BR_NONE && (m.kind == MK_OPEN || !(e->flags & EL_LEAF))) {
                    int level = e->level;
                    /* no view of the whole cell here: one <br> in a cell is a space */
                    if (strcmp(m.name, "br") == 0)
                        level = x->pend_brs++ > 0 ? BR_PARA : in_cell ? BR_SPACE : BR_LINE;
                    request_break(x, level);
                }
            }
            pos = q;
            continue;
        }
        /* text up to the next markup */
        begin_node(x, 0);
        while (pos < pg->len && skip_markup(pg, pos, NULL) == pos) {
            rchar rc;
            text_char(pg, pos, &rc);
            if (is_space(rc.cp)) {
                size_t rs, re;
                pos = ws_run(x, pos, 0, &rs, &re);
                if (!skip)
                    out_ws(x, NULL, 0, rs, re);
                continue;
            }
            if (!skip) {
                utf8proc_uint8_t u[4];
                int32_t cp = rc.cp >= 0x80 && rc.cp < 0xA0 && rc.amp_end ? belopp_cp1252((unsigned char)rc.cp)
                                                                          : rc.cp;
                utf8proc_ssize_t k = utf8proc_encode_char(cp, u);
                out_char(x, (const char *)u, (size_t)k, rc.start, rc.end);
            }
            pos = rc.end;
        }
        end_node(x);
    }
}

/* --- the stage ----------------------------------------------------------- */

static xmlParserInputPtr deny_entity(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
    (void)url;
    (void)id;
    (void)ctxt;
    return NULL;
}

static void init_libxml2(void)
{
    xmlInitParser();
    xmlSetExternalEntityLoader(deny_entity);
}

void belopp_html_init(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, init_libxml2);
}

int belopp_is_html(const char *path, const unsigned char *buf, size_t len)
{
    if (path) {
        size_t n = strlen(path);
        if ((n >= 5 && strcasecmp(path + n - 5, ".html") == 0) ||
            (n >= 4 && strcasecmp(path + n - 4, ".htm") == 0))
            return 1;
    }
    if (!buf)
        return 0;
    size_t i = len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    while (i < len && is_ascii_space(buf[i]))
        i++;
    if (ascii_ci(buf + i, len - i, "<!doctype html"))
        return 1;
    static const char *const tags[] = {"<html", "<head", "<body", "<meta", "<table", "<p", "<div"};
    for (size_t k = 0; k < sizeof tags / sizeof tags[0]; k++) {
        size_t n = strlen(tags[k]);
        if (ascii_ci(buf + i, len - i, tags[k]) && i + n < len &&
            (buf[i + n] == '>' || buf[i + n] == '/' || is_ascii_space(buf[i + n])))
            return 1;
    }
    return 0;
}

belopp_text *belopp_html_to_text(const unsigned char *buf, size_t len, belopp_encoding enc,
                                 belopp_diags *diags)
{
    ctx x;
    memset(&x, 0, sizeof x);
    x.pg.buf = buf;
    x.pg.len = buf ? len : 0;
    x.diags = diags;
    x.t = belopp_text_new();
    if (!x.t)
        return NULL;
    if (x.pg.len == 0)
        return x.t;
    choose_encoding(&x.pg, enc, diags);
    x.pg.prolog_end = SIZE_MAX;
    x.pg.prolog_end = find_prolog_end(&x.pg);
    x.cursor = x.pg.body;
    x.work_limit = x.pg.len <= SIZE_MAX / 8 - ((size_t)1 << 20) ? 4 * x.pg.len + ((size_t)1 << 20)
                                                                  : SIZE_MAX;

    size_t ulen = 0;
    unsigned char *u = transcode(&x.pg, &ulen, diags);
    if (!u) {
        belopp_text_free(x.t);
        return NULL;
    }
    int halted = 1;
    htmlDocPtr doc = NULL;
    if (ulen <= INT_MAX) {
        belopp_html_init();
        htmlParserCtxtPtr pc = htmlNewParserCtxt();
        if (!pc) {
            free(u);
            belopp_text_free(x.t);
            return NULL;
        }
        doc = htmlCtxtReadMemory(pc, (const char *)u, (int)ulen, NULL, "UTF-8",
                                 HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                                     HTML_PARSE_NOWARNING | HTML_PARSE_IGNORE_ENC);
        halted = doc == NULL || (pc->disableSAX && pc->instate == XML_PARSER_EOF);
        htmlFreeParserCtxt(pc);
    }
    free(u);

    if (doc)
        walk(&x, doc->children);
    int had_tree = doc != NULL;
    xmlFreeDoc(doc);
    if (halted && !x.oom) {
        belopp_diags_add(diags, BELOPP_WARNING, BELOPP_DIAG_HTML, x.cursor,
                         had_tree ? "HTML nested too deeply or a text too large for the parser; "
                               "the rest read with a simple tag scanner"
                             : "HTML parser gave no tree; read with a simple tag scanner");
        scan_rest(&x, x.cursor);
    }
    flush_run(&x);
    if (x.emitted && x.tail[1] != '\n')
        put_sep(&x, "\n", x.pg.len);
    flush_run(&x);
    if (x.lost)
        belopp_diags_add(diags, BELOPP_WARNING, BELOPP_DIAG_UNPLACED, x.lost_at,
                         "%zu pieces of text not found in the HTML source; "
                         "their offsets point near it",
                         x.lost);
    if (x.oom) {
        belopp_text_free(x.t);
        return NULL;
    }
    return x.t;
}
