/* batch.c — many files through the library, on threads, in path order.
 *
 * The flow of one run:
 *
 *   walk the PATHs  →  workers (one extractor each) read, hash, extract a
 *   document into memory  →  the ordering stage (the main thread) takes the
 *   finished documents in path order and writes them out (stdout, -o FILE),
 *   or notes them (--out-dir), or loads them (belopp load).
 *
 * Facts it relies on:
 * - The writers write each document whole and alone (belopp.h), so a
 *   document written into its own memory stream without head or tail and
 *   joined in order gives the bytes of a one-thread run.
 * - At most `window` (2 × jobs) documents are taken and not yet written:
 *   memory is bounded by the documents in flight, not by the batch.
 * - rename(2) within one directory is atomic; fsync of the file before it and
 *   of the directory after it make the new name durable.  A temporary file
 *   (hidden: ".NAME.belopp-XXXXXX") that a SIGKILL leaves behind is never
 *   taken for an output.
 * - SIGINT/SIGTERM only set a flag; every wait here is timed (100 ms), so the
 *   flag is seen within one document.
 */
#include "batch.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <inttypes.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <nettle/sha2.h>

#include "../include/belopp.h"
#include "../load/load.h"

enum { EXIT_OK = 0, EXIT_SOME = 1, EXIT_USAGE = 2, EXIT_FATAL = 3, EXIT_DB = 4 };

/* The only state shared with the signal handler. */
static volatile sig_atomic_t stop_signal;

static void on_signal(int sig)
{
    stop_signal = sig;
}

/* ------------------------------------------------------------------------ */
/* Small helpers                                                            */

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q) {
        fputs("belopp: out of memory\n", stderr);
        exit(EXIT_FATAL);
    }
    return q;
}

static char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(xrealloc(NULL, n), s, n);
}

/* "dir" + "/" + "name", freshly allocated. */
static char *join(const char *dir, const char *name)
{
    size_t a = strlen(dir), b = strlen(name);
    int slash = a > 0 && dir[a - 1] != '/';
    char *p = xrealloc(NULL, a + (size_t)slash + b + 1);
    memcpy(p, dir, a);
    if (slash)
        p[a] = '/';
    memcpy(p + a + (size_t)slash, name, b + 1);
    return p;
}

/* FNV-1a, 64 bits: the shard of a path.  Stable across machines and builds. */
static uint64_t path_hash(const char *s)
{
    uint64_t h = 14695981039346656037u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    return h;
}

/* ------------------------------------------------------------------------ */
/* The walk                                                                 */

typedef struct {
    char *path;    /* as found: "press/2024/a.txt"; the record's source */
    char *rel;     /* below its PATH argument: "2024/a.txt" (--out-dir, --shard) */
    uint64_t size; /* from lstat, for the progress line */
} batch_file;

typedef struct {
    batch_file *v;
    size_t n, cap;
    uint64_t bytes;
    size_t skipped;     /* not a taken extension, or not a regular file */
    size_t hidden;      /* names starting with '.' */
    size_t links;       /* symbolic links not followed */
    size_t other_shard; /* taken by another --shard */
    int errors;         /* directories that could not be read */
} file_list;

typedef struct {
    const char **include;
    size_t ninclude;
    unsigned shard_k, shard_n; /* shard_n == 0: no sharding */
    int quiet;
} walk_options;

static int taken_name(const char *name, const walk_options *o)
{
    static const char *const ext[] = {".txt", ".html", ".htm", ".xhtml"};
    const char *dot = strrchr(name, '.');
    if (dot && dot != name)
        for (size_t i = 0; i < sizeof ext / sizeof ext[0]; i++)
            if (strcmp(dot, ext[i]) == 0)
                return 1;
    for (size_t i = 0; i < o->ninclude; i++)
        if (fnmatch(o->include[i], name, 0) == 0)
            return 1;
    return 0;
}

static void add_file(file_list *l, const walk_options *o, const char *path, const char *rel,
                     uint64_t size)
{
    if (o->shard_n && path_hash(rel) % o->shard_n != o->shard_k) {
        l->other_shard++;
        return;
    }
    if (l->n == l->cap) {
        l->cap = l->cap ? 2 * l->cap : 256;
        l->v = xrealloc(l->v, l->cap * sizeof *l->v);
    }
    l->v[l->n].path = xstrdup(path);
    l->v[l->n].rel = xstrdup(rel);
    l->v[l->n].size = size;
    l->n++;
    l->bytes += size;
}

/* Walks dir (whose path below the argument is rel, "" at the top). */
static void walk_dir(file_list *l, const walk_options *o, const char *dir, const char *rel)
{
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "belopp: %s: cannot read the directory: %s\n", dir, strerror(errno));
        l->errors++;
        return;
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        const char *name = e->d_name;
        if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
            continue;
        char *path = join(dir, name);
        char *sub = *rel ? join(rel, name) : xstrdup(name);
        struct stat st;
        if (name[0] == '.') {
            l->hidden++;
        } else if (lstat(path, &st) != 0) {
            fprintf(stderr, "belopp: %s: %s\n", path, strerror(errno));
            l->errors++;
        } else if (S_ISLNK(st.st_mode)) {
            if (!o->quiet)
                fprintf(stderr, "belopp: %s: symbolic link not followed\n", path);
            l->links++;
        } else if (S_ISDIR(st.st_mode)) {
            walk_dir(l, o, path, sub);
        } else if (S_ISREG(st.st_mode) && taken_name(name, o)) {
            add_file(l, o, path, sub, (uint64_t)st.st_size);
        } else {
            l->skipped++;
        }
        free(path);
        free(sub);
    }
    closedir(d);
}

static int by_path(const void *a, const void *b)
{
    return strcmp(((const batch_file *)a)->path, ((const batch_file *)b)->path);
}

/* The relative name of a file argument: its path without a leading "/" or
 * "./"; its base name if it climbs with "..". */
static const char *arg_rel(const char *path)
{
    const char *p = path;
    for (;;) {
        if (*p == '/')
            p++;
        else if (p[0] == '.' && p[1] == '/')
            p += 2;
        else
            break;
    }
    if (strstr(p, "..")) {
        const char *slash = strrchr(p, '/');
        return slash ? slash + 1 : p;
    }
    return p;
}

/* The files of the PATH arguments, in argument order; a directory's files in
 * byte order of their paths.  A file named as an argument is taken whatever
 * its name (and followed if a link). */
