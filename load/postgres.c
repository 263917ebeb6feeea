/* postgres.c — `belopp load` into PostgreSQL through libpq.
 *
 * Facts it relies on (PostgreSQL 15, libpq 15):
 * - COPY … FROM STDIN (FORMAT csv) inside the batch's transaction is all or
 *   nothing with it; an error in a row only shows in PQgetResult after
 *   PQputCopyEnd.  In CSV an unquoted empty field is NULL, "" the empty string.
 * - INSERT … ON CONFLICT (source) DO UPDATE … WHERE … RETURNING waits for a
 *   concurrent transaction that inserted the same source, then sees its
 *   commit: the second loader of an identical document gets no row and writes
 *   nothing.  Loaders take documents in path order, so they wait on each
 *   other in one order; a deadlock (40P01) or serialization failure (40001)
 *   is still retried.
 * - A backend that dies or a connection that drops aborts the open
 *   transaction on the server: nothing of the batch stays.
 * - Concurrent CREATE TABLE IF NOT EXISTS can fail on the catalog's unique
 *   index; the schema is created, or migrated, under a transaction-level
 *   advisory lock: the loaders that start at once against an old database
 *   take it in turn, the first migrates and the others find the new version.
 * - A view binds a.* to the columns of the table when it is created; CREATE
 *   OR REPLACE VIEW may add columns at the end (never drop or reorder them),
 *   so fact is replaced in place after the columns are added to amount, and
 *   views a user built on fact keep working.
 */
#include "columns.h"
#include "load.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

enum { RETRIES = 10 };

/* Any number, the same in every loader: the lock that serializes the schema. */
#define SCHEMA_LOCK "7485021136"

typedef struct {
    PGconn *conn;
    char *csv;
    size_t len, cap;
    int oom;
} pg;

static void pg_close(void *p)
{
    pg *g = p;
    if (!g)
        return;
    PQfinish(g->conn);
    free(g->csv);
    free(g);
}

/* The first line of libpq's message, without the trailing newline. */
static void pg_message(const char *msg, char *out, size_t outlen)
{
    size_t n = strcspn(msg, "\n");
    snprintf(out, outlen, "%.*s", (int)n, msg);
}

/* A failed result: its message (or the connection's) into err, prefixed by
 * what.  Returns 1 if worth retrying (deadlock, serialization). */
static int pg_fail(pg *g, PGresult *r, const char *what, char *err, size_t errlen)
{
    char msg[512];
    const char *m = r ? PQresultErrorMessage(r) : "";
    if (!m || !*m)
        m = PQerrorMessage(g->conn);
    pg_message(m, msg, sizeof msg);
    const char *state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;
    /* Class 08 (connection exception) and 57P0x (the server shutting down or
     * ending this backend) arrive as a result before libpq marks the
     * connection bad. */
    int lost = PQstatus(g->conn) == CONNECTION_BAD ||
               (state && (strncmp(state, "08", 2) == 0 || strncmp(state, "57P", 3) == 0));
    if (lost)
        snprintf(err, errlen, "%s: the connection to PostgreSQL was lost: %s", what,
                 *msg ? msg : "server closed the connection");
    else
        snprintf(err, errlen, "%s: %s", what, msg);
    return state && (strcmp(state, "40P01") == 0 || strcmp(state, "40001") == 0);
}

static int pg_exec(pg *g, const char *sql, const char *what, char *err, size_t errlen)
{
    PGresult *r = PQexec(g->conn, sql);
    ExecStatusType s = PQresultStatus(r);
    if (s != PGRES_COMMAND_OK && s != PGRES_TUPLES_OK) {
        int retry = pg_fail(g, r, what, err, errlen);
        PQclear(r);
        return retry ? 1 : -1;
    }
    PQclear(r);
    return 0;
}

static int pg_known(void *p, int (*each)(void *, const char *, const char *, const char *),
                    void *user, char *err, size_t errlen)
{
    pg *g = p;
    PGresult *r = PQexec(g->conn, "SELECT source, sha256, belopp_version FROM document");
    if (PQresultStatus(r) != PGRES_TUPLES_OK) {
        pg_fail(g, r, "reading the documents", err, errlen);
        PQclear(r);
        return -1;
    }
    int out = 0;
    for (int i = 0; i < PQntuples(r) && out == 0; i++)
        out = each(user, PQgetvalue(r, i, 0), PQgetvalue(r, i, 1), PQgetvalue(r, i, 2));
    PQclear(r);
    return out;
}

static void put(pg *g, const char *s, size_t n)
{
    if (g->len + n + 1 > g->cap) {
        size_t cap = g->cap ? g->cap : 1 << 16;
        while (g->len + n + 1 > cap)
            cap *= 2;
        char *c = realloc(g->csv, cap);
        if (!c) {
            g->oom = 1;
            return;
        }
        g->csv = c;
        g->cap = cap;
    }
    memcpy(g->csv + g->len, s, n);
    g->len += n;
}

