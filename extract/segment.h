/* segment.h — stage 3: lines, paragraphs, sentences and table blocks.
 *
 * The segments give every amount its context: the sentence it stands in, or,
 * for a number in a table, its row label and the unit the table's header
 * declares ("Miljoner kronor" over "Stockholm 2 111").
 */
#ifndef BELOPP_SEGMENT_H
#define BELOPP_SEGMENT_H

#include <stddef.h>
#include <stdint.h>

#include "../normalize/amount.h"
#include "text.h"

#define BELOPP_MAX_COLUMNS 24

/* One value column of a table: "2023", "Budget", "Andel (%)". */
typedef struct {
    belopp_span title;    /* its title, or empty */
    belopp_span title2;   /* the title's second line ("budget" under "Stats-"), or empty */
    int money;            /* 0: shares or counts ("%", "Andel", "Antal") */
    int is_total;         /* titled "Totalt", "Summa", "Total", "Sammanlagt" */
    int difference;       /* titled "Avvikelse", "Differens", "Förändring" */
    int exp10;            /* its unit: the table's, or its own ("Kronor per invånare") */
    const char *currency;
    belopp_span unit;     /* the words that name that unit */
} belopp_column;

/* One table: a header line naming the unit, and the rows under it. */
typedef struct {
    belopp_span header;   /* "Miljoner kronor", "(tkr)", or a caption ending in one */
    belopp_span caption;  /* the caption: the line above the header, or the header
                             itself when it is a caption ending in the unit; or empty */
    int exp10;            /* power of ten the header declares */
    const char *currency; /* ISO 4217 code the header declares */
    belopp_span unit;     /* the words that name it: "Miljoner kronor", "tkr", "MSEK" */
    belopp_span titles[BELOPP_MAX_COLUMNS]; /* titles[0] the stub ("Region"), then one a
                                               value column: "2023", "2024" */
    size_t ntitles;       /* 0 when the table has no title line */
    unsigned shares;      /* columns of shares, not money ("%", "procent", "andel"):
                             bit i for titles[i], bit 0 for the header */
    belopp_column columns[BELOPP_MAX_COLUMNS];
    size_t ncolumns;      /* value columns: from the titles, or the rows' shape */
    int last_total;       /* titles not read whose last word is a total's
                             ("Region Mark och byggnader Inventarier Totalt"):
                             the last column is the total of the others */
    int notes_twice;      /* the titles twice, in two languages, each with a note
                             column ("MSEK Note 2019 2018" over "Mkr Not 2019
                             2018"): the rows repeat their note ("4,5 4,5") */
    size_t note_at;       /* a second note column stands before value column note_at
                             ("Not 2017 2016 Not 2017 2016": 2); 0 when none */
    belopp_span per;      /* what every cell is a price per, as the header says it:
                             "tim" of "kr/tim.", "år" of "(per år i kronor)"; or empty */
} belopp_table;

/* One row of a table: "Stockholm 2 111". */
typedef struct {
    belopp_span label;  /* "Stockholm"; footnote marks ("Summa¹", "Intäkter 2)") left off */
    belopp_span values; /* where the cells are: "2 111" */
    size_t table;       /* index into the document's tables */
    belopp_span line;   /* the whole row, label to last value (several lines when a
                           table has one cell a line) */
    size_t cell;        /* its cells: belopp_segments_cell(s, cell) ... cell + ncells - 1 */
    size_t ncells;
    int is_total;       /* labelled "Totalt", "Summa …", "Total", "Sammanlagt", "Samtliga" */
    int money;          /* 0: counts or shares ("Antal anställda", "Soliditet (%)") */
    int exp10;          /* the row's unit: its own ("Resultat per anställd, kkr") */
    const char *currency; /* or NULL: the column's */
    belopp_span unit;
    const char *left_out; /* NULL, or why the row's numbers were left out (say it once) */
    int part;           /* under "därav" indented on a line of its own: a part of the row
                           above the heading, in its unit, money or not */
    int no_note;        /* under a note column of its own, the row's note cell is empty
                           (one cell a line: a line of spaces): its values are the
                           value columns' */
} belopp_row;

/* Sum check of a cell (belopp_cell.sum, belopp_amount.sum). */
enum {
    BELOPP_CELL_SUM_NONE = 0,     /* not a total (nor a difference) */
    BELOPP_CELL_SUM_OK = 1,       /* checked: the cells add up, exactly */
    BELOPP_CELL_SUM_MISMATCH = 2, /* checked: they do not */
    BELOPP_CELL_SUM_UNCHECKED = 3, /* a total that could not be checked */
    BELOPP_CELL_SUM_ROUNDING = 4   /* checked: off by no more than rounding each
                                      figure to its last digit allows */
};