static void walk(file_list *l, const walk_options *o, char **paths, int n)
{
    for (int i = 0; i < n; i++) {
        struct stat st;
        if (strcmp(paths[i], "-") == 0) {
            add_file(l, o, "-", "-", 0);
            continue;
        }
        if (stat(paths[i], &st) == 0 && S_ISDIR(st.st_mode)) {
            size_t first = l->n;
            walk_dir(l, o, paths[i], "");
            if (l->n - first > 1)
                qsort(l->v + first, l->n - first, sizeof *l->v, by_path);
        } else {
            /* Missing or unreadable: taken, so that it is reported in order. */
            add_file(l, o, paths[i], arg_rel(paths[i]), stat(paths[i], &st) == 0 ? (uint64_t)st.st_size : 0);
        }
    }
}

static void file_list_free(file_list *l)
{
    for (size_t i = 0; i < l->n; i++) {
        free(l->v[i].path);
        free(l->v[i].rel);
    }
    free(l->v);
}

/* ------------------------------------------------------------------------ */
/* Up-to-date records: the --out-dir manifest and the database's documents  */

/* key → sha256 + version, sorted by key for bsearch; the last entry of a
 * key counts.  Read-only while the workers run. */
typedef struct {
    char *key;
    char sha256[65];
    char *version;
    size_t order;
} known_entry;

typedef struct {
    known_entry *v;
    size_t n, cap;
} known_set;

static void known_add(known_set *k, const char *key, const char *sha256, const char *version)
{
    if (k->n == k->cap) {
        k->cap = k->cap ? 2 * k->cap : 256;
        k->v = xrealloc(k->v, k->cap * sizeof *k->v);
    }
    known_entry *e = &k->v[k->n];
    e->key = xstrdup(key);
    snprintf(e->sha256, sizeof e->sha256, "%s", sha256);
    e->version = xstrdup(version);
    e->order = k->n++;
}

static int known_add_cb(void *user, const char *source, const char *sha256, const char *version)
{
    known_add(user, source, sha256, version);
    return 0;
}

static int by_key_then_order(const void *a, const void *b)
{
    const known_entry *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    return c ? c : (x->order > y->order) - (x->order < y->order);
}

static void known_sort(known_set *k)
{
    if (k->n > 1) /* qsort(NULL, 0, …) is undefined */
        qsort(k->v, k->n, sizeof *k->v, by_key_then_order);
}

/* The last entry for key, or NULL. */
static const known_entry *known_find(const known_set *k, const char *key)
{
    size_t lo = 0, hi = k->n;
    while (lo < hi) { /* first entry with entry.key > key */
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(k->v[mid].key, key) <= 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo > 0 && strcmp(k->v[lo - 1].key, key) == 0)
        return &k->v[lo - 1];
    return NULL;
}

static size_t known_distinct(const known_set *k)
{
    size_t d = 0;
    for (size_t i = 0; i < k->n; i++)
        if (i + 1 == k->n || strcmp(k->v[i].key, k->v[i + 1].key) != 0)
            d++;
    return d;
}

static void known_free(known_set *k)
{
    for (size_t i = 0; i < k->n; i++) {
        free(k->v[i].key);
        free(k->v[i].version);
    }
    free(k->v);
}

#define MANIFEST_NAME ".belopp-manifest"

/* Reads DIR/.belopp-manifest: lines "SHA256 VERSION OUTPUT-PATH". */
static void manifest_read(known_set *k, const char *dir)
{
    char *path = join(dir, MANIFEST_NAME);
    FILE *f = fopen(path, "r");
    free(path);
    if (!f)
        return;
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    while ((len = getline(&line, &cap, f)) > 0) {
        if (line[len - 1] != '\n')
            break; /* a line cut short by a crash: ignore it */
        line[len - 1] = '\0';
        char *sp1 = strchr(line, ' ');
        char *sp2 = sp1 ? strchr(sp1 + 1, ' ') : NULL;
        if (!sp2 || sp1 - line != 64)
            continue;
        *sp1 = *sp2 = '\0';
        known_add(k, sp2 + 1, line, sp1 + 1);
    }
    free(line);
    fclose(f);
}

/* ------------------------------------------------------------------------ */
/* Atomic files                                                             */

typedef struct {
    char *final;
    char *tmp;
    FILE *f;
} atomic_file;

static int mkdirs_for(const char *path)
{
    char *p = xstrdup(path);
    for (char *s = strchr(p + 1, '/'); s; s = strchr(s + 1, '/')) {
        *s = '\0';
        if (mkdir(p, 0777) != 0 && errno != EEXIST) {
            free(p);
            return -1;
        }
        *s = '/';
    }
    free(p);
    return 0;
}

/* Opens a temporary file beside path, to be given mode (0666 less the umask,
 * read once before the threads start: umask(2) is per process).  Returns 0,
 * or -1 with errno set. */
static int atomic_open(atomic_file *a, const char *path, int make_dirs, mode_t mode)
{
    memset(a, 0, sizeof *a);
    if (make_dirs && mkdirs_for(path) != 0)
        return -1;
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash ? (size_t)(slash - path) + 1 : 0;
    const char *base = path + dirlen;
    size_t n = dirlen + strlen(base) + 32;
    a->tmp = xrealloc(NULL, n);
    snprintf(a->tmp, n, "%.*s.%s.belopp-XXXXXX", (int)dirlen, path, base);
    int fd = mkstemp(a->tmp);
    if (fd < 0) {
        int e = errno;
        free(a->tmp);
        a->tmp = NULL;
        errno = e;
        return -1;
    }
    fchmod(fd, mode);
    a->f = fdopen(fd, "w");
    if (!a->f) {
        int e = errno;
        close(fd);
        unlink(a->tmp);
        free(a->tmp);
        a->tmp = NULL;
        errno = e;
        return -1;
    }
    a->final = xstrdup(path);
    return 0;
}

static void fsync_dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    char *dir = slash ? strndup(path, (size_t)(slash - path) + 1) : xstrdup(".");
    int fd = open(dir ? dir : ".", O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
    free(dir);
}

/* Flushes, fsyncs and renames the file into place.  Returns 0, or -1 with
 * errno set (the temporary file is then removed). */
static int atomic_commit(atomic_file *a)
{
    int rc = 0;
    if (fflush(a->f) != 0 || fsync(fileno(a->f)) != 0)
        rc = -1;
    int e = errno;
    if (fclose(a->f) != 0 && rc == 0) {
        rc = -1;
        e = errno;
    }
    a->f = NULL;
    if (rc == 0 && rename(a->tmp, a->final) != 0) {
        rc = -1;
        e = errno;
    }
    if (rc != 0)
        unlink(a->tmp);
    else
        fsync_dir_of(a->final);
    free(a->tmp);
    free(a->final);
    a->tmp = a->final = NULL;
    errno = e;
    return rc;
}

