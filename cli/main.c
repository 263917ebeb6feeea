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
#include "../diff/diff.h"
#include "batch.h"

enum { EXIT_OK = 0, EXIT_USAGE = 2, EXIT_FATAL = 3 };

static void usage(FILE *f)
{
    fputs("usage: belopp extract [OPTIONS] [--format xml|csv|jsonl] [-o FILE | --out-dir DIR [--force]]\n"
          "                      [PATH...]\n"
          "       belopp load [OPTIONS] [--force] DB PATH...\n"
          "       belopp diff [--format text|csv|jsonl|xml] [--sort position|change] OLD NEW\n"
          "       belopp pattern\n"
          "       belopp --version\n"
          "\n"
          "extract  writes every sum of money in the PATHs as records on stdout\n"
          "         (XML by default), or atomically into FILE (-o), or one output per\n"
          "         input below DIR (--out-dir; unchanged inputs are skipped unless\n"
          "         --force).  A directory is walked; no PATH, or '-', reads stdin.\n"
          "load     extracts the PATHs into DB: an SQLite file, or a PostgreSQL URI\n"
          "         (postgresql://...) or conninfo (\"host=... dbname=...\");\n"
          "         unchanged documents are skipped unless --force.\n"
          "diff     pairs the sums of money of OLD with NEW (see belopp diff --help)\n"
          "pattern  prints the core amount pattern (PCRE2 syntax, UTF + UCP)\n"
          "\n"
          "OPTIONS\n" BATCH_USAGE_OPTIONS
          "\n"
          "Exit status: 0 all amounts written; 1 some file or amount was left out\n"
          "(see stderr); 2 usage error; 3 output could not be written; 4 the\n"
          "database failed; 130/143 stopped by SIGINT/SIGTERM.  See belopp(1).\n",
          f);
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
        rc = batch_extract_main(argc - 2, argv + 2);
    else if (argc >= 2 && strcmp(argv[1], "load") == 0)
        rc = batch_load_main(argc - 2, argv + 2);
    else if (argc >= 2 && strcmp(argv[1], "diff") == 0)
        rc = belopp_cmd_diff(argc - 2, argv + 2);
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
