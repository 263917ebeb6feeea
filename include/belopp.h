/* belopp.h — libbelopp: every sum of money in a Swedish text, exact to the öre.
 *
 * The library reads a press text (plain text or HTML, UTF-8 or Latin-1),
 * finds the sums of money in it and hands each one to a sink as a
 * self-contained record: "6 250,5 miljoner kronor" is SEK 625 050 000 000 öre,
 * and the cell "2 111" under the header "Miljoner kronor" is SEK
 * 211 100 000 000 öre with its row label "Stockholm".
 *
 *   belopp_extractor *x = belopp_extractor_new(NULL, err, sizeof err);
 *   belopp_sink sink = {.user = &total, .record = add_fact};
 *   belopp_extract_file(x, "release.txt", &sink);
 *   belopp_extractor_free(x);
 *
 * Build with `cc prog.c $(pkg-config --cflags --libs belopp)`.
 *
 * Conventions, as in the rest of the API:
 * - Money is never a floating-point number.  Values are int64 counts of the
 *   currency's minor unit (öre for SEK); a value that does not fit is an
 *   error for that amount, never a wrapped number.
 * - Every string the library hands out is NUL-terminated, valid UTF-8 and
 *   free of characters XML 1.0 forbids.  Strings and records passed to a sink
 *   belong to the library and are valid only during the callback: copy what
 *   you keep (belopp_record_dup).
 * - Functions that can fail return a negative number or NULL; every _free
 *   accepts NULL.
 * - Nothing is global: an extractor is used by one thread at a time, and
 *   threads that extract at once each make their own.  The output is the
 *   same whatever the threads.
 */
#ifndef BELOPP_H
#define BELOPP_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define BELOPP_VERSION_STRING "0.2.0"

/* The library's version, "0.2.0"; it also goes into database loads. */
const char *belopp_version(void);

/* ------------------------------------------------------------------------ */
/* Diagnostics                                                              */

/* How bad a diagnostic is. */
typedef enum {
    BELOPP_WARNING, /* input was repaired or guessed; every amount still comes out */
    BELOPP_ERROR    /* an amount or a whole file was left out */
} belopp_severity;

/* What a diagnostic is about.  The numbers and names are stable: batch runs
 * and database loads count and filter by them. */
typedef enum {
    BELOPP_DIAG_READ = 1,      /* "read": the file cannot be opened or read */
    BELOPP_DIAG_ENCODING,      /* "encoding": not UTF-8, or the declared charset was wrong */
    BELOPP_DIAG_INVALID_UTF8,  /* "invalid-utf8": a bad byte or NUL replaced by U+FFFD */
    BELOPP_DIAG_HTML,          /* "html": the HTML could not be read as a tree */
    BELOPP_DIAG_UNPLACED,      /* "unplaced": text (or an amount) not found in the input bytes */
    BELOPP_DIAG_OVERFLOW,      /* "overflow": an amount does not fit in 64 bits */
    BELOPP_DIAG_FRACTION,      /* "fraction": an amount needs a fraction of the minor unit */
    BELOPP_DIAG_MATCH_LIMIT,   /* "match-limit": the regular expression gave up */
    BELOPP_DIAG_TABLE_ROW,     /* "table-row": a table row whose cells could not be split */
    BELOPP_DIAG_NOMEM,         /* "out-of-memory" */
    BELOPP_DIAG_NUMBER         /* "number": a number that cannot be read */
} belopp_diag_code;

/* The stable name of a code ("invalid-utf8"), or "unknown". */
const char *belopp_diag_code_name(belopp_diag_code code);

/* No byte offset applies (a diagnostic about the whole file). */
#define BELOPP_NO_OFFSET UINT64_MAX

typedef struct {
    belopp_diag_code code;
    belopp_severity severity;
    uint64_t offset;     /* byte in the input, or BELOPP_NO_OFFSET */
    const char *message; /* "\"100 000 biljoner kronor\": amount does not fit in 64 bits; amount left out" */
} belopp_diagnostic;

/* ------------------------------------------------------------------------ */
/* Records                                                                  */

/* Where an amount stands. */
typedef enum {
    BELOPP_KIND_PROSE,   /* in a sentence */
    BELOPP_KIND_HEADING, /* in a heading or a title line: "3,2 miljarder till vården" */
    BELOPP_KIND_CELL     /* a table cell: value, row label, column title */
} belopp_kind;

/* "prose", "heading", "cell". */
const char *belopp_kind_name(belopp_kind kind);

typedef enum {
    BELOPP_QUAL_NONE,
    BELOPP_QUAL_APPROX,   /* "approx": ca, cirka, drygt, knappt, nästan, omkring, runt */
    BELOPP_QUAL_AT_LEAST, /* "at-least": minst, över */
    BELOPP_QUAL_AT_MOST   /* "at-most": högst, under, upp till */
} belopp_qualifier_kind;

/* "approx", "at-least", "at-most", or NULL for BELOPP_QUAL_NONE. */
const char *belopp_qualifier_name(belopp_qualifier_kind q);

