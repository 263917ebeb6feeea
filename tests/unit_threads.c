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
    };
    return cmocka_run_group_tests_name("threads", tests, load_corpus, free_corpus);
}