/* Removes the temporary file; the previous file (if any) stays. */
static void atomic_abort(atomic_file *a)
{
    if (a->f)
        fclose(a->f);
    if (a->tmp)
        unlink(a->tmp);
    free(a->tmp);
    free(a->final);
    memset(a, 0, sizeof *a);
}

/* ------------------------------------------------------------------------ */
/* Documents in flight                                                      */

typedef enum { MODE_STREAM, MODE_OUT_DIR, MODE_LOAD } batch_mode;

typedef enum { SLOT_FREE, SLOT_BUSY, SLOT_DONE } slot_state;

typedef struct {
    slot_state state;
    size_t index;
    uint64_t bytes;
    char sha256[65];
    int unchanged; /* up to date: nothing was extracted */
    int failed;    /* a read error, or an amount or the input left out */
    int fatal;     /* the output could not be written */
    int aborted;   /* stopped by a signal before its output was in place */
    uint64_t amounts;
    char *out; /* MODE_STREAM: the document's bytes */
    size_t outlen;
    int direct; /* MODE_STREAM: written straight to the output, not to out */
    belopp_record **recs; /* MODE_LOAD */
    size_t nrecs, caprecs;
    char *diag; /* "belopp: …\n" lines, printed in order by the ordering stage */
    size_t diaglen;
    FILE *diagf;
} doc_slot;

typedef struct {
    /* options */
    batch_mode mode;
    belopp_options opt;
    belopp_format format;
    const char *out_dir;
    int force;
    int jobs;
    int doc_threads; /* for one document's chunks: see run_batch */
    int quiet;
    mode_t file_mode; /* of new outputs: 0666 less the umask */
    /* input */
    file_list files;
    known_set known; /* --out-dir manifest, or the database's documents */
    /* the window of documents in flight */
    pthread_mutex_t mu;
    pthread_cond_t cv;
    doc_slot *slots;
    size_t window;
    size_t next_take;  /* next index a worker takes */
    size_t next_write; /* next index the ordering stage writes */
    FILE *direct_out;  /* MODE_STREAM: the output, for the document whose turn it is */
    int stopping;
    int worker_error; /* an extractor could not be made */
    char worker_msg[256];
} batch;

static void slot_reset(doc_slot *s)
{
    free(s->out);
    for (size_t i = 0; i < s->nrecs; i++)
        belopp_record_free(s->recs[i]);
    free(s->recs);
    if (s->diagf)
        fclose(s->diagf);
    free(s->diag);
    memset(s, 0, sizeof *s);
}

static void slot_note(doc_slot *s, const char *fmt, ...)
{
    if (!s->diagf)
        s->diagf = open_memstream(&s->diag, &s->diaglen);
    if (!s->diagf)
        return;
    va_list ap;
    va_start(ap, fmt);
    vfprintf(s->diagf, fmt, ap);
    va_end(ap);
    /* The document whose turn it is (every one before it is taken, their
     * diagnostics written) passes on what it has past 64 KiB, so that a
     * large input's diagnostics do not pile up in memory; the order on
     * stderr stays the same. */
    if (s->direct && fflush(s->diagf) == 0 && s->diaglen >= 64 * 1024) {
        fclose(s->diagf);
        s->diagf = NULL;
        fwrite(s->diag, 1, s->diaglen, stderr);
        free(s->diag);
        s->diag = NULL;
        s->diaglen = 0;
    }
}

/* The sink a worker hands the library: diagnostics and counts here, the
 * rest to the inner sink (a writer, or a copy of each record). */
typedef struct {
    belopp_sink inner;
    doc_slot *slot;
    int keep; /* MODE_LOAD: copy each record */
} tap;

static int tap_begin(void *u, const belopp_doc *d)
{
    tap *t = u;
    return t->inner.begin ? t->inner.begin(t->inner.user, d) : 0;
}

static int tap_record(void *u, const belopp_record *r)
{
    tap *t = u;
    doc_slot *s = t->slot;
    s->amounts++;
    if (t->keep) {
        belopp_record *c = belopp_record_dup(r);
        if (!c)
            return -1;
        if (s->nrecs == s->caprecs) {
            s->caprecs = s->caprecs ? 2 * s->caprecs : 64;
            s->recs = xrealloc(s->recs, s->caprecs * sizeof *s->recs);
        }
        s->recs[s->nrecs++] = c;
    }
    return t->inner.record ? t->inner.record(t->inner.user, r) : 0;
}

static int tap_diagnostic(void *u, const char *source, const belopp_diagnostic *d)
{
    tap *t = u;
    const char *sev = d->severity == BELOPP_WARNING ? "warning: " : "";
    if (d->offset == BELOPP_NO_OFFSET)
        slot_note(t->slot, "belopp: %s: %s%s\n", source, sev, d->message);
    else
        slot_note(t->slot, "belopp: %s: byte %" PRIu64 ": %s%s\n", source, d->offset, sev,
                  d->message);
    return t->inner.diagnostic ? t->inner.diagnostic(t->inner.user, source, d) : 0;
}

static int tap_end(void *u, const belopp_doc *d)
{
    tap *t = u;
    return t->inner.end ? t->inner.end(t->inner.user, d) : 0;
}

/* Reads the whole file (or stdin for "-").  Returns 0, or -2 (cannot open)
 * or -1 (cannot read) with errno set. */
static int read_all(const char *path, unsigned char **data, size_t *len)
{
    int fd = strcmp(path, "-") == 0 ? 0 : open(path, O_RDONLY);
    if (fd < 0)
        return -2;
    struct stat st;
    size_t cap = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) ? (size_t)st.st_size + 1 : 65536;
    unsigned char *buf = xrealloc(NULL, cap);
    size_t n = 0;
    for (;;) {
        if (n == cap) {
            cap *= 2;
            buf = xrealloc(buf, cap);
        }
        ssize_t r = read(fd, buf + n, cap - n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            int e = errno;
            free(buf);
            if (fd != 0)
                close(fd);
            errno = e;
            return -1;
        }
        if (r == 0)
            break;
        n += (size_t)r;
    }
    if (fd != 0)
        close(fd);
    *data = buf;
    *len = n;
    return 0;
}

