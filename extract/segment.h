/* segment.h — stage 3: lines, paragraphs, sentences and table blocks.
 *
 * The segments give every amount its context: the sentence it stands in, or,
 * for a number in a table, its row label and the unit the table's header
 * declares ("Miljoner kronor" over "Stockholm 2 111").
 */
#ifndef BELOPP_SEGMENT_H
#define BELOPP_SEGMENT_H

#include <stddef.h>

#include "text.h"

#define BELOPP_MAX_COLUMNS 16

/* One table: a header line naming the unit, and the rows under it. */
typedef struct {
    belopp_span header;   /* "Miljoner kronor", "(tkr)", or a caption ending in one */
    belopp_span caption;  /* the line just above the header, or empty */
    int exp10;            /* power of ten the header declares */
    const char *currency; /* ISO 4217 code the header declares */
    belopp_span titles[BELOPP_MAX_COLUMNS]; /* column titles: "Region", "2023", "2024" */
    size_t ntitles;       /* 0 when the table has no title line */
    unsigned shares;      /* columns of shares, not money ("%", "procent", "andel"):
                             bit i for titles[i], bit 0 for the header */
} belopp_table;

/* One row of a table: "Stockholm 2 111". */
typedef struct {
    belopp_span label;  /* "Stockholm" */
    belopp_span values; /* where the cells are: "2 111" */
    size_t table;       /* index into the document's tables */
} belopp_row;

typedef struct belopp_segments belopp_segments;

/* Segments t.  Returns a new object, or NULL when out of memory; free it with
 * belopp_segments_free.  t must outlive it. */
belopp_segments *belopp_segment(const belopp_text *t);

/* Frees the segments; accepts NULL. */
void belopp_segments_free(belopp_segments *s);

/* The sentence (a heading or list line counts as one) holding offset off,
 * trimmed.  An empty span if off is in a blank line.
 * hint may be NULL.  A caller that looks up offsets in increasing order (as
 * the stages after this one do) keeps a size_t starting at 0 and passes it
 * each time: each lookup is then O(1) instead of a binary search. */
belopp_span belopp_segments_sentence(const belopp_segments *s, size_t off, size_t *hint);

/* The table row whose value region holds offset off, or NULL.  hint as above
 * (a size_t of its own). */
const belopp_row *belopp_segments_row(const belopp_segments *s, size_t off, size_t *hint);

/* Is span c of s a year 1900-2099, four digits alone ("2024"), as column titles and
 * the "2024" of "höjs 2024 till 300 miljoner" are? */
int belopp_is_year(const char *s, belopp_span c);

/* Table number i (0-based; rows name it), or NULL. */
const belopp_table *belopp_segments_table(const belopp_segments *s, size_t i);

/* The title of value column `column` (0-based) of row's table: "2024" under
 * "Region  2023  2024"; the unit header when the table has no titles. */
belopp_span belopp_segments_column_title(const belopp_segments *s, const belopp_row *row,
                                         size_t column);

/* Is value column `column` of row's table money?  Not when its title speaks
 * of a share: "%", "procent", "andel". */
int belopp_segments_column_is_money(const belopp_segments *s, const belopp_row *row,
                                    size_t column);

/* Counts, for tests and summaries. */
size_t belopp_segments_nsentences(const belopp_segments *s);
size_t belopp_segments_nrows(const belopp_segments *s);
size_t belopp_segments_ntables(const belopp_segments *s);

/* Length of the space character (space, tab, CR, no-break, narrow no-break or
 * thin space) at s[i] before end, or 0 if there is none. */
size_t belopp_space_at(const char *s, size_t i, size_t end);

/* Is the character at s[i] (before end) a letter, in any script? */
int belopp_letter_at(const char *s, size_t i, size_t end);

/* Trims those spaces off both ends of [a, b) in s. */
belopp_span belopp_trim(const char *s, size_t a, size_t b);

#endif
