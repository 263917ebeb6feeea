-- belopp.postgres.sql — the database schema of `belopp load` for PostgreSQL 15.
-- Embedded in the binary at build time and run (under an advisory lock, so
-- that loaders starting at once do not race) when the tables are absent.
-- Schema version 2 (table belopp_schema).  Version 1 (belopp 0.2.0 before
-- it; the tables without belopp_schema) lacks the last four columns of
-- amount: `belopp load` adds them (NULL in the rows already there) under the
-- same lock, then runs this file (which recreates the view fact with them
-- and records the version), in one transaction.  A database of a newer
-- version is refused, never written.
-- The same tables as schema/belopp.sqlite.sql; money columns are bigint in
-- minor units (ore: öre, for SEK only); NULL where a field does not apply.

CREATE TABLE IF NOT EXISTS document (
    id             bigserial   PRIMARY KEY,
    source         text        NOT NULL UNIQUE,  -- the path as given; who wins: the last commit
    sha256         text        NOT NULL,         -- of the input bytes, 64 hex digits
    bytes          bigint      NOT NULL,
    loaded_at      timestamptz NOT NULL DEFAULT now(),
    belopp_version text        NOT NULL
);

CREATE TABLE IF NOT EXISTS amount (
    document_id  bigint  NOT NULL REFERENCES document(id) ON DELETE CASCADE,
    start_byte   bigint  NOT NULL,  -- in the input file, end exclusive
    end_byte     bigint  NOT NULL,
    line         bigint  NOT NULL,
    kind         text    NOT NULL,  -- prose, heading, cell
    currency     text    NOT NULL,  -- ISO 4217
    ore          bigint,            -- SEK, not a range: the value in öre
    ore_low      bigint,            -- SEK range: its ends in öre
    ore_high     bigint,
    minor        bigint,            -- any currency, not a range: minor units (cent, öre)
    minor_low    bigint,            -- any currency, a range
    minor_high   bigint,
    qualifier    text,              -- approx, at-least, at-most
    per          text,              -- "projekt" of "25 000 kronor per projekt"
    total        boolean NOT NULL,  -- a table's total row or column
    repeats      bigint,            -- start_byte of the first mention this repeats
    text         text    NOT NULL,  -- the amount as written
    context      text,              -- prose, heading: the sentence or line
    label        text,              -- cell: the row label
    column_title text,              -- cell: the column header
    caption      text,              -- cell: the line above the table
    -- schema version 2: the end of the table, in new and migrated databases alike
    minor_exp    integer,           -- digits of the currency's minor unit: SEK 2, JPY 0, KWD 3
    sum          text,              -- a table total: ok, rounding, mismatch (do its cells add up?)
    col          bigint,            -- 1-based column of start_byte in its line, in characters
    heading      text               -- prose, cell: the heading line above the amount
);

CREATE INDEX IF NOT EXISTS amount_document ON amount(document_id, start_byte);
CREATE INDEX IF NOT EXISTS amount_label ON amount(label);

-- The facts: amounts that repeat nothing, with their document's source.
CREATE OR REPLACE VIEW fact AS
    SELECT d.source, d.sha256, a.*
    FROM amount a JOIN document d ON d.id = a.document_id
    WHERE a.repeats IS NULL;

-- The schema version: one row.
CREATE TABLE IF NOT EXISTS belopp_schema (version integer NOT NULL);
DELETE FROM belopp_schema;
INSERT INTO belopp_schema (version) VALUES (2);
