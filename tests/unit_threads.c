/* unit_threads.c — extractors on several threads at once give the bytes one
 * thread gives (include/belopp.h: "Nothing is global … The output is the
 * same whatever the threads").
 *
 * Every file of corpus/ (text and HTML, so the libxml2 stage runs on
 * several threads at once) is dealt round-robin to 2 or 4 threads.  Each
 * thread makes its own extractor and writes each document into its own
 * writer on an open_memstream buffer, without head or tail.  Joined in
 * corpus order, the buffers must equal what one thread writes for all of
 * them with one writer, in XML, CSV and JSON Lines.  Each thread goes over
 * its documents twice, so that the threads overlap for longer.
 *
 * Then one large input whose chunks go to helper threads
 * (belopp_extractor_set_threads): the sink must get the same calls, records
 * and diagnostics interleaved, in the same order, as with none.
 *
 * make tsan builds this file and the library with -fsanitize=thread.
 * Run from the repository root (BELOPP_CORPUS overrides "corpus").
 */
#include <dirent.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "../include/belopp.h"

#define MAX_FILES 256
#define MAX_THREADS 4
#define ROUNDS 2

static char *files[MAX_FILES];
static size_t nfiles;

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The files in corpus/, without the .args files, sorted: the order of the batch. */
static int load_corpus(void **state)
{
    (void)state;
    const char *dir = getenv("BELOPP_CORPUS") ? getenv("BELOPP_CORPUS") : "corpus";
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && nfiles < MAX_FILES) {
        size_t n = strlen(e->d_name);
        if (e->d_name[0] == '.' || (n > 5 && strcmp(e->d_name + n - 5, ".args") == 0))
            continue;
        char *p = malloc(strlen(dir) + n + 2);
        if (!p)
            break;
        sprintf(p, "%s/%s", dir, e->d_name);
        files[nfiles++] = p;
    }
    closedir(d);
    qsort(files, nfiles, sizeof *files, by_name);
    return 0;
}

static int free_corpus(void **state)
{
    (void)state;
    for (size_t i = 0; i < nfiles; i++)
        free(files[i]);
    nfiles = 0;
    return 0;
}

/* One document's output and status. */
typedef struct {
    char *buf;
    size_t len;
    belopp_result rc;
} doc_out;

typedef struct {
    pthread_t id;
    size_t first, step; /* documents first, first + step, … */
    belopp_format format;
    doc_out *out;       /* by document, shared; each thread writes its own */
    int failed;
} worker;

/* Extracts files[i] into a writer of its own; 0, or -1 on a failure. */
static int extract_one(belopp_extractor *x, belopp_format f, size_t i, doc_out *o)
{
    FILE *mem = open_memstream(&o->buf, &o->len);
    if (!mem)
        return -1;
    belopp_writer *w = belopp_writer_new(f, mem);
    belopp_sink sink = belopp_writer_sink(w);
    o->rc = w ? belopp_extract_file(x, files[i], &sink) : BELOPP_RESULT_SINK_FAILED;
    int bad = !w || belopp_writer_flush(w) < 0 || o->rc == BELOPP_RESULT_SINK_FAILED;
    belopp_writer_free(w);
    return fclose(mem) != 0 || bad ? -1 : 0;
}

static void *work(void *arg)
{
    worker *k = arg;
    belopp_extractor *x = belopp_extractor_new(NULL, NULL, 0);
    if (!x) {
        k->failed = 1;
        return NULL;
    }
    for (int round = 0; round < ROUNDS && !k->failed; round++)
        for (size_t i = k->first; i < nfiles && !k->failed; i += k->step) {
            free(k->out[i].buf);
            k->out[i].buf = NULL;
            k->failed = extract_one(x, k->format, i, &k->out[i]) < 0;
        }
    belopp_extractor_free(x);
    return NULL;
}

