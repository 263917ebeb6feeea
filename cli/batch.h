/* batch.h — `belopp extract` and `belopp load` over many files: the walk of
 * the PATH arguments, documents on threads, outputs in path order, atomic
 * files, signals and progress.  Part of the command line (cli/): it prints
 * its diagnostics itself, as main.c does.
 */
#ifndef BELOPP_BATCH_H
#define BELOPP_BATCH_H

/* `belopp extract [OPTIONS] [PATH...]` (argv after "extract").  Returns the
 * exit status: 0, 1 (a file or an amount left out), 2 (usage), 3 (the output
 * could not be written), 130/143 (stopped by SIGINT/SIGTERM). */
int batch_extract_main(int argc, char **argv);

/* `belopp load [OPTIONS] DB PATH...` (argv after "load").  The same exit
 * statuses; 4 when the database failed (cannot connect, lost, refused). */
int batch_load_main(int argc, char **argv);

/* The options both commands take, for the usage text. */
#define BATCH_USAGE_OPTIONS \
    "  --jobs N          documents on N threads (default: the number of cores)\n" \
    "  --include GLOB    also take files of a walked directory whose name matches\n" \
    "                    GLOB (default: *.txt *.html *.htm *.xhtml)\n" \
    "  --shard K/N       only the files whose path hashes to K mod N (0 <= K < N)\n" \
    "  --encoding ENC    auto|utf-8|latin1|windows-1252 (default auto)\n" \
    "  --quiet           no progress and no summary on stderr\n"

#endif
