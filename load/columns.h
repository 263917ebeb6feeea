/* columns.h — the columns of an amount row, in the order of the schema
 * (schema/belopp.*.sql), from a record.  Shared by the engines. */
#ifndef BELOPP_LOAD_COLUMNS_H
#define BELOPP_LOAD_COLUMNS_H

#include <stdint.h>

#include "../include/belopp.h"

enum {
    COL_START, COL_END, COL_LINE, COL_KIND, COL_CURRENCY, COL_ORE, COL_ORE_LOW, COL_ORE_HIGH,
    COL_MINOR, COL_MINOR_LOW, COL_MINOR_HIGH, COL_QUALIFIER, COL_PER, COL_TOTAL, COL_REPEATS,
    COL_TEXT, COL_CONTEXT, COL_LABEL, COL_COLUMN_TITLE, COL_CAPTION,
    /* schema version 2 (added at the end, in new and migrated tables alike) */
    COL_MINOR_EXP, COL_SUM, COL_COL, COL_HEADING, COL_COUNT
};

/* After document_id. */
#define BELOPP_AMOUNT_COLUMNS                                                            \
    "start_byte, end_byte, line, kind, currency, ore, ore_low, ore_high, minor, "       \
    "minor_low, minor_high, qualifier, per, total, repeats, text, context, label, "     \
    "column_title, caption, minor_exp, sum, col, heading"

/* Column k is a string (s[k]) or an integer (i[k]); set[k] == 0 is NULL. */
typedef struct {
    int64_t i[COL_COUNT];
    const char *s[COL_COUNT];
    int set[COL_COUNT];
} belopp_columns;

/* Fills c from r (the strings point into r). */
void belopp_columns_of(const belopp_record *r, belopp_columns *c);

#endif
