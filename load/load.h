/* load.h — database sinks: documents and their records into SQLite or
 * PostgreSQL, in the schema of schema/belopp.*.sql (created if absent).
 *
 * A loader takes whole batches of documents, each batch in one transaction:
 * after a crash at any moment every document is either fully loaded or as it
 * was.  A document is keyed by its source (unique); loading one whose source
 * is already there with the same sha256 and belopp version changes nothing
 * (unless the caller sets replace, for --force),
 * and one whose sha256 (or version) differs has its document row updated and
 * all its amounts replaced in the same transaction.  Among loaders running at
 * once, the last to commit a source wins; identical content is never written
 * twice.  Nothing here prints: errors come back as text in err.
 */
#ifndef BELOPP_LOAD_H
#define BELOPP_LOAD_H

#include <stddef.h>
#include <stdint.h>

#include "../include/belopp.h"

typedef struct belopp_load belopp_load;

/* One document of a batch and its records (in text order). */
typedef struct {
    const char *source;
    const char *sha256;
    uint64_t bytes;
    belopp_record *const *recs;
    size_t nrecs;
    int replace; /* 1: write its rows even when it is there unchanged (--force) */
    int loaded;  /* out: 1 when its rows were written, 0 when it was there already */
} belopp_load_doc;

/* True (1) when target names a PostgreSQL database ("postgresql://…",
 * "postgres://…", or a conninfo with '=' such as "host=… dbname=…"); else
 * it is the path of an SQLite file. */
int belopp_load_is_postgres(const char *target);

/* Connects to (or creates) the database and creates the schema if absent.
 * Returns the loader, or NULL with a message in err. */
belopp_load *belopp_load_open(const char *target, char *err, size_t errlen);

/* Calls each(user, source, sha256, version) for every document in the
 * database (to skip unchanged inputs before extracting them).  Returns 0, or
 * -1 with a message in err (or the non-zero value each returned). */
int belopp_load_known(belopp_load *l,
                      int (*each)(void *user, const char *source, const char *sha256,
                                  const char *version),
                      void *user, char *err, size_t errlen);

/* Loads n documents in one transaction (retried when the database reports a
 * deadlock or is busy).  Returns 0, or -1 with err naming the document and
 * the cause; then nothing of the batch is loaded. */
int belopp_load_batch(belopp_load *l, belopp_load_doc *docs, size_t n, char *err, size_t errlen);

/* Closes the connection; accepts NULL. */
void belopp_load_close(belopp_load *l);

/* The schemas (schema/belopp.sqlite.sql, schema/belopp.postgres.sql),
 * embedded at build time (build/load/schema.c), and their version: SQLite's
 * PRAGMA user_version, PostgreSQL's table belopp_schema.  Version 1 (no
 * version recorded, the tables there) is migrated to it when a loader opens
 * the database; a newer version is refused (belopp_load_open fails, nothing
 * written). */
#define BELOPP_SCHEMA_VERSION 2
extern const char belopp_schema_sqlite[];
extern const char belopp_schema_postgres[];

/* Engine backends behind belopp_load_*; the same contracts. */
typedef struct belopp_load_ops {
    int (*known)(void *db, int (*each)(void *, const char *, const char *, const char *), void *user,
                 char *err, size_t errlen);
    int (*batch)(void *db, belopp_load_doc *docs, size_t n, char *err, size_t errlen);
    void (*close)(void *db);
} belopp_load_ops;

void *belopp_sqlite_open(const char *path, const belopp_load_ops **ops, char *err, size_t errlen);
void *belopp_postgres_open(const char *conninfo, const belopp_load_ops **ops, char *err,
                           size_t errlen);

#endif
