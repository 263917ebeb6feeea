/* main.c — the command-line front: arguments, the pipeline, diagnostics.
 *
 * Only this file prints.  Stages hand back diagnostics; here each becomes
 * "belopp: FILE: byte N: message" on stderr.  A file that cannot be read
 * costs only itself: the batch goes on, and the exit status says so.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "../emit/xml.h"
#include "../extract/diag.h"
#include "../extract/match.h"
#include "../extract/read.h"
#include "pipeline.h"

#define BELOPP_VERSION "0.1.0"

enum { EXIT_OK = 0, EXIT_SOME_ERRORS = 1, EXIT_USAGE = 2, EXIT_FATAL = 3 };

static void usage(FILE *f)
{
    fputs("usage: belopp extract [--encoding ENC] [FILE...]\n"
          "       belopp pattern\n"
          "       belopp --version\n"
          "\n"
          "extract  writes every sum of money in the FILEs as XML records on stdout;\n"
          "         no FILE, or '-', reads standard input.\n"
          "         --encoding auto|utf-8|latin1|windows-1252 (default auto)\n"
          "pattern  prints the core amount pattern (PCRE2 syntax, UTF + UCP)\n"
          "\n"
          "Exit status: 0 all amounts written; 1 some file or amount was left out\n"
          "(see stderr); 2 usage error; 3 output could not be written.\n",
          f);
}

static void print_diags(const char *path, const belopp_diags *d)
{
    for (size_t i = 0; i < belopp_diags_count(d); i++) {
        const belopp_diag *g = belopp_diags_get(d, i);
        const char *sev = g->severity == BELOPP_WARNING ? "warning: " : "";
        if (g->offset == BELOPP_NO_OFFSET)
            fprintf(stderr, "belopp: %s: %s%s\n", path, sev, g->message);
        else
            fprintf(stderr, "belopp: %s: byte %zu: %s%s\n", path, g->offset, sev, g->message);
    }
}

static int cmd_extract(int argc, char **argv)
{
    belopp_encoding enc = BELOPP_ENC_AUTO;
    int first = 0;
    for (; first < argc && strncmp(argv[first], "--", 2) == 0 && argv[first][2]; first++) {
        const char *arg = argv[first];
        const char *val = NULL;
        if (strncmp(arg, "--encoding=", 11) == 0)
            val = arg + 11;
        else if (strcmp(arg, "--encoding") == 0 && first + 1 < argc)
            val = argv[++first];
        if (!val || belopp_encoding_parse(val, &enc) < 0) {
            fprintf(stderr, "belopp: bad option '%s'%s%s\n", arg, val ? " " : "", val ? val : "");
            usage(stderr);
            return EXIT_USAGE;
        }
    }
    if (first < argc && strcmp(argv[first], "--") == 0)
        first++;

    char err[256];
    belopp_matcher *m = belopp_matcher_new(err, sizeof err);
    if (!m) {
        fprintf(stderr, "belopp: %s\n", err);
        return EXIT_FATAL;
    }
    belopp_emitter *e = belopp_emitter_new(stdout);
    belopp_diags *d = belopp_diags_new();
    if (!e || !d) {
        fprintf(stderr, "belopp: cannot start the output\n");
        belopp_emitter_free(e);
        belopp_diags_free(d);
        belopp_matcher_free(m);
        return EXIT_FATAL;
    }

    int status = EXIT_OK;
    char *stdin_only[] = {"-"};
    char **files = first < argc ? argv + first : stdin_only;
    int nfiles = first < argc ? argc - first : 1;
    for (int i = 0; i < nfiles && status != EXIT_FATAL; i++) {
        belopp_diags_clear(d);
        int rc = belopp_extract_file(m, e, files[i], enc, d);
        print_diags(files[i], d);
        if (rc < 0) {
            fprintf(stderr, "belopp: %s: cannot write the output\n", files[i]);
            status = EXIT_FATAL;
        } else if (rc > 0) {
            status = EXIT_SOME_ERRORS;
        }
    }
    if (status != EXIT_FATAL && belopp_emitter_finish(e) < 0) {
        fprintf(stderr, "belopp: cannot write the output\n");
        status = EXIT_FATAL;
    }
    belopp_emitter_free(e);
    belopp_diags_free(d);
    belopp_matcher_free(m);
    if (fflush(stdout) != 0 && status != EXIT_FATAL) {
        fprintf(stderr, "belopp: cannot write the output\n");
        status = EXIT_FATAL;
    }
    return status;
}

static int cmd_pattern(void)
{
    char err[256];
    belopp_matcher *m = belopp_matcher_new(err, sizeof err);
    if (!m) {
        fprintf(stderr, "belopp: %s\n", err);
        return EXIT_FATAL;
    }
    puts(belopp_matcher_pattern(m));
    belopp_matcher_free(m);
    return EXIT_OK;
}

int main(int argc, char **argv)
{
    LIBXML_TEST_VERSION
    int rc;
    if (argc >= 2 && strcmp(argv[1], "extract") == 0)
        rc = cmd_extract(argc - 2, argv + 2);
    else if (argc == 2 && strcmp(argv[1], "pattern") == 0)
        rc = cmd_pattern();
    else if (argc == 2 && strcmp(argv[1], "--version") == 0)
        rc = (puts("belopp " BELOPP_VERSION), EXIT_OK);
    else if (argc == 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0))
        rc = (usage(stdout), EXIT_OK);
    else
        rc = (usage(stderr), EXIT_USAGE);
    xmlCleanupParser();
    return rc;
}
