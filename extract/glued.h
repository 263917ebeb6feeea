/* glued.h — rows of a table copied from a web page that lost every
 * separator: the titles run together ("RiketTotaltUtbildning…"), each label
 * glued to its first cell and each cell to the next ("Intäkter av
 * anslag44 274 54125 326 811…").  Pure text work for the table stage
 * (segment.c), which owns the tables, rows and cells. */
#ifndef BELOPP_GLUED_H
#define BELOPP_GLUED_H

#include <stddef.h>

#include "text.h"

/* Splits the title line l at each lower-case letter followed at once by a
 * capital ("Riket|Totalt|Utbildning på grundnivå"), the only place a lost
 * cell gap shows in it.  Writes the titles to out (at most cap) and returns
 * how many there are; 0 when l has no such place or more than cap titles. */
size_t belopp_glued_titles(const char *s, belopp_span l, belopp_span *out, size_t cap);

/* Where the cells glued to the label of line l begin: the digit, or the
 * minus sign before a digit, that follows a letter at once ("anslag44 274",
 * "saldo-856"), with nothing but digits, spaces and signs after it.  Returns
 * l.end when l is no such row. */
size_t belopp_glued_values(const char *s, belopp_span l);

/* Splits v, numbers glued one to the next ("44 274 54125 326 811"; inside a
 * number every group after the first has three digits), into 2 to max cells
 * whose first is the sum of the others (a Totalt column before its parts),
 * exactly, in 64-bit integers with overflow checks.  Returns the number of
 * cells and writes them to cells (max of them) when exactly one split adds
 * up; 0 when none does (or v is longer than BELOPP_GLUED_MAX_BYTES);
 * (size_t)-1 when several do or the search grows too large to tell.
 * *budget is how many ways the caller still allows (one text's rows share
 * it, so that no text makes the search slow); the ways tried are taken off
 * it, and when it runs out the split is (size_t)-1. */
#define BELOPP_GLUED_MAX_BYTES 512
size_t belopp_glued_split(const char *s, belopp_span v, size_t max, belopp_span *cells,
                          unsigned long *budget);

/* As belopp_glued_split, without a total: splits v into exactly k cells
 * (2 or more), each with exactly dec decimals after a comma (0: none), and
 * returns k when exactly one split does so; 0 when none does; (size_t)-1
 * when several do or the search grows too large.  ("1 8681 9291 913" into
 * three: 1 868 | 1 929 | 1 913, the only way.) */
size_t belopp_glued_split_k(const char *s, belopp_span v, size_t k, size_t dec, belopp_span *cells,
                            unsigned long *budget);

#endif
