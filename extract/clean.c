/* clean.c — see clean.h. */
#include "clean.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

/* Writes s[0, n) cleaned into out, which holds at least 3n + 1 bytes (each
 * bad byte grows to at most 3), NUL-terminated. */
size_t belopp_clean_to(char *out, const char *s, size_t n, int flatten)
{
    const uint64_t high = 0x8080808080808080u, spaces = 0x2020202020202020u;
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        if (n - i >= 8) { /* eight bytes of printable ASCII at once: the usual case */
            uint64_t v;
            memcpy(&v, s + i, 8);
            if (!(v & high) && !((v - spaces) & ~v & high)) { /* no byte >= 0x80 or < 0x20 */
                memcpy(out + o, &v, 8);
                o += 8;
                i += 8;
                continue;
            }
        }
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c < 0x80) {
            out[o++] = (char)c;
            i++;
            continue;
        }
        if (c == '\t' || c == '\n' || c == '\r') {
            /* (flattened, a line break of two bytes or an empty line
             * between is one space: a label wrapped over "…skuld" / "" /
             * "inkl …" reads "…skuld inkl …") */
            if (!(flatten && c != '\t' && i > 0 && (s[i - 1] == '\n' || s[i - 1] == '\r')))
                out[o++] = flatten ? ' ' : (char)c;
            i++;
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF && i + 1 < n && ((unsigned char)s[i + 1] & 0xC0) == 0x80) {
            out[o++] = (char)c; /* å ä ö é: a valid two-byte character, always allowed */
            out[o++] = s[i + 1];
            i += 2;
            continue;
        }
        utf8proc_int32_t cp = -1;
        utf8proc_ssize_t len = c >= 0x80 ? utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                                            (utf8proc_ssize_t)(n - i), &cp)
                                         : -1;
        if (len > 0 && cp != 0xFFFE && cp != 0xFFFF) {
            memcpy(out + o, s + i, (size_t)len);
            o += (size_t)len;
            i += (size_t)len;
        } else {
            memcpy(out + o, "\xEF\xBF\xBD", 3);
            o += 3;
            i += len > 0 ? (size_t)len : 1; /* a whole forbidden character, or one bad byte */
        }
    }
    out[o] = '\0';
    return o;
}

char *belopp_xml_clean(const char *s, size_t n, int flatten)
{
    if (n > (SIZE_MAX - 1) / 3)
        return NULL;
    char *out = malloc(n * 3 + 1);
    if (out)
        belopp_clean_to(out, s, n, flatten);
    return out;
}

