/* load.c — picks the engine for a database target and holds what both
 * engines share: the columns of an amount row. */
#include "load.h"
#include "columns.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct belopp_load {
    void *db;
    const belopp_load_ops *ops;
};

int belopp_load_is_postgres(const char *target)
{
    if (strncmp(target, "postgresql://", 13) == 0 || strncmp(target, "postgres://", 11) == 0)
        return 1;
    /* A conninfo starts with a keyword and '=': "host=/tmp dbname=figures". */
    const char *p = target;
    while ((*p >= 'a' && *p <= 'z') || *p == '_')
        p++;
    return p > target && *p == '=';
}

belopp_load *belopp_load_open(const char *target, char *err, size_t errlen)
{
    belopp_load *l = calloc(1, sizeof *l);
    if (!l) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    l->db = belopp_load_is_postgres(target) ? belopp_postgres_open(target, &l->ops, err, errlen)
                                            : belopp_sqlite_open(target, &l->ops, err, errlen);
    if (!l->db) {
        free(l);
        return NULL;
    }
    return l;
}

int belopp_load_known(belopp_load *l,
                      int (*each)(void *, const char *, const char *, const char *), void *user,
                      char *err, size_t errlen)
{
    return l->ops->known(l->db, each, user, err, errlen);
}

int belopp_load_batch(belopp_load *l, belopp_load_doc *docs, size_t n, char *err, size_t errlen)
{
    return l->ops->batch(l->db, docs, n, err, errlen);
}

void belopp_load_close(belopp_load *l)
{
    if (!l)
        return;
    l->ops->close(l->db);
    free(l);
}

void belopp_columns_of(const belopp_record *r, belopp_columns *c)
{
    memset(c, 0, sizeof *c);
    c->i[COL_START] = (int64_t)r->start;
    c->i[COL_END] = (int64_t)r->end;
    c->i[COL_LINE] = (int64_t)r->line;
    c->set[COL_START] = c->set[COL_END] = c->set[COL_LINE] = 1;
    c->s[COL_KIND] = belopp_kind_name(r->kind);
    c->s[COL_CURRENCY] = r->currency;
    c->set[COL_KIND] = c->set[COL_CURRENCY] = 1;
    int sek = strcmp(r->currency, "SEK") == 0 && r->minor_exp == 2;
    if (r->is_range) {
        c->i[COL_MINOR_LOW] = r->value;
        c->i[COL_MINOR_HIGH] = r->value_high;
        c->set[COL_MINOR_LOW] = c->set[COL_MINOR_HIGH] = 1;
        if (sek) {
            c->i[COL_ORE_LOW] = r->value;
            c->i[COL_ORE_HIGH] = r->value_high;
            c->set[COL_ORE_LOW] = c->set[COL_ORE_HIGH] = 1;
        }
    } else {
        c->i[COL_MINOR] = r->value;
        c->set[COL_MINOR] = 1;
        if (sek) {
            c->i[COL_ORE] = r->value;
            c->set[COL_ORE] = 1;
        }
    }
    c->s[COL_QUALIFIER] = belopp_qualifier_name(r->qualifier);
    c->s[COL_PER] = r->per;
    c->i[COL_TOTAL] = r->total ? 1 : 0;
    c->set[COL_TOTAL] = 1;
    if (r->has_repeats) {
        c->i[COL_REPEATS] = (int64_t)r->repeats;
        c->set[COL_REPEATS] = 1;
    }
    c->s[COL_TEXT] = r->text ? r->text : "";
    c->s[COL_CONTEXT] = r->context;
    c->s[COL_LABEL] = r->label;
    c->s[COL_COLUMN_TITLE] = r->column_title;
    c->s[COL_CAPTION] = r->caption;
    c->i[COL_MINOR_EXP] = r->minor_exp;
    c->i[COL_COL] = (int64_t)r->col;
    c->set[COL_MINOR_EXP] = c->set[COL_COL] = 1;
    c->s[COL_SUM] = belopp_sum_name(r->sum);
    c->s[COL_HEADING] = r->heading;
    for (int k = 0; k < COL_COUNT; k++)
        if (c->s[k])
            c->set[k] = 1;
}