/* For a table total: did the cells it sums add up (exact integers)? */
typedef enum {
    BELOPP_SUM_NONE,     /* not a total, or nothing to check it against */
    BELOPP_SUM_OK,       /* "ok": the cells add up to it */
    BELOPP_SUM_MISMATCH, /* "mismatch": they do not: a misprint, or a wrong split */
    BELOPP_SUM_ROUNDING  /* "rounding": not exactly, but by no more than rounding
                            each printed figure to its last digit allows (half a
                            unit of that digit per figure, the total's included):
                            "690 140" printed for 690 141 tkr of rows */
} belopp_sum_check;

/* "ok", "mismatch", "rounding", or NULL for BELOPP_SUM_NONE. */
const char *belopp_sum_name(belopp_sum_check s);

/* One sum of money.  Every string is the record's own (see the conventions
 * above); those that do not apply are NULL.
 *
 * The value is in minor units of the currency: öre for SEK (minor_exp 2),
 * cent for EUR, whole yen for JPY (minor_exp 0).  A range ("mellan 4 och 5
 * miljarder kronor") has is_range set, its low end in value and its high end
 * in value_high; otherwise value_high == value.
 *
 * A document's facts are its records with has_repeats == 0: a later mention
 * of the same money ("ca 3,2 miljarder kronor" in the body under the heading
 * "3,2 miljarder till …") repeats the first, and a sum over facts counts it
 * once.  A table's total row or column has total set. */
typedef struct {
    /* the document */
    const char *source;  /* as given: a path, or "-" for standard input */
    const char *sha256;  /* of the input bytes: 64 lower-case hex digits */

    /* what */
    belopp_kind kind;
    char currency[4];    /* ISO 4217: "SEK", "EUR" */
    int minor_exp;       /* digits of the minor unit: 2 for SEK */
    int is_range;
    int64_t value;       /* minor units; the low end of a range */
    int64_t value_high;  /* the high end of a range; else == value */
    belopp_qualifier_kind qualifier;
    const char *per;     /* "projekt" of "25 000 kronor per projekt", or NULL */
    int total;           /* a table total: a row or column Totalt, Summa, … */
    belopp_sum_check sum;
    int has_repeats;
    uint64_t repeats;    /* if has_repeats: start of the first mention */

    /* where, in the input's bytes */
    uint64_t start, end; /* end exclusive */
    uint64_t line;       /* 1-based line of start */
    uint64_t col;        /* 1-based column of start, in characters of that line */

    /* the words */
    const char *text;    /* the amount as written: "6,8 miljarder kronor" (no qualifier) */
    const char *context; /* prose and heading: the sentence or heading line */
    const char *heading; /* prose and cell: the heading line above it, or NULL */
    const char *label;   /* cell: the row label, "Stockholm" */
    const char *column_title; /* cell: "2024", or the header that gave the unit */
    const char *caption; /* cell: the line above the table, or NULL */
} belopp_record;

/* A deep copy of r that the caller owns, or NULL when out of memory.
 * Free with belopp_record_free. */
belopp_record *belopp_record_dup(const belopp_record *r);

/* Frees a copy made by belopp_record_dup; accepts NULL. */
void belopp_record_free(belopp_record *r);

/* One input, as the sink sees it at its beginning and end. */
typedef struct {
    const char *source;  /* as given */
    const char *sha256;  /* of the input bytes */
    uint64_t bytes;      /* input size */
    const char *format;  /* "text" or "html" */
    /* known at the end only (0 at the beginning) */
    uint64_t records;    /* every record handed to the sink */
    uint64_t facts;      /* those without has_repeats */
    uint64_t warnings, errors;
} belopp_doc;

/* ------------------------------------------------------------------------ */
/* Sinks                                                                    */

/* Where the results go.  Any callback may be NULL.  For each input the
 * library calls begin, then record for each amount in text order (with
 * diagnostic interleaved as they arise), then end.  An input that cannot be
 * read at all gets only its diagnostics, no begin or end.  A callback that
 * returns non-zero stops the extraction: the call returns
 * BELOPP_RESULT_SINK_FAILED (a write error, a full disk). */
typedef struct {
    void *user; /* passed to every callback */
    int (*begin)(void *user, const belopp_doc *doc);
    int (*record)(void *user, const belopp_record *r);
    int (*diagnostic)(void *user, const char *source, const belopp_diagnostic *d);
    int (*end)(void *user, const belopp_doc *doc);
} belopp_sink;

/* ------------------------------------------------------------------------ */
/* Extraction                                                               */

typedef enum {
    BELOPP_ENC_AUTO,  /* UTF-8 if it is, else Windows-1252 (with a warning); HTML: its charset */
    BELOPP_ENC_UTF8,
    BELOPP_ENC_LATIN1 /* Windows-1252, of which Latin-1 is a part */
} belopp_encoding;

/* Parses "auto", "utf-8"/"utf8", "latin1"/"iso-8859-1"/"windows-1252"/"cp1252".
 * Returns 0, or -1 for an unknown name. */
