/* diag.h — diagnostics collected by the stages and printed by the front.
 *
 * Stages never print.  They append a diagnostic with a severity, a byte
 * offset into the original input (BELOPP_NO_OFFSET when none applies) and a
 * message; the command line turns each into "belopp: FILE: byte N: message".
 */
#ifndef BELOPP_DIAG_H
#define BELOPP_DIAG_H

#include <stddef.h>
#include <stdint.h>

#include "../include/belopp.h" /* belopp_severity, belopp_diag_code, BELOPP_NO_OFFSET */

typedef struct {
    belopp_severity severity;
    belopp_diag_code code;
    size_t offset;
    char message[200];
} belopp_diag;

typedef struct belopp_diags belopp_diags;

/* Returns an empty list, or NULL when out of memory.  Free with belopp_diags_free. */
belopp_diags *belopp_diags_new(void);

/* Frees the list; accepts NULL. */
void belopp_diags_free(belopp_diags *d);

/* Appends a diagnostic (printf-style message, cut at 199 bytes).  Returns 0,
 * or -1 when out of memory. */
int belopp_diags_add(belopp_diags *d, belopp_severity sev, belopp_diag_code code, size_t offset,
                     const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

size_t belopp_diags_count(const belopp_diags *d);
const belopp_diag *belopp_diags_get(const belopp_diags *d, size_t i);

/* Number of diagnostics of severity BELOPP_ERROR. */
size_t belopp_diags_errors(const belopp_diags *d);

/* Empties the list so it can be reused for the next file. */
void belopp_diags_clear(belopp_diags *d);

#endif
