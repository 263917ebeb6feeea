/* labels.c — row and column keys (see labels.h).
 *
 * Facts this relies on, from tables of SKR and Socialdepartementet:
 * - the same region is written "Region Stockholm", "Stockholms län",
 *   "Stockholm", "Landstinget i Värmland", "Region Jämtland Härjedalen" and
 *   "Jämtland-Härjedalen"; and Sörmland is Södermanland in older tables;
 * - a column title is the year ("2023", "2024"), a period ("2023/24"), or
 *   the header line that gives the unit ("Miljoner kronor"); the unit
 *   changes between years (miljoner kronor → tusental kronor) while the
 *   column means the same.  Values come in öre, so units need no care here. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "labels.h"

/* Lower case, [-/] and white space as one space, trimmed. */
static char *fold(const char *s)
{
    utf8proc_uint8_t *low = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &low,
                                      UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                                          UTF8PROC_CASEFOLD | UTF8PROC_LUMP);
    if (n < 0) { /* not valid UTF-8 (the library never gives that): bytes as they are */
        low = (utf8proc_uint8_t *)strdup(s);
        if (!low)
            return NULL;
    }
    char *o = (char *)low, *w = o;
    int space = 1;
    for (const char *r = o; *r; r++) {
        char c = *r;
        if (c == '-' || c == '/' || c == '*' || c == '.' || c == ',' || c == ':' ||
            isspace((unsigned char)c)) {
            if (!space)
                *w++ = ' ';
            space = 1;
        } else {
            *w++ = c;
            space = 0;
        }
    }
    if (w > o && w[-1] == ' ')
        w--;
    *w = 0;
    return o;
}

static int strip_prefix(char *s, const char *p)
{
    size_t n = strlen(p);
    if (strncmp(s, p, n) == 0 && s[n] == ' ' && s[n + 1]) {
        memmove(s, s + n + 1, strlen(s + n + 1) + 1);
        return 1;
    }
    return 0;
}

static int strip_suffix(char *s, const char *p)
{
    size_t n = strlen(p), l = strlen(s);
    if (l > n + 1 && s[l - n - 1] == ' ' && strcmp(s + l - n, p) == 0) {
        s[l - n - 1] = 0;
        return 1;
    }
    return 0;
}

char *diff_label_key(const char *label)
{
    char *s = fold(label ? label : "");
    if (!s)
        return NULL;
    while (strip_prefix(s, "region") || strip_prefix(s, "landstinget") || strip_prefix(s, "i"))
        ;
    int lan = 0;
    for (;;) {
        if (strip_suffix(s, "län")) {
            lan = 1;
            continue;
        }
        if (strip_suffix(s, "region") || strip_suffix(s, "landsting") || strip_suffix(s, "läns"))
            continue;
        break;
    }
    size_t l = strlen(s);
    if (lan && l > 3 && s[l - 1] == 's')
        s[l - 1] = 0; /* "Jönköpings län" */
    return s;
}

/* Code points of s into a new array; *n gets the count. */
static utf8proc_int32_t *codepoints(const char *s, size_t *n)
{
    size_t len = strlen(s);
    utf8proc_int32_t *cp = malloc((len + 1) * sizeof *cp);
    if (!cp)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < len;) {
        utf8proc_int32_t c;
        utf8proc_ssize_t m = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &c);
        if (m <= 0) {
            c = (unsigned char)s[i];
            m = 1;
        }
        cp[k++] = c;
        i += (size_t)m;
    }
    *n = k;
    return cp;
}

int diff_label_sim(const char *a, const char *b)
{
    size_t na, nb;
    if (strcmp(a, b) == 0)
        return 1000;
    utf8proc_int32_t *x = codepoints(a, &na), *y = codepoints(b, &nb);
    int sim = 0;
    if (x && y && na + nb > 0 && na < 200 && nb < 200) {
        unsigned short prev[201] = {0}, cur[201] = {0};
        for (size_t i = 1; i <= na; i++) {
            for (size_t j = 1; j <= nb; j++)
                cur[j] = x[i - 1] == y[j - 1] ? (unsigned short)(prev[j - 1] + 1)
                                              : (prev[j] > cur[j - 1] ? prev[j] : cur[j - 1]);
            memcpy(prev, cur, sizeof prev);
        }
        sim = (int)((2000 * (size_t)prev[nb]) / (na + nb));
    }
    free(x);
    free(y);
    return sim;
}

int diff_title_year(const char *t)
{
    if (!t)
        return 0;
    while (*t == ' ')
        t++;
    if (!isdigit((unsigned char)t[0]) || !isdigit((unsigned char)t[1]) ||
        !isdigit((unsigned char)t[2]) || !isdigit((unsigned char)t[3]) ||
        isdigit((unsigned char)t[4]))
        return 0;
    int y = (t[0] - '0') * 1000 + (t[1] - '0') * 100 + (t[2] - '0') * 10 + (t[3] - '0');
    if (y < 1900 || y > 2199)
        return 0;
    const char *r = t + 4;
    /* a period: 2023/24, 2023/2024, 2023-2024, 2023–2024 */
    if (*r == '/' || *r == '-')
        r++;
    else if (strncmp(r, "\xe2\x80\x93", 3) == 0)
        r += 3;
    while (isdigit((unsigned char)*r))
        r++;
    while (*r == ' ')
        r++;
    return *r ? 0 : y;
}

/* A title that only names the unit. */
static int unit_only(const char *key)
{
    static const char *const words[] = {"miljoner", "miljarder", "tusental", "tusen", "kronor",
                                        "kr", "mkr", "mdkr", "tkr", "mnkr", "belopp", "sek",
                                        "i", "euro", "eur", "öre"};
    const char *p = key;
    while (*p) {
        const char *e = strchr(p, ' ');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        int found = 0;
        for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
            if (strlen(words[i]) == n && strncmp(words[i], p, n) == 0)
                found = 1;
        if (!found)
            return 0;
        p += n;
        while (*p == ' ')
            p++;
    }
    return 1;
}

char *diff_column_key(const char *title, int doc_year, int *year)
{
    *year = diff_title_year(title);
    if (*year) {
        char buf[32];
        snprintf(buf, sizeof buf, "y%+d", doc_year ? *year - doc_year : 0);
        return strdup(buf);
    }
    char *k = fold(title ? title : "");
    if (k && unit_only(k))
        k[0] = 0;
    return k;
}
