/* lexicon.c — words that say nothing about what a sum of money is for.
 *
 * Two lists, kept sorted (bsearch):
 * - function words: the Snowball project's Swedish stop word list
 *   (snowballstem.org/algorithms/swedish/stop.txt), trimmed of words that do
 *   carry a topic in these texts ("till" and "för" introduce the recipient
 *   and purpose, but occur around almost every figure, so they stay out),
 *   plus verbs of giving that every sentence here uses (avsätts, satsar, får);
 * - money words: the units and scale words of belopp's own lexicon
 *   (normalize/amount.c), which every amount carries whatever it is for.
 * A word is looked up lower-cased, before stemming. */
#include <stdlib.h>
#include <string.h>

#include "words.h"

static const char *const stop[] = {
    "alla", "allt", "annat", "att", "av", "avsatt", "avsätta", "avsätter", "avsätts", "belopp",
    "beloppet", "bland", "blev", "bli", "blir", "blivit", "både", "ca", "cirka", "de", "dem",
    "den", "denna", "deras", "dess", "dessa", "dessutom", "det", "detta", "dig", "din", "dina",
    "ditt", "drygt", "du", "där", "därav", "då", "efter", "ej", "eller", "en", "enligt", "er",
    "era", "ert", "ett", "euro", "från", "får", "för", "genom", "ges", "gick", "gå", "går",
    "ha", "hade", "han", "hans", "har", "henne", "hennes", "hon", "honom", "hur", "här",
    "högst", "i", "icke", "inför", "ingen", "ingår", "inom", "inte", "jag", "ju", "kan",
    "knappt", "kr", "krona", "kronor", "kunde", "man", "mdkr", "med", "medel", "medlen",
    "mellan", "men", "mig", "miljard", "miljarder", "miljarderna", "miljon", "miljoner",
    "miljonerna", "min", "mina", "minst", "mitt", "mkr", "mot", "mycket", "möjligt", "ni", "nu",
    "när", "nästan", "någon", "något", "några", "och", "också", "om", "omkring", "oss",
    "pengar", "pengarna", "på", "redan", "runt", "samma", "samt", "sedan", "sek", "senare",
    "sent", "sig", "sin", "sina", "sitta", "själv", "ska", "skall", "skulle", "snart", "som",
    "så", "sådan", "sådana", "sådant", "tidigare", "tidigt", "till", "tkr", "tusen", "under",
    "upp", "ut", "utan", "utöver", "vad", "var", "vara", "varav", "varför", "varit", "varje",
    "vars", "vart", "vem", "vi", "vid", "vilka", "vilkas", "vilken", "vilket", "vår", "våra",
    "vårt", "ytterligare", "än", "är", "även", "åt", "öre", "över",
};

static int cmp(const void *k, const void *e)
{
    return strcmp((const char *)k, *(const char *const *)e);
}

int diff_lexicon_stopword(const char *w, size_t len)
{
    char buf[64];
    if (len >= sizeof buf)
        return 0;
    memcpy(buf, w, len);
    buf[len] = 0;
    return bsearch(buf, stop, sizeof stop / sizeof stop[0], sizeof stop[0], cmp) != NULL;
}
