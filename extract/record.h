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
#include <stdint.h>

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

/* For an input read in chunks: make the recorder with raw, t and g NULL
 * (rawlen 0), then give it the input's sha256 (64 hex digits) and size, and
 * before the records of each chunk the chunk: its bytes raw[0, rawlen) at
 * input offset raw_base, its working text and segments (which must outlive
 * the chunk's records).  Lines, headings and the facts that later mentions
 * may repeat carry over from chunk to chunk. */
void belopp_recorder_set_input(belopp_recorder *rc, const char *sha256, uint64_t bytes);
void belopp_recorder_chunk(belopp_recorder *rc, const unsigned char *raw, size_t rawlen,
                           size_t raw_base, const belopp_text *t, const belopp_segments *g);

/* The chunk's records are made: looks at the rest of it (lines, headings).
 * Call it while the chunk's bytes, text and segments are still there. */
void belopp_recorder_chunk_done(belopp_recorder *rc);

/* Frees the recorder; accepts NULL. */
void belopp_recorder_free(belopp_recorder *rc);

/* The document as a sink sees it (source cleaned, sha256, size); the counts
 * are those of the records made so far.  Owned by rc. */
belopp_doc *belopp_recorder_doc(belopp_recorder *rc);

/* Makes the record of amount a (amounts in text order).  Returns a record
 * owned by rc and valid until the next call, or NULL when out of memory. */
const belopp_record *belopp_recorder_make(belopp_recorder *rc, const belopp_amount *a);

#endif
