/* sum_facts.c — the sum of the SEK facts of each file, exact to the öre.
 *
 * A user of the installed library, nothing more:
 *
 *   cc sum_facts.c $(pkg-config --cflags --libs belopp)
 *   ./a.out corpus/000_6558cce49af33d4a.txt
 *   corpus/000_6558cce49af33d4a.txt	19585000000.00	10 facts
 *
 * A document's facts are its records without has_repeats (a heading's
 * figure said again in the body counts once).  Ranges ("mellan 4 och 5
 * miljarder kronor") have no one value: they are skipped and counted
 * apart.  Other currencies are skipped too.  The sum is an int64 count of
 * öre added with __builtin_add_overflow: a sum that does not fit is said,
 * never wrapped.
 *
 * One line per file: FILE, TAB, kronor with two decimals, TAB, the count.
 * Exit status: 0; 1 if a file or an amount was left out or a sum
 * overflowed; 2 for usage or when the library cannot start.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <belopp.h>

typedef struct {
    int64_t ore;
    uint64_t facts, ranges;
    int overflow;
} total;

static int add_fact(void *user, const belopp_record *r)
{
    total *t = user;
    if (r->has_repeats || strcmp(r->currency, "SEK") != 0)
        return 0;
    if (r->is_range) {
        t->ranges++;
        return 0;
    }
    int64_t sum;
    if (__builtin_add_overflow(t->ore, r->value, &sum))
        t->overflow = 1; /* t->ore keeps the last sum that fitted */
    else
        t->ore = sum;
    t->facts++;
    return 0;
}

static int say_diag(void *user, const char *source, const belopp_diagnostic *d)
{
    (void)user;
    fprintf(stderr, "sum_facts: %s: %s%s\n", source,
            d->severity == BELOPP_WARNING ? "warning: " : "", d->message);
    return 0;
}

/* "-1234.05" for -123405 öre; INT64_MIN too (its magnitude fits a uint64). */
static void print_kronor(int64_t ore)
{
    uint64_t mag = ore < 0 ? 0 - (uint64_t)ore : (uint64_t)ore;
    printf("%s%" PRIu64 ".%02" PRIu64, ore < 0 ? "-" : "", mag / 100, mag % 100);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs("usage: sum_facts FILE...\n", stderr);
        return 2;
    }
    char err[256];
    belopp_extractor *x = belopp_extractor_new(NULL, err, sizeof err);
    if (!x) {
        fprintf(stderr, "sum_facts: %s\n", err);
        return 2;
    }
    int status = 0;
    for (int i = 1; i < argc; i++) {
        total t = {0, 0, 0, 0};
        belopp_sink sink = {.user = &t, .record = add_fact, .diagnostic = say_diag};
        if (belopp_extract_file(x, argv[i], &sink) != BELOPP_RESULT_OK)
            status = 1;
        if (t.overflow) {
            printf("%s\toverflow\tthe sum does not fit in 64 bits\n", argv[i]);
            status = 1;
            continue;
        }
        printf("%s\t", argv[i]);
        print_kronor(t.ore);
        printf("\t%" PRIu64 " facts", t.facts);
        if (t.ranges)
            printf(", %" PRIu64 " ranges skipped", t.ranges);
        putchar('\n');
    }
    belopp_extractor_free(x);
    if (fflush(stdout) != 0 || ferror(stdout))
        status = 2;
    return status;
}
