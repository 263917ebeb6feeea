/* main.c — the command-line front: arguments, the library, diagnostics.
 *
 * Only this file prints.  The library hands back coded diagnostics; here
 * each becomes "belopp: FILE: byte N: message" on stderr.  A file that
 * cannot be read costs only itself: the batch goes on, and the exit status
 * says so.  It includes nothing but the public header: the command line is
 * a user of libbelopp like any other.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../include/belopp.h"

enum { EXIT_OK = 0, EXIT_SOME_ERRORS = 1, EXIT_USAGE = 2, EXIT_FATAL = 3 };

static void usage(FILE *f)
{
    fputs("usage: belopp extract [--format xml|csv|jsonl] [--encoding ENC] [FILE...]\n"
          "       belopp pattern\n"
          "       belopp --version\n"
          "\n"
          "extract  writes every sum of money in the FILEs as records on stdout\n"
          "         (XML by default); no FILE, or '-', reads standard input.\n"
          "         --encoding auto|utf-8|latin1|windows-1252 (default auto)\n"
          "pattern  prints the core amount pattern (PCRE2 syntax, UTF + UCP)\n"
          "\n"
          "Exit status: 0 all amounts written; 1 some file or amount was left out\n"
          "(see stderr); 2 usage error; 3 output could not be written.\n"
          "See belopp(1).\n",
          f);
}

static int print_diag(void *user, const char *source, const belopp_diagnostic *d)
{
    (void)user;
    const char *sev = d->severity == BELOPP_WARNING ? "warning: " : "";
    if (d->offset == BELOPP_NO_OFFSET)
        fprintf(stderr, "belopp: %s: %s%s\n", source, sev, d->message);
    else
        fprintf(stderr, "belopp: %s: byte %llu: %s%s\n", source, (unsigned long long)d->offset,
                sev, d->message);
    return 0;
}

/* The writer's sink, with diagnostics printed as they come. */
static belopp_sink printing(belopp_sink s)
{
    s.diagnostic = print_diag;
    return s;
}

/* Takes "--name VALUE" or "--name=VALUE" at argv[*i]; returns VALUE or NULL. */
static const char *option(int argc, char **argv, int *i, const char *name)
{
    size_t n = strlen(name);
    if (strncmp(argv[*i], name, n) != 0)
        return NULL;
    if (argv[*i][n] == '=')
        return argv[*i] + n + 1;
    if (argv[*i][n] == '\0' && *i + 1 < argc)
        return argv[++*i];
    return NULL;
}

static int cmd_extract(int argc, char **argv)
{
    belopp_options opt = {.encoding = BELOPP_ENC_AUTO};
    belopp_format format = BELOPP_FORMAT_XML;
    int first = 0;
    for (; first < argc && strncmp(argv[first], "--", 2) == 0 && argv[first][2]; first++) {
        const char *arg = argv[first], *val;
        if ((val = option(argc, argv, &first, "--encoding")) != NULL) {
            if (belopp_encoding_parse(val, &opt.encoding) == 0)
                continue;
        } else if ((val = option(argc, argv, &first, "--format")) != NULL) {
            if (belopp_format_parse(val, &format) == 0)
                continue;
        }
        fprintf(stderr, "belopp: bad option '%s'%s%s\n", arg, val ? " " : "", val ? val : "");
        usage(stderr);
        return EXIT_USAGE;
    }
    if (first < argc && strcmp(argv[first], "--") == 0)
        first++;

    char err[256];
    belopp_extractor *x = belopp_extractor_new(&opt, err, sizeof err);
    if (!x) {
        fprintf(stderr, "belopp: %s\n", err);
        return EXIT_FATAL;
    }
    belopp_writer *w = belopp_writer_new(format, stdout);
    int status = EXIT_OK;
    if (!w || belopp_writer_head(w) < 0)
        status = EXIT_FATAL;
    belopp_sink sink = printing(belopp_writer_sink(w));

    char *stdin_only[] = {"-"};
    char **files = first < argc ? argv + first : stdin_only;
    int nfiles = first < argc ? argc - first : 1;
    for (int i = 0; i < nfiles && status != EXIT_FATAL; i++) {
        belopp_result rc = belopp_extract_file(x, files[i], &sink);
        if (rc == BELOPP_RESULT_SINK_FAILED)
            status = EXIT_FATAL;
        else if (rc == BELOPP_RESULT_LEFT_OUT)
            status = EXIT_SOME_ERRORS;
    }
    if (status == EXIT_FATAL || belopp_writer_tail(w) < 0) {
        fprintf(stderr, "belopp: cannot write the output\n");
        status = EXIT_FATAL;
    }
    belopp_writer_free(w);
    belopp_extractor_free(x);
    return status;
}

static int cmd_pattern(void)
{
    char err[256];
    belopp_extractor *x = belopp_extractor_new(NULL, err, sizeof err);
    if (!x) {
        fprintf(stderr, "belopp: %s\n", err);
        return EXIT_FATAL;
    }
    puts(belopp_extractor_pattern(x));
    belopp_extractor_free(x);
    return fflush(stdout) == 0 ? EXIT_OK : EXIT_FATAL;
}

int main(int argc, char **argv)
{
    int rc;
    if (argc >= 2 && strcmp(argv[1], "extract") == 0)
        rc = cmd_extract(argc - 2, argv + 2);
    else if (argc == 2 && strcmp(argv[1], "pattern") == 0)
        rc = cmd_pattern();
    else if (argc == 2 && strcmp(argv[1], "--version") == 0)
        rc = (puts("belopp " BELOPP_VERSION_STRING), fflush(stdout) == 0 ? EXIT_OK : EXIT_FATAL);
    else if (argc == 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0))
        rc = (usage(stdout), EXIT_OK);
    else
        rc = (usage(stderr), EXIT_USAGE);
    return rc;
}
