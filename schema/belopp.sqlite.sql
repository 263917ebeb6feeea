-- belopp.sqlite.sql — the database schema of `belopp load` for SQLite 3.35+.
-- Embedded in the binary at build time and run when the tables are absent.
-- Schema version 2 (PRAGMA user_version, set at the end).  Version 1 (belopp
-- 0.2.0 before it; user_version 0 with the tables there) lacks the last four
-- columns of amount: `belopp load` adds them (NULL in the rows already
-- there), recreates the view fact and sets the version, in one transaction.
-- A database of a newer version is refused, never written.
-- The same tables as schema/belopp.postgres.sql; money columns are 64-bit
-- integers in minor units (ore: öre, for SEK only); NULL where a field does
-- not apply.

CREATE TABLE IF NOT EXISTS document (
    id             INTEGER PRIMARY KEY,
    source         TEXT    NOT NULL UNIQUE,  -- the path as given; who wins: the last commit
    sha256         TEXT    NOT NULL,         -- of the input bytes, 64 hex digits
    bytes          INTEGER NOT NULL,
    loaded_at      TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    belopp_version TEXT    NOT NULL
);

CREATE TABLE IF NOT EXISTS amount (
    document_id  INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
    start_byte   INTEGER NOT NULL,  -- in the input file, end exclusive
    end_byte     INTEGER NOT NULL,
    line         INTEGER NOT NULL,
    kind         TEXT    NOT NULL,  -- prose, heading, cell
    currency     TEXT    NOT NULL,  -- ISO 4217
    ore          INTEGER,           -- SEK, not a range: the value in öre
    ore_low      INTEGER,           -- SEK range: its ends in öre
    ore_high     INTEGER,
    minor        INTEGER,           -- any currency, not a range: minor units (cent, öre)
    minor_low    INTEGER,           -- any currency, a range
    minor_high   INTEGER,
    qualifier    TEXT,              -- approx, at-least, at-most
    per          TEXT,              -- "projekt" of "25 000 kronor per projekt"
    total        INTEGER NOT NULL,  -- 1: a table's total row or column
    repeats      INTEGER,           -- start_byte of the first mention this repeats
    text         TEXT    NOT NULL,  -- the amount as written
    context      TEXT,              -- prose, heading: the sentence or line
    label        TEXT,              -- cell: the row label
    column_title TEXT,              -- cell: the column header
    caption      TEXT,              -- cell: the line above the table
    -- schema version 2: the end of the table, in new and migrated databases alike
    minor_exp    INTEGER,           -- digits of the currency's minor unit: SEK 2, JPY 0, KWD 3
    sum          TEXT,              -- a table total: ok, rounding, mismatch (do its cells add up?)
    col          INTEGER,           -- 1-based column of start_byte in its line, in characters
    heading      TEXT               -- prose, cell: the heading line above the amount
);

CREATE INDEX IF NOT EXISTS amount_document ON amount(document_id, start_byte);
CREATE INDEX IF NOT EXISTS amount_label ON amount(label);

-- The facts: amounts that repeat nothing, with their document's source.
CREATE VIEW IF NOT EXISTS fact AS
    SELECT d.source, d.sha256, a.*
    FROM amount a JOIN document d ON d.id = a.document_id
    WHERE a.repeats IS NULL;

PRAGMA user_version = 2;