/* All documents by one thread into one writer, without head or tail. */
static char *one_thread(belopp_format f, size_t *len, belopp_result *rcs)
{
    char *buf = NULL;
    FILE *mem = open_memstream(&buf, len);
    assert_non_null(mem);
    belopp_extractor *x = belopp_extractor_new(NULL, NULL, 0);
    assert_non_null(x);
    belopp_writer *w = belopp_writer_new(f, mem);
    assert_non_null(w);
    belopp_sink sink = belopp_writer_sink(w);
    for (size_t i = 0; i < nfiles; i++) {
        rcs[i] = belopp_extract_file(x, files[i], &sink);
        assert_int_not_equal(rcs[i], BELOPP_RESULT_SINK_FAILED);
    }
    assert_int_equal(belopp_writer_flush(w), 0);
    belopp_writer_free(w);
    belopp_extractor_free(x);
    assert_int_equal(fclose(mem), 0);
    return buf;
}

static void threads_agree(size_t nthreads, belopp_format f)
{
    assert_true(nfiles >= 2 * MAX_THREADS);
    size_t html = 0;
    for (size_t i = 0; i < nfiles; i++)
        html += strstr(files[i], ".html") != NULL;
    assert_true(html >= 1);

    belopp_result rcs[MAX_FILES];
    size_t want_len;
    char *want = one_thread(f, &want_len, rcs);
    assert_true(want_len > 0);

    doc_out *out = calloc(nfiles, sizeof *out);
    assert_non_null(out);
    worker k[MAX_THREADS];
    for (size_t t = 0; t < nthreads; t++) {
        k[t] = (worker){.first = t, .step = nthreads, .format = f, .out = out};
        assert_int_equal(pthread_create(&k[t].id, NULL, work, &k[t]), 0);
    }
    for (size_t t = 0; t < nthreads; t++) {
        assert_int_equal(pthread_join(k[t].id, NULL), 0);
        assert_false(k[t].failed);
    }

    char *got = NULL;
    size_t got_len = 0;
    FILE *joined = open_memstream(&got, &got_len);
    assert_non_null(joined);
    for (size_t i = 0; i < nfiles; i++) {
        assert_int_equal(out[i].rc, rcs[i]);
        assert_int_equal(fwrite(out[i].buf, 1, out[i].len, joined), out[i].len);
        free(out[i].buf);
    }
    assert_int_equal(fclose(joined), 0);
    free(out);

    if (got_len != want_len || memcmp(got, want, want_len) != 0) {
        size_t i = 0;
        while (i < got_len && i < want_len && got[i] == want[i])
            i++;
        fprintf(stderr, "threads: %zu threads, %s: outputs differ at byte %zu (%zu vs %zu bytes)\n",
                nthreads, belopp_format_extension(f), i, got_len, want_len);
        fail();
    }
    free(got);
    free(want);
}

/* ---- one input's chunks on helper threads (belopp_extractor_set_threads) ---- */

/* Every call a sink gets, one line each, in order: records and diagnostics
 * interleaved as they come. */
static int tr_begin(void *u, const belopp_doc *d)
{
    fprintf(u, "B %s %s %llu\n", d->source, d->sha256, (unsigned long long)d->bytes);
    return 0;
}

static int tr_record(void *u, const belopp_record *r)
{
    fprintf(u, "R %llu-%llu %llu:%llu %s %lld %lld %d %d %llu %s|%s|%s|%s|%s\n",
            (unsigned long long)r->start, (unsigned long long)r->end, (unsigned long long)r->line,
            (unsigned long long)r->col, r->currency, (long long)r->value, (long long)r->value_high,
            (int)r->kind, r->has_repeats, (unsigned long long)r->repeats, r->text,
            r->context ? r->context : "-", r->heading ? r->heading : "-", r->label ? r->label : "-",
            r->column_title ? r->column_title : "-");
    return 0;
}

static int tr_diag(void *u, const char *source, const belopp_diagnostic *d)
{
    fprintf(u, "D %s %d %d %llu %s\n", source, (int)d->code, (int)d->severity,
            (unsigned long long)d->offset, d->message);
    return 0;
}

static int tr_end(void *u, const belopp_doc *d)
{
    fprintf(u, "E %llu %llu %llu %llu\n", (unsigned long long)d->records,
            (unsigned long long)d->facts, (unsigned long long)d->warnings,
            (unsigned long long)d->errors);
    return 0;
}

