/* pipeline.c — one input through every stage; see pipeline.h. */
#include "pipeline.h"

#include <stdlib.h>

#include "../extract/classify.h"
#include "../extract/html.h"
#include "../extract/segment.h"
#include "../normalize/nfc.h"

/* Candidates are matched a batch at a time and then classified and written:
 * memory stays small, and the matcher's JIT code is not evicted from the
 * caches by classify and libxml2 after every single match (3-8 % less CPU on
 * bench input than one at a time; 47 KB of stack). */
#define BATCH 256

/* Writes the amounts cl has decided so far.  Returns 0, or -1 on a write error. */
static int emit_decided(belopp_emitter *e, belopp_classifier *cl, const belopp_text *t,
                        const belopp_segments *g)
{
    size_t n;
    const belopp_amount *a = belopp_classifier_take(cl, &n);
    for (size_t i = 0; i < n; i++)
        if (belopp_emit_amount(e, t, g, &a[i]) < 0)
            return -1;
    return 0;
}

int belopp_extract_buffer(belopp_matcher *m, belopp_emitter *e, const char *source,
                          const unsigned char *raw, size_t len, belopp_encoding enc,
                          belopp_diags *d)
{
    belopp_text *decoded = NULL, *text = NULL;
    belopp_segments *seg = NULL;
    belopp_classifier *cl = NULL;
    int rc = 1;

    decoded = belopp_is_html(source, raw, len) ? belopp_html_to_text(raw, len, enc, d)
                                               : belopp_decode(raw, len, enc, d);
    if (decoded && belopp_nfc_needed(decoded)) {
        text = belopp_nfc(decoded);
        belopp_text_free(decoded);
    } else {
        text = decoded; /* the usual case: no copy of a whole input's worth */
    }
    decoded = NULL;
    if (!text || !(seg = belopp_segment(text)) || !(cl = belopp_classifier_new(text, seg))) {
        belopp_diags_add(d, BELOPP_ERROR, BELOPP_NO_OFFSET, "out of memory; file left out");
        goto done;
    }
    /* Candidates stream from the matcher through the classifier to the
     * output, so memory does not grow with the number of amounts.  A
     * matching error ends the matching, not the document: what was found
     * before it is written. */
    rc = -1;
    if (belopp_emit_begin(e, source, raw, len) < 0)
        goto done;
    belopp_match_pos pos = {0, 0};
    belopp_candidate batch[BATCH];
    size_t n;
    int more = 1, oom = 0;
    while (more && !oom) {
        n = 0;
        while (n < BATCH && (more = belopp_match_next(m, text, seg, &pos, &batch[n], d) > 0))
            n++;
        for (size_t i = 0; i < n && !oom; i++)
            oom = belopp_classifier_add(cl, &batch[i], d) < 0;
        if (emit_decided(e, cl, text, seg) < 0)
            goto done;
    }
    oom = oom || belopp_classifier_finish(cl, d) < 0;
    if (emit_decided(e, cl, text, seg) < 0)
        goto done;
    if (oom)
        belopp_diags_add(d, BELOPP_ERROR, belopp_text_src_start(text, pos.off),
                         "out of memory; the rest of the file left out");
    rc = belopp_emit_end(e) < 0 ? -1 : 0;
done:
    belopp_classifier_free(cl);
    belopp_segments_free(seg);
    belopp_text_free(text);
    belopp_text_free(decoded);
    if (rc == 0 && belopp_diags_errors(d) > 0)
        rc = 1;
    return rc;
}

int belopp_extract_file(belopp_matcher *m, belopp_emitter *e, const char *path,
                        belopp_encoding enc, belopp_diags *d)
{
    unsigned char *raw = NULL;
    size_t len = 0;
    if (belopp_read_file(path, &raw, &len, d) < 0)
        return 1;
    int rc = belopp_extract_buffer(m, e, path, raw, len, enc, d);
    free(raw);
    return rc;
}
