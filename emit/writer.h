/* writer.h — the buffered writer that the XML, CSV and JSON Lines sinks
 * share (the public half is belopp_writer_* in include/belopp.h).
 *
 * Each format is one small file over the same record (xml.c, csv.c,
 * jsonl.c), as cmark has one renderer a format over one node type.  They
 * write into one growing buffer with one escaping function each; the buffer
 * goes to the FILE when it is large and at the end of every document, and
 * the first failed write is remembered, so that a full disk is an error at
 * the end however small the output (exit 3), never silence.
 */
#ifndef BELOPP_WRITER_H
#define BELOPP_WRITER_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "../include/belopp.h"

struct belopp_writer {
    belopp_format format;
    FILE *out;
    char *buf;
    size_t len, cap;
    int failed;       /* a write failed: every later call fails too */
    int doc_open;     /* XML: a <document> start tag is not yet closed with '>' */
};

/* Appends n bytes (0, or -1 once anything failed or memory ran out). */
int belopp_put_slow(belopp_writer *w, const char *s, size_t n);
/* The usual case inline (a few calls per field of every record): room in
 * the buffer and nothing failed. */
static inline int belopp_put(belopp_writer *w, const char *s, size_t n)
{
    if (w->failed || n > w->cap - w->len)
        return belopp_put_slow(w, s, n);
    if (n) /* s may be NULL with n 0 (memcpy's arguments are never NULL) */
        memcpy(w->buf + w->len, s, n);
    w->len += n;
    return 0;
}
/* Makes room for n more bytes and returns where they go (w->buf + w->len),
 * or NULL once anything failed or memory ran out; the caller writes at most
 * n bytes there and adds what it wrote to w->len. */
char *belopp_room_slow(belopp_writer *w, size_t n);
static inline char *belopp_room(belopp_writer *w, size_t n)
{
    if (w->failed || n > w->cap - w->len)
        return belopp_room_slow(w, n);
    return w->buf + w->len;
}

int belopp_puts(belopp_writer *w, const char *s);
int belopp_put_i64(belopp_writer *w, int64_t v);
/* Writes v in decimal ("-" and digits, no NUL) to dst, which has room for
 * BELOPP_I64_DIGITS bytes; returns the number of bytes. */
#define BELOPP_I64_DIGITS 20
size_t belopp_i64_digits(char *dst, int64_t v);

/* Writes the buffer to the FILE and flushes it; 0, or -1 on failure. */
int belopp_writer_drain(belopp_writer *w);

/* The format sinks: begin/record/end callbacks and the head and tail. */
int belopp_xml_head(belopp_writer *w);
int belopp_xml_begin(belopp_writer *w, const belopp_doc *doc);
int belopp_xml_record(belopp_writer *w, const belopp_record *r);
int belopp_xml_end(belopp_writer *w, const belopp_doc *doc);
int belopp_xml_tail(belopp_writer *w);

int belopp_csv_head(belopp_writer *w);
int belopp_csv_record(belopp_writer *w, const belopp_record *r);

int belopp_jsonl_record(belopp_writer *w, const belopp_record *r);

#endif