static void put_quoted(pg *g, const char *s)
{
    put(g, "\"", 1);
    for (const char *q; (q = strchr(s, '"')) != NULL; s = q + 1) {
        put(g, s, (size_t)(q - s));
        put(g, "\"\"", 2);
    }
    put(g, s, strlen(s));
    put(g, "\"", 1);
}

static void put_row(pg *g, const char *id, const belopp_record *r)
{
    belopp_columns c;
    belopp_columns_of(r, &c);
    put(g, id, strlen(id));
    for (int j = 0; j < COL_COUNT; j++) {
        put(g, ",", 1);
        if (!c.set[j])
            continue; /* unquoted empty: NULL */
        if (j == COL_TOTAL) {
            put(g, c.i[j] ? "t" : "f", 1);
        } else if (c.s[j]) {
            put_quoted(g, c.s[j]);
        } else {
            char num[32];
            int n = snprintf(num, sizeof num, "%" PRId64, c.i[j]);
            put(g, num, (size_t)n);
        }
    }
    put(g, "\n", 1);
}

/* One try at the batch.  Returns 0, 1 to retry, -1 on failure. */
static int pg_try(pg *g, belopp_load_doc *docs, size_t n, char *err, size_t errlen)
{
    static const char upsert[] =
        "INSERT INTO document (source, sha256, bytes, belopp_version) VALUES ($1, $2, $3, $4) "
        "ON CONFLICT (source) DO UPDATE SET sha256 = excluded.sha256, bytes = excluded.bytes, "
        "belopp_version = excluded.belopp_version, loaded_at = now() "
        "WHERE document.sha256 <> excluded.sha256 "
        "OR document.belopp_version <> excluded.belopp_version OR $5::boolean "
        "RETURNING id";
    char what[1200];
    snprintf(what, sizeof what, "%s: cannot load", docs[0].source);
    int rc = pg_exec(g, "BEGIN", what, err, errlen);
    if (rc != 0)
        return rc;
    g->len = 0;
    g->oom = 0;
    size_t rows = 0;
    for (size_t i = 0; i < n; i++) {
        belopp_load_doc *d = &docs[i];
        snprintf(what, sizeof what, "%s: cannot load", d->source);
        char bytes[32];
        snprintf(bytes, sizeof bytes, "%" PRIu64, d->bytes);
        const char *params[5] = {d->source, d->sha256, bytes, belopp_version(),
                                 d->replace ? "true" : "false"};
        PGresult *r = PQexecParams(g->conn, upsert, 5, NULL, params, NULL, NULL, 0);
        if (PQresultStatus(r) != PGRES_TUPLES_OK) {
            rc = pg_fail(g, r, what, err, errlen) ? 1 : -1;
            PQclear(r);
            goto fail;
        }
        d->loaded = PQntuples(r) == 1;
        if (!d->loaded) {
            PQclear(r);
            continue;
        }
        char id[32];
        snprintf(id, sizeof id, "%s", PQgetvalue(r, 0, 0));
        PQclear(r);
        const char *idp[1] = {id};
        r = PQexecParams(g->conn, "DELETE FROM amount WHERE document_id = $1", 1, NULL, idp, NULL,
                         NULL, 0);
        if (PQresultStatus(r) != PGRES_COMMAND_OK) {
            rc = pg_fail(g, r, what, err, errlen) ? 1 : -1;
            PQclear(r);
            goto fail;
        }
        PQclear(r);
        for (size_t k = 0; k < d->nrecs; k++)
            put_row(g, id, d->recs[k]);
        rows += d->nrecs;
    }
    if (g->oom) {
        snprintf(err, errlen, "%s: out of memory", docs[0].source);
        rc = -1;
        goto fail;
    }
    if (rows > 0) {
        snprintf(what, sizeof what, "%s%s: cannot copy the amounts", docs[0].source,
                 n > 1 ? " (and the rest of its batch)" : "");
        PGresult *r = PQexec(g->conn, "COPY amount (document_id, " BELOPP_AMOUNT_COLUMNS
                                      ") FROM STDIN WITH (FORMAT csv)");
        if (PQresultStatus(r) != PGRES_COPY_IN) {
            rc = pg_fail(g, r, what, err, errlen) ? 1 : -1;
            PQclear(r);
            goto fail;
        }
        PQclear(r);
        int ok = 1;
        for (size_t off = 0; off < g->len && ok;) {
            size_t chunk = g->len - off > (1u << 20) ? (1u << 20) : g->len - off;
            ok = PQputCopyData(g->conn, g->csv + off, (int)chunk) == 1;
            off += chunk;
        }
        if (PQputCopyEnd(g->conn, ok ? NULL : "client failed") != 1)
            ok = 0;
        int failed = 0, retry = 0;
        while ((r = PQgetResult(g->conn)) != NULL) {
            if (PQresultStatus(r) != PGRES_COMMAND_OK && !failed) {
                retry = pg_fail(g, r, what, err, errlen);
                failed = 1;
            }
            PQclear(r);
            if (PQstatus(g->conn) == CONNECTION_BAD)
                break;
        }
        if (!ok && !failed) {
            pg_fail(g, NULL, what, err, errlen);
            failed = 1;
        }
        if (failed) {
            rc = retry ? 1 : -1;
            goto fail;
        }
    }
    snprintf(what, sizeof what, "%s%s: cannot commit", docs[0].source,
             n > 1 ? " (and the rest of its batch)" : "");
    rc = pg_exec(g, "COMMIT", what, err, errlen);
    if (rc == 0)
        return 0;
fail:
    if (PQstatus(g->conn) == CONNECTION_OK) {
        PGresult *r = PQexec(g->conn, "ROLLBACK");
        PQclear(r);
    } else {
        rc = -1;
    }
    for (size_t k = 0; k < n; k++)
        docs[k].loaded = 0;
    return rc;
}

