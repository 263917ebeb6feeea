/* classify.h — stage 5: decide which candidates are money, and how much.
 *
 * Takes the matcher's candidates and the segments and keeps those that are
 * sums of money: a number with a currency, or a number with a scale word
 * where the text is about money.  Table cells come from the segments
 * (segment.h), not from the matcher: they are written in text order among
 * the candidates, and a candidate inside a table row is dropped (the row's
 * cells say what its numbers are).  Each kept amount gets its value in
 * minor units (öre).
 */
#ifndef BELOPP_CLASSIFY_H
#define BELOPP_CLASSIFY_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "match.h"
#include "segment.h"
#include "text.h"

typedef struct {
    belopp_span text;      /* the amount as written, in the working text */
    belopp_span src;       /* the same in the input's bytes; never empty */
    belopp_span sentence;  /* the sentence it stands in (prose) */
    const belopp_row *row; /* the table row, for a table cell; else NULL */
    size_t column;         /* for a table cell: its 0-based value column */
    const char *currency;  /* ISO 4217 */
    int minor_exp;         /* ISO 4217 minor-unit exponent: 2 for SEK, 0 for JPY */
    int64_t minor;         /* value in minor units (10^-minor_exp of the currency): öre
                              for SEK, whole yen for JPY; the low end of a range */
    int is_range;          /* "4–5 miljarder": minor .. minor_high */
    int64_t minor_high;
    const char *qualifier; /* "approx", "at-least", "at-most", or NULL */
    belopp_span per;       /* "projekt" of "25 000 kronor per projekt"; empty if none */
    belopp_span unit;      /* for a table cell: the words that name its unit ("tkr",
                              "Miljoner kronor", "kkr" of "Resultat per anställd, kkr") */
    int sum;               /* 0: not a total; 1: checked, adds up; 2: checked, does not
                              add up; 3: a total that could not be checked (BELOPP_SUM_*).
                              A difference cell ("Avvikelse") is checked too, not a total. */
    int is_total;          /* a cell in a row or column labelled Totalt, Summa (…),
                              Total, Sammanlagt, Samtliga */
} belopp_amount;

/* Classifies the n candidates c (in text order) of text t.  Returns 0 with a
 * malloc'd array in *out (free with free()) and its length in *nout, or -1
 * when out of memory.  An amount whose value cannot be represented, or whose
 * text maps to no input bytes (see html.h), is left out with an error in
 * diags that names its source byte offset. */
int belopp_classify(const belopp_text *t, const belopp_segments *g, const belopp_candidate *c,
                    size_t n, belopp_amount **out, size_t *nout, belopp_diags *diags);

/* The same as a stream, for inputs too large for an array of candidates:
 *
 *   belopp_classifier *cl = belopp_classifier_new(t, g);
 *   for each candidate k, in text order:
 *       belopp_classifier_add(cl, &k, diags);
 *       a = belopp_classifier_take(cl, &n);   (the amounts decided so far)
 *   belopp_classifier_finish(cl, diags);
 *   a = belopp_classifier_take(cl, &n);       (the rest)
 *   belopp_classifier_free(cl);
 *
 * The amounts come out in the same order and with the same values and
 * diagnostics as from belopp_classify.  Candidates may be held back until
 * the text shows a currency, since that decides a bare "2,4 miljarder". */
typedef struct belopp_classifier belopp_classifier;

/* Returns a classifier for text t and its segments g, or NULL when out of
 * memory.  Both must outlive it. */
belopp_classifier *belopp_classifier_new(const belopp_text *t, const belopp_segments *g);

/* Frees the classifier; accepts NULL. */
void belopp_classifier_free(belopp_classifier *cl);

/* Feeds the next candidate.  Returns 0, or -1 when out of memory. */
int belopp_classifier_add(belopp_classifier *cl, const belopp_candidate *k,
                          belopp_diags *diags);

/* No more candidates: decides those still held back.  Returns 0, or -1 when
 * out of memory. */
int belopp_classifier_finish(belopp_classifier *cl, belopp_diags *diags);

/* For an input read in chunks, one classifier a chunk; whether the input
 * names a currency (or has a table) anywhere is the input's, not the
 * chunk's.  money_open: candidates are held back and this chunk has not
 * settled it (the caller looks further on, then calls set_money_text or
 * not before finish).  money_text: it is settled, yes.  set_money_text:
 * it is yes (said by an earlier chunk, or by looking ahead). */
int belopp_classifier_money_open(const belopp_classifier *cl);
/* Does candidate k of t make t a text about money as a currency does: a
 * bare "22,9 miljoner" in a sentence about money (a deficit, a budget) that
 * counts nothing?  For looking ahead over chunks (extract.c); 1 or 0. */
int belopp_money_sentence(const belopp_text *t, const belopp_segments *g, const belopp_candidate *k);
int belopp_classifier_money_text(const belopp_classifier *cl);
void belopp_classifier_set_money_text(belopp_classifier *cl);

/* The amounts decided since the last take, *n of them, in text order.  The
 * array belongs to cl and is valid until the next add or finish. */
const belopp_amount *belopp_classifier_take(belopp_classifier *cl, size_t *n);

#endif
