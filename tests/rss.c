/* rss.c — run one command, report its peak memory and its times.
 *
 *   rss [-o FILE] [--] COMMAND [ARG...]
 *
 * Starts COMMAND (searched in PATH) with its standard output sent to FILE
 * (default /dev/null; standard input and error are inherited), waits for it
 * with wait4() and prints one line on standard output:
 *
 *   MAXRSS_KIB WALL_S USER_S SYS_S STATUS
 *
 * MAXRSS_KIB is the child's ru_maxrss (peak resident set, KiB), WALL_S the
 * elapsed time on CLOCK_MONOTONIC from just before the spawn to the return
 * of wait4(), STATUS the exit status (128+N when killed by signal N).
 * posix_spawn() is used rather than fork(): with glibc it shares the
 * parent's memory until exec, so this helper's own pages do not count in the
 * child's peak.  Exit status: 0 when the line was printed, 2 otherwise.
 */
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static double seconds(struct timeval tv) { return (double)tv.tv_sec + (double)tv.tv_usec / 1e6; }

int main(int argc, char **argv)
{
    const char *out = "/dev/null";
    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        }
        if (strcmp(argv[i], "-o") == 0 && i + 1 < argc) {
            out = argv[++i];
            continue;
        }
        fprintf(stderr, "usage: rss [-o FILE] [--] COMMAND [ARG...]\n");
        return 2;
    }
    if (i >= argc) {
        fprintf(stderr, "usage: rss [-o FILE] [--] COMMAND [ARG...]\n");
        return 2;
    }

    posix_spawn_file_actions_t fa;
    if (posix_spawn_file_actions_init(&fa) != 0 ||
        posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, out, O_WRONLY | O_CREAT | O_TRUNC,
                                         0644) != 0) {
        fprintf(stderr, "rss: cannot set up the output\n");
        return 2;
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    pid_t pid;
    int rc = posix_spawnp(&pid, argv[i], &fa, NULL, argv + i, environ);
    posix_spawn_file_actions_destroy(&fa);
    if (rc != 0) {
        fprintf(stderr, "rss: %s: %s\n", argv[i], strerror(rc));
        return 2;
    }
    int status;
    struct rusage ru;
    pid_t w;
    while ((w = wait4(pid, &status, 0, &ru)) < 0 && errno == EINTR)
        ;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    if (w < 0) {
        fprintf(stderr, "rss: wait4: %s\n", strerror(errno));
        return 2;
    }
    double wall = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    printf("%ld %.6f %.6f %.6f %d\n", ru.ru_maxrss, wall, seconds(ru.ru_utime),
           seconds(ru.ru_stime), code);
    return fflush(stdout) == 0 ? 0 : 2;
}