static void sha256_hex(const unsigned char *data, size_t len, char hex[65])
{
    struct sha256_ctx ctx;
    uint8_t d[SHA256_DIGEST_SIZE];
    sha256_init(&ctx);
    sha256_update(&ctx, len, data);
    sha256_digest(&ctx, sizeof d, d);
    for (int i = 0; i < SHA256_DIGEST_SIZE; i++)
        snprintf(hex + 2 * i, 3, "%02x", d[i]);
}

/* DIR/REL with its extension replaced by the format's. */
static char *out_path(const batch *b, const char *rel)
{
    const char *slash = strrchr(rel, '/');
    const char *dot = strrchr(rel, '.');
    size_t stem = dot && dot > (slash ? slash + 1 : rel) ? (size_t)(dot - rel) : strlen(rel);
    const char *ext = belopp_format_extension(b->format);
    size_t n = strlen(b->out_dir) + stem + strlen(ext) + 3;
    char *p = xrealloc(NULL, n);
    int dirslash = b->out_dir[strlen(b->out_dir) - 1] != '/';
    snprintf(p, n, "%s%s%.*s.%s", b->out_dir, dirslash ? "/" : "", (int)stem, rel, ext);
    return p;
}

/* The path below --out-dir: the manifest's key. */
static const char *out_key(const batch *b, const char *outpath)
{
    size_t n = strlen(b->out_dir);
    const char *k = outpath + n;
    return *k == '/' ? k + 1 : k;
}

/* One document, start to end, on a worker thread. */
static void work_one(batch *b, belopp_extractor *x, doc_slot *s, const batch_file *f)
{
    unsigned char *data = NULL;
    size_t len = 0;
    /* A stream needs no hash before extracting: a regular file goes to the
     * library by its path, which reads a large one a chunk at a time
     * (belopp_extract_file), in memory that does not grow with it. */
    int by_path = 0;
    struct stat pst;
    if (b->mode == MODE_STREAM && strcmp(f->path, "-") != 0 && stat(f->path, &pst) == 0 &&
        S_ISREG(pst.st_mode)) {
        by_path = 1;
        len = (size_t)pst.st_size;
    }
    int rr = by_path ? 0 : read_all(f->path, &data, &len);
    if (rr != 0) {
        slot_note(s, "belopp: %s: cannot %s: %s\n", f->path, rr == -2 ? "open" : "read",
                  strerror(errno));
        s->failed = 1;
        return;
    }
    s->bytes = len;
    /* the manifest and the database need the hash before extracting (to skip
     * what is unchanged); a stream does not (the library hashes for records) */
    if (b->mode != MODE_STREAM)
        sha256_hex(data, len, s->sha256);

    char *opath = b->mode == MODE_OUT_DIR ? out_path(b, f->rel) : NULL;
    if (!b->force) {
        const char *key = b->mode == MODE_OUT_DIR ? out_key(b, opath)
                          : b->mode == MODE_LOAD  ? f->path
                                                  : NULL;
        const known_entry *e = key ? known_find(&b->known, key) : NULL;
        struct stat st;
        if (e && strcmp(e->sha256, s->sha256) == 0 && strcmp(e->version, belopp_version()) == 0 &&
            (b->mode != MODE_OUT_DIR || stat(opath, &st) == 0)) {
            s->unchanged = 1;
            free(opath);
            free(data);
            return;
        }
    }

    FILE *mem = NULL;
    atomic_file af = {0};
    FILE *out = NULL;
    if (b->mode == MODE_STREAM) {
        /* The document whose turn it is goes straight to the output: every
         * one before it is written, and the ordering stage waits for it.
         * Only the documents ahead of their turn are held in memory, so one
         * large input costs no copy of its whole output. */
        out = s->direct ? b->direct_out : (mem = open_memstream(&s->out, &s->outlen));
    } else if (b->mode == MODE_OUT_DIR) {
        if (atomic_open(&af, opath, 1, b->file_mode) != 0) {
            slot_note(s, "belopp: %s: cannot write %s: %s\n", f->path, opath, strerror(errno));
            s->fatal = 1;
            free(opath);
            free(data);
            return;
        }
        out = af.f;
    }
    belopp_writer *w = out ? belopp_writer_new(b->format, out) : NULL;
    tap t = {.slot = s, .keep = b->mode == MODE_LOAD};
    if (w)
        t.inner = belopp_writer_sink(w);
    belopp_sink sink = {&t, tap_begin, tap_record, tap_diagnostic, tap_end};

    int werr = (out && !w) || (b->mode == MODE_OUT_DIR && belopp_writer_head(w) != 0);
    belopp_result r = BELOPP_RESULT_SINK_FAILED;
    if (!werr)
        r = by_path ? belopp_extract_file(x, f->path, &sink)
                    : belopp_extract_buffer(x, f->path, data, len, &sink);
    if (r == BELOPP_RESULT_SINK_FAILED)
        werr = 1;
    else if (r == BELOPP_RESULT_LEFT_OUT)
        s->failed = 1;
    if (!werr && b->mode == MODE_OUT_DIR && belopp_writer_tail(w) != 0)
        werr = 1;
    if (!werr && w && belopp_writer_flush(w) != 0)
        werr = 1;
    belopp_writer_free(w);
    if (mem && fclose(mem) != 0)
        werr = 1;
    if (b->mode == MODE_OUT_DIR) {
        if (werr || stop_signal) {
            atomic_abort(&af);
            s->aborted = !werr;
        } else if (atomic_commit(&af) != 0) {
            werr = 1;
        }
    }
    if (werr) {
        if (b->mode == MODE_LOAD)
            slot_note(s, "belopp: %s: out of memory\n", f->path);
        else
            slot_note(s, "belopp: %s: cannot write %s: %s\n", f->path,
                      opath ? opath : "the output", strerror(errno));
        s->fatal = 1;
    }
    free(opath);
    free(data);
}

/* Waits for a change in the window, or a tenth of a second (so that a
 * signal or the progress line is seen soon).  b->mu is held. */
static void wait_a_tenth(batch *b)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_nsec += 100000000;
    if (ts.tv_nsec >= 1000000000) {
        ts.tv_sec++;
        ts.tv_nsec -= 1000000000;
    }
    pthread_cond_timedwait(&b->cv, &b->mu, &ts);
}

