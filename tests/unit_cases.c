/* unit_cases.c — runs tests/cases.txt: small texts and the amounts a reader
 * finds in them.  Grammar, one case per block:
 *
 *   ### why this case exists
 *   input text, one or more lines
 *   ---
 *   TEXT | CUR VALUE [| key=value …]     one line per expected amount, in order
 *   ===
 *
 * TEXT is the amount as written (a line break inside it is written \n);
 * VALUE is in minor units (öre), LOW..HIGH for a range.  Keys, in this
 * order when present: per, qualifier, label, column.  No lines between --- and === means "no money".
 * Between cases only blank lines and lines starting with "#" (comments) may
 * stand.  A malformed block (a stray line, a case cut off by the end of the
 * file, an expected line not of the form above, too many lines) fails the
 * run, and so does a file with no case at all.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../extract/clean.h"
#include "support.h"

static void describe(const run_result *r, size_t i, char *out, size_t cap)
{
    const belopp_amount *a = &r->amounts[i];
    const char *s = belopp_text_data(r->text);
    size_t o = 0;
    for (size_t k = a->text.start; k < a->text.end && o + 3 < cap; k++) {
        if (s[k] == '\n') {
            out[o++] = '\\';
            out[o++] = 'n';
        } else {
            out[o++] = s[k];
        }
    }
    out[o] = '\0';
    char tail[512] = "";
    if (a->per.start != a->per.end)
        snprintf(tail + strlen(tail), sizeof tail - strlen(tail), " per=%.*s",
                 (int)(a->per.end - a->per.start), s + a->per.start);
    if (a->qualifier)
        snprintf(tail + strlen(tail), sizeof tail - strlen(tail), " qualifier=%s", a->qualifier);
    if (a->row) {
        /* (label and column as records have them: flattened, a label
         * wrapped over lines one line; a title stacked in pieces whole,
         * "Utfall 2024" of "Utfall" over "2024") */
        char col[256];
        size_t cl = belopp_segments_column_name(r->seg, a->row, a->column, col, sizeof col);
        char *label = belopp_xml_clean(s + a->row->label.start, a->row->label.end - a->row->label.start, 1);
        char *column = belopp_xml_clean(col, cl < sizeof col ? cl : strlen(col), 1);
        snprintf(tail + strlen(tail), sizeof tail - strlen(tail), " label=%s column=%s",
                 label ? label : "(out of memory)", column ? column : "(out of memory)");
        free(label);
        free(column);
    }
    char value[64];
    if (a->is_range)
        snprintf(value, sizeof value, "%lld..%lld", (long long)a->minor, (long long)a->minor_high);
    else
        snprintf(value, sizeof value, "%lld", (long long)a->minor);
    snprintf(out + o, cap - o, " | %s %s%s%s", a->currency, value, tail[0] ? " |" : "", tail);
}

/* Is line "TEXT | CUR VALUE[..HIGH][ | key=value…]"? */
static int well_formed(const char *line)
{
    const char *bar = strstr(line, " | ");
    if (!bar || bar == line)
        return 0;
    const char *c = bar + 3;
    for (int i = 0; i < 3; i++)
        if (c[i] < 'A' || c[i] > 'Z')
            return 0;
    c += 3;
    if (*c++ != ' ')
        return 0;
    if (*c == '-')
        c++;
    if (*c < '0' || *c > '9')
        return 0;
    while ((*c >= '0' && *c <= '9') || *c == '.' || *c == '-')
        c++;
    return *c == '\0' || strncmp(c, " | ", 3) == 0;
}

int main(int argc, char **argv)
{
    const char *path = argc > 1 ? argv[1] : "tests/cases.txt";
    FILE *f = fopen(path, "r");
    if (!f) {
        perror(path);
        return 2;
    }
    char err[256];
    belopp_matcher *m = belopp_matcher_new(err, sizeof err);
    if (!m) {
        fprintf(stderr, "%s\n", err);
        fclose(f);
        return 2;
    }
    char title[512] = "", line[8192];
    size_t cap = 1 << 16, ilen = 0, nexp = 0;
    char *input = malloc(cap);
    char expected[64][512];
    int section = 0, pass = 0, fail = 0, lineno = 0, caseline = 0, malformed = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        if (strlen(line) + 1 >= sizeof line || line[strlen(line) - 1] != '\n') {
            printf("MALFORMED %s:%d: line too long or without a final newline\n", path, lineno);
            malformed++;
            section = 0;
            continue;
        }
        if (section == 0 && (strcmp(line, "\n") == 0 || (line[0] == '#' && line[1] != '#'))) {
            continue;
        } else if (section == 0 && strncmp(line, "### ", 4) != 0) {
            printf("MALFORMED %s:%d: a line outside a case: %s", path, lineno, line);
            malformed++;
        } else if (section == 0) {
            snprintf(title, sizeof title, "%.500s", line + 4);
            title[strcspn(title, "\n")] = '\0';
            ilen = nexp = 0;
            section = 1;
            caseline = lineno;
        } else if (section == 1 && strcmp(line, "---\n") == 0) {
            section = 2;
        } else if (section == 1) {
            size_t n = strlen(line);
            if (ilen + n + 1 >= cap || strcmp(line, "===\n") == 0 || strncmp(line, "### ", 4) == 0) {
                printf("MALFORMED %s:%d: %s\n", path, lineno,
                       ilen + n + 1 >= cap ? "input too long" : "case has no --- line");
                malformed++;
                section = 0;
                continue;
            }
            memcpy(input + ilen, line, n);
            ilen += n;
        } else if (section == 2 && strcmp(line, "===\n") != 0) {
            line[strcspn(line, "\n")] = '\0';
            if (nexp >= 64 || strlen(line) >= sizeof expected[0] || !well_formed(line)) {
                printf("MALFORMED %s:%d: not TEXT | CUR VALUE[ | key=value…]: %s\n", path, lineno,
                       line);
                malformed++;
                section = 0;
                continue;
            }
            snprintf(expected[nexp], sizeof expected[nexp], "%s", line);
            nexp++;
        } else if (section == 2) {
            input[ilen] = '\0';
            run_result r = run(m, input);
            int ok = r.n == nexp;
            char got[512];
            for (size_t i = 0; i < r.n && i < nexp; i++) {
                describe(&r, i, got, sizeof got);
                ok &= strcmp(got, expected[i]) == 0;
            }
            if (ok) {
                pass++;
            } else {
                fail++;
                printf("FAIL %s:%d: %s\n", path, caseline, title);
                for (size_t i = 0; i < nexp; i++)
                    printf("  expected: %s\n", expected[i]);
                for (size_t i = 0; i < r.n; i++) {
                    describe(&r, i, got, sizeof got);
                    printf("  actual:   %s\n", got);
                }
            }
            run_free(&r);
            section = 0;
        }
    }
    fclose(f);
    free(input);
    belopp_matcher_free(m);
    if (section != 0) {
        printf("MALFORMED %s:%d: the last case has no === line\n", path, caseline);
        malformed++;
    }
    printf("cases: %d passed, %d failed, %d malformed blocks\n", pass, fail, malformed);
    if (pass + fail == 0)
        printf("FAIL %s: no case parsed\n", path);
    return fail || malformed || pass + fail == 0 ? 1 : 0;
}
