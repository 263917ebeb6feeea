/* clean.h — strings that every output format accepts.
 *
 * A record's strings go to XML, CSV, JSON and databases.  Cleaning them once,
 * when the record is made, lets every sink trust them: valid UTF-8, and no
 * character that XML 1.0 forbids.
 */
#ifndef BELOPP_CLEAN_H
#define BELOPP_CLEAN_H

#include <stddef.h>

/* Writes s[0, n) cleaned into out, which holds at least 3n + 1 bytes, and
 * NUL-terminates it: invalid UTF-8 and characters XML 1.0 forbids (C0
 * controls but tab, LF and CR; U+FFFE, U+FFFF) become U+FFFD.  With flatten,
 * tab, CR and LF become spaces, a line break after a line break none ("a" /
 * "" / "b" is "a b").  Returns the length written. */
size_t belopp_clean_to(char *out, const char *s, size_t n, int flatten);

/* The same into a malloc'd string the caller frees; NULL when out of memory. */
char *belopp_xml_clean(const char *s, size_t n, int flatten);

#endif