static void *worker(void *arg)
{
    batch *b = arg;
    char err[256] = "";
    belopp_extractor *x = belopp_extractor_new(&b->opt, err, sizeof err);
    if (x && belopp_extractor_set_threads(x, b->doc_threads) != 0) {
        snprintf(err, sizeof err, "out of memory");
        belopp_extractor_free(x);
        x = NULL;
    }
    pthread_mutex_lock(&b->mu);
    if (!x) {
        b->worker_error = 1;
        snprintf(b->worker_msg, sizeof b->worker_msg, "%s", err);
        b->stopping = 1;
        pthread_cond_broadcast(&b->cv);
    }
    while (x && !b->stopping && !stop_signal) {
        if (b->next_take >= b->files.n)
            break;
        if (b->next_take >= b->next_write + b->window) {
            wait_a_tenth(b);
            continue;
        }
        size_t i = b->next_take++;
        doc_slot *s = &b->slots[i % b->window];
        s->state = SLOT_BUSY;
        s->index = i;
        s->direct = b->direct_out && i == b->next_write;
        pthread_mutex_unlock(&b->mu);
        work_one(b, x, s, &b->files.v[i]);
        pthread_mutex_lock(&b->mu);
        s->state = SLOT_DONE;
        pthread_cond_broadcast(&b->cv);
    }
    pthread_mutex_unlock(&b->mu);
    belopp_extractor_free(x);
    return NULL;
}

/* ------------------------------------------------------------------------ */
/* Progress                                                                 */

typedef struct {
    int on;
    double start, last;
    int drawn;
} progress;

static void progress_clear(progress *p)
{
    if (p->on && p->drawn) {
        fputs("\r\033[K", stderr);
        fflush(stderr);
        p->drawn = 0;
    }
}

static void progress_draw(progress *p, size_t done, size_t total, uint64_t bytes,
                          uint64_t total_bytes, uint64_t amounts, int force)
{
    if (!p->on)
        return;
    double t = now_seconds();
    if (!force && t - p->last < 0.1)
        return;
    p->last = t;
    double el = t - p->start;
    double rate = el > 0 ? (double)bytes / el : 0;
    char eta[32] = "--";
    if (rate > 0 && total_bytes >= bytes) {
        double left = (double)(total_bytes - bytes) / rate;
        snprintf(eta, sizeof eta, "%d:%02d", (int)left / 60, (int)left % 60);
    }
    fprintf(stderr, "\r\033[K%zu/%zu files  %.1f MB/s  %" PRIu64 " amounts  ETA %s", done, total,
            rate / 1e6, amounts, eta);
    fflush(stderr);
    p->drawn = 1;
}

/* ------------------------------------------------------------------------ */
/* The ordering stage                                                       */

typedef struct {
    size_t files, unchanged, failed, loaded;
    uint64_t amounts, bytes;
    int fatal;
    int db_failed;
} totals;

/* What the ordering stage does with each finished document. */
typedef struct {
    int (*take)(void *user, batch *b, doc_slot *s, totals *t);
    int (*finish)(void *user, batch *b, totals *t); /* at the end, or after a stop */
    void *user;
} consumer;

/* Hands one finished document to c: its diagnostics to stderr, its counts
 * to t.  Returns what c->take returned. */
static int take_slot(batch *b, const consumer *c, doc_slot *s, totals *t, progress *p)
{
    if (s->diagf) {
        fclose(s->diagf);
        s->diagf = NULL;
        progress_clear(p);
        fwrite(s->diag, 1, s->diaglen, stderr);
    }
    t->files++;
    t->bytes += s->bytes;
    t->amounts += s->amounts;
    t->unchanged += (size_t)s->unchanged;
    t->failed += (size_t)s->failed;
    if (s->fatal)
        t->fatal = 1;
    int rc = c->take(c->user, b, s, t);
    slot_reset(s);
    return rc;
}

/* Runs the workers and hands every document to c in path order.  Returns 0,
 * or -1 if the run was cut short (a signal, an error c reported, no
 * extractor). */
static int run_batch(batch *b, const consumer *c, totals *t, progress *p)
{
    b->window = 2 * (size_t)b->jobs;
    b->slots = xrealloc(NULL, b->window * sizeof *b->slots);
    memset(b->slots, 0, b->window * sizeof *b->slots);
    pthread_mutex_init(&b->mu, NULL);
    pthread_cond_init(&b->cv, NULL);
    /* A document alone gets the threads for its chunks (a large plain-text
     * file read a chunk at a time: belopp_extractor_set_threads), and one
     * worker; more documents get a worker each, up to jobs, and one thread
     * each (so that no more than jobs threads extract at once). */
    int workers = b->files.n < (size_t)b->jobs ? (int)b->files.n : b->jobs;
    if (workers < 1)
        workers = 1;
    b->doc_threads = b->files.n == 1 ? b->jobs : 1;
    pthread_t *th = xrealloc(NULL, (size_t)workers * sizeof *th);
    int started = 0;
    for (int i = 0; i < workers; i++) {
        if (pthread_create(&th[i], NULL, worker, b) != 0)
            break;
        started++;
    }
    int cut = started == 0;
    if (cut)
        fputs("belopp: cannot start a thread\n", stderr);

    progress_draw(p, 0, b->files.n, 0, b->files.bytes, 0, 1);
    pthread_mutex_lock(&b->mu);
    while (!cut && b->next_write < b->files.n) {
        doc_slot *s = &b->slots[b->next_write % b->window];
        if (stop_signal || b->worker_error) {
            cut = 1;
            break;
        }
        if (s->state != SLOT_DONE || s->index != b->next_write) {
            wait_a_tenth(b);
            pthread_mutex_unlock(&b->mu);
            progress_draw(p, t->files, b->files.n, t->bytes, b->files.bytes, t->amounts, 0);
            pthread_mutex_lock(&b->mu);
            continue;
        }
        pthread_mutex_unlock(&b->mu);
        int rc = take_slot(b, c, s, t, p);
        progress_draw(p, t->files, b->files.n, t->bytes, b->files.bytes, t->amounts, 0);
        pthread_mutex_lock(&b->mu);
        b->next_write++;
        pthread_cond_broadcast(&b->cv);
        if (rc != 0) {
            cut = 1;
            break;
        }
    }
    b->stopping = 1;
    pthread_cond_broadcast(&b->cv);
    pthread_mutex_unlock(&b->mu);
    for (int i = 0; i < started; i++)
        pthread_join(th[i], NULL);
    free(th);
    /* After a stop, the documents the workers finished are kept (outputs
     * noted, records loaded), in order; a stream's output is cut anyway. */
    if (b->mode != MODE_STREAM && !b->worker_error && !t->db_failed)
        for (; b->next_write < b->next_take; b->next_write++) {
            doc_slot *s = &b->slots[b->next_write % b->window];
            if (s->state != SLOT_DONE || s->index != b->next_write)
                break;
            if (take_slot(b, c, s, t, p) != 0)
                break;
        }
    if (b->worker_error) {
        progress_clear(p);
        fprintf(stderr, "belopp: %s\n", b->worker_msg);
    }
    for (size_t i = 0; i < b->window; i++)
        slot_reset(&b->slots[i]);
    free(b->slots);
    b->slots = NULL;
    pthread_cond_destroy(&b->cv);
    pthread_mutex_destroy(&b->mu);
    if (c->finish(c->user, b, t) != 0)
        cut = 1;
    progress_clear(p);
    return cut || stop_signal ? -1 : 0;
}

