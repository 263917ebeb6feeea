/* diff.h — `belopp diff OLD NEW`: which sums of money changed between two
 * years of texts on the same thing, exact to the öre.
 *
 * The stages, one file each, in the order the command runs them:
 *   side.c    an input (text, HTML, directory, or a belopp XML output) →
 *             owned records (belopp_record_dup), grouped into documents
 *   words.c   the words around a figure → a weighted bag of Swedish stems
 *   labels.c  a table's row label or column title → a key that survives
 *             renames ("Region Sörmland" / "Södermanland", "Kalmar län")
 *   assign.c  best-total one-to-one assignment (Hungarian) on small blocks
 *   pair.c    facts of OLD and NEW → pairs and unpaired figures, scored
 *   out.c     the pairs as text (for people), CSV, JSON Lines or XML
 * Only cmd.c prints diagnostics; the stages return them.
 *
 * Money is never floating point here: values, deltas and percents are
 * integers (deltas in 128 bits, so no difference of two int64 overflows).
 * Scores are integers in per-mille (0..1000). */
#ifndef BELOPP_DIFF_H
#define BELOPP_DIFF_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "../include/belopp.h"

/* The command: argv holds what follows "diff".  Returns the exit status:
 * 0 it ran, 1 an input could not be read, 2 usage. */
int belopp_cmd_diff(int argc, char **argv);

/* ------------------------------------------------------------------------ */
/* Sides                                                                    */

typedef struct {
    char *source;       /* as in its records */
    int year;           /* the document's own year (most named), or 0 */
    size_t first, count;/* its records: side->recs[first .. first+count) */
} diff_doc;

/* One side of the diff: every record of every document, in text order. */
typedef struct {
    char *name;          /* the path as given */
    belopp_record **recs;/* owned (belopp_record_dup or built from XML) */
    size_t *doc_of;      /* per record: index into docs */
    size_t n, cap;
    diff_doc *docs;
    size_t ndocs, docs_cap;
} diff_side;

/* Reads path (a file, a directory of files, or a belopp XML output) into a
 * new side, extracting with x where it is not XML.  Returns the side, or
 * NULL with a message in err (errlen bytes) when path cannot be read.
 * Diagnostics of the extraction are printed by warn(user, source, d) when
 * warn is not NULL. */
diff_side *diff_side_load(belopp_extractor *x, const char *path,
                          int (*warn)(void *user, const char *source, const belopp_diagnostic *d),
                          void *user, char *err, size_t errlen);

/* Reads a belopp XML output held in memory (parsed with network access and
 * entities off) and appends its documents to side.  Returns 0, or -1 with a
 * message in err. */
int diff_side_add_xml(diff_side *side, const char *name, const char *data, size_t len, char *err,
                      size_t errlen);

/* Frees a side; accepts NULL. */
void diff_side_free(diff_side *side);

/* ------------------------------------------------------------------------ */
/* Pairs                                                                    */

typedef enum { DIFF_SAME, DIFF_CHANGED, DIFF_ADDED, DIFF_REMOVED } diff_status;

/* "same", "changed", "added", "removed". */
const char *diff_status_name(diff_status s);

/* One line of the diff: a pair of facts, or a fact on one side only. */
typedef struct {
    diff_status status;
    const belopp_record *old, *new; /* the facts (owned by the sides); NULL when absent */
    int score;       /* per-mille: how sure the pairing is (0 for added/removed) */
    char *what;      /* owned: "Stockholm", "Stockholm / 2024", "till regionerna" */
    char *group;     /* owned: "table: …" or "section: …" */
    size_t order;    /* position in the merged text order of the two sides */
    size_t group_order; /* the order of the group's first line */
    size_t old_index, new_index; /* the facts' indices in their sides, or SIZE_MAX */
} diff_line;

typedef struct {
    diff_line *lines;
    size_t n, cap;
} diff_result;

/* Pairs the facts of old and new.  Returns 0, or -1 when out of memory.
 * Free the result's lines with diff_result_clear. */
int diff_pair(const diff_side *old, const diff_side *new, diff_result *out);

void diff_result_clear(diff_result *res);

/* ------------------------------------------------------------------------ */
/* Output                                                                   */

typedef enum { DIFF_OUT_TEXT, DIFF_OUT_CSV, DIFF_OUT_JSONL, DIFF_OUT_XML } diff_format;
typedef enum { DIFF_SORT_POSITION, DIFF_SORT_CHANGE } diff_sort;

/* Writes res onto out.  colour: ANSI colours in the text format.  Returns 0,
 * or -1 on a write error. */
int diff_write(FILE *out, diff_format f, diff_sort sort, int colour, const diff_side *old,
               const diff_side *new, diff_result *res);

/* ------------------------------------------------------------------------ */
/* Exact arithmetic (out.c)                                                 */

__extension__ typedef __int128 diff_i128;
__extension__ typedef unsigned __int128 diff_u128;

/* Writes v in decimal into buf (at least 48 bytes); returns buf. */
char *diff_i128_str(diff_i128 v, char *buf);

/* delta / |base| in tenths of a percent, rounded half away from zero.
 * Returns 0 and sets *tenths, or -1 when base is 0. */
int diff_percent_tenths(diff_i128 delta, int64_t base, diff_i128 *tenths);

#endif
