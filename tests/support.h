/* support.h — runs the stages up to classify on a string, for unit tests. */
#ifndef BELOPP_TEST_SUPPORT_H
#define BELOPP_TEST_SUPPORT_H

#include <stdlib.h>
#include <string.h>

#include "../extract/classify.h"
#include "../extract/match.h"
#include "../extract/read.h"
#include "../extract/segment.h"
#include "../normalize/nfc.h"

typedef struct {
    belopp_diags *diags;
    belopp_text *text;
    belopp_segments *seg;
    belopp_candidate *cand;
    size_t ncand;
    belopp_amount *amounts;
    size_t n;
} run_result;

static inline run_result run(belopp_matcher *m, const char *s)
{
    run_result r = {0};
    r.diags = belopp_diags_new();
    belopp_text *raw = belopp_decode((const unsigned char *)s, strlen(s), BELOPP_ENC_UTF8, r.diags);
    r.text = belopp_nfc(raw);
    belopp_text_free(raw);
    r.seg = belopp_segment(r.text);
    belopp_match(m, r.text, NULL, &r.cand, &r.ncand, r.diags);
    belopp_classify(r.text, r.seg, r.cand, r.ncand, &r.amounts, &r.n, r.diags);
    return r;
}

/* The text of amount i as a NUL-terminated string in buf. */
static inline const char *amount_text(const run_result *r, size_t i, char *buf, size_t cap)
{
    const belopp_span sp = r->amounts[i].text;
    size_t n = sp.end - sp.start < cap - 1 ? sp.end - sp.start : cap - 1;
    memcpy(buf, belopp_text_data(r->text) + sp.start, n);
    buf[n] = '\0';
    return buf;
}

static inline void run_free(run_result *r)
{
    free(r->amounts);
    free(r->cand);
    belopp_segments_free(r->seg);
    belopp_text_free(r->text);
    belopp_diags_free(r->diags);
}

#endif