/* ------------------------------------------------------------------------ */
/* Options                                                                  */

typedef struct {
    belopp_options opt;
    belopp_format format;
    const char *output; /* -o */
    const char *out_dir;
    int force;
    int jobs;
    int quiet;
    walk_options walk;
    char **paths;
    int npaths;
} cli_options;

static int parse_uint(const char *s, unsigned long *out)
{
    char *end;
    errno = 0;
    if (!*s || *s == '-')
        return -1;
    unsigned long v = strtoul(s, &end, 10);
    if (errno || *end)
        return -1;
    *out = v;
    return 0;
}

/* Parses the options of extract (load: 1 refuses the output ones).  Returns
 * 0, or -1 after saying what is wrong. */
static int parse_options(int argc, char **argv, int load, cli_options *o)
{
    memset(o, 0, sizeof *o);
    o->format = BELOPP_FORMAT_XML;
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    o->jobs = cores > 0 ? (int)(cores > 256 ? 256 : cores) : 1;
    o->walk.include = xrealloc(NULL, (size_t)argc * sizeof *o->walk.include);
    int i = 0;
    for (; i < argc; i++) {
        char *arg = argv[i];
        if (strcmp(arg, "--") == 0) {
            i++;
            break;
        }
        if (arg[0] != '-' || arg[1] == '\0')
            break;
        const char *val = NULL;
        char *eq = strchr(arg, '=');
        size_t namelen = eq ? (size_t)(eq - arg) : strlen(arg);
        static const char *const with_value[] = {"--encoding", "--format", "-o", "--output",
                                                 "--out-dir", "--jobs", "-j", "--include",
                                                 "--shard"};
        int needs = 0;
        for (size_t k = 0; k < sizeof with_value / sizeof with_value[0]; k++)
            if (strlen(with_value[k]) == namelen && strncmp(arg, with_value[k], namelen) == 0)
                needs = 1;
        if (needs) {
            if (eq)
                val = eq + 1;
            else if (i + 1 < argc)
                val = argv[++i];
            else {
                fprintf(stderr, "belopp: %s needs a value\n", arg);
                return -1;
            }
        }
#define IS(name) (strlen(name) == namelen && strncmp(arg, name, namelen) == 0)
        unsigned long n;
        if (IS("--encoding")) {
            if (belopp_encoding_parse(val, &o->opt.encoding) < 0)
                goto bad;
        } else if (IS("--format") && !load) {
            if (belopp_format_parse(val, &o->format) < 0)
                goto bad;
        } else if ((IS("-o") || IS("--output")) && !load) {
            o->output = val;
        } else if (IS("--out-dir") && !load) {
            o->out_dir = val;
        } else if (IS("--force") && !eq) {
            o->force = 1;
        } else if (IS("--quiet") && !eq) {
            o->quiet = 1;
        } else if (IS("--jobs") || IS("-j")) {
            if (parse_uint(val, &n) < 0 || n < 1 || n > 256)
                goto bad;
            o->jobs = (int)n;
        } else if (IS("--include")) {
            o->walk.include[o->walk.ninclude++] = val;
        } else if (IS("--shard")) {
            unsigned long k, m;
            char buf[64];
            snprintf(buf, sizeof buf, "%s", val);
            char *sl = strchr(buf, '/');
            if (!sl)
                goto bad;
            *sl = '\0';
            if (parse_uint(buf, &k) < 0 || parse_uint(sl + 1, &m) < 0 || m < 1 || k >= m ||
                m > 1000000)
                goto bad;
            o->walk.shard_k = (unsigned)k;
            o->walk.shard_n = (unsigned)m;
        } else {
            fprintf(stderr, "belopp: unknown option '%s'\n", arg);
            return -1;
        }
        continue;
    bad:
        fprintf(stderr, "belopp: bad value for %.*s: '%s'\n", (int)namelen, arg, val);
        return -1;
#undef IS
    }
    o->walk.quiet = o->quiet;
    o->paths = argv + i;
    o->npaths = argc - i;
    if (o->output && o->out_dir) {
        fputs("belopp: -o and --out-dir cannot be used together\n", stderr);
        return -1;
    }
    return 0;
}

static void install_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
}

static void summary(const cli_options *o, const batch *b, const totals *t, double seconds,
                    const char *extra)
{
    if (o->quiet)
        return;
    size_t skipped = b->files.skipped + b->files.hidden + b->files.links;
    fprintf(stderr, "belopp: %zu files, %" PRIu64 " amounts, %zu skipped", t->files, t->amounts,
            skipped);
    if (skipped)
        fprintf(stderr, " (%zu by name, %zu hidden, %zu links)", b->files.skipped,
                b->files.hidden, b->files.links);
    fprintf(stderr, ", %zu errors, %.2f s", t->failed + (size_t)b->files.errors, seconds);
    if (t->unchanged)
        fprintf(stderr, ", %zu unchanged", t->unchanged);
    if (b->files.other_shard)
        fprintf(stderr, ", %zu in other shards", b->files.other_shard);
    if (extra)
        fputs(extra, stderr);
    fputc('\n', stderr);
}

static int exit_status(const batch *b, const totals *t, int cut)
{
    if (stop_signal)
        return 128 + stop_signal;
    if (t->db_failed)
        return EXIT_DB;
    if (t->fatal || b->worker_error || (cut && !t->db_failed))
        return EXIT_FATAL;
    if (t->failed || b->files.errors)
        return EXIT_SOME;
    return EXIT_OK;
}

/* ------------------------------------------------------------------------ */
/* extract                                                                  */

typedef struct {
    FILE *out;
    belopp_writer *w; /* head and tail only */
    atomic_file af;   /* -o */
    int atomic;
    int manifest_fd; /* --out-dir */
} extract_ctx;

