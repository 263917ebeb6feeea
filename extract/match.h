/* match.h — stage 4: candidate amounts by regular expression.
 *
 * The pattern finds every number that could be money together with the
 * words around it that decide whether it is: a qualifier before it ("ca"),
 * a currency before it ("SEK 30", "€5"), a scale word ("miljarder") and a
 * currency ("kronor", "mkr") after it, and a per-phrase ("per år").  The
 * words come from normalize/lexicon.h.
 * Deciding is the next stage's job (classify.h): "23 oktober 2020" matches
 * here and is dropped there.
 */
#ifndef BELOPP_MATCH_H
#define BELOPP_MATCH_H

#include <stddef.h>

#include "diag.h"
#include "segment.h"
#include "text.h"

/* A span with start == end is absent. */
typedef struct {
    belopp_span whole;           /* sign or "mellan" through the last unit word;
                                    qualifier, "per …" and "(79)" excluded */
    belopp_span qualifier;       /* "ca", "cirka", "minst" */
    belopp_span prefix_currency; /* "€" of "€5 miljoner", "SEK" of "SEK 400" */
    belopp_span sign;            /* "-", "−" or "minus " */
    belopp_span number;          /* "6 250,5", or words: "två och en halv" */
    int in_words;                /* number is written in words */
    belopp_span number2;         /* upper end of a range: "5" of "4–5 mkr" */
    belopp_span scale;           /* "miljoner" */
    belopp_span currency;        /* "kronor", "mkr", "euro" */
    belopp_span sub;             /* "23" of "2 kronor och 23 öre" */
    belopp_span sub_unit;        /* "öre" of "2 kronor och 23 öre" */
    belopp_span per;             /* "projekt" of "kronor per projekt", "mån" of "kr/mån",
                                    "listad patient och år", "månaden" of "i månaden" */
    belopp_span comparison;      /* "79" of "87 MSEK (79)", in a report only */
} belopp_candidate;

typedef struct belopp_matcher belopp_matcher;

/* Compiles (and JIT-compiles) the pattern once.  Returns the matcher, or NULL
 * with a message in err (errlen bytes) on failure.  Free with belopp_matcher_free. */
belopp_matcher *belopp_matcher_new(char *err, size_t errlen);

/* Frees the matcher; accepts NULL. */
void belopp_matcher_free(belopp_matcher *m);

/* The pattern's source text (PCRE2 syntax, for PCRE2_UTF | PCRE2_UCP), owned by m. */
const char *belopp_matcher_pattern(const belopp_matcher *m);

/* Finds the candidates in t, in order, into a malloc'd array that the caller
 * frees with free().  A bare number (no unit word, not in words) is kept only
 * in a table row of g, the one place it can be money; g NULL keeps all.
 * Returns 0 with *out and *n set (an empty array may be NULL), or -1 with an
 * error added to diags (match limit hit, out of memory). */
/* For an input read in chunks (cut at line breaks, which no report word nor
 * "(79)" figure crosses): looks at one chunk t, *figures counting the
 * figures over the chunks so far (start at 0).  Returns 1 when the input is
 * a report by what has been seen, else 0. */
int belopp_match_report_piece(belopp_matcher *m, const belopp_text *t, int *figures);

/* Says whether the input whose chunks are matched next (with
 * pos.report_set) is a report. */
void belopp_match_set_report(belopp_matcher *m, int report);

int belopp_match(belopp_matcher *m, const belopp_text *t, const belopp_segments *g,
                 belopp_candidate **out, size_t *n, belopp_diags *diags);

/* Where matching a text goes on; start from {0} (all zero). */
typedef struct {
    size_t off;      /* the next match starts at or after this byte */
    size_t row_hint; /* for belopp_segments_row */
    int report_set;  /* 1: belopp_match_set_report said whether the text is a
                        report (a chunk of a larger input), do not look */
} belopp_match_pos;

/* The same one candidate at a time, so that a large input needs no array of
 * them: finds the next candidate at or after pos->off and moves pos past it.
 * Returns 1 with *out set, 0 when there are no more, or -1 with an error
 * added to diags (then pos->off is at the end: matching stops there).
 * The call with pos->off == 0 looks at the whole text once (is it a report,
 * whose "87 MSEK (79)" gives last year's figure?) and m keeps the answer
 * for the calls that follow: one text at a time per matcher. */
int belopp_match_next(belopp_matcher *m, const belopp_text *t, const belopp_segments *g,
                      belopp_match_pos *pos, belopp_candidate *out, belopp_diags *diags);

#endif
