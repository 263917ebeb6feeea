/* cmd.c — `belopp diff [--format F] [--sort S] OLD NEW`: the front of the
 * diff.  Reads both sides, pairs their facts, writes the result.  The only
 * file of diff/ that prints diagnostics. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diff.h"

static void usage(FILE *f)
{
    fputs("usage: belopp diff [--format text|csv|jsonl|xml] [--sort position|change] OLD NEW\n"
          "\n"
          "Pairs every sum of money in OLD with the same item in NEW and shows what\n"
          "changed.  OLD and NEW are each a text or HTML file, a directory (its files\n"
          "taken together as one year), or a belopp XML output.\n"
          "  --format  text (default: an aligned table for people), csv, jsonl, xml\n"
          "  --sort    position (default: text order) or change (largest first)\n"
          "Colour only on a terminal, and never when NO_COLOR is set.\n"
          "Exit status: 0 it ran; 1 an input could not be read; 2 usage error.\n",
          f);
}

static int warn(void *user, const char *source, const belopp_diagnostic *d)
{
    (void)user;
    const char *sev = d->severity == BELOPP_WARNING ? "warning: " : "";
    if (d->offset == BELOPP_NO_OFFSET)
        fprintf(stderr, "belopp: %s: %s%s\n", source, sev, d->message);
    else
        fprintf(stderr, "belopp: %s: byte %llu: %s%s\n", source, (unsigned long long)d->offset, sev,
                d->message);
    return 0;
}

int belopp_cmd_diff(int argc, char **argv)
{
    diff_format fmt = DIFF_OUT_TEXT;
    diff_sort sort = DIFF_SORT_POSITION;
    const char *files[2];
    int nfiles = 0, opts = 1;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i], *val = NULL;
        if (opts && strcmp(a, "--") == 0) {
            opts = 0;
            continue;
        }
        if (opts && (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0)) {
            usage(stdout);
            return 0;
        }
        if (opts && strncmp(a, "--", 2) == 0) {
            const char *eq = strchr(a, '=');
            size_t nl = eq ? (size_t)(eq - a) : strlen(a);
            if (eq)
                val = eq + 1;
            else if (i + 1 < argc)
                val = argv[++i];
            int ok = 0;
            if (val && nl == 8 && strncmp(a, "--format", 8) == 0) {
                ok = 1;
                if (strcmp(val, "text") == 0)
                    fmt = DIFF_OUT_TEXT;
                else if (strcmp(val, "csv") == 0)
                    fmt = DIFF_OUT_CSV;
                else if (strcmp(val, "jsonl") == 0)
                    fmt = DIFF_OUT_JSONL;
                else if (strcmp(val, "xml") == 0)
                    fmt = DIFF_OUT_XML;
                else
                    ok = 0;
            } else if (val && nl == 6 && strncmp(a, "--sort", 6) == 0) {
                ok = 1;
                if (strcmp(val, "position") == 0)
                    sort = DIFF_SORT_POSITION;
                else if (strcmp(val, "change") == 0)
                    sort = DIFF_SORT_CHANGE;
                else
                    ok = 0;
            }
            if (!ok) {
                fprintf(stderr, "belopp: diff: bad option '%s'%s%s\n", a, val && !eq ? " " : "",
                        val && !eq ? val : "");
                usage(stderr);
                return 2;
            }
            continue;
        }
        if (nfiles == 2) {
            fprintf(stderr, "belopp: diff: more than two inputs\n");
            usage(stderr);
            return 2;
        }
        files[nfiles++] = a;
    }
    if (nfiles != 2) {
        usage(stderr);
        return 2;
    }
    const char *nc = getenv("NO_COLOR");
    int colour = fmt == DIFF_OUT_TEXT && isatty(fileno(stdout)) && !(nc && *nc);

    char err[512];
    belopp_extractor *x = belopp_extractor_new(NULL, err, sizeof err);
    if (!x) {
        fprintf(stderr, "belopp: %s\n", err);
        return 1;
    }
    int status = 0;
    diff_side *side[2] = {NULL, NULL};
    for (int k = 0; k < 2 && status == 0; k++) {
        side[k] = diff_side_load(x, files[k], warn, NULL, err, sizeof err);
        if (!side[k]) {
            fprintf(stderr, "belopp: %s\n", err);
            status = 1;
        }
    }
    belopp_extractor_free(x);
    if (status == 0) {
        diff_result res;
        if (diff_pair(side[0], side[1], &res) < 0) {
            fprintf(stderr, "belopp: diff: out of memory\n");
            status = 1;
        } else {
            if (diff_write(stdout, fmt, sort, colour, side[0], side[1], &res) < 0) {
                fprintf(stderr, "belopp: diff: cannot write the output\n");
                status = 3;
            }
            diff_result_clear(&res);
        }
    }
    diff_side_free(side[0]);
    diff_side_free(side[1]);
    return status;
}
