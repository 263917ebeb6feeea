/* bench_stages.c — where belopp's time goes, stage by stage (make bench).
 *
 *   bench_stages FILE REPEATS
 *
 * Runs the stages of extract/extract.c one after the other on FILE, REPEATS
 * times, timing each with CLOCK_MONOTONIC; the XML goes to /dev/null.
 * Prints "bytes N", "matches N" (all matches of the core pattern: what a
 * pcre2grep scan finds), "candidates N" (those belopp_match keeps for
 * classification), "amounts N", then one line per stage:
 *
 *   stage NAME MEDIAN_S
 *
 * Only library calls that extract/extract.c itself makes are used, so this
 * measures the same work as `belopp extract FILE`, minus start-up.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../emit/writer.h"
#include "../extract/record.h"
#include "../extract/classify.h"
#include "../extract/diag.h"
#include "../extract/match.h"
#include "../extract/read.h"
#include "../extract/segment.h"
#include "../normalize/nfc.h"

enum { READ, DECODE, NFC, SEGMENT, MATCH, CLASSIFY, EMIT, NSTAGES };
static const char *const NAMES[NSTAGES] = {"read",  "decode",   "nfc", "segment",
                                           "match", "classify", "emit"};

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static int fail(const char *what)
{
    fprintf(stderr, "bench_stages: %s failed\n", what);
    return 1;
}

int main(int argc, char **argv)
{
    if (argc != 3 || atoi(argv[2]) < 1) {
        fprintf(stderr, "usage: bench_stages FILE REPEATS\n");
        return 2;
    }
    const char *path = argv[1];
    int repeats = atoi(argv[2]);
    double *t = calloc((size_t)repeats * NSTAGES, sizeof *t);
    char err[256];
    belopp_matcher *m = belopp_matcher_new(err, sizeof err);
    FILE *devnull = fopen("/dev/null", "w");
    belopp_writer *e = devnull ? belopp_writer_new(BELOPP_FORMAT_XML, devnull) : NULL;
    belopp_diags *d = belopp_diags_new();
    if (!t || !m || !e || !d)
        return fail("setup");

    size_t len = 0, ncand = 0, namount = 0, nmatch = 0;
    for (int r = 0; r < repeats; r++) {
        double *tr = t + (size_t)r * NSTAGES;
        unsigned char *raw = NULL;
        belopp_text *decoded, *text;
        belopp_segments *seg;
        belopp_candidate *cand = NULL;
        belopp_amount *amounts = NULL;
        belopp_diags_clear(d);

        double t0 = now();
        if (belopp_read_file(path, &raw, &len, d) < 0)
            return fail("read");
        double t1 = now();
        if (!(decoded = belopp_decode(raw, len, BELOPP_ENC_AUTO, d)))
            return fail("decode");
        double t2 = now();
        if (!belopp_nfc_needed(decoded)) { /* as extract/extract.c does */
            text = decoded;
        } else {
            if (!(text = belopp_nfc(decoded)))
                return fail("nfc");
            belopp_text_free(decoded);
        }
        decoded = NULL;
        double t3 = now();
        if (!(seg = belopp_segment(text)))
            return fail("segment");
        double t4 = now();
        if (belopp_match(m, text, seg, &cand, &ncand, d) < 0)
            return fail("match");
        double t5 = now();
        if (belopp_classify(text, seg, cand, ncand, &amounts, &namount, d) < 0)
            return fail("classify");
        double t6 = now();
        /* emit: records, then the XML writer */
        belopp_recorder *rec = belopp_recorder_new(path, raw, len, text, seg);
        belopp_sink sink = belopp_writer_sink(e);
        if (!rec || sink.begin(sink.user, belopp_recorder_doc(rec)) != 0)
            return fail("emit");
        for (size_t i = 0; i < namount; i++) {
            const belopp_record *x = belopp_recorder_make(rec, &amounts[i]);
            if (!x || sink.record(sink.user, x) != 0)
                return fail("emit");
        }
        if (sink.end(sink.user, belopp_recorder_doc(rec)) != 0)
            return fail("emit");
        belopp_recorder_free(rec);
        double t7 = now();
        if (r == 0) { /* untimed: every match, none dropped (segments NULL) */
            belopp_candidate *all = NULL;
            if (belopp_match(m, text, NULL, &all, &nmatch, d) < 0)
                return fail("match");
            free(all);
        }

        tr[READ] = t1 - t0;
        tr[DECODE] = t2 - t1;
        tr[NFC] = t3 - t2;
        tr[SEGMENT] = t4 - t3;
        tr[MATCH] = t5 - t4;
        tr[CLASSIFY] = t6 - t5;
        tr[EMIT] = t7 - t6;
        free(amounts);
        free(cand);
        belopp_segments_free(seg);
        belopp_text_free(text);
        belopp_text_free(decoded);
        free(raw);
    }
    printf("bytes %zu\nmatches %zu\ncandidates %zu\namounts %zu\n", len, nmatch, ncand,
           namount);
    double *col = calloc((size_t)repeats, sizeof *col);
    if (!col)
        return fail("setup");
    for (int s = 0; s < NSTAGES; s++) {
        for (int r = 0; r < repeats; r++)
            col[r] = t[(size_t)r * NSTAGES + (size_t)s];
        qsort(col, (size_t)repeats, sizeof *col, cmp_double);
        double med = repeats % 2 ? col[repeats / 2]
                                 : (col[repeats / 2 - 1] + col[repeats / 2]) / 2;
        printf("stage %s %.6f\n", NAMES[s], med);
    }
    free(col);
    free(t);
    belopp_writer_tail(e);
    belopp_writer_free(e);
    fclose(devnull);
    belopp_diags_free(d);
    belopp_matcher_free(m);
    return 0;
}