/* One cell: a number (or "–", "..": no value) in a row and a value column. */
typedef struct {
    belopp_span text;     /* "2 111", "-1 204", "−2,6"; no footnote mark, no parentheses */
    size_t row;           /* index of its row (belopp_segments_row_at_index) */
    size_t column;        /* 0-based value column */
    int empty;            /* "–", "-", "..": no value, not money, not an error */
    int money;            /* the row and the column hold money, and it is not "12 %" */
    int exp10;            /* its unit: row's, else column's, else table's */
    const char *currency;
    belopp_span unit;
    belopp_status status; /* of its value: BELOPP_OK, or why it has none */
    int64_t minor;        /* the value in minor units (öre), when status is BELOPP_OK */
    int is_total;         /* in a total row or column */
    int sum;              /* BELOPP_SUM_*: a total or difference cell, checked */
} belopp_cell;

typedef struct belopp_segments belopp_segments;

/* Segments t.  Returns a new object, or NULL when out of memory; free it with
 * belopp_segments_free.  t must outlive it. */
belopp_segments *belopp_segment(const belopp_text *t);

/* Segments t into g again, for the next chunk of a large input: what g held
 * is dropped, its arrays are kept and reused.  (The arrays of a chunk of 2 MB
 * come to some 25 MB; allocated afresh for every chunk, each of their pages
 * was a page fault, and the reallocs while they grew copied them: together a
 * sixth of the time.)  Returns 0, or -1 when out of memory (g is then empty
 * and may be reused or freed).  t must outlive g's use. */
int belopp_segment_again(belopp_segments *g, const belopp_text *t);

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

/* The row whose line (label and values) holds offset off, or NULL.  hint as
 * above.  Every number there is a cell (or left out with its row). */
const belopp_row *belopp_segments_row_at(const belopp_segments *s, size_t off, size_t *hint);

/* Row number i, in text order (0-based), or NULL. */
const belopp_row *belopp_segments_row_at_index(const belopp_segments *s, size_t i);

/* Cell number i, in text order (0-based), or NULL.  A row's cells are
 * row->cell .. row->cell + row->ncells - 1. */
const belopp_cell *belopp_segments_cell(const belopp_segments *s, size_t i);

/* The title of value column `column` as one string: "Statsbudget" for
 * "Stats-" over "budget", "Utfall 2024" for "Utfall" over "2024"; the unit
 * header when the column has no title.  Writes at most cap bytes (cut on a
 * character boundary, NUL-terminated) into buf and returns the length the
 * whole title has. */
size_t belopp_segments_column_name(const belopp_segments *s, const belopp_row *row,
                                   size_t column, char *buf, size_t cap);

/* Counts, for tests and summaries. */
size_t belopp_segments_nsentences(const belopp_segments *s);
size_t belopp_segments_nrows(const belopp_segments *s);
size_t belopp_segments_ntables(const belopp_segments *s);
size_t belopp_segments_ncells(const belopp_segments *s);

/* Length of the space character (space, tab, CR, no-break, narrow no-break or
 * thin space) at s[i] before end, or 0 if there is none.  Inline: the table
 * stage asks it of nearly every byte of a line that may head a table. */
static inline size_t belopp_space_at(const char *s, size_t i, size_t end)
{
    unsigned char c = (unsigned char)s[i];
    if (c == ' ' || c == '\t' || c == '\r')
        return 1;
    if (c == 0xC2 && i + 1 < end && (unsigned char)s[i + 1] == 0xA0)
        return 2;
    if (c == 0xE2 && i + 2 < end && (unsigned char)s[i + 1] == 0x80 &&
        ((unsigned char)s[i + 2] == 0xAF || (unsigned char)s[i + 2] == 0x89))
        return 3;
    return 0;
}

/* Is the character at s[i] (before end) a letter, in any script?  ASCII
 * inline (it is asked of every byte of some lines), the rest by utf8proc in
 * belopp_letter_beyond_ascii. */
int belopp_letter_beyond_ascii(const char *s, size_t i, size_t end);
static inline int belopp_letter_at(const char *s, size_t i, size_t end)
{
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80)
        return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    return belopp_letter_beyond_ascii(s, i, end);
}

/* The first position at or after i (before end) that is not such a space;
 * line breaks are not spaces here, so it stays on its line. */
size_t belopp_skip_spaces(const char *s, size_t i, size_t end);

/* The end of the word of letters that starts at s[i] (i itself if none). */
size_t belopp_word_end(const char *s, size_t i, size_t end);

/* Trims those spaces off both ends of [a, b) in s. */
belopp_span belopp_trim(const char *s, size_t a, size_t b);

#endif