static int pg_batch(void *p, belopp_load_doc *docs, size_t n, char *err, size_t errlen)
{
    pg *g = p;
    int rc = 1;
    for (int attempt = 0; rc == 1 && attempt < RETRIES; attempt++)
        rc = pg_try(g, docs, n, err, errlen);
    return rc == 0 ? 0 : -1;
}

/* The schema version (inside the schema transaction): belopp_schema's, or 1
 * when only the tables are there (belopp before versions), or 0 when they
 * are absent.  -1 on an error. */
static int pg_version(pg *g, const char *what, char *err, size_t errlen)
{
    PGresult *r = PQexec(g->conn, "SELECT to_regclass('belopp_schema') IS NOT NULL, "
                                  "to_regclass('amount') IS NOT NULL");
    if (PQresultStatus(r) != PGRES_TUPLES_OK || PQntuples(r) != 1) {
        pg_fail(g, r, what, err, errlen);
        PQclear(r);
        return -1;
    }
    int versioned = strcmp(PQgetvalue(r, 0, 0), "t") == 0;
    int tables = strcmp(PQgetvalue(r, 0, 1), "t") == 0;
    PQclear(r);
    if (!versioned)
        return tables ? 1 : 0;
    r = PQexec(g->conn, "SELECT coalesce(max(version), 1) FROM belopp_schema");
    if (PQresultStatus(r) != PGRES_TUPLES_OK || PQntuples(r) != 1) {
        pg_fail(g, r, what, err, errlen);
        PQclear(r);
        return -1;
    }
    int v = atoi(PQgetvalue(r, 0, 0));
    PQclear(r);
    return v;
}

/* Under the schema lock: creates the schema in a database without it,
 * migrates one of version 1 (the columns it lacks added, NULL in the rows
 * already there; then the schema file, which replaces fact and records the
 * version), or refuses a newer one without writing.  Returns 0 or -1. */
static int pg_schema(pg *g, const char *what, char *err, size_t errlen)
{
    int version = pg_version(g, what, err, errlen);
    if (version < 0)
        return -1;
    if (version > BELOPP_SCHEMA_VERSION) {
        snprintf(err, errlen,
                 "the PostgreSQL database has belopp schema version %d, newer than this "
                 "belopp (%s) knows (%d); nothing was written: load it with a newer belopp",
                 version, belopp_version(), BELOPP_SCHEMA_VERSION);
        return -1;
    }
    if (version == BELOPP_SCHEMA_VERSION)
        return 0;
    if (version == 1 &&
        pg_exec(g,
                "ALTER TABLE amount ADD COLUMN IF NOT EXISTS minor_exp integer, "
                "ADD COLUMN IF NOT EXISTS sum text, ADD COLUMN IF NOT EXISTS col bigint, "
                "ADD COLUMN IF NOT EXISTS heading text",
                what, err, errlen) != 0)
        return -1;
    return pg_exec(g, belopp_schema_postgres, what, err, errlen) != 0 ? -1 : 0;
}

static const belopp_load_ops pg_ops = {pg_known, pg_batch, pg_close};

void *belopp_postgres_open(const char *conninfo, const belopp_load_ops **ops, char *err,
                           size_t errlen)
{
    pg *g = calloc(1, sizeof *g);
    if (!g) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    g->conn = PQconnectdb(conninfo);
    if (!g->conn || PQstatus(g->conn) != CONNECTION_OK) {
        char msg[512];
        pg_message(g->conn ? PQerrorMessage(g->conn) : "out of memory", msg, sizeof msg);
        snprintf(err, errlen, "cannot connect to PostgreSQL: %s", msg);
        pg_close(g);
        return NULL;
    }
    PQsetClientEncoding(g->conn, "UTF8");
    const char *what = "cannot set up the PostgreSQL schema";
    if (pg_exec(g, "SET client_min_messages = warning", what, err, errlen) != 0 ||
        pg_exec(g, "BEGIN; SELECT pg_advisory_xact_lock(" SCHEMA_LOCK ")", what, err, errlen) !=
            0 ||
        pg_schema(g, what, err, errlen) != 0 || pg_exec(g, "COMMIT", what, err, errlen) != 0) {
        if (PQstatus(g->conn) == CONNECTION_OK)
            PQclear(PQexec(g->conn, "ROLLBACK"));
        pg_close(g);
        return NULL;
    }
    *ops = &pg_ops;
    return g;
}
