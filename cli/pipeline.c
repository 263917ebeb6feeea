/* pipeline.c — one input through every stage; see pipeline.h. */
#include "pipeline.h"

#include <stdlib.h>

#include "../extract/classify.h"
#include "../extract/html.h"
#include "../extract/segment.h"
#include "../normalize/nfc.h"

/* A record's start and end must point at the amount in the input.  Text the
 * HTML stage could not find in the page's bytes (tag soup that libxml2 turned
 * into visible text) maps to no bytes at all; a record with made-up offsets
 * is worse than none, so such an amount is left out with an error.  Returns
 * how many amounts are kept, in place. */
static size_t keep_placed(const belopp_text *t, belopp_amount *a, size_t n, belopp_diags *d)
{
    size_t kept = 0;
    for (size_t i = 0; i < n; i++) {
        size_t start = belopp_text_src_start(t, a[i].text.start);
        if (belopp_text_src_end(t, a[i].text.end) > start) {
            a[kept++] = a[i];
            continue;
        }
        const char *s = belopp_text_data(t);
        int len = (int)(a[i].text.end - a[i].text.start > 60 ? 60 : a[i].text.end - a[i].text.start);
        while (len > 0 && ((unsigned char)s[a[i].text.start + (size_t)len] & 0xC0) == 0x80)
            len--; /* never cut a character in two */
        belopp_diags_add(d, BELOPP_ERROR, start,
                         "\"%.*s\": not found in the input's bytes; amount left out", len,
                         s + a[i].text.start);
    }
    return kept;
}

int belopp_extract_buffer(belopp_matcher *m, belopp_emitter *e, const char *source,
                          const unsigned char *raw, size_t len, belopp_encoding enc,
                          belopp_diags *d)
{
    belopp_text *decoded = NULL, *text = NULL;
    belopp_segments *seg = NULL;
    belopp_candidate *cand = NULL;
    belopp_amount *amounts = NULL;
    size_t ncand = 0, namount = 0;
    int rc = 1;

    decoded = belopp_is_html(source, raw, len) ? belopp_html_to_text(raw, len, enc, d)
                                               : belopp_decode(raw, len, enc, d);
    if (decoded && !belopp_nfc_needed(decoded)) {
        text = decoded; /* the usual case: no copy of a whole input's worth */
        decoded = NULL;
    } else if (decoded) {
        text = belopp_nfc(decoded);
        belopp_text_free(decoded);
        decoded = NULL;
    }
    if (!text || !(seg = belopp_segment(text))) {
        belopp_diags_add(d, BELOPP_ERROR, BELOPP_NO_OFFSET, "out of memory; file left out");
        goto done;
    }
    if (belopp_match(m, text, seg, &cand, &ncand, d) < 0)
        goto done;
    if (belopp_classify(text, seg, cand, ncand, &amounts, &namount, d) < 0) {
        belopp_diags_add(d, BELOPP_ERROR, BELOPP_NO_OFFSET, "out of memory; file left out");
        goto done;
    }
    namount = keep_placed(text, amounts, namount, d);
    rc = belopp_emit_document(e, source, raw, len, text, seg, amounts, namount) < 0 ? -1 : 0;
done:
    free(amounts);
    free(cand);
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
