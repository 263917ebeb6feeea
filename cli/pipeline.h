/* pipeline.h — the whole flow for one input, shared by the command line and
 * the fuzz harness:
 *
 *   read → decode (UTF-8 repair, or HTML to visible text) → NFC → segment
 *        → match → classify → emit
 */
#ifndef BELOPP_PIPELINE_H
#define BELOPP_PIPELINE_H

#include <stddef.h>

#include "../emit/xml.h"
#include "../extract/diag.h"
#include "../extract/match.h"
#include "../extract/read.h"

/* Runs the stages on raw[0, len) and writes one <document source=…> to e.
 * Returns 0, 1 if something was left out (said in d), or -1 if the output
 * could not be written. */
int belopp_extract_buffer(belopp_matcher *m, belopp_emitter *e, const char *source,
                          const unsigned char *raw, size_t len, belopp_encoding enc,
                          belopp_diags *d);

/* Reads the file at path ("-" is stdin) and runs belopp_extract_buffer on it;
 * a file that cannot be read gives 1 and an error in d. */
int belopp_extract_file(belopp_matcher *m, belopp_emitter *e, const char *path,
                        belopp_encoding enc, belopp_diags *d);

#endif
