/* xml.h — stage 6: the records as XML (schema/belopp.xsd).
 *
 *   <belopp version="1">
 *     <document source="corpus/x.txt" sha256="…">
 *       <amount currency="SEK" ore="680000000000" start="412" end="432" line="9">
 *         <text>6,8 miljarder kronor</text>
 *         <sentence>Satsningen omfattar 6,8 miljarder kronor för 2021.</sentence>
 *       </amount>
 *     </document>
 *   </belopp>
 *
 * Everything goes through libxml2's xmlTextWriter, and every string is
 * cleaned first: xmlTextWriter happily writes U+0001 or invalid UTF-8 and
 * calls it success.
 */
#ifndef BELOPP_XML_H
#define BELOPP_XML_H

#include <stddef.h>
#include <stdio.h>

#include "../extract/classify.h"
#include "../extract/segment.h"
#include "../extract/text.h"

typedef struct belopp_emitter belopp_emitter;

/* Starts a <belopp> document on out.  Returns the emitter, or NULL on
 * failure.  Finish with belopp_emitter_finish, free with belopp_emitter_free. */
belopp_emitter *belopp_emitter_new(FILE *out);

/* Writes one <document> with its amounts and flushes it.  raw is the input as
 * read (for the hash and line numbers), t the working text the spans point
 * into.  Returns 0, or -1 on a write error. */
int belopp_emit_document(belopp_emitter *e, const char *source, const unsigned char *raw,
                         size_t rawlen, const belopp_text *t, const belopp_segments *g,
                         const belopp_amount *a, size_t n);

/* The same in steps, for amounts that come as a stream: begin writes the
 * <document> start tag, amount one <amount> (amounts in text order), end
 * closes the document and flushes.  raw must stay valid until end.  Each
 * returns 0, or -1 on a write error. */
int belopp_emit_begin(belopp_emitter *e, const char *source, const unsigned char *raw,
                      size_t rawlen);
int belopp_emit_amount(belopp_emitter *e, const belopp_text *t, const belopp_segments *g,
                       const belopp_amount *a);
int belopp_emit_end(belopp_emitter *e);

/* Closes </belopp> and flushes.  Returns 0, or -1 on a write error. */
int belopp_emitter_finish(belopp_emitter *e);

/* Frees the emitter; accepts NULL.  Does not close out. */
void belopp_emitter_free(belopp_emitter *e);

/* Copies s[0, n) into a malloc'd NUL-terminated string that XML 1.0 accepts:
 * invalid UTF-8 and characters XML forbids (C0 controls but tab, LF and CR;
 * U+FFFE, U+FFFF) become U+FFFD.  With flatten, tab, CR and LF become spaces.
 * Returns NULL when out of memory; the caller frees. */
char *belopp_xml_clean(const char *s, size_t n, int flatten);

#endif
