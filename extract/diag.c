/* diag.c — a growing list of diagnostics. */
#include "diag.h"
#include "grow.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

struct belopp_diags {
    belopp_diag *items;
    size_t n, cap;
};

belopp_diags *belopp_diags_new(void) { return calloc(1, sizeof(belopp_diags)); }

void belopp_diags_free(belopp_diags *d)
{
    if (!d)
        return;
    free(d->items);
    free(d);
}

int belopp_diags_add(belopp_diags *d, belopp_severity sev, belopp_diag_code code, size_t offset,
                     const char *fmt, ...)
{
    void *items = d->items;
    if (belopp_grow(&items, &d->cap, d->n + 1, sizeof *d->items) < 0)
        return -1;
    d->items = items;
    belopp_diag *g = &d->items[d->n++];
    g->severity = sev;
    g->code = code;
    g->offset = offset;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(g->message, sizeof g->message, fmt, ap);
    va_end(ap);
    return 0;
}

size_t belopp_diags_count(const belopp_diags *d) { return d->n; }

const belopp_diag *belopp_diags_get(const belopp_diags *d, size_t i)
{
    return i < d->n ? &d->items[i] : NULL;
}

size_t belopp_diags_errors(const belopp_diags *d)
{
    size_t n = 0;
    for (size_t i = 0; i < d->n; i++)
        n += d->items[i].severity == BELOPP_ERROR;
    return n;
}

void belopp_diags_clear(belopp_diags *d) { d->n = 0; }