static int extract_take(void *user, batch *b, doc_slot *s, totals *t)
{
    extract_ctx *e = user;
    (void)t;
    if (b->mode == MODE_STREAM) {
        if (s->outlen && fwrite(s->out, 1, s->outlen, e->out) != s->outlen) {
            fprintf(stderr, "belopp: cannot write the output: %s\n", strerror(errno));
            t->fatal = 1;
            return -1;
        }
    } else if (b->mode == MODE_OUT_DIR && !s->unchanged && !s->fatal && !s->aborted &&
               s->sha256[0]) {
        char *opath = out_path(b, b->files.v[s->index].rel);
        if (e->manifest_fd < 0) {
            char *m = join(b->out_dir, MANIFEST_NAME);
            e->manifest_fd = open(m, O_WRONLY | O_CREAT | O_APPEND, 0666);
            free(m);
        }
        if (e->manifest_fd >= 0) {
            char line[4096];
            int n = snprintf(line, sizeof line, "%s %s %s\n", s->sha256, belopp_version(),
                             out_key(b, opath));
            if (n > 0 && (size_t)n < sizeof line && !strchr(out_key(b, opath), '\n'))
                if (write(e->manifest_fd, line, (size_t)n) != n)
                    fprintf(stderr, "belopp: %s/%s: %s\n", b->out_dir, MANIFEST_NAME,
                            strerror(errno));
        }
        free(opath);
    }
    return t->fatal && b->mode == MODE_STREAM ? -1 : 0;
}

static int extract_finish(void *user, batch *b, totals *t)
{
    (void)user;
    (void)b;
    (void)t;
    return 0;
}

/* Rewrites the manifest with one line per output still there, when more
 * than half of its lines are stale.  A concurrent run's line lost here only
 * costs a redo. */
static void manifest_compact(const batch *b)
{
    known_set k = {0};
    manifest_read(&k, b->out_dir);
    known_sort(&k);
    if (k.n < 64 || known_distinct(&k) * 2 > k.n) {
        known_free(&k);
        return;
    }
    char *m = join(b->out_dir, MANIFEST_NAME);
    atomic_file af;
    if (atomic_open(&af, m, 0, b->file_mode) == 0) {
        for (size_t i = 0; i < k.n; i++) {
            if (i + 1 < k.n && strcmp(k.v[i].key, k.v[i + 1].key) == 0)
                continue;
            char *p = join(b->out_dir, k.v[i].key);
            struct stat st;
            if (stat(p, &st) == 0)
                fprintf(af.f, "%s %s %s\n", k.v[i].sha256, k.v[i].version, k.v[i].key);
            free(p);
        }
        if (atomic_commit(&af) != 0)
            fprintf(stderr, "belopp: %s: %s\n", m, strerror(errno));
    }
    free(m);
    known_free(&k);
}