/* The calls the sink gets for path with n helper threads. */
static char *trace(const char *path, int n, size_t *len, belopp_result *rc)
{
    char *buf = NULL;
    FILE *mem = open_memstream(&buf, len);
    assert_non_null(mem);
    belopp_extractor *x = belopp_extractor_new(NULL, NULL, 0);
    assert_non_null(x);
    assert_int_equal(belopp_extractor_set_threads(x, n), 0);
    belopp_sink sink = {mem, tr_begin, tr_record, tr_diag, tr_end};
    for (int round = 0; round < 2; round++) /* the helpers' matchers are kept for the next */
        *rc = belopp_extract_file(x, path, &sink);
    belopp_extractor_free(x);
    assert_int_equal(fclose(mem), 0);
    return buf;
}

/* The corpus texts in one file after bare "miljoner" with no currency for
 * many paragraphs, cut in chunks of 700 bytes: chunks queued ahead, a guess
 * about an earlier currency that is wrong (and one that cannot matter),
 * candidates held back across chunks; the sink must get the same calls in
 * the same order with 0, 2 and 4 helpers. */
static void one_input_on_helpers(void **state)
{
    (void)state;
    char path[] = "/tmp/unit_threads.XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    assert_non_null(f);
    fputs("Inledning\n\nBefolkningen ökade med 2 miljoner under perioden.\n\n", f);
    for (int i = 1; i <= 60; i++)
        fprintf(f, "Stycke %d utan valuta, %d miljoner här.\n\n", i, i + 2);
    size_t texts = 0;
    for (size_t i = 0; i < nfiles; i++) {
        size_t n = strlen(files[i]);
        if (n < 4 || strcmp(files[i] + n - 4, ".txt") != 0)
            continue;
        FILE *in = fopen(files[i], "rb");
        assert_non_null(in);
        char buf[8192];
        size_t k;
        while ((k = fread(buf, 1, sizeof buf, in)) > 0)
            assert_int_equal(fwrite(buf, 1, k, f), k);
        fclose(in);
        fputs("\n\n", f);
        texts++;
    }
    assert_int_equal(fclose(f), 0);
    assert_true(texts >= 10);

    /* read when an extractor is made: only these see it */
    assert_int_equal(setenv("BELOPP_CHUNK_BYTES", "700", 1), 0);
    belopp_extractor *x = belopp_extractor_new(NULL, NULL, 0);
    assert_non_null(x);
    assert_int_equal(belopp_extractor_set_threads(x, -1), -1);
    belopp_extractor_free(x);
    size_t want_len, got_len;
    belopp_result want_rc, got_rc;
    char *want = trace(path, 0, &want_len, &want_rc);
    assert_non_null(strstr(want, "\nR "));
    assert_non_null(strstr(want, "\nD "));
    for (int n = 2; n <= MAX_THREADS; n += 2) {
        char *got = trace(path, n, &got_len, &got_rc);
        assert_int_equal(got_rc, want_rc);
        if (got_len != want_len || memcmp(got, want, want_len) != 0) {
            size_t i = 0;
            while (i < got_len && i < want_len && got[i] == want[i])
                i++;
            fprintf(stderr, "threads: one input on %d helpers: calls differ at byte %zu: %.80s\n",
                    n, i, got + i);
            fail();
        }
        free(got);
    }
    free(want);
    unsetenv("BELOPP_CHUNK_BYTES");
    unlink(path);
}

static void two_threads_xml(void **state) { (void)state; threads_agree(2, BELOPP_FORMAT_XML); }
static void four_threads_xml(void **state) { (void)state; threads_agree(4, BELOPP_FORMAT_XML); }
static void four_threads_csv(void **state) { (void)state; threads_agree(4, BELOPP_FORMAT_CSV); }
static void four_threads_jsonl(void **state) { (void)state; threads_agree(4, BELOPP_FORMAT_JSONL); }

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(two_threads_xml),
        cmocka_unit_test(four_threads_xml),
        cmocka_unit_test(four_threads_csv),
        cmocka_unit_test(four_threads_jsonl),
        cmocka_unit_test(one_input_on_helpers),
    };
    return cmocka_run_group_tests_name("threads", tests, load_corpus, free_corpus);
}
