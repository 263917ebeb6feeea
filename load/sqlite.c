/* sqlite.c — `belopp load` into an SQLite file.
 *
 * Facts it relies on (SQLite 3.40, Debian 12):
 * - WAL mode lets readers run while one loader writes; a second loader waits
 *   for the write lock up to the busy timeout.  BEGIN IMMEDIATE takes the
 *   write lock at the start of a batch, so two loaders never deadlock on a
 *   read lock each wants to upgrade.
 * - A transaction is atomic across a crash or a SIGKILL of the process: the
 *   WAL is rolled back to the last commit on the next open.  synchronous=
 *   NORMAL in WAL mode keeps that; only a power loss may lose the last
 *   commits (never half of one).
 * - INSERT … ON CONFLICT DO UPDATE … WHERE … RETURNING (3.35+) returns a
 *   row only when it inserted or updated: an unchanged document returns none
 *   and is left alone.
 */
#include "columns.h"
#include "load.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

enum { BUSY_TIMEOUT_MS = 60000 };

typedef struct {
    sqlite3 *db;
    sqlite3_stmt *upsert, *del, *ins;
} lite;

static void lite_close(void *p)
{
    lite *l = p;
    if (!l)
        return;
    sqlite3_finalize(l->upsert);
    sqlite3_finalize(l->del);
    sqlite3_finalize(l->ins);
    sqlite3_close(l->db);
    free(l);
}

static int exec(lite *l, const char *sql, char *err, size_t errlen, const char *what)
{
    char *msg = NULL;
    if (sqlite3_exec(l->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
        snprintf(err, errlen, "%s: %s", what, msg ? msg : sqlite3_errmsg(l->db));
        sqlite3_free(msg);
        return -1;
    }
    return 0;
}

static int prepare(lite *l, const char *sql, sqlite3_stmt **st, char *err, size_t errlen)
{
    if (sqlite3_prepare_v2(l->db, sql, -1, st, NULL) != SQLITE_OK) {
        snprintf(err, errlen, "%s", sqlite3_errmsg(l->db));
        return -1;
    }
    return 0;
}

static int lite_known(void *p, int (*each)(void *, const char *, const char *, const char *),
                      void *user, char *err, size_t errlen)
{
    lite *l = p;
    sqlite3_stmt *st;
    if (prepare(l, "SELECT source, sha256, belopp_version FROM document", &st, err, errlen) != 0)
        return -1;
    int rc, out = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        out = each(user, (const char *)sqlite3_column_text(st, 0),
                   (const char *)sqlite3_column_text(st, 1),
                   (const char *)sqlite3_column_text(st, 2));
        if (out != 0)
            break;
    }
    if (out == 0 && rc != SQLITE_DONE) {
        snprintf(err, errlen, "reading the documents: %s", sqlite3_errmsg(l->db));
        out = -1;
    }
    sqlite3_finalize(st);
    return out;
}

/* Loads one document inside the open transaction.  Returns 0 or -1. */
static int lite_doc(lite *l, belopp_load_doc *d)
{
    sqlite3_stmt *u = l->upsert;
    sqlite3_reset(u);
    sqlite3_bind_text(u, 1, d->source, -1, SQLITE_STATIC);
    sqlite3_bind_text(u, 2, d->sha256, -1, SQLITE_STATIC);
    sqlite3_bind_int64(u, 3, (sqlite3_int64)d->bytes);
    sqlite3_bind_text(u, 4, belopp_version(), -1, SQLITE_STATIC);
    sqlite3_bind_int(u, 5, d->replace != 0);
    int rc = sqlite3_step(u);
    d->loaded = 0;
    if (rc == SQLITE_DONE)
        return 0; /* there already, the same */
    if (rc != SQLITE_ROW)
        return -1;
    sqlite3_int64 id = sqlite3_column_int64(u, 0);
    if (sqlite3_step(u) != SQLITE_DONE)
        return -1;
    sqlite3_reset(l->del);
    sqlite3_bind_int64(l->del, 1, id);
    if (sqlite3_step(l->del) != SQLITE_DONE)
        return -1;
    for (size_t k = 0; k < d->nrecs; k++) {
        belopp_columns c;
        belopp_columns_of(d->recs[k], &c);
        sqlite3_stmt *s = l->ins;
        sqlite3_reset(s);
        sqlite3_bind_int64(s, 1, id);
        for (int j = 0; j < COL_COUNT; j++) {
            if (!c.set[j])
                sqlite3_bind_null(s, j + 2);
            else if (c.s[j])
                sqlite3_bind_text(s, j + 2, c.s[j], -1, SQLITE_STATIC);
            else
                sqlite3_bind_int64(s, j + 2, c.i[j]);
        }
        if (sqlite3_step(s) != SQLITE_DONE)
            return -1;
    }
    d->loaded = 1;
    return 0;
}