int belopp_encoding_parse(const char *name, belopp_encoding *out);

typedef struct {
    belopp_encoding encoding; /* how to read inputs; AUTO by default */
} belopp_options;

typedef struct belopp_extractor belopp_extractor;

/* Makes an extractor (it compiles the pattern once).  opt may be NULL for the
 * defaults.  Returns it, or NULL with a message in err (errlen bytes; err may
 * be NULL).  One thread at a time may use it.  Free with belopp_extractor_free. */
belopp_extractor *belopp_extractor_new(const belopp_options *opt, char *err, size_t errlen);

/* Frees the extractor; accepts NULL. */
void belopp_extractor_free(belopp_extractor *x);

/* Lets belopp_extract_file work on one large plain-text input (one read a
 * chunk at a time) with n helper threads, which decode, segment, match and
 * classify its chunks at once while the calling thread makes the records in
 * order.  The sink is still called on the calling thread only, with the same
 * records and diagnostics in the same order as with none.  The chunks are
 * then cut n times smaller and at most n are in memory, so memory stays
 * about that of one thread.  More than 8 helpers are not started (the
 * calling thread's share would not keep up).  0 or 1 (the default): the
 * calling thread does all.
 * The helpers start and end within each call; a helper's matcher is kept by
 * x for the next.  Returns 0, or -1 (n negative, or out of memory). */
int belopp_extractor_set_threads(belopp_extractor *x, int n);

typedef enum {
    BELOPP_RESULT_OK = 0,         /* every amount went to the sink (warnings allowed) */
    BELOPP_RESULT_LEFT_OUT = 1,   /* an amount or the input was left out: see the
                                     diagnostics with severity BELOPP_ERROR */
    BELOPP_RESULT_SINK_FAILED = -1 /* a sink callback returned non-zero */
} belopp_result;

/* Extracts the amounts of len bytes at data, naming the input source (a
 * path, used in records and to tell HTML by its extension), and hands them
 * to sink.  Returns a belopp_result. */
belopp_result belopp_extract_buffer(belopp_extractor *x, const char *source, const void *data,
                                    size_t len, const belopp_sink *sink);

/* The same for the file at path ("-" reads standard input).  A plain-text
 * file larger than a few MiB is read a chunk at a time, cut after blank
 * lines where no table or sentence runs across, so that memory does not
 * grow with its size; the records and diagnostics are those of reading it
 * whole.  (The environment variable BELOPP_CHUNK_BYTES, read when an
 * extractor is made, sets the chunk size: for tests only.)  Standard input
 * and HTML are read whole. */
belopp_result belopp_extract_file(belopp_extractor *x, const char *path, const belopp_sink *sink);

/* The core amount pattern (PCRE2 syntax, for PCRE2_UTF | PCRE2_UCP), owned by x. */
const char *belopp_extractor_pattern(const belopp_extractor *x);

/* ------------------------------------------------------------------------ */
/* Writers: sinks that write records as XML, CSV or JSON Lines              */

typedef enum {
    BELOPP_FORMAT_XML,   /* schema/belopp.xsd: <belopp><document><amount>… */
    BELOPP_FORMAT_CSV,   /* RFC 4180, a header row, a row per amount; NULL is an
                            empty unquoted field, an empty string "" */
    BELOPP_FORMAT_JSONL  /* one JSON object per amount and line */
} belopp_format;

/* Parses "xml", "csv", "jsonl".  Returns 0, or -1 for an unknown name. */
int belopp_format_parse(const char *name, belopp_format *out);

/* The usual file extension: "xml", "csv", "jsonl". */
const char *belopp_format_extension(belopp_format f);

typedef struct belopp_writer belopp_writer;

/* A writer of format f onto out (not closed by the writer).  Returns NULL
 * when out of memory.  Free with belopp_writer_free. */
belopp_writer *belopp_writer_new(belopp_format f, FILE *out);

/* Writes what comes before the first document (XML: the declaration and
 * <belopp>; CSV: the header row; JSON Lines: nothing).  Returns 0, or -1 on a
 * write error. */
int belopp_writer_head(belopp_writer *w);

/* The sink that writes documents: pass it to belopp_extract_*.  Each
 * document is written whole and flushed at its end, so the bytes of one
 * document do not depend on the others: a batch may write documents into
 * separate writers without head or tail and join them in order. */
belopp_sink belopp_writer_sink(belopp_writer *w);

/* Writes what comes after the last document (XML: </belopp> and a newline)
 * and flushes.  Returns 0, or -1 if this or any earlier write failed. */
int belopp_writer_tail(belopp_writer *w);

/* Flushes what is buffered.  Returns 0, or -1 if this or any earlier write
 * failed. */
int belopp_writer_flush(belopp_writer *w);

/* Frees the writer (without writing the tail); accepts NULL. */
void belopp_writer_free(belopp_writer *w);

#ifdef __cplusplus
}
#endif

#endif