static int by_string(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Two inputs that would write one output ("a.txt" and "a.html" both give
 * "a.xml") are refused before anything is written.  Returns 0 or -1. */
static int out_collisions(const batch *b)
{
    size_t n = b->files.n;
    char **keys = xrealloc(NULL, n * sizeof *keys);
    for (size_t i = 0; i < n; i++)
        keys[i] = out_path(b, b->files.v[i].rel);
    if (n > 1)
        qsort(keys, n, sizeof *keys, by_string);
    int rc = 0;
    for (size_t i = 1; i < n; i++)
        if (strcmp(keys[i - 1], keys[i]) == 0) {
            fprintf(stderr, "belopp: two inputs would both write %s; rename one, or use -o\n",
                    keys[i]);
            rc = -1;
            break;
        }
    for (size_t i = 0; i < n; i++)
        free(keys[i]);
    free(keys);
    return rc;
}

int batch_extract_main(int argc, char **argv)
{
    cli_options o;
    if (parse_options(argc, argv, 0, &o) != 0) {
        free(o.walk.include);
        return EXIT_USAGE;
    }
    double start = now_seconds();
    install_signals();
    batch b;
    memset(&b, 0, sizeof b);
    b.opt = o.opt;
    b.format = o.format;
    b.out_dir = o.out_dir;
    b.force = o.force;
    b.jobs = o.jobs;
    b.quiet = o.quiet;
    b.mode = o.out_dir ? MODE_OUT_DIR : MODE_STREAM;
    mode_t mask = umask(0);
    umask(mask);
    b.file_mode = 0666 & ~mask;
    char *stdin_only[] = {"-"};
    walk(&b.files, &o.walk, o.npaths ? o.paths : stdin_only, o.npaths ? o.npaths : 1);

    if (o.out_dir && out_collisions(&b) != 0) {
        file_list_free(&b.files);
        free(o.walk.include);
        return EXIT_USAGE;
    }
    extract_ctx e;
    memset(&e, 0, sizeof e);
    e.manifest_fd = -1;
    e.out = stdout;
    int status = EXIT_OK;
    if (o.out_dir) {
        if (mkdir(o.out_dir, 0777) != 0 && errno != EEXIST) {
            fprintf(stderr, "belopp: %s: %s\n", o.out_dir, strerror(errno));
            status = EXIT_FATAL;
        }
        manifest_read(&b.known, o.out_dir);
        known_sort(&b.known);
    } else if (o.output && strcmp(o.output, "-") != 0) {
        if (atomic_open(&e.af, o.output, 0, b.file_mode) != 0) {
            fprintf(stderr, "belopp: %s: cannot write: %s\n", o.output, strerror(errno));
            status = EXIT_FATAL;
        } else {
            e.atomic = 1;
            e.out = e.af.f;
        }
    }
    if (status == EXIT_OK && b.mode == MODE_STREAM) {
        e.w = belopp_writer_new(o.format, e.out);
        /* flushed now: the documents go to the FILE directly, after it */
        if (!e.w || belopp_writer_head(e.w) != 0 || belopp_writer_flush(e.w) != 0) {
            fputs("belopp: cannot write the output\n", stderr);
            status = EXIT_FATAL;
        }
    }
    if (status != EXIT_OK) {
        if (e.atomic)
            atomic_abort(&e.af);
        belopp_writer_free(e.w);
        known_free(&b.known);
        file_list_free(&b.files);
        free(o.walk.include);
        return status;
    }

    progress p = {.on = !o.quiet && isatty(2), .start = start};
    totals t;
    memset(&t, 0, sizeof t);
    consumer c = {extract_take, extract_finish, &e};
    if (b.mode == MODE_STREAM)
        b.direct_out = e.out;
    int cut = run_batch(&b, &c, &t, &p);

    if (b.mode == MODE_STREAM) {
        int werr = 0;
        if (!cut && !t.fatal)
            werr = belopp_writer_tail(e.w) != 0;
        belopp_writer_free(e.w);
        if (e.atomic) {
            if (cut || t.fatal || werr || stop_signal)
                atomic_abort(&e.af);
            else if (atomic_commit(&e.af) != 0)
                werr = 1;
        } else if (fflush(stdout) != 0) {
            werr = 1;
        }
        if (werr) {
            fprintf(stderr, "belopp: %s: cannot write the output: %s\n",
                    o.output ? o.output : "stdout", strerror(errno));
            t.fatal = 1;
        }
    } else {
        if (e.manifest_fd >= 0)
            close(e.manifest_fd);
        if (!stop_signal)
            manifest_compact(&b);
    }
    status = exit_status(&b, &t, cut);
    if (stop_signal && !o.quiet)
        fprintf(stderr, "belopp: stopped by signal %d\n", (int)stop_signal);
    summary(&o, &b, &t, now_seconds() - start, NULL);
    known_free(&b.known);
    file_list_free(&b.files);
    free(o.walk.include);
    return status;
}

/* ------------------------------------------------------------------------ */
/* load                                                                     */

/* Documents are loaded in batches of at most this many documents or
 * records, each batch one transaction. */
enum { LOAD_BATCH_DOCS = 200, LOAD_BATCH_RECORDS = 50000 };

typedef struct {
    belopp_load *db;
    /* the pending batch: documents taken over from their slots */
    belopp_load_doc *docs;
    char **sources, **shas;
    belopp_record ***recs;
    size_t n, cap, nrecords;
} load_ctx;

static void load_pending_free(load_ctx *l)
{
    for (size_t i = 0; i < l->n; i++) {
        for (size_t k = 0; k < l->docs[i].nrecs; k++)
            belopp_record_free(l->recs[i][k]);
        free(l->recs[i]);
        free(l->sources[i]);
        free(l->shas[i]);
    }
    l->n = 0;
    l->nrecords = 0;
}

static int load_flush(load_ctx *l, totals *t)
{
    if (l->n == 0)
        return 0;
    char err[1024];
    int rc = belopp_load_batch(l->db, l->docs, l->n, err, sizeof err);
    if (rc != 0) {
        fprintf(stderr, "belopp: %s\n", err);
        if (l->n > 1)
            fprintf(stderr, "belopp: %zu documents of this batch (from %s to %s) were not loaded\n",
                    l->n, l->docs[0].source, l->docs[l->n - 1].source);
        else
            fprintf(stderr, "belopp: %s was not loaded\n", l->docs[0].source);
        t->db_failed = 1;
    } else {
        for (size_t i = 0; i < l->n; i++)
            t->loaded += (size_t)l->docs[i].loaded;
    }
    load_pending_free(l);
    return rc;
}

static int load_take(void *user, batch *b, doc_slot *s, totals *t)
{
    load_ctx *l = user;
    if (s->unchanged || s->fatal || !s->sha256[0])
        return 0;
    if (l->n == l->cap) {
        l->cap = l->cap ? 2 * l->cap : 64;
        l->docs = xrealloc(l->docs, l->cap * sizeof *l->docs);
        l->sources = xrealloc(l->sources, l->cap * sizeof *l->sources);
        l->shas = xrealloc(l->shas, l->cap * sizeof *l->shas);
        l->recs = xrealloc(l->recs, l->cap * sizeof *l->recs);
    }
    size_t i = l->n++;
    l->sources[i] = xstrdup(b->files.v[s->index].path);
    l->shas[i] = xstrdup(s->sha256);
    l->recs[i] = s->recs; /* taken over */
    l->docs[i] = (belopp_load_doc){.source = l->sources[i], .sha256 = l->shas[i], .bytes = s->bytes,
                                   .recs = s->recs, .nrecs = s->nrecs, .replace = b->force};
    l->nrecords += s->nrecs;
    s->recs = NULL;
    s->nrecs = s->caprecs = 0;
    if (l->n >= LOAD_BATCH_DOCS || l->nrecords >= LOAD_BATCH_RECORDS)
        return load_flush(l, t);
    return 0;
}

static int load_finish(void *user, batch *b, totals *t)
{
    (void)b;
    /* The pending documents are whole: they are loaded even after a signal. */
    return t->db_failed ? 0 : load_flush(user, t);
}

int batch_load_main(int argc, char **argv)
{
    cli_options o;
    if (parse_options(argc, argv, 1, &o) != 0 || o.npaths < 2) {
        if (o.npaths < 2 && o.paths)
            fputs("belopp: usage: belopp load [OPTIONS] DB PATH...\n", stderr);
        free(o.walk.include);
        return EXIT_USAGE;
    }
    double start = now_seconds();
    install_signals();
    const char *target = o.paths[0];
    char err[1024];
    load_ctx l;
    memset(&l, 0, sizeof l);
    l.db = belopp_load_open(target, err, sizeof err);
    if (!l.db) {
        fprintf(stderr, "belopp: %s\n", err);
        free(o.walk.include);
        return EXIT_DB;
    }
    batch b;
    memset(&b, 0, sizeof b);
    b.mode = MODE_LOAD;
    b.opt = o.opt;
    b.force = o.force;
    b.jobs = o.jobs;
    b.quiet = o.quiet;
    walk(&b.files, &o.walk, o.paths + 1, o.npaths - 1);
    int status = EXIT_OK;
    if (!o.force && belopp_load_known(l.db, known_add_cb, &b.known, err, sizeof err) != 0) {
        fprintf(stderr, "belopp: %s\n", err);
        status = EXIT_DB;
    }
    known_sort(&b.known);
    totals t;
    memset(&t, 0, sizeof t);
    if (status == EXIT_OK) {
        progress p = {.on = !o.quiet && isatty(2), .start = start};
        consumer c = {load_take, load_finish, &l};
        int cut = run_batch(&b, &c, &t, &p);
        status = exit_status(&b, &t, cut);
        if (stop_signal && !o.quiet)
            fprintf(stderr, "belopp: stopped by signal %d\n", (int)stop_signal);
        char extra[64];
        snprintf(extra, sizeof extra, ", %zu loaded", t.loaded);
        summary(&o, &b, &t, now_seconds() - start, extra);
    }
    load_pending_free(&l);
    free(l.docs);
    free(l.sources);
    free(l.shas);
    free(l.recs);
    belopp_load_close(l.db);
    known_free(&b.known);
    file_list_free(&b.files);
    free(o.walk.include);
    return status;
}