static int lite_batch(void *p, belopp_load_doc *docs, size_t n, char *err, size_t errlen)
{
    lite *l = p;
    /* The busy timeout covers the wait for another loader's batch. */
    if (exec(l, "BEGIN IMMEDIATE", err, errlen, docs[0].source) != 0)
        return -1;
    for (size_t i = 0; i < n; i++) {
        if (lite_doc(l, &docs[i]) != 0) {
            snprintf(err, errlen, "%s: cannot load: %s", docs[i].source, sqlite3_errmsg(l->db));
            sqlite3_reset(l->upsert);
            sqlite3_reset(l->del);
            sqlite3_reset(l->ins);
            sqlite3_exec(l->db, "ROLLBACK", NULL, NULL, NULL);
            for (size_t k = 0; k < n; k++)
                docs[k].loaded = 0;
            return -1;
        }
    }
    sqlite3_reset(l->upsert);
    sqlite3_reset(l->del);
    sqlite3_reset(l->ins);
    if (sqlite3_exec(l->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        snprintf(err, errlen, "%s: cannot commit: %s", docs[0].source, sqlite3_errmsg(l->db));
        sqlite3_exec(l->db, "ROLLBACK", NULL, NULL, NULL);
        for (size_t k = 0; k < n; k++)
            docs[k].loaded = 0;
        return -1;
    }
    return 0;
}

/* The schema version of the open database: PRAGMA user_version, or 1 when
 * that is 0 but the tables are there (belopp before versions), or 0 for a
 * database without them.  -1 on an error. */
static int lite_version(lite *l, char *err, size_t errlen, const char *what)
{
    sqlite3_stmt *st;
    int v = -1;
    if (sqlite3_prepare_v2(l->db, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    if (v == 0) {
        v = -1;
        if (sqlite3_prepare_v2(l->db,
                               "SELECT count(*) FROM sqlite_master "
                               "WHERE type = 'table' AND name = 'amount'",
                               -1, &st, NULL) == SQLITE_OK &&
            sqlite3_step(st) == SQLITE_ROW)
            v = sqlite3_column_int(st, 0) > 0 ? 1 : 0;
        sqlite3_finalize(st);
    }
    if (v < 0)
        snprintf(err, errlen, "%s: %s", what, sqlite3_errmsg(l->db));
    return v;
}

/* 1 (with the message in err) when version is newer than this belopp knows. */
static int lite_too_new(int version, const char *path, char *err, size_t errlen)
{
    if (version <= BELOPP_SCHEMA_VERSION)
        return 0;
    snprintf(err, errlen,
             "%s: the database has belopp schema version %d, newer than this belopp (%s) "
             "knows (%d); nothing was written: load it with a newer belopp",
             path, version, belopp_version(), BELOPP_SCHEMA_VERSION);
    return 1;
}

/* Inside the write transaction: creates the schema in a new database, or
 * migrates one of version 1 (ALTER TABLE ADD COLUMN for each column it
 * lacks, the view fact recreated since it lists the columns of amount as
 * they were; the rows already there get NULL), or refuses a newer one.
 * Returns 0 or -1. */
static int lite_schema(lite *l, const char *path, char *err, size_t errlen, const char *what)
{
    int version = lite_version(l, err, errlen, what);
    if (version < 0 || lite_too_new(version, path, err, errlen))
        return -1;
    if (version == BELOPP_SCHEMA_VERSION)
        return 0;
    if (version == 1) {
        static const char *const added[][2] = {
            {"minor_exp", "INTEGER"}, {"sum", "TEXT"}, {"col", "INTEGER"}, {"heading", "TEXT"}};
        for (size_t k = 0; k < sizeof added / sizeof added[0]; k++) {
            sqlite3_stmt *st;
            int there = -1;
            if (sqlite3_prepare_v2(l->db,
                                   "SELECT count(*) FROM pragma_table_info('amount') WHERE name = ?1",
                                   -1, &st, NULL) == SQLITE_OK) {
                sqlite3_bind_text(st, 1, added[k][0], -1, SQLITE_STATIC);
                if (sqlite3_step(st) == SQLITE_ROW)
                    there = sqlite3_column_int(st, 0);
            }
            sqlite3_finalize(st);
            if (there < 0) {
                snprintf(err, errlen, "%s: %s", what, sqlite3_errmsg(l->db));
                return -1;
            }
            if (there)
                continue;
            char sql[128];
            snprintf(sql, sizeof sql, "ALTER TABLE amount ADD COLUMN %s %s", added[k][0],
                     added[k][1]);
            if (exec(l, sql, err, errlen, what) != 0)
                return -1;
        }
        if (exec(l, "DROP VIEW IF EXISTS fact", err, errlen, what) != 0)
            return -1;
    }
    /* Everything IF NOT EXISTS; ends with PRAGMA user_version. */
    return exec(l, belopp_schema_sqlite, err, errlen, what);
}

static const belopp_load_ops lite_ops = {lite_known, lite_batch, lite_close};

void *belopp_sqlite_open(const char *path, const belopp_load_ops **ops, char *err, size_t errlen)
{
    lite *l = calloc(1, sizeof *l);
    if (!l) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    if (sqlite3_open_v2(path, &l->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
        SQLITE_OK) {
        snprintf(err, errlen, "%s: cannot open the SQLite database: %s", path,
                 l->db ? sqlite3_errmsg(l->db) : "out of memory");
        lite_close(l);
        return NULL;
    }
    sqlite3_busy_timeout(l->db, BUSY_TIMEOUT_MS);
    char what[512];
    snprintf(what, sizeof what, "%s: cannot set up the SQLite database", path);
    /* A newer schema is refused before anything is written (the switch to
     * WAL below writes the file's header). */
    int version = lite_version(l, err, errlen, what);
    if (version < 0 || lite_too_new(version, path, err, errlen)) {
        lite_close(l);
        return NULL;
    }
    /* journal_mode=WAL sticks to the file.  Switching a new file to it needs
     * the file alone and answers SQLITE_BUSY at once, without the busy
     * handler, when another loader opens it at the same moment: retried here
     * for as long as the busy timeout. */
    for (int waited = 0;; waited += 50) {
        int rc = sqlite3_exec(l->db, "PRAGMA journal_mode=WAL", NULL, NULL, NULL);
        if (rc == SQLITE_OK)
            break;
        if ((rc != SQLITE_BUSY && rc != SQLITE_LOCKED) || waited >= BUSY_TIMEOUT_MS) {
            snprintf(err, errlen, "%s: %s", what, sqlite3_errmsg(l->db));
            lite_close(l);
            return NULL;
        }
        sqlite3_sleep(50);
    }
    /* The schema once, under the write lock: created, migrated, or refused. */
    if (exec(l, "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON", err, errlen, what) != 0 ||
        exec(l, "BEGIN IMMEDIATE", err, errlen, what) != 0) {
        lite_close(l);
        return NULL;
    }
    if (lite_schema(l, path, err, errlen, what) != 0 || exec(l, "COMMIT", err, errlen, what) != 0) {
        sqlite3_exec(l->db, "ROLLBACK", NULL, NULL, NULL);
        lite_close(l);
        return NULL;
    }
    static const char upsert[] =
        "INSERT INTO document (source, sha256, bytes, belopp_version) VALUES (?1, ?2, ?3, ?4) "
        "ON CONFLICT (source) DO UPDATE SET sha256 = excluded.sha256, bytes = excluded.bytes, "
        "belopp_version = excluded.belopp_version, "
        "loaded_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') "
        "WHERE document.sha256 <> excluded.sha256 "
        "OR document.belopp_version <> excluded.belopp_version OR ?5 "
        "RETURNING id";
    static const char ins[] = "INSERT INTO amount (document_id, " BELOPP_AMOUNT_COLUMNS
                              ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
                              "?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, "
                              "?25)";
    _Static_assert(COL_COUNT == 24, "one placeholder per column, after document_id");
    if (prepare(l, upsert, &l->upsert, err, errlen) != 0 ||
        prepare(l, "DELETE FROM amount WHERE document_id = ?1", &l->del, err, errlen) != 0 ||
        prepare(l, ins, &l->ins, err, errlen) != 0) {
        lite_close(l);
        return NULL;
    }
    *ops = &lite_ops;
    return l;
}
