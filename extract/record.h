/* record.h — stage 6: a decided amount becomes a self-contained record.
 *
 * Everything a consumer needs is computed here, once, for every sink: the
 * line and column, the context window, the row label and column title, the
 * kind (prose, heading, cell), and whether it
 * repeats an earlier mention of the same money.
 */
#ifndef BELOPP_RECORD_H
#define BELOPP_RECORD_H

#include <stddef.h>

#include "../include/belopp.h"
#include "classify.h"
#include "segment.h"
#include "text.h"

typedef struct belopp_recorder belopp_recorder;

/* A recorder for one document: source is its name, raw its bytes as read
 * (for the hash, lines and columns), t and g its working text and segments.
 * All must outlive the recorder.  Returns NULL when out of memory. */
belopp_recorder *belopp_recorder_new(const char *source, const unsigned char *raw, size_t rawlen,
                                     const belopp_text *t, const belopp_segments *g);

/* Frees the recorder; accepts NULL. */
void belopp_recorder_free(belopp_recorder *rc);

/* The document as a sink sees it (source cleaned, sha256, size); the counts
 * are those of the records made so far.  Owned by rc. */
belopp_doc *belopp_recorder_doc(belopp_recorder *rc);

/* Makes the record of amount a (amounts in text order).  Returns a record
 * owned by rc and valid until the next call, or NULL when out of memory. */
const belopp_record *belopp_recorder_make(belopp_recorder *rc, const belopp_amount *a);

#endif
