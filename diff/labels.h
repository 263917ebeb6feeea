/* labels.h — keys for table row labels and column titles that survive the
 * ways one table differs from the same table a year later. */
#ifndef BELOPP_DIFF_LABELS_H
#define BELOPP_DIFF_LABELS_H

#include <stddef.h>

/* The key of a row label: lower case, white space collapsed, hyphens and
 * slashes as spaces, without the words "Region", "Landstinget (i)" before
 * or "län", "region", "landsting" after (and the genitive s that "län"
 * leaves: "Jönköpings län" → "jönköping").  Returns a new string, or NULL
 * when out of memory. */
char *diff_label_key(const char *label);

/* How alike two keys are, per mille: twice their longest common
 * subsequence of characters over their summed lengths ("sörmland" /
 * "södermanland" 800). */
int diff_label_sim(const char *a, const char *b);

/* The key of a column title in a document of year doc_year (0: unknown):
 * "y+0" for the document's own year, "y-1" for the year before (a period
 * "2023/24" counts as its first year), "" for a title that only names the
 * unit ("Miljoner kronor", "Tusental kronor", "kr") or none, else the title
 * as a label key.  *year gets the title's year, or 0.  Returns a new
 * string, or NULL when out of memory. */
char *diff_column_key(const char *title, int doc_year, int *year);

/* The year a title names when it is just a year or a period ("2024",
 * "2023/24", "2023–2024"), else 0. */
int diff_title_year(const char *title);

#endif
