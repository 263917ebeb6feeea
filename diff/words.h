/* words.h — the words around a figure as a weighted bag of Swedish stems.
 *
 * Text is split into words (letters only: numbers, years and punctuation
 * are not topic words), lower-cased with utf8proc, stripped of function
 * words and money words (lexicon.c), and reduced to stems by the Snowball
 * Swedish stemmer: "förlossningsvården" and "Förlossningsvård" are one
 * term.  A vocabulary interns the stems and counts in how many facts each
 * occurs, so that rare words weigh more than common ones (idf). */
#ifndef BELOPP_DIFF_WORDS_H
#define BELOPP_DIFF_WORDS_H

#include <stddef.h>
#include <stdint.h>

typedef struct diff_vocab diff_vocab;

/* A vocabulary with its own stemmer (one per thread).  NULL when out of
 * memory or when the stemmer cannot be made. */
diff_vocab *diff_vocab_new(void);
void diff_vocab_free(diff_vocab *v);

typedef struct {
    uint32_t id;
    double w;
} diff_term;

/* A bag of terms, sorted by id, each id once. */
typedef struct {
    diff_term *t;
    size_t n, cap;
} diff_bag;

/* Adds the words of s[0..len) to bag with weight w (a term already in the
 * bag keeps the larger weight once the bag is finished).  Returns 0, or -1
 * when out of memory. */
int diff_bag_add_text(diff_vocab *v, diff_bag *bag, const char *s, size_t len, double w);

/* The same, each word weighted down by its distance from the figure: dir
 * 1 when the figure stands before s (the words after it), -1 when after s
 * (the words before it): w * 4 / (4 + words between). */
int diff_bag_add_near(diff_vocab *v, diff_bag *bag, const char *s, size_t len, double w, int dir);

/* Sorts the bag and merges repeated terms (largest weight). */
void diff_bag_finish(diff_bag *bag);

/* Counts each term of a finished bag once towards its document frequency. */
void diff_vocab_count(diff_vocab *v, const diff_bag *bag);

/* Multiplies each weight by the term's idf, ln((n + 1) / (df + 0.5)), where
 * n is the number of bags counted; returns the bag's Euclidean norm. */
double diff_bag_weigh(const diff_vocab *v, diff_bag *bag, size_t n);

/* The document frequency of a term. */
uint32_t diff_vocab_df(const diff_vocab *v, uint32_t id);

/* The dot product of two finished bags. */
double diff_bag_dot(const diff_bag *a, const diff_bag *b);

/* The weighted overlap of two finished bags: the sum over shared terms of
 * the smaller weight, over the smaller of the two bags' sums (0..1).  A
 * heading of three words that all recur in a long sentence overlaps fully. */
double diff_bag_overlap(const diff_bag *a, const diff_bag *b);

void diff_bag_free(diff_bag *bag);

/* The stem of a term (for debugging output). */
const char *diff_vocab_str(const diff_vocab *v, uint32_t id);

/* Is the lower-cased word w (len bytes) a function or money word? */
int diff_lexicon_stopword(const char *w, size_t len);

#endif
