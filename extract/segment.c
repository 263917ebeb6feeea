/* segment.c — sentences and table blocks.
 *
 * Design note: the facts about press texts this relies on.
 * - Paragraphs are separated by blank lines; a blank line may hold a lone
 *   no-break space ("Län\u00A0").
 * - A line break ends a sentence unless the next line goes on in lower case
 *   (text converted from PDF: "4,1\nmiljarder kronor").  Headings and list
 *   items are lines of their own: "3,2 miljarder till utveckling av den nära
 *   vården".
 * - A sentence ends at . ! ? followed by space and a capital, a digit or a
 *   dash, except after abbreviations ("ca.", "bl.a.", "milj.").
 * - A table is a header naming the unit, then rows "label value…".  The
 *   unit stands alone ("Miljoner kronor", "(tkr)", "MSEK"), closes a caption
 *   ("Tabell 2. Kostnad per region (tkr)", "…, miljoner kronor", "Fördelning
 *   2025 i kronor"), is a cell of the title row ("Region<TAB>Miljoner
 *   kronor", "MSEK<TAB>2024") or leads titles written with single spaces
 *   ("MSEK 2024 2023 2022", "Resultatbudget, tkr Utfall 2023 Budget 2024").
 *   The line above a header is its caption; a caption ending in the unit is
 *   its own.  A blank line may stand between such a caption and the titles.
 * - Titles (years, words, "Budget 2024") follow the header, one line or two
 *   ("Stats-" over "budget", "Utfall" over "2024", right-aligned).  A title
 *   row of years is never a row of money ("Län 2023 2024").
 * - A row's values are the run of numbers at the end of its line; the label
 *   before them may hold digits ("Utgiftsområde 9 Hälsovård").  HTML rows
 *   come as tab-separated lines; plain text separates columns by a tab, two
 *   spaces or one.  With single spaces the cells are found from the digit
 *   groups: a group of fewer than three digits starts a number, a sign or a
 *   decimal part bounds one ("Finansnetto 3 110 1 500 1 500 1 500 -800" is
 *   five cells), and where that leaves a choice ("512 310 540 118 561 002
 *   590 440 610 975" under five years), the split that fits the column count
 *   and the usual size of each column wins; a row with no clear split is
 *   left out, never joined into one number.
 * - Cells: "-1 204", "−2,6", "0", "–"/"-"/".." (no value), footnote marks
 *   ("Summa utgifter¹", "Intäkter 2)", "1 204*"), "2 111 (1 900)" (last
 *   year's figure in parentheses).  A lone "1" before the values is a
 *   footnote mark when the column count proves it.
 * - A table copied from a web page or a PDF may have one cell a line: the
 *   header cells, then each label with its values, often with blank lines.
 * - Rows and columns of counts and shares ("Antal anställda", "Andel (%)",
 *   "Soliditet (%)", "Förändring %") are not money; a row or column with a
 *   unit of its own ("Resultat per anställd, kkr") overrides the table's.
 * - Totals ("Totalt", "Summa …", "Sammanlagt", "Samtliga") and difference
 *   columns ("Avvikelse") are checked with exact integers.
 * - Values above 10^13 kronor in a cell (more than Sweden's GDP) mean a
 *   wrong split: the row is left out.
 * - Real pages add: Markdown pipe tables ("| Primärvård | 47 610 |" and a
 *   "|---|" rule; a bar is a cell gap); titles stacked one a line from a PDF
 *   ("(mnkr) Bokslut" / "2023" / "Budget" / "2024"); dates as titles
 *   ("12/31/2021"); a note column ("NOT": a small number one space after
 *   the label); the unit glued to a caption ("ResultaträkningTKR"), after
 *   a price basis ("Miljoner kronor, löpande priser"), or only in the row
 *   labels ("Nettoomsättning, MSEK" under "Nyckeltal 2024 2023"); a sign
 *   written apart ("– 1 930 976"); one cell a line with no header cells.
 * - And more of them: the unit only in the paragraph above ("Belopp anges
 *   i miljoner kronor i löpande priser.") over titles stacked with blank
 *   lines ("Bokslut" / "2020 Budget" / …); a statistics database's unit
 *   line ("miljoner kronor efter region, år och …") over years written
 *   together ("2019202020192020"); a unit leading titles not read ("MSEK I
 *   II III IV I 1 kv 06 /1 kv 05"): the rows that split one way only give
 *   the columns; stacked titles with a note column and two titles on one
 *   line ("Avvikelse Koncern" over "2019"); signs apart in the whole table
 *   once one row needs it; sections of two lines of words inside a table;
 *   one cell a line with empty cells as lines of spaces, a note column,
 *   sections naming a unit or counts, rows short of cells placed (and
 *   "202.000" read) by the total's sums, the last two columns on one line
 *   ("12 151 16 841"), the first value on the label's line; tables
 *   flattened into a paragraph ("Tillskott, mdkr 2017 … 2021 Kr/inv. 3 3
 *   5 7 10 …").
 * - Pages of other publishers add: years glued to their titles or written
 *   as periods ("(tkr) Utfall2013 Förändring 2012/2013 Budget 2013"); a
 *   sign apart before a percent ("– 4,0 %"); a unit with where it does not
 *   hold ("MSEK, förutom uppgifter per aktie", "Mkr om inte annat anges");
 *   a remark in parentheses between the unit and the titles; a label on a
 *   line of its own with its values on the next; a number never starts
 *   with "0" and more digits ("1 022" is no note 1 and 022); one cell a
 *   line with an empty column after the note column (titled " "), lines
 *   of spaces standing for several empty cells ("   " two), glued notes
 *   ("K11K34"), a dash line as a cell with no value; titles of years only
 *   with no stub ("  2022 2021 2020") over rows naming the unit; a
 *   multiple ("2,5x") is no money, as a percent is not.
 * - And more again: key figures set apart with their labels, each pair
 *   between blank lines ("58 645" / "Orderingång, MSEK"); a pipe row's cell
 *   is one number ("| 13 133 | |"), the cells it lacks its last; titles
 *   that each end in the unit ("1 vecka, kr 4 veckor, kr"); a month and a
 *   year closing a stacked title ("Utfall" / "sep 2017"); row labels of
 *   clock times ("6:00–6:29") or going on with a count ("Tilläggsbidrag" /
 *   "1 barn"); "därav" on a line of its own over parts of the row above;
 *   where the rows' fewest cells would join two figures into one of nine
 *   digits beside figures of five, the rows are left out.
 * - Fresh pages show the table stage must degrade, not drop a block: titles
 *   not understood under a clear unit (stacked one piece a line, "2019" /
 *   "apr-jun" / "Rullande" / "12 mån"; wrapped; a line of column codes "U I
 *   U I") are skipped and the columns come from the rows' shape; a row short
 *   of cells with a wide gap for its empty ones ("Projektledare     -700
 *   -700 -700") fills the last columns when it splits one way only, else it
 *   alone is left out; a section may hold a number in parentheses
 *   ("Avkastningsmått (rullande 12 månader)"); a row "per aktie" with no
 *   unit of its own is not in the table's millions; a footnote line ("* …")
 *   is no row.  One cell a line: group titles over "Not" and the years
 *   ("Koncernen" / "Kommunen") are left off, the header cells end at the
 *   last year (sections may follow at once), and a row with no note has
 *   its first value in the first value column.  A unit word leading titles
 *   not understood ("mnkr Intäkter 2020Intäkter 2021…") is a unit line; one
 *   cell a line under it with no header cells, each label and its values.
 * - Statements of a group beside its parent: the unit line names the column
 *   groups ("(tkr) Koncernen Moderbolaget", "Miljoner kronor Kommunen
 *   Koncernen", "Löpande prisnivå, mkr KOMMUNEN KONCERNEN") over the titles
 *   ("NOT 2021 2020 2021 2020"); each group may have its own note column
 *   ("Not 12/31/2017 12/31/2016 Not 12/31/2017 12/31/2016"), and where the
 *   cells have decimals a second note is told from a value ("507,7 8 1
 *   444,8": note 8), a wide gap standing for an empty one.  Empty cells are
 *   not printed, so under a note column "Investeringsinkomster 22 112 33
 *   112 33" is five values or a note and four: such a row is left out.
 *   Blank lines, lines of spaces and sections stand between the titles and
 *   the first row and between a section and its rows.  The unit as a phrase
 *   ("Belopp angivna i tkr", "belopp i tusental kronor"), over column titles
 *   written as dated sentences ("Riksdagens beslut juni 2015.").  Titles in
 *   two languages, each with its note column ("MSEK Note 2019 2018" over
 *   "Mkr Not 2019 2018"): the rows write the note twice ("4,5 4,5"; but
 *   "0 0" alone is two values).  A lead-in ending in ':' ("Årets resultat
 *   hänförligt till:") is a section.
 * - A small first number under a note column is a note, unless read as a
 *   value it leaves the row's cells alike in size where as a note it does
 *   not ("Resultat efter finansiella poster 18 506 19 239": the same item a
 *   year apart); by one digit only, the row is left out.  A section's sum
 *   may stand on a line of values only ("Rörelsens intäkter" / rows /
 *   "128 975 120 724"): labelled by the section; one that fills no column
 *   is a piece of a wrapped row ("90 131" / "89 785"), left out.  Quarters as titles ("Q2
 *   2023"); a price per unit of measure in a label ("(kr/kvm)").
 * - One cell a line from a PDF may have a line of spaces between every two
 *   cells of a row ("Förvaltningsfastigheter" / " " / "Not 13, 23" / " " /
 *   "103 042" / " " / "95 168"), under the unit alone ("mkr"), an empty
 *   first title over the notes, and dates as titles ("31 dec 2020",
 *   "2020-12-31", "31/12 2020").
 * - One cell a line copied from a web page with an empty line after every
 *   cell: a cell the page wrapped comes as two or three lines with no empty
 *   line between ("Kommunen" / "2019" as a title; a label over two lines),
 *   and a row may carry more empty cells than the header has titles (" " /
 *   "6" / " " / " " / "333 894" / " " / "301 524" / …): a note, then one
 *   value a year column, is placed; any other count is not.  With no empty
 *   lines at all, a page that formats every number writes its year titles
 *   so too ("2011" / "2 012"), and a budget's areas carry their number
 *   ("1 Rikets styrelse"): no value.
 * - Small associations' accounts group thousands by dots and may write the
 *   öre after a dot too ("155.974.54" is 155 974,54 kr): a final group of
 *   two digits after dotted thousands.  "4.5", "250.00" and "2016.12.31" are
 *   no such numbers.
 * - Municipal statements from PDF wrap their rows: the label alone on a
 *   line, the values on the next ("Verksamhetens intäkter" / "3 270,6 281,9
 *   …", the 3 a note there too; "Not 2 132 371 …", the word naming it),
 *   the label over two lines ("Förutbetalda kostnader och" / "upplupna
 *   intäkter" / values), one row one cell a line, and such rows start
 *   the table under stacked titles ("Utfall" / "2019-12-31") and go on
 *   after blank lines (two of them, or lines of spaces).  Words on the
 *   unit line over stacked titles name column groups ("(tkr) Kommunen
 *   Sammanställd redovisning").  A table that writes one sign apart
 *   writes all so ("– 1,6 – 9,2 0,0" is three cells).  Notes: "Not 3"
 *   inside a label, "4,5" (two notes), a section's note on a line of its
 *   own ("Eget kapital" / "19"); a statement numbers them in order down
 *   the page, so under note 13 "Summa 3 589,0" is no note 3.  A year ends
 *   a label after "före", "från och med" ("intjänade före 1998 635,4").
 *   "varav" rows are parts of the row above, no terms of a sum, and a
 *   grand total ("SUMMA TILLGÅNGAR") closes one side of a balance sheet.
 *   A page may lose the space between label and value ("Revision431",
 *   "totalt6 940"): read so where two lines or more show it; elsewhere
 *   such a row is left out rather than read as 940.
 * - Key figures may keep a row in billions under a header in millions
 *   ("MSEK 2017 2018" over "Nettoomsättning (mdr) 8,5 9,1"): a scale word
 *   alone closing a label, in parentheses or after a comma, is the row's
 *   scale in the table's currency.
 * - A cash-flow statement from a PDF: "Belopp i mnkr Not Kommun" over the
 *   rest of the titles one a line, a section with a line of spaces under
 *   it before the first row, signs apart ("– 83"), empty cells unprinted.
 *   In such a table "2 – 1 2" under four columns may hold an empty cell
 *   written "–" or an unprinted one and the sign of 1: the row is left out.
 * - A budget from a PDF wraps rows after a blank line: the label alone,
 *   its values on the next line, the note first there ("Skatteintäkter" /
 *   "3 922,7 951,2 995,3": note 3).  With no place to tell a note by, the
 *   sizes alone decide ("1 792 1 504 2 355" is no note 1), a tie leaves the
 *   row out.  Lines of spaces run together where the page had a gap, and a
 *   long heading under them may go on with the same columns.
 * - Cash-flow statements of a city wrap rows after a section and after two
 *   blank lines alike ("INVESTERINGSVERKSAMHETEN" / "Investering i …" /
 *   "0 0 -18 -23"), write a row of no values as "- - - -", and may put a
 *   reference in the note column ("Årets resultat BR 1 792 1 504"): the
 *   first number is then a value.  A section naming a unit ("Bidrag till
 *   föreningar, tkr") always heads a table of its own.
 * - An association's statement puts its titles over the unit
 *   ("RESULTATRÄKNING  Noter  2024  2023" / "   " / "Belopp i tkr"), names
 *   the note column after the stub ("Noter": no money) and writes the
 *   notes as words before the values ("Gåvor  Not 4 41 253 39 811",
 *   "Programkostnader  Not 5 Not 6 -61 927"); the label is "Gåvor".
 * - A statement copied from a web page may keep the "Not" title with no
 *   note in any row ("MSEK Not 2013-03-31 2012-03-31" over "Finansiella
 *   tillgångar 10 11"): where no row needs a note or is more alike with
 *   one, and rows start with numbers no note can be ("166", "-68"), the
 *   note column is empty.
 * - Under a note column a section may carry its notes ("Eget kapital,
 *   avsättningar och skulder 10, 21"): a section, no row.  A total of the
 *   totals before it ("Summa tillgångar") closes them; the balance's other
 *   side ("Summa eget kapital och skulder") sums the totals after it.
 * - Each title may stand stacked with the unit ("2012" / "MSEK" / "2013" /
 *   "MSEK"): the years are the titles, the unit line the header.
 * - A statistics database's table copied without any separator: the titles
 *   run together ("OmrådeTotaltSkolaVård…"), each label glued to its cells
 *   and the cells to each other ("Statsbidrag5 812 4302 104 377…"), under a
 *   caption naming the unit with a paragraph between.  Only the total
 *   column tells the cells apart: glued_table, with glued.c.
 * - Municipal fee lists (taxor) are prices in kronor, the currency named in
 *   a caption or a column heading with no scale ("Grundavgift (per år i
 *   kronor)", "Förenings-taxa kr/tim.", "Total kostnad kr/år", "(kr)" over
 *   "Notering"), and write them in four ways: rows of prices with no
 *   thousands space under "Inkl moms Exkl moms" ("Kärl 190 2068,75 1655
 *   2,25 1,80"; price_table); a price example whose total heads parts one
 *   heading a line ("Varav fast avgift"), its values thousands-spaced with
 *   single spaces between cells, told apart by the sum (sum_price_table);
 *   one price column before a note column ("… vecka 676 10 hämtningar";
 *   noted_price_table); a tariff list one cell a line under codes ("001";
 *   tariff_table).  Sizes and volumes in the labels ("Kärl 190 liter",
 *   "Konstgräs 11", "15 000 kWh"), tariff codes, counts and the VAT rate
 *   are no prices.
 */
#include "segment.h"

#include <limits.h>
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <utf8proc.h>

#include "../normalize/amount.h"
#include "glued.h"
#include "grow.h"

#define MAX_ROW_BYTES 300

struct belopp_segments {
    belopp_span *sent;
    size_t nsent, capsent;
    belopp_row *rows;
    size_t nrows, caprows;
    belopp_table *tables;
    size_t ntables, captables;
    belopp_cell *cells;
    size_t ncells, capcells;
    const char *text; /* the working text (column names are read from it) */
    unsigned long vtries; /* ways tried by settle_by_sums in this text */
    unsigned long gtries; /* ways tried by belopp_glued_split in this text */
    /* Working buffers kept for belopp_segment_again: the lines, and the text
     * with the bars of pipe rows turned into tabs. */
    struct line *lines;
    size_t caplines;
    char *pipes;
    size_t cappipes;
};

#define PUSH_OR(arr, n, cap, item, fail)                                              \
    do {                                                                              \
        void *p_ = (arr);                                                             \
        if (belopp_grow(&p_, &(cap), (n) + 1, sizeof *(arr)) < 0)                     \
            fail;                                                                     \
        (arr) = p_;                                                                   \
        (arr)[(n)++] = (item);                                                        \
    } while (0)
#define PUSH(arr, n, cap, item) PUSH_OR(arr, n, cap, item, return -1)

/* Length of the space character that ends just before b, or 0.  (Inlined:
 * table_row and belopp_trim ask it at every byte they walk back over.) */
static inline __attribute__((always_inline)) size_t space_before(const char *s, size_t a, size_t b)
{
    if (b > a) {
        unsigned char c = (unsigned char)s[b - 1];
        if (c == ' ' || c == '\t' || c == '\r')
            return 1;
        if (b - a >= 2 && c == 0xA0 && (unsigned char)s[b - 2] == 0xC2)
            return 2;
        if (b - a >= 3 && (c == 0xAF || c == 0x89) && (unsigned char)s[b - 2] == 0x80 &&
            (unsigned char)s[b - 3] == 0xE2)
            return 3;
    }
    return 0;
}

belopp_span belopp_trim(const char *s, size_t a, size_t b)
{
    size_t n;
    while (a < b && (n = belopp_space_at(s, a, b)) > 0)
        a += n;
    while (b > a && (n = space_before(s, a, b)) > 0)
        b -= n;
    return (belopp_span){a, b};
}

static utf8proc_category_t category_at(const char *s, size_t i, size_t end)
{
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                          (utf8proc_ssize_t)(end - i), &cp);
    return n > 0 ? utf8proc_category(cp) : UTF8PROC_CATEGORY_CN;
}

int belopp_letter_beyond_ascii(const char *s, size_t i, size_t end)
{
    /* Latin-1's letters (U+00C0 to U+00FF but × and ÷), "åäöé" of most
     * words that are not ASCII, without utf8proc */
    const unsigned char *u = (const unsigned char *)s;
    if (u[i] == 0xC3 && i + 1 < end && u[i + 1] >= 0x80 && u[i + 1] <= 0xBF)
        return u[i + 1] != 0x97 && u[i + 1] != 0xB7;
    utf8proc_category_t cat = category_at(s, i, end);
    return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
}

size_t belopp_skip_spaces(const char *s, size_t i, size_t end)
{
    size_t n;
    while (i < end && (n = belopp_space_at(s, i, end)) > 0)
        i += n;
    return i;
}

size_t belopp_word_end(const char *s, size_t i, size_t end)
{
    while (i < end && belopp_letter_at(s, i, end)) {
        i++;
        while (i < end && ((unsigned char)s[i] & 0xC0) == 0x80)
            i++;
    }
    return i;
}

/* --- units in headers --------------------------------------------------- */

typedef struct {
    int exp10;
    const char *currency;
    belopp_span words; /* where the unit is named */
} unit_info;

static int has_other_digits(const char *s, size_t a, size_t b);
static int has_word(const char *s, belopp_span sp, const char *const *words);
static int count_title(const char *s, belopp_span t);

/* The least e (below limit) such that a unit looks up as s[p, e), e the
 * end of the word at p (before b) or a comma or ")" in it, or one before a
 * comma; SIZE_MAX if there is none.  unit_header reads no unit whose first
 * word is not so. */
static size_t unit_word_at(const char *s, size_t p, size_t b, size_t limit)
{
    if (s[p] >= '0' && s[p] <= '9')
        return SIZE_MAX; /* no unit starts with a digit */
    if (p >= b || belopp_space_at(s, p, b))
        return SIZE_MAX; /* the word is empty */
    if (!belopp_unit_may_start(s + p, b - p))
        return SIZE_MAX; /* no unit starts with its first two bytes: most words */
    /* one pass to the word's end (b or a space), asking at each comma or
     * ")" on the way and at the end */
    for (size_t e = p + 1; e < limit; e++) {
        unsigned char c = e < b ? (unsigned char)s[e] : ' ';
        int end = e >= b || ((c == ' ' || c == '\t' || c == '\r' || c == 0xC2 || c == 0xE2) &&
                             belopp_space_at(s, e, b));
        if (!end && c != ',' && c != ')')
            continue;
        if (belopp_unit_lookup(s + p, e - p) ||
            (e - 1 > p && s[e - 1] == ',' && belopp_unit_lookup(s + p, e - 1 - p)))
            return e;
        if (end)
            break;
    }
    return SIZE_MAX;
}

/* Does s[a, b) say where the unit before it does not hold: ", förutom
 * uppgifter per aktie", " om inte annat anges", "(där inget annat anges)"?
 * Words only, no digit. */
static int unit_exception(const char *s, size_t a, size_t b)
{
    static const char *const EXCEPT[] = {"om inte annat ", "om ej annat ", "om inget annat ",
                                         "d\xC3\xA4r inte annat ", "d\xC3\xA4r ej annat ",
                                         "d\xC3\xA4r inget annat ", "s\xC3\xA5vida inte annat ",
                                         "f\xC3\xB6rutom ", "utom ", NULL};
    belopp_span t = belopp_trim(s, a, b);
    a = t.start;
    b = t.end;
    if (a < b && (s[a] == ',' || s[a] == '(')) {
        if (s[a] == '(' && s[b - 1] != ')')
            return 0;
        a = belopp_trim(s, a + 1, b).start;
    }
    if (b - a > 60)
        return 0;
    for (size_t i = a; i < b; i++)
        if (s[i] >= '0' && s[i] <= '9')
            return 0;
    for (const char *const *w = EXCEPT; *w; w++) {
        size_t n = strlen(*w);
        if (n < b - a && strncasecmp(s + a, *w, n) == 0)
            return 1;
    }
    return 0;
}

/* The end of an exception that opens s[a, b) with the word after it, "om
 * ej annat anges" (also ", om inte annat anges", "(om inget annat
 * sägs)"), or a when there is none. */
static size_t exception_words_end(const char *s, size_t a, size_t b)
{
    static const char *const OPEN[] = {"om inte annat ", "om ej annat ", "om inget annat ", NULL};
    size_t i = a;
    int paren = 0;
    if (i < b && (s[i] == ',' || s[i] == '(')) {
        paren = s[i] == '(';
        i = belopp_skip_spaces(s, i + 1, b);
    }
    for (const char *const *w = OPEN; *w; w++) {
        size_t n = strlen(*w);
        if (b - i > n && strncasecmp(s + i, *w, n) == 0) {
            size_t e = belopp_word_end(s, i + n, b);
            if (e == i + n)
                return a;
            if (paren) {
                if (e >= b || s[e] != ')')
                    return a;
                e++;
            } else if (e < b && s[e] == ',') {
                e++;
            }
            return e;
        }
    }
    return a;
}

/* The power of ten that word w names after a currency code, as reports in
 * English style abbreviate the scale ("SEK m", "SEK M", "SEK mn", "SEK
 * '000", "EUR k", "SEK bn"), or 0 when it names none.  A code followed by
 * one of these is never the currency alone: "SEK m" over "4,1" is 4,1
 * million kronor, not 4,10 kronor. */
static int code_scale(const char *s, belopp_span w)
{
    static const struct {
        const char *w;
        int e;
    } ABBR[] = {{"m", 6},   {"mn", 6},   {"mln", 6},   {"mio", 6},  {"k", 3},
                {"000", 3}, {"'000", 3}, {"\xE2\x80\x99" "000", 3}, {"t", 3}, {"tn", 3},
                {"000s", 3}, {"thousands", 3}, {"thousand", 3}, {"bn", 9}, {"b", 9}};
    size_t n = w.end - w.start;
    if (n && s[w.end - 1] == '.')
        n--; /* "SEK m." */
    for (size_t i = 0; i < sizeof ABBR / sizeof ABBR[0]; i++)
        if (strlen(ABBR[i].w) == n && strncasecmp(s + w.start, ABBR[i].w, n) == 0)
            return ABBR[i].e;
    return 0;
}

/* Is s[a, b) (trimmed) a unit and nothing else?  "Miljoner kronor",
 * "Belopp i miljoner kronor", "(tkr)", "Tkr", "MSEK". */
static int unit_header(const char *s, size_t a, size_t b, unit_info *u)
{
    belopp_span t = belopp_trim(s, a, b);
    a = t.start;
    b = t.end;
    if (b - a >= 2 && s[a] == '(' && s[b - 1] == ')') {
        belopp_span in = belopp_trim(s, a + 1, b - 1);
        a = in.start;
        b = in.end;
    }
    /* the unit as a phrase: "Belopp i tkr", "Belopp angivna i tkr", "Alla
     * belopp anges i miljoner kronor", "belopp i tusental kronor" */
    static const char *const PHRASE[] = {"belopp i ", "belopp angivna i ", "belopp anges i ",
                                         "belopp redovisas i ", "belopp uttryckta i ",
                                         "alla belopp i ", "alla belopp anges i ",
                                         "alla belopp \xC3\xA4r i ", NULL};
    if ((s[a] | 0x20) == 'b' || (s[a] | 0x20) == 'a') /* (most lines start otherwise) */
        for (const char *const *p = PHRASE; *p; p++) {
            size_t pn = strlen(*p);
            if (b - a > pn && strncasecmp(s + a, *p, pn) == 0) {
                a += pn;
                break;
            }
        }
    /* "tusental kronor", "1000-tal kr", "1 000-tals kronor": thousands of
     * kronor, in a header only */
    static const char *const THOUSANDS[] = {"tusental ", "tusentals ", "1000-tal ", "1000-tals ",
                                            "1 000-tal ", "1 000-tals ", NULL};
    int tusental = 0;
    size_t a0 = a;
    if ((s[a] | 0x20) == 't' || s[a] == '1')
        for (const char *const *w = THOUSANDS; *w; w++) {
            size_t n = strlen(*w);
            if (b - a > n && strncasecmp(s + a, *w, n) == 0) {
                tusental = 1;
                a += n;
                break;
            }
        }
    if (a >= b || unit_word_at(s, a, b, SIZE_MAX) == SIZE_MAX)
        return 0; /* the first word is no unit (nor starts with one) */
    /* "Miljoner kronor, löpande priser", "Tkr i fasta priser": the price
     * basis after the unit */
    static const char *const PRICES[] = {"priser", "prisniv", NULL};
    for (size_t i = b; i > a + 3; i--)
        if (s[i - 1] == ',' || (s[i - 1] == ' ' && s[i - 2] == 'i' && s[i - 3] == ' ')) {
            belopp_span rest = belopp_trim(s, i, b);
            if (has_word(s, rest, PRICES) && !has_other_digits(s, rest.start, rest.end)) {
                belopp_span unit = belopp_trim(s, a, s[i - 1] == ',' ? i - 1 : i - 3);
                a = unit.start;
                b = unit.end;
            }
            break;
        }
    if (a >= b)
        return 0;
    size_t mid = a;
    while (mid < b && !belopp_space_at(s, mid, b))
        mid++;
    size_t u1 = mid;
    if (mid > a && s[mid - 1] == ',')
        u1--; /* "MSEK, förutom uppgifter per aktie" */
    const belopp_unit *first = belopp_unit_lookup(s + a, u1 - a);
    if (!first)
        return 0;
    if (mid < b && first->kind == BELOPP_UNIT_CURRENCY && unit_exception(s, u1, b))
        mid = b = u1; /* the unit, then where it does not hold */
    if (tusental && (mid != b || first->kind != BELOPP_UNIT_CURRENCY || first->exp10))
        return 0; /* "tusental kronor", not "tusental tkr" */
    if (mid == b) {
        if (first->kind != BELOPP_UNIT_CURRENCY)
            return 0;
        u->exp10 = first->exp10 + 3 * tusental;
        u->currency = first->currency;
        u->words = (belopp_span){a0, b};
        return 1;
    }
    belopp_span rest = belopp_trim(s, mid, b);
    if (first->kind == BELOPP_UNIT_SCALE) {
        size_t m2 = rest.start;
        while (m2 < rest.end && !belopp_space_at(s, m2, rest.end))
            m2++;
        size_t u2 = m2 > rest.start && s[m2 - 1] == ',' ? m2 - 1 : m2;
        if (m2 < rest.end && unit_exception(s, u2, rest.end))
            rest.end = b = u2; /* "Miljoner kronor om inte annat anges" */
    }
    const belopp_unit *second = belopp_unit_lookup(s + rest.start, rest.end - rest.start);
    if (first->kind == BELOPP_UNIT_CURRENCY && !first->exp10 && (first->flags & BELOPP_LEX_PREFIX) &&
        second && second->kind == BELOPP_UNIT_SCALE && second->exp10 > 0) {
        /* a currency code, then the scale in words: "SEK millions", "EUR
         * miljoner", as key figures written in English style name it */
        u->exp10 = second->exp10;
        u->currency = first->currency;
        u->words = (belopp_span){a, b};
        return 1;
    }
    int e3 = code_scale(s, rest);
    if (first->kind == BELOPP_UNIT_CURRENCY && !first->exp10 && (first->flags & BELOPP_LEX_PREFIX) &&
        e3 > 0) {
        /* "SEK m", "SEK '000", "EUR k": a code, then the scale as reports in
         * English style abbreviate it */
        u->exp10 = e3;
        u->currency = first->currency;
        u->words = (belopp_span){a, b};
        return 1;
    }
    if (first->kind != BELOPP_UNIT_SCALE || !second || second->kind != BELOPP_UNIT_CURRENCY)
        return 0;
    u->exp10 = first->exp10 + second->exp10;
    u->currency = second->currency;
    u->words = (belopp_span){a, b};
    return 1;
}

/* Does s[a, b) end in a unit: "… (tkr)", "…, miljoner kronor",
 * "Fördelning 2025 i kronor"?  The caption forms. */
static int unit_tail(const char *s, size_t a, size_t b, unit_info *u)
{
    belopp_span t = belopp_trim(s, a, b);
    a = t.start;
    b = t.end;
    if (b - a > 3 && (s[b - 1] == '.' || s[b - 1] == ':') && s[b - 2] == ')')
        b--; /* "… (belopp i tusen kronor)." */
    if (b - a > 2 && s[b - 1] == ')') {
        size_t open = b - 1;
        while (open > a && s[open] != '(')
            open--;
        if (s[open] == '(' && unit_header(s, open, b, u))
            return 1;
    }
    for (size_t comma = b; comma > a; comma--)
        if (s[comma - 1] == ',') {
            if (unit_header(s, comma, b, u))
                return 1;
            break;
        }
    /* "Regionernas investeringar 2023. Kronor": the unit a sentence of its
     * own after the caption's full stop (the last ". " of the line) */
    for (size_t i = b; i > a + 2; i--)
        if (s[i - 1] == ' ' && s[i - 2] == '.') {
            if (b - i <= 40 && unit_header(s, i, b, u))
                return 1;
            break;
        }
    /* "… investeringar 2013-2023 Kronor": a capitalised unit right after
     * the caption's years, as a page's title and unit cells run on */
    for (size_t i = b; i > a + 5; i--)
        if (s[i - 1] == ' ' && s[i] >= 'A' && s[i] <= 'Z' && s[i - 2] >= '0' && s[i - 2] <= '9') {
            size_t y = i - 1;
            while (y > a && s[y - 1] >= '0' && s[y - 1] <= '9')
                y--;
            if (b - i <= 40 && belopp_is_year(s, (belopp_span){y, i - 1}) && unit_header(s, i, b, u))
                return 1;
            break;
        }
    /* " i kronor", " i miljoner kronor": the last " i " of the line */
    for (size_t i = b; i > a + 2; i--)
        if (s[i - 1] == ' ' && s[i - 2] == 'i' && s[i - 3] == ' ')
            return unit_header(s, i, b, u);
    /* "Löpande priser miljoner kronor": a scale and a currency close a
     * caption of words (no number in it but years) */
    size_t w2 = b, words = 0;
    while (w2 > a && words < 2) {
        while (w2 > a && !belopp_space_at(s, w2 - 1, b))
            w2--;
        if (++words < 2)
            while (w2 > a && belopp_space_at(s, w2 - 1, b))
                w2--;
    }
    if (w2 > a && unit_header(s, w2, b, u) && u->words.end - u->words.start > 0) {
        size_t sp = u->words.start;
        while (sp < u->words.end && !belopp_space_at(s, sp, b))
            sp++;
        if (sp < u->words.end) { /* two words: a scale and a currency */
            for (size_t i = a; i < w2; i++)
                if (s[i] >= '0' && s[i] <= '9')
                    return has_other_digits(s, a, w2) ? 0 : 1;
            return 1;
        }
    }
    return 0;
}

/* A stub that names the unit in two forms unit_header and unit_tail do
 * not read, kept apart from them since they also read row labels and
 * prose: "Belopp mkr" (the phrase without its "i") and "RESULTATRÄKNING
 * I MSEK" (a caption in capitals, its "i" a capital too).  The capital
 * "I" counts only when no letter of the stub is lower case, so a Roman
 * numeral in a caption of words ("Kvartal I MSEK") is not read as "i".
 * Header lines only: the stub of a title line or a caption. */
static int stub_unit(const char *s, size_t a, size_t b, unit_info *u)
{
    belopp_span t = belopp_trim(s, a, b);
    a = t.start;
    b = t.end;
    if (b - a > 7 && strncasecmp(s + a, "belopp ", 7) == 0)
        return unit_header(s, a + 7, b, u);
    size_t i = b;
    while (i > a + 2 && !(s[i - 1] == ' ' && s[i - 2] == 'I' && s[i - 3] == ' '))
        i--;
    if (i <= a + 2)
        return 0;
    for (size_t p = a; p < i; p++) {
        unsigned char c = (unsigned char)s[p];
        if (c >= 'a' && c <= 'z')
            return 0;
        if (c >= 0xC0 && category_at(s, p, i) == UTF8PROC_CATEGORY_LL)
            return 0;
    }
    return unit_header(s, i, b, u);
}

/* --- cells of a line ---------------------------------------------------- */

/* Splits s[a, b) into cells at tabs and runs of two or more spaces.
 * Returns the number of cells (at most max). */
static size_t split_cells(const char *s, size_t a, size_t b, belopp_span *cells, size_t max)
{
    size_t n = 0, start = a, i = a;
    while (i < b) {
        unsigned char c0 = (unsigned char)s[i];
        if (c0 != ' ' && c0 != '\t' && c0 != '\r' && c0 != 0xC2 && c0 != 0xE2) {
            i++; /* no space starts here (belopp_space_at): most bytes */
            continue;
        }
        size_t run = i, spaces = 0, sp, tab = 0;
        while (run < b && (sp = belopp_space_at(s, run, b)) > 0) {
            tab |= s[run] == '\t';
            run += sp;
            spaces++;
        }
        if (spaces && (tab || spaces >= 2)) {
            belopp_span c = belopp_trim(s, start, i);
            if (c.start < c.end && n < max)
                cells[n++] = c;
            start = run;
        }
        i = spaces ? run : i + 1;
    }
    belopp_span c = belopp_trim(s, start, b);
    if (c.start < c.end && n < max)
        cells[n++] = c;
    return n;
}

int belopp_is_year(const char *s, belopp_span c)
{
    return c.end - c.start == 4 && (memcmp(s + c.start, "19", 2) == 0 || memcmp(s + c.start, "20", 2) == 0) &&
           s[c.start + 2] >= '0' && s[c.start + 2] <= '9' && s[c.start + 3] >= '0' && s[c.start + 3] <= '9';
}

static int year_or_date(const char *s, size_t a, size_t b);

/* The value of the four digits of year y. */
static int year_value(const char *s, belopp_span y)
{
    int v = 0;
    for (size_t i = y.start; i < y.start + 4; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}
static int date_title(const char *s, size_t a, size_t b);

/* Is s[a, b) years written together, as a statistics database's page copied
 * as text has its titles: "2019202020192020" (two years or more)? */
static int glued_years(const char *s, size_t a, size_t b)
{
    if (b - a < 8 || (b - a) % 4 != 0 || b - a > 4 * (BELOPP_MAX_COLUMNS - 1))
        return 0;
    for (size_t i = a; i < b; i += 4)
        if (!belopp_is_year(s, (belopp_span){i, i + 4}))
            return 0;
    return 1;
}

/* Does s[a, b) hold a digit outside a year or a date ("Budget 2024",
 * "12/31/2021" do not)? */
/* Is s[i] the digit of a quarter before its year: "Q2 2023", "Kv1 2024"? */
static int quarter_at(const char *s, size_t a, size_t i, size_t b)
{
    size_t w = i;
    while (w > a && ((s[w - 1] | 0x20) >= 'a' && (s[w - 1] | 0x20) <= 'z'))
        w--;
    if (!((i - w == 1 && (s[w] == 'Q' || s[w] == 'q')) ||
          (i - w == 2 && (s[w] | 0x20) == 'k' && (s[w + 1] | 0x20) == 'v')) ||
        (w > a && !belopp_space_at(s, w - 1, b)) || s[i] < '1' || s[i] > '4' || i + 6 > b ||
        s[i + 1] != ' ')
        return 0;
    return belopp_is_year(s, (belopp_span){i + 2, i + 6}) &&
           (i + 6 == b || belopp_space_at(s, i + 6, b));
}

/* The first i' >= i such that s[i', b) starts with a block of eight bytes
 * that may hold a digit, or with fewer than eight bytes: the blocks passed
 * over hold none.  (Eight bytes at once, the usual case in words: a byte of
 * v ^ "00000000" below 10 is a digit; the test of any byte below 10
 * (hasless) finds every such byte, and may only take a byte above one for
 * one, so a 0 is sure.) */
static size_t skip_no_digits(const char *s, size_t i, size_t b)
{
    while (b - i >= 8) {
        uint64_t v;
        memcpy(&v, s + i, 8);
        v ^= 0x3030303030303030u;
        if ((v - 0x0A0A0A0A0A0A0A0Au) & ~v & 0x8080808080808080u)
            break;
        i += 8;
    }
    return i;
}

/* Does s[a, b) hold a digit? */
static int has_digit(const char *s, size_t a, size_t b)
{
    for (size_t i = skip_no_digits(s, a, b); i < b; i++)
        if (s[i] >= '0' && s[i] <= '9')
            return 1;
    return 0;
}

/* Is s[a, b) a year with its month or its split year, as a column title
 * of a tab or pipe row has it: "2023-12" (a closing month, 01-12, after a
 * hyphen), "2023/24" or "2023-24" (the next year's two digits)?  The
 * single-spaced titles take these through title_year; a cell title must
 * not count as a digit outside a year either. */
static int year_period(const char *s, size_t a, size_t b)
{
    if (b - a != 7 || !belopp_is_year(s, (belopp_span){a, a + 4}) ||
        (s[a + 4] != '-' && s[a + 4] != '/') || s[a + 5] < '0' || s[a + 5] > '9' ||
        s[a + 6] < '0' || s[a + 6] > '9')
        return 0;
    int nn = (s[a + 5] - '0') * 10 + (s[a + 6] - '0');
    int next = (year_value(s, (belopp_span){a, a + 4}) + 1) % 100;
    return nn == next || (s[a + 4] == '-' && nn >= 1 && nn <= 12);
}

static int has_other_digits(const char *s, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++) {
        i = skip_no_digits(s, i, b);
        if (i >= b)
            break;
        if (s[i] >= '0' && s[i] <= '9') {
            if (i > a && quarter_at(s, a, i, b))
                continue; /* "Q2 2023": a period, as a year is */
            if (i == a || belopp_space_at(s, i - 1, b)) { /* a word that is a date */
                size_t w = i;
                while (w < b && !belopp_space_at(s, w, b))
                    w++;
                if (w - i > 5 && (year_or_date(s, i, w) || year_period(s, i, w))) {
                    i = w;
                    continue;
                }
            }
            size_t e = i;
            while (e < b && s[e] >= '0' && s[e] <= '9')
                e++;
            int alone = (i == a || !belopp_letter_at(s, i - 1, b)) &&
                        (e == b || !(s[e] == ',' || s[e] == '.' || belopp_letter_at(s, e, b)));
            if (!(alone && (belopp_is_year(s, (belopp_span){i, e}) || glued_years(s, i, e))))
                return 1;
            i = e;
        }
    }
    return 0;
}

/* Does s[a, b) end a title as a year does: a year or a date, a period
 * ("2023/2024", "2023/24", "2023-2024"), or a year glued to the word before
 * it, as text from a PDF has it ("Utfall2024", "Bokslut2023")? */
static int title_year(const char *s, size_t a, size_t b)
{
    if (year_or_date(s, a, b))
        return 1;
    if ((b - a == 9 || b - a == 7) && belopp_is_year(s, (belopp_span){a, a + 4}) &&
        (s[a + 4] == '/' || s[a + 4] == '-')) {
        for (size_t i = a + 5; i < b; i++)
            if (s[i] < '0' || s[i] > '9')
                return 0;
        return b - a == 7 || belopp_is_year(s, (belopp_span){a + 5, b});
    }
    if (b - a >= 7 && belopp_is_year(s, (belopp_span){b - 4, b}) &&
        (((s[b - 5] | 0x20) >= 'a' && (s[b - 5] | 0x20) <= 'z') || (unsigned char)s[b - 5] >= 0x80)) {
        for (size_t i = a; i < b - 4; i++)
            if (s[i] >= '0' && s[i] <= '9')
                return 0;
        return belopp_letter_at(s, a, b);
    }
    return 0;
}

/* Does s[sp) end in a year: "2024", "Jan–dec 2024", "Budget 2023/24"? */
static int ends_in_year(const char *s, belopp_span sp)
{
    size_t w = sp.end;
    while (w > sp.start && !belopp_space_at(s, w - 1, sp.end))
        w--;
    return sp.end - sp.start <= 40 && title_year(s, w, sp.end) &&
           !has_other_digits(s, sp.start, w);
}

/* Titles written with single spaces: "2024 2023 2022", "Utfall 2023 Budget
 * 2024 Plan 2025", "2023 2024 Förändring %".  A year ends a title that began
 * with the words before it; words after the last year make one more.  At
 * least one year; no other digits.  Returns the number of titles, or 0. */
static size_t inline_titles(const char *s, size_t a, size_t b, belopp_span *titles, size_t max)
{
    size_t n = 0, years = 0, group = SIZE_MAX, i = a;
    while (i < b) {
        size_t sp;
        if ((sp = belopp_space_at(s, i, b)) > 0) {
            i += sp;
            continue;
        }
        size_t e = i;
        while (e < b && !belopp_space_at(s, e, b))
            e++;
        belopp_span w = {i, e};
        if (group == SIZE_MAX && glued_years(s, i, e)) {
            for (size_t y = i; y < e; y += 4) {
                if (n == max)
                    return 0;
                titles[n++] = (belopp_span){y, y + 4};
                years++;
            }
        } else if (title_year(s, w.start, w.end)) {
            if (n == max)
                return 0;
            titles[n++] = (belopp_span){group == SIZE_MAX ? i : group, e};
            group = SIZE_MAX;
            years++;
        } else if (has_other_digits(s, i, e) && !(e - i <= 3 && quarter_at(s, i, e - 1, b))) {
            return 0;
        } else if (group == SIZE_MAX) {
            group = i;
        }
        i = e;
    }
    if (group != SIZE_MAX) {
        if (n == max)
            return 0;
        titles[n++] = belopp_trim(s, group, b);
    }
    return years ? n : 0;
}

/* Titles of years only after the stub, spacing mixed (text from a web
 * page): "Nyckeltal 2021 - 2025 2025  2024  2023  2022 2021".  Every cell
 * after the first holds years and nothing else, one or more written with
 * single spaces ("2022 2021": two columns); the first cell's last word is
 * a year standing after another word, not after a dash (the end of a
 * period "2021 - 2025" is the stub's): it is the first column.  Fills
 * titles (titles[0] the stub) and returns their number; 0 when the line
 * is not so (the cells stand). */
static size_t spaced_year_cells(const char *s, const belopp_span *cells, size_t n, belopp_span *titles)
{
    size_t k = 1, multi = 0;
    belopp_span st = cells[0];
    size_t w = st.end;
    while (w > st.start && !belopp_space_at(s, w - 1, st.end))
        w--;
    belopp_span last = {w, st.end};
    size_t p = w;
    while (p > st.start && belopp_space_at(s, p - 1, st.end))
        p--;
    int peel = p > st.start && belopp_is_year(s, last) && s[p - 1] != '-' &&
               !(p >= st.start + 3 && (unsigned char)s[p - 3] == 0xE2 && (unsigned char)s[p - 2] == 0x80 &&
                 ((unsigned char)s[p - 1] == 0x93 || (unsigned char)s[p - 1] == 0x94));
    if (peel)
        titles[k++] = last;
    for (size_t i = 1; i < n; i++) {
        size_t x = cells[i].start, words = 0;
        while (x < cells[i].end) {
            size_t e = x;
            while (e < cells[i].end && !belopp_space_at(s, e, cells[i].end))
                e++;
            if (!belopp_is_year(s, (belopp_span){x, e}) || k == BELOPP_MAX_COLUMNS)
                return 0;
            titles[k++] = (belopp_span){x, e};
            words++;
            x = belopp_skip_spaces(s, e, cells[i].end);
        }
        multi |= words > 1;
    }
    if (!peel && !multi)
        return 0; /* "Region  2023  2024": read as cells already */
    titles[0] = peel ? belopp_trim(s, st.start, p) : st;
    return k;
}

/* Is s[a, b) a line of column titles?  Cells (tab, two spaces) of which none
 * holds a digit outside a year: "Region  2023  2024  Förändring, %",
 * "Verksamhet<TAB>Budget<TAB>Utfall"; or single-spaced, a stub and years:
 * "Län 2023 2024".  Fills titles with titles[0] the stub (empty when the
 * first cell is already a column: "2023  2024").  Returns their number, or 0. */
/* Is t (a stub before the first year) a period's word, as a budget's
 * titles name their columns ("Utfall 2023 Budget 2024 Plan 2025"): one of
 * the words below, or the first word of one of the other titles o[0, no)?
 * Then it is the first title's word, not the stub's title. */
static int period_stub(const char *s, belopp_span t, const belopp_span *o, size_t no)
{
    static const char *const PERIOD[] = {"utfall", "bokslut", "prognos", "budget", "plan", "ram",
                                         "f\xC3\xB6rslag", "beslut", "beslutad", "delbokslut",
                                         "del\xC3\xA5r", "hel\xC3\xA5r", "\xC3\xA5r", NULL};
    if (t.start == t.end || belopp_word_end(s, t.start, t.end) != t.end)
        return 0; /* one word */
    size_t n = t.end - t.start;
    for (const char *const *w = PERIOD; *w; w++)
        if (strlen(*w) == n && strncasecmp(s + t.start, *w, n) == 0)
            return 1;
    for (size_t i = 0; i < no; i++)
        if (belopp_word_end(s, o[i].start, o[i].end) - o[i].start == n &&
            strncasecmp(s + t.start, s + o[i].start, n) == 0)
            return 1;
    return 0;
}

/* Is the cell c a period's word and a year ("Utfall 2021", "Budget 2024"):
 * a column's title, not a stub's (the word as period_stub takes it, o[0,
 * no) the other cells)? */
static int period_year_cell(const char *s, belopp_span c, const belopp_span *o, size_t no)
{
    size_t w = belopp_word_end(s, c.start, c.end);
    size_t y = belopp_skip_spaces(s, w, c.end);
    return y > w && c.end - y == 4 && belopp_is_year(s, (belopp_span){y, c.end}) &&
           period_stub(s, (belopp_span){c.start, w}, o, no);
}

static size_t split_cells(const char *s, size_t a, size_t b, belopp_span *cells, size_t max);
static size_t period_words(const char *s, belopp_span l, belopp_span *titles);

/* Is line l a period's word over each year title of tb ("Utfall  Utfall
 * Budget" over "mnkr  2021  2022  2023", single-spaced or in cells)?  Then
 * each word becomes its column's title and the year the title's second
 * line: "Utfall 2021", "Budget 2023" (not "2021" and "2023", which a diff
 * of budget against outcome could not tell apart). */
static int period_words_over(const char *s, belopp_span l, belopp_table *tb)
{
    size_t k = tb->ntitles;
    if (k < 3 || l.start == l.end || has_digit(s, l.start, l.end))
        return 0;
    for (size_t c = 1; c < k; c++)
        if (!belopp_is_year(s, tb->titles[c]))
            return 0;
    belopp_span w[BELOPP_MAX_COLUMNS];
    size_t nw = split_cells(s, l.start, l.end, w + 1, BELOPP_MAX_COLUMNS - 1);
    if (nw == 1) /* single spaces: period_words reads a word each (w[0] the stub's) */
        nw = period_words(s, l, w) - 1;
    else
        for (size_t c = 1; c <= nw; c++)
            if (!period_stub(s, w[c], NULL, 0))
                return 0;
    if (nw != k - 1)
        return 0;
    for (size_t c = 1; c <= nw; c++) {
        tb->columns[c - 1].title2 = tb->titles[c];
        tb->titles[c] = w[c];
    }
    return 1;
}

/* Is line l a period's words alone, single-spaced, two or more ("Utfall
 * Utfall Budget")?  Fills titles (titles[0] empty: the stub's) and returns
 * their number, or 0. */
static size_t period_words(const char *s, belopp_span l, belopp_span *titles)
{
    size_t k = 1;
    titles[0] = (belopp_span){l.start, l.start};
    for (size_t x = l.start; x < l.end;) {
        size_t e = x;
        while (e < l.end && !belopp_space_at(s, e, l.end))
            e++;
        if (k == BELOPP_MAX_COLUMNS || !period_stub(s, (belopp_span){x, e}, NULL, 0))
            return 0;
        titles[k++] = (belopp_span){x, e};
        x = belopp_skip_spaces(s, e, l.end);
    }
    return k >= 3 ? k : 0;
}

static size_t title_line(const char *s, size_t a, size_t b, belopp_span *titles)
{
    if (has_other_digits(s, a, b)) /* (asked first: it ends at a row's first number) */
        return 0;
    belopp_span cells[BELOPP_MAX_COLUMNS];
    size_t n = split_cells(s, a, b, cells, BELOPP_MAX_COLUMNS);
    if (n == 0)
        return 0;
    if (n == 1) {
        /* single spaces: the stub is the words before the first year */
        size_t i = a;
        while (i < b && !(s[i] >= '0' && s[i] <= '9'))
            i++;
        if (i == b)
            return 0;
        if (i > a && quarter_at(s, a, i, b)) /* "Q2 2023 Q1 2023": the stub ends before */
            while (i > a && !belopp_space_at(s, i - 1, b))
                i--;
        size_t m = inline_titles(s, i, b, titles + 1, BELOPP_MAX_COLUMNS - 1);
        if (m == 0)
            return 0;
        titles[0] = belopp_trim(s, a, i);
        /* "Nyckeltal Jan - mar 2024 Jan - mar 2023": the first title has
         * as many words before its year as the second */
        if (m >= 2) {
            size_t q = 0, w = titles[2].start;
            for (size_t x = w; x < titles[2].end; x++)
                q += belopp_space_at(s, x, titles[2].end) > 0;
            size_t st = titles[0].end, got = 0;
            while (got < q && st > titles[0].start) {
                st--;
                if (belopp_space_at(s, st, titles[0].end)) {
                    got++;
                    if (got == q)
                        break;
                }
            }
            if (q && got == q && st > titles[0].start) {
                titles[1].start = belopp_trim(s, st, titles[0].end).start;
                titles[0] = belopp_trim(s, titles[0].start, st);
            } else if (q && got + 1 == q && period_stub(s, titles[0], titles + 2, m - 1)) {
                /* "Prognos 2023 Budget 2023 Budget 2024 Plan 2025": the
                 * stub is the first title's word, no stub title */
                titles[1].start = titles[0].start;
                titles[0] = (belopp_span){a, a};
            }
        }
        return m + 1;
    }
    size_t k = 0;
    if (belopp_is_year(s, cells[0]) || (n >= 2 && period_year_cell(s, cells[0], cells + 1, n - 1) &&
                                        period_year_cell(s, cells[1], cells, 1)))
        titles[k++] = (belopp_span){a, a}; /* "2023<TAB>2024", "Utfall 2021<TAB>Utfall 2022": no stub */
    else if ((k = spaced_year_cells(s, cells, n, titles)) > 0)
        return k;
    for (size_t i = 0; i < n && k < BELOPP_MAX_COLUMNS; i++)
        titles[k++] = cells[i];
    return k;
}

/* The titles after a stub cell when some cell holds more than one year,
 * spacing mixed as a PDF leaves it: "RESULTATRÄKNING I MSEK  2019  2018
 * 2017 2016 2015" splits at two spaces into "2019" and "2018 2017 2016
 * 2015", which are five columns, not two.  Reads the line after the stub
 * as single-spaced titles (inline_titles) into titles[1..] and returns
 * their number, or 0 when no cell holds two years (the cells stand). */
static size_t mixed_year_titles(const char *s, const belopp_span *cells, size_t n, size_t b,
                                belopp_span *titles)
{
    size_t i;
    for (i = 1; i < n; i++) {
        belopp_span t[BELOPP_MAX_COLUMNS];
        size_t m = inline_titles(s, cells[i].start, cells[i].end, t, BELOPP_MAX_COLUMNS);
        size_t years = 0;
        for (size_t k = 0; k < m; k++)
            years += ends_in_year(s, t[k]);
        if (m >= 2 && years == m)
            break; /* "2019 2018", "jul-sep 2023 jul-sep 2022" */
    }
    if (i == n)
        return 0;
    return inline_titles(s, cells[1].start, b, titles + 1, BELOPP_MAX_COLUMNS - 1);
}

static int unit_per_cell(const char *s, belopp_span c, unit_info *u, belopp_span *per);

/* A caption whose first word ends in a unit in capitals, glued on as text
 * from a PDF has it: "ResultaträkningTKR KOMMUN KONCERN",
 * "BalansräkningMSEK".  The rest of the line holds no digit but years.
 * Or a table's two header cells run together, the stub's title and the
 * unit in words, as a web page's table copied without its cell gaps
 * ("NämndMiljoner kronor"): the line from the capital after a lower-case
 * letter is the unit alone, or the unit per something (*per): returns 2
 * for this form, 1 for the first. */
static int glued_unit(const char *s, size_t a, size_t b, unit_info *u, belopp_span *per)
{
    size_t e = a;
    while (e < b && !belopp_space_at(s, e, b))
        e++;
    for (size_t k = a + 1; k < b && b - a <= 60; k++)
        if (s[k] >= 'A' && s[k] <= 'Z' && s[k - 1] >= 'a' && s[k - 1] <= 'z') {
            if (!has_other_digits(s, k, b) &&
                ((unit_header(s, k, b, u) && u->currency && u->words.start == k) ||
                 unit_per_cell(s, (belopp_span){k, b}, u, per)))
                return 2; /* (or "Antal barnKronor per månad"); 2: two cells */
            break;
        }
    size_t c = e;
    while (c > a && s[c - 1] >= 'A' && s[c - 1] <= 'Z')
        c--;
    if (e - c < 3 || c == a || has_other_digits(s, e, b))
        return 0;
    /* a lower-case letter before the capitals */
    size_t p = c - 1;
    while (p > a && ((unsigned char)s[p] & 0xC0) == 0x80)
        p--;
    if (category_at(s, p, c) != UTF8PROC_CATEGORY_LL)
        return 0;
    const belopp_unit *x = belopp_unit_lookup(s + c, e - c);
    if (!x || x->kind != BELOPP_UNIT_CURRENCY)
        return 0;
    u->exp10 = x->exp10;
    u->currency = x->currency;
    u->words = (belopp_span){c, e};
    return 1;
}

/* The end of the first unit word of s[a, b): the least e such that a unit
 * looks up as s[p, e), p a word start (the line's start or after anything
 * but an ASCII letter or digit: a space, ",", "("), e the end of that word
 * or a comma or ")" in it, or one before a comma ("(tkr)", "tkr, löpande").  Every unit that unit_header or
 * unit_tail reads in s[a, w) starts with such a word, so neither holds for
 * any w before it: unit_line and find_tables need not ask them at every
 * word of a row.  Returns SIZE_MAX when s[a, b) holds no unit word. */
static size_t first_unit_end(const char *s, size_t a, size_t b)
{
    size_t best = SIZE_MAX;
    const unsigned char *pairs = belopp_unit_start_pairs();
    for (size_t p = a; p < b && p < best; p++) {
        /* the byte before first: most bytes are inside a word */
        if (p > a) {
            unsigned char d = (unsigned char)s[p - 1];
            if ((d >= '0' && d <= '9') || ((d | 0x20) >= 'a' && (d | 0x20) <= 'z'))
                continue;
        }
        unsigned char c = (unsigned char)s[p];
        if ((c & 0xC0) == 0x80 || belopp_space_at(s, p, b))
            continue;
        if (pairs && c < 0x80) { /* unit_word_at's first test, without a call */
            unsigned char d = p + 1 < b ? (unsigned char)s[p + 1] : 0;
            if (d < 0x80 && !pairs[c * 128 + d])
                continue;
        }
        size_t e = unit_word_at(s, p, b, best);
        if (e < best)
            best = e;
    }
    return best;
}

/* Kinds of header line. */
enum {
    U_NONE,
    U_ALONE,   /* the unit alone: "Miljoner kronor", "(tkr)", "MSEK" */
    U_CAPTION, /* a caption ending in it: "Tabell 3. Bidrag per kommun 2026 (tkr)" */
    U_CELLS,   /* a row of titles, one naming it: "Region<TAB>Miljoner kronor",
                  "MSEK<TAB>2024<TAB>2023" */
    U_INLINE,  /* unit and titles with single spaces: "MSEK 2024 2023 2022" */
    U_TITLES,  /* titles and no unit: "Nyckeltal 2024 2023", the rows name it
                  ("Nettoomsättning, MSEK 1 995,20 2 135,50") */
    U_PROSE,   /* titles stacked under prose that names the unit */
    U_LEAD     /* a unit in capitals ("MSEK", "TSEK"), then titles not read */
};

/* The end of a title of a change in per cent at the start of r, before a
 * year: one to three words, the last "%" or ending in it, maybe with a
 * footnote mark ("+/- %6)", "Förändring %", "%"); else r.start. */
static size_t pct_title_end(const char *s, belopp_span r)
{
    size_t x = r.start;
    for (int w = 0; w < 3 && x < r.end; w++) {
        size_t e = x;
        while (e < r.end && !belopp_space_at(s, e, r.end))
            e++;
        size_t p = e;
        if (p > x && s[p - 1] == ')') { /* a mark: "%6)" */
            p--;
            while (p > x && s[p - 1] >= '0' && s[p - 1] <= '9')
                p--;
        }
        size_t nx = belopp_skip_spaces(s, e, r.end);
        if (p > x && s[p - 1] == '%')
            return nx + 4 <= r.end && belopp_is_year(s, (belopp_span){nx, nx + 4}) ? e : r.start;
        if (has_digit(s, x, e))
            return r.start;
        x = nx;
    }
    return r.start;
}

/* Is w, after the title "Note" of a unit line's note column, a second note
 * title "Not" (or "Note") with titles after it: "Amounts in SEK M Belopp i
 * MSEK Note Not 2018 2017", a bilingual statement whose rows give each
 * note twice ("29 29 42 63")? */
static int second_note_title(const char *s, belopp_span w, size_t end)
{
    size_t len = w.end - w.start;
    return (len == 3 || len == 4) && strncasecmp(s + w.start, "not", 3) == 0 &&
           (len == 3 || (s[w.start + 3] | 0x20) == 'e') && w.end < end && belopp_space_at(s, w.end, end);
}

/* Is s[a, b) a currency unit with the years glued on, one word, as a page
 * that set the unit and each year in a cell of its own is copied without
 * the gaps: "Mkr2016201520142013", "tkr20242023"?  Then fills tb's unit
 * and its titles (the stub the unit, one title a year) and returns 1. */
static int unit_glued_years(const char *s, size_t a, size_t b, belopp_table *tb)
{
    size_t d = a;
    while (d < b && !(s[d] >= '0' && s[d] <= '9')) {
        if (belopp_space_at(s, d, b))
            return 0;
        d++;
    }
    if (d == a || d == b || !glued_years(s, d, b))
        return 0;
    const belopp_unit *x = belopp_unit_lookup(s + a, d - a);
    if (!x || x->kind != BELOPP_UNIT_CURRENCY)
        return 0;
    tb->titles[0] = (belopp_span){a, d};
    tb->ntitles = 1;
    for (size_t y = d; y < b; y += 4)
        tb->titles[tb->ntitles++] = (belopp_span){y, y + 4};
    tb->exp10 = x->exp10;
    tb->currency = x->currency;
    tb->unit = (belopp_span){a, d};
    return 1;
}

/* Does stub cell c end in a currency and what each figure is per, after a
 * slash ("Fast avgift kr/år", "Avgift (kr/m3)", "kr/år")?  Fills *u with the
 * currency and *per with what comes after the slash (one word). */
static int per_unit_cell(const char *s, belopp_span c, unit_info *u, belopp_span *per)
{
    size_t e = c.end;
    if (e > c.start && s[e - 1] == ')')
        e--;
    size_t sl = e;
    while (sl > c.start && s[sl - 1] != '/' && s[sl - 1] != ' ')
        sl--;
    if (sl == c.start || s[sl - 1] != '/' || sl == e || e - sl > 12)
        return 0;
    for (size_t i = sl; i < e; i++)
        if (!belopp_letter_at(s, i, e) && !(s[i] >= '0' && s[i] <= '9') && (unsigned char)s[i] < 0x80)
            return 0; /* "år", "m3", "mån", "kbm" */
    size_t w = sl - 1;
    while (w > c.start && s[w - 1] != ' ' && s[w - 1] != '(')
        w--;
    const belopp_unit *x = belopp_unit_lookup(s + w, sl - 1 - w);
    if (!x || x->kind != BELOPP_UNIT_CURRENCY)
        return 0;
    u->exp10 = x->exp10;
    u->currency = x->currency;
    u->words = (belopp_span){w, sl - 1};
    *per = (belopp_span){sl, e};
    return 1;
}

/* Is cell c a currency and what each figure is per, in words ("Kronor per
 * månad", "kr per år", "SEK per aktie"): the unit's word, "per", then one
 * to three words of letters?  Fills *u and *per. */
static int unit_per_cell(const char *s, belopp_span c, unit_info *u, belopp_span *per)
{
    c = belopp_trim(s, c.start, c.end);
    size_t w = belopp_word_end(s, c.start, c.end);
    const belopp_unit *x = belopp_unit_lookup(s + c.start, w - c.start);
    if (!x || x->kind != BELOPP_UNIT_CURRENCY || c.end - w < 6 || strncmp(s + w, " per ", 5) != 0)
        return 0;
    belopp_span p = belopp_trim(s, w + 5, c.end);
    size_t words = 1;
    for (size_t i = p.start; i < p.end; i++) {
        if (s[i] == ' ')
            words++;
        else if ((unsigned char)s[i] < 0x80 && !((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z'))
            return 0;
    }
    if (p.end - p.start > 30 || words > 3 || !belopp_letter_at(s, p.start, p.end))
        return 0;
    u->exp10 = x->exp10;
    u->currency = x->currency;
    u->words = (belopp_span){c.start, w};
    *per = p;
    return 1;
}

/* Titles that each end in the table's unit, the unit's words standing
 * two times or more on the line, the last at its end ("1 vecka, kr 4
 * veckor, kr 20 veckor, kr"; "Tider Skatt för högsäsong i kronor Skatt för
 * lågsäsong i kronor").  Words of the first before the second title's first
 * word are the stub's title ("Tider").  Fills tb's titles, the stub's first
 * (maybe empty), and returns their count, or 0. */
static size_t unit_each_title(const char *s, size_t a, size_t b, const unit_info *u, belopp_table *tb)
{
    size_t wl = u->words.end - u->words.start, m = 0, ends[BELOPP_MAX_COLUMNS];
    if (wl < 2 || u->words.end != b)
        return 0;
    for (size_t i = a + 1; i + wl <= b; i++) {
        if (s[i - 1] != ' ' || (i + wl < b && s[i + wl] != ' ') || memcmp(s + i, s + u->words.start, wl) != 0)
            continue;
        if (m == BELOPP_MAX_COLUMNS - 1)
            return 0;
        ends[m++] = i + wl;
    }
    if (m < 2)
        return 0;
    belopp_span seg[BELOPP_MAX_COLUMNS];
    for (size_t q = 0, from = a; q < m; from = ends[q++]) {
        seg[q] = belopp_trim(s, from, ends[q]);
        if (seg[q].end - seg[q].start < wl + 2)
            return 0; /* (the unit alone is no title) */
    }
    size_t fw = belopp_word_end(s, seg[1].start, seg[1].end) - seg[1].start, stub_end = seg[0].start;
    for (size_t i = seg[0].start + 1; i + fw < seg[0].end && stub_end == seg[0].start; i++)
        if (s[i - 1] == ' ' && s[i + fw] == ' ' && memcmp(s + i, s + seg[1].start, fw) == 0)
            stub_end = i;
    tb->titles[0] = belopp_trim(s, seg[0].start, stub_end);
    if (tb->titles[0].start == tb->titles[0].end)
        tb->titles[0] = (belopp_span){seg[0].start, seg[0].start};
    seg[0].start = stub_end;
    memcpy(tb->titles + 1, seg, m * sizeof seg[0]);
    tb->ntitles = m + 1;
    return m + 1;
}

static int first_word_is(const char *s, belopp_span sp, const char *const *words);

/* What kind of header is s[a, b)?  Fills tb's unit, and its titles for
 * U_CELLS and U_INLINE; and *first_end, unless NULL, with first_unit_end of
 * the line (the caller need not scan it again). */
static int unit_line(const char *s, size_t a, size_t b, belopp_table *tb, size_t *first_end)
{
    unit_info u;
    size_t ue = first_unit_end(s, a, b); /* no unit read before it */
    /* "Kronor per invånare", "Regionernas investeringar 2023. Kronor per
     * invånare": a unit, then what each figure is per (one to three words,
     * no digit), which every cell of the table then carries */
    if (ue < b && b - a > 8 && b - a <= 160) {
        size_t p = b;
        while (p > ue && !(s[p - 1] == ' ' && p + 4 <= b && memcmp(s + p, "per ", 4) == 0))
            p--;
        size_t w = p > ue ? p - 1 : p; /* the word before "per": a currency's */
        while (w > a && !belopp_space_at(s, w - 1, p - 1))
            w--;
        const belopp_unit *cu = p > ue ? belopp_unit_lookup(s + w, p - 1 - w) : NULL;
        if (cu && cu->kind == BELOPP_UNIT_CURRENCY) {
            belopp_span per = belopp_trim(s, p + 4, b);
            /* what each figure is per ends before a verb: "Följande
             * normalbelopp i kronor per inkomstperiod ska gälla under
             * perioden 1 januari 2022 …": per "inkomstperiod"; a sentence
             * so is a caption where it says "the following" (Följande) */
            static const char *const VERB[] = {"ska", "skall", "g\xC3\xA4ller", "g\xC3\xA4lla", NULL};
            for (size_t q = per.start; q + 1 < per.end; q++)
                if (s[q] == ' ' && first_word_is(s, (belopp_span){q + 1, per.end}, VERB)) {
                    size_t f = a;
                    while (f < p && (s[f] == '\xC2' || s[f] == '\xA7' || s[f] == ' ' || (s[f] >= '0' && s[f] <= '9')))
                        f++; /* ("3 §Följande": the paragraph's number) */
                    if (p - f > 9 && strncmp(s + f, "F\xC3\xB6ljande", 9) == 0)
                        per = belopp_trim(s, per.start, q);
                    break;
                }
            size_t words = 0;
            for (size_t i = per.start; i < per.end && words < 4; i++)
                words += i == per.start || belopp_space_at(s, i - 1, per.end);
            int letters_only = 1; /* (no full stop: "… i kronor per invånare." is a sentence) */
            for (size_t i = per.start; i < per.end && letters_only; i++)
                letters_only = s[i] == ' ' || (unsigned char)s[i] >= 0x80 ||
                               ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z');
            if (per.start < per.end && per.end - per.start <= 30 && words <= 3 && letters_only &&
                belopp_letter_at(s, per.start, per.end)) {
                belopp_table t2;
                memset(&t2, 0, sizeof t2);
                int kind = unit_line(s, a, p - 1, &t2, first_end);
                if ((kind == U_ALONE || kind == U_CAPTION) && !t2.per.end) {
                    *tb = t2;
                    tb->per = per;
                    return kind;
                }
            }
        }
    }
    if (first_end)
        *first_end = ue;
    /* No unit word in the line (most lines near a table): of the forms below
     * only a currency glued to a word ("KostnaderMSEK") holds without one
     * (U_LEAD's lookup of the first word is one unit_word_at made), so the
     * cells and the loops over the words need not be read */
    if (unit_glued_years(s, a, b, tb)) /* (its unit word has no end: ue misses it) */
        return U_INLINE;
    belopp_span gper = {0, 0};
    if (ue == SIZE_MAX && !glued_unit(s, a, b, &u, &gper)) {
        /* or a stub cell ending in a currency per something: "Fast avgift
         * kr/år" (first_unit_end reads no unit word before a slash); the
         * cells are read below */
        belopp_span c1[2], per1;
        if (!memchr(s + a, '/', b - a) || split_cells(s, a, b, c1, 2) < 2 ||
            !per_unit_cell(s, c1[0], &u, &per1))
            return U_NONE;
        ue = u.words.end;
    }
    if (ue <= b && unit_header(s, a, b, &u))
        goto found_alone;
    /* "miljoner kronor efter region, år och resultaträkningsposter",
     * "tkr efter kommun och år": a statistics database's unit line, the
     * unit, then "efter" and what the table is broken down by */
    for (size_t w = a; w + 7 < b; w++)
        if (belopp_space_at(s, w, b) && (s[w + 1] | 0x20) == 'e' &&
            strncasecmp(s + w + 1, "efter ", 6) == 0) {
            if (w >= ue && unit_header(s, a, w, &u) && !has_other_digits(s, w, b))
                goto found_alone;
            break;
        }
    belopp_span cells[BELOPP_MAX_COLUMNS], per = {0, 0};
    size_t n = split_cells(s, a, b, cells, BELOPP_MAX_COLUMNS);
    if (n >= 2) {
        for (size_t i = 0; i < n; i++)
            if (cells[i].end >= ue && (unit_header(s, cells[i].start, cells[i].end, &u) ||
                                       (i == 0 && (unit_tail(s, cells[i].start, cells[i].end, &u) ||
                                                   stub_unit(s, cells[i].start, cells[i].end, &u) ||
                                                   per_unit_cell(s, cells[i], &u, &per))) ||
                                       (i > 0 && unit_per_cell(s, cells[i], &u, &per)))) {
                /* the other cells must be titles, not values */
                if (has_other_digits(s, cells[i].end, b))
                    return U_NONE;
                memcpy(tb->titles, cells, n * sizeof cells[0]);
                tb->ntitles = n;
                size_t m = i == 0 ? mixed_year_titles(s, cells, n, b, tb->titles) : 0;
                if (m > 0)
                    tb->ntitles = m + 1;
                tb->exp10 = u.exp10;
                tb->currency = u.currency;
                tb->unit = u.words;
                tb->per = per;
                return U_CELLS;
            }
        return U_NONE;
    }
    /* "MSEK 2024 2023", "Resultatbudget, tkr Utfall 2023 Budget 2024": a
     * unit (or a stub ending in one), then titles with at least one year */
    /* inline_titles reads no year (and returns 0) in titles after the last
     * four digits that are a year (title_year, glued_years: each holds one):
     * no w at or after that start has titles after it, so the loop stops
     * there instead of asking unit_header and unit_tail at every word of
     * the rest of the line */
    size_t last_year = b;
    for (size_t p = b >= a + 4 ? b - 4 + 1 : a; p-- > a;)
        if ((s[p] == '1' || s[p] == '2') && belopp_is_year(s, (belopp_span){p, p + 4})) {
            last_year = p;
            break;
        }
    for (size_t w = a; w < b; w++) {
        if (w < ue)
            w = ue; /* no unit before it */
        if (w >= b || last_year == b || w >= last_year)
            break;
        if (!belopp_space_at(s, w, b) || (w > a && belopp_space_at(s, w - 1, b)))
            continue;
        if (!unit_header(s, a, w, &u) && !unit_tail(s, a, w, &u) && !stub_unit(s, a, w, &u))
            continue;
        belopp_span rest = belopp_trim(s, w, b);
        if (!u.exp10 && code_scale(s, (belopp_span){rest.start, belopp_word_end(s, rest.start, rest.end)}))
            continue; /* "SEK m 2025 2024": the unit goes on ("SEK m"), no title "m 2025" */
        if (u.exp10 && first_unit_end(s, rest.start, last_year) <= last_year)
            continue; /* "Amounts in SEK M Belopp i MSEK Not 2024": a second unit in the stub */
        size_t stub_end = w;
        /* "MSEK om ej annat anges 2016 2015": the exception belongs to the
         * unit, not to the first title */
        size_t ex = exception_words_end(s, rest.start, rest.end);
        if (ex > rest.start) {
            stub_end = ex;
            rest = belopp_trim(s, ex, rest.end);
        }
        /* "MSEK … +/- %6) 2022 2021": a change in per cent titled before
         * the years, its cells before theirs (build_table skips them) */
        size_t pe = pct_title_end(s, rest);
        if (pe > rest.start) {
            stub_end = pe;
            rest = belopp_trim(s, pe, rest.end);
        }
        /* "MSEK Not jul-sep 2024 …": the note column's title goes with the stub */
        int twice = 0;
        size_t nw = belopp_word_end(s, rest.start, rest.end);
        if (nw < rest.end && nw - rest.start <= 5 && (nw - rest.start == 3 || nw - rest.start == 4) &&
            strncasecmp(s + rest.start, "not", 3) == 0 && (nw - rest.start == 3 || (s[rest.start + 3] | 0x20) == 'e') &&
            belopp_space_at(s, nw, rest.end)) {
            stub_end = nw; /* "Not", "Note" */
            rest = belopp_trim(s, stub_end, rest.end);
            size_t nw2 = belopp_word_end(s, rest.start, rest.end);
            if (second_note_title(s, (belopp_span){rest.start, nw2}, rest.end)) {
                stub_end = nw2; /* "Note Not": the note twice, in two languages */
                rest = belopp_trim(s, stub_end, rest.end);
                twice = 1;
            }
        }
        size_t m = inline_titles(s, rest.start, rest.end, tb->titles + 1, BELOPP_MAX_COLUMNS - 1);
        if (m == 0)
            continue;
        tb->titles[0] = belopp_trim(s, a, stub_end);
        tb->ntitles = m + 1;
        tb->notes_twice = twice;
        tb->exp10 = u.exp10;
        tb->currency = u.currency;
        tb->unit = u.words;
        return U_INLINE;
    }
    gper = (belopp_span){0, 0};
    int gl = 0;
    if ((ue <= b && (unit_tail(s, a, b, &u) || stub_unit(s, a, b, &u))) ||
        (gl = glued_unit(s, a, b, &u, &gper)) != 0) {
        tb->exp10 = u.exp10;
        tb->currency = u.currency;
        tb->unit = u.words;
        tb->per = gper;
        if (gl == 2) {
            /* "Antal barnKronor per månad": two cells, the stub's title
             * (which counts what the rows are, not the values) and the
             * value column's */
            tb->titles[0] = (belopp_span){a, u.words.start};
            tb->titles[1] = (belopp_span){u.words.start, b};
            tb->ntitles = 2;
            return U_CELLS;
        }
        return unit_each_title(s, a, b, &u, tb) ? U_CELLS : U_CAPTION;
    }
    /* "MSEK I II III IV I 1 kv 06 /1 kv 05": a unit word, then titles of
     * any kind (quarters, periods) on a short line that is no sentence;
     * the rows give the columns */
    size_t w1 = a;
    while (w1 < b && !belopp_space_at(s, w1, b))
        w1++;
    const belopp_unit *lead = belopp_unit_lookup(s + a, w1 - a);
    if (lead && lead->kind == BELOPP_UNIT_CURRENCY && w1 < b && b - a <= 80 &&
        (s[a] >= 'A' && s[a] <= 'Z') && !memchr(s + a, '.', b - a) && !memchr(s + a, ',', b - a) &&
        (w1 - a >= 3 && s[a + 1] >= 'A' && s[a + 1] <= 'Z')) {
        tb->exp10 = lead->exp10;
        tb->currency = lead->currency;
        tb->unit = (belopp_span){a, w1};
        return U_LEAD;
    }
    return U_NONE;
found_alone:
    tb->exp10 = u.exp10;
    tb->currency = u.currency;
    tb->unit = u.words;
    return U_ALONE;
}

/* --- the numbers of a row ----------------------------------------------- */

enum { T_NUM, T_EMPTY, T_MARK, T_PCT };

#define MAX_TOKENS 64     /* numbers and marks in one row */
#define MAX_GROUPS 7      /* digit groups in one number: 999 999 999 999 999 999 999 */

typedef struct {
    belopp_span sp;   /* the number: sign, digits, decimals; no mark, no parenthesis */
    unsigned char kind, sign, frac, dots, open, close, marked, hard;
    unsigned char dash; /* an empty mark that is a dash: "–", "-", "−", "‑" */
    unsigned char plus; /* "+" alone: a plus sign written apart ("+ 13 %") */
    unsigned char lead0; /* digits led by a zero ("022"): a group inside a number, never its start */
    unsigned char glue;  /* after a no-break space alone ("1\u00a0450"): a later group of a
                            number, never its start (no one writes a cell gap so) */
    int idigits;      /* digits before the decimal comma */
} token;

static int superscript_before(const char *s, size_t a, size_t b)
{
    const unsigned char *u = (const unsigned char *)s;
    if (b - a >= 2 && u[b - 2] == 0xC2 && (u[b - 1] == 0xB9 || u[b - 1] == 0xB2 || u[b - 1] == 0xB3))
        return 2; /* ¹ ² ³ */
    if (b - a >= 3 && u[b - 3] == 0xE2 && u[b - 2] == 0x81 &&
        (u[b - 1] == 0xB0 || (u[b - 1] >= 0xB4 && u[b - 1] <= 0xB9)))
        return 3; /* ⁰ ⁴ … ⁹ */
    return 0;
}

/* Reads s[a, b), a run without spaces, as a table value: a number (signed with
 * "-", "−" or "–"; grouped by dots; with a decimal comma; in parentheses;
 * with a footnote mark "¹" or "*"; "12%"), an empty mark ("–", "-", "..",
 * "…"), a lone mark ("*", "¹") or a lone "%".  Returns 1 with *t filled,
 * or 0 when it is none of these (a word). */
static int read_token(const char *s, size_t a, size_t b, token *t)
{
    memset(t, 0, sizeof *t);
    for (size_t n;;) {
        if (b > a && s[b - 1] == '*')
            b--;
        else if ((n = superscript_before(s, a, b)) > 0)
            b -= n;
        else
            break;
        t->marked = 1;
    }
    if (a == b) {
        t->kind = T_MARK;
        return 1;
    }
    if (b - a == 1 && s[a] == '%') {
        t->kind = T_PCT;
        return 1;
    }
    if (s[a] == '(') {
        t->open = 1;
        a++;
    }
    if (b > a && s[b - 1] == ')') {
        t->close = 1;
        b--;
    }
    if (b > a && s[b - 1] == '%') {
        t->kind = T_PCT; /* "12%": a share; kept as a number marked so */
        b--;
        t->marked = 2;
    } else if (b - a >= 2 && s[b - 1] == 'x' && s[b - 2] >= '0' && s[b - 2] <= '9') {
        t->kind = T_PCT; /* "2,5x": a multiple, as a share is no money */
        b--;
        t->marked = 2;
    }
    if (a == b)
        return 0;
    if (b - a == 1 && s[a] == '+' && !t->open && !t->close && !t->marked && t->kind != T_PCT) {
        t->kind = T_EMPTY; /* joined to the number after it, or no value */
        t->dash = t->plus = 1;
        t->sp = (belopp_span){a, b};
        return 1;
    }
#define EMPTY(x) {x, sizeof x - 1}
    static const struct {
        const char *s;
        size_t n;
    } empties[] = {EMPTY("\xE2\x80\x93"), EMPTY("-"),  EMPTY("\xE2\x88\x92"), EMPTY("\xE2\x80\x91"),
                   EMPTY("\xE2\x80\x94"), EMPTY(".."), EMPTY("..."),          EMPTY("\xE2\x80\xA6")};
#undef EMPTY
    /* every empty mark starts with "-", "." or the lead byte 0xE2: a number
     * (most tokens) need not be compared with each */
    int may_be_empty = s[a] == '-' || s[a] == '.' || (unsigned char)s[a] == 0xE2;
    for (size_t i = 0; may_be_empty && i < sizeof empties / sizeof empties[0]; i++)
        if (empties[i].n == b - a && memcmp(s + a, empties[i].s, b - a) == 0) {
            if (t->kind == T_PCT)
                return 0;
            t->kind = T_EMPTY;
            t->dash = i < 4 && !t->open && !t->close && !t->marked;
            t->sp = (belopp_span){a, b};
            return 1;
        }
    size_t i = a;
    if (s[i] == '-')
        i++;
    else if (b - i > 3 && (unsigned char)s[i] == 0xE2 &&
             (memcmp(s + i, "\xE2\x88\x92", 3) == 0 || memcmp(s + i, "\xE2\x80\x93", 3) == 0 ||
                           memcmp(s + i, "\xE2\x80\x91", 3) == 0))
        i += 3;
    t->sign = i > a;
    size_t d = i;
    while (i < b && s[i] >= '0' && s[i] <= '9')
        i++;
    if (i == d)
        return 0;
    t->idigits = (int)(i - d);
    t->lead0 = i - d > 1 && s[d] == '0';
    while (i + 4 <= b && s[i] == '.' && s[i + 1] >= '0' && s[i + 1] <= '9' && s[i + 2] >= '0' &&
           s[i + 2] <= '9' && s[i + 3] >= '0' && s[i + 3] <= '9') {
        t->dots = 1;
        t->idigits += 3;
        i += 4;
    }
    if (t->dots && i + 3 == b && s[i] == '.' && s[i + 1] >= '0' && s[i + 1] <= '9' && s[i + 2] >= '0' &&
        s[i + 2] <= '9') {
        t->frac = 1; /* "155.974.54": the öre after a dot, the thousands dotted */
        i = b;
    }
    if (i + 1 < b && s[i] == ',') {
        size_t f = ++i;
        while (i < b && s[i] >= '0' && s[i] <= '9')
            i++;
        t->frac = i > f;
    }
    if (i != b || (t->dots && t->idigits - 3 * ((t->idigits - 1) / 3) > 3))
        return 0;
    if (t->kind != T_PCT)
        t->kind = T_NUM;
    t->sp = (belopp_span){a, b};
    return 1;
}

/* May g be a later digit group of a number (not its first): three digits,
 * one space before it, unsigned; only the last group may carry a decimal
 * part, a mark or ")". */
static inline __attribute__((always_inline)) int inner_group(const token *g, int last)
{
    if (g->kind != T_NUM || g->hard || g->sign || g->open || g->dots || g->idigits != 3)
        return 0;
    return last || !(g->frac || g->close || g->marked);
}

/* Can tokens t[i, j) be one cell?  A number's first group has 1-3 digits
 * when more follow; the others exactly three, unsigned, with nothing between
 * them but one space; a decimal part, a mark or ")" ends it.  (Inlined:
 * feasible_counts and best_split ask it for every pair of tokens.) */
static inline __attribute__((always_inline)) int one_cell(const token *t, size_t i, size_t j)
{
    if (t[i].kind == T_EMPTY)
        return j == i + 1 && !t[i].open;
    if ((t[i].kind != T_NUM && t[i].kind != T_PCT) || t[i].lead0 || t[i].glue)
        return 0;
    if (j == i + 1)
        return t[i].open == t[i].close;
    if (j - i > MAX_GROUPS || t[i].idigits > 3 || t[i].frac || t[i].close || t[i].dots ||
        t[i].marked || t[i].kind == T_PCT || !t[i].open != !t[j - 1].close)
        return 0;
    for (size_t m = i + 1; m < j; m++)
        if (!inner_group(&t[m], m + 1 == j))
            return 0;
    return 1;
}

/* In the loops that try every start i of a cell ending at j, downwards:
 * once t[i] cannot be a later group of that cell, no start before it can
 * be one either (one_cell would say 0 for all of them). */
static inline __attribute__((always_inline)) int no_start_before(const token *t, size_t i, size_t j)
{
    return !inner_group(&t[i], i + 1 == j);
}

static int cell_digits(const token *t, size_t i, size_t j)
{
    return t[i].idigits + 3 * (int)(j - i - 1);
}

/* A split of a row's tokens into cells: the start of each and the end of
 * the last. */
typedef struct {
    size_t n;          /* cells */
    size_t start[BELOPP_MAX_COLUMNS + 1];
    int score;         /* sum of |digits - ref| over the cells */
    int ways;          /* splits with that score: 1, or 2 for "two or more" */
} split;

#define NO_SPLIT (INT_MAX / 4)

/* The best split of t[0, n) into exactly k cells, scored against the
 * columns: a cell costs 8 a digit outside lo[c] .. hi[c] (the sizes column
 * c has where it is clear) plus 1 a digit away from ref[c] (its median);
 * negative: unknown, no cost; ref NULL: no costs at all.  A small dynamic
 * programme over the group boundaries.  Returns the number of best splits
 * (0: none, 1, or 2 for several) and fills *out. */
static int best_split(const token *t, size_t n, size_t k, const int *ref, const int *lo,
                      const int *hi, split *out)
{
    static const int inf = NO_SPLIT;
    int score[MAX_TOKENS + 1][BELOPP_MAX_COLUMNS + 1];
    unsigned char ways[MAX_TOKENS + 1][BELOPP_MAX_COLUMNS + 1];
    unsigned char from[MAX_TOKENS + 1][BELOPP_MAX_COLUMNS + 1];
    if (n > MAX_TOKENS || k > BELOPP_MAX_COLUMNS || k == 0)
        return 0;
    if (n < k || n > k * MAX_GROUPS)
        return 0; /* every cell holds 1 .. MAX_GROUPS tokens */
    for (size_t j = 0; j <= n; j++)
        for (size_t c = 0; c <= k; c++) {
            score[j][c] = inf;
            ways[j][c] = 0;
        }
    score[0][0] = 0;
    ways[0][0] = 1;
    /* Cell c (1-based) ending at j leaves n - j tokens for k - c cells, so
     * only c >= k - (n - j) can still reach (n, k); the states left out
     * never lie on a path to it, so the result is the same.  one_cell is
     * asked once per pair (i, j), not once per cell count. */
    for (size_t j = 1; j <= n; j++) {
        size_t cmin = n - j < k ? k - (n - j) : 1;
        size_t cmax = j < k ? j : k;
        if (cmin > cmax)
            continue;
        for (size_t i = j; i-- > 0 && j - i <= MAX_GROUPS;) {
            int d = -1;
            if (one_cell(t, i, j))
                d = t[i].kind != T_EMPTY ? cell_digits(t, i, j) : 0;
            for (size_t c = cmin; d >= 0 && c <= cmax && c <= i + 1; c++) {
                if (score[i][c - 1] >= inf)
                    continue;
                int cost = 0;
                if (ref && ref[c - 1] >= 0 && t[i].kind != T_EMPTY) {
                    cost = d < ref[c - 1] ? ref[c - 1] - d : d - ref[c - 1];
                    if (d < lo[c - 1])
                        cost += 8 * (lo[c - 1] - d);
                    else if (d > hi[c - 1])
                        cost += 8 * (d - hi[c - 1]);
                }
                int sc = score[i][c - 1] + cost;
                if (sc < score[j][c]) {
                    score[j][c] = sc;
                    ways[j][c] = ways[i][c - 1];
                    from[j][c] = (unsigned char)i;
                } else if (sc == score[j][c]) {
                    ways[j][c] = 2;
                }
            }
            if (no_start_before(t, i, j))
                break;
        }
    }
    if (score[n][k] >= inf)
        return 0;
    out->n = k;
    out->score = score[n][k];
    out->ways = ways[n][k] > 1 ? 2 : 1;
    out->start[k] = n;
    for (size_t c = k, j = n; c > 0; c--) {
        j = from[j][c];
        out->start[c - 1] = j;
    }
    return out->ways;
}

/* Reads the value tokens of s[a, b) (which may span lines) into t.  Returns
 * their number, or (size_t)-1 when a run is not a table value or there are
 * too many.  A tab, two spaces or a line break before a token is a column
 * gap (hard); a lone mark ("*", "¹") is dropped and ends the cell before. */
static size_t read_tokens(const char *s, size_t a, size_t b, token *t)
{
    size_t n = 0, i = a;
    int gap = 1;
    while (i < b) {
        size_t sp, spaces = 0;
        int hard = 0, nobreak = 0;
        while (i < b && ((sp = belopp_space_at(s, i, b)) > 0 || s[i] == '\n')) {
            hard |= s[i] == '\t' || s[i] == '\n';
            nobreak |= sp > 1; /* U+00A0, U+202F: two or three bytes */
            i += sp ? sp : 1;
            spaces++;
        }
        if (i >= b)
            break;
        size_t e = i;
        while (e < b && s[e] != '\n' && !belopp_space_at(s, e, b))
            e++;
        token tk;
        if (n == MAX_TOKENS || !read_token(s, i, e, &tk))
            return (size_t)-1;
        tk.hard = hard || spaces >= 2 || gap;
        tk.glue = !tk.hard && nobreak && spaces == 1 && tk.kind == T_NUM && tk.idigits == 3 && !tk.sign &&
                  !tk.open && !tk.dots;
        gap = 0;
        if (tk.kind == T_MARK) {
            if (n > 0)
                t[n - 1].marked = 1;
            gap = 1;
        } else if (tk.kind == T_PCT && tk.sp.start == tk.sp.end) {
            if (n > 0 && t[n - 1].kind == T_NUM)
                t[n - 1].kind = T_PCT; /* "12 %" */
            gap = 1;
        } else {
            t[n++] = tk;
        }
        i = e;
    }
    /* a row writes its thousands one way: where groups are joined by
     * no-break spaces ("2 222\u202f717 223\u202f254"), a plain space is a
     * cell's gap, not a thousands space (the "2" is a footnote's, not the
     * millions of 2 222 717) */
    int nobreak_rows = 0;
    for (size_t k = 0; k < n; k++)
        nobreak_rows |= t[k].glue;
    for (size_t k = 0; nobreak_rows && k < n; k++)
        if (!t[k].glue)
            t[k].hard = 1;
    return n;
}

/* Joins each dash to the number one space after it, a sign written apart:
 * "– 1 930 976", "– 1,8", "– 4,0 %".  Only for a row that does not fit its columns
 * otherwise (a dash alone is an empty cell).  Returns the new count. */
/* Is t[i] a dash that may be the sign of the number t[i + 1] ("– 87")? */
static int sign_joins(const token *t, size_t i, size_t n)
{
    return t[i].kind == T_EMPTY && t[i].dash && i + 1 < n &&
           (t[i + 1].kind == T_NUM || (t[i + 1].kind == T_PCT && t[i + 1].sp.start < t[i + 1].sp.end)) &&
           !t[i + 1].hard && !t[i + 1].sign && !t[i + 1].open;
}

static size_t join_signs(token *t, size_t n)
{
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (sign_joins(t, i, n)) {
            token m = t[i + 1];
            if (!t[i].plus) {
                m.sp.start = t[i].sp.start;
                m.sign = 1;
            }
            m.hard = t[i].hard;
            t[o++] = m;
            i++;
        } else {
            t[o++] = t[i];
        }
    }
    return o;
}

/* --- sentences --------------------------------------------------------- */

static int is_abbreviation(const char *s, size_t a, size_t dot)
{
    static const char *const abbr[] = {"ca", "bl", "t", "ex", "m", "s", "d", "v", "nr", "jfr",
                                       "resp", "inkl", "exkl", "milj", "fr", "o", "st", "kap"};
    size_t w = dot;
    while (w > a && ((s[w - 1] | 0x20) >= 'a' && (s[w - 1] | 0x20) <= 'z'))
        w--;
    if (dot - w == 1)
        return 1; /* an initial: "A. Berg" */
    for (size_t i = 0; i < sizeof abbr / sizeof abbr[0]; i++)
        if (strlen(abbr[i]) == dot - w && strncasecmp(s + w, abbr[i], dot - w) == 0)
            return 1;
    return 0;
}

/* Does a new sentence start at s[i]: a capital, a digit, a dash or a quote? */
static int sentence_start_at(const char *s, size_t i, size_t end)
{
    unsigned char c = (unsigned char)s[i];
    if ((c >= '0' && c <= '9') || c == '"' || c == '-' || (c >= 'A' && c <= 'Z'))
        return 1;
    if (c < 0x80)
        return 0;
    utf8proc_category_t cat = category_at(s, i, end);
    return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_PD ||
           cat == UTF8PROC_CATEGORY_PI || cat == UTF8PROC_CATEGORY_SM;
}

static int push_sentence(belopp_segments *g, const char *s, size_t a, size_t b)
{
    belopp_span sp = belopp_trim(s, a, b);
    if (sp.start < sp.end)
        PUSH(g->sent, g->nsent, g->capsent, sp);
    return 0;
}

/* Splits the prose line s[a, b) into sentences; *open is where the running
 * sentence started (it may have begun on an earlier line). */
static int split_line(belopp_segments *g, const char *s, size_t a, size_t b, size_t *open)
{
    for (size_t i = a; i < b; i++) {
        /* The text is NUL-terminated and a line holds no newline, so this
         * stops at the line's end at the latest (glibc scans 16 bytes a step). */
        i += strcspn(s + i, ".!?\n");
        if (i >= b)
            break;
        char c = s[i];
        if (c != '.' && c != '!' && c != '?')
            continue; /* a NUL inside the line */
        size_t j = i + 1, n, spaces = 0;
        while (j < b && (n = belopp_space_at(s, j, b)) > 0) {
            j += n;
            spaces++;
        }
        if (spaces == 0 || j >= b || !sentence_start_at(s, j, b))
            continue;
        if (c == '.' && is_abbreviation(s, a, i))
            continue;
        if (push_sentence(g, s, *open, i + 1) < 0)
            return -1;
        *open = j;
    }
    return 0;
}


/* --- the whole text ---------------------------------------------------- */

typedef struct line {
    belopp_span trim; /* the line without its newline and surrounding spaces */
    int kind;         /* 0 prose, 1 table header, 2 table row */
    int spaces;       /* blank, but not empty: the number of spaces in it (an empty
                         cell, in a table of one cell a line with empty lines
                         between; "   " two, "       " four: cells joined by a
                         space each) */
} line;
static size_t spaced_word_titles(const char *s, const line *lines, size_t n, size_t q,
                                 belopp_span *titles);
static size_t spaced_words_over(const char *s, const line *lines, size_t n, belopp_span l,
                                size_t q, size_t min_words, int grouped, belopp_span *titles);

/* Where, in line l, a table's header is glued to the end of the row before
 * it, as a web page's tables run together when flattened ("Årets resultat
 * 0 6 0 0 0BALANSRÄKNING, Mkr 2010 2009 2008 2007 2006", "… 1 246NYCKELTAL
 * 2010 2009 …"): a digit, then a word of four capitals or more, then text
 * whose only digits are two years or more.  Returns the offset of the
 * header's first letter, or 0. */
static size_t glued_header_at(const char *s, belopp_span l)
{
    if (l.end - l.start < 12)
        return 0;
    for (size_t k = l.start + 1; k + 4 <= l.end; k++) {
        if (s[k] < 'A' || s[k] > 'Z' || s[k - 1] < '0' || s[k - 1] > '9')
            continue;
        size_t caps = 0, e = k;
        while (e < l.end && ((s[e] >= 'A' && s[e] <= 'Z') || (unsigned char)s[e] == 0xC3)) {
            if ((unsigned char)s[e] == 0xC3) { /* Å Ä Ö É */
                if (e + 1 >= l.end || ((unsigned char)s[e + 1] != 0x85 && (unsigned char)s[e + 1] != 0x84 &&
                                       (unsigned char)s[e + 1] != 0x96 && (unsigned char)s[e + 1] != 0x89))
                    break;
                e++;
            }
            e++;
            caps++;
        }
        if (caps < 4 || (e < l.end && s[e] != ',' && s[e] != ' '))
            continue;
        size_t years = 0;
        for (size_t i = e; i + 4 <= l.end; i++)
            if (s[i] >= '0' && s[i] <= '9' && (i == e || s[i - 1] == ' ') &&
                (i + 4 == l.end || s[i + 4] == ' ') && belopp_is_year(s, (belopp_span){i, i + 4}))
                years++;
        int letter = 0;
        for (size_t i = l.start; i < k && !letter; i++)
            letter = belopp_letter_at(s, i, k);
        if (years >= 2 && letter && !has_other_digits(s, e, l.end))
            return k;
    }
    return 0;
}

static int value_line(const char *s, belopp_span l);

/* Where, in line l, a label is glued to the end of a value alone, as a table
 * of one cell a line runs together when flattened from a web page or a PDF
 * ("3 098,9Bidrag till statlig infrastruktur", "3 778,9EGET KAPITAL"): a
 * number (groups of three after the first, a decimal part) followed at once
 * by a capital letter and text of two letters or more.  Only where the line
 * before (prev, not blank) is a value alone too, as the cells of such a
 * table are, and the number is not a year.  Returns the offset of the
 * label's first letter, or 0. */
static size_t glued_label_at(const char *s, belopp_span l, const line *prev)
{
    size_t i = l.start, e = l.end;
    if (!prev || e - i < 4)
        return 0;
    if (s[i] == '-')
        i++;
    else if (i + 3 <= e && (unsigned char)s[i] == 0xE2 &&
             (((unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x93) ||
              ((unsigned char)s[i + 1] == 0x88 && (unsigned char)s[i + 2] == 0x92)))
        i += 3;
    size_t d = i;
    while (i < e && s[i] >= '0' && s[i] <= '9')
        i++;
    if (i == d || i - d > 3)
        return 0;
    while (i + 4 <= e && s[i] == ' ' && s[i + 1] >= '0' && s[i + 1] <= '9' && s[i + 2] >= '0' &&
           s[i + 2] <= '9' && s[i + 3] >= '0' && s[i + 3] <= '9' && (i + 4 == e || s[i + 4] < '0' || s[i + 4] > '9'))
        i += 4;
    if (i + 1 < e && s[i] == ',' && s[i + 1] >= '0' && s[i + 1] <= '9') {
        i++;
        while (i < e && s[i] >= '0' && s[i] <= '9')
            i++;
    }
    size_t k = i;
    int cap = k < e && ((s[k] >= 'A' && s[k] <= 'Z') ||
                        (k + 1 < e && (unsigned char)s[k] == 0xC3 &&
                         ((unsigned char)s[k + 1] == 0x85 || (unsigned char)s[k + 1] == 0x84 ||
                          (unsigned char)s[k + 1] == 0x96)));
    if (!cap)
        return 0;
    size_t letters = 0;
    for (size_t q = k; q < e && letters < 2; q++)
        letters += (s[q] >= 'a' && s[q] <= 'z') || (s[q] >= 'A' && s[q] <= 'Z');
    if (letters < 2 || !value_line(s, (belopp_span){l.start, k}) || !value_line(s, prev->trim))
        return 0;
    return k;
}

/* Ends line l at offset at, as a line of its own appended to *lines (n of
 * them, room for *cap), and leaves l the rest.  Returns 0, or -1 when out of
 * memory (*lines then still valid). */
static int cut_line(const char *s, line **lines, size_t *cap, size_t *n, line *l, size_t at)
{
    void *grown = *lines;
    if (belopp_grow(&grown, cap, *n + 2, sizeof **lines) < 0) {
        *lines = grown;
        return -1;
    }
    *lines = grown;
    (*lines)[(*n)++] = (line){belopp_trim(s, l->trim.start, at), 0, 0};
    l->trim = belopp_trim(s, at, l->trim.end);
    return 0;
}

static int collect_lines(const char *s, size_t len, line **out, size_t *cap, size_t *nout)
{
    size_t n = 0, last = SIZE_MAX; /* last: the last line not blank */
    line *lines = *out;
    for (size_t a = 0; a <= len;) {
        const char *nl = memchr(s + a, '\n', len - a);
        size_t b = nl ? (size_t)(nl - s) : len;
        line l = {belopp_trim(s, a, b), 0, 0};
        l.spaces = 0;
        if (l.trim.start == l.trim.end && b > a && !(b - a == 1 && s[a] == '\r'))
            for (size_t i = a, w; i < b && (w = belopp_space_at(s, i, b)) > 0; i += w)
                l.spaces += s[i] != '\r';
        if (l.trim.start == l.trim.end && b > a && !(b - a == 1 && s[a] == '\r') && !l.spaces)
            l.spaces = 1;
        void *grown = lines;
        if (belopp_grow(&grown, cap, n + 1, sizeof *lines) < 0) {
            *out = grown;
            return -1;
        }
        lines = grown;
        /* "3 098,9Bidrag till statlig infrastruktur": a cell and the next
         * row's label run together; "Årets resultat 0 6 0 0 0BALANSRÄKNING,
         * Mkr 2010 2009 …": a row and the next table's header: two lines */
        size_t v = glued_label_at(s, l.trim, last < n ? &lines[last] : NULL);
        if ((v && cut_line(s, &lines, cap, &n, &l, v) < 0) ||
            ((v = glued_header_at(s, l.trim)) != 0 && cut_line(s, &lines, cap, &n, &l, v) < 0)) {
            *out = lines;
            return -1;
        }
        if (l.trim.start != l.trim.end)
            last = n;
        lines[n++] = l;
        if (!nl)
            break;
        a = b + 1;
    }
    *out = lines;
    *nout = n;
    return 0;
}

/* --- tables ------------------------------------------------------------- */

/* Could line i be a table row: short and ending in a digit, ")" or a mark?
 * (The cheapest test, so that find_tables skips prose at once.) */
static int may_be_row(const char *s, const line *lines, size_t n, size_t i)
{
    if (i >= n)
        return 0;
    belopp_span r = lines[i].trim;
    if (r.start == r.end || r.end - r.start > MAX_ROW_BYTES)
        return 0;
    unsigned char c = (unsigned char)s[r.end - 1];
    return (c >= '0' && c <= '9') || c == ')' || c == '*' || c == '%' || c >= 0x80;
}

static int is_blank(const line *lines, size_t n, size_t i)
{
    return i < n && lines[i].trim.start == lines[i].trim.end;
}

/* Is the letter-run of s starting at i a word start (no letter before it)? */
static int word_starts_at(const char *s, size_t a, size_t i)
{
    if (i == a)
        return 1;
    unsigned char c = (unsigned char)s[i - 1];
    return !((c | 0x20) >= 'a' && (c | 0x20) <= 'z') && c < 0x80;
}

/* Does a word of s[sp) start with one of words (lower case; "Å" spelled out
 * where it matters)? */
/* c with A-Z as a-z: strncasecmp's view of a byte (in the C locale). */
static unsigned char fold(unsigned char c) { return c >= 'A' && c <= 'Z' ? c | 0x20 : c; }

static int has_word(const char *s, belopp_span sp, const char *const *words)
{
    for (size_t i = sp.start; i < sp.end; i++) {
        if (!word_starts_at(s, sp.start, i))
            continue;
        unsigned char c = fold((unsigned char)s[i]); /* most words differ here */
        for (const char *const *w = words; *w; w++) {
            if (fold((unsigned char)**w) != c && **w)
                continue;
            size_t n = strlen(*w);
            if (n <= sp.end - i && strncasecmp(s + i, *w, n) == 0)
                return 1;
        }
    }
    return 0;
}

/* Is the first word of s[sp) one of words (ignoring case)? */
static int first_word_is(const char *s, belopp_span sp, const char *const *words)
{
    /* (belopp_word_end steps over a letter's continuation bytes: "Förändring",
     * "därav" are words of the lists too) */
    size_t e = belopp_word_end(s, sp.start, sp.end);
    for (const char *const *w = words; *w; w++)
        if (strlen(*w) == e - sp.start && strncasecmp(s + sp.start, *w, e - sp.start) == 0)
            return 1;
    return 0;
}

/* Words in a row label or column title that mark counts and shares, not
 * money: "Antal anställda", "Andel (%)", "Soliditet (%)", "Förändring %". */
static const char *const NOT_MONEY[] = {"procent", "andel", "antal", "medelantal", "\xC3\xA5rsarbet",
                                        "\xC3\x85rsarbet", "anst\xC3\xA4lld", "soliditet",
                                        "nyckeltal", "index", "kvot", "ggr", "g\xC3\xA5nger",
                                        /* a municipality's key figures beside its money:
                                         * "Folkmängd 45 210", "Kommunal skattesats 21,35" */
                                        "folkm\xC3\xA4ngd", "befolkning", "inv\xC3\xA5narantal",
                                        "skattesats", "utdebitering",
                                        /* staff figures: "Sjukfrånvaro 6,2" */
                                        "sjukfr\xC3\xA5nvaro", "friskn\xC3\xA4rvaro",
                                        "personaloms\xC3\xA4ttning", NULL};
/* The title of a note column: "Not", "Noter". */
static const char *const NOTE[] = {"not", "noter", "note", "notes", NULL};
static int first_word_is(const char *s, belopp_span sp, const char *const *words);

/* Does the stub title name a note column: "Not", "Noter", "MSEK Not"? */
static int note_stub(const char *s, belopp_span t)
{
    if (first_word_is(s, t, NOTE))
        return 1;
    size_t w = t.end;
    while (w > t.start && !belopp_space_at(s, w - 1, t.end))
        w--;
    return w > t.start && first_word_is(s, (belopp_span){w, t.end}, NOTE);
}

/* First words of a total: "Totalt", "Summa utgifter", "Sammanlagt". */
static const char *const TOTAL[] = {"totalt", "total", "summa", "sammanlagt", "samtliga", NULL};
/* First words of a difference column: "Avvikelse", "Förändring". */
static const char *const DIFFERENCE[] = {"avvikelse", "differens", "diff", "f\xC3\xB6r\xC3\xA4ndring",
                                         "F\xC3\xB6r\xC3\xA4ndring", "utveckling", NULL};

/* Is s[i, e) "andel av årets resultat" or "andel av resultat…": a part of
 * the result in money, as an income statement gives it to the owners
 * ("Minoritetens andel av årets resultat", "Andel av resultat i
 * intresseföretag"), not a share in percent. */
static int result_share(const char *s, size_t i, size_t e)
{
    static const char *const FORMS[] = {"andel av \xC3\xA5rets resultat", "andel av resultat", NULL};
    for (const char *const *f = FORMS; *f; f++) {
        size_t n = strlen(*f);
        if (e - i >= n && strncasecmp(s + i, *f, n) == 0)
            return 1;
    }
    return 0;
}

/* Ratios inside compounds (names_shares): "Vinstmarginal", "Kapitalavkastning",
 * "Räntabilitet", "Skuldsättningsgrad"; a sum over the result
 * ("Nettolåneskuld/just EBITA") and "Kapitalstruktur" are multiples */
#define W(x) {x, sizeof x - 1}
static const struct {
    const char *s;
    size_t n;
} INSIDE[] = {W("marginal"),          W("avkastning"),        W("r\xC3\xA4ntabilitet"),
              W("s\xC3\xA4ttningsgrad"), W("finansieringsgrad"), W("/ebit"),
              W("kapitalstruktur"),
              /* liquidity and cover ratios: "Kassalikviditet 1,2",
               * "Balanslikviditet", "Belåningsgrad", "Räntetäckningsgrad",
               * "Kapitalomsättningshastighet" */
              W("kassalikviditet"), W("balanslikviditet"), W("bel\xC3\xA5ningsgrad"),
              W("t\xC3\xA4" "ckningsgrad"), W("oms\xC3\xA4ttningshastighet")};
#undef W

/* Made once for the process from the lists above (constants of the lists;
 * pthread_once makes it safe with the extraction threads), only read after:
 * the first bytes (A-Z as a-z) of the NOT_MONEY words as a 256-bit set, and
 * for each byte the INSIDE words that can start with it (either case), as a
 * bit mask, so that names_shares tries at a position only the words that
 * start there. */
static uint64_t not_money_first[4];
static uint32_t inside_first[256];
static pthread_once_t title_sets_once = PTHREAD_ONCE_INIT;
_Static_assert(sizeof INSIDE / sizeof INSIDE[0] <= 32, "inside_first holds 32 words");

static void make_title_sets(void)
{
    for (size_t w = 0; w < sizeof INSIDE / sizeof INSIDE[0]; w++) {
        unsigned char f = (unsigned char)INSIDE[w].s[0];
        inside_first[f] |= (uint32_t)1 << w;
        if (f >= 'a' && f <= 'z')
            inside_first[f - 'a' + 'A'] |= (uint32_t)1 << w;
    }
    for (const char *const *w = NOT_MONEY; *w; w++) {
        unsigned char f = fold((unsigned char)**w);
        not_money_first[f >> 6] |= (uint64_t)1 << (f & 63);
        if (!f)
            memset(not_money_first, 0xFF, sizeof not_money_first); /* an empty word: every start */
    }
}

static int names_shares(const char *s, belopp_span t)
{
    if (memchr(s + t.start, '%', t.end - t.start))
        return 1;
    pthread_once(&title_sets_once, make_title_sets);
    /* one pass over the title for the words inside compounds and for the
     * shares and degrees at the end of one:
     *  - a share: "Nettokostnadsandel", "Marknadsandel"; not "Handel", nor
     *    "Egenandel" (a sum paid), nor "Resultatandel" (a part of a result,
     *    money: "Resultatandel i intresseföretag"), nor "Minoritetsandel"
     *    (the minority's part of the result, in an income statement);
     *  - a degree is a ratio: "Beläggningsgrad", "Uthyrningsgrad",
     *    "Vakansgrad", "Självförsörjningsgrad" */
    for (size_t i = t.start; i < t.end; i++) {
        unsigned char b = (unsigned char)s[i];
        uint32_t m = inside_first[b]; /* most bytes start none: 0 */
        for (size_t w = 0; m; w++, m >>= 1)
            if ((m & 1) && INSIDE[w].n <= t.end - i &&
                strncasecmp(s + i, INSIDE[w].s, INSIDE[w].n) == 0)
                return 1;
        if (i == t.start)
            continue;
        if ((b | 0x20) == 'a' && i + 5 <= t.end && strncasecmp(s + i, "andel", 5) == 0 &&
            belopp_letter_at(s, i - 1, t.end) && (s[i - 1] | 0x20) != 'h' &&
            (i + 5 == t.end || !belopp_letter_at(s, i + 5, t.end)) &&
            !(i - t.start >= 4 && strncasecmp(s + i - 4, "egen", 4) == 0) &&
            !(i - t.start >= 8 && strncasecmp(s + i - 8, "resultat", 8) == 0) &&
            !(i - t.start >= 10 && strncasecmp(s + i - 10, "minoritets", 10) == 0))
            return 1;
        if ((b | 0x20) == 'g' && i + 4 <= t.end && strncasecmp(s + i, "grad", 4) == 0 &&
            belopp_letter_at(s, i - 1, t.end) &&
            (i + 4 == t.end || !belopp_letter_at(s, i + 4, t.end)))
            return 1;
    }
    /* "Andelar i intresseföretag" are holdings, money: "andelar" is no
     * share as "Andel" is */
    const uint64_t *first = not_money_first;
    for (size_t i = t.start; i < t.end; i++) {
        unsigned char c = fold((unsigned char)s[i]);
        if (!(first[c >> 6] >> (c & 63) & 1) || !word_starts_at(s, t.start, i))
            continue; /* (no word of the list starts so: most words) */
        for (const char *const *w = NOT_MONEY; *w; w++) {
            if (fold((unsigned char)**w) != fold((unsigned char)s[i]) && **w)
                continue; /* most words differ in the first byte */
            size_t n = strlen(*w);
            if (n <= t.end - i && strncasecmp(s + i, *w, n) == 0 &&
                !(t.end - i >= 7 && strncasecmp(s + i, "andelar", 7) == 0) &&
                !result_share(s, i, t.end))
                return 1;
        }
    }
    return 0;
}

/* Is t the section "Nyckeltal" alone (a five-year summary's key figures):
 * the rows under it mix money ("Eget kapital", "Nettoskuld") with ratios,
 * each row's label saying which it is ("Soliditet, procent"), so the
 * section does not end the table as a section of counts or shares does. */
static int key_figures_section(const char *s, belopp_span t)
{
    static const char kw[] = "nyckeltal";
    size_t n = sizeof kw - 1, len = t.end - t.start;
    if (len && s[t.end - 1] == ':')
        len--;
    return len == n && strncasecmp(s + t.start, kw, n) == 0;
}

/* A unit of its own in a row label or column title: "Resultat per anställd,
 * kkr", "Kostnad (kr)", "Tkr", "Kronor per invånare". */
static int own_unit(const char *s, belopp_span t, unit_info *u)
{
    if (t.start == t.end)
        return 0;
    if (unit_header(s, t.start, t.end, u) || unit_tail(s, t.start, t.end, u))
        return 1;
    size_t e = t.start;
    while (e < t.end && !belopp_space_at(s, e, t.end))
        e++;
    /* a price per unit of measure: "Genomsnittshyra (kr/kvm)", "Hyra, kr/m²" */
    /* or per period: "Hyra per kvm, kr/år", "Avgift, kr/mån"; or per head,
     * which a "tkr" over the table must not scale: "Kostnad kr/inv" */
    static const char *const MEASURE[] = {"kvm",  "m",       "kvadratmeter", "kwh",   "km",
                                          "ton",  "liter",   "\xC3\xA5r",     "m\xC3\xA5n", "m\xC3\xA5nad",
                                          "tim",  "timme",   "dag",          "vecka",
                                          /* volume, area, energy, power: "kr/kbm", "kr/m3",
                                           * "kr/MWh", "kr/kW" (a utility's tariff) */
                                          "kbm",  "m2",      "m3",           "m\xC2\xB2", "m\xC2\xB3",
                                          "kubikmeter", "mwh", "kw",         "kg",    "st",
                                          "styck",
                                          /* per head: "Kostnad kr/inv", "kr/elev" */
                                          "inv",  "inv\xC3\xA5nare", "elev", "person", "barn",
                                          "anst\xC3\xA4lld", "brukare", "plats",
                                          /* per share: "Börskurs, kr/aktie" */
                                          "aktie", NULL};
    for (size_t i = t.start; i + 4 < t.end; i++)
        if ((i == t.start || s[i - 1] == '(' || s[i - 1] == ' ') &&
            (strncmp(s + i, "kr/", 3) == 0 || strncmp(s + i, "Kr/", 3) == 0) &&
            first_word_is(s, (belopp_span){i + 3, t.end}, MEASURE)) {
            u->exp10 = 0;
            u->currency = "SEK";
            u->words = (belopp_span){i, i + 2};
            return 1;
        }
    const belopp_unit *first = belopp_unit_lookup(s + t.start, e - t.start);
    belopp_span rest = belopp_trim(s, e, t.end);
    if (first && first->kind == BELOPP_UNIT_CURRENCY && rest.end - rest.start > 4 &&
        strncasecmp(s + rest.start, "per ", 4) == 0) {
        u->exp10 = first->exp10;
        u->currency = first->currency;
        u->words = (belopp_span){t.start, e};
        return 1;
    }
    /* a scaled unit as the label's last word or two, with no comma before
     * it: "Försäljning MSEK", "Rörelseresultat SEK millions".  Only a
     * scaled unit (millions, thousands): "Valutakurs EUR" names no unit of
     * the row's figures */
    size_t w = t.end;
    for (int words = 0; words < 2 && w > t.start; words++) {
        while (w > t.start && !belopp_space_at(s, w - 1, t.end))
            w--; /* the start of the word */
        size_t before = w;
        while (before > t.start && belopp_space_at(s, before - 1, t.end))
            before--;
        if (before == t.start || s[before - 1] == ',' || s[before - 1] == '(')
            break; /* a label word must stand before it (the comma forms: unit_tail) */
        if ((s[before - 1] | 0x20) == 'i' && (before - 1 == t.start || belopp_space_at(s, before - 2, t.end)))
            break; /* "BALANSRÄKNING I MSEK": a caption's unit (stub_unit), not a row's */
        unit_info v;
        if (unit_header(s, w, t.end, &v) && v.exp10 > 0 && v.currency) {
            *u = v;
            return 1;
        }
        w = before;
    }
    /* the unit between commas, a qualifier after it: "Resultat per aktie,
     * SEK, före utspädning" */
    for (size_t c = t.start; c < t.end; c++) {
        if (s[c] != ',')
            continue;
        size_t d = c + 1;
        while (d < t.end && s[d] != ',')
            d++;
        if (d < t.end && d - c <= 12 && unit_header(s, c + 1, d, u) && u->currency)
            return 1;
    }
    /* a qualifier in parentheses after the unit: "Investeringar i mnkr
     * (netto)" */
    if (s[t.end - 1] == ')') {
        size_t p = t.end - 1;
        while (p > t.start && s[p - 1] != '(' && s[p - 1] != ')')
            p--;
        if (p > t.start + 2 && s[p - 1] == '(' && s[p - 2] == ' ' && !has_digit(s, p, t.end))
            return own_unit(s, belopp_trim(s, t.start, p - 1), u);
    }
    return 0;
}

/* The label without footnote marks: "Summa utgifter¹", "Intäkter*". */
/* The length of a note reference ending label l after other words: "Not"
 * of "Gåvor  Not" (its number went to the note column), "Not 5" of
 * "Programkostnader  Not 5" (the row's second note); 0 if none. */
static size_t note_tail(const char *s, belopp_span l)
{
    size_t e = l.end;
    while (e > l.start && ((s[e - 1] >= '0' && s[e - 1] <= '9') || s[e - 1] == ','))
        e--;
    if (e < l.end) { /* "Not 5": the number after a note word */
        if (e == l.start || s[e - 1] != ' ')
            return 0;
        e--;
    }
    size_t w = e;
    while (w > l.start && ((s[w - 1] | 0x20) >= 'a' && (s[w - 1] | 0x20) <= 'z'))
        w--;
    if (w == e || w < l.start + 2 || s[w - 1] != ' ' || !first_word_is(s, (belopp_span){w, e}, NOTE))
        return 0;
    return l.end - w;
}

/* The first of a label written twice, cell after cell, as a web page with
 * one label for wide screens and one for narrow ones is copied
 * ("Nettoomsättning | Nettoomsättning |", the bar a tab here): the label
 * once; else l. */
static belopp_span label_once(const char *s, belopp_span l)
{
    const char *tab = memchr(s + l.start, '\t', l.end - l.start);
    if (!tab)
        return l;
    size_t t = (size_t)(tab - s);
    belopp_span a = belopp_trim(s, l.start, t), b = belopp_trim(s, t + 1, l.end);
    if (a.end > a.start && a.end - a.start == b.end - b.start &&
        memcmp(s + a.start, s + b.start, a.end - a.start) == 0)
        return a;
    return l;
}

static belopp_span clean_label(const char *s, belopp_span l)
{
    for (size_t n;;) {
        l = label_once(s, belopp_trim(s, l.start, l.end));
        if (l.end > l.start && s[l.end - 1] == '*')
            l.end--;
        else if ((n = superscript_before(s, l.start, l.end)) > 0)
            l.end -= n;
        else if ((n = note_tail(s, l)) > 0)
            l.end -= n;
        else
            return l;
    }
}

/* The end of a footnote number after a row's "%" ("Soliditet % 1   37,6%
 * 44,3%"), or v when there is none: one digit (not 0) alone, then two
 * spaces or more, then a value written with its own "%".  The row's
 * values are shares that each carry their "%", so the bare digit is no
 * share of the row but a mark on the label; read as a value, it would give
 * the row one cell more than the rest of the table. */
static size_t pct_label_note(const char *s, size_t v, size_t b)
{
    if (v + 3 >= b || s[v] < '1' || s[v] > '9' || s[v + 1] != ' ' ||
        (s[v + 2] != ' ' && s[v + 2] != '\t'))
        return v;
    size_t w = belopp_skip_spaces(s, v + 1, b);
    size_t e = w;
    while (e < b && !belopp_space_at(s, e, b))
        e++;
    if (w == e || s[e - 1] != '%' || !(s[w] == '-' || (s[w] >= '0' && s[w] <= '9')))
        return v;
    return w;
}

/* Is s[a, b) a row "label value…"?  Its values are the longest run of table
 * values (see read_token) at the end of the line, the label the rest, with
 * a letter in it.  With empty_ok a row of "–" only counts too. */
/* Is s[a, b) numbers run together by their minus signs, three or more:
 * digits, each "-" right after a digit ("-439-415-409", "12-8-5"), no
 * piece a year ("2020-2021-2022" is a period)? */
static int glued_signs_chunk(const char *s, size_t a, size_t b)
{
    size_t signs = 0, p = a;
    if (p < b && s[p] == '-')
        p++;
    size_t piece = p;
    for (size_t i = p; i <= b; i++) {
        if (i < b && s[i] >= '0' && s[i] <= '9')
            continue;
        if (i == piece || i - piece > 3)
            return 0; /* an empty piece, or four digits or more: a year, a code */
        if (i == b)
            break;
        if (s[i] != '-')
            return 0;
        signs++;
        piece = i + 1;
    }
    return signs >= 2;
}

/* A clock time at s[i]: "6:00", "06.30" (hours to 24, minutes to 59).
 * Returns the end, or 0. */
static size_t clock_time(const char *s, size_t i, size_t b)
{
    size_t d = i;
    while (d < b && d - i < 3 && s[d] >= '0' && s[d] <= '9')
        d++;
    if (d == i || d - i > 2 || d + 3 > b || (s[d] != ':' && s[d] != '.') || s[d + 1] < '0' ||
        s[d + 1] > '5' || s[d + 2] < '0' || s[d + 2] > '9' || (d + 3 < b && s[d + 3] >= '0' && s[d + 3] <= '9'))
        return 0;
    int h = s[i] - '0';
    if (d - i == 2)
        h = h * 10 + s[i + 1] - '0';
    return h <= 24 ? d + 3 : 0;
}

/* Is l a span of clock times, a row's label in a table of fees by the time
 * of day ("6:00–6:29 15 15")? */
static int clock_range(const char *s, belopp_span l)
{
    size_t i = clock_time(s, l.start, l.end);
    if (!i)
        return 0;
    i = belopp_skip_spaces(s, i, l.end);
    if (i < l.end && s[i] == '-')
        i++;
    else if (l.end - i >= 3 && memcmp(s + i, "\xE2\x80\x93", 3) == 0)
        i += 3;
    else
        return 0;
    i = belopp_skip_spaces(s, i, l.end);
    return (i = clock_time(s, i, l.end)) != 0 && i == l.end;
}

static int table_row(const char *s, size_t a, size_t b, int empty_ok, belopp_row *row)
{
    if (b - a > MAX_ROW_BYTES || a == b)
        return 0;
    size_t st0 = a;
    while (st0 < b && s[st0] == '*')
        st0++;
    if (st0 > a && st0 < b && s[st0] == ' ')
        return 0; /* a footnote under the table: "* Styrelsen föreslår … SEK 2,00" */
    size_t e = b, vstart = b, n;
    int nums = 0, empties = 0;
    while (e > a) {
        size_t st = e;
        while (st > a && !space_before(s, a, st))
            st--;
        token t;
        if (st > a && e == b && glued_signs_chunk(s, st, e)) {
            nums++; /* "-439-415-409-416-410": cells run together, read as such later */
            vstart = st;
            e = st;
            while ((n = space_before(s, a, e)) > 0)
                e -= n;
            continue;
        }
        if (st == a || !read_token(s, st, e, &t))
            break;
        nums += t.kind == T_NUM || (t.kind == T_PCT && t.sp.start < t.sp.end);
        empties += t.kind == T_EMPTY;
        vstart = st;
        e = st;
        while ((n = space_before(s, a, e)) > 0)
            e -= n;
    }
    if (vstart == b || (!nums && !(empty_ok && empties)))
        return 0;
    /* "Belåningsgrad, % 58,2 57,3": a "%" alone before the first value
     * ends the label and names the row's unit; kept in the label so that
     * the row is read as shares, not money */
    if (s[vstart] == '%' && vstart + 1 < b && belopp_space_at(s, vstart + 1, b)) {
        vstart = belopp_skip_spaces(s, vstart + 1, b);
        vstart = pct_label_note(s, vstart, b); /* "Soliditet % 1   37,6%" */
    }
    belopp_span label = clean_label(s, (belopp_span){a, vstart});
    int letters = 0;
    for (size_t i = label.start; i < label.end && !letters; i++)
        letters = belopp_letter_at(s, i, label.end);
    if (!letters && !clock_range(s, label))
        return 0;
    /* "Verksamhetens kostnader Not 3 – 522 941 …": the word "Not" names
     * the note that follows it, which is no value */
    size_t lw = label.end;
    while (lw > label.start && !belopp_space_at(s, lw - 1, label.end))
        lw--;
    if (label.end - lw == 3 && strncasecmp(s + lw, "not", 3) == 0 && label.end < vstart) {
        size_t d = vstart;
        while (d < b && s[d] >= '0' && s[d] <= '9')
            d++;
        if (d > vstart && d - vstart <= 2 && s[vstart] != '0' && d < b && s[d] == ' ') {
            size_t v2 = belopp_skip_spaces(s, d, b);
            if (v2 < b) {
                /* the label without it; "Not 2" alone when nothing is
                 * before it (the label stands on the line above) */
                label = lw > label.start ? belopp_trim(s, label.start, lw) : (belopp_span){lw, d};
                vstart = v2;
            }
        }
    }
    /* "Rörelseresultat 3, 4, 5, 14, 15 132 57": a list of notes whose
     * last item ends the label with a comma ("14,") goes on in the first
     * number after it: "15" is a note, never the head of "15 132" */
    if (label.end == vstart - 1 || (label.end < vstart && s[label.end - 1] == ',')) {
        size_t c = label.end, d = vstart;
        while (c > label.start && s[c - 1] == ' ')
            c--;
        size_t q = c > label.start ? c - 1 : c;
        size_t g = q;
        while (g > label.start && s[g - 1] >= '0' && s[g - 1] <= '9')
            g--;
        while (d < b && s[d] >= '0' && s[d] <= '9')
            d++;
        if (s[q] == ',' && g < q && q - g <= 2 && g > label.start && s[g - 1] == ' ' && d > vstart &&
            d - vstart <= 2 && s[vstart] != '0' && d < b && s[d] == ' ') {
            size_t v2 = belopp_skip_spaces(s, d, b);
            if (v2 < b && s[v2] != ',') {
                /* the label without its notes ("Rörelseresultat") */
                size_t p = g;
                while (p >= label.start + 3 && s[p - 1] == ' ' && s[p - 2] == ',' && s[p - 3] >= '0' &&
                       s[p - 3] <= '9') {
                    size_t h = p - 3;
                    while (h > label.start && s[h - 1] >= '0' && s[h - 1] <= '9')
                        h--;
                    if (p - 2 - h > 2 || h == label.start || s[h - 1] != ' ')
                        break;
                    p = h;
                }
                belopp_span t = belopp_trim(s, label.start, p);
                if (t.start < t.end)
                    label.end = t.end;
                vstart = v2;
            }
        }
    }
    memset(row, 0, sizeof *row);
    row->label = label;
    row->values = (belopp_span){vstart, b};
    row->line = (belopp_span){a, b};
    return 1;
}

static int values_line(const char *s, belopp_span x);
static int word_line_max(const char *s, belopp_span l, size_t max);

/* Where the digits glued to the end of label word at [a, b) begin
 * ("totalt6", "partier470", "m.m.209"), or b when there are none: digits
 * after a letter or a full stop. */
static size_t glued_digits(const char *s, size_t a, size_t b)
{
    size_t d = b;
    while (d > a && s[d - 1] >= '0' && s[d - 1] <= '9')
        d--;
    if (d == b || d == a || b - d > 3 || (s[d] == '0' && b - d > 1))
        return b;
    unsigned char c = (unsigned char)s[d - 1];
    if (c == '.' || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
        return d;
    if (c == ')' && d - 1 > a && ((s[d - 2] | 0x20) >= 'a' && (s[d - 2] | 0x20) <= 'z'))
        return d; /* a word in parentheses closing the label: "Personalsatsning (ram)2 000" */
    if (c >= 0x80) { /* å, ä, ö: the last character a letter */
        size_t p = d - 1;
        while (p > a && ((unsigned char)s[p] & 0xC0) == 0x80)
            p--;
        if (belopp_letter_at(s, p, d))
            return d;
    }
    return b;
}

/* Does label l end in digits glued to its last word ("totalt6")? */
static int glued_label_digits(const char *s, belopp_span l)
{
    size_t w = l.end;
    while (w > l.start && !belopp_space_at(s, w - 1, l.end))
        w--;
    return glued_digits(s, w, l.end) != l.end;
}

/* Do the digits at d follow a word of four letters or more, or a word in
 * parentheses ("Kammarkollegiet20", "(ram)897"), not a code ("B2")? */
static int glued_after_word(const char *s, size_t d)
{
    if (d >= 2 && s[d - 1] == ')')
        return 1;
    size_t k = 0;
    while (k < d && k < 4 && (((s[d - 1 - k] | 0x20) >= 'a' && (s[d - 1 - k] | 0x20) <= 'z') ||
                              (unsigned char)s[d - 1 - k] >= 0x80))
        k++;
    return k >= 4;
}

/* Line l as a row whose first value is glued to its label: "Revision431",
 * "Politisk verksamhet, totalt6 940" (the label, then "6 940").  Every
 * group after the glued digits has three digits; no sign, no decimals
 * but in the last.  Returns 0 when l is no such row. */
static int glued_row(const char *s, belopp_span l, belopp_row *row)
{
    if (l.start == l.end || l.end - l.start > MAX_ROW_BYTES)
        return 0;
    /* the groups of three at the end, back to the glued word */
    size_t e = l.end, w;
    for (;;) {
        w = e;
        while (w > l.start && !belopp_space_at(s, w - 1, e))
            w--;
        if (w > l.start && e - w == 3 && s[w] >= '0' && s[w] <= '9' && s[w + 1] >= '0' && s[w + 1] <= '9' &&
            s[w + 2] >= '0' && s[w + 2] <= '9') {
            e = w;
            while (e > l.start && belopp_space_at(s, e - 1, e))
                e--;
            continue;
        }
        break;
    }
    size_t d = glued_digits(s, w, e);
    if (d == e || (s[d] == '0' && e < l.end))
        return 0; /* ("…(ram)0" is zero; no number starts "0 123") */
    belopp_span label = belopp_trim(s, l.start, d);
    int letters = 0;
    for (size_t i = label.start; i < label.end && !letters; i++)
        letters = belopp_letter_at(s, i, label.end);
    if (!letters)
        return 0;
    memset(row, 0, sizeof *row);
    row->label = label;
    row->values = (belopp_span){d, l.end};
    row->line = l;
    return 1;
}

/* Is line l a note alone, one or two digits ("19" under the section "Eget
 * kapital" it belongs to)? */
static int note_alone(const char *s, belopp_span l)
{
    return l.end - l.start >= 1 && l.end - l.start <= 2 && s[l.start] >= '1' && s[l.start] <= '9' &&
           s[l.end - 1] >= '0' && s[l.end - 1] <= '9';
}

static int word_line(const char *s, belopp_span l);
static int note_ref_line(const char *s, belopp_span l);
static size_t decimal_cells(const char *s, belopp_span l);
static int ends_in_year(const char *s, belopp_span sp);
/* Is l a title line run together, as a web page's table copied without
 * its cell gaps gives it: titles ending in a year, each glued to the next
 * ("Bokslut 2021Bokslut 2022Plan 2023"), three or more, and perhaps a stub
 * glued to the first ("Fördelning av resultatbudgetNotBokslut 2021…": the
 * first title starts at the last capital after a lower-case letter, and a
 * note column's "Not" glued at the stub's end is kept as the stub, so that
 * the rows' notes are read as notes)?  Fills titles (the stub, then one a
 * year) and returns their number with the stub, or 0. */
static size_t glued_header(const char *s, belopp_span l, belopp_span *titles)
{
    if (l.end - l.start > MAX_ROW_BYTES)
        return 0;
    belopp_span t[BELOPP_MAX_COLUMNS];
    size_t nt = 0, start = l.start;
    for (size_t i = l.start; i + 4 <= l.end; i++) {
        if (s[i] < '0' || s[i] > '9' || (i > l.start && s[i - 1] >= '0' && s[i - 1] <= '9') ||
            !belopp_is_year(s, (belopp_span){i, i + 4}))
            continue;
        size_t e = i + 4;
        if (e < l.end && !(s[e] >= 'A' && s[e] <= 'Z') &&
            !((unsigned char)s[e] == 0xC3 && e + 1 < l.end &&
              ((unsigned char)s[e + 1] == 0x85 || (unsigned char)s[e + 1] == 0x84 ||
               (unsigned char)s[e + 1] == 0x96)))
            return 0; /* a year not glued to a title after it */
        if (nt + 1 == BELOPP_MAX_COLUMNS || i == start || !belopp_space_at(s, i - 1, l.end))
            return 0; /* each title a word, a space, its year */
        t[nt++] = (belopp_span){start, e};
        start = e;
        i = e - 1;
    }
    if (nt < 3 || start != l.end)
        return 0;
    /* the first title from the last capital after a lower-case letter */
    size_t f = t[0].start;
    for (size_t i = t[0].start + 1; i < t[0].end; i++)
        if (s[i] >= 'A' && s[i] <= 'Z' && s[i - 1] >= 'a' && s[i - 1] <= 'z')
            f = i;
    belopp_span stub = {t[0].start, f};
    if (f - t[0].start >= 4 && strncmp(s + f - 3, "Not", 3) == 0 && s[f - 4] >= 'a' && s[f - 4] <= 'z')
        stub = (belopp_span){f - 3, f}; /* "…resultatbudgetNot": the note column */
    t[0].start = f;
    titles[0] = stub;
    memcpy(titles + 1, t, nt * sizeof t[0]);
    return nt + 1;
}

/* Under a unit alone ("1000-tal kr"), a section's heading, a blank line
 * perhaps, then the titles, three or more of them years ("Skatteintäkter
 * och finansiella poster" / "" / "Prognos 2023 Budget 2023 … Plan 2026"),
 * and a row under them?  The heading names the rows' part of the table;
 * the titles are the table's.  Line at is the heading; fills tb's titles
 * and *nt. */
static int section_then_titles(const char *s, const line *lines, size_t n, size_t at,
                               belopp_table *tb, size_t *nt)
{
    belopp_span h = lines[at].trim;
    if (h.start == h.end || h.end - h.start > 80 || !word_line(s, h) || has_digit(s, h.start, h.end))
        return 0;
    size_t q = at + 1;
    if (is_blank(lines, n, q))
        q++;
    if (q + 1 >= n || lines[q].kind)
        return 0;
    belopp_span l = lines[q].trim, t[BELOPP_MAX_COLUMNS];
    size_t m = title_line(s, l.start, l.end, t), years = 0;
    for (size_t c = 1; c < m; c++)
        years += ends_in_year(s, t[c]);
    belopp_row r;
    if (m < 4 || years + 1 < m ||
        !table_row(s, lines[q + 1].trim.start, lines[q + 1].trim.end, 0, &r))
        return 0;
    memcpy(tb->titles, t, m * sizeof t[0]);
    *nt = m;
    return 1;
}

/* Is line x empty cells only, two or more: "- - - -"? */
static int dashes_line(const char *s, belopp_span x)
{
    token t[MAX_TOKENS];
    if (x.start == x.end || x.end - x.start > 80)
        return 0;
    size_t n = read_tokens(s, x.start, x.end, t);
    if (n == (size_t)-1 || n < 2)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (t[i].kind != T_EMPTY || !t[i].dash)
            return 0;
    return 1;
}

/* Is line x one empty cell alone: "–", "-", ".."? */
static int empty_cell_line(const char *s, belopp_span x)
{
    token t[MAX_TOKENS];
    if (x.start == x.end || x.end - x.start > 8)
        return 0;
    size_t n = read_tokens(s, x.start, x.end, t);
    return n == 1 && t[0].kind == T_EMPTY;
}

/* Is label l the note column's word alone, or with its note: "Not",
 * "Not 2"? */
static int note_label(const char *s, belopp_span l)
{
    if (!first_word_is(s, l, NOTE))
        return 0;
    size_t e = belopp_skip_spaces(s, belopp_word_end(s, l.start, l.end), l.end);
    while (e < l.end && s[e] >= '0' && s[e] <= '9')
        e++;
    return e == l.end;
}

/* Does line lines[j] start with a lower-case letter, going on from the line
 * above ("Förutbetalda kostnader och" / "upplupna intäkter")? */
static int goes_on(const char *s, const line *lines, size_t n, size_t j)
{
    if (j >= n || lines[j].trim.start == lines[j].trim.end)
        return 0;
    belopp_span l = lines[j].trim;
    unsigned char c = (unsigned char)s[l.start];
    if (c == '(' && l.end - l.start > 2 && belopp_letter_at(s, l.start + 1, l.end))
        return 1; /* "Rörelseresultat före avskrivningar" / "(EBITDA)1" */
    return c < 0x80 ? c >= 'a' && c <= 'z'
                    : category_at(s, l.start, l.end) == UTF8PROC_CATEGORY_LL;
}

/* Is l a label led by an appropriation's code, as a budget numbers them
 * ("1:2 Utjämningsbidrag för"): one or two digits, a colon, one or two
 * digits, a space, then words only?  (Not a section's number with a full
 * stop: "2.1 Utgiftsutveckling" over a page number is no row.) */
static int coded_label(const char *s, belopp_span l)
{
    size_t i = l.start, d = 0;
    while (i < l.end && s[i] >= '0' && s[i] <= '9')
        i++, d++;
    if (d < 1 || d > 2 || i >= l.end || s[i] != ':')
        return 0;
    size_t k = ++i;
    while (i < l.end && s[i] >= '0' && s[i] <= '9')
        i++;
    if (i == k || i - k > 2 || i >= l.end || s[i] != ' ')
        return 0;
    belopp_span rest = {i + 1, l.end};
    return rest.start < rest.end && belopp_letter_at(s, rest.start, rest.end) && word_line_max(s, rest, 120);
}

static int value_line(const char *s, belopp_span l);
/* A row whose label stands on a line of its own, as text from a PDF wraps a
 * long row: "Summa rörelsens kostnader" / "-762 -763"; the label over two
 * lines, the second going on in lower case ("Förutbetalda kostnader och" /
 * "upplupna intäkter" / "78,8 160,5"); or the values' line led by the note
 * column's word only ("Verksamhetens intäkter" / "Not 2 132 371 106 488").
 * Fills *row (label, values, the lines as one span) and *lines_used (2 or
 * 3); returns 0 when lines j… are no such row. */
/* Line l less a footnote's digit glued to its end ("Rörelseresultat
 * (EBIT)1", "Underliggande rörelseresultat1"): one digit after a letter or
 * ")", as a key-figure table marks its alternative measures. */
static belopp_span less_mark(const char *s, belopp_span l)
{
    if (l.end - l.start >= 3 && s[l.end - 1] >= '1' && s[l.end - 1] <= '9' &&
        (s[l.end - 2] == ')' || (s[l.end - 2] >= 'a' && s[l.end - 2] <= 'z')))
        l.end--;
    return l;
}

/* Is l a count and what it counts, a label's second line ("1 barn", "2
 * barn", "3 rum och kök"): one or two digits, a space, then words only? */
static int count_phrase(const char *s, belopp_span l)
{
    size_t d = l.start;
    while (d < l.end && d - l.start < 3 && s[d] >= '0' && s[d] <= '9')
        d++;
    if (d == l.start || d - l.start > 2 || d >= l.end || s[d] != ' ')
        return 0;
    belopp_span w = belopp_trim(s, d, l.end);
    return w.end - w.start <= 40 && belopp_letter_at(s, w.start, w.end) && !has_digit(s, w.start, w.end);
}

static int wrapped_row(const char *s, const line *lines, size_t n, size_t j, belopp_row *row,
                       size_t *lines_used)
{
    if (j + 1 >= n)
        return 0;
    belopp_span l = lines[j].trim;
    if (!(word_line_max(s, less_mark(s, l), 120) || coded_label(s, l)) || belopp_is_year(s, l))
        return 0;
    size_t v = j + 1;
    belopp_span label = l;
    if (goes_on(s, lines, n, v) && v + 1 < n && word_line_max(s, less_mark(s, lines[v].trim), 120) &&
        !values_line(s, lines[v].trim)) {
        label.end = lines[v].trim.end;
        v++;
    } else if (v + 1 < n && count_phrase(s, lines[v].trim) &&
               (value_line(s, lines[v + 1].trim) || values_line(s, lines[v + 1].trim)) &&
               !has_digit(s, l.start, l.end)) {
        /* "Tilläggsbidrag" / "1 barn" / "146": the label goes on with
         * what it is for, a count of something */
        label.end = lines[v].trim.end;
        v++;
    } else if (is_blank(lines, n, v) && v + 1 < n && values_line(s, lines[v + 1].trim) &&
               !value_line(s, lines[v + 1].trim)) {
        /* a blank line between the label and its values, several on one
         * line ("Rörelseresultat per anställd, kkr" / "" / "-17 4 169 184
         * 151"), and no more lines of values after them: one cell a line
         * has a value a line, and its later values follow */
        size_t q = v + 2;
        while (q < n && is_blank(lines, n, q))
            q++;
        if (q < n && (values_line(s, lines[q].trim) || value_line(s, lines[q].trim)))
            return 0;
        v++;
    }
    belopp_span x = lines[v].trim;
    if (!values_line(s, x) && !dashes_line(s, x)) {
        /* "Not 2 132 371 …": a row whose label is the note column's word */
        belopp_row r2;
        if (!table_row(s, x.start, x.end, 0, &r2) || !note_label(s, r2.label))
            return 0;
        x = r2.values;
    }
    size_t vend = v;
    if (v + 1 < n && (values_line(s, lines[v + 1].trim) || empty_cell_line(s, lines[v + 1].trim))) {
        /* one value a line: a label and its cells, each alone ("413 515" /
         * "–"); but "40,18" / "42,79 44,23 48,12 46,82", the first value
         * apart, then the rest, is one row */
        if (!(v + 2 < n && value_line(s, x) && decimal_cells(s, lines[v + 1].trim) >= 2 &&
              !value_line(s, lines[v + 2].trim) && decimal_cells(s, lines[v + 2].trim) < 2))
            return 0;
        vend = v + 1;
    }
    while (label.end > label.start && (s[label.end - 1] == '|' || s[label.end - 1] == ' '))
        label.end--; /* "1:2 Utjämningsbidrag för |": a cell's bar left at the end */
    memset(row, 0, sizeof *row);
    row->label = clean_label(s, label);
    row->values = (belopp_span){x.start, lines[vend].trim.end};
    row->line = (belopp_span){l.start, lines[vend].trim.end};
    *lines_used = vend + 1 - j;
    return 1;
}

/* The row at line j: a row of its own line (*lines_used 1), or one wrapped
 * (see wrapped_row).  Returns 0 when there is none. */
static int row_at(const char *s, const line *lines, size_t n, size_t j, belopp_row *row,
                  size_t *lines_used)
{
    if (j >= n)
        return 0;
    *lines_used = 1;
    if (table_row(s, lines[j].trim.start, lines[j].trim.end, 0, row) && !note_label(s, row->label))
        return 1;
    return wrapped_row(s, lines, n, j, row, lines_used);
}

/* The value of cell t[i, j) in units of 10^-4 (a dash 0) into *v;
 * 0 when it cannot be read or does not fit. */
static int cell_units(const char *s, const token *t, size_t i, size_t j, int64_t *v)
{
    if (t[i].kind == T_EMPTY) {
        *v = 0;
        return 1;
    }
    if (t[i].kind != T_NUM)
        return 0;
    belopp_decimal d;
    size_t a = t[i].sp.start, b = t[j - 1].sp.end;
    if (belopp_parse_decimal(s + a, b - a, &d) != BELOPP_OK || d.frac_digits > 4)
        return 0;
    int64_t m = d.mantissa < 0 ? -d.mantissa : d.mantissa;
    for (int f = d.frac_digits; f < 4; f++)
        if (belopp_mul_i64(&m, 10) < 0)
            return 0;
    *v = t[i].sign ? -m : m;
    return 1;
}

typedef struct {
    const char *s;
    const token *t;
    size_t n, k, tot;            /* tokens, cells, the total's column */
    int64_t tol;                 /* how far the sum may miss the total (rounding), in 10^-4 */
    size_t start[BELOPP_MAX_COLUMNS + 1];
    int64_t val[BELOPP_MAX_COLUMNS];
    split best;
    int found;                   /* splits that add up, up to 2 */
    unsigned long tries;
} tot_search;

static void tot_try(tot_search *q, size_t c, size_t i)
{
    if (q->found > 1 || ++q->tries > 20000)
        return;
    if (c == q->k) {
        if (i != q->n)
            return;
        int64_t sum = 0;
        for (size_t x = 0; x < q->k; x++)
            if (x != q->tot && belopp_add_i64(&sum, q->val[x]) < 0)
                return;
        int64_t d = sum - q->val[q->tot]; /* (both far below 2^62: no overflow) */
        if (d < -q->tol || d > q->tol || ++q->found > 1)
            return;
        q->best.n = q->k;
        memcpy(q->best.start, q->start, (q->k + 1) * sizeof q->start[0]);
        q->best.start[q->k] = q->n;
        return;
    }
    for (size_t j = i + 1; j <= q->n && j - i <= MAX_GROUPS; j++) {
        if (!one_cell(q->t, i, j)) {
            if (no_start_before(q->t, i, j))
                break;
            continue;
        }
        if (q->n - j < q->k - c - 1)
            break; /* too few tokens left for the cells after it */
        if (!cell_units(q->s, q->t, i, j, &q->val[c]))
            continue;
        q->start[c] = i;
        tot_try(q, c + 1, j);
    }
}

/* A row of tokens t[0, n) under k columns whose column tot is the total
 * of the others ("Totalt", "Summa" over it): the one split of the tokens
 * into k cells that adds up, exactly ("1 375 262 7 1 644" under four
 * columns, the last a total: 1 375 | 262 | 7 | 1 644).  Fills *out and
 * returns 1; 0 when none or more than one adds up. */
static int sum_split_row(const char *s, const token *t, size_t n, size_t k, size_t tot, split *out)
{
    if (k < 3 || k > BELOPP_MAX_COLUMNS || n < k || tot >= k)
        return 0;
    tot_search q;
    memset(&q, 0, sizeof q);
    q.s = s;
    q.t = t;
    q.n = n;
    q.k = k;
    q.tot = tot;
    tot_try(&q, 0, 0);
    if (q.found == 0 && q.tries <= 20000) {
        /* none adds up exactly: figures rounded each on its own ("1 369 462
         * 42 1 874"), the sum off by half a unit of the last digit a figure
         * at most (as sum="rounding" allows); the one split that comes so
         * near */
        int frac = 0;
        for (size_t i = 0; i < n; i++)
            if (t[i].kind == T_NUM && t[i].frac) {
                const char *c = memchr(s + t[i].sp.start, ',', t[i].sp.end - t[i].sp.start);
                if (c && s + t[i].sp.end - c - 1 > frac)
                    frac = (int)(s + t[i].sp.end - c - 1);
            }
        if (frac > 4)
            return 0;
        int64_t unit = 1;
        for (int f = frac; f < 4; f++)
            unit *= 10;
        q.tol = unit * (int64_t)k / 2; /* half a unit a figure, the total's included */
        q.tries = 0;
        tot_try(&q, 0, 0);
    }
    if (q.found != 1 || q.tries > 20000)
        return 0;
    *out = q.best;
    out->score = 0;
    out->ways = 1;
    return 1;
}

/* Is t a footnote's mark "3)": one or two digits and a ")" alone? */
static int close_mark(const token *t)
{
    return t->close && !t->open && t->kind == T_NUM && t->idigits <= 2 && !t->sign && !t->frac &&
           !t->dots;
}

/* The value tokens of a row, footnote marks ("Intäkter 2) 2 111", "6,00 3)
 * 6": a ")" that closes nothing) left off.  Returns their number, 0 if
 * none. */

static size_t row_tokens(const char *s, const belopp_row *r, token *t)
{
    size_t n = read_tokens(s, r->values.start, r->values.end, t);
    if (n == (size_t)-1)
        return 0;
    if (n > 0 && close_mark(&t[0])) {
        memmove(t, t + 1, (n - 1) * sizeof *t);
        n--;
        if (n)
            t[0].hard = 1;
    }
    /* "Utdelning per aktie, SEK 6,00 3) 6 5,5": a mark after a value, its
     * ")" closing no "(" before it (as "(1 900)" does) */
    size_t o = 0;
    int open = 0, cut = 0;
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && !open && close_mark(&t[i]) && t[o - 1].kind == T_NUM) {
            t[o - 1].marked = 1;
            cut = 1; /* (the next number starts a cell: "1 204 3) 500" is no 1 204 500) */
            continue;
        }
        open = (open || t[i].open) && !t[i].close;
        t[o] = t[i];
        t[o].hard |= (unsigned char)cut;
        cut = 0;
        o++;
    }
    return o;
}

/* Ways of splitting glued cells one text may try, all its rows together
 * (a real row tries a few hundred): a text of thousands of long rows of
 * digits stays fast, its rows left out. */
#define GLUED_BUDGET 2000000UL

/* The values of row r as cells run together would have them: the run of
 * digits, spaces and minus signs that ends the row, from after the
 * label's last word ("Verksamhetens kostnader -8 490-8 992-9 518", whose
 * values as tokens are "518" alone).  r's values when the run starts no
 * later. */
static belopp_span glued_run(const char *s, const belopp_row *r)
{
    size_t v = r->values.start;
    while (v > r->label.start) {
        unsigned char c = (unsigned char)s[v - 1];
        if ((c >= '0' && c <= '9') || c == ' ' || c == '-')
            v--;
        else if (v - r->label.start >= 3 && c == 0x92 && (unsigned char)s[v - 2] == 0x88 &&
                 (unsigned char)s[v - 3] == 0xE2)
            v -= 3;
        else
            break;
    }
    while (v < r->values.start && s[v] == ' ')
        v++;
    if (v == r->label.start || v >= r->values.start || s[v - 1] != ' ')
        return r->values; /* the whole line, or no word before it */
    return (belopp_span){v, r->values.end};
}

/* Row values v whose cells run together with no gap ("1 8681 9291 9131
 * 9592 006", "-8 490-8 992-9 518"), as a web page's table copied without
 * its cell gaps gives them: split into exactly k cells the only way the
 * groups allow (every group after a number's first has three digits; no
 * number but "0" starts with 0; a sign starts a cell; every cell has the
 * same number of decimals).  Only where the row shows the glue, a sign
 * right after a digit or a run of four digits or more after a short group
 * ("1 8681"), and only where the cells are of one size (the largest at
 * most 50 times the smallest, zeros aside), as a row of years is: a
 * split that makes 10 | 20 844 110 | 9 of "1020 844 1109" is no reading.
 * Fills t (one token run a cell) and *sp; returns 1, or 0 when v is no
 * such row or more than one split fits (note: the table has a note
 * column). */
static int glued_row_split(const char *s, belopp_span v, size_t k, int note, token *t, split *sp,
                           unsigned long *budget)
{
    if (k < 2 || k > BELOPP_MAX_COLUMNS || v.end - v.start > BELOPP_GLUED_MAX_BYTES)
        return 0;
    int glue = 0;
    for (size_t i = v.start; i + 1 < v.end && !glue; i++) {
        if (s[i] == '\t')
            return 0; /* cell gaps kept */
        if (!(s[i] >= '0' && s[i] <= '9'))
            continue;
        unsigned char c = (unsigned char)s[i + 1];
        glue = c == '-' || (c == 0xE2 && i + 3 < v.end && (unsigned char)s[i + 2] == 0x88 &&
                            (unsigned char)s[i + 3] == 0x92);
        if (!glue && c == ' ') {
            size_t d = i + 2, g0 = i + 1;
            while (g0 > v.start && s[g0 - 1] >= '0' && s[g0 - 1] <= '9')
                g0--;
            while (d < v.end && s[d] >= '0' && s[d] <= '9')
                d++;
            glue = i + 1 - g0 <= 3 && d - (i + 2) >= 4;
        }
    }
    if (!glue)
        return 0;
    belopp_span cells[BELOPP_MAX_COLUMNS], best[BELOPP_MAX_COLUMNS];
    size_t found = 0;
    for (size_t dec = 0; dec <= 2 && found < 2; dec++) {
        size_t got = belopp_glued_split_k(s, v, k, dec, cells, budget);
        if (got == (size_t)-1)
            return 0;
        if (got == k && ++found == 1)
            memcpy(best, cells, k * sizeof cells[0]);
        /* under a note column, a note may lead the run ("11 0099549801
         * 038": 1 | 1 009 | 954 | … or 11 009 | 954 | …): a row that also
         * splits into one cell more is not clear */
        for (size_t d = 1; note && d <= 2 && v.start + d < v.end; d++) {
            if (s[v.start] == '0' || !(s[v.start + d - 1] >= '0' && s[v.start + d - 1] <= '9'))
                break; /* (a note is one or two digits, unsigned) */
            if (belopp_glued_split_k(s, (belopp_span){v.start + d, v.end}, k, dec, cells, budget) != 0)
                return 0;
        }
    }
    if (found != 1)
        return 0;
    size_t n = 0;
    uint64_t lo = UINT64_MAX, hi = 0;
    for (size_t c = 0; c < k; c++) {
        size_t m = read_tokens(s, best[c].start, best[c].end, t + n);
        if (m == (size_t)-1 || m == 0 || n + m > MAX_TOKENS)
            return 0;
        uint64_t mag = 0;
        for (size_t i = best[c].start; i < best[c].end; i++)
            if (s[i] >= '0' && s[i] <= '9' && mag < UINT64_MAX / 20)
                mag = mag * 10 + (uint64_t)(s[i] - '0');
        if (mag) {
            lo = mag < lo ? mag : lo;
            hi = mag > hi ? mag : hi;
        }
        sp->start[c] = n;
        n += m;
    }
    if (hi && hi / 50 > lo)
        return 0;
    sp->start[k] = n;
    sp->n = k;
    sp->score = 0;
    sp->ways = 1;
    return 1;
}

/* Which numbers of cells t[0, n) can be split into: bit k for k cells. */
static uint32_t feasible_counts(const token *t, size_t n)
{
    uint32_t can[MAX_TOKENS + 1];
    if (n > MAX_TOKENS)
        return 0;
    can[0] = 1;
    for (size_t j = 1; j <= n; j++) {
        can[j] = 0;
        for (size_t i = j; i-- > 0 && j - i <= MAX_GROUPS;) {
            if (can[i] && one_cell(t, i, j))
                can[j] |= can[i] << 1;
            if (no_start_before(t, i, j))
                break;
        }
        can[j] &= (2u << BELOPP_MAX_COLUMNS) - 1;
    }
    return can[n];
}

/* Joins the signs written apart in t[0, n) when the row fits k only so
 * (k 0: when that allows more counts, which *m then has too). */
static size_t settle_signs(token *t, size_t n, size_t k, uint32_t *m, int apart)
{
    *m = feasible_counts(t, n);
    if (k && (*m >> k & 1) && !apart)
        return n;
    token j[MAX_TOKENS];
    memcpy(j, t, n * sizeof *t);
    size_t nj = join_signs(j, n);
    uint32_t mj = nj < n ? feasible_counts(j, nj) : 0;
    if (apart && mj) {
        /* the table writes its signs apart: "– 1,6 – 9,2 0,0" is three
         * cells, never five with two empty */
        memcpy(t, j, nj * sizeof *t);
        *m = mj;
        return nj;
    }
    if (k && (*m >> k & 1) && !(mj >> k & 1))
        return n;
    if (k && (mj >> k & 1)) {
        memcpy(t, j, nj * sizeof *t);
        *m = mj;
        return nj;
    }
    if (!k)
        *m |= mj;
    return n;
}

/* The value tokens of row r for a table of k value columns (0: not known
 * yet), with the signs written apart joined to their numbers ("– 87 453")
 * when the row fits k only so.  note: the table has a note column ("Not")
 * of nc value columns (0: none): a small number one space after the label
 * is a note ("Avskrivningar 5 – 87 453 – 75 659") when the rest fits nc.
 * *counts (may be NULL) gets the feasible counts (see feasible_counts). */
static size_t fit_tokens_mid(const char *s, const belopp_row *r, size_t k, size_t nc, size_t mid,
                             token *t, uint32_t *counts, int apart);

static size_t fit_tokens(const char *s, const belopp_row *r, size_t k, size_t nc, token *t,
                         uint32_t *counts, int apart)
{
    return fit_tokens_mid(s, r, k, nc, 0, t, counts, apart);
}

/* Do row r's values start on a line of their own, under their label
 * ("Skatteintäkter" / "3 922,7 951,2 …")? */
static int values_own_line(const char *s, const belopp_row *r)
{
    size_t p = r->values.start;
    while (p > r->label.end && (s[p - 1] == ' ' || s[p - 1] == '\t' || s[p - 1] == '\r'))
        p--;
    return p > r->label.end && s[p - 1] == '\n';
}

/* Do row r's values start where a note stands: one space after the label
 * ("Avskrivningar 5 – 87 453", "Gåvor  Not 4 41 253": the label cleaned
 * of its "Not"), or first on the line right under a label of its own
 * ("Verksamhetens intäkter" / "3 270,6 281,9 …": note 3)?  Not where a
 * note was read on the values' line before them ("Not 7 1 870" under its
 * label), nor under a blank line ("Summa eget kapital" / "" / "31 382,7"). */
static int note_place(const char *s, const belopp_row *r)
{
    size_t v = r->values.start;
    if (v < 2 || r->label.end > v)
        return 0;
    if (values_own_line(s, r)) {
        if (r->label.start == r->label.end)
            return 0;
        size_t p = v;
        while (s[p - 1] != '\n')
            p--;
        /* the rest of the label's line (a mark cleaned off) holds no line
         * break and no digit */
        for (size_t i = r->label.end; i + 1 < p; i++)
            if (s[i] == '\n' || (s[i] >= '0' && s[i] <= '9'))
                return 0;
        return 1;
    }
    for (size_t i = r->label.end; i < v; i++)
        if (s[i] == '\n')
            return 0; /* the note was read before the values ("Not 7 1 870") */
    return s[v - 1] == ' ' && !belopp_space_at(s, v - 2, v);
}

/* Does label l end in a reference written in the note column instead of
 * a number, two or three capitals after words in lower case ("Årets
 * resultat BR": see the balance sheet)?  The note column is then filled. */
static int label_note(const char *s, belopp_span l)
{
    size_t w = l.end;
    while (w > l.start && s[w - 1] >= 'A' && s[w - 1] <= 'Z')
        w--;
    if (l.end - w < 2 || l.end - w > 3 || w < l.start + 2 || s[w - 1] != ' ')
        return 0;
    for (size_t i = l.start; i < w; i++)
        if (s[i] >= 'a' && s[i] <= 'z')
            return 1;
    return 0;
}

/* Is t two notes joined by a comma, "4,5", at a note's place in row r? */
static int notes_pair(const char *s, const token *t, const belopp_row *r)
{
    size_t a = t->sp.start, b = t->sp.end;
    if (t->kind != T_NUM || !t->frac || t->sign || t->open || t->close || t->dots ||
        t->idigits > 2 || a != r->values.start || s[a] == '0' || !note_place(s, r) ||
        label_note(s, r->label))
        return 0;
    size_t c = a;
    while (c < b && s[c] != ',')
        c++;
    return b - c - 1 >= 1 && b - c - 1 <= 2 && s[c + 1] != '0';
}

/* Can t[0] be a note ("Avskrivningar 5 – 87 453"): one or two digits, no
 * sign, no decimals, first of row r's values where a note stands, and no
 * other note in the label? */
static int note_token(const char *s, const token *t, const belopp_row *r)
{
    return t->kind == T_NUM && t->idigits <= 2 && !t->sign && !t->frac && !t->open &&
           !t->close && !t->dots && s[t->sp.start] != '0' && t->sp.start == r->values.start &&
           note_place(s, r) && !label_note(s, r->label);
}

/* As fit_tokens, for a table whose second note column stands before value
 * column mid (0: none; see belopp_table.note_at).  A second note is a
 * number of one or two digits right after a cell with decimals, in a row
 * whose last cell has decimals too ("Mark och byggnader 13 521,2 507,7 8
 * 1 444,8 1 450,6": notes 13 and 8): where the cells are whole numbers a
 * note cannot be told from a value, and no second note is read. */
/* The digits before the decimal comma of the cell that starts at t[i] in a
 * row whose cells end in decimals ("1 444,8": 4), or -1; *end gets the
 * token after it. */
static int frac_cell_digits(const token *t, size_t i, size_t n, size_t *end)
{
    int d = t[i].idigits;
    size_t q = i;
    while (!t[q].frac && q + 1 < n && t[q + 1].kind == T_NUM && !t[q + 1].sign &&
           t[q + 1].idigits == 3 && q - i < MAX_GROUPS) {
        q++;
        d += 3;
    }
    *end = q + 1;
    return t[q].frac && t[q].kind == T_NUM ? d : -1;
}

/* How far apart in size the cells of the one split of t[0, n) into k are:
 * the sum of the differences in digits of neighbouring cells; -1 when the
 * split is not one. */
static int spread(const token *t, size_t n, size_t k)
{
    split sp;
    if (best_split(t, n, k, NULL, NULL, NULL, &sp) != 1)
        return -1;
    int sum = 0, prev = -1;
    for (size_t c = 0; c < k; c++) {
        size_t i = sp.start[c];
        if (t[i].kind == T_EMPTY)
            continue;
        int d = cell_digits(t, i, sp.start[c + 1]);
        if (prev >= 0)
            sum += d > prev ? d - prev : prev - d;
        prev = d;
    }
    return sum;
}

/* A small first number t[0] that may be a note, the rest u[0, nu) filling
 * the nc columns: is it a note (1), a value (0) or either (-1)?  A note,
 * as the note column says, unless the row read with it as a value fills
 * the columns too and its cells are then alike in size where they are not
 * with the note: "Resultat efter finansiella poster 18 506 19 239" is
 * 18 506 and 19 239, not note 18, 506 and 19 239 (the same item, a year
 * apart).  Alike by two digits decides; by one, the row is left out. */
static int note_or_not(const token *t, size_t n, const token *u, size_t nu, size_t nc, int apart,
                       int own_line)
{
    token p[MAX_TOKENS];
    uint32_t mp;
    memcpy(p, t, n * sizeof *t);
    size_t np = settle_signs(p, n, nc, &mp, apart);
    if (!(mp >> nc & 1))
        return 1;
    int a = spread(u, nu, nc), b = spread(p, np, nc);
    if (own_line) {
        /* values wrapped onto a line of their own keep no place for the
         * note: the size alone decides ("3 922,7 951,2 995,3" is note 3,
         * "1 792 1 504 2 355" no note), a tie leaves the row out */
        if (a < 0 || b < 0 || a == b)
            return -1;
        return a < b;
    }
    if (a < 0 || b < 0 || b >= a)
        return 1;
    return b + 2 <= a ? 0 : -1;
}

static size_t fit_read(const char *s, const belopp_row *r, size_t k, size_t nc, size_t mid,
                       token *t, size_t n, uint32_t *counts, int apart);

static size_t fit_tokens_mid(const char *s, const belopp_row *r, size_t k, size_t nc, size_t mid,
                             token *t, uint32_t *counts, int apart)
{
    return fit_read(s, r, k, nc, mid, t, row_tokens(s, r, t), counts, apart);
}

/* fit_tokens_mid of the n tokens t that row_tokens read of r. */
static size_t fit_read(const char *s, const belopp_row *r, size_t k, size_t nc, size_t mid,
                       token *t, size_t n, uint32_t *counts, int apart)
{
    uint32_t m;
    if (mid && nc > mid && n > 2 && t[n - 1].frac && (!k || k == nc)) {
        for (size_t f = note_token(s, &t[0], r) ? 1 : 0;; f--) {
            token *u = t + f;
            size_t nu = n - f, at = 0, ways = 0;
            int doubt = 0;
            for (size_t i = 1; i + 1 < nu; i++) {
                size_t p = u[i].sp.start;
                if (!u[i - 1].frac || u[i].kind != T_NUM || u[i].idigits > 2 || u[i].sign ||
                    u[i].frac || u[i].open || u[i].close || u[i].dots || s[p] == '0' ||
                    (s[p - 1] == ' ' && s[p - 2] == ' '))
                    continue; /* (a wide gap: the empty note column stands there) */
                if ((feasible_counts(u, i) >> mid & 1) &&
                    (feasible_counts(u + i + 1, nu - i - 1) >> (nc - mid) & 1)) {
                    at = i;
                    ways++;
                    /* read with no note, "10 106,9" would be a hundred
                     * times the cell beside it ("115,6"), in a column of
                     * the same item a year apart: the 10 is a note */
                    size_t e1, e2;
                    int d1 = frac_cell_digits(u, i, nu, &e1);
                    int d2 = e1 < nu ? frac_cell_digits(u, e1, nu, &e2) : -1;
                    doubt |= d1 >= 0 && d2 >= 0 && d1 >= d2 + 2;
                }
            }
            int plain = (feasible_counts(u, nu) >> nc & 1) && !(ways == 1 && doubt);
            if (ways + plain > 1) {
                /* "616,5 1 554,7": note 1 and 554,7, or 1 554,7 with no note */
                if (counts)
                    *counts = 0;
                return 0;
            }
            if (ways == 1) {
                token w[MAX_TOKENS];
                memcpy(w, u, at * sizeof *t);
                memcpy(w + at, u + at + 1, (nu - at - 1) * sizeof *t);
                w[0].hard |= (unsigned char)f;
                w[at].hard = 1;
                memcpy(t, w, (nu - 1) * sizeof *t);
                n = nu - 1;
                if (counts)
                    *counts = feasible_counts(t, n);
                return n;
            }
            if (plain || f == 0)
                break;
        }
    }
    if (nc && n > 1 && notes_pair(s, &t[0], r)) {
        /* "Avskrivningar 4,5 -1 490 -1 639 …": notes 4 and 5, where the
         * rest fills the columns and the row with a 4,5 in it does not */
        token u[MAX_TOKENS];
        uint32_t mu, mall;
        memcpy(u, t + 1, (n - 1) * sizeof *t);
        size_t nu = settle_signs(u, n - 1, nc, &mu, apart);
        token w[MAX_TOKENS];
        memcpy(w, t, n * sizeof *t);
        settle_signs(w, n, nc, &mall, apart);
        if ((mu >> nc & 1) && !(mall >> nc & 1)) {
            u[0].hard = 1;
            memcpy(t, u, nu * sizeof *t);
            if (counts)
                *counts = mu;
            return nu;
        }
    }
    if (nc && n > 1 && note_token(s, &t[0], r)) {
        token u[MAX_TOKENS];
        memcpy(u, t + 1, (n - 1) * sizeof *t);
        size_t nu = settle_signs(u, n - 1, nc, &m, apart);
        int verdict = m >> nc & 1 ? note_or_not(t, n, u, nu, nc, apart, values_own_line(s, r)) : 0;
        if (verdict < 0) { /* "9 148 -2 510": note 9, or 9 148 */
            if (counts)
                *counts = 0;
            return 0;
        }
        if (verdict > 0) {
            u[0].hard = 1;
            memcpy(t, u, nu * sizeof *t);
            n = nu;
            if (!k || k == nc) {
                if (counts)
                    *counts = m;
                return n;
            }
        }
    }
    n = settle_signs(t, n, k, &m, apart);
    if (counts)
        *counts = m;
    return n;
}

/* Under a note column of nc value columns, may row r's first number be a
 * note as well as a value?  Annual reports leave empty cells unprinted, so
 * "Investeringsinkomster 22 112 33 112 33" under "Not Budget 2014 Utfall
 * 2013 …" (five columns) is either five values or note 22 and four values
 * in columns no one can tell: such a row is left out rather than guessed.
 * Yes when the number is one a note can be (one or two digits, one space
 * after the label), the row fits nc with it as a value, and without it the
 * rest fits fewer columns than nc only. */
static int note_or_value(const char *s, const belopp_row *r, size_t nc, int apart)
{
    token t[MAX_TOKENS];
    size_t n = row_tokens(s, r, t);
    if (!nc || n < 2 || !note_token(s, &t[0], r) || values_own_line(s, r))
        return 0; /* (values on a line of their own are a note only where the rest fills
                   * the columns: "Aktiverat arbete" / "7 7" is two values) */
    uint32_t mall, mrest;
    token u[MAX_TOKENS];
    memcpy(u, t + 1, (n - 1) * sizeof *t);
    settle_signs(u, n - 1, nc, &mrest, apart);
    if (mrest >> nc & 1)
        return 0; /* the rest fills the columns: a note */
    settle_signs(t, n, nc, &mall, apart);
    return (mall >> nc & 1) && (mrest & ((1u << nc) - 1));
}

/* Is every cell of sp within one digit of the sizes its column has in the
 * rows that split one way only (lo[c] .. hi[c] digits)? */
static int fits(const token *t, const split *sp, const int *lo, const int *hi, int tol)
{
    for (size_t c = 0; c < sp->n; c++) {
        size_t i = sp->start[c];
        if (t[i].kind == T_EMPTY || lo[c] < 0)
            continue;
        int d = cell_digits(t, i, sp->start[c + 1]);
        if (d < lo[c] - tol || d > hi[c] + tol)
            return 0;
    }
    return 1;
}

static int consistent(const token *t, const split *sp, const int *lo, const int *hi)
{
    return fits(t, sp, lo, hi, 1);
}

/* The median of the digit counts in hist (index: digits), or -1. */
static int median(const unsigned *hist, size_t len)
{
    unsigned total = 0, seen = 0;
    for (size_t d = 0; d < len; d++)
        total += hist[d];
    if (!total)
        return -1;
    for (size_t d = 0; d < len; d++)
        if ((seen += hist[d]) * 2 >= total)
            return (int)d;
    return -1;
}

/* Chooses how row r's numbers split into k cells.  Returns 1 with *out and
 * *skip (tokens left off at the start: a stray footnote "1") set, or 0
 * (the row is left out).  cut: the row ends the text and may be cut off. */
static int choose_split(const char *s, const token *t, size_t n, size_t k, const int *colref,
                        const int *collo, const int *colhi, int cut, int is_total, split *out,
                        size_t *skip)
{
    int ref[BELOPP_MAX_COLUMNS], lo[BELOPP_MAX_COLUMNS], hi[BELOPP_MAX_COLUMNS];
    int known = 0, total = 0;
    for (size_t c = 0; c < k; c++) {
        known |= (ref[c] = colref[c]) >= 0;
        lo[c] = collo[c];
        hi[c] = colhi[c];
    }
    if (!known) { /* no row of the table is clear: its columns are alike */
        for (size_t i = 0; i < n; i++)
            total += t[i].kind == T_EMPTY ? 0 : t[i].idigits;
        for (size_t c = 0; c < k; c++)
            lo[c] = hi[c] = ref[c] = (total + (int)k / 2) / (int)k;
    }
    *skip = 0;
    split a, b;
    int wa = best_split(t, n, k, NULL, NULL, NULL, &a);
    if (wa == 1 && (!cut || consistent(t, &a, lo, hi))) {
        *out = a;
        return 1;
    }
    /* a stray footnote "1" before the values, where the count proves it;
     * or one in parentheses ("Vinst per aktie (SEK) (1) 1,79 2,40 2,30"),
     * which a statement writing its negatives so would also give: so taken
     * only where the row has no split at all with it (below) */
    int paren = t[0].open && t[0].close;
    int marker = n > 1 && t[0].kind == T_NUM && t[0].idigits == 1 && !t[0].sign &&
                 !t[0].frac && (!t[0].open || paren) && s[t[0].sp.start] != '0';
    int wb = marker ? best_split(t + 1, n - 1, k, NULL, NULL, NULL, &b) : 0;
    if (!wa && wb == 1 && (!cut || consistent(t + 1, &b, lo, hi))) {
        *out = b;
        *skip = 1;
        return 1;
    }
    if (paren)
        wb = 0; /* "(1)" a value, or a mark the count does not prove */
    wa = wa ? best_split(t, n, k, ref, lo, hi, &a) : 0;
    wb = wb ? best_split(t + 1, n - 1, k, ref, lo, hi, &b) : 0;
    /* the "1" is a mark only if the row then fits its columns exactly and
     * does not otherwise; a total's figures may have a digit more than the
     * rows' ("Summa 1 150 919 778 999 …" under rows of six digits) */
    if (wb == 1 && fits(t + 1, &b, lo, hi, 0) && !(wa == 1 && fits(t, &a, lo, hi, is_total != 0))) {
        *out = b;
        *skip = 1;
        return 1;
    }
    if (wa == 1 && consistent(t, &a, lo, hi)) {
        *out = a;
        return 1;
    }
    if (!cut)
        return 0;
    /* the text ends inside the row: leave the partial number out */
    for (size_t p = n - 1; p > 0; p--) {
        if (t[p].kind != T_NUM || t[p].frac)
            continue;
        int tail_ok = 1;
        for (size_t q = p + 1; q < n; q++)
            tail_ok &= t[q].kind == T_NUM && !t[q].hard && !t[q].sign && t[q].idigits <= 3 &&
                       q - p < MAX_GROUPS;
        if (!tail_ok)
            continue;
        for (size_t kk = k - 1; kk > 0; kk--)
            if (best_split(t, p, kk, ref, lo, hi, &a) == 1 && consistent(t, &a, lo, hi)) {
                *out = a;
                return 1;
            }
    }
    return 0;
}

/* The titles name no stub: titles[0] becomes an empty stub's title at the
 * first title's start, and every title and its second line move one
 * column on (the last one dropped when the titles are already full). */
static void empty_stub(belopp_table *tb)
{
    size_t k = tb->ntitles < BELOPP_MAX_COLUMNS ? tb->ntitles : BELOPP_MAX_COLUMNS - 1;
    memmove(tb->titles + 1, tb->titles, k * sizeof tb->titles[0]);
    tb->titles[0] = (belopp_span){tb->titles[1].start, tb->titles[1].start};
    for (size_t c = k; c-- > 0;)
        tb->columns[c].title2 = c > 0 ? tb->columns[c - 1].title2 : (belopp_span){0, 0};
    tb->ntitles = k + 1;
}

/* Sets up value column c of tb from its title. */
static void setup_column(const char *s, belopp_table *tb, size_t c)
{
    belopp_column *col = &tb->columns[c];
    col->title = c + 1 < tb->ntitles ? tb->titles[c + 1] : (belopp_span){0, 0};
    belopp_span both = col->title;
    if (col->title2.end > both.end)
        both.end = col->title2.end; /* (only read word by word) */
    col->exp10 = tb->exp10;
    col->currency = tb->currency;
    col->unit = tb->unit;
    unit_info u;
    col->money = !(col->title.start < col->title.end && names_shares(s, col->title)) &&
                 !(col->title2.start < col->title2.end && names_shares(s, col->title2)) &&
                 !(col->title.start < col->title.end && count_title(s, col->title));
    if (col->title.start < col->title.end && own_unit(s, col->title, &u)) {
        col->exp10 = u.exp10;
        col->currency = u.currency;
        col->unit = u.words;
    }
    col->is_total = col->title.start < col->title.end && first_word_is(s, col->title, TOTAL);
    col->difference = col->money && col->title.start < col->title.end &&
                      first_word_is(s, col->title, DIFFERENCE);
    (void)both;
}

/* Is column title or row label t a count or measure of people or things,
 * one word of the count nouns (lexicon.c) and nothing after it but a year
 * or date ("Invånare", "Elever 2025", "Anställda 31 dec", "Kvadratmeter")?
 * Such a column or row holds no money under a money caption ("Tabell 2.
 * Bidrag per kommun (tkr)": "Invånare  12 410"; "TSEK": "Kvadratmeter
 * 12 400").  Only the whole title: "Barn och utbildning", "Kostnad per
 * invånare" are money; and not the nouns that name money in a table of
 * their own: a segment ("Bostäder" and "Lokaler" are rent, "Hushåll" and
 * "Företag" sales), a holding ("Aktier", "Fordon"), an activity of a
 * municipal budget ("Barn", "Vuxna", "Boende", "Äldre" are what it costs). */
static int count_title(const char *s, belopp_span t)
{
    static const char *const MONEY_TOO[] = {
        "bost\xC3\xA4" "der", "l\xC3\xA4genheter", "aktier", "andelar", "optioner", "fordon", "bilar",
        "f\xC3\xB6retag", "hush\xC3\xA5ll", "kunder", "barn", "unga", "ungdomar", "vuxna", "boende",
        "brukare", "pension\xC3\xA4rer", "djur", "tr\xC3\xA4" "d", "\xC3\xA5r", "\xC3\x85r", NULL};
    t = belopp_trim(s, t.start, t.end);
    size_t e = belopp_word_end(s, t.start, t.end);
    if (e == t.start)
        return 0;
    /* the rest: a year or a date, maybe a month name ("31 dec", "2025-12-31");
     * asked first, as most titles and labels are more words ("Förråd och
     * lager"), before the word lists */
    int digit = 0;
    for (size_t i = e; i < t.end; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!(c == ' ' || c == '-' || c == '/' || c == '.' || (c >= '0' && c <= '9') ||
              (c >= 'a' && c <= 'z')))
            return 0;
        digit |= c >= '0' && c <= '9';
    }
    if (e < t.end && !digit)
        return 0; /* words after it, and no date: "Barn och utbildning" */
    return belopp_words_has(BELOPP_WORDS_COUNT_NOUN, s + t.start, e - t.start) &&
           !first_word_is(s, t, MONEY_TOO) &&
           !has_word(s, (belopp_span){e, t.end}, (const char *const[]){"per", "kr", "tkr", "mkr", NULL});
}

/* Does label t hold one of phrases (each starting with "/" or "p", any
 * case) as whole words: not followed by a letter ("per inv." but not "per
 * investering", "/aktie" but not "/aktieägartillskott")?  With after_word,
 * the phrase must also follow something other than a letter, and not
 * start the label. */
static int per_phrase(const char *s, belopp_span t, const char *const *phrases, int after_word)
{
    for (size_t i = t.start; i < t.end; i++) {
        if (s[i] != '/' && (s[i] | 0x20) != 'p')
            continue;
        if (after_word && (i == t.start || belopp_letter_at(s, i - 1, t.end)))
            continue;
        for (const char *const *w = phrases; *w; w++) {
            size_t k = strlen(*w);
            if (i + k <= t.end && strncasecmp(s + i, *w, k) == 0 &&
                (i + k == t.end || !belopp_letter_at(s, i + k, t.end)))
                return 1;
        }
    }
    return 0;
}

/* Does label t speak of a figure per share ("Resultat per aktie", "Earnings
 * per share", "Utdelning/aktie")?  Such a row is in kronor where the table
 * is in millions; with no unit of its own it is left out, never guessed. */
static int per_share(const char *s, belopp_span t)
{
    static const char *const PER[] = {"per aktie", "per share", "/aktie", "/share", NULL};
    return per_phrase(s, t, PER, 0);
}

/* A figure per head: "Nettokostnad per invånare", "Kostnad/inv", "Kostnad
 * per elev".  Such figures are kronor, not the tkr or mnkr over the table,
 * but the table does not say so: under a scaled unit the row is left out.
 * A label that starts with "Per invånare" is a key the money is shared out
 * by, in the table's unit: something must stand before "per". */
static int per_head(const char *s, belopp_span t)
{
    static const char *const PER[] = {"per inv\xC3\xA5nare", "/inv\xC3\xA5nare", "per inv", "/inv",
                                      "per capita", "per elev", "/elev", "per brukare",
                                      "per barn", NULL};
    return per_phrase(s, t, PER, 1);
}

/* In a table whose titles stand in two languages, each with a note column,
 * the rows write their note twice: "Net sales Nettoomsättning 4,5 4,5 54 008
 * 52 233", "Operating profit Rörelseresultat 5,9,10 5,9,10 2 568 2 573".  A
 * repeated run of digits and commas at the start of the values is the two
 * notes, not two values: the values start after it. */
static void skip_note_twice(const char *s, belopp_row *r)
{
    /* the label may have taken them already: "… Rörelseresultat 5,9,10 5,9,10" */
    size_t le = r->label.end, x = le;
    while (x > r->label.start && ((s[x - 1] >= '0' && s[x - 1] <= '9') || s[x - 1] == ','))
        x--;
    size_t ln = le - x;
    if (ln && x > r->label.start + ln + 1 && s[x - 1] == ' ' &&
        memcmp(s + x - 1 - ln, s + x, ln) == 0 && s[x - 2 - ln] == ' ') {
        r->label = belopp_trim(s, r->label.start, x - 1 - ln);
        return;
    }
    size_t a = r->values.start, e = a;
    while (e < r->values.end && ((s[e] >= '0' && s[e] <= '9') || s[e] == ','))
        e++;
    size_t len = e - a;
    if (len == 0 || len > 40 || e >= r->values.end || s[e] != ' ' || s[e - 1] == ',')
        return;
    size_t b = e + 1;
    if (b + len >= r->values.end || memcmp(s + a, s + b, len) != 0 || s[b + len] != ' ')
        return; /* ("0 0", "22 22" alone are values, not notes) */
    r->values = belopp_trim(s, b + len, r->values.end);
}

/* Does label t end in a scale word alone, in parentheses or after a comma:
 * "Nettoomsättning (mdr)", "Intäkter, miljarder"?  Key figures keep a row
 * in billions under a header in millions ("MSEK 2017 2018" over
 * "Nettoomsättning (mdr) 8,5 9,1"): the scale is the row's, the currency
 * stays the table's.  Sets *exp10 and *words. */
static int scale_tail(const char *s, belopp_span t, int *exp10, belopp_span *words)
{
    if (t.end - t.start < 3)
        return 0;
    size_t a = t.end, b = t.end;
    if (s[t.end - 1] == ')') {
        b = t.end - 1;
        a = b;
        while (a > t.start && s[a - 1] != '(')
            a--;
        if (a == t.start)
            return 0;
    } else {
        while (a > t.start && s[a - 1] != ',')
            a--;
        if (a == t.start)
            return 0;
    }
    belopp_span in = belopp_trim(s, a, b);
    if (in.start >= in.end)
        return 0;
    const belopp_unit *u = belopp_unit_lookup(s + in.start, in.end - in.start);
    if (!u || u->kind != BELOPP_UNIT_SCALE)
        return 0;
    *exp10 = u->exp10;
    *words = in;
    return 1;
}

/* Year of the four digits s[i, i+4) standing alone (no digit either side
 * within [a, b)), or -1. */
static int year_alone_at(const char *s, size_t a, size_t i, size_t b)
{
    if (i + 4 > b || (i > a && s[i - 1] >= '0' && s[i - 1] <= '9') ||
        (i + 4 < b && s[i + 4] >= '0' && s[i + 4] <= '9') || !belopp_is_year(s, (belopp_span){i, i + 4}))
        return -1;
    return year_value(s, (belopp_span){i, i + 4});
}

/* Are a row's values a run of column titles, not figures: years one apart
 * ("… 0BALANSRÄKNING, Mkr 2010 2009 2008", a header glued to the row
 * before it), or one year after a label that holds years too ("…Bokslut
 * 2023Plan 2024Plan 2025", titles glued together)?  Such a row is never
 * money: a year is no sum in a header's unit. */
static int values_are_titles(const char *s, const belopp_row *r)
{
    size_t i = belopp_skip_spaces(s, r->values.start, r->values.end);
    int n = 0, prev = -1, step = 0;
    while (i < r->values.end) {
        int y = year_alone_at(s, r->values.start, i, r->values.end);
        if (y < 0)
            return 0;
        if (n > 0) {
            int d = y - prev;
            if ((d != 1 && d != -1) || (n > 1 && d != step))
                return 0;
            step = d;
        }
        prev = y;
        n++;
        i = belopp_skip_spaces(s, i + 4, r->values.end);
    }
    if (n >= 2)
        return 1;
    if (n != 1)
        return 0;
    /* "Pris, kr 2026" between the rows of a price list: a unit and a year,
     * the next section's header, not a price of 2 026 kr */
    unit_info u;
    if (own_unit(s, r->label, &u))
        return 1;
    /* "Budget 2023", "Plan 2024": a period's word and its year, a column's
     * title (the titles one a line), not 2 023 of the unit */
    if (period_stub(s, belopp_trim(s, r->label.start, r->label.end), NULL, 0))
        return 1;
    for (size_t k = r->label.start; k + 4 <= r->label.end; k++)
        if (s[k] >= '1' && s[k] <= '2' && (k == r->label.start || s[k - 1] < '0' || s[k - 1] > '9') &&
            year_alone_at(s, r->label.start, k, r->label.end) >= 0)
            return 1;
    return 0;
}

/* Sets up row r of table tb: total, money, its own unit. */
/* Does label t end in a measure that is no money, after a comma or in
 * parentheses ("Elproduktion, TWh", "Elförsäljning, TWh2", "Utsläpp (ton)",
 * "Yta, m2")?  An energy or a property report mixes such rows with its
 * MSEK rows under one header. */
static int measure_tail(const char *s, belopp_span t)
{
    t = less_mark(s, t);
    size_t e = t.end;
    if (e > t.start && s[e - 1] == ')')
        e--;
    size_t b = e;
    while (b > t.start && s[b - 1] != ' ' && s[b - 1] != '(' && s[b - 1] != ',')
        b--;
    if (b == e || b == t.start || (s[b - 1] != '(' && !(b >= t.start + 2 && s[b - 2] == ',')))
        return 0; /* the measure alone after ", " or in "(…)" */
    return belopp_words_has(BELOPP_WORDS_MEASURE, s + b, e - b);
}

/* Is label t a part of the row above ("- varav kundförsäljning", "därav
 * förvärv", "Varav: hyror")?  Such a row is in the unit of its whole. */
static int part_of_above(const char *s, belopp_span t)
{
    size_t i = t.start;
    while (i < t.end && (s[i] == '-' || s[i] == ' ' || s[i] == '*'))
        i++;
    if (t.end - i >= 3 && (memcmp(s + i, "\xE2\x80\x93", 3) == 0 || memcmp(s + i, "\xE2\x80\xA2", 3) == 0))
        i = belopp_skip_spaces(s, i + 3, t.end); /* "– varav", "• varav" */
    if (t.end - i < 5)
        return 0;
    int varav = strncasecmp(s + i, "varav", 5) == 0;
    int darav = t.end - i >= 6 && strncasecmp(s + i, "d\xC3\xA4rav", 6) == 0;
    size_t e = i + (varav ? 5 : 6);
    return (varav || darav) && (e == t.end || s[e] == ' ' || s[e] == ':');
}

static void setup_row(const char *s, const belopp_table *tb, belopp_row *r)
{
    unit_info u;
    int e;
    r->is_total = first_word_is(s, r->label, TOTAL);
    r->money = 1;
    if (values_are_titles(s, r)) {
        r->money = 0;
        /* "Årets resultat 12 9 0 4 0BALANSRÄKNING, Mkr 2024 2023": a row
         * and the next table's header on one line; say what was lost */
        for (size_t i = r->label.start; i + 1 < r->label.end; i++)
            if (s[i] >= '0' && s[i] <= '9' && s[i + 1] >= 'A' && s[i + 1] <= 'Z') {
                r->left_out = "the next table's header is glued to it (its values are years)";
                break;
            }
    } else if (own_unit(s, r->label, &u)) {
        r->exp10 = u.exp10;
        r->currency = u.currency;
        r->unit = u.words;
    } else if (names_shares(s, r->label) || per_share(s, r->label) || count_title(s, r->label) ||
               measure_tail(s, r->label)) {
        r->money = 0;
    } else if (tb->exp10 >= 3 && per_head(s, r->label)) {
        r->money = 0;
        r->left_out = "a figure per head under a scaled unit (tkr, mnkr): its own unit is not told";
    } else if (scale_tail(s, r->label, &e, &u.words)) {
        /* a scale of its own: in the table's currency, or no money where
         * the table names none (the row's figures are then not the
         * table's unit either) */
        if (tb->currency) {
            r->exp10 = e;
            r->currency = tb->currency;
            r->unit = u.words;
        } else {
            r->money = 0;
        }
    }
}

static int add_checked(int64_t *acc, int64_t v, int *bad)
{
    if (belopp_add_i64(acc, v) < 0)
        *bad = 1;
    return 0;
}

/* Combines a second check into a cell's sum: a mismatch wins, then
 * rounding, then ok. */
static int merge_sum(int had, int now)
{
    if (had == BELOPP_CELL_SUM_MISMATCH || now == BELOPP_CELL_SUM_MISMATCH)
        return BELOPP_CELL_SUM_MISMATCH;
    if (had == BELOPP_CELL_SUM_ROUNDING || now == BELOPP_CELL_SUM_ROUNDING)
        return BELOPP_CELL_SUM_ROUNDING;
    if (had == BELOPP_CELL_SUM_OK || now == BELOPP_CELL_SUM_OK)
        return BELOPP_CELL_SUM_OK;
    return had ? had : now;
}

/* Rounding in a sum check.  A printed figure is its value rounded to its
 * last digit: off by at most half a unit of that digit ("690 140" tkr: half
 * of 1 000 kr; "281,9" mnkr: half of 100 000 kr).  A sum of n such figures
 * against a printed total may then miss by up to (n + 1) halves of the
 * coarsest unit among them, and by no more: that is a table that adds up
 * as printed, not a misprint or a wrong split.  Kept as the coarsest unit
 * (in minor units) and the number of figures with a value. */
typedef struct {
    int64_t unit;   /* 0: no figure yet */
    int64_t figures;
    const char *currency; /* the last figure's, with its minor exponent (a */
    int minor;            /* table's cells share one: no lookup per cell)   */
} rounding;

/* The unit of c's last digit in minor units, or 0 when not known (then no
 * rounding is allowed). */
static int64_t last_digit_unit(const char *s, const belopp_cell *c, rounding *r)
{
    if (!c->currency || c->currency != r->currency) {
        r->currency = c->currency;
        r->minor = belopp_minor_exp(c->currency);
    }
    int minor = r->minor;
    if (minor < 0)
        return 0;
    int exp = c->exp10 + minor;
    for (size_t i = c->text.start; i < c->text.end; i++)
        if (s[i] == ',') {
            exp -= (int)(c->text.end - i - 1);
            break;
        }
    if (exp < 0 || exp > 18)
        return 0;
    int64_t u = 1;
    while (exp-- > 0)
        u *= 10;
    return u;
}

/* Cell c's last-digit unit as round_put takes it: -1 for no figure (NULL,
 * empty or unread: an exact nothing), 0 for a figure of unknown precision.
 * check_sums works it out once a cell and puts it into every running sum. */
static int64_t cell_round_unit(const char *s, const belopp_cell *c, rounding *cache)
{
    if (!c || c->empty || c->status != BELOPP_OK)
        return -1;
    return last_digit_unit(s, c, cache);
}

/* Notes a figure of unit u (from cell_round_unit) in r. */
static void round_put(rounding *r, int64_t u)
{
    if (u < 0)
        return;
    if (u == 0 || r->unit < 0) {
        r->unit = -1; /* a figure of unknown precision: no rounding allowed */
        return;
    }
    if (u > r->unit)
        r->unit = u;
    r->figures++;
}

/* Notes cell c (may be NULL or empty: an exact nothing) as a figure of a sum. */
static void round_add(rounding *r, const char *s, const belopp_cell *c)
{
    round_put(r, cell_round_unit(s, c, r));
}

/* Is a sum off from total (a cell, counted as one more figure) by no more
 * than rounding allows? */
static int within_rounding(const rounding *r, const char *s, const belopp_cell *total, int64_t sum)
{
    rounding all = *r;
    round_add(&all, s, total);
    int64_t d = sum, slack = all.unit;
    if (all.unit <= 0 || total->minor == INT64_MIN || belopp_add_i64(&d, -total->minor) < 0 ||
        d == INT64_MIN || belopp_mul_i64(&slack, all.figures) < 0)
        return 0;
    return (d < 0 ? -d : d) <= slack / 2; /* |d| <= figures halves of the unit */
}

/* The cell of row r in column c, or NULL. */
static belopp_cell *cell_at(belopp_segments *g, const belopp_row *r, size_t c)
{
    for (size_t i = 0; i < r->ncells; i++)
        if (g->cells[r->cell + i].column == c)
            return &g->cells[r->cell + i];
    return NULL;
}

/* A cell's value for a sum: "–" is nothing (0); *ok cleared when it has no
 * exact value. */
static int64_t sum_value(const belopp_cell *c, int *ok)
{
    if (!c || c->empty)
        return 0;
    if (c->status != BELOPP_OK || !c->money) {
        *ok = 0;
        return 0;
    }
    return c->minor;
}

/* The year in column col's title or its second line ("Budget" over "2024"),
 * or -1. */
static int column_year(const char *s, const belopp_column *col)
{
    const belopp_span parts[2] = {col->title, col->title2};
    for (int p = 0; p < 2; p++)
        for (size_t i = parts[p].start; i + 4 <= parts[p].end; i++)
            if ((i == parts[p].start || !(s[i - 1] >= '0' && s[i - 1] <= '9')) &&
                (i + 4 == parts[p].end || !(s[i + 4] >= '0' && s[i + 4] <= '9')) &&
                belopp_is_year(s, (belopp_span){i, i + 4}))
                return year_value(s, (belopp_span){i, i + 4});
    return -1;
}

/* Checks the totals of table ti (rows r0 .. r1-1) with exact integers: a
 * total row against the rows since the last total (or all rows, or the
 * totals before it); a total column against the other money columns of its
 * row; a difference column against the two money columns before it. */
/* Is label l a part of the row above ("varav mark och byggnader", "–
 * därav särskild löneskatt"), no term of a sum? */
static int part_row(const char *s, belopp_span l)
{
    static const char *const PART[] = {"varav", "d\xC3\xA4rav", "h\xC3\xA4rav", NULL};
    size_t a = l.start;
    while (a < l.end && (s[a] == '-' || belopp_space_at(s, a, l.end) ||
                         (l.end - a >= 3 && memcmp(s + a, "\xE2\x80\x93", 3) == 0)))
        a += s[a] == '-' ? 1 : belopp_space_at(s, a, l.end) ? belopp_space_at(s, a, l.end) : 3;
    return first_word_is(s, (belopp_span){a, l.end}, PART);
}

/* Is a row a result line that sums the rows above it without being called
 * Summa: one word ending in "resultat" ("Rörelseresultat",
 * "Bruttoresultat"), or "Resultat efter …", "Resultat före …", "Årets
 * resultat", "Periodens resultat" (an interim report's)?  "Resultat från
 * andelar i …" is a term, not one. */
static int result_row(const char *s, belopp_span l)
{
    static const char *const LEADS[] = {"resultat efter ", "resultat f\xC3\xB6re ",
                                        "\xC3\xA5rets resultat", "\xC3\x85rets resultat",
                                        "periodens resultat", NULL};
    size_t n = l.end - l.start;
    for (const char *const *w = LEADS; *w; w++) {
        size_t k = strlen(*w);
        if (n >= k && strncasecmp(s + l.start, *w, k) == 0)
            return 1;
    }
    if (n < 8 || strncasecmp(s + l.end - 8, "resultat", 8) != 0)
        return 0;
    for (size_t i = l.start; i < l.end; i++)
        if (belopp_space_at(s, i, l.end))
            return 0;
    return 1;
}

/* Does text[a, b), between two rows of a table, hold a line of words (a
 * section's title)? */
static int words_between(const char *text, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++)
        if (((unsigned char)text[i] | 0x20) >= 'a' && ((unsigned char)text[i] | 0x20) <= 'z')
            return 1;
    return 0;
}

/* What check_sums asks of row r's label and the text above it, the same
 * for every column: worked out once a row. */
enum { ROW_SECTION_ABOVE = 1, ROW_PART = 2, ROW_RESULT = 4 };

static unsigned char row_traits(const belopp_segments *g, size_t r, size_t r0)
{
    const belopp_row *row = &g->rows[r];
    unsigned char t = 0;
    if (r > r0 && words_between(g->text, g->rows[r - 1].line.end, row->line.start))
        t |= ROW_SECTION_ABOVE;
    if (part_row(g->text, row->label))
        t |= ROW_PART;
    if (result_row(g->text, row->label))
        t |= ROW_RESULT;
    return t;
}

static void check_sums(belopp_segments *g, size_t ti, size_t r0, size_t r1)
{
    const belopp_table *tb = &g->tables[ti];
    /* the rows' traits, kept (on the stack for most tables); worked out
     * again at each use when there is no memory for them */
    unsigned char kept[256], *traits = r1 - r0 <= sizeof kept ? kept : malloc(r1 - r0);
    if (traits)
        for (size_t r = r0; r < r1; r++)
            traits[r - r0] = row_traits(g, r, r0);
    for (size_t c = 0; c < tb->ncolumns; c++) {
        if (!tb->columns[c].money)
            continue;
        /* sec[0]: the rows since the last section, sec[1]: since the one
         * before (a label with no values may stand between the section's
         * rows and its sum, as a section does) */
        int64_t run = 0, all = 0, subs = 0, since = 0, sec[2] = {0, 0};
        int run_ok = 1, all_ok = 1, subs_ok = 1, since_ok = 1, sec_ok[2] = {1, 1};
        size_t nrun = 0, nall = 0, nsubs = 0, nsince = 0, nsec[2] = {0, 0};
        rounding rrun = {0, 0, NULL, 0}, rall = rrun, rsubs = rrun, rsince = rrun, rsec[2] = {rrun, rrun};
        rounding units = rrun; /* only its currency cache: for cell_round_unit */
        for (size_t r = r0; r < r1; r++) {
            const belopp_row *row = &g->rows[r];
            belopp_cell *cell = cell_at(g, row, c);
            unsigned char trait = traits ? traits[r - r0] : row_traits(g, r, r0);
            if (trait & ROW_SECTION_ABOVE) {
                /* a section ("Rörelsens kostnader") over the rows its
                 * "Summa rörelsens kostnader" adds up */
                sec[1] = sec[0];
                nsec[1] = nsec[0];
                sec_ok[1] = sec_ok[0];
                rsec[1] = rsec[0];
                sec[0] = 0;
                nsec[0] = 0;
                sec_ok[0] = 1;
                rsec[0] = (rounding){0, 0, NULL, 0};
            }
            if (trait & ROW_PART)
                continue; /* "varav mark och byggnader": in the row above already */
            if (!row->money || (row->ncells == 0 && row->left_out)) {
                if (row->left_out)
                    run_ok = all_ok = 0;
                continue;
            }
            if (!row->is_total) {
                int ok = 1;
                int64_t v = sum_value(cell, &ok);
                if (!ok)
                    run_ok = all_ok = since_ok = 0;
                int64_t u = cell_round_unit(g->text, cell, &units);
                add_checked(&run, v, &run_ok);
                add_checked(&all, v, &all_ok);
                round_put(&rrun, u);
                round_put(&rall, u);
                nrun++;
                nall++;
                if (trait & ROW_RESULT) {
                    /* "Rörelseresultat" sums the rows above it without
                     * being called Summa; the next total ("Summa
                     * finansiella poster") may sum only the rows after it */
                    since = 0;
                    nsince = 0;
                    since_ok = 1;
                    rsince = (rounding){0, 0, NULL, 0};
                } else {
                    add_checked(&since, v, &since_ok);
                    round_put(&rsince, u);
                    nsince++;
                }
                for (int q = 0; q < 2; q++) {
                    add_checked(&sec[q], v, &sec_ok[q]);
                    round_put(&rsec[q], u);
                    nsec[q]++;
                }
                continue;
            }
            int ok = cell && !cell->empty && cell->money && cell->status == BELOPP_OK;
            int verdict = BELOPP_CELL_SUM_UNCHECKED;
            int grand = 0;
            if (ok) {
                int64_t v = cell->minor;
                int any = 0, match = 0, near = 0;
                /* near: off by no more than rounding allows (within_rounding) */
                int run_near = nrun > 0 && run_ok && within_rounding(&rrun, g->text, cell, run);
                if (nrun > 0 && run_ok) {
                    any = 1;
                    match |= run == v;
                    near |= run_near;
                }
                if (nsince > 0 && nsince < nrun && since_ok && run_ok) {
                    match |= since == v;
                    near |= within_rounding(&rsince, g->text, cell, since);
                }
                for (int q = 0; q < 2; q++) /* the rows since a section above */
                    if (nsec[q] > 0 && nsec[q] < nrun && sec_ok[q] && run_ok) {
                        match |= sec[q] == v;
                        near |= within_rounding(&rsec[q], g->text, cell, sec[q]);
                    }
                if (nall > nrun && all_ok) {
                    int all_near = all == v || within_rounding(&rall, g->text, cell, all);
                    any = 1;
                    match |= all == v;
                    near |= all_near;
                    grand |= all_near && !(nrun > 0 && run_ok && (run == v || run_near));
                }
                if (nsubs >= 2 && subs_ok) {
                    int subs_near = subs == v || within_rounding(&rsubs, g->text, cell, subs);
                    any = 1;
                    match |= subs == v;
                    near |= subs_near;
                    grand |= subs_near && !(nrun > 0 && run_ok && (run == v || run_near));
                }
                /* the rows right above it that a total sums first could
                 * not all be read (a row left out): another reading that
                 * adds up says ok, but one that does not proves nothing */
                int unread = nrun > 0 && !run_ok;
                if (any)
                    verdict = match    ? BELOPP_CELL_SUM_OK
                              : near   ? BELOPP_CELL_SUM_ROUNDING
                              : unread ? BELOPP_CELL_SUM_UNCHECKED
                                       : BELOPP_CELL_SUM_MISMATCH;
                add_checked(&subs, v, &subs_ok);
                round_add(&rsubs, g->text, cell);
            } else {
                subs_ok = 0;
            }
            nsubs++;
            if (grand) {
                /* "SUMMA TILLGÅNGAR" closes one side of a balance sheet:
                 * the totals under it ("SUMMA EGET KAPITAL OCH SKULDER")
                 * sum the rows after it only */
                all = subs = 0;
                nall = nsubs = 0;
                all_ok = subs_ok = 1;
                rall = rsubs = (rounding){0, 0, NULL, 0};
            }
            if (cell)
                cell->sum = merge_sum(cell->sum, verdict);
            run = 0;
            nrun = 0;
            run_ok = 1;
            rrun = (rounding){0, 0, NULL, 0};
            since = 0;
            nsince = 0;
            since_ok = 1;
            rsince = (rounding){0, 0, NULL, 0};
            memset(sec, 0, sizeof sec);
            memset(nsec, 0, sizeof nsec);
            sec_ok[0] = sec_ok[1] = 1;
            rsec[0] = rsec[1] = (rounding){0, 0, NULL, 0};
        }
    }
    for (size_t r = r0; r < r1; r++) {
        const belopp_row *row = &g->rows[r];
        for (size_t c = 0; c < tb->ncolumns; c++) {
            const belopp_column *col = &tb->columns[c];
            belopp_cell *cell = cell_at(g, row, c);
            if (!cell || !col->money || !row->money || (!col->is_total && !col->difference))
                continue;
            int ok = !cell->empty && cell->money && cell->status == BELOPP_OK;
            int verdict = BELOPP_CELL_SUM_UNCHECKED;
            if (ok && col->is_total) {
                int64_t sum = 0;
                size_t parts = 0;
                rounding rparts = {0, 0, NULL, 0};
                for (size_t o = 0; o < tb->ncolumns; o++) {
                    const belopp_column *oc = &tb->columns[o];
                    if (o == c || !oc->money || oc->is_total || oc->difference)
                        continue;
                    const belopp_cell *part = cell_at(g, row, o);
                    int64_t v = sum_value(part, &ok);
                    add_checked(&sum, v, &ok);
                    round_add(&rparts, g->text, part);
                    parts++;
                }
                if (ok && parts >= 2)
                    verdict = sum == cell->minor                                 ? BELOPP_CELL_SUM_OK
                              : within_rounding(&rparts, g->text, cell, sum) ? BELOPP_CELL_SUM_ROUNDING
                                                                             : BELOPP_CELL_SUM_MISMATCH;
            } else if (ok) {
                /* the two money columns nearest before it; or two before it
                 * of one year ("Utfall 2024" and "Budget 2024", then
                 * "Avvikelse"), the nearest such pair */
                size_t found = 0, idx[2];
                for (size_t o = c; o-- > 0 && found < 2;)
                    if (tb->columns[o].money && !tb->columns[o].difference &&
                        !tb->columns[o].is_total)
                        idx[found++] = o;
                int pair = 0;
                for (size_t o = c; o-- > 0 && !pair;) {
                    int y = column_year(g->text, &tb->columns[o]);
                    if (y < 0 || !tb->columns[o].money || tb->columns[o].difference ||
                        tb->columns[o].is_total)
                        continue;
                    for (size_t p = o; p-- > 0 && !pair;)
                        if (tb->columns[p].money && !tb->columns[p].difference &&
                            !tb->columns[p].is_total && column_year(g->text, &tb->columns[p]) == y) {
                            idx[0] = o;
                            idx[1] = p;
                            found = 2;
                            pair = 1;
                        }
                }
                /* "Förändring jämfört med jan-sep 2016" beside columns of
                 * 2017: a change from a period the table does not show, no
                 * difference of the columns beside it */
                int yd = found == 2 ? column_year(g->text, col) : -1;
                if (yd >= 0 && yd != column_year(g->text, &tb->columns[idx[0]]) &&
                    yd != column_year(g->text, &tb->columns[idx[1]]))
                    found = 0;
                if (found == 2) {
                    const belopp_cell *x = cell_at(g, row, idx[1]), *y = cell_at(g, row, idx[0]);
                    int64_t vx = sum_value(x, &ok), vy = sum_value(y, &ok), d1 = vx, d2 = vy;
                    rounding rxy = {0, 0, NULL, 0};
                    round_add(&rxy, g->text, x);
                    round_add(&rxy, g->text, y);
                    if (ok && x && y && !x->empty && !y->empty && belopp_add_i64(&d1, -vy) == 0 &&
                        belopp_add_i64(&d2, -vx) == 0)
                        verdict = d1 == cell->minor || d2 == cell->minor ? BELOPP_CELL_SUM_OK
                                  : within_rounding(&rxy, g->text, cell, d1) ||
                                          within_rounding(&rxy, g->text, cell, d2)
                                      ? BELOPP_CELL_SUM_ROUNDING
                                      : BELOPP_CELL_SUM_MISMATCH;
                }
            }
            cell->sum = merge_sum(cell->sum, verdict);
        }
    }
    /* A difference column none of whose checked cells is the difference of
     * the columns beside it does not hold that difference in the table's
     * unit: "Förändring" or "Utveckling" in per cent without a sign ("3,6"
     * beside 412 300 and 398 100 tkr).  A misprint shows in one row, not in
     * every one: the column is no money. */
    for (size_t c = 0; c < tb->ncolumns; c++) {
        belopp_column *col = &g->tables[ti].columns[c];
        if (!col->money || !col->difference)
            continue;
        size_t checked = 0, adds_up = 0;
        for (size_t r = r0; r < r1; r++) {
            const belopp_cell *cell = cell_at(g, &g->rows[r], c);
            if (!cell || g->rows[r].is_total ||
                (cell->sum != BELOPP_CELL_SUM_OK && cell->sum != BELOPP_CELL_SUM_ROUNDING &&
                 cell->sum != BELOPP_CELL_SUM_MISMATCH))
                continue; /* (a total row's cell is checked as a sum of the rows, not as
                           * the difference of its columns) */
            checked++;
            adds_up += cell->sum != BELOPP_CELL_SUM_MISMATCH;
        }
        if (checked == 0 || adds_up > 0)
            continue;
        col->money = 0;
        col->difference = 0;
        for (size_t r = r0; r < r1; r++) {
            belopp_cell *cell = cell_at(g, &g->rows[r], c);
            if (cell) {
                cell->money = 0;
                cell->sum = BELOPP_CELL_SUM_NONE;
            }
        }
    }
    if (traits != kept)
        free(traits);
}

/* Does split sp of tokens t make one cell of nine digits or more, in a
 * column no row tells the size of (lo[c] < 0, or lo NULL: none told), beside cells of four digits
 * fewer at least (the other cells' middle size; shares apart)?  Then it
 * has joined cells the row does not tell apart: "62 971 85 123 117 645 151
 * 471 91 045" read as four cells gives 117 645 151 471 beside cells of five
 * digits, where five cells of five and six were meant. */
static int lopsided_split(const token *t, const split *sp, const int *lo)
{
    int d[BELOPP_MAX_COLUMNS], nd = 0, top = -1;
    size_t top_col = 0;
    for (size_t c = 0; c < sp->n; c++) {
        size_t i = sp->start[c], j = sp->start[c + 1];
        if (t[i].kind == T_EMPTY || t[i].kind == T_PCT || t[j - 1].kind == T_PCT)
            continue;
        d[nd] = cell_digits(t, i, j);
        if (top < 0 || d[nd] > d[top]) {
            top = nd;
            top_col = c;
        }
        nd++;
    }
    if (nd < 2 || d[top] < 9 || (lo && lo[top_col] >= 0))
        return 0;
    int rest[BELOPP_MAX_COLUMNS], nr = 0;
    for (int c = 0; c < nd; c++)
        if (c != top)
            rest[nr++] = d[c];
    for (int a = 1; a < nr; a++) /* (a few cells: insertion sort) */
        for (int b = a; b > 0 && rest[b - 1] > rest[b]; b--) {
            int x = rest[b];
            rest[b] = rest[b - 1];
            rest[b - 1] = x;
        }
    return d[top] >= rest[nr / 2] + 4;
}

/* Values above this many kronor (10^13, more than Sweden's GDP) in a table
 * cell mean the split went wrong: "100 200 300" under "Miljoner kronor". */
#define PLAUSIBLE_MINOR INT64_C(1000000000000000)

/* (build_table: a reason it gives before it reads the rows, that the reading
 * then keeps) */
static const char ROWS_DISAGREE[] =
    "its numbers may be more cells than one, and the table's rows disagree on how many";

/* Leaves row row out (no cells), saying why in the warning. */
static void leave_out_row(belopp_segments *g, belopp_row *row, const char *why)
{
    row->ncells = 0;
    row->cell = g->ncells;
    row->left_out = why;
}

/* Makes the cells of row r from split sp of its tokens t.  Returns 0, 1
 * when a value is implausible (the row is then left out), -1 when out of
 * memory. */
static int make_cells_at(belopp_segments *g, const char *s, size_t r, const token *t,
                         const split *sp, size_t off)
{
    belopp_row *row = &g->rows[r];
    const belopp_table *tb = &g->tables[row->table];
    size_t first = g->ncells;
    for (size_t c = 0; c < sp->n; c++) {
        size_t i = sp->start[c], j = sp->start[c + 1];
        const belopp_column *col = &tb->columns[c + off];
        belopp_cell cell;
        memset(&cell, 0, sizeof cell);
        cell.text = (belopp_span){t[i].sp.start, t[j - 1].sp.end};
        cell.row = r;
        cell.column = c + off;
        cell.empty = t[i].kind == T_EMPTY;
        cell.money = !cell.empty && t[j - 1].kind != T_PCT && t[i].kind != T_PCT && col->money &&
                     row->money && (row->currency || col->currency);
        cell.exp10 = row->currency ? row->exp10 : col->exp10;
        cell.currency = row->currency ? row->currency : col->currency;
        cell.unit = row->currency ? row->unit : col->unit;
        cell.is_total = row->is_total || col->is_total;
        cell.status = BELOPP_E_SYNTAX;
        if (!cell.empty) {
            belopp_decimal d;
            cell.status = belopp_parse_decimal(s + cell.text.start, cell.text.end - cell.text.start, &d);
            if (cell.status == BELOPP_OK && t[i].dots && t[i].frac && s[cell.text.end - 3] == '.')
                d.frac_digits = 2; /* "155.974.54": 155 974,54 */
            if (cell.status == BELOPP_OK)
                cell.status = belopp_to_minor(d, cell.exp10, &cell.minor);
            if (cell.status == BELOPP_OK && t[i].sign)
                cell.minor = -cell.minor;
            if (cell.status == BELOPP_OK && cell.money &&
                (cell.minor > PLAUSIBLE_MINOR || cell.minor < -PLAUSIBLE_MINOR)) {
                g->ncells = first;
                return 1;
            }
        }
        PUSH(g->cells, g->ncells, g->capcells, cell);
    }
    row = &g->rows[r];
    row->cell = first;
    row->ncells = g->ncells - first;
    return 0;
}

static int make_cells(belopp_segments *g, const char *s, size_t r, const token *t,
                      const split *sp)
{
    return make_cells_at(g, s, r, t, sp, 0);
}

/* Does row r leave a wide gap (three spaces or more) before its values, or
 * after a year ending its label ("Budget 2022     -150 769")? */
static int gap_row(const char *s, const belopp_row *r)
{
    size_t v = r->values.start, y = v;
    return (v >= r->line.start + 3 && memcmp(s + v - 3, "   ", 3) == 0) ||
           (r->values.end - y > 7 && belopp_is_year(s, (belopp_span){y, y + 4}) &&
            memcmp(s + y + 4, "   ", 3) == 0);
}

/* A row short of cells under k value columns, its empty cells left as a
 * wide gap (three spaces or more) between the label and its values
 * ("Projektledare     -700 -700 -700" under five titles): when its numbers
 * split one way only, into fewer than k cells, they are the last columns'.
 * Returns 1 with the cells made, 0 if the row is not so, -1 when out of
 * memory. */
static int short_row(belopp_segments *g, const char *s, size_t r, size_t k, size_t note, int apart,
                     const int *hi)
{
    belopp_row tmp = g->rows[r], *row = &tmp;
    size_t mid = g->tables[tmp.table].note_at;
    size_t v = row->values.start, gap = 0;
    while (v > row->line.start && s[v - 1] == ' ') {
        v--;
        gap++;
    }
    if (gap < 3) {
        /* a year ends the label: "Budget 2022     -150 769 -150 769" */
        size_t y = row->values.start;
        if (row->values.end - y > 7 && belopp_is_year(s, (belopp_span){y, y + 4}) &&
            memcmp(s + y + 4, "   ", 3) == 0) {
            row->label = clean_label(s, (belopp_span){row->line.start, y + 4});
            row->values = belopp_trim(s, y + 4, row->values.end);
            gap = 3;
        }
    }
    if (gap < 3 || k < 2)
        return 0;
    token t[MAX_TOKENS];
    uint32_t m;
    fit_tokens_mid(s, row, 0, note, mid, t, &m, apart);
    if (!m)
        return 0;
    size_t c = 1; /* the fewest cells: numbers as long as they can be */
    while (!(m >> c & 1))
        c++;
    if (c >= k)
        return 0;
    size_t n = fit_tokens_mid(s, row, c, note, mid, t, NULL, apart);
    split sp;
    if (n == 0 || best_split(t, n, c, NULL, NULL, NULL, &sp) != 1)
        return 0;
    /* but none longer than its column's numbers ("500 500 500" is no
     * 500 500 500 where the column holds "83 518") */
    for (size_t q = 0; q < c; q++) {
        size_t i = sp.start[q];
        if (t[i].kind != T_EMPTY && (hi[k - c + q] < 0 || cell_digits(t, i, sp.start[q + 1]) > hi[k - c + q]))
            return 0;
    }
    belopp_row keep = g->rows[r];
    g->rows[r].label = tmp.label;
    g->rows[r].values = tmp.values;
    int rc = make_cells_at(g, s, r, t, &sp, k - c);
    if (rc == 1) {
        g->rows[r].label = keep.label;
        g->rows[r].values = keep.values;
    }
    return rc < 0 ? -1 : rc == 0;
}

/* A pipe table's row of fewer cells than its k value columns ("Augusti |
 * 13 133 | |" under "Månad | Utfall 2024 | Utfall 2023 |"): each cell
 * between bars is one number, never two ("13 133" is not 13 and 133); the
 * empty cells written before the values ("Augusti | | 13 133 |") come
 * first, and the cells the row lacks are its last (as GitHub's tables fill
 * a short row).  Its tokens t[0, n) start a cell where a bar (now a tab)
 * stands before them.  Returns 1 with the cells made, 0 if the row is not
 * so, -1 when out of memory. */
static int pipe_short_row(belopp_segments *g, const char *s, size_t r, size_t k, const token *t,
                          size_t n)
{
    const belopp_row *row = &g->rows[r];
    size_t b = row->values.start, bars = 0;
    while (b > row->line.start && (s[b - 1] == ' ' || s[b - 1] == '\t'))
        bars += g->text[--b] == '|';
    if (bars == 0 || n == 0 || k < 2)
        return 0;
    size_t off = bars - 1; /* the label's bar, then one for each empty cell before the values */
    split sp;
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        if (i == 0 || t[i].hard) {
            if (off + c >= k)
                return 0;
            sp.start[c++] = i;
        }
    if (off + c == k && off == 0)
        return 0; /* (a full row: read as any row) */
    sp.start[c] = n;
    sp.n = c;
    for (size_t q = 0; q < c; q++)
        if (!one_cell(t, sp.start[q], sp.start[q + 1]))
            return 0;
    int rc = make_cells_at(g, s, r, t, &sp, off);
    return rc < 0 ? -1 : rc == 0;
}

/* Is the note column of a table of k value columns empty all through, its
 * notes left off when the page was made ("MSEK Not 2013-03-31 2012-03-31"
 * over "Materiella anläggningstillgångar 166 156", "Finansiella tillgångar
 * 10 11")?  Yes when no row of rows[0, nrows) has a note for sure (its
 * numbers fill the columns only without the first, be it "5" or a list
 * "4,5", or a reference "BR" or "Not" stands in the label) nor is more
 * alike with one, and three rows or more start with a number no note can
 * be ("166", "-68", "0").  Then "10 11" is two values, not a note
 * or a value. */
static int empty_notes(const char *s, const belopp_row *rows, size_t nrows, size_t k)
{
    size_t plain = 0;
    for (size_t r = 0; r < nrows; r++) {
        const belopp_row *row = &rows[r];
        token t[MAX_TOKENS], u[MAX_TOKENS];
        size_t n = row_tokens(s, row, t);
        if (label_note(s, row->label) || note_tail(s, row->label))
            return 0;
        if (n == 0)
            continue;
        uint32_t mall, mrest;
        memcpy(u, t + 1, (n - 1) * sizeof *t);
        size_t nu = settle_signs(u, n - 1, k, &mrest, 0);
        size_t na = settle_signs(t, n, k, &mall, 0);
        if (n > 1 && (mrest >> k & 1) && !(mall >> k & 1))
            return 0; /* a note for sure, "5" or "4,5" */
        if (!note_token(s, &t[0], row)) {
            plain += t[0].kind == T_NUM && !t[0].frac;
            continue;
        }
        int su = spread(u, nu, k), st = spread(t, na, k);
        if ((mrest >> k & 1) && !(su >= 0 && st >= 0 && st < su))
            return 0; /* a note by the sizes ("12 793 760": 793, 760), or
                       * unclear: only rows more alike as values say none */
    }
    return plain >= 3;
}

/* One row's tokens as fit_tokens_mid reads them for the table's count of
 * columns: build_table asks the same of each row up to three times (signs
 * apart, the usual sizes, the split), so it keeps them.  fit_tokens_mid
 * reads nothing of the row but its values span: the entry holds while
 * the span and apart are the same; and the tokens row_tokens read of the
 * span, which every count of columns starts from. */
typedef struct {
    belopp_span values;
    int ok, apart;
    size_t n;
    token t[MAX_TOKENS];
    belopp_span read;   /* the values span row_tokens read (start > end: none) */
    size_t nraw;
    token raw[MAX_TOKENS]; /* what it read */
} row_fit;

#define ROW_FIT_MAX 1024 /* rows of a table kept (4 MB at most) */

static size_t fit_row(const char *s, const belopp_row *row, size_t k, size_t note, size_t mid,
                      token *t, int apart, row_fit *c)
{
    if (c && c->ok && c->apart == apart && c->values.start == row->values.start &&
        c->values.end == row->values.end) {
        memcpy(t, c->t, c->n * sizeof *t);
        return c->n;
    }
    size_t n;
    if (c && c->read.start == row->values.start && c->read.end == row->values.end) {
        memcpy(t, c->raw, c->nraw * sizeof *t);
        n = fit_read(s, row, k, note, mid, t, c->nraw, NULL, apart);
    } else {
        n = fit_tokens_mid(s, row, k, note, mid, t, NULL, apart);
    }
    if (c) {
        c->values = row->values;
        c->ok = 1;
        c->apart = apart;
        c->n = n;
        memcpy(c->t, t, n * sizeof *t);
    }
    return n;
}

/* The value of number token t ("13"), or INT_MAX when it is not one of at
 * most four digits. */
static int first_number(const char *s, const token *t)
{
    if (t->kind != T_NUM || t->sign || t->frac || t->dots || t->idigits > 4)
        return INT_MAX;
    int v = 0;
    for (size_t i = t->sp.start; i < t->sp.end; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

/* The note row r was read with, or -1: a number before its first cell
 * ("Fordringar 16 405,2 …"), or at the end of its label ("Verksamhetens
 * kostnader 2, 3, 17": 17 read first; "varav … poster 3A": 3).  The
 * largest, where there are several. */
static int row_note(const char *s, const belopp_row *row, const belopp_segments *g)
{
    int best = -1;
    size_t e = row->values.start;
    if (row->ncells) {
        const belopp_cell *c = &g->cells[row->cell];
        e = c->text.start;
    }
    /* the label's end and the values before the first cell: digits,
     * commas, spaces and one letter after digits ("3A") */
    size_t a = e;
    while (a > row->label.start && (s[a - 1] == ' ' || s[a - 1] == ',' ||
                                    (s[a - 1] >= '0' && s[a - 1] <= '9') ||
                                    (s[a - 1] >= 'A' && s[a - 1] <= 'Z' && a - 1 > row->label.start &&
                                     s[a - 2] >= '0' && s[a - 2] <= '9')))
        a--;
    if (a > row->label.start && s[a - 1] != '\n' && !belopp_space_at(s, a, e) && a != row->label.start)
        return -1; /* digits glued to a word: not a note */
    for (size_t i = a; i < e;) {
        if (s[i] < '0' || s[i] > '9') {
            i++;
            continue;
        }
        int v = 0, d = 0;
        while (i < e && s[i] >= '0' && s[i] <= '9' && d < 3) {
            v = v * 10 + (s[i] - '0');
            i++;
            d++;
        }
        if (d <= 2 && v > best)
            best = v;
        while (i < e && s[i] >= '0' && s[i] <= '9')
            i++;
    }
    return best;
}

/* The label without the notes listed at its end, the last of them read
 * with the values: "Verksamhetens kostnader 2, 3," (and 17 first in the
 * values) is "Verksamhetens kostnader".  Only under a note column. */
static belopp_span strip_note_list(const char *s, belopp_span l)
{
    for (;;) {
        size_t e = l.end;
        if (e - l.start < 4 || s[e - 1] != ',')
            return l;
        size_t d = e - 1;
        while (d > l.start && s[d - 1] >= '0' && s[d - 1] <= '9')
            d--;
        if (d == e - 1 || e - 1 - d > 2 || d == l.start || !belopp_space_at(s, d - 1, e))
            return l;
        belopp_span t = belopp_trim(s, l.start, d);
        if (t.start == t.end)
            return l;
        l = t;
    }
}

/* A year ending the label, where the values begin: "varav pensioner
 * intjänade före 1998 635,4 638,2 635,4 638,2" under four columns.  When
 * the row fills the nh columns only without it, the year goes to the
 * label. */
static void year_to_label(const char *s, belopp_row *row, size_t nh, size_t note, size_t mid)
{
    size_t v = row->values.start;
    if (row->values.end - v < 6 || !belopp_is_year(s, (belopp_span){v, v + 4}))
        return; /* (most rows: no year first) */
    token t[MAX_TOKENS];
    size_t n = row_tokens(s, row, t);
    if (n < 2 || t[0].kind != T_NUM || t[0].sign || t[0].frac || t[0].dots || t[0].open ||
        t[0].sp.start != row->values.start || !belopp_is_year(s, t[0].sp) ||
        !belopp_space_at(s, t[0].sp.end, row->values.end))
        return;
    /* a word that dates what follows it: "före 1998", "från och med
     * 1998", "t.o.m. 2019" */
    static const char *const DATING[] = {"f\xC3\xB6re", "efter", "med", "fr\xC3\xA5n", "till",
                                         "t.o.m.", "fr.o.m.", "sedan", "per", "\xC3\xA5r", NULL};
    size_t w = row->label.end;
    while (w > row->label.start && !belopp_space_at(s, w - 1, row->label.end))
        w--;
    int dated = 0;
    for (const char *const *d = DATING; *d && !dated; d++)
        dated = strlen(*d) == row->label.end - w && strncasecmp(s + w, *d, row->label.end - w) == 0;
    uint32_t m;
    fit_tokens_mid(s, row, 0, note, mid, t, &m, 0);
    if ((m >> nh & 1) && !dated)
        return;
    belopp_row r2 = *row;
    r2.values.start = belopp_skip_spaces(s, t[0].sp.end, row->values.end);
    r2.label.end = t[0].sp.end;
    fit_tokens_mid(s, &r2, 0, note, mid, t, &m, 0);
    if (m >> nh & 1)
        *row = r2;
}

/* Under a unit with no column titles ("Kronor" over "Hyra 2025 4 500",
 * "Hyra 2026 4 700"), a year first among a row's numbers, with more after
 * it, dates the row: it belongs to the label, not a value of 2 025 kr.
 * Taken only where two rows or more of the table are written so. */
static size_t year_first(const char *s, const belopp_row *row)
{
    token t[MAX_TOKENS];
    size_t n = row_tokens(s, row, t);
    if (n < 2 || t[0].kind != T_NUM || t[0].sign || t[0].frac || t[0].dots || t[0].open ||
        t[0].idigits != 4 || t[0].sp.start != row->values.start || !belopp_is_year(s, t[0].sp) ||
        !belopp_space_at(s, t[0].sp.end, row->values.end) || t[1].kind != T_NUM)
        return 0;
    return t[0].sp.end;
}

static void years_to_labels(belopp_segments *g, const char *s, size_t r0, size_t r1)
{
    size_t dated = 0;
    for (size_t r = r0; r < r1 && dated < 2; r++)
        dated += year_first(s, &g->rows[r]) != 0;
    if (dated < 2)
        return;
    for (size_t r = r0; r < r1; r++) {
        belopp_row *row = &g->rows[r];
        size_t e = year_first(s, row);
        if (e) {
            row->label.end = e;
            row->values.start = belopp_skip_spaces(s, e, row->values.end);
        }
    }
}

/* "Barn 1 1 688", "Barn 2 1 125", "Barn 3 563"; "Hemtjänst, nivå 1 450",
 * "Hemtjänst, nivå 2 900": rows with one and the same label, each followed
 * by a small number that counts up by one from row to row (1, 2, 3), carry
 * that number in the label, not as a first value.  The small number of a
 * lone row, or numbers that do not count up, stay as they were. */
static size_t small_lead(const char *s, const belopp_row *row)
{
    size_t v = row->values.start, e = v;
    while (e < row->values.end && e - v < 2 && s[e] >= '0' && s[e] <= '9')
        e++;
    if (e == v || e >= row->values.end || (s[e] >= '0' && s[e] <= '9') ||
        !belopp_space_at(s, e, row->values.end))
        return 0;
    size_t n = belopp_skip_spaces(s, e, row->values.end);
    return n < row->values.end && s[n] >= '0' && s[n] <= '9' ? e : 0;
}

static void numbered_labels(belopp_segments *g, const char *s, size_t r0, size_t r1)
{
    for (size_t a = r0; a < r1;) {
        belopp_row *first = &g->rows[a];
        size_t l = first->label.end - first->label.start, e = small_lead(s, first);
        size_t b = a + 1;
        if (e && l > 0 && atoi(s + first->values.start) == 1) {
            for (int want = 2; b < r1; b++, want++) {
                const belopp_row *r = &g->rows[b];
                size_t f = small_lead(s, r);
                if (!f || r->label.end - r->label.start != l ||
                    strncasecmp(s + r->label.start, s + first->label.start, l) != 0 ||
                    atoi(s + r->values.start) != want)
                    break;
            }
        }
        if (b - a >= 2)
            for (size_t r = a; r < b; r++) {
                belopp_row *row = &g->rows[r];
                size_t f = small_lead(s, row);
                row->label.end = f;
                row->values.start = belopp_skip_spaces(s, f, row->values.end);
            }
        a = b;
    }
}

/* A first column with no title of its own ("Resultaträkning, mnkr" over
 * "Skatteintäkter 4 1 420,0 1 380,5") that holds only small whole numbers,
 * one or two digits, where every other column writes a decimal comma: the
 * statement's note numbers, not money ("4" was 4 mnkr).  At least two rows
 * must have one.  A row where the note may as well start the value after
 * it ("1 412,5") is left out. */
static int small_whole(const char *s, belopp_span c)
{
    size_t n = c.end - c.start;
    if (n == 0 || n > 2)
        return 0;
    for (size_t i = c.start; i < c.end; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return 1;
}

static int note_item(const char *s, belopp_span l);

/* Does label l end in a list of notes, "… 1, 2" or "… 3, 4, 5" (items of one
 * or two digits, ", " between them)? */
static int label_ends_in_notes(const char *s, belopp_span l)
{
    size_t e = l.end, items = 0;
    for (;;) {
        size_t d = e;
        while (d > l.start && s[d - 1] >= '0' && s[d - 1] <= '9')
            d--;
        if (d == e || e - d > 2 || d == l.start || s[d - 1] != ' ')
            return 0;
        items++;
        if (d - 1 > l.start + 1 && s[d - 2] == ',') {
            e = d - 2;
            continue;
        }
        return items >= 2;
    }
}

static void untitled_note_column(belopp_segments *g, const char *s, size_t ti, size_t r0, size_t r1)
{
    const belopp_table *tb = &g->tables[ti];
    if (tb->ncolumns < 2 || tb->ntitles > 1 || !tb->columns[0].money)
        return;
    size_t notes = 0;
    for (size_t r = r0; r < r1; r++) {
        const belopp_row *row = &g->rows[r];
        for (size_t i = 0; i < row->ncells; i++) {
            const belopp_cell *c = &g->cells[row->cell + i];
            if (c->empty)
                continue;
            if (c->column == 0) {
                if (!small_whole(s, c->text))
                    return;
                notes++;
            } else if (!memchr(s + c->text.start, ',', c->text.end - c->text.start)) {
                return;
            }
        }
    }
    if (notes < 2)
        return;
    for (size_t r = r0; r < r1; r++) {
        belopp_row *row = &g->rows[r];
        for (size_t i = 0; i < row->ncells; i++) {
            belopp_cell *c = &g->cells[row->cell + i];
            if (c->column != 0 || c->empty)
                continue;
            c->money = 0;
            /* "1 412,5": note 1 and 412,5, or 1 412,5 with no note? */
            const belopp_cell *v = i + 1 < row->ncells ? c + 1 : NULL;
            size_t d = 0;
            while (v && v->text.start + d < v->text.end && s[v->text.start + d] >= '0' &&
                   s[v->text.start + d] <= '9')
                d++;
            if (v && d == 3 && v->text.start == c->text.end + 1 && s[c->text.end] == ' ') {
                row->ncells = 0;
                row->left_out = "its first number may be a note or a value";
                break;
            }
        }
    }
}

/* Is line l a year alone ("2026") or a unit and a year ("Pris, kr 2026"):
 * in a price list, the header of the next year's section? */
static int year_header(const char *s, belopp_span l)
{
    l = belopp_trim(s, l.start, l.end);
    if (l.end - l.start < 4)
        return 0;
    belopp_span y = {l.end - 4, l.end};
    if (!belopp_is_year(s, y) || (y.start > l.start && !belopp_space_at(s, y.start - 1, l.end)))
        return 0;
    if (y.start == l.start)
        return 1;
    belopp_span w = belopp_trim(s, l.start, y.start);
    unit_info u;
    return !has_other_digits(s, w.start, w.end) && own_unit(s, w, &u);
}

/* "Nr<TAB>Projekt<TAB>Budget 2025<TAB>Budget 2026" over "31<TAB>Ny skola
 * <TAB>42 000<TAB>18 500": the label is two cells, a code and a name, and
 * the titles of both stand over it.  The value columns take the last
 * titles: else "Projekt" was a third value column and "18 500" was split
 * into 18 and 500 to fill it.  Only where every row has as many tabs in
 * its label, and label cells and value cells (cut at tabs) make the
 * titles' count. */
static void label_cells_titles(const belopp_segments *g, const char *s, belopp_table *tb, size_t r0,
                               size_t r1)
{
    if (tb->ntitles < 3 || r1 <= r0)
        return;
    size_t extra = 0;
    for (size_t r = r0; r < r1; r++) {
        const belopp_row *row = &g->rows[r];
        size_t ltabs = 0, vcells = 1;
        for (size_t i = row->label.start; i < row->label.end; i++)
            ltabs += s[i] == '\t';
        for (size_t i = row->values.start; i < row->values.end; i++)
            vcells += s[i] == '\t';
        if (ltabs == 0 || 1 + ltabs + vcells != tb->ntitles || (r > r0 && ltabs != extra))
            return;
        extra = ltabs;
    }
    size_t k = tb->ntitles - 1 - extra;
    memmove(tb->titles + 1, tb->titles + 1 + extra, k * sizeof tb->titles[0]);
    memmove(tb->columns, tb->columns + extra, k * sizeof tb->columns[0]); /* (their second lines) */
    tb->ntitles = k + 1;
}

/* Splits the rows r0 .. r1-1 of table ti into cells: decides the number of
 * value columns (the titles', or the rows' own), then each row's split,
 * scored against the usual size of each column.  last_cut: the last row
 * ends the text without a line break (it may be cut off). */
/* How a cell writes its number: 1 "4,374" (one to three digits, a comma,
 * exactly three digits: a decimal or an English thousands comma), 2 a
 * decimal comma that is no such ("6,0", "1 260,1"), 3 thousands apart with
 * a space and no comma ("4 777"), 0 otherwise. */
static int comma_form(const char *s, belopp_span c)
{
    size_t a = c.start, b = c.end;
    if (a < b && (s[a] == '-' || s[a] == '+'))
        a++;
    else if (b - a >= 3 && (unsigned char)s[a] == 0xE2 && (unsigned char)s[a + 1] == 0x88 &&
             (unsigned char)s[a + 2] == 0x92)
        a += 3; /* U+2212 */
    const char *comma = memchr(s + a, ',', b - a);
    if (!comma) {
        for (size_t i = a; i < b; i++)
            if (belopp_space_at(s, i, b))
                return 3;
        return 0;
    }
    size_t k = (size_t)(comma - s);
    if (k - a >= 1 && k - a <= 3 && b - k == 4) {
        for (size_t i = a; i < b; i++)
            if (i != k && !(s[i] >= '0' && s[i] <= '9'))
                return 2;
        return 1;
    }
    return 2;
}

/* Row row has cells "4,374" (comma_form 1) beside figures written
 * otherwise ("4 777 4 380 3 920"), as a table whose one column came from a
 * report in English style has them: when each such cell read as thousands
 * (4 374) is of the size of every other figure of the row (within three
 * times, none zero), and read with a decimal comma (4,374) is a thousand
 * times smaller than all of them, it is the thousands reading; the cells
 * are set so and 1 returned.  0 (nothing changed) otherwise. */
static int comma_thousands_alike(belopp_segments *g, const char *s, belopp_row *row)
{
    size_t commas = 0, others = 0;
    for (size_t i = 0; i < row->ncells; i++) {
        const belopp_cell *c = &g->cells[row->cell + i];
        if (c->empty || !c->money || c->status != BELOPP_OK)
            continue;
        if (comma_form(s, c->text) == 1)
            commas++;
        else if (c->minor == 0)
            return 0;
        else
            others++;
    }
    if (!commas || !others)
        return 0;
    for (size_t i = 0; i < row->ncells; i++) {
        const belopp_cell *a = &g->cells[row->cell + i];
        if (a->empty || !a->money || a->status != BELOPP_OK || comma_form(s, a->text) != 1)
            continue;
        int64_t t = a->minor < 0 ? -a->minor : a->minor;
        if (t == 0 || t > INT64_MAX / 3000)
            return 0;
        t *= 1000;
        for (size_t j = 0; j < row->ncells; j++) {
            const belopp_cell *b = &g->cells[row->cell + j];
            if (b->empty || !b->money || b->status != BELOPP_OK || comma_form(s, b->text) == 1)
                continue;
            int64_t v = b->minor < 0 ? -b->minor : b->minor;
            if (v > INT64_MAX / 3 || t > 3 * v || v > 3 * t)
                return 0;
        }
    }
    for (size_t i = 0; i < row->ncells; i++) {
        belopp_cell *a = &g->cells[row->cell + i];
        if (!a->empty && a->money && a->status == BELOPP_OK && comma_form(s, a->text) == 1)
            a->minor *= 1000; /* (checked above: no overflow) */
    }
    return 1;
}

/* "Nettoomsättning 4,374  4 777 4 380": where a table writes its thousands
 * apart with a space and no cell has a decimal comma of another shape, a
 * "4,374" may be 4 374 (an English thousands comma) as well as 4,374; the
 * two differ a thousandfold, so the row is left out (precision first). */
static void leave_out_comma_thousands(belopp_segments *g, const char *s, size_t r0, size_t r1)
{
    int ambiguous = 0, spaced = 0;
    size_t commas = 0, small = 0, big = 0; /* "4,374"s; figures of three digits at most, and more */
    for (size_t r = r0; r < r1; r++) {
        const belopp_row *row = &g->rows[r];
        if (row->currency)
            continue; /* a unit of its own ("Resultat per aktie, kr"): its own decimals */
        for (size_t i = 0; i < row->ncells; i++) {
            const belopp_cell *c = &g->cells[row->cell + i];
            if (c->empty || !c->money)
                continue;
            int f = comma_form(s, c->text);
            size_t digits = 0, lead = SIZE_MAX;
            for (size_t x = c->text.start; x < c->text.end; x++)
                if (s[x] >= '0' && s[x] <= '9' && digits++ == 0)
                    lead = x;
            if (f == 2 || (f == 1 && lead != SIZE_MAX && s[lead] == '0' && s[lead + 1] == ','))
                return; /* the table writes decimals: "4,374" is one too (so is "0,523") */
            ambiguous |= f == 1;
            spaced |= f == 3;
            commas += f == 1;
            small += f == 0 && digits <= 3;
            big += f == 0 && digits > 3;
        }
    }
    if (!ambiguous || (!spaced && (!small || big)))
        return;
    if (!spaced && commas >= 4 && small >= 2) {
        /* "Belopp i mkr 2021 2020" / "Nettoomsättning 94,685 86,864" /
         * "Andelar i intresseföretags resultat −149 −140": every figure
         * with a comma has three digits after it and every other figure
         * three digits at most, as a report in English style writes
         * thousands (a table of decimal commas writes each figure with
         * its decimals, "−149,0"): the commas are thousands */
        for (size_t r = r0; r < r1; r++) {
            const belopp_row *row = &g->rows[r];
            for (size_t i = 0; i < row->ncells && !row->currency; i++) {
                const belopp_cell *c = &g->cells[row->cell + i];
                if (!c->empty && c->money && c->status == BELOPP_OK && comma_form(s, c->text) == 1 &&
                    (c->minor > INT64_MAX / 1000 || c->minor < -(INT64_MAX / 1000)))
                    return; /* (too large read so: left as read, as for any table) */
            }
        }
        for (size_t r = r0; r < r1; r++) {
            belopp_row *row = &g->rows[r];
            for (size_t i = 0; i < row->ncells && !row->currency; i++) {
                belopp_cell *c = &g->cells[row->cell + i];
                if (!c->empty && c->money && c->status == BELOPP_OK && comma_form(s, c->text) == 1)
                    c->minor *= 1000;
            }
        }
        return;
    }
    for (size_t r = r0; r < r1; r++) {
        belopp_row *row = &g->rows[r];
        if (!row->currency && comma_thousands_alike(g, s, row))
            continue; /* "4,374  4 777 4 380": read as 4 374, as the row's other figures are */
        for (size_t i = 0; i < row->ncells && !row->currency; i++) {
            const belopp_cell *c = &g->cells[row->cell + i];
            if (!c->empty && c->money && comma_form(s, c->text) == 1) {
                row->ncells = 0;
                row->left_out = spaced ? "a value such as \"4,374\" may be 4 374 (a thousands comma), "
                                         "where the table writes thousands with a space"
                                       : "a value such as \"4,374\" may be 4 374 (a thousands comma), "
                                         "where the table's other figures have three digits at most";
                break;
            }
        }
    }
}

/* Is t a number with a decimal comma and exactly three decimals, no dots
 * ("12,037")? */
static int comma_three(const char *s, const token *t)
{
    if (t->kind != T_NUM || !t->frac || t->dots)
        return 0;
    const char *c = memchr(s + t->sp.start, ',', t->sp.end - t->sp.start);
    return c && (size_t)(s + t->sp.end - c) == 4;
}

/* Does the table of rows r0 .. r1 group thousands by dots ("63.135
 * 60.026"), and row r write a decimal comma with three decimals ("12,037")
 * among its values?  That cell is 12 037 with the comma a slip for the dot,
 * or 12,037 as written: the text does not say which, and the row is left
 * out rather than read one way. */
static int dot_comma_conflict(const char *s, const belopp_segments *g, size_t r0, size_t r1,
                              size_t r, int *dotted)
{
    token t[MAX_TOKENS];
    size_t n = row_tokens(s, &g->rows[r], t);
    int three = 0;
    for (size_t i = 0; i < n && !three; i++)
        three = comma_three(s, &t[i]);
    if (!three)
        return 0;
    /* (whether the table groups by dots is looked up once: *dotted -1 until then) */
    for (size_t o = r0; o < r1 && *dotted < 0; o++) {
        size_t no = row_tokens(s, &g->rows[o], t);
        for (size_t i = 0; i < no && *dotted < 0; i++)
            if (t[i].kind == T_NUM && t[i].dots && !t[i].frac)
                *dotted = 1;
    }
    if (*dotted < 0)
        *dotted = 0;
    return *dotted;
}

/* A row whose numbers are all groups of three digits ("281 642 278 823 278
 * 357 278 679" under four columns) that the sizes of the table's other rows
 * do not split: cut into as many groups a cell, its values are alike (the
 * largest at most twice the smallest), as one item's figures over the
 * years are.  That is then the only split with alike values, since a cell
 * of one group more is a hundred times larger at least.  Fills *out and
 * returns 1, or 0 when the row is not so (it stays left out). */
static int alike_split(const char *s, const token *t, size_t n, size_t k, split *out)
{
    if (k < 2 || k > BELOPP_MAX_COLUMNS || n % k || n / k < 2 || n / k > 4)
        return 0;
    size_t m = n / k;
    for (size_t i = 0; i < n; i++)
        if (t[i].kind != T_NUM || t[i].idigits != 3 || t[i].sp.end - t[i].sp.start != 3 ||
            t[i].sign || t[i].frac || t[i].dots || t[i].open || t[i].close || t[i].marked)
            return 0;
    int64_t lo = INT64_MAX, hi = 0; /* at most 12 digits a cell: no overflow */
    for (size_t c = 0; c < k; c++) {
        if (!one_cell(t, c * m, c * m + m))
            return 0;
        int64_t v = 0;
        for (size_t i = c * m; i < c * m + m; i++)
            for (size_t d = t[i].sp.start; d < t[i].sp.end; d++)
                v = v * 10 + (s[d] - '0');
        lo = v < lo ? v : lo;
        hi = v > hi ? v : hi;
    }
    if (hi > 2 * lo)
        return 0;
    out->n = k;
    out->score = 0;
    out->ways = 1;
    for (size_t c = 0; c <= k; c++)
        out->start[c] = c * m;
    return 1;
}

/* The number of columns at which most rows r0 .. r1 (half at least) add
 * up, their last cell the total of the others, each the one way
 * (sum_split_row); 0 when no count does. */
static size_t count_by_totals(const belopp_segments *g, const char *s, size_t r0, size_t r1)
{
    unsigned adds[BELOPP_MAX_COLUMNS + 1] = {0};
    token t[MAX_TOKENS];
    split sp;
    for (size_t r = r0; r < r1; r++) {
        uint32_t m = 0;
        size_t n = fit_tokens(s, &g->rows[r], 0, 0, t, &m, 0);
        for (size_t c = 3; c < BELOPP_MAX_COLUMNS && c <= n; c++)
            if ((m >> c & 1) && sum_split_row(s, t, n, c, c - 1, &sp))
                adds[c]++;
    }
    size_t best = 0;
    for (size_t c = 3; c < BELOPP_MAX_COLUMNS; c++)
        if (adds[c] > adds[best])
            best = c;
    return best && adds[best] * 2 >= r1 - r0 ? best : 0;
}

/* Moves row's values past a first cell that is a share ("28%", "-4%") when
 * it is the row's only one and other values follow. */
static void skip_lead_share(const char *s, belopp_row *row)
{
    token t[MAX_TOKENS];
    size_t n = read_tokens(s, row->values.start, row->values.end, t), shares = 0;
    if (n != (size_t)-1 && n >= 3 && close_mark(&t[0])) { /* "Justerad EBITDA 1) 17% …" */
        memmove(t, t + 1, (n - 1) * sizeof *t);
        n--;
    }
    if (n == (size_t)-1 || n < 2 || t[0].kind != T_PCT || t[0].sp.start == t[0].sp.end)
        return;
    for (size_t i = 0; i < n; i++)
        shares += t[i].kind == T_PCT;
    size_t e = t[0].sp.end;
    while (e < row->values.end && s[e] == ' ')
        e++;
    if (shares != 1 || e >= row->values.end || s[e] != '%')
        return;
    row->values.start = belopp_skip_spaces(s, e + 1, row->values.end);
}

static int build_table(belopp_segments *g, const char *s, size_t ti, size_t r0, size_t r1,
                       int last_cut, int last_end)
{
    belopp_table *tb = &g->tables[ti];
    token t[MAX_TOKENS];
    size_t nrows = r1 - r0;
    label_cells_titles(g, s, tb, r0, r1);
    unsigned fit_titles = 0, fit_all = 0, short_rows = 0, hist_min[BELOPP_MAX_COLUMNS + 1] = {0};
    unsigned glued_rows = 0; /* rows that read as cells run together and in no other way */
    unsigned hist_clear[BELOPP_MAX_COLUMNS + 1] = {0};
    size_t nh = tb->ntitles ? tb->ntitles - 1 : 0;
    /* (a table with its notes twice has no note standing alone) */
    size_t note = nh >= 2 && note_stub(s, tb->titles[0]) && !tb->notes_twice ? nh : 0;
    row_fit *fits = nrows <= ROW_FIT_MAX ? malloc(nrows * sizeof *fits) : NULL; /* none: no keeping */
    uint32_t *counts = malloc(nrows * sizeof *counts); /* each row's feasible counts (NULL: not kept) */
    for (size_t r = 0; fits && r < nrows; r++) {
        fits[r].ok = 0;
        fits[r].read = (belopp_span){1, 0};
    }
    numbered_labels(g, s, r0, r1);
    if (!nh)
        years_to_labels(g, s, r0, r1);
    /* "MSEK om inget annat anges +/- %6) 2022 2021 …" over "Orderingång
     * 28% 58 645 45 718 …": a change in per cent before the years, titled
     * in the stub; its cell ("28%", in some rows only) is no column's */
    int pct_before = tb->ntitles >= 3 && memchr(s + tb->titles[0].start, '%',
                                                tb->titles[0].end - tb->titles[0].start) != NULL;
    for (size_t c = 1; c < tb->ntitles && pct_before; c++)
        pct_before = !memchr(s + tb->titles[c].start, '%', tb->titles[c].end - tb->titles[c].start);
    for (size_t r = r0, whole = r0; r < r1; r++) {
        belopp_row *row = &g->rows[r];
        row->table = ti;
        setup_row(s, tb, row);
        if (pct_before)
            skip_lead_share(s, row);
        if (r > r0 && (part_of_above(s, row->label) || row->part)) {
            /* "Elförsäljning, TWh 120,1 …" / "- varav kundförsäljning 86,6
             * …": the part in its whole's unit, money or not */
            const belopp_row *w = &g->rows[whole];
            if (!w->money) {
                row->money = 0;
            } else if (w->unit.start != w->unit.end && row->unit.start == row->unit.end) {
                row->exp10 = w->exp10;
                row->currency = w->currency;
                row->unit = w->unit;
            }
        } else {
            whole = r;
        }
        if (tb->notes_twice)
            skip_note_twice(s, row);
        if (nh)
            year_to_label(s, row, nh, note, tb->note_at);
        uint32_t m;
        size_t nraw = row_tokens(s, row, t);
        if (fits) {
            row_fit *c = &fits[r - r0];
            c->read = row->values;
            c->nraw = nraw;
            memcpy(c->raw, t, nraw * sizeof *t);
        }
        fit_read(s, row, 0, note, tb->note_at, t, nraw, &m, 0);
        if (counts)
            counts[r - r0] = 0;
        if (nh >= 2 && !(m >> nh & 1)) {
            /* cells glued one to the next that split into the titles'
             * count one way only ("1 8681 9291 913" under three years) */
            token tg[MAX_TOKENS];
            split sg;
            unsigned long left = GLUED_BUDGET - g->gtries;
            int gl = glued_row_split(s, glued_run(s, row), nh, note != 0, tg, &sg, &left);
            g->gtries = GLUED_BUDGET - left;
            if (gl) {
                fit_titles++;
                glued_rows += m == 0 || nraw == 0; /* no reading apart at all: "-512-530-548" */
                continue;
            }
        }
        if (!(m >> 1) || row->no_note)
            continue; /* (no count at all, or none but 0: "Skola 1)", its mark alone;
                       * a row without its note has no say in the count) */
        if (counts)
            counts[r - r0] = m;
        if (nh && (m >> nh & 1))
            fit_titles++;
        else if (nh && gap_row(s, row) && !(m >> (nh + 1)))
            short_rows++; /* short of cells: no say in the count */
        if (tb->ntitles && tb->ntitles <= BELOPP_MAX_COLUMNS && (m >> tb->ntitles & 1))
            fit_all++;
        size_t lo = 1;
        while (!(m >> lo & 1))
            lo++;
        hist_min[lo]++;
        if (!(m & (m - 1))) /* one count only: a clear row */
            hist_clear[lo]++;
    }
    size_t k = 0;
    int note_first = 0; /* column 0 is the note column the stub names */
    if (nh && fit_titles * 2 >= nrows - short_rows && fit_titles >= (short_rows ? 2u : 0u)) {
        k = nh;
    } else if (tb->ntitles && fit_all * 2 >= nrows && fit_all > fit_titles) {
        /* the titles have no stub: "Budget  Utfall" over "Skola 12  14";
         * or the stub ends in the note column's title and every row has a
         * note in a column of its own ("Belopp i tkr<TAB>Not<TAB>2024" over
         * "Förråd<TAB>3<TAB>100"): that first column holds the notes, never
         * money */
        note_first = nh > 0 && note_stub(s, tb->titles[0]);
        empty_stub(tb);
        k = tb->ntitles - 1;
    } else if (!nh && tb->last_total && (k = count_by_totals(g, s, r0, r1)) > 0) {
        /* no titles read, the last a total's: the count at which the rows
         * add up */
    } else {
        /* no titles: the count of the rows that split one way only ("1844
         * 1962 1806" is three cells, where "117 115 80" may be two); else
         * the fewest cells the rows can have, most often */
        unsigned best = 0;
        const unsigned *h = hist_min;
        for (size_t c = 1; c <= BELOPP_MAX_COLUMNS; c++)
            if (hist_clear[c])
                h = hist_clear;
        for (size_t c = 1; c <= BELOPP_MAX_COLUMNS; c++)
            if (h[c] && h[c] >= best) {
                best = h[c];
                k = c;
            }
        /* titles read, and the rows have more cells than titles: the
         * cells beyond them would be named by nothing, and a number too
         * many is more often a mark than a column ("Kommunstyrelsen 2
         * 298 468  414 403 …" under four titles); the rows are left out */
        if (tb->ntitles && k > tb->ntitles) {
            k = 0;
            for (size_t r = r0; r < r1; r++)
                if (!g->rows[r].left_out)
                    leave_out_row(g, &g->rows[r], "it has more numbers than the table has column titles");
        }
        /* rows that cannot have so few cells ("Nämnden 1 933 1 770 1 808"
         * is three at least) say the count is larger, and then a row that
         * could also be read with more ("196 955 190 378 143 041") is not
         * one number but cells the table does not tell apart: such rows are
         * left out rather than joined (also where the larger count is one
         * row's; but a count one larger may be a row's bare footnote mark,
         * "Kostnad för sålda varor 1 -1 930 -1 842", and says nothing) */
        uint32_t over = 0; /* the smallest counts above k + 1 of some row */
        for (size_t c = k + 2; k && c <= BELOPP_MAX_COLUMNS; c++)
            if (hist_min[c])
                over |= (uint32_t)1 << c;
        if (counts && over)
            for (size_t r = r0; r < r1; r++)
                if (!g->rows[r].left_out && (counts[r - r0] >> k & 1) && (counts[r - r0] & over))
                    leave_out_row(g, &g->rows[r], ROWS_DISAGREE);
        /* the fewest cells most often, and a row read so joins cells into
         * one of nine digits or more beside cells of five ("62 971 85 123
         * 117 645 151 471 91 045" as four): the count is the rows' least,
         * not the table's; its rows are left out */
        int lopsided = 0;
        for (size_t r = r0; k && h == hist_min && r < r1 && !lopsided; r++) {
            split sl;
            size_t nl = g->rows[r].left_out ? 0 : fit_row(s, &g->rows[r], k, note, tb->note_at, t, 0, NULL);
            lopsided = nl && best_split(t, nl, k, NULL, NULL, NULL, &sl) == 1 && lopsided_split(t, &sl, NULL);
        }
        if (lopsided) {
            for (size_t r = r0; r < r1; r++)
                if (!g->rows[r].left_out)
                    leave_out_row(g, &g->rows[r], ROWS_DISAGREE);
            k = 0;
        }
    }
    free(counts);
    tb->ncolumns = k;
    for (size_t c = 0; c < k; c++)
        setup_column(s, tb, c);
    if (note_first)
        tb->columns[0].money = 0;
    tb->shares = names_shares(s, tb->header);
    for (size_t c = 1; c < tb->ntitles; c++)
        tb->shares |= (unsigned)names_shares(s, tb->titles[c]) << c;
    if (k == 0) {
        free(fits);
        return 0;
    }
    if (note && note == k && !tb->note_at && empty_notes(s, g->rows + r0, nrows, k))
        note = 0;

    /* signs written apart: a row that fits only with its dashes joined to
     * the numbers after them ("− 1 116") says the whole table writes them
     * so, and then "− 31 475" is -31 and 475, not an empty cell and 31 475 */
    int apart = 0;
    for (size_t r = r0; r < r1 && !apart; r++) {
        size_t n = fit_row(s, &g->rows[r], k, note, tb->note_at, t, 0, fits ? &fits[r - r0] : NULL);
        for (size_t i = 0; i < n && !apart; i++)
            apart = t[i].sign && t[i].kind == T_NUM &&
                    belopp_space_at(s, t[i].sp.start + (s[t[i].sp.start] == '-' ? 1 : 3), t[i].sp.end);
    }

    /* the usual size of each column, from the rows that split one way only */
    unsigned hist[BELOPP_MAX_COLUMNS][24], all[24];
    memset(hist, 0, sizeof hist);
    memset(all, 0, sizeof all);
    split sp;
    for (size_t r = r0; r < r1; r++) {
        size_t n = fit_row(s, &g->rows[r], k, note, tb->note_at, t, apart, fits ? &fits[r - r0] : NULL);
        if (best_split(t, n, k, NULL, NULL, NULL, &sp) != 1)
            continue;
        int widest = 0;
        for (size_t c = 0; c < k; c++)
            if (t[sp.start[c]].kind != T_EMPTY && cell_digits(t, sp.start[c], sp.start[c + 1]) > widest)
                widest = cell_digits(t, sp.start[c], sp.start[c + 1]);
        if (widest <= 1)
            continue; /* "0 0 7 0 7": a row of digits alone tells no column's size */
        for (size_t c = 0; c < k; c++) {
            size_t i = sp.start[c];
            int d = cell_digits(t, i, sp.start[c + 1]);
            if (t[i].kind != T_EMPTY && d < 24) {
                hist[c][d]++;
                all[d]++;
            }
        }
    }
    int ref[BELOPP_MAX_COLUMNS], lo[BELOPP_MAX_COLUMNS], hi[BELOPP_MAX_COLUMNS];
    int overall = median(all, 24);
    for (size_t c = 0; c < k; c++) {
        const unsigned *h = hist[c];
        if ((ref[c] = median(h, 24)) < 0) {
            h = all;
            ref[c] = overall;
        }
        lo[c] = hi[c] = -1;
        for (int d = 0; d < 24; d++)
            if (h[d]) {
                lo[c] = lo[c] < 0 ? d : lo[c];
                hi[c] = d;
            }
    }

    /* the one total column among money columns, last or first ("… Totalt"):
     * a row the sizes do not split may be split the one way it adds up */
    size_t tot_col = SIZE_MAX;
    if (k >= 3 && k < BELOPP_MAX_COLUMNS && tb->ntitles == k + 1) {
        size_t totals = 0, money = 0;
        for (size_t c = 0; c < k; c++) {
            totals += tb->columns[c].is_total;
            money += tb->columns[c].money && !tb->columns[c].difference;
        }
        if (totals == 1 && money == k)
            tot_col = tb->columns[k - 1].is_total ? k - 1 : tb->columns[0].is_total ? 0 : SIZE_MAX;
    } else if (k >= 3 && tb->ntitles == 0 && tb->last_total) {
        size_t money = 0;
        for (size_t c = 0; c < k; c++)
            money += tb->columns[c].money && !tb->columns[c].difference;
        if (money == k)
            tot_col = k - 1;
    }
    int max_note = -1; /* the largest note of the rows so far */
    int dotted = -1;   /* the table groups thousands by dots (dot_comma_conflict) */
    for (size_t r = r0; r < r1; r++) {
        belopp_row *row = &g->rows[r];
        if (row->left_out == ROWS_DISAGREE)
            continue;
        size_t n = fit_row(s, row, k, note, tb->note_at, t, apart, fits ? &fits[r - r0] : NULL), skip = 0;
        int cut = last_cut && r + 1 == r1;
        int rc = 0;
        if (!cut && k >= 2) {
            /* "2 1142 2082 2462": cells run together, split the one way
             * the columns allow (glued_row_split) */
            token tg[MAX_TOKENS];
            split sg;
            unsigned long left = GLUED_BUDGET - g->gtries;
            belopp_span run = glued_run(s, row);
            int gl = glued_row_split(s, run, k, note != 0, tg, &sg, &left);
            g->gtries = GLUED_BUDGET - left;
            if (gl && n && !glued_rows) {
                /* read apart it fits too ("2" a footnote mark, then 1142
                 * and 2082), and no row of the table proves it glued */
                leave_out_row(g, row, "its numbers may be cells run together or cells apart");
                continue;
            }
            if (gl) {
                if (run.start < row->values.start) {
                    /* "-8 490-8 992-9 518": the label as read ended at the
                     * last token it could read, inside the run */
                    row->label = belopp_trim(s, row->label.start, run.start);
                    row->values = run;
                }
                if ((rc = make_cells(g, s, r, tg, &sg)) < 0) {
                    free(fits);
                    return -1;
                }
                row = &g->rows[r];
                if (rc == 1) {
                    leave_out_row(g, row, "a value too large for a table cell: its cells were split wrong");
                }
                continue;
            }
        }
        int doubt = (note && !tb->note_at && n && note_or_value(s, row, note, apart)) ||
                    (note && !n && row_tokens(s, row, t));
        if (doubt && !n && !tb->note_at && max_note > 0 && row_tokens(s, row, t) >= 2 &&
            t[1].kind == T_NUM && t[1].idigits == 3 && !t[1].sign && !t[1].hard &&
            first_number(s, &t[0]) < max_note) {
            /* "3 307,7 4 133,0 …" is note 3 and 307,7 or 3 307,7, every
             * column filled either way and the sizes alike by one digit
             * only; but a statement numbers its notes in order down the
             * page, and under notes up to 13 the 3 is no note
             * ("Materiella anläggningstillgångar 3 307,7" under
             * "Immateriella anläggningstillgångar 11 0,1") */
            n = fit_tokens(s, row, k, 0, t, NULL, apart);
            doubt = 0;
        }
        belopp_span before = belopp_trim(s, row->label.end, row->values.start);
        if (doubt && note && !tb->note_at &&
            (label_ends_in_notes(s, belopp_trim(s, row->label.start, row->values.start)) ||
             (before.start < before.end && note_item(s, before)))) {
            /* "Nettoomsättning 1, 2 6 412 5 980": the row's notes are
             * listed at the end of its label, none is among its values */
            n = fit_tokens(s, row, k, 0, t, NULL, apart);
            doubt = 0;
        }
        token t0[MAX_TOKENS];
        size_t v0 = row->values.start;
        if (!doubt && n && glued_label_digits(s, row->label) && row_tokens(s, row, t0) &&
            t0[0].kind == T_NUM && t0[0].idigits == 3 && !t0[0].sign &&
            v0 >= 2 && s[v0 - 1] == ' ' && !belopp_space_at(s, v0 - 2, v0)) {
            /* "Politisk verksamhet, totalt6 940" read as a row: the "6"
             * glued to the label may start the value */
            leave_out_row(g, row, "digits glued to its label may start its first value");
            continue;
        }
        if (!doubt && n && dot_comma_conflict(s, g, r0, r1, r, &dotted)) {
            leave_out_row(g, row, "a decimal comma where the table groups thousands by dots");
            continue;
        }
        if (doubt) {
            leave_out_row(g, row, tb->note_at ? "a number in it may be a note or a value"
                                                   : "its first number may be a note or a value");
            continue;
        }
        /* where the table writes signs apart, a dash kept as an empty cell
         * before a number ("2 – 1 2" under four columns) may as well be
         * that number's sign, the row one cell short ("2", "–1", "2"): the
         * text does not say which */
        int dash_open = 0;
        if (apart && n) {
            /* (settle_signs has joined such a dash to its number already
             * where any count fits so: look at the row as written, and
             * leave it out where the dash as an empty cell fills the
             * columns and the dash as a sign does not) */
            token raw[MAX_TOKENS], joined[MAX_TOKENS];
            size_t nr = row_tokens(s, row, raw);
            for (size_t i = 0; i < nr && !dash_open; i++)
                dash_open = sign_joins(raw, i, nr);
            if (dash_open) {
                memcpy(joined, raw, nr * sizeof *raw);
                size_t nj = join_signs(joined, nr);
                uint32_t mr = feasible_counts(raw, nr), mj = feasible_counts(joined, nj);
                dash_open = ((mr >> k & 1) || (note && (mr >> (k + 1) & 1))) &&
                            !(mj >> k & 1) && !(note && (mj >> (k + 1) & 1));
            }
            /* but where another row of the table is as short as the
             * dashes read as signs leave this one ("Försäljning av
             * finansiella anläggningstillgångar   2   3 1" under four
             * columns), the table leaves empty cells unprinted rather than
             * writing them "–": the dashes are signs */
            for (size_t o = r0; o < r1 && dash_open && n < k; o++) {
                token to[MAX_TOKENS];
                if (o != r && !g->rows[o].left_out &&
                    fit_row(s, &g->rows[o], k, note, tb->note_at, to, apart,
                            fits ? &fits[o - r0] : NULL) == n)
                    dash_open = 0;
            }
        }
        if (!dash_open && n && !tb->ntitles) {
            /* no titles (the count is the rows' own), and no other row
             * writes a sign apart: a dash one space before a number
             * ("Kultur – 340 836") read as its sign only because the count
             * asks for it is as likely an empty cell ("–") and a value */
            token raw[MAX_TOKENS];
            size_t nr = row_tokens(s, row, raw);
            int joinable = 0, elsewhere = 0;
            for (size_t i = 0; i < nr && !joinable; i++)
                joinable = sign_joins(raw, i, nr);
            for (size_t o = r0; o < r1 && joinable && !elsewhere; o++) {
                token to[MAX_TOKENS];
                size_t no = o == r ? 0 : row_tokens(s, &g->rows[o], to);
                for (size_t i = 0; no != (size_t)-1 && i < no && !elsewhere; i++)
                    elsewhere = sign_joins(to, i, no);
            }
            if (joinable && !elsewhere && !(feasible_counts(raw, nr) >> k & 1))
                dash_open = 1;
        }
        if (dash_open) {
            leave_out_row(g, row, "a dash in it may be a sign or an empty cell");
            continue;
        }
        if (row->no_note && note_first && n && k >= 2) {
            /* the note's cell empty: the values are the other columns' */
            split s1;
            if (best_split(t, n, k - 1, NULL, NULL, NULL, &s1) == 1) {
                if ((rc = make_cells_at(g, s, r, t, &s1, 1)) < 0) {
                    free(fits);
                    return -1;
                }
                if (rc == 0)
                    continue;
            }
            leave_out_row(g, &g->rows[r], "its numbers do not split clearly into the table's columns");
            continue;
        }
        if (!note && !cut && n && (rc = pipe_short_row(g, s, r, k, t, n)) != 0) {
            if (rc < 0) {
                free(fits);
                return -1;
            }
            continue;
        }
        if (note && note_ref_line(s, row->line)) {
            row->cell = g->ncells; /* "Skatteintäkter 1": a section and its note, no value */
            continue;
        }
        int by_sum = n && !note && !cut && tot_col != SIZE_MAX && sum_split_row(s, t, n, k, tot_col, &sp);
        if (n == 0 || (!by_sum && !choose_split(s, t, n, k, ref, lo, hi, cut, row->is_total, &sp, &skip) &&
                       (note || cut || !alike_split(s, t, n, k, &sp)))) {
            rc = 1;
            /* never on the text's last line, which may be cut short ("-1 0") */
            int sr = n && !(last_end && r + 1 == r1) ? short_row(g, s, r, k, note, apart, hi) : 0;
            if (sr < 0) {
                free(fits);
                return -1;
            }
            if (sr)
                continue;
        } else if (lopsided_split(t + skip, &sp, lo)) {
            rc = 1; /* "62 971 85 123 117 645 151 471 91 045" as four cells: no */
        } else if ((rc = make_cells(g, s, r, t + skip, &sp)) < 0) {
            free(fits);
            return -1;
        }
        row = &g->rows[r];
        if (rc == 1 && n > 0) {
            leave_out_row(g, row, "its numbers do not split clearly into the table's columns");
        } else if (rc == 1) {
            row->cell = g->ncells; /* a row of "–" only */
        }
        int rn = note ? row_note(s, row, g) : -1;
        if (rn > max_note)
            max_note = rn;
    }
    free(fits);
    for (size_t r = r0; r < r1 && note; r++) /* (the notes read, the labels shown without them) */
        g->rows[r].label = strip_note_list(s, g->rows[r].label);
    untitled_note_column(g, s, ti, r0, r1);
    leave_out_comma_thousands(g, s, r0, r1);
    check_sums(g, ti, r0, r1);
    return 0;
}

/* Merges a second line of titles into tb's: right-aligned, "Stats-" over
 * "budget", "Utfall" over "2024". */
static void merge_titles(belopp_table *tb, const belopp_span *t2, size_t n2)
{
    for (size_t i = 1; i <= n2 && i <= tb->ntitles; i++) {
        belopp_span lower = t2[n2 - i];
        size_t c = tb->ntitles - i; /* titles index; column c - 1 */
        if (lower.start == lower.end)
            continue;
        if (c == 0)
            continue; /* the stub's second line: no column of its own */
        tb->columns[c - 1].title2 = lower;
    }
}

/* Is line l one value alone: "1 204 500", "–", "−2,6"? */
static int value_line(const char *s, belopp_span l)
{
    token t[MAX_TOKENS];
    if (l.start == l.end || l.end - l.start > 40)
        return 0;
    size_t n = read_tokens(s, l.start, l.end, t);
    split sp;
    return n != (size_t)-1 && n > 0 && best_split(t, n, 1, NULL, NULL, NULL, &sp) > 0 &&
           !(n == 1 && belopp_is_year(s, l));
}

/* Is line l a header cell or label of a table with one cell a line: short,
 * a letter, no digits but a year ("Kommun", "Bidrag 2025", "2025")? */
static int word_line_max(const char *s, belopp_span l, size_t max)
{
    if (l.start == l.end || l.end - l.start > max || has_other_digits(s, l.start, l.end))
        return 0;
    if (belopp_is_year(s, l))
        return 1;
    for (size_t i = l.start; i < l.end; i++)
        if (belopp_letter_at(s, i, l.end))
            return 1;
    return 0;
}

static int word_line(const char *s, belopp_span l)
{
    return word_line_max(s, l, 60);
}

/* Is line l a section's title with its note's number under a note column
 * ("Skatteintäkter 1"), or the number alone on the line after the title
 * ("Generella statsbidrag" / "2"): words, then one or two digits only? */
static int note_ref_line(const char *s, belopp_span l)
{
    size_t d = l.end;
    while (d > l.start && s[d - 1] >= '0' && s[d - 1] <= '9')
        d--;
    if (d == l.end || l.end - d > 2)
        return 0;
    if (d == l.start)
        return 1;
    belopp_span words = belopp_trim(s, l.start, d);
    return words.end < d && word_line(s, words) && !has_digit(s, words.start, words.end);
}

/* Is line l a rule: dashes (at least three), with only spaces, tabs (the
 * bars of a pipe row), ':', '+' or '=' between them: "---|:---:|", "- - - -"? */
static int rule_line(const char *s, belopp_span l)
{
    size_t dashes = 0;
    for (size_t i = l.start; i < l.end;) {
        size_t sp = belopp_space_at(s, i, l.end);
        if (sp) {
            i += sp;
        } else if (s[i] == '-' || s[i] == '=') {
            dashes++;
            i++;
        } else if (s[i] == ':' || s[i] == '+') {
            i++;
        } else if (l.end - i >= 3 && (memcmp(s + i, "\xE2\x80\x93", 3) == 0 ||
                                      memcmp(s + i, "\xE2\x80\x94", 3) == 0)) {
            dashes++;
            i += 3;
        } else {
            return 0;
        }
    }
    return dashes >= 3;
}

/* The cells of a line of values each with a decimal part, signed or not,
 * apart by spaces ("-124,9  -111,6 -13,2", "6,6  -59,3  -60,1"): their
 * number, or 0 when the line is not so (a thousands space, a word). */
static size_t decimal_cells(const char *s, belopp_span x)
{
    size_t cells = 0, i = x.start;
    while (i < x.end) {
        size_t sp;
        if ((sp = belopp_space_at(s, i, x.end)) > 0) {
            i += sp;
            continue;
        }
        if (s[i] == '-')
            i++;
        else if (i + 3 <= x.end && memcmp(s + i, "\xE2\x80\x93", 3) == 0)
            i += 3;
        size_t d = i;
        while (i < x.end && s[i] >= '0' && s[i] <= '9')
            i++;
        if (i == d || i - d > 7 || i >= x.end || s[i] != ',')
            return 0;
        size_t f = ++i;
        while (i < x.end && s[i] >= '0' && s[i] <= '9')
            i++;
        if (i == f || i - f > 2 || (i < x.end && !belopp_space_at(s, i, x.end)))
            return 0;
        cells++;
    }
    return cells;
}

/* The titles glued together after the unit word of line h ("mnkr Intäkter
 * 2020Intäkter 2021Kostnader 2020…Avvikelse mot budget 2021"): each words
 * and a year, the next title's capital right after the year.  Fills titles
 * (at most max) and returns their number, or 0 when the line is not so. */
static size_t glued_year_titles(const char *s, belopp_span h, belopp_span *titles, size_t max)
{
    size_t p = h.start;
    while (p < h.end && !belopp_space_at(s, p, h.end))
        p++;
    p = belopp_skip_spaces(s, p, h.end);
    size_t nt = 0, start = p;
    for (size_t i = p; i + 4 <= h.end; i++) {
        if (s[i] < '0' || s[i] > '9' || !belopp_is_year(s, (belopp_span){i, i + 4}) ||
            (i > start && s[i - 1] >= '0' && s[i - 1] <= '9'))
            continue;
        size_t e = i + 4;
        unsigned char c = e < h.end ? (unsigned char)s[e] : 0;
        if (e < h.end && !(c >= 'A' && c <= 'Z') &&
            !(c == 0xC3 && e + 1 < h.end && ((unsigned char)s[e + 1] == 0x85 || (unsigned char)s[e + 1] == 0x84 ||
                                             (unsigned char)s[e + 1] == 0x96)))
            continue;
        int letters = 0;
        for (size_t q = start; q < i && !letters; q++)
            letters = belopp_letter_at(s, q, i);
        if (!letters || nt == max)
            return 0;
        titles[nt++] = (belopp_span){start, e};
        start = e;
        i = e - 1;
    }
    return start == h.end ? nt : 0;
}

/* Is l a label whose only digits are a day and month, or a year: "Antal
 * anställda per 31 dec", "Eget kapital 30 juni 2025"?  (word_line_max
 * takes no day.) */
static int day_month_label(const char *s, belopp_span l, size_t max)
{
    static const char *const months[] = {"jan", "feb", "mar", "apr", "maj", "jun",
                                         "jul", "aug", "sep", "okt", "nov", "dec"};
    if (l.start == l.end || l.end - l.start > max || !belopp_letter_at(s, l.start, l.end))
        return 0;
    int days = 0;
    for (size_t i = l.start; i < l.end;) {
        if (s[i] < '0' || s[i] > '9') {
            i++;
            continue;
        }
        size_t e = i;
        while (e < l.end && s[e] >= '0' && s[e] <= '9')
            e++;
        if (!belopp_space_at(s, i - 1, l.end))
            return 0; /* digits glued to a word */
        if (belopp_is_year(s, (belopp_span){i, e}) && (e == l.end || belopp_space_at(s, e, l.end))) {
            i = e;
            continue;
        }
        int day = e - i <= 2 ? atoi(s + i) : 0; /* (one or two digits: no overflow) */
        if (day < 1 || day > 31 || e + 4 > l.end || s[e] != ' ')
            return 0;
        int month = 0;
        for (size_t k = 0; k < sizeof months / sizeof months[0] && !month; k++)
            month = memcmp(s + e + 1, months[k], 3) == 0;
        size_t w = e + 4;
        while (w < l.end && s[w] >= 'a' && s[w] <= 'z')
            w++;
        if (!month || (w < l.end && !belopp_space_at(s, w, l.end) && s[w] != '.' && s[w] != ','))
            return 0;
        days++;
        i = w;
    }
    return days > 0;
}

/* The last line of the label at line l of a table of one cell a line: l,
 * or the next line that is not blank where the label goes on there ("Årets
 * förändring av pensionsavsättning" / "" / "inkl löneskatt" / "" / "21,4"):
 * words that start in lower case, and values after them.  A section's
 * label over a row's starts in upper case ("Intäkter" / "Skatteintäkter"). */
static size_t wrapped_label_end(const char *s, const line *lines, size_t n, size_t l)
{
    size_t q = l + 1;
    while (q < n && is_blank(lines, n, q))
        q++;
    if (q >= n || !word_line(s, lines[q].trim) ||
        category_at(s, lines[q].trim.start, lines[q].trim.end) != UTF8PROC_CATEGORY_LL)
        return l;
    size_t v = q + 1;
    while (v < n && is_blank(lines, n, v))
        v++;
    return v < n && value_line(s, lines[v].trim) ? q : l;
}

/* The note column's title glued after the unit at the start of line l
 * ("mnkrNotkommunen 2020-12-31…": "Not"), or an empty span. */
static belopp_span glued_note_title(const char *s, belopp_span l)
{
    for (size_t p = l.start + 2; p + 3 <= l.end && p < l.start + 12; p++)
        if (s[p] == 'N' && s[p + 1] == 'o' && s[p + 2] == 't' && s[p - 1] >= 'a' && s[p - 1] <= 'z')
            return (belopp_span){p, p + 3};
    return (belopp_span){0, 0};
}

/* The end of a unit glued to the first title's word at the start of line
 * l ("mnkrkommunen 2020-12-31…": after "mnkr"), or l.start. */
static size_t glued_unit_end(const char *s, belopp_span l)
{
    for (size_t p = l.start + 2; p < l.end && p < l.start + 8; p++) {
        const belopp_unit *u = belopp_unit_lookup(s + l.start, p - l.start);
        if (s[p] >= 'a' && s[p] <= 'z' && s[p - 1] >= 'a' && s[p - 1] <= 'z' && u &&
            u->kind == BELOPP_UNIT_CURRENCY)
            return p;
    }
    return l.start;
}

/* Titles of a word and a date each, glued ("kommunen 2020-12-31kommunen
 * 2019-12-31koncernen 2020-12-31…"), filling l: fills titles (at most max)
 * and returns their number, or 0 when l is not so or holds fewer than two. */
static size_t glued_dated_titles(const char *s, belopp_span l, belopp_span *titles, size_t max)
{
    size_t nt = 0, p = l.start;
    while (p < l.end) {
        size_t w = p;
        while (w < l.end && belopp_letter_at(s, w, l.end))
            w += belopp_letter_at(s, w, l.end);
        if (w == p || w + 11 > l.end || s[w] != ' ' || nt == max)
            return 0;
        size_t d = w + 1;
        if (!belopp_is_year(s, (belopp_span){d, d + 4}) || s[d + 4] != '-' || s[d + 7] != '-' ||
            !has_digit(s, d + 5, d + 7) || !has_digit(s, d + 8, d + 10))
            return 0;
        titles[nt++] = (belopp_span){p, d + 10};
        p = d + 10;
    }
    return nt >= 2 ? nt : 0;
}

/* Is line l one label in a cell followed by empty cells only, tab-separated
 * (a pipe table's "| C | |" as the segmenter sees it: "\t C \t \t")? */
static int empty_celled(const char *s, size_t len, line l)
{
    if (l.trim.start == l.trim.end || l.trim.start == 0 || s[l.trim.start - 1] == '\n' ||
        memchr(s + l.trim.start, '\t', l.trim.end - l.trim.start))
        return 0; /* (a cell before it, of bars or tabs, and one cell) */
    int tabs = 0;
    for (size_t i = l.trim.end; i < len && (s[i] == ' ' || s[i] == '\t'); i++)
        tabs += s[i] == '\t';
    return tabs >= 2;
}

/* Are the nt cells of the title line at (two spaces or tabs apart, no
 * digit: "Intäkter  Kostnader") each a column's, the first row under them
 * (after blank lines) a label and nt cells of values? */
static int cells_over(const char *s, const line *lines, size_t n, size_t at, size_t nt)
{
    belopp_span l = lines[at].trim, c[BELOPP_MAX_COLUMNS];
    if (has_digit(s, l.start, l.end) || split_cells(s, l.start, l.end, c, BELOPP_MAX_COLUMNS) != nt)
        return 0;
    size_t r = at + 1;
    while (r < n && r <= at + 2 && is_blank(lines, n, r))
        r++;
    if (r >= n)
        return 0;
    belopp_span row = lines[r].trim;
    if (split_cells(s, row.start, row.end, c, BELOPP_MAX_COLUMNS) != nt + 1 || has_digit(s, c[0].start, c[0].end))
        return 0;
    for (size_t i = 1; i <= nt; i++)
        if (!has_digit(s, c[i].start, c[i].end))
            return 0;
    return 1;
}

/* l without a footnote mark of one or two digits and a parenthesis after a
 * space at its end ("Miljö- och byggnämnden 1)"). */
static belopp_span without_paren_mark(const char *s, belopp_span l)
{
    size_t e = l.end;
    if (e - l.start > 3 && s[e - 1] == ')') {
        size_t d = e - 1;
        while (d > l.start && d + 3 >= e && s[d - 1] >= '0' && s[d - 1] <= '9')
            d--;
        if (d < e - 1 && d > l.start && s[d - 1] == ' ')
            l.end = d - 1;
    }
    return l;
}

/* Does label l end in "ggr" (times), a multiple's unit ("P/e-tal, ggr",
 * "Räntetäckningsgrad (ggr)"), not how often ("1 ggr/vecka")? */
static int times_tail(const char *s, belopp_span l)
{
    size_t e = l.end;
    if (e > l.start && s[e - 1] == ')')
        e--;
    return e - l.start >= 4 && strncasecmp(s + e - 3, "ggr", 3) == 0 &&
           (s[e - 4] == ' ' || s[e - 4] == '(' || s[e - 4] == ',');
}

/* Is l a section's words with a footnote mark glued to them
 * ("Nettoomsättning1)"): a small letter, one or two digits and ")"? */
static int glued_mark_section(const char *s, belopp_span l)
{
    size_t d = l.end;
    if (d - l.start < 4 || s[d - 1] != ')')
        return 0;
    d--;
    while (d > l.start && l.end - 1 - d < 3 && s[d - 1] >= '0' && s[d - 1] <= '9')
        d--;
    size_t digits = l.end - 1 - d;
    return digits >= 1 && digits <= 2 && d > l.start && s[d - 1] >= 'a' && s[d - 1] <= 'z' &&
           word_line(s, (belopp_span){l.start, d});
}

/* Is l words and a footnote mark after them ("Miljö- och byggnämnden 1)",
 * "Summa¹", "Kommunstyrelsen*")? */
static int marked_word_line(const char *s, belopp_span l)
{
    belopp_span w = clean_label(s, without_paren_mark(s, l));
    return w.start < w.end && w.end < l.end && word_line(s, w);
}

/* Is l a label that counts years of age or the like ("Barn 0–6 år",
 * "Barn 15 år och äldre", "Barn 7-10 år"): it starts with a letter, and
 * each number in it (of three digits at most, or a range of two) is
 * followed by a word, as a value never is? */
static int counted_label(const char *s, belopp_span l)
{
    if (l.end - l.start > 80 || !belopp_letter_at(s, l.start, l.end) || !has_digit(s, l.start, l.end))
        return 0;
    for (size_t i = l.start; i < l.end;) {
        if (s[i] < '0' || s[i] > '9') {
            if (s[i] == ',' || s[i] == '.' || s[i] == ':' || s[i] == '%')
                return 0; /* (no decimals, dates or shares) */
            i++;
            continue;
        }
        if (i > l.start && s[i - 1] != ' ')
            return 0;
        for (int part = 0; part < 2; part++) {
            size_t d = i;
            while (i < l.end && s[i] >= '0' && s[i] <= '9')
                i++;
            if (i - d > 3 || i == d)
                return 0;
            size_t dash = i < l.end && s[i] == '-' ? 1
                          : i + 3 <= l.end && memcmp(s + i, "\xE2\x80\x93", 3) == 0 ? 3 : 0;
            if (part == 1 || !dash)
                break;
            i += dash;
        }
        if (i + 1 >= l.end || s[i] != ' ' || !belopp_letter_at(s, i + 1, l.end))
            return 0;
    }
    return 1;
}

/* A table flattened to one cell a line under the unit line i: the header
 * cells, then a label and its k values, again and again (blank lines
 * between them do not count).  The period comes from the first record (a
 * label followed by k values) and must agree with the header cells (k, or
 * k + 1 with a stub title).  Pushes the rows and returns the index of the
 * line after the table, or 0 if there is none. */
static size_t vertical_table(belopp_segments *g, const char *s, line *lines, size_t n, size_t i,
                             belopp_table *tb, int unread)
{
    size_t idx[2 * BELOPP_MAX_COLUMNS + 2], m = 0, j = i + 1;
    /* the header cells and the first label, up to the first value */
    for (; j < n && m < sizeof idx / sizeof idx[0]; j++) {
        if (is_blank(lines, n, j))
            continue;
        if (!word_line(s, lines[j].trim))
            break;
        idx[m++] = j;
    }
    if (m < 1 || j >= n || !value_line(s, lines[j].trim))
        return 0;
    if (m > 2 && note_stub(s, lines[idx[0]].trim))
        return 0; /* a note column: vertical_stream reads it */
    size_t heads = m - 1, k = 0, first_label = idx[m - 1];
    /* the first record's first value a note's number ("1", "2, 3"): the
     * first column may be a note column */
    int note_first = note_item(s, lines[j].trim) && !lines[j].spaces;
    for (; j < n; j++) {
        if (is_blank(lines, n, j))
            continue;
        if (!value_line(s, lines[j].trim))
            break;
        k++;
    }
    /* no header cells at all: one column, label and value by turns
     * ("Miljoner kronor" / "Skatteintäkter" / "4 543,7" / …) */
    int bare = heads == 0 && (k == 1 || unread);
    if (k == 0 || k > BELOPP_MAX_COLUMNS - 1 || (heads != k && heads != k + 1 && !bare))
        return 0;
    size_t first_row = g->nrows, end = first_label;
    for (size_t l = first_label; l < n;) {
        while (l < n && is_blank(lines, n, l))
            l++;
        belopp_row sr;
        if (l < n && l > first_label && !word_line_max(s, lines[l].trim, 120) &&
            table_row(s, lines[l].trim.start, lines[l].trim.end, 0, &sr) && word_line(s, sr.label) &&
            decimal_cells(s, sr.values) >= 1 && decimal_cells(s, sr.values) < k && l + 1 < n) {
            /* a row on a line of its own, short of cells ("Uttag ur
             * resultatutjämningsfond   0,0   0,0   -8,7 8,7" of seven
             * columns): a row, its cells placed as the rows of a table can
             * place them (or left out, said on stderr); the table goes on */
            sr.table = g->ntables;
            PUSH_OR(g->rows, g->nrows, g->caprows, sr, return (size_t)-1);
            lines[l].kind = 2;
            end = ++l;
            continue;
        }
        if (l >= n ||
            (!word_line_max(s, lines[l].trim, 120) && !day_month_label(s, lines[l].trim, 60) &&
             !marked_word_line(s, lines[l].trim) && !counted_label(s, lines[l].trim)) ||
            belopp_is_year(s, lines[l].trim))
            break; /* ("Antal anställda per 31 dec" is a label; so is "Miljönämnden 1)") */
        size_t lab_end = wrapped_label_end(s, lines, n, l);
        size_t v = lab_end + 1, got = 0, vfirst = 0, vlast = 0, empties = 0, lead_empty = 0;
        for (; v < n && got + empties < k; v++) {
            if (is_blank(lines, n, v)) {
                /* a line of spaces between empty lines: an empty cell */
                if (lines[v].spaces && v > 0 && v + 1 < n && !lines[v - 1].spaces &&
                    !lines[v + 1].spaces && is_blank(lines, n, v - 1) && is_blank(lines, n, v + 1)) {
                    lead_empty += got == 0;
                    empties++;
                    vlast = v;
                }
                continue;
            }
            size_t several = decimal_cells(s, lines[v].trim);
            if (!value_line(s, lines[v].trim) && several < 2)
                break;
            if (got == 0)
                vfirst = v;
            got += several >= 2 ? several : 1;
            vlast = v;
        }
        int no_note = empties == 1 && lead_empty && got + 1 == k && note_first;
        if (no_note) {
            /* "Verksamhetens nettokostnader" / " " / four values: the note's
             * cell empty */
        } else if (empties && got + empties == k &&
                   (got == 0 || (got == 1 && note_first && note_item(s, lines[vfirst].trim)))) {
            /* "Jämförelsestörande kostnad" / "2" / " " / " " …: a row
             * with no value, its note at most */
            for (size_t q = l; q <= vlast; q++)
                lines[q].kind = 2;
            end = l = vlast + 1;
            continue;
        } else if (got != k || empties) {
            break;
        }
        belopp_row row;
        memset(&row, 0, sizeof row);
        row.label = clean_label(s, without_paren_mark(s, (belopp_span){lines[l].trim.start, lines[lab_end].trim.end}));
        row.values = (belopp_span){lines[vfirst].trim.start, lines[vlast].trim.end};
        row.line = (belopp_span){lines[l].trim.start, lines[vlast].trim.end};
        row.table = g->ntables;
        row.no_note = no_note;
        PUSH_OR(g->rows, g->nrows, g->caprows, row, return (size_t)-1);
        lines[l].kind = 2;
        lines[lab_end].kind = 2;
        for (size_t q = vfirst; q <= vlast; q++)
            lines[q].kind = 2;
        end = l = vlast + 1;
    }
    belopp_span gt[BELOPP_MAX_COLUMNS];
    size_t ng = unread && heads == 0 ? glued_year_titles(s, lines[i].trim, gt, BELOPP_MAX_COLUMNS - 1) : 0;
    belopp_span nt = {0, 0};
    if (unread && heads == 0 && ng != k) {
        nt = glued_note_title(s, lines[i].trim);
        ng = nt.start < nt.end ? glued_dated_titles(s, (belopp_span){nt.end, lines[i].trim.end}, gt,
                                                    BELOPP_MAX_COLUMNS - 1)
                               : 0;
        if (ng + 1 != k)
            nt = (belopp_span){0, 0}, ng = 0;
        size_t ge = glued_unit_end(s, lines[i].trim);
        if (!ng && ge > lines[i].trim.start &&
            glued_dated_titles(s, (belopp_span){ge, lines[i].trim.end}, gt, BELOPP_MAX_COLUMNS - 1) == k)
            ng = k; /* "mnkrkommunen 2020-12-31…": no note column */
    }
    if (g->nrows - first_row < (bare && !ng ? 3u : 2u)) {
        /* (two rows make a table under titles read; unread, three) */
        for (size_t q = first_label; q < end; q++)
            lines[q].kind = 0; /* no table: prose again */
        g->nrows = first_row;
        return 0;
    }
    tb->ntitles = 0;
    if (heads == k + 1)
        tb->titles[tb->ntitles++] = lines[idx[0]].trim;
    else
        tb->titles[tb->ntitles++] = (belopp_span){lines[idx[0]].trim.start, lines[idx[0]].trim.start};
    for (size_t h = heads - k; h < heads; h++)
        tb->titles[tb->ntitles++] = lines[idx[h]].trim;
    if (ng && (ng == k || nt.start < nt.end)) {
        /* the unit line's titles, glued, as many as the cells of a row; or
         * one fewer after a note column's title ("mnkrNotkommunen
         * 2020-12-31…"), the first cell of each row its note */
        tb->titles[0] = nt.start < nt.end ? nt : (belopp_span){lines[i].trim.start, lines[i].trim.start};
        memcpy(tb->titles + 1, gt, ng * sizeof gt[0]);
        tb->ntitles = ng + 1;
    }
    for (size_t h = 0; h < heads; h++)
        lines[idx[h]].kind = 1;
    return end;
}

/* One row of a table of one cell a line with its cells in place (see
 * vertical_stream): the line of each cell, by column. */
typedef struct {
    belopp_span cell[BELOPP_MAX_COLUMNS]; /* each piece: a line of a value or values
                                             (or the values after the label), an empty
                                             cell, a note */
    unsigned char kind[BELOPP_MAX_COLUMNS]; /* VC_* */
    size_t n;                        /* pieces written (the rest of the cells are empty) */
    int packs;                       /* the table has lines of several cells
                                        ("12 151 16 841"): split rows to the columns */
    belopp_span section;             /* the label of the section row above that
                                        names a unit ("Resultat per aktie, SEK"), or empty */
    int counts;                      /* under a section of counts or shares
                                        ("Medelantal anställda"): no money */
} vrow;

enum { VC_EMPTY, VC_VALUE, VC_NOTE };

/* Is line l a note reference of a note column: "K2", "K2, K3", "12", "3, 4"? */
static int note_item(const char *s, belopp_span l)
{
    /* references separated by ", ": at most two letters, then one or two
     * digits; lettered ones may be glued ("K11K34") */
    if (l.start == l.end || l.end - l.start > 16)
        return 0;
    for (size_t i = l.start; i < l.end;) {
        size_t a = i;
        while (i < l.end && i - a < 2 && ((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z')))
            i++;
        size_t d = i;
        while (i < l.end && s[i] >= '0' && s[i] <= '9')
            i++;
        if (i == d || i - d > 2)
            return 0;
        if (i == l.end)
            return 1;
        size_t e = i;
        if (s[i] == ',')
            i++;
        while (i < l.end && s[i] == ' ')
            i++;
        if (i == e && d > a && ((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z')))
            continue;
        if (i == e || i == l.end)
            return 0;
        if (i == e + 1 && d == a && s[i] >= '0' && s[i] <= '9') {
            /* "22,23" (notes 22 and 23, no space) but "52,3": a value with a
             * decimal comma, as notes go up: a second number not above the
             * first is no note list */
            unsigned first = 0, next = 0;
            for (size_t q = d; q < e; q++)
                first = first * 10 + (unsigned)(s[q] - '0');
            for (size_t q = i; q < l.end && s[q] >= '0' && s[q] <= '9' && q < i + 3; q++)
                next = next * 10 + (unsigned)(s[q] - '0');
            if (next <= first)
                return 0;
        }
    }
    return 0;
}

/* The tokens of row v's pieces, each piece's first token a column gap; an
 * empty cell or a note is one empty token.  Returns their number, or
 * (size_t)-1 when a piece is no value or there are too many. */
static size_t record_tokens(const char *s, const vrow *v, token *t)
{
    size_t nt = 0;
    for (size_t c = 0; c < v->n; c++) {
        if (v->kind[c] != VC_VALUE) {
            if (nt == MAX_TOKENS)
                return (size_t)-1;
            memset(&t[nt], 0, sizeof t[nt]);
            t[nt].kind = T_EMPTY;
            t[nt].hard = 1;
            t[nt++].sp = v->cell[c];
            continue;
        }
        token u[MAX_TOKENS];
        size_t got = read_tokens(s, v->cell[c].start, v->cell[c].end, u);
        if (got == (size_t)-1 || got == 0 || nt + got > MAX_TOKENS)
            return (size_t)-1;
        u[0].hard = 1;
        memcpy(t + nt, u, got * sizeof *u);
        nt += got;
    }
    return nt;
}

/* Is line x values only ("12 151 16 841", "-3 197"), at least one number? */
/* Is line x values run together by their minus signs ("-8 490-8 992-9
 * 518"): digits in groups of three at most, single spaces, and a "-"
 * right after a digit at least once?  (No run of four digits: "2020-2021"
 * is a period.) */
static int glued_values_line(const char *s, belopp_span x)
{
    int glued = 0;
    size_t run = 0;
    for (size_t i = x.start; i < x.end; i++) {
        char c = s[i];
        if (c >= '0' && c <= '9') {
            if (++run > 3)
                return 0;
            continue;
        }
        if (c == '-')
            glued |= run > 0;
        else if (c != ' ' || i == x.start || s[i - 1] == ' ')
            return 0;
        run = 0;
    }
    return glued && run > 0;
}

static int values_line(const char *s, belopp_span x)
{
    token t[MAX_TOKENS];
    if (x.start == x.end || x.end - x.start > 80)
        return 0;
    size_t n = read_tokens(s, x.start, x.end, t);
    if (n == (size_t)-1)
        return glued_values_line(s, x);
    if (n == 0)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (t[i].kind == T_NUM)
            return !(n == 1 && belopp_is_year(s, x));
    return 0;
}

/* Is line x a dash alone, a cell with no value ("-", "–")? */
static int dash_line(const char *s, belopp_span x)
{
    token t;
    return x.end - x.start <= 3 && read_token(s, x.start, x.end, &t) && t.kind == T_EMPTY && t.dash &&
           !t.plus;
}

/* A label with footnote numbers glued on: "Nettoskuld2", "Rörelseresultat
 * före avskrivningar (EBITDA)1, 2".  Returns it without them, or l. */
static belopp_span strip_footnotes(const char *s, belopp_span l)
{
    size_t e = l.end;
    while (e > l.start && ((s[e - 1] >= '0' && s[e - 1] <= '9') || s[e - 1] == ',' || s[e - 1] == ' '))
        e--;
    unsigned char p = e > l.start ? (unsigned char)s[e - 1] : 0;
    if (e == l.end || e == l.start || l.end - e > 6 || !(s[e] >= '0' && s[e] <= '9') ||
        !(p == ')' || ((p | 0x20) >= 'a' && (p | 0x20) <= 'z') || p >= 0x80))
        return l;
    return (belopp_span){l.start, e};
}

/* Is label line l rather the next table's header ("Driftbudget per enhet
 * (belopp i tusen kronor).") or a sentence (four words or more, a full
 * stop)? */
static int prose_or_header(const char *s, belopp_span l)
{
    belopp_table tb;
    memset(&tb, 0, sizeof tb);
    if (unit_line(s, l.start, l.end, &tb, NULL) != U_NONE)
        return 1;
    size_t spaces = 0;
    for (size_t i = l.start; i < l.end; i++)
        spaces += s[i] == ' ';
    return s[l.end - 1] == '.' && spaces >= 3;
}

/* The digits of x written "d ddd" ("2 012": 2012), or 0. */
static int spaced_year(const char *s, belopp_span x)
{
    int y = 0;
    if (x.end - x.start != 5 || s[x.start + 1] != ' ')
        return 0;
    for (size_t q = x.start; q < x.end; q++) {
        if (q == x.start + 1)
            continue;
        if (s[q] < '0' || s[q] > '9')
            return 0;
        y = 10 * y + (s[q] - '0');
    }
    return y;
}

/* Is x a year written with a thousands space ("2 012") right after the
 * year title prev, one year on or back ("2011" / "2 012")?  A page that
 * formats every number of a table formats its year titles too; alone,
 * "2 012" is a number like any other. */
static int spaced_year_after(const char *s, belopp_span prev, belopp_span x)
{
    int y = spaced_year(s, x), p = spaced_year(s, prev);
    if (!y || prev.end - prev.start < 4)
        return 0;
    belopp_span last = {prev.end - 4, prev.end};
    if (!p && ends_in_year(s, prev) && belopp_is_year(s, last))
        for (size_t q = last.start; q < last.end; q++)
            p = 10 * p + (s[q] - '0');
    return p && (y == p + 1 || y == p - 1);
}

/* Is header cell q of idx a year: "2024", "Jan–dec 2024", or "2 012" after
 * "2011"? */
static int stream_year(const char *s, const line *lines, const size_t *idx, size_t q)
{
    return ends_in_year(s, lines[idx[q]].trim) ||
           (q > 0 && spaced_year_after(s, lines[idx[q - 1]].trim, lines[idx[q]].trim));
}

/* Is line l a label after an item number: "1 Rikets styrelse", "12
 * Kommunikationer" (a budget's numbered areas; the number is no value)? */
static int numbered_label(const char *s, belopp_span l)
{
    size_t i = l.start;
    while (i < l.end && i - l.start < 3 && s[i] >= '0' && s[i] <= '9')
        i++;
    if (i == l.start || i - l.start > 2 || i >= l.end || s[i] != ' ' || s[l.start] == '0')
        return 0;
    belopp_span rest = {i + 1, l.end};
    return rest.start < rest.end && belopp_letter_at(s, rest.start, rest.end) &&
           word_line_max(s, rest, 120) && !ends_in_year(s, rest); /* not "31 dec 2024" */
}

/* A table of one cell a line, copied from a web page or a PDF, whose rows
 * do not all have every cell: the header cells under the unit line i, then
 * each label with its cells in order, an empty cell written as a line of
 * spaces between the empty lines ("Kvarvarande verksamhet" / " " / " " / " "),
 * a row's missing cells at its end ("Kommunfullmäktige" / "2 569" / "2 300"
 * under five titles).  A first title "Not" makes the first column a note
 * column ("K2, K3", "12": never money).  A label with no values is a section;
 * one naming a unit ("Resultat per aktie före utspädning, SEK") gives it to
 * the rows under it, up to the next section or an empty row.  Pushes the
 * rows, fills *vr (malloc'ed, one a row) and returns the line after the
 * table, 0 if there is none, (size_t)-1 when out of memory. */
/* Between line l (a label) and line v (its first value), and after v, only
 * empty lines, one more before v than after it, one at least after: the
 * cells of a table one cell a line with an empty line after each, the cell
 * before v empty (see vertical_stream). */
static int empty_cell_gap(const line *lines, size_t n, size_t l, size_t v)
{
    for (size_t q = l + 1; q < v; q++)
        if (lines[q].trim.start != lines[q].trim.end || lines[q].spaces)
            return 0;
    size_t after = 0;
    for (size_t q = v + 1; q < n && lines[q].trim.start == lines[q].trim.end && !lines[q].spaces; q++)
        after++;
    return after >= 1 && v - l - 1 == after + 1;
}

/* Is l a sentence (four words or more, ending in a full stop after a
 * word, not an abbreviation's: "… m.m.")? */
static int stream_sentence(const char *s, belopp_span l)
{
    if (l.end - l.start < 12 || l.end - l.start > 400 || s[l.end - 1] != '.' ||
        !belopp_letter_at(s, l.start, l.end))
        return 0;
    unsigned char a = (unsigned char)s[l.end - 2], b = (unsigned char)s[l.end - 3];
    if (!((a >= 'a' && a <= 'z') || a >= 0x80) || !((b >= 'a' && b <= 'z') || b >= 0x80))
        return 0;
    size_t words = 1;
    for (size_t i = l.start; i < l.end; i++)
        words += s[i] == ' ';
    return words >= 4;
}

/* Is line l a year alone or a span of years, as a cell of a column of dates
 * ("2019", "2019-2020", "2019–2020", "2019/20"): when it is done, no money? */
static int year_cell(const char *s, belopp_span l)
{
    if (l.end - l.start < 4 || !belopp_is_year(s, (belopp_span){l.start, l.start + 4}))
        return 0;
    size_t i = l.start + 4;
    if (i == l.end)
        return 1;
    if (s[i] == '-' || s[i] == '/')
        i++;
    else if (i + 3 <= l.end && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
             (unsigned char)s[i + 2] == 0x93)
        i += 3;
    else
        return 0;
    size_t d = i;
    while (i < l.end && s[i] >= '0' && s[i] <= '9')
        i++;
    return i == l.end && (i - d == 2 || (i - d == 4 && belopp_is_year(s, (belopp_span){d, i})));
}

static size_t vertical_stream(belopp_segments *g, const char *s, line *lines, size_t n, size_t i,
                              belopp_table *tb, vrow **vr)
{
    size_t idx[BELOPP_MAX_COLUMNS + 1], m = 0, j = i + 1, said = 0;
    *vr = NULL;
    for (; j < n; j++) {
        if (m >= 2 && said < 4 && !is_blank(lines, n, j) && stream_year(s, lines, idx, m - 1) &&
            stream_sentence(s, lines[j].trim)) {
            /* sentences between the titles and the first label ("Årets
             * resultat överensstämmer med årets totalresultat."), a web
             * page's remarks on the table: not header cells */
            size_t q = j + 1;
            while (q < n && is_blank(lines, n, q))
                q++;
            if (q < n && !values_line(s, lines[q].trim)) {
                said++;
                continue;
            }
        }
        if (is_blank(lines, n, j)) {
            /* a line of spaces ends the header cells, but not between
             * years ("2023" / " " / " " / "2022") */
            if (lines[j].spaces == 1 && m == 1 && note_stub(s, lines[idx[0]].trim) && j + 2 < n &&
                is_blank(lines, n, j + 1) && !lines[j + 1].spaces &&
                ends_in_year(s, lines[j + 2].trim)) {
                /* "Not" / " " / "Jan–dec 2024": an empty column after the
                 * note column, titled by a space as its cells are */
                idx[m++] = j;
                continue;
            }
            if (lines[j].spaces && m > 0 &&
                !year_or_date(s, lines[idx[m - 1]].trim.start, lines[idx[m - 1]].trim.end))
                break;
            continue;
        }
        if ((!word_line(s, lines[j].trim) && !date_title(s, lines[j].trim.start, lines[j].trim.end) &&
             !(m > 0 && spaced_year_after(s, lines[idx[m - 1]].trim, lines[j].trim)) &&
             !(m > 1 && numbered_label(s, lines[j].trim))) ||
            m == sizeof idx / sizeof idx[0])
            break;
        idx[m++] = j;
        if (numbered_label(s, lines[j].trim)) {
            j++; /* the first label: its values follow */
            break;
        }
    }
    if (m < 2 || j >= n)
        return 0;
    /* header cells not all understood: group titles over a "Not" column
     * ("Kommunkoncernen" / "Kommunen" / "Not" / "2021" / "2020" / "2021" /
     * "2020") are left off, and the cells end at the last year, the word
     * lines after it being sections and the first label ("TILLGÅNGAR" /
     * "Anläggningstillgångar" / "Immateriella anläggningstillgångar") */
    size_t years = 0, last_year = 0;
    for (size_t q = 0; q + 1 < m; q++)
        if (stream_year(s, lines, idx, q)) {
            years++;
            last_year = q;
        }
    if (years >= 2 && last_year + 2 < m) {
        m = last_year + 2;
        for (size_t q = 1; q + 2 < m; q++)
            if (note_stub(s, lines[idx[q]].trim) && !ends_in_year(s, lines[idx[q - 1]].trim)) {
                memmove(idx, idx + q, (m - q) * sizeof idx[0]);
                m -= q;
                break;
            }
    }
    /* "Investeringsprojekt" / "Planeras vara klart" / "Budget" /
     * "Brandstation" / "2019" / "25,0": the first row's year, a cell of a
     * column of dates, was taken for a title; the table then has such a
     * column, its cells years alone (never money) at one place in each row */
    int yearcol = 0;
    if (m >= 4 && belopp_is_year(s, lines[idx[m - 1]].trim) && word_line(s, lines[idx[m - 2]].trim) &&
        !ends_in_year(s, lines[idx[m - 2]].trim) && !stream_year(s, lines, idx, m - 3) &&
        value_line(s, lines[j].trim)) {
        m--;
        yearcol = 1;
    }
    size_t heads = m - 1, k = heads, yearpos = SIZE_MAX;
    int note = note_stub(s, lines[idx[0]].trim), packs = 0;
    /* the records: a label, then its cells up to the next label */
    size_t first_row = g->nrows, end = 0, cap = 0, nv = 0, maxlen = 0;
    vrow *rows = NULL;
    belopp_span section = {0, 0};
    int counts = 0;
    for (size_t l = idx[m - 1]; l < n;) {
        belopp_span lab = lines[l].trim, inl = {0, 0};
        belopp_row tr;
        if (belopp_is_year(s, lab) || values_line(s, lab))
            break;
        if (!word_line_max(s, lab, 120) && !numbered_label(s, lab) && !day_month_label(s, lab, 120)) {
            belopp_span st = strip_footnotes(s, lab);
            if (st.end < lab.end && word_line_max(s, st, 120)) {
                lab = st; /* "Nettoskuld2" */
            } else if (table_row(s, lab.start, lab.end, 0, &tr) &&
                       word_line_max(s, strip_footnotes(s, tr.label), 120)) {
                lab = tr.label; /* "Nettoresultat före skatt 6": the first value */
                inl = tr.values;
            } else {
                break;
            }
        }
        if (prose_or_header(s, lab)) { /* unless its cells follow */
            size_t q = l + 1;
            while (q < n && lines[q].trim.start == lines[q].trim.end && !lines[q].spaces)
                q++;
            if (q >= n || (!lines[q].spaces && !value_line(s, lines[q].trim) &&
                           !(note && note_item(s, lines[q].trim))))
                break;
        }
        vrow r;
        memset(&r, 0, sizeof r);
        if (inl.start < inl.end)
            r.kind[r.n] = VC_VALUE, r.cell[r.n++] = inl;
        size_t v = l + 1, extra = 0, last = l, bad = 0, note_at = 0;
        for (; v < n; v++) {
            if (is_blank(lines, n, v)) {
                if (!lines[v].spaces)
                    continue;
                /* "   ": two empty cells, joined by a space */
                for (int e = (lines[v].spaces + 1) / 2; e > 0; e--)
                    if (r.n < k)
                        r.kind[r.n] = VC_EMPTY, r.cell[r.n++] = lines[v].trim;
                    else
                        extra++;
                continue;
            }
            belopp_span x = lines[v].trim;
            if (yearcol && year_cell(s, x)) {
                /* the row's cell in the column of dates: no money, and in
                 * the same place in every row */
                if (r.n >= k || extra || (yearpos != SIZE_MAX && yearpos != r.n)) {
                    bad = 1;
                    break;
                }
                yearpos = r.n;
                r.kind[r.n] = VC_NOTE;
                r.cell[r.n++] = x;
                last = v;
                continue;
            }
            int val = values_line(s, x), dash = !val && dash_line(s, x);
            if (!val && !dash && !(note && r.n == 0 && note_item(s, x)))
                break;
            if (r.n >= k || extra) {
                bad = 1;
                break;
            }
            if (yearcol && yearpos == r.n) {
                bad = 1; /* a value where the other rows have their year */
                break;
            }
            if (note && r.n == 0 && !dash && !note_item(s, x) && k > 1) {
                /* no note: "Summa anläggningstillgångar" / "7 111,8" / … */
                r.kind[r.n] = VC_EMPTY;
                r.cell[r.n++] = (belopp_span){x.start, x.start};
            }
            if (note && r.n == 0 && !dash)
                note_at = v;
            r.kind[r.n] = dash ? VC_EMPTY : note && r.n == 0 ? VC_NOTE : VC_VALUE;
            r.cell[r.n++] = x;
            last = v;
        }
        if (bad)
            break;
        if (note && k > 1 && r.n == k - 1 && r.kind[0] == VC_NOTE && inl.start == inl.end && !extra &&
            values_line(s, r.cell[0]) && empty_cell_gap(lines, n, l, note_at)) {
            /* "Resultat efter finansiella poster" / "" / "" / "79" / "" /
             * "462" / …, one cell short with "79" a note: one empty line
             * more before it than after it is the empty note cell, and
             * "79" the first column's value (the row then whole) */
            memmove(r.cell + 1, r.cell, r.n * sizeof r.cell[0]);
            memmove(r.kind + 1, r.kind, r.n * sizeof r.kind[0]);
            r.kind[0] = VC_EMPTY;
            r.cell[0] = (belopp_span){r.cell[1].start, r.cell[1].start};
            r.kind[1] = VC_VALUE;
            r.n++;
        }
        /* the values after the label were footnotes when the row has its
         * cells without them ("Rörelseresultat (EBITDA)1, 2" / five values) */
        token t[MAX_TOKENS];
        size_t nt;
        if (inl.start < inl.end && (nt = record_tokens(s, &r, t)) != (size_t)-1 &&
            !(feasible_counts(t, nt) & ((2u << k) - 1))) {
            memmove(r.cell, r.cell + 1, (r.n - 1) * sizeof r.cell[0]);
            memmove(r.kind, r.kind + 1, (r.n - 1) * sizeof r.kind[0]);
            r.n--;
            lab = lines[l].trim;
            inl = (belopp_span){0, 0};
        }
        int values = 0;
        for (size_t c = 0; c < r.n; c++) {
            values += r.kind[c] == VC_VALUE;
            if (r.kind[c] == VC_VALUE) {
                token u[MAX_TOKENS];
                size_t nu = read_tokens(s, r.cell[c].start, r.cell[c].end, u);
                split one;
                if (nu != (size_t)-1 && best_split(u, nu, 1, NULL, NULL, NULL, &one) == 0 &&
                    (feasible_counts(u, nu) & ~3u))
                    packs = 1; /* "12 151 16 841": more than one cell (not a
                                * misprint that is no cell at all: "42 045981") */
            }
        }
        if (!values) {
            /* a section; with a unit of its own, the rows under it take it */
            unit_info u;
            section = own_unit(s, clean_label(s, lab), &u) ? clean_label(s, lab) : (belopp_span){0, 0};
            counts = names_shares(s, lab);
            if (v >= n || (!word_line_max(s, lines[v].trim, 120) && !numbered_label(s, lines[v].trim)))
                break;
            l = v;
            continue;
        }
        r.section = section;
        r.counts = counts;
        if (extra) { /* an empty row ends the section */
            section = (belopp_span){0, 0};
            counts = 0;
        }
        if (nv == cap) {
            size_t nc = cap ? 2 * cap : 16;
            vrow *p = realloc(rows, nc * sizeof *rows);
            if (!p) {
                free(rows);
                return (size_t)-1;
            }
            rows = p;
            cap = nc;
        }
        belopp_row row;
        memset(&row, 0, sizeof row);
        row.label = clean_label(s, strip_footnotes(s, lab));
        row.values = (belopp_span){r.cell[0].start, last > l ? lines[last].trim.end : r.cell[r.n - 1].end};
        row.line = (belopp_span){lines[l].trim.start, row.values.end};
        row.table = g->ntables;
        PUSH_OR(g->rows, g->nrows, g->caprows, row, { free(rows); return (size_t)-1; });
        rows[nv++] = r;
        if (r.n > maxlen)
            maxlen = r.n;
        lines[l].kind = 2;
        for (size_t q = l + 1; q <= last; q++)
            lines[q].kind = 2;
        end = (last > l ? last : l) + 1;
        l = v;
    }
    for (size_t q = 0; q < nv; q++)
        rows[q].packs = packs;
    /* a first title over the labels: the stub ("Nämnd" over five years) */
    int stub = maxlen + 1 == heads && !note && !packs;
    if (stub)
        k = heads - 1;
    if (nv < 2 || maxlen < 1 || (maxlen < k && k - maxlen > 3 && !packs) ||
        k > BELOPP_MAX_COLUMNS - 1) {
        for (size_t q = idx[m - 1]; q < end; q++)
            lines[q].kind = 0;
        g->nrows = first_row;
        free(rows);
        return 0;
    }
    tb->ntitles = 0;
    tb->titles[tb->ntitles++] = stub ? lines[idx[0]].trim
                                     : (belopp_span){lines[idx[0]].trim.start, lines[idx[0]].trim.start};
    for (size_t h = stub ? 1 : 0; h < heads; h++)
        tb->titles[tb->ntitles++] = lines[idx[h]].trim;
    /* the stub, then each title over two lines ("Län" / "Medel i" /
     * "kronor" / "Andel i" / "procent"), rows of as many cells as titles:
     * each title with its second line (which may say the column holds
     * shares); not five titles of which the stub would name the first
     * cells and a title's second line the next */
    if (!stub && !note && !packs && maxlen >= 1 && heads == 2 * maxlen + 1) {
        tb->ntitles = 0;
        tb->titles[tb->ntitles++] = lines[idx[0]].trim;
        for (size_t c = 0; c < maxlen; c++) {
            tb->titles[tb->ntitles++] = lines[idx[1 + 2 * c]].trim;
            tb->columns[c].title2 = lines[idx[2 + 2 * c]].trim;
        }
    }
    for (size_t h = 0; h < heads; h++)
        lines[idx[h]].kind = 1;
    *vr = rows;
    return end;
}


/* Is s[a, b) a date as a column title: "2020-12-31", "12/31/2021", "31 dec
 * 2020", "31 december 2020", "31/12 2020"? */
static int date_title(const char *s, size_t a, size_t b)
{
    static const char *const months[] = {"jan", "feb", "mar", "apr", "maj", "jun",
                                         "jul", "aug", "sep", "okt", "nov", "dec"};
    if (year_or_date(s, a, b))
        return 1;
    size_t i = a, y = b;
    while (y > a && s[y - 1] >= '0' && s[y - 1] <= '9')
        y--;
    if (b - y != 4 || !belopp_is_year(s, (belopp_span){y, b}) || y == a || s[y - 1] != ' ')
        return 0;
    while (i < y && i - a < 2 && s[i] >= '0' && s[i] <= '9')
        i++;
    if (i == a || (i - a == 2 && s[a] > '3'))
        return 0;
    if (s[i] == '/') { /* "31/12 2020" */
        size_t m = ++i;
        while (i < y && s[i] >= '0' && s[i] <= '9')
            i++;
        return i > m && i - m <= 2 && i + 1 == y;
    }
    if (s[i++] != ' ' || y - 1 - i < 3)
        return 0;
    for (size_t k = 0; k < sizeof months / sizeof months[0]; k++)
        if (memcmp(s + i, months[k], 3) == 0) {
            size_t e = i + 3;
            while (e < y - 1 && s[e] >= 'a' && s[e] <= 'z')
                e++;
            if (e < y - 1 && s[e] == '.')
                e++;
            return e == y - 1;
        }
    return 0;
}

/* A table of one cell a line with a line of spaces between every two cells
 * of a row (a PDF's table, Castellum's balance sheet): the unit line i
 * ("mkr"), then " " / " " / " " / "31 dec 2020" / " " / "31 dec 2019", then
 * each label with its cells the same way ("Förvaltningsfastigheter" / " " /
 * "Not 13, 23" / " " / "103 042" / " " / "95 168"); a row may end early.
 * The header's first cell empty over notes written "Not 13, 23" is a note
 * column.  Read by vertical_stream on a copy of the lines without the
 * separating lines of spaces, the word "Not" of each note left off and the
 * empty title naming the note column.  Returns as vertical_stream does; 0
 * when the lines are not in this form (two titles at least must be years
 * or dates). */
static size_t spaced_stream(belopp_segments *g, const char *s, line *lines, size_t n, size_t i,
                            belopp_table *tb, vrow **vr)
{
    *vr = NULL;
    size_t off = 0, stop = n, rows = 0, dates = 0, empty_title = 0, first_note = 0, full2 = 0;
    int header = 1;
    for (size_t j = i + 1; j < n; j++) {
        if (lines[j].trim.start == lines[j].trim.end && !lines[j].spaces)
            continue;
        off++;
        belopp_span x = lines[j].trim;
        int sp = x.start == x.end;
        if (off > 2 * BELOPP_MAX_COLUMNS) {
            stop = j;
            break;
        }
        if (off % 2 == 1 && sp) /* a separator */
            continue;
        if (header && !sp && off % 2 == 0 && date_title(s, x.start, x.end)) {
            dates++;
            continue;
        }
        if (header && sp && off == 2) {
            empty_title = j;
            continue;
        }
        if (sp)
            continue; /* an empty cell */
        if (off > 1 && off % 2 == 0 && (values_line(s, x) || dash_line(s, x))) {
            if (header)
                break;
            full2 += off == 2;
            continue;
        }
        if (off == 2 && x.end - x.start > 4 && memcmp(s + x.start, "Not ", 4) == 0 &&
            note_item(s, (belopp_span){x.start + 4, x.end})) {
            if (!first_note)
                first_note = j;
            continue;
        }
        if (off > 1 && word_line_max(s, x, 120) && !values_line(s, x)) {
            if (header && dates < 2)
                break;
            header = 0;
            rows++;
            off = 0;
            continue;
        }
        stop = j;
        break;
    }
    if (header || rows < 3 || dates < 2 || (empty_title && !first_note && full2))
        return 0; /* (an untitled column of values: not read) */
    size_t nc = stop - i;
    line *c = malloc(nc * sizeof *c);
    if (!c)
        return (size_t)-1;
    memcpy(c, lines + i, nc * sizeof *c);
    off = 0;
    for (size_t q = 1; q < nc; q++) {
        belopp_span x = c[q].trim;
        if (x.start == x.end && !c[q].spaces)
            continue;
        off++;
        if (x.start != x.end && off > 1 && word_line_max(s, x, 120) && !values_line(s, x) &&
            !(off == 2 && memcmp(s + x.start, "Not ", 4) == 0) && !date_title(s, x.start, x.end)) {
            off = 0; /* a label */
            continue;
        }
        if (off % 2 == 1 || (off == 2 && empty_title && !first_note))
            c[q].spaces = 0; /* a separator, or a cell of an empty column: an empty line */
        else if (off == 2 && x.end - x.start > 4 && memcmp(s + x.start, "Not ", 4) == 0)
            c[q].trim.start += 4; /* "Not 13, 23": the note 13, 23 */
    }
    if (empty_title && first_note) { /* the empty title names the note column */
        c[empty_title - i].trim = (belopp_span){lines[first_note].trim.start, lines[first_note].trim.start + 3};
        c[empty_title - i].spaces = 0;
    }
    size_t end = vertical_stream(g, s, c, nc, 0, tb, vr);
    for (size_t q = 0; q < nc; q++)
        lines[i + q].kind = c[q].kind;
    free(c);
    return end == 0 || end == (size_t)-1 ? end : i + end;
}
/* A line of a one-cell-a-line table that is a label or a title: words, or a
 * year ("Kommunen", "2019", "1 Rikets styrelse")? */
static int stream_word(const char *s, belopp_span x)
{
    return x.start < x.end && (word_line_max(s, x, 120) || numbered_label(s, x)) && !values_line(s, x);
}

/* A table of one cell a line with an empty line after every cell, copied
 * from a web page: a cell the page wrapped comes as two or three lines with
 * no empty line between ("Kommunen" / "2019"; a long label over two lines),
 * and a row may carry more empty cells than the header has titles, the
 * values among them (" " / "6" / " " / " " / "333 894" / " " / "301 524" /
 * …).  Read by vertical_stream on a copy of the lines: a wrapped title is
 * its last line, which must end in a year (the words over it group the
 * columns, as "Kommunen" over "2021" / "2020" does elsewhere); a wrapped
 * label is one span from its first line to its last; a row whose values run
 * past the header's cell count is placed when it holds a note (under a note
 * column) and then one value for each column titled by a year: the note,
 * empty cells, the values under the years.  Returns as vertical_stream
 * does; 0 when the lines are not in this form or nothing is wrapped or
 * placed, (size_t)-1 when out of memory. */
static size_t wrapped_stream(belopp_segments *g, const char *s, line *lines, size_t n, size_t i,
                             belopp_table *tb, vrow **vr)
{
    enum { R_WORD, R_SPACE, R_CELL };
    *vr = NULL;
    /* the runs of lines between empty lines, up to the end of the form: a
     * run of two lines or more that is not two or three lines of words, or
     * a line that is no cell (a sentence with a figure, a long line).  The
     * header's cells come first, the first value within as many runs as a
     * header and a label can have: else no table (and no scan of the text
     * to its end at every unit line) */
    size_t stop = n, nrun = 0, wrapped = 0, valued = 0;
    for (size_t j = i + 1; j < n;) {
        if (lines[j].trim.start == lines[j].trim.end && !lines[j].spaces) {
            j++;
            continue;
        }
        size_t e = j + 1;
        while (e < n && !(lines[e].trim.start == lines[e].trim.end && !lines[e].spaces))
            e++;
        belopp_span x = lines[j].trim;
        int words = e - j <= 3, word = stream_word(s, x);
        for (size_t q = j; q < e && words && e - j > 1; q++)
            words = stream_word(s, lines[q].trim);
        if (e - j == 1 && !word)
            words = x.start == x.end || values_line(s, x) || dash_line(s, x) || note_item(s, x);
        if (!words) {
            stop = j;
            break;
        }
        valued |= e - j == 1 && x.start < x.end && !word;
        if (++nrun > 2 * BELOPP_MAX_COLUMNS + 2 && !valued)
            return 0;
        wrapped |= e - j > 1;
        j = e;
    }
    if (nrun < 8 || !valued)
        return 0;
    size_t nc = stop - i;
    line *c = malloc(nc * sizeof *c);
    size_t(*run)[3] = malloc(nrun * sizeof *run); /* first line, line after, R_* (in c) */
    if (!c || !run) {
        free(c);
        free(run);
        return (size_t)-1;
    }
    memcpy(c, lines + i, nc * sizeof *c);
    nrun = 0;
    for (size_t j = 1; j < nc;) {
        if (c[j].trim.start == c[j].trim.end && !c[j].spaces) {
            j++;
            continue;
        }
        size_t e = j + 1;
        while (e < nc && !(c[e].trim.start == c[e].trim.end && !c[e].spaces))
            e++;
        run[nrun][0] = j;
        run[nrun][1] = e;
        run[nrun++][2] = c[j].trim.start == c[j].trim.end ? R_SPACE
                         : stream_word(s, c[j].trim)     ? R_WORD
                                                         : R_CELL;
        j = e;
    }
    /* the header: the runs before the last run of words ahead of the first
     * cell (that run is the first label) */
    size_t first_cell = 0, heads = 0, years = 0;
    while (first_cell < nrun && run[first_cell][2] != R_CELL)
        first_cell++;
    for (size_t r = 0; r < first_cell; r++)
        if (run[r][2] == R_WORD)
            heads = r;
    size_t ok = first_cell < nrun && heads >= 2 && run[heads][2] == R_WORD;
    for (size_t r = 0; r < heads && ok; r++) {
        size_t a = run[r][0], e = run[r][1];
        if (e - a > 1) { /* "Kommunen" / "2019": 2019 */
            ok = ends_in_year(s, c[e - 1].trim);
            c[a].trim = c[e - 1].trim;
        }
        years = ends_in_year(s, c[a].trim) ? years + 1 : 0;
    }
    int note = ok && note_stub(s, c[run[0][0]].trim), placed = 0;
    /* the rows: a label, then its cells up to the next label */
    for (size_t r = heads; r < nrun && ok; r++) {
        if (run[r][2] != R_WORD)
            continue;
        size_t a = run[r][0], e = run[r][1];
        if (e - a > 1) /* a label over two lines */
            c[a].trim.end = c[e - 1].trim.end;
        size_t q = r + 1, x = 0, vals = 0, first = 0, past = 0, good = 1;
        while (q < nrun && run[q][2] != R_WORD)
            q++;
        /* its cells, runs r + 1 … q - 1 (one line each) */
        for (size_t p = r + 1; p < q; p++) {
            belopp_span t = c[run[p][0]].trim;
            if (t.start == t.end)
                continue;
            if (note && !vals && !first && note_item(s, t)) {
                first = run[p][0];
                continue;
            }
            good &= values_line(s, t) || dash_line(s, t);
            vals++;
            past |= p - r - 1 >= heads;
        }
        if (!past || !good || vals != years || !years || q - r - 1 > 2 * BELOPP_MAX_COLUMNS)
            continue;
        line hold[2 * BELOPP_MAX_COLUMNS];
        size_t nh = 0;
        for (size_t p = r + 1; p < q; p++) {
            belopp_span t = c[run[p][0]].trim;
            if (t.start < t.end && run[p][0] != first)
                hold[nh++] = c[run[p][0]];
        }
        line note_line = first ? c[first] : c[run[r + 1][0]];
        for (size_t p = r + 1; p < q; p++, x++) {
            line *t = &c[run[p][0]];
            if (x >= heads) {
                t->trim.end = t->trim.start; /* no cell */
                t->spaces = 0;
            } else if (x + years >= heads) {
                *t = hold[x + years - heads];
            } else if (x == 0 && note && first) {
                *t = note_line;
            } else {
                t->trim.end = t->trim.start; /* an empty cell */
                t->spaces = 1;
            }
        }
        placed = 1;
    }
    for (size_t r = 0; r < nrun && ok; r++) /* the lines a wrapped cell joined */
        for (size_t q = run[r][0] + 1; q < run[r][1]; q++)
            c[q].trim.end = c[q].trim.start, c[q].spaces = 0;
    size_t end = 0;
    if (ok && (wrapped || placed))
        end = vertical_stream(g, s, c, nc, 0, tb, vr);
    if (end && end != (size_t)-1) {
        for (size_t q = 1; q < nc; q++)
            lines[i + q].kind = c[q].kind;
        /* every line of a title, and of a row read, from its label to its
         * last cell: of the table */
        for (size_t r = 0; r < nrun; r++) {
            size_t a = run[r][0], k = c[a].kind, last = run[r][1];
            if (k == 2 && run[r][2] == R_WORD)
                for (size_t q = r + 1; q < nrun && run[q][2] != R_WORD; q++)
                    last = run[q][1];
            for (size_t q = a; k && q < last && q < end; q++)
                lines[i + q].kind = (int)k;
        }
    }
    free(c);
    free(run);
    return end == 0 || end == (size_t)-1 ? end : i + end;
}
#define VMAX_ROWS 256 /* rows of a table of one cell a line placed by its sums */
#define VMAX_TRIES (1ul << 16)      /* placings tried for one table */
#define VMAX_BUDGET (1ul << 20)     /* and for one text */

/* The value of a one-value line in the table's unit, the dot a thousands
 * separator ("202.000": 202 000), or with alt the dot a decimal point (202).
 * Returns 0 when it has none. */
static int vvalue(const char *s, belopp_span x, int exp10, int alt, int64_t *out)
{
    belopp_decimal d;
    size_t a = x.start;
    int neg = 0;
    if (x.end - a > 3 && (memcmp(s + a, "\xE2\x80\x93", 3) == 0 || memcmp(s + a, "\xE2\x88\x92", 3) == 0))
        a += 3, neg = 1;
    else if (x.end - a > 1 && s[a] == '-')
        a++, neg = 1;
    if ((alt ? belopp_parse_decimal_mark(s + a, x.end - a, '.', &d)
             : belopp_parse_decimal(s + a, x.end - a, &d)) != BELOPP_OK ||
        belopp_to_minor(d, exp10, out) != BELOPP_OK)
        return 0;
    if (neg)
        *out = -*out;
    return 1;
}

/* Is line x one value written "202.000": dot groups ending in ".000" (read
 * 202 000, or 202 with the dot a decimal point)? */
static int dot_thousand(const char *s, belopp_span x)
{
    size_t n = x.end - x.start;
    return n >= 5 && n <= 7 && memcmp(s + x.end - 4, ".000", 4) == 0 &&
           memchr(s + x.start, '.', n - 4) == NULL;
}

/* A table of one cell a line with a total row last and rows short of cells
 * ("Ofördelat budget 2021-2023" / three values under five years): where the
 * short rows stand, and how a "202.000" reads, is what makes every column
 * add up to the total, exactly.  The rows stand from the left and read as
 * written unless that does not add up; then the placings that move at most
 * three rows are tried, and one that adds up is taken if it is the only one.
 * Fills off (cells missing at the start of each row) and alt (bit c: cell c
 * reads with the dot a decimal point); leaves them 0 otherwise. */
#define VMAX_CHOICES 64
#define VMAX_MOVED 3

typedef struct {
    size_t nr, k, nch[VMAX_ROWS];
    int64_t (*vec)[VMAX_CHOICES][BELOPP_MAX_COLUMNS]; /* a row's sums by column, per choice */
    int64_t total[BELOPP_MAX_COLUMNS], base[BELOPP_MAX_COLUMNS];
    size_t pick[VMAX_MOVED], ch[VMAX_MOVED], found_pick[VMAX_MOVED], found_ch[VMAX_MOVED];
    size_t nfound_moved;
    unsigned long ways, budget;
} sums_search;

/* Tries every way of moving `left` more rows after row `from` (rows of
 * pick[0 .. depth-1] already moved). */
static void sums_try(sums_search *q, size_t depth, size_t from, size_t left)
{
    if (q->ways > 1 || q->budget == 0)
        return;
    if (depth > 0) {
        q->budget--;
        int ok = 1;
        for (size_t c = 0; c < q->k && ok; c++) {
            int64_t v = q->base[c];
            for (size_t d = 0; d < depth && ok; d++)
                ok = belopp_add_i64(&v, q->vec[q->pick[d]][q->ch[d]][c]) == 0 &&
                     belopp_add_i64(&v, -q->vec[q->pick[d]][0][c]) == 0;
            ok = ok && v == q->total[c];
        }
        if (ok) {
            q->ways++;
            q->nfound_moved = depth;
            memcpy(q->found_pick, q->pick, sizeof q->pick);
            memcpy(q->found_ch, q->ch, sizeof q->ch);
        }
    }
    if (left == 0)
        return;
    for (size_t r = from; r < q->nr; r++)
        for (size_t c = 1; c < q->nch[r]; c++) {
            q->pick[depth] = r;
            q->ch[depth] = c;
            sums_try(q, depth + 1, r + 1, left - 1);
        }
}

static void settle_by_sums(belopp_segments *g, const char *s, const belopp_table *tb,
                           size_t k, size_t r0, size_t r1, const vrow *vr,
                           size_t *off, unsigned char *alt)
{
    size_t nr = r1 - r0;
    if (nr < 3 || nr > VMAX_ROWS || k < 2 || !g->rows[r1 - 1].is_total || vr[0].packs ||
        vr[nr - 1].n != k || note_stub(s, tb->titles[1]) || g->vtries >= VMAX_BUDGET)
        return;
    sums_search *q = calloc(1, sizeof *q);
    if (!q)
        return;
    q->nr = nr - 1;
    q->k = k;
    q->vec = malloc(q->nr * sizeof *q->vec);
    if (!q->vec)
        goto done;
    for (size_t c = 0; c < k; c++)
        if (!vvalue(s, vr[nr - 1].cell[c], tb->exp10, 0, &q->total[c]))
            goto done;
    for (size_t r = 0; r < q->nr; r++) {
        const vrow *v = &vr[r];
        if (g->rows[r0 + r].currency || g->rows[r0 + r].is_total || v->n > k)
            goto done; /* units of their own, or subtotals: not this simple case */
        size_t dots = 0, places = k - v->n + 1;
        for (size_t c = 0; c < v->n; c++)
            dots += v->kind[c] == VC_VALUE && dot_thousand(s, v->cell[c]);
        if (dots > 5 || places * ((size_t)1 << dots) > VMAX_CHOICES)
            goto done;
        q->nch[r] = places << dots;
        for (size_t ch = 0; ch < q->nch[r]; ch++) {
            size_t o = ch % places, bits = ch / places, b = 0;
            memset(q->vec[r][ch], 0, sizeof q->vec[r][ch]);
            for (size_t c = 0; c < v->n; c++) {
                if (v->kind[c] != VC_VALUE)
                    continue; /* an empty cell in its place */
                int a = dot_thousand(s, v->cell[c]) ? (int)(bits >> b++ & 1) : 0;
                int64_t val;
                if (!vvalue(s, v->cell[c], tb->exp10, a, &val))
                    goto done;
                q->vec[r][ch][o + c] = val;
            }
        }
    }
    int as_read = 1;
    for (size_t c = 0; c < k; c++) {
        for (size_t r = 0; r < q->nr; r++)
            if (belopp_add_i64(&q->base[c], q->vec[r][0][c]) < 0)
                goto done;
        as_read &= q->base[c] == q->total[c];
    }
    if (as_read)
        goto done; /* it adds up as it stands */
    q->budget = VMAX_TRIES;
    if (q->budget > VMAX_BUDGET - g->vtries)
        q->budget = VMAX_BUDGET - g->vtries;
    unsigned long had = q->budget;
    sums_try(q, 0, 0, VMAX_MOVED);
    g->vtries += had - q->budget;
    if (q->ways != 1 || q->budget == 0)
        goto done;
    for (size_t d = 0; d < q->nfound_moved; d++) {
        size_t r = q->found_pick[d], ch = q->found_ch[d];
        const vrow *v = &vr[r];
        size_t places = k - v->n + 1, bits = ch / places, b = 0;
        off[r] = ch % places;
        for (size_t c = 0; c < v->n; c++)
            if (v->kind[c] == VC_VALUE && dot_thousand(s, v->cell[c]))
                alt[r] |= (unsigned char)((bits >> b++ & 1) << c);
    }
done:
    free(q->vec);
    free(q);
}

/* Does split sp of row v's tokens (record_tokens) cut only its last piece
 * into several cells ("12 151 16 841", the last two columns on one line, as
 * text from a PDF has them), every other piece one cell? */
static int splits_last_only(const char *s, const vrow *v, const split *sp)
{
    size_t first[BELOPP_MAX_COLUMNS + 1], nt = 0;
    for (size_t c = 0; c < v->n; c++) {
        first[c] = nt;
        token u[MAX_TOKENS];
        size_t got = v->kind[c] == VC_VALUE ? read_tokens(s, v->cell[c].start, v->cell[c].end, u) : 1;
        if (got == (size_t)-1)
            return 0;
        nt += got;
    }
    for (size_t c = 0; c < sp->n; c++) {
        size_t at = sp->start[c], p = 0;
        while (p + 1 < v->n && first[p + 1] <= at)
            p++;
        if (first[p] != at && p + 1 != v->n)
            return 0; /* a cell starts inside a piece that is not the last */
    }
    return 1;
}

/* The number of tokens of row v's last piece. */
static size_t last_piece_tokens(const char *s, const vrow *v)
{
    token u[MAX_TOKENS];
    const belopp_span x = v->cell[v->n - 1];
    size_t got = v->kind[v->n - 1] == VC_VALUE ? read_tokens(s, x.start, x.end, u) : 1;
    return got == (size_t)-1 ? 0 : got;
}

/* Are the cells cut out of the last piece (its tokens from token `from` on)
 * as large as the row's other values, give or take a digit?  "2 640" cut
 * into 2 and 640 beside 980, 870 and 760 is no split of a row but a row
 * short of a year; "12 151 16 841" beside "15 280" is. */
static int cut_cells_usual(const token *t, const split *sp, size_t from)
{
    size_t cells = 0;
    int least = -1;
    for (size_t c = 0; c < sp->n; c++) {
        size_t i = sp->start[c];
        cells += i >= from;
        if (i < from && t[i].kind == T_NUM) {
            int d = cell_digits(t, i, sp->start[c + 1]);
            least = least < 0 || d < least ? d : least;
        }
    }
    if (cells < 2 || least < 0)
        return 1; /* the last piece is one cell, or nothing to compare */
    for (size_t c = 0; c < sp->n; c++) {
        size_t i = sp->start[c];
        if (i >= from && t[i].kind == T_NUM && cell_digits(t, i, sp->start[c + 1]) < least - 1)
            return 0;
    }
    return 1;
}

/* Can each piece of row v be one cell ("2 569", not "897 -2 482")? */
static int one_cell_each(const char *s, const vrow *v)
{
    for (size_t c = 0; c < v->n; c++) {
        if (v->kind[c] != VC_VALUE)
            continue;
        token u[MAX_TOKENS];
        split one;
        size_t nu = read_tokens(s, v->cell[c].start, v->cell[c].end, u);
        if (nu == (size_t)-1 || nu == 0 || best_split(u, nu, 1, NULL, NULL, NULL, &one) != 1)
            return 0;
    }
    return 1;
}

/* Makes the cells of the rows r0 .. r1-1 of table ti, read by
 * vertical_stream: each cell from its own line. */
static int build_vertical(belopp_segments *g, const char *s, size_t ti, size_t r0, size_t r1,
                          const vrow *vr)
{
    belopp_table *tb = &g->tables[ti];
    size_t k = tb->ntitles - 1;
    int note = k > 1 && note_stub(s, tb->titles[1]); /* value column 0 titled "Not" */
    tb->ncolumns = k;
    for (size_t c = 0; c < k; c++)
        setup_column(s, tb, c);
    if (note)
        tb->columns[0].money = 0;
    for (size_t r = r0; r < r1; r++) {
        g->rows[r].table = ti;
        setup_row(s, tb, &g->rows[r]);
    }
    size_t off[VMAX_ROWS];
    unsigned char alt[VMAX_ROWS];
    memset(off, 0, sizeof off);
    memset(alt, 0, sizeof alt);
    settle_by_sums(g, s, tb, k, r0, r1, vr, off, alt);
    /* the usual size of each column, from the rows of one line a cell */
    int ref[BELOPP_MAX_COLUMNS], lo[BELOPP_MAX_COLUMNS], hi[BELOPP_MAX_COLUMNS];
    unsigned hist[BELOPP_MAX_COLUMNS][24];
    memset(hist, 0, sizeof hist);
    for (size_t r = r0; r < r1; r++) {
        const vrow *v = &vr[r - r0];
        if (v->n != k || !one_cell_each(s, v))
            continue;
        for (size_t c = 0; c < k; c++) {
            token u[MAX_TOKENS];
            size_t nu = v->kind[c] == VC_VALUE ? read_tokens(s, v->cell[c].start, v->cell[c].end, u) : 0;
            if (nu != (size_t)-1 && nu > 0) {
                int d = cell_digits(u, 0, nu);
                if (d < 24)
                    hist[c][d]++;
            }
        }
    }
    /* and from the rows of packed lines that split one way only */
    for (size_t r = r0; r < r1 && vr[0].packs; r++) {
        const vrow *v = &vr[r - r0];
        token u[MAX_TOKENS];
        split sp;
        size_t nu = record_tokens(s, v, u);
        if (nu == (size_t)-1 || nu == 0 || (v->n == k && one_cell_each(s, v)) ||
            best_split(u, nu, k, NULL, NULL, NULL, &sp) != 1 || !splits_last_only(s, v, &sp))
            continue;
        for (size_t c = 0; c < k; c++) {
            int d = cell_digits(u, sp.start[c], sp.start[c + 1]);
            if (u[sp.start[c]].kind != T_EMPTY && d < 24)
                hist[c][d]++;
        }
    }
    for (size_t c = 0; c < k; c++) {
        ref[c] = median(hist[c], 24);
        lo[c] = hi[c] = -1;
        for (int d = 0; d < 24; d++)
            if (hist[c][d]) {
                lo[c] = lo[c] < 0 ? d : lo[c];
                hi[c] = d;
            }
    }
    for (size_t r = r0; r < r1; r++) {
        const vrow *v = &vr[r - r0];
        belopp_row *row = &g->rows[r];
        size_t shift = r - r0 < VMAX_ROWS ? off[r - r0] : 0;
        unit_info u;
        if (v->counts && !row->currency)
            row->money = 0;
        if (!row->currency && row->money && v->section.start < v->section.end &&
            own_unit(s, v->section, &u)) {
            row->exp10 = u.exp10;
            row->currency = u.currency;
            row->unit = u.words;
        }
        token t[MAX_TOKENS];
        split sp;
        size_t nt = 0;
        if (v->packs) {
            /* lines of several cells: the row's tokens split to the columns,
             * scored against each column's usual size */
            size_t skip = 0;
            nt = record_tokens(s, v, t);
            int rc = 1, known = 0;
            for (size_t c = 0; c < k; c++)
                known |= lo[c] >= 0;
            if (nt != (size_t)-1 && nt > 0 && (feasible_counts(t, nt) >> k & 1) &&
                choose_split(s, t, nt, k, ref, lo, hi, 0, 0, &sp, &skip) && skip == 0 &&
                splits_last_only(s, v, &sp) && (!known || fits(t, &sp, lo, hi, 1)) &&
                cut_cells_usual(t, &sp, nt - last_piece_tokens(s, v)))
                rc = make_cells(g, s, r, t, &sp);
            else if (nt != (size_t)-1 && v->n < k && one_cell_each(s, v))
                goto pieces; /* a short row: each line one cell, from the left */
            if (rc < 0)
                return -1;
            row = &g->rows[r];
            if (rc == 1) {
                leave_out_row(g, row, "its numbers do not split clearly into the table's columns");
            }
            continue;
        }
    pieces:
        nt = 0;
        sp.n = v->n + shift;
        for (size_t c = 0; c < shift; c++) { /* cells missing at the start */
            sp.start[c] = nt;
            memset(&t[nt], 0, sizeof t[nt]);
            t[nt].kind = T_EMPTY;
            t[nt].sp = (belopp_span){row->label.end, row->label.end};
            nt++;
        }
        for (size_t c = 0; c < v->n; c++) {
            belopp_span x = v->cell[c];
            sp.start[c + shift] = nt;
            size_t got = v->kind[c] == VC_VALUE ? read_tokens(s, x.start, x.end, t + nt) : 0;
            split one;
            if (got != (size_t)-1 && got > 1 && best_split(t + nt, got, 1, NULL, NULL, NULL, &one) != 1)
                got = 0; /* not one value: no cell */
            if (got == (size_t)-1 || got == 0 || nt + got > MAX_TOKENS - 1) {
                memset(&t[nt], 0, sizeof t[nt]);
                t[nt].kind = T_EMPTY;
                t[nt].sp = x;
                got = 1;
            }
            nt += got;
        }
        sp.start[sp.n] = nt;
        int rc = make_cells(g, s, r, t, &sp);
        if (rc < 0)
            return -1;
        row = &g->rows[r];
        for (size_t c = 0; rc == 0 && r - r0 < VMAX_ROWS && c < v->n; c++)
            if (alt[r - r0] >> c & 1) { /* "202.000": 202, the sums say */
                belopp_cell *cell = &g->cells[row->cell + c + shift];
                belopp_decimal d;
                if (belopp_parse_decimal_mark(s + cell->text.start, cell->text.end - cell->text.start,
                                              '.', &d) != BELOPP_OK ||
                    belopp_to_minor(d, cell->exp10, &cell->minor) != BELOPP_OK)
                    cell->status = BELOPP_E_SYNTAX;
            }
        if (rc == 1) {
            leave_out_row(g, row, "a value is implausible for the table's unit");
        }
    }
    check_sums(g, ti, r0, r1);
    return 0;
}

/* Is s[a, b) a year or a date that holds one ("2024", "12/31/2021",
 * "2021-12-31", "31.12.2021")? */
static int year_or_date(const char *s, size_t a, size_t b)
{
    if (belopp_is_year(s, (belopp_span){a, b}))
        return 1;
    int years = 0, parts = 0;
    for (size_t i = a; i < b;) {
        size_t e = i;
        while (e < b && s[e] >= '0' && s[e] <= '9')
            e++;
        if (e == i || e - i > 4)
            return 0;
        years += belopp_is_year(s, (belopp_span){i, e});
        parts++;
        if (e < b && s[e] != '/' && s[e] != '-' && s[e] != '.')
            return 0;
        i = e < b ? e + 1 : e;
        if (e + 1 == b)
            return 0;
    }
    return years == 1 && parts == 3;
}

/* Of the table rows in the lines from r on (up to 12 lines, lines of words
 * between them skipped), how many are there (*nrows), and how many fit k
 * value columns (*fit_k) and k + 1 (*fit_k1)?  note: the table has a note
 * column. */
static void rows_fit(const char *s, const line *lines, size_t n, size_t r, size_t k, int note,
                     size_t *nrows, size_t *fit_k, size_t *fit_k1)
{
    token t[MAX_TOKENS];
    for (size_t l = r, used = 1; l < n && l < r + 12; l += used) {
        belopp_row row;
        if (!row_at(s, lines, n, l, &row, &used)) {
            used = 1;
            continue;
        }
        uint32_t m;
        (*nrows)++;
        fit_tokens(s, &row, k, note ? k : 0, t, &m, 0);
        *fit_k += m >> k & 1;
        fit_tokens(s, &row, k + 1, note ? k + 1 : 0, t, &m, 0);
        *fit_k1 += m >> (k + 1) & 1;
    }
}

/* Titles stacked one a line, as text from a PDF has them under the unit:
 * "(mnkr) Bokslut" / "2023" / "Budget" / "2024" / …, or "Miljoner kronor" /
 * "Utfall" / "2023" / ….  first: the words after the unit on its line, or
 * empty; lines j… the next ones, each a few words or a year.  A year closes
 * a title that began with the words before it ("Budget" over "2024"); words
 * after the last year are not titles (a section line over the first rows:
 * "Kommunstyrelse").  Two titles or more, and the first row after them must
 * fit their count.  Fills tb's titles (and the columns' second lines) and
 * returns the line after the last year, or 0. */
/* A title piece that closes a stacked title: a year or a date
 * (year_or_date), or a split year, as a report titles its rolling twelve
 * months ("Apr-mar" / "2016/2017", "2016/17"): the second year the one after
 * the first. */
/* Is s[a, b) a month or a span of months and a year ("sep 2017", "jan-sep
 * 2017", "januari–maj 2022"), a period as a monthly outcome titles it? */
static int month_year(const char *s, size_t a, size_t b)
{
    static const char MONTHS[] = "janfebmaraprmajjunjulaugsepoktnovdec";
    if (b - a < 8 || b - a > 30 || s[b - 5] != ' ' || !belopp_is_year(s, (belopp_span){b - 4, b}))
        return 0;
    for (size_t i = a; i < b - 5;) {
        unsigned char c = (unsigned char)s[i];
        size_t step = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
        if (!belopp_letter_at(s, i, b - 5) && s[i] != '-' &&
            !(b - 5 - i >= 3 && memcmp(s + i, "\xE2\x80\x93", 3) == 0))
            return 0; /* letters and a dash ("-", "–") only */
        i += step;
    }
    for (size_t m = 0; m < 12; m++)
        if (strncasecmp(s + a, MONTHS + 3 * m, 3) == 0)
            return 1;
    return 0;
}

static int stacked_year(const char *s, size_t a, size_t b)
{
    if (year_or_date(s, a, b) || month_year(s, a, b))
        return 1;
    if (b - a != 7 && b - a != 9)
        return 0;
    if (s[a + 4] != '/' || !belopp_is_year(s, (belopp_span){a, a + 4}))
        return 0;
    for (size_t i = a + 5; i < b; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    int y1 = year_value(s, (belopp_span){a, a + 4});
    int y2 = b - a == 9 ? year_value(s, (belopp_span){a + 5, b})
                        : (y1 / 100) * 100 + (s[a + 5] - '0') * 10 + (s[a + 6] - '0');
    return y2 == y1 + 1;
}

/* May row r's first number (of its nt tokens t) be a footnote's mark: one
 * digit, one space after the label, and a cell's gap after it, so that it
 * cannot lead the number after it ("Socialnämnden 2  2 092  1 978", "Skola 2
 * 222\u202f717 …"; not "Söder 4 366 5 599")? */
static int lead_mark(const char *s, const belopp_row *r, const token *t, size_t nt)
{
    size_t v0 = r->values.start;
    return nt > 1 && nt != (size_t)-1 && t[0].kind == T_NUM && t[0].idigits == 1 && !t[0].frac &&
           !t[0].sign && t[1].hard && v0 >= 2 && s[v0 - 1] == ' ' && s[v0 - 2] != ' ';
}

/* The rows on the lines from line `from` on, at most max of them, blank
 * lines between them (at most max_blanks in a row) passed over, up to the
 * first line that is no row: the counts of cells each can have
 * (fit_tokens) into masks, and into marked (unless NULL) whether its
 * first number may be a footnote's mark (lead_mark).  Returns how many. */
static size_t row_counts_below(const char *s, const line *lines, size_t n, size_t from, size_t max,
                               int max_blanks, uint32_t *masks, unsigned char *marked)
{
    size_t rows = 0;
    for (int blanks = 0; from < n && rows < max; from++) {
        if (is_blank(lines, n, from)) {
            if (++blanks > max_blanks)
                break;
            continue;
        }
        blanks = 0;
        belopp_row r;
        token tk[MAX_TOKENS];
        if (!table_row(s, lines[from].trim.start, lines[from].trim.end, 0, &r))
            break;
        masks[rows] = 0;
        size_t nt = fit_tokens(s, &r, 0, 0, tk, &masks[rows], 0);
        if (marked)
            marked[rows] = (unsigned char)lead_mark(s, &r, tk, nt);
        rows++;
    }
    return rows;
}

/* Titles of words one a line and no year ("Intäkter" / "Kostnader" /
 * "Netto", maybe a stub's title first: "Verksamhet"), items[0, m) on lines
 * line_of, over rows on one line each: the titles when the first rows
 * (three at most, or all there are) can have as many cells as the items
 * (no stub) or one fewer (the first the stub's), the same count all, and
 * not the other.  Fills tb's titles and returns the line after the last
 * title, or 0. */
static size_t word_stack(const char *s, const line *lines, size_t n, const belopp_span *item,
                         const size_t *line_of, size_t m, belopp_table *tb)
{
    for (size_t c = 0; c < m; c++)
        if (has_digit(s, item[c].start, item[c].end) || line_of[c] != line_of[0] + c)
            return 0; /* words only, one a line ("Verksamhet 2025 2026" is a title line) */
    uint32_t masks[3], all = ~0u;
    size_t rows = row_counts_below(s, lines, n, line_of[m - 1] + 1, 3, 2, masks, NULL);
    for (size_t i = 0; i < rows; i++)
        all &= masks[i];
    int whole = (all >> m & 1) != 0, less = m >= 3 && (all >> (m - 1) & 1);
    if (rows < 2 || whole == less)
        return 0;
    tb->titles[0] = whole ? (belopp_span){item[0].start, item[0].start} : item[0];
    for (size_t c = whole ? 0 : 1; c < m; c++)
        tb->titles[whole ? c + 1 : c] = item[c];
    tb->ntitles = whole ? m + 1 : m;
    return line_of[m - 1] + 1;
}

/* Do titles stacked with a blank line between each two start at line q: a
 * year or a period's year ("Utfall 2021") at q and at q + 2, or a stub's
 * word at q ("Nämnd") and such titles at q + 2 and q + 4? */
static int blank_stack_at(const char *s, const line *lines, size_t n, size_t q)
{
#define STACK_TITLE(x) (belopp_is_year(s, lines[x].trim) || period_year_cell(s, lines[x].trim, NULL, 0))
    if (q + 2 >= n || !is_blank(lines, n, q + 1) || lines[q].trim.start == lines[q].trim.end)
        return 0;
    if (STACK_TITLE(q))
        return STACK_TITLE(q + 2);
    return q + 4 < n && word_line(s, lines[q].trim) && is_blank(lines, n, q + 3) && STACK_TITLE(q + 2) &&
                   STACK_TITLE(q + 4)
               ? 2
               : 0;
#undef STACK_TITLE
}

static size_t stacked_titles(const char *s, const line *lines, size_t n, size_t j,
                             belopp_span first, belopp_table *tb, int blanks);

/* The titles stacked with blank lines between from line q (blank_stack_at
 * says so), as stacked_titles reads them; a stub's word first is the stub's
 * title, not words of the first column's ("Nämnd" / "" / "Utfall 2024": the
 * column is "Utfall 2024").  Returns as stacked_titles. */
static size_t blank_stacked_titles(const char *s, const line *lines, size_t n, size_t q,
                                   belopp_table *tb)
{
    int form = blank_stack_at(s, lines, n, q);
    if (!form)
        return 0;
    size_t at = stacked_titles(s, lines, n, form == 2 ? q + 2 : q, (belopp_span){0, 0}, tb, 1);
    if (at && form == 2 && tb->titles[0].start == tb->titles[0].end)
        tb->titles[0] = lines[q].trim;
    return at;
}

static size_t stacked_titles(const char *s, const line *lines, size_t n, size_t j,
                             belopp_span first, belopp_table *tb, int blanks)
{
    belopp_span item[2 * BELOPP_MAX_COLUMNS], note = {0, 0};
    size_t m = 0, after = 0, l = j, line_of[2 * BELOPP_MAX_COLUMNS];
    if (first.start < first.end) {
        line_of[m] = j - 1;
        item[m++] = first;
    }
    for (; l < n && m < sizeof item / sizeof item[0]; l++) {
        belopp_span w = lines[l].trim;
        if (blanks && w.start == w.end && l + 1 < n && !is_blank(lines, n, l + 1))
            continue; /* blank lines between the titles */
        if (w.start == w.end || w.end - w.start > 40 ||
            !(word_line(s, w) || stacked_year(s, w.start, w.end))) /* "2019-12-31" */
            break;
        if (!blanks && !period_year_cell(s, w, NULL, 0)) {
            line_of[m] = l;
            item[m++] = w;
            continue;
        }
        /* (titles one a line: "Utfall 2021" is the words over a year, as
         * "Utfall" / "2021" on two lines would be) */
        /* "2020 Budget", "2023 Plan 2024": a year and the next title's
         * words on one line; each year an item, and the words between */
        size_t words = SIZE_MAX;
        for (size_t i = w.start; i <= w.end && m < sizeof item / sizeof item[0];) {
            size_t e = i;
            while (e < w.end && !belopp_space_at(s, e, w.end))
                e++;
            int year = i < w.end && stacked_year(s, i, e);
            if ((year || i >= w.end) && words != SIZE_MAX) {
                line_of[m] = l;
                item[m++] = belopp_trim(s, words, i);
                words = SIZE_MAX;
            }
            if (i >= w.end || m == sizeof item / sizeof item[0])
                break;
            if (year) {
                line_of[m] = l;
                item[m++] = (belopp_span){i, e};
            } else if (words == SIZE_MAX) {
                words = i;
            }
            i = e;
            while (i < w.end && belopp_space_at(s, i, w.end))
                i += belopp_space_at(s, i, w.end);
        }
    }
    /* "Belopp i mnkr Not Utfall" / "2019" / …: a note column first */
    if (m > 0 && first_word_is(s, item[0], NOTE)) {
        size_t e = item[0].start;
        while (e < item[0].end && belopp_letter_at(s, e, item[0].end))
            e++;
        note = (belopp_span){item[0].start, e};
        item[0] = belopp_trim(s, e, item[0].end);
        if (item[0].start == item[0].end) {
            memmove(item, item + 1, (m - 1) * sizeof item[0]);
            memmove(line_of, line_of + 1, (m - 1) * sizeof line_of[0]);
            m--;
        }
    }
    /* "(mnkr) Not Kommunen Sammanställd redovisning" / "Bokslut" / "2020" /
     * "Bokslut" / "2021" / …: the words on the unit line name groups of
     * columns, not a title, when every other title has one line of words
     * fewer above its year than the first would */
    if (first.start < first.end && m > 2 && line_of[0] == j - 1 &&
        !stacked_year(s, item[0].start, item[0].end)) {
        size_t words = 0, first_words = SIZE_MAX, same = 1, years = 0;
        for (size_t i = 0; i < m; i++) {
            if (!stacked_year(s, item[i].start, item[i].end)) {
                words++;
                continue;
            }
            if (first_words == SIZE_MAX)
                first_words = words;
            else
                same &= words + 1 == first_words;
            words = 0;
            years++;
        }
        if (years >= 2 && same && first_words >= 2 && !words) {
            memmove(item, item + 1, (m - 1) * sizeof item[0]);
            memmove(line_of, line_of + 1, (m - 1) * sizeof line_of[0]);
            m--;
        }
    }
    size_t groups = 0, open = SIZE_MAX, last_year = 0;
    belopp_span titles[BELOPP_MAX_COLUMNS], seconds[BELOPP_MAX_COLUMNS], stub_words = {0, 0};
    for (size_t i = 0; i < m; i++) {
        int year = stacked_year(s, item[i].start, item[i].end);
        if (!year) {
            if (open == SIZE_MAX)
                open = i;
            continue;
        }
        if (groups == BELOPP_MAX_COLUMNS - 1)
            return 0;
        size_t f = open == SIZE_MAX ? i : open;
        if (open != SIZE_MAX && open + 1 < i && line_of[i - 1] == line_of[i] && line_of[open] < line_of[i]) {
            /* "Nämnd" / "Utfall 2021": the words on the year's line are its
             * title; lines of words above the first are the stub's title */
            if (groups == 0)
                stub_words = (belopp_span){item[open].start, item[i - 2].end};
            f = i - 1;
        }
        titles[groups] = item[f];
        seconds[groups] = f < i ? item[i] : (belopp_span){0, 0};
        groups++;
        open = SIZE_MAX;
        last_year = i;
    }
    if (groups == 0 && first.start == first.end && m >= 2 && m < BELOPP_MAX_COLUMNS &&
        note.start == note.end)
        return word_stack(s, lines, n, item, line_of, m, tb);
    if (groups < 2)
        return 0;
    /* the line after the last year */
    after = line_of[last_year] + 1;
    /* the first row, after at most two lines of words; a line of spaces
     * may stand under a section ("DEN LÖPANDE VERKSAMHETEN" / "   ") */
    size_t r = after;
    if (open != SIZE_MAX && open > last_year)
        r = line_of[m - 1] + 1; /* (past titles of words after the years: "Förändring, %") */
    belopp_row row;
    size_t used;
    while (r < n && r < after + 3 &&
           ((note.start < note.end && note_ref_line(s, lines[r].trim)) ||
            (!may_be_row(s, lines, n, r) && (word_line(s, lines[r].trim) || is_blank(lines, n, r)) &&
             !wrapped_row(s, lines, n, r, &row, &used))))
        r++;
    token t[MAX_TOKENS];
    uint32_t counts;
    if (r >= n || !row_at(s, lines, n, r, &row, &used))
        return 0;
    size_t nc = note.start < note.end ? groups : 0;
    fit_tokens(s, &row, 0, nc, t, &counts, 0);
    size_t nrows = 0, fit_g = 0, fit_g1 = 0;
    rows_fit(s, lines, n, r, groups, note.start < note.end, &nrows, &fit_g, &fit_g1);
    if (open != SIZE_MAX && open + 1 == m && open > last_year && groups + 1 < BELOPP_MAX_COLUMNS &&
        (counts >> (groups + 1) & 1)) {
        /* a last title of words after the years ("2023" / "2024" /
         * "Förändring, %"), and the first row can have a value more: its
         * column (even where the row could be read with fewer: "546 491
         * 2,7" is three cells under it, not 546 491 and 2,7) */
        titles[groups] = item[open];
        seconds[groups] = (belopp_span){0, 0};
        groups++;
        after = line_of[open] + 1;
        goto fill;
    }
    if (!((counts >> groups & 1) && fit_g == nrows) && groups + 1 < BELOPP_MAX_COLUMNS) {
        /* "Avvikelse Koncern" / "2019": a title of one line ("Avvikelse")
         * beside the first line of the next ("Koncern" over "2019") when
         * the rows have one value more; only one such pair may be the one */
        size_t two = SIZE_MAX, pairs = 0;
        for (size_t c = 0; c < groups; c++) {
            size_t sp = titles[c].start;
            while (sp < titles[c].end && !belopp_space_at(s, sp, titles[c].end))
                sp++;
            belopp_span rest = belopp_trim(s, sp, titles[c].end);
            size_t words = rest.start < rest.end ? 2 : 1;
            for (size_t x = rest.start; x < rest.end; x++)
                words += belopp_space_at(s, x, rest.end) > 0;
            if (words == 2 && seconds[c].start < seconds[c].end) {
                two = c;
                pairs++;
            }
        }
        if (pairs != 1 || fit_g1 <= fit_g) {
            if (!(counts >> groups & 1))
                return 0;
            goto fill;
        }
        memmove(titles + two + 1, titles + two, (groups - two) * sizeof titles[0]);
        memmove(seconds + two + 1, seconds + two, (groups - two) * sizeof seconds[0]);
        size_t sp = titles[two].start;
        while (!belopp_space_at(s, sp, titles[two].end))
            sp++;
        titles[two + 1] = belopp_trim(s, sp, titles[two].end);
        titles[two] = (belopp_span){titles[two].start, sp};
        seconds[two] = (belopp_span){0, 0};
        groups++;
    }
fill:
    tb->titles[0] = note.start < note.end        ? note
                    : stub_words.start < stub_words.end ? stub_words
                                                    : (belopp_span){item[0].start, item[0].start};
    {
        int bare = groups >= 2 && note.start == note.end && seconds[0].start < seconds[0].end &&
                   stacked_year(s, seconds[0].start, seconds[0].end) && line_of[0] + 1 == line_of[1];
        for (size_t c = 1; c < groups && bare; c++)
            bare = seconds[c].start == seconds[c].end &&
                   (stacked_year(s, titles[c].start, titles[c].end) ||
                    (c + 1 == groups && !has_digit(s, titles[c].start, titles[c].end)));
        if (bare) {
            /* "Nämnd" / "2024" / "2025" (/ "Förändring, %"): the words over
             * the first year alone, the others years alone, are the stub's
             * title, not the first column's */
            tb->titles[0] = titles[0];
            titles[0] = seconds[0];
            seconds[0] = (belopp_span){0, 0};
        }
    }
    for (size_t c = 0; c < groups; c++) {
        tb->titles[c + 1] = titles[c];
        tb->columns[c].title2 = seconds[c];
    }
    tb->ntitles = groups + 1;
    return after;
}

/* A year alone on line w, perhaps with a footnote mark after it ("2018 1)",
 * "2018*", "2018¹"), as a web page's header cell writes it: its four digits,
 * or an empty span. */
static belopp_span marked_year(const char *s, belopp_span w)
{
    belopp_span y = {w.start, w.start + 4};
    if (w.end - w.start < 4 || !belopp_is_year(s, y))
        return (belopp_span){0, 0};
    size_t i = belopp_skip_spaces(s, y.end, w.end);
    if (i == w.end)
        return y;
    size_t d = i;
    while (i < w.end && s[i] >= '0' && s[i] <= '9')
        i++;
    if (i > d && i - d <= 2 && i + 1 == w.end && s[i] == ')' && y.end < d)
        return y; /* "2018 1)" */
    if (i == d && w.end - i == 1 && s[i] == '*')
        return y; /* "2018*" */
    if (i == d && (size_t)superscript_before(s, i, w.end) == w.end - i)
        return y; /* "2018¹" */
    return (belopp_span){0, 0};
}

/* Year titles stacked one a line with blank lines between, the last maybe
 * with a footnote mark ("Mkr" / "" / "2022" / "" / "2021" / … / "2018 1)"),
 * as a web page's header cells come out as text; lines j… under the unit
 * alone.  Three years or more, each one apart from the one before (always
 * down or always up), and the first row after at most three lines of words
 * or blanks has a value under each.  Fills tb's titles (the years without
 * their marks) and returns the line after the last year, or 0. */
static size_t spaced_year_titles(const char *s, const line *lines, size_t n, size_t j,
                                 belopp_table *tb)
{
    belopp_span ys[BELOPP_MAX_COLUMNS];
    size_t m = 0, after = 0;
    int step = 0;
    for (size_t l = j; l < n && m + 1 < BELOPP_MAX_COLUMNS; l++) {
        if (is_blank(lines, n, l))
            continue;
        belopp_span y = marked_year(s, lines[l].trim);
        if (y.start == y.end)
            break;
        if (m > 0) {
            int d = year_value(s, y) - year_value(s, ys[m - 1]);
            if ((d != 1 && d != -1) || (step && d != step))
                return 0;
            step = d;
        }
        ys[m++] = y;
        after = l + 1;
    }
    if (m < 3)
        return 0;
    size_t r = after, used;
    belopp_row row;
    while (r < n && r < after + 4 && !may_be_row(s, lines, n, r) &&
           (word_line(s, lines[r].trim) || is_blank(lines, n, r)))
        r++;
    if (r >= n || !row_at(s, lines, n, r, &row, &used))
        return 0;
    token t[MAX_TOKENS];
    uint32_t counts;
    fit_tokens(s, &row, 0, 0, t, &counts, 0);
    if (!(counts >> m & 1))
        return 0;
    tb->titles[0] = (belopp_span){lines[j].trim.start, lines[j].trim.start};
    for (size_t c = 0; c < m; c++)
        tb->titles[c + 1] = ys[c];
    tb->ntitles = m + 1;
    return after;
}

/* A stub of a few words over year titles one a line with blank lines
 * between ("Nyckeltal" / "" / "2018" / "" / "2017" / …), as a web page's
 * header cells come out as text, and no unit above: the units stand in the
 * rows' labels ("Medlemsintäkter (tkr)"), and a table so read keeps only
 * the rows that name one (names_a_unit).  Fills tb's titles, *end the line
 * after the last year, and returns 1; or 0. */
static int stub_over_spaced_years(const char *s, const line *lines, size_t n, size_t i,
                                  belopp_table *tb, size_t *end)
{
    belopp_span h = lines[i].trim;
    if (h.end - h.start > 40 || !word_line(s, h) || !is_blank(lines, n, i + 1))
        return 0;
    belopp_table t2;
    memset(&t2, 0, sizeof t2);
    size_t at = spaced_year_titles(s, lines, n, i + 1, &t2);
    if (!at)
        return 0;
    t2.titles[0] = h;
    *tb = t2;
    *end = at;
    return 1;
}

/* Is line i titles with no unit ("Nyckeltal Jan - mar 2024 Jan - mar 2023",
 * "Tkr-fritt  2023  2024"): a stub and two titles or more, a year or a date
 * among them, and a row under them (or under one line of words)?  Fills
 * tb's titles. */
/* Titles that count rooms or the like, written with single spaces: "1 rum
 * 2 rum 3 rum 4 rum 5 o fl rum Övriga Totalt", a statistics table's
 * dwelling types.  A title starts at each number, and these run 1, 2, 3, …
 * (three or more, each followed by a word); words in lower case go on the
 * title before them, a capital starts one more ("Övriga", "Totalt").  No
 * stub (titles[0] empty).  Returns the number of titles with the stub, or
 * 0. */
static size_t counted_titles(const char *s, belopp_span h, belopp_span *titles)
{
    size_t nt = 1, numbered = 0;
    titles[0] = (belopp_span){h.start, h.start};
    for (size_t i = h.start; i < h.end;) {
        size_t sp = belopp_space_at(s, i, h.end);
        if (sp) {
            i += sp;
            continue;
        }
        size_t e = i;
        while (e < h.end && !belopp_space_at(s, e, h.end))
            e++;
        int digit = s[i] >= '0' && s[i] <= '9';
        if (digit) {
            /* the next number of the run, alone, and a word after it */
            size_t want = numbered + 1;
            if (e - i > 2 || (size_t)(e - i == 1 ? s[i] - '0' : (s[i] - '0') * 10 + s[i + 1] - '0') != want ||
                (e - i == 2 && (s[i + 1] < '0' || s[i + 1] > '9')) || e >= h.end ||
                !belopp_letter_at(s, e + belopp_space_at(s, e, h.end), h.end))
                return 0;
            numbered++;
        } else if (has_digit(s, i, e) || nt == 1) {
            return 0; /* digits in a word, or words before the first number */
        }
        int capital = !digit && !(((unsigned char)s[i] >= 'a' && (unsigned char)s[i] <= 'z') ||
                                  category_at(s, i, e) == UTF8PROC_CATEGORY_LL);
        if (digit || capital) {
            if (nt == BELOPP_MAX_COLUMNS)
                return 0;
            titles[nt++] = (belopp_span){i, e};
        } else {
            titles[nt - 1].end = e; /* "o fl rum": on the title before */
        }
        i = e;
    }
    return numbered >= 3 ? nt : 0;
}

/* Titles in cells (tab, two spaces, or the bars of a pipe table) of which
 * one names a unit of its own, no unit over the table: "BOSTADSRÄTTER | 1
 * mån | 3 mån | 12 mån | Medelpris (kr/kvm)".  Every cell has a letter
 * (a period "12 mån" may have a number), and the next line (a rule
 * between passed over) is a row of as many cells.  Only the columns
 * naming their unit hold money (names_a_unit; a column with no unit has
 * none to take). */
static int unit_title_cells(const char *s, const line *lines, size_t n, size_t i, belopp_table *tb)
{
    belopp_span h = lines[i].trim, cells[BELOPP_MAX_COLUMNS];
    if (h.start == h.end || h.end - h.start > MAX_ROW_BYTES || !memchr(s + h.start, '\t', h.end - h.start))
        return 0; /* (cells split by tabs only: a pipe table's bars became tabs) */
    size_t nc = split_cells(s, h.start, h.end, cells, BELOPP_MAX_COLUMNS);
    if (nc < 3 || nc == BELOPP_MAX_COLUMNS)
        return 0;
    int units = 0;
    for (size_t c = 0; c < nc; c++) {
        int letter = 0;
        for (size_t x = cells[c].start; x < cells[c].end && !letter; x++)
            letter = belopp_letter_at(s, x, cells[c].end);
        if (!letter)
            return 0;
        unit_info u;
        if (c > 0 && own_unit(s, cells[c], &u))
            units++;
        else if (c > 0 && has_other_digits(s, cells[c].start, cells[c].end) &&
                 !(cells[c].end - cells[c].start <= 12 && belopp_word_end(s, cells[c].start, cells[c].end) -
                                                                    cells[c].start <= 2))
            return 0; /* a number in a title: only a short period ("1 mån", "12 mån") */
    }
    if (!units)
        return 0;
    size_t r = i + 1;
    if (r < n && rule_line(s, lines[r].trim))
        r++;
    belopp_span rc[BELOPP_MAX_COLUMNS];
    if (r >= n || lines[r].trim.end - lines[r].trim.start > MAX_ROW_BYTES ||
        split_cells(s, lines[r].trim.start, lines[r].trim.end, rc, BELOPP_MAX_COLUMNS) != nc)
        return 0;
    memcpy(tb->titles, cells, nc * sizeof cells[0]);
    tb->ntitles = nc;
    return 1;
}

/* Is l a second line of titles in cells, under a pipe table's rule: the
 * stub's title first, then periods of words under the years ("|
 * Sammanfattning 1) | apr-jun | jan-jun | jul-jun | jan-dec |" under "|
 * 2023 | 2022 | …"), about nt cells (nt titles with the stub), no digit
 * but in the stub's footnote mark? */
static int period_cells(const char *s, belopp_span l, size_t nt)
{
    belopp_span pc[BELOPP_MAX_COLUMNS];
    if (l.end - l.start > MAX_ROW_BYTES || !memchr(s + l.start, '\t', l.end - l.start))
        return 0;
    size_t nc = split_cells(s, l.start, l.end, pc, BELOPP_MAX_COLUMNS);
    if (nc < 3 || nc + 1 < nt || nc > nt + 1)
        return 0;
    for (size_t c = 1; c < nc; c++)
        if (has_digit(s, pc[c].start, pc[c].end) || pc[c].end - pc[c].start > 20 ||
            !belopp_letter_at(s, pc[c].start, pc[c].end))
            return 0;
    return 1;
}

static int year_cell(const char *s, belopp_span l);
static int unitless_titles(const char *s, const line *lines, size_t n, size_t i, belopp_table *tb)
{
    belopp_span h = lines[i].trim, titles[BELOPP_MAX_COLUMNS];
    if (unit_title_cells(s, lines, n, i, tb))
        return 1;
    if (rule_line(s, h)) {
        /* "|---|---|" under titles not read (wrapped over lines of their
         * own): the columns without titles, over a row */
        belopp_row row;
        size_t nc = split_cells(s, h.start, h.end, titles, BELOPP_MAX_COLUMNS);
        if (nc < 2 || i + 1 >= n ||
            !table_row(s, lines[i + 1].trim.start, lines[i + 1].trim.end, 0, &row))
            return 0;
        for (size_t c = 0; c < nc; c++)
            tb->titles[c] = (belopp_span){titles[c].start, titles[c].start};
        tb->ntitles = nc;
        return 1;
    }
    size_t nt;
    if (!has_digit(s, h.start, h.end)) {
        /* no year in it: titles of one word each over rows that name their
         * unit ("Järnväg Sjöfart … Summa" over "Ackumulerat utfall, mnkr
         * 29 745 772 …"); else the titles are pieces of the line */
        belopp_row row;
        unit_info u;
        size_t nc = split_cells(s, h.start, h.end, titles, BELOPP_MAX_COLUMNS);
        if (i + 1 >= n || !table_row(s, lines[i + 1].trim.start, lines[i + 1].trim.end, 0, &row) ||
            !own_unit(s, row.label, &u))
            return 0;
        if (nc >= 3 && nc < BELOPP_MAX_COLUMNS) {
            /* titles in cells, the stub's first ("Avgift<TAB>Vatten och
             * avlopp<TAB>Vatten<TAB>Avlopp"), over a row of a value under
             * each of the others that names its unit ("Fast avgift
             * kr/år<TAB>2 705<TAB>1 170<TAB>1 535") */
            belopp_span rc[BELOPP_MAX_COLUMNS];
            if (split_cells(s, lines[i + 1].trim.start, lines[i + 1].trim.end, rc, BELOPP_MAX_COLUMNS) != nc)
                return 0;
            memcpy(tb->titles, titles, nc * sizeof titles[0]);
            tb->ntitles = nc;
            return 1;
        }
        if (nc != 1)
            return 0;
        if ((nt = spaced_word_titles(s, lines, n, i, titles)) == 0 &&
            (nt = spaced_words_over(s, lines, n, h, i, 2, 1, titles)) == 0)
            return 0; /* (or titles of several words: "Vatten & avlopp tillsammans Enbart vatten …") */
        memcpy(tb->titles, titles, nt * sizeof titles[0]);
        tb->ntitles = nt;
        return 1;
    }
    size_t years = 0, bare = 0;
    nt = title_line(s, h.start, h.end, titles);
    if (nt < 3 && h.end - h.start <= 120 && (nt = counted_titles(s, h, titles)) >= 4) {
        /* "1 rum 2 rum …" / "o kök o kök …" / "Norrby" / rows: a second
         * title line and a section may stand before the first row */
        size_t r = i + 1;
        for (int w = 0; w < 2 && r < n && word_line_max(s, lines[r].trim, 120); w++)
            r++;
        belopp_row row;
        if (r >= n || !table_row(s, lines[r].trim.start, lines[r].trim.end, 0, &row))
            return 0;
        memcpy(tb->titles, titles, nt * sizeof titles[0]);
        tb->ntitles = nt;
        return 1;
    }
    if (nt < 3)
        return 0;
    for (size_t c = 1; c < nt; c++) {
        size_t e = titles[c].end, b = e;
        while (b > titles[c].start && !belopp_space_at(s, b - 1, e))
            b--;
        years += year_or_date(s, b, e);
        bare += belopp_is_year(s, titles[c]) || year_cell(s, titles[c]) || /* "2022/2023" */
                (titles[c].end - titles[c].start <= 8 && b > titles[c].start + 1 &&
                 quarter_at(s, titles[c].start, b - 2, titles[c].end)); /* "Q2 2023" */
    }
    /* no stub: only years ("2024 2023 2022" over "Eget kapital, MSEK …") */
    if (!years || (titles[0].start == titles[0].end && bare + 1 != nt))
        return 0;
    size_t r = i + 1, used;
    if (r < n && (word_line(s, lines[r].trim) || rule_line(s, lines[r].trim)))
        r++;
    if (r > i + 1 && r < n && rule_line(s, lines[r - 1].trim) && period_cells(s, lines[r].trim, nt))
        r++; /* a second line of titles under the rule (period_cells) */
    belopp_row row;
    if ((r >= n || !table_row(s, lines[r].trim.start, lines[r].trim.end, 0, &row)) &&
        !wrapped_row(s, lines, n, i + 1, &row, &used))
        return 0; /* (a row right under, or one wrapped: "Resultat per aktie, SEK," /
                   * "före utspädning" / "4,58 2,83 …") */
    memcpy(tb->titles, titles, nt * sizeof titles[0]);
    tb->ntitles = nt;
    return 1;
}

/* Does a row label or a column title of a table with no unit of its own
 * name one ("Nettoomsättning, MSEK", "Resultat per aktie, SEK")? */
static int names_a_unit(const char *s, const belopp_table *tb, const belopp_row *rows, size_t nrows)
{
    unit_info u;
    for (size_t r = 0; r < nrows; r++)
        if (own_unit(s, rows[r].label, &u))
            return 1;
    for (size_t c = 1; c < tb->ntitles; c++)
        if (own_unit(s, tb->titles[c], &u))
            return 1;
    return 0;
}

/* Is line l years alone, one after the other, three or more, as a PDF's
 * five-year overview heads its columns ("2014 2013 2012 2011 2010", or run
 * together, "2014 2013201220112010")?  Fills titles (one a year, at most
 * max) and returns their number, or 0. */
static size_t run_of_years(const char *s, belopp_span l, belopp_span *titles, size_t max)
{
    size_t nt = 0;
    for (size_t i = l.start; i < l.end;) {
        size_t sp = belopp_space_at(s, i, l.end);
        if (sp) {
            i += sp;
            continue;
        }
        size_t e = i;
        while (e < l.end && s[e] >= '0' && s[e] <= '9')
            e++;
        if (e == i || (e - i) % 4 != 0 || (e < l.end && !belopp_space_at(s, e, l.end)))
            return 0;
        for (size_t y = i; y < e; y += 4) {
            if (nt == max || !belopp_is_year(s, (belopp_span){y, y + 4}))
                return 0;
            titles[nt++] = (belopp_span){y, y + 4};
        }
        i = e;
    }
    if (nt < 3)
        return 0;
    int step = 0;
    for (size_t c = 1; c < nt; c++) {
        int a = (s[titles[c - 1].start + 2] - '0') * 10 + (s[titles[c - 1].start + 3] - '0');
        int b = (s[titles[c].start + 2] - '0') * 10 + (s[titles[c].start + 3] - '0');
        int d = b - a;
        if ((d != 1 && d != -1) || (step && d != step))
            return 0;
        step = d;
    }
    return nt;
}

/* A five-year overview (femårsöversikt) a PDF or a web page flattened to
 * one cell a line, with no unit for the whole table: the years alone on
 * line i (run_of_years), then each row's label (a line or two of words)
 * and its k values one a line.  The first row's label may stand above the
 * years, as the stub's cell comes first ("Folkmängd, den 31/12" / "2014
 * 2013 …" / "64 676" / …).  Such a table mixes money with counts, rates
 * and shares; each label that holds money names its unit ("Årets resultat
 * i mnkr", "… per invånare i kr"), and a row that names none is passed
 * over (build_table reads no money where no unit is known).  A label over
 * a line that is neither values nor words ("Utdebitering*" / "32:68
 * 32:68…", a tax rate) is passed over too.  Pushes the rows, fills tb's
 * titles (an empty stub, then the years) and returns the line after the
 * table, 0 when the lines are not so (or no row names a unit), or
 * (size_t)-1 when out of memory. */
static size_t year_overview(belopp_segments *g, const char *s, line *lines, size_t n, size_t i,
                            belopp_table *tb)
{
    belopp_span years[BELOPP_MAX_COLUMNS - 1];
    size_t k = run_of_years(s, lines[i].trim, years, BELOPP_MAX_COLUMNS - 1);
    if (!k)
        return 0;
    size_t first_row = g->nrows, end = i + 1, l = i + 1;
    for (int first = 1;; first = 0) {
        size_t lab = l, lab_end = l;
        int above = first && l < n && value_line(s, lines[l].trim); /* the label above the years */
        if (!above) {
            while (l < n && is_blank(lines, n, l))
                l++;
            if (l >= n || !word_line_max(s, lines[l].trim, 120))
                break;
            lab = l;
            lab_end = wrapped_label_end(s, lines, n, l);
            l = lab_end + 1;
        }
        size_t v = l, got = 0, vfirst = l, vlast = l;
        for (; v < n && got < k; v++) {
            if (is_blank(lines, n, v))
                continue;
            if (!value_line(s, lines[v].trim))
                break;
            if (got++ == 0)
                vfirst = v;
            vlast = v;
        }
        if (got == 0 && !above && v < n && has_digit(s, lines[v].trim.start, lines[v].trim.end) &&
            !word_line_max(s, lines[v].trim, 120)) {
            end = l = v + 1; /* a label over values of another kind ("32:68 32:68…"): passed over */
            continue;
        }
        if (got != k || (v < n && !is_blank(lines, n, v) && value_line(s, lines[v].trim)))
            break;
        belopp_row row;
        memset(&row, 0, sizeof row);
        if (above) {
            if (i == 0 || !word_line_max(s, lines[i - 1].trim, 120)) {
                end = l = vlast + 1;
                continue;
            }
            row.label = clean_label(s, lines[i - 1].trim);
        } else {
            row.label = clean_label(s, without_paren_mark(s, (belopp_span){lines[lab].trim.start,
                                                                           lines[lab_end].trim.end}));
        }
        row.values = (belopp_span){lines[vfirst].trim.start, lines[vlast].trim.end};
        row.line = (belopp_span){row.label.start, lines[vlast].trim.end};
        row.table = g->ntables;
        PUSH_OR(g->rows, g->nrows, g->caprows, row, return (size_t)-1);
        end = l = vlast + 1;
    }
    if (g->nrows - first_row < 2 || !names_a_unit(s, tb, g->rows + first_row, g->nrows - first_row)) {
        g->nrows = first_row;
        return 0;
    }
    for (size_t q = i + 1; q < end; q++)
        lines[q].kind = 2; /* (the rows passed over too: none of it is prose) */
    tb->titles[0] = (belopp_span){lines[i].trim.start, lines[i].trim.start};
    memcpy(tb->titles + 1, years, k * sizeof years[0]);
    tb->ntitles = k + 1;
    return end;
}

/* The unit a sentence of the prose just above line i gives the table under
 * it: "Belopp anges i miljoner kronor i löpande priser.", "Alla belopp är i
 * tkr.", "Siffrorna i tabellen är angivna i tusen kronor." — a sentence
 * naming amounts, figures or the table, that ends in " i " and a unit.
 * Looks at the nearest paragraph above (within four lines).  Fills *u. */
static int prose_unit_above(const char *s, const line *lines, size_t i, unit_info *u)
{
    static const char *const NAMES[] = {"belopp", "siffr", "tabell", "uppgifter", NULL};
    size_t l = i;
    while (l > 0 && i - l < 4 && is_blank(lines, l, l - 1))
        l--;
    if (l == 0 || i - l >= 4)
        return 0;
    belopp_span p = lines[l - 1].trim;
    /* its sentences: cut at ". " */
    for (size_t a = p.start; a < p.end;) {
        size_t b = a;
        while (b < p.end && !(s[b] == '.' && (b + 1 == p.end || s[b + 1] == ' ')))
            b++;
        belopp_span sent = {a, b};
        /* the first " i " before the words (the cheaper test; a sentence
         * without one names no unit so) */
        size_t x = a;
        while (x + 3 < b && !(s[x] == ' ' && s[x + 1] == 'i' && s[x + 2] == ' '))
            x++;
        if (x + 3 < b && has_word(s, sent, NAMES))
            for (; x + 3 < b; x++)
                if (s[x] == ' ' && s[x + 1] == 'i' && s[x + 2] == ' ' && unit_header(s, x + 3, b, u))
                    return 1;
        a = b + 1;
        while (a < p.end && s[a] == ' ')
            a++;
    }
    return 0;
}

#define FLAT_MAX_WORDS 4096

/* Tables flattened into a line of prose, as a page copied without its line
 * breaks has them: "… Tillskott, mdkr 2017 2018 2019 2020 2021 Kr/inv. 3 3 5
 * 7 10 Asylsökande/nyanlända 7 7 5 3 0 Totalt 10 10 10 10 10 Av det …".  A
 * caption of the sentence ending in a unit, a run of consecutive years (the
 * titles), then two rows or more, each a label of a few words and exactly
 * one number a year, numbers that can be read no other way.  Pushes the
 * tables and their rows.  Returns -1 when out of memory. */
static int flat_tables(belopp_segments *g, const char *s, belopp_span l)
{
    belopp_span w[FLAT_MAX_WORDS];
    size_t nw = 0;
    for (size_t i = l.start; i < l.end && nw < FLAT_MAX_WORDS;) {
        size_t sp = belopp_space_at(s, i, l.end);
        if (sp) {
            i += sp;
            continue;
        }
        size_t e = i;
        while (e < l.end && !belopp_space_at(s, e, l.end))
            e++;
        w[nw++] = (belopp_span){i, e};
        i = e;
    }
    for (size_t p = 1; p + 2 < nw; p++) {
        size_t m = 0;
        while (p + m < nw && m < BELOPP_MAX_COLUMNS - 1 && belopp_is_year(s, w[p + m]) &&
               (m == 0 || atoi(s + w[p + m].start) == atoi(s + w[p + m - 1].start) + 1))
            m++;
        if (m < 2)
            continue;
        /* the caption: from the start of its sentence */
        size_t cs = w[p - 1].start;
        for (size_t q = p; q-- > 0;) {
            size_t e = w[q].end;
            if (q < p - 1 && (s[e - 1] == '.' || s[e - 1] == ':' || s[e - 1] == '!' || s[e - 1] == '?'))
                break;
            cs = w[q].start;
        }
        unit_info u;
        if (!unit_tail(s, cs, w[p - 1].end, &u))
            continue;
        belopp_table tb;
        memset(&tb, 0, sizeof tb);
        size_t first_row = g->nrows, q = p + m;
        while (q < nw) {
            size_t lab = q, lw = 0;
            token t[MAX_TOKENS];
            while (q < nw && lw < 6 && !read_token(s, w[q].start, w[q].end, &t[0]))
                q++, lw++;
            if (lw == 0 || q + m > nw)
                break;
            size_t k = 0;
            for (; k < m && read_token(s, w[q + k].start, w[q + k].end, &t[k]) && t[k].kind == T_NUM; k++)
                t[k].hard = 0;
            if (k < m || (q + m < nw && read_token(s, w[q + m].start, w[q + m].end, &t[m])) ||
                feasible_counts(t, m) != (1u << m))
                break;
            belopp_row row;
            memset(&row, 0, sizeof row);
            row.label = clean_label(s, (belopp_span){w[lab].start, w[q - 1].end});
            row.values = (belopp_span){w[q].start, w[q + m - 1].end};
            row.line = (belopp_span){w[lab].start, row.values.end};
            row.table = g->ntables;
            PUSH(g->rows, g->nrows, g->caprows, row);
            q += m;
        }
        if (g->nrows - first_row < 2) {
            g->nrows = first_row;
            continue;
        }
        tb.header = tb.caption = belopp_trim(s, cs, w[p - 1].end);
        tb.exp10 = u.exp10;
        tb.currency = u.currency;
        tb.unit = u.words;
        tb.titles[0] = (belopp_span){w[p].start, w[p].start};
        for (size_t c = 0; c < m; c++)
            tb.titles[c + 1] = w[p + c];
        tb.ntitles = m + 1;
        PUSH(g->tables, g->ntables, g->captables, tb);
        if (build_table(g, s, g->ntables - 1, first_row, g->nrows, 0, 0) < 0)
            return -1;
        p = q;
    }
    return 0;
}

/* Is l a remark in parentheses, words only: "(noterna hänvisar till
 * kommentarerna)", "(belopp avrundade)"? */
static int remark_line(const char *s, belopp_span l)
{
    return l.end - l.start > 8 && l.end - l.start <= 120 && s[l.start] == '(' &&
           s[l.end - 1] == ')' && !memchr(s + l.start + 1, ')', l.end - l.start - 2) &&
           !has_other_digits(s, l.start, l.end) && belopp_letter_at(s, l.start + 1, l.end);
}

/* Is line h a unit word, then titles not understood whose only digits are
 * years, glued or not ("mnkr Intäkter 2020Intäkter 2021Kostnader 2020…"),
 * at least one year, no sentence?  Sets tb's unit. */
static int lead_unit_titles(const char *s, belopp_span h, belopp_table *tb)
{
    size_t w1 = h.start;
    while (w1 < h.end && !belopp_space_at(s, w1, h.end))
        w1++;
    if (w1 == h.end || s[h.end - 1] == '.')
        return 0;
    /* "mnkrNotkommunen 2020-12-31…": the unit glued to the note column's
     * title, as a page's header cells come out run together */
    belopp_span nt = glued_note_title(s, (belopp_span){h.start, w1});
    size_t ue = nt.start < nt.end ? nt.start : w1;
    unit_info u;
    belopp_span gt[BELOPP_MAX_COLUMNS];
    size_t ge = nt.start == nt.end ? glued_unit_end(s, (belopp_span){h.start, w1}) : h.start;
    if (ge > h.start && glued_dated_titles(s, (belopp_span){ge, h.end}, gt, BELOPP_MAX_COLUMNS - 1))
        ue = ge; /* "mnkrkommunen 2020-12-31…" */
    if (ue - h.start > 12)
        return 0;
    int years = 0;
    for (size_t i = ue; i < h.end; i++)
        if (s[i] >= '0' && s[i] <= '9') {
            size_t e = i;
            while (e < h.end && s[e] >= '0' && s[e] <= '9')
                e++;
            if (!belopp_is_year(s, (belopp_span){i, e}) ||
                (i > ue && s[i - 1] >= '0' && s[i - 1] <= '9'))
                return 0;
            years++;
            /* a date's month and day after the year: "2020-12-31" */
            if (e + 6 <= h.end && s[e] == '-' && s[e + 3] == '-' && s[e + 1] >= '0' && s[e + 1] <= '1' &&
                s[e + 2] >= '0' && s[e + 2] <= '9' && s[e + 4] >= '0' && s[e + 4] <= '3' &&
                s[e + 5] >= '0' && s[e + 5] <= '9')
                e += 6;
            i = e - 1;
        }
    if (!years || !unit_header(s, h.start, ue, &u))
        return 0;
    tb->exp10 = u.exp10;
    tb->currency = u.currency;
    tb->unit = u.words;
    return 1;
}

/* Is line h a unit, then the titles of column groups over the header line
 * below it: "(tkr) Koncernen Moderbolaget", "Miljoner kronor Kommunen
 * Koncernen", "Löpande prisnivå, mkr KOMMUNEN KONCERNEN"?  Annual reports of
 * groups and municipalities print the parent's and the group's figures side
 * by side, each under the same years.  The groups are one to four words of
 * letters, each with a capital first; no digit on the line.  Sets *u and
 * *groups (the group words).  The caller checks that titles follow. */
static int group_unit_line(const char *s, belopp_span h, unit_info *u, belopp_span *groups)
{
    if (h.end - h.start > 100 || has_other_digits(s, h.start, h.end) || s[h.end - 1] == '.')
        return 0;
    size_t from = h.start;
    /* "Löpande prisnivå, mkr …": a price basis before the unit */
    const char *comma = memchr(s + h.start, ',', h.end - h.start);
    if (comma) {
        static const char *const PRICES[] = {"priser", "prisniv", NULL};
        if (!has_word(s, (belopp_span){h.start, (size_t)(comma - s)}, PRICES))
            return 0;
        from = belopp_skip_spaces(s, (size_t)(comma - s) + 1, h.end);
    }
    for (size_t w = from; w < h.end; w++) {
        if (!belopp_space_at(s, w, h.end) || (w > from && belopp_space_at(s, w - 1, h.end)))
            continue;
        if (!unit_header(s, from, w, u))
            continue;
        belopp_span rest = belopp_trim(s, w, h.end);
        size_t words = 0;
        for (size_t i = rest.start; i < rest.end;) {
            size_t e = belopp_word_end(s, i, rest.end);
            if (e == i || !(s[i] >= 'A' && s[i] <= 'Z') || (e < rest.end && !belopp_space_at(s, e, rest.end)) ||
                unit_word_at(s, i, e, SIZE_MAX) != SIZE_MAX)
                return 0;
            words++;
            i = belopp_skip_spaces(s, e, rest.end);
        }
        if (words < 1 || words > 4)
            return 0;
        *groups = rest;
        return 1;
    }
    return 0;
}

/* "RESULTATRÄKNING  Noter  2018  2017": the note column's title after the
 * stub's is the stub's second word ("RESULTATRÄKNING Noter", as "MSEK
 * Not"), not a column of money. */
static void note_title_stub(const char *s, belopp_table *tb)
{
    if (tb->ntitles < 3 || note_stub(s, tb->titles[0]))
        return;
    belopp_span t = tb->titles[1];
    if (!first_word_is(s, t, NOTE) || belopp_word_end(s, t.start, t.end) != t.end)
        return;
    tb->titles[0] = tb->titles[0].start < tb->titles[0].end
                        ? (belopp_span){tb->titles[0].start, t.end}
                        : t;
    memmove(tb->titles + 1, tb->titles + 2, (tb->ntitles - 2) * sizeof *tb->titles);
    memmove(tb->columns, tb->columns + 1, (BELOPP_MAX_COLUMNS - 1) * sizeof *tb->columns);
    tb->ntitles--;
}

/* A second note column among the titles of a table with a note stub:
 * "Not 12/31/2017 12/31/2016 Not 12/31/2017 12/31/2016", the parent's and
 * the group's columns each with their notes.  The title "Not 12/31/2017"
 * becomes "12/31/2017" (a lone "Not" is dropped) and tb->note_at says
 * before which value column the notes stand. */
static void mid_note_titles(const char *s, belopp_table *tb)
{
    if (tb->ntitles < 4 || !note_stub(s, tb->titles[0]))
        return;
    for (size_t x = 2; x < tb->ntitles; x++) {
        belopp_span t = tb->titles[x];
        if (!first_word_is(s, t, NOTE))
            continue;
        size_t e = belopp_word_end(s, t.start, t.end);
        belopp_span rest = belopp_trim(s, e, t.end);
        if (rest.start == rest.end) {
            memmove(tb->titles + x, tb->titles + x + 1, (tb->ntitles - x - 1) * sizeof *tb->titles);
            memmove(tb->columns + x - 1, tb->columns + x,
                    (BELOPP_MAX_COLUMNS - x) * sizeof *tb->columns);
            tb->ntitles--;
        } else if (title_year(s, rest.start, rest.end)) {
            tb->titles[x] = rest;
        } else {
            return;
        }
        tb->note_at = x - 1;
        return;
    }
}


/* --- quarters under a line of years ------------------------------------ */

/* The quarter a title names: 1 .. 4 for "Q1" .. "Q4", else 0. */
static int quarter_title(const char *s, belopp_span w)
{
    return w.end - w.start == 2 && s[w.start] == 'Q' && s[w.start + 1] >= '1' && s[w.start + 1] <= '4'
               ? s[w.start + 1] - '0'
               : 0;
}

/* The year a group title names, or -1: "2016", or a fiscal year "2018/19",
 * "2018/2019" (the second year the one after the first). */
static int group_year(const char *s, belopp_span w)
{
    size_t n = w.end - w.start;
    if (n != 4 && n != 7 && n != 9)
        return -1;
    if (!belopp_is_year(s, (belopp_span){w.start, w.start + 4}))
        return -1;
    int y = year_value(s, w);
    if (n == 4)
        return y;
    if (s[w.start + 4] != '/')
        return -1;
    int y2 = 0;
    for (size_t i = w.start + 5; i < w.end; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        y2 = y2 * 10 + (s[i] - '0');
    }
    return y2 == (n == 7 ? (y + 1) % 100 : y + 1) ? y : -1;
}

/* Is line l words with no digit, then two years or more, each one step from
 * the one before and all the same way: "Kvartal 2018/19 2017/18 2016/17",
 * "Kvartalsvis resultaträkning för koncernen 2016 2015"?  Fills years
 * (at most max) and returns their number, or 0. */
static size_t group_years_line(const char *s, belopp_span l, belopp_span *years, size_t max)
{
    if (l.end - l.start > 160 || l.start == l.end || s[l.end - 1] == '.')
        return 0;
    belopp_span w[BELOPP_MAX_COLUMNS];
    size_t n = 0, e = l.end;
    while (e > l.start) { /* the years, from the end back */
        size_t st = e;
        while (st > l.start && !belopp_space_at(s, st - 1, e))
            st--;
        belopp_span x = {st, e};
        if (group_year(s, x) < 0)
            break;
        if (n == max || n == BELOPP_MAX_COLUMNS)
            return 0;
        w[n++] = x;
        e = belopp_trim(s, l.start, st).end;
    }
    if (n < 2 || has_digit(s, l.start, e))
        return 0;
    int step = group_year(s, w[n - 2]) - group_year(s, w[n - 1]);
    if (step != 1 && step != -1)
        return 0;
    for (size_t x = 0; x < n; x++) {
        years[x] = w[n - 1 - x];
        if (x && group_year(s, years[x]) - group_year(s, years[x - 1]) != step)
            return 0;
    }
    return n;
}

/* The runs of quarters qn[0, nq) (1 .. 4), one a year: within a run each
 * quarter follows the one before the same way, and a new run starts only
 * where a year ends (after Q4 going up, after Q1 going down).  Fills
 * run_of (each quarter's run) and returns the number of runs, or 0 when
 * the quarters fall into runs neither way or both ways. */
static size_t quarter_runs(const int *qn, size_t nq, size_t *run_of)
{
    size_t found = 0, runs_found = 0;
    for (int dir = -1; dir <= 1; dir += 2) {
        size_t runs = 1, of[BELOPP_MAX_COLUMNS];
        int ok = nq > 0 && nq <= BELOPP_MAX_COLUMNS;
        if (ok)
            of[0] = 0;
        for (size_t x = 1; x < nq && ok; x++) {
            if (qn[x] != qn[x - 1] + dir) {
                ok = dir < 0 ? qn[x - 1] == 1 && qn[x] == 4 : qn[x - 1] == 4 && qn[x] == 1;
                runs++;
            }
            of[x] = runs - 1;
        }
        if (ok) {
            memcpy(run_of, of, nq * sizeof of[0]);
            runs_found = runs;
            found++;
        }
    }
    return found == 1 ? runs_found : 0;
}

/* Is line h a unit, then quarters ("Mkr Q2 Q1 Q4 Q3 Q2 Q1", "TSEK Q1 Q2 Q3
 * Q4 Q1 Q2 Q3 Q4"), under a line of years (group_years_line) that the
 * quarters fall into: in each year's run the quarters follow one another
 * the same way, and a new year starts only where a year ends (after Q4
 * going up, after Q1 going down), as many runs as there are years?
 * Quarterly reports print their income statement so, the latest quarter
 * first or last.  Fills tb: the unit, the stub (the unit's words), and a
 * column a quarter titled by its year with the quarter as the title's
 * second part ("2016" "Q1": "2016 Q1"), as stacked group titles are. */
static int quarter_titles(const char *s, belopp_span above, belopp_span h, belopp_table *tb)
{
    if (h.end - h.start > 160)
        return 0;
    belopp_span q[BELOPP_MAX_COLUMNS];
    int qn[BELOPP_MAX_COLUMNS];
    size_t nq = 0, stub_end = SIZE_MAX;
    for (size_t i = h.start; i < h.end;) {
        size_t e = i;
        while (e < h.end && !belopp_space_at(s, e, h.end))
            e++;
        belopp_span w = {i, e};
        int x = quarter_title(s, w);
        if (x) {
            if (nq == BELOPP_MAX_COLUMNS - 1)
                return 0;
            if (stub_end == SIZE_MAX)
                stub_end = i;
            q[nq] = w;
            qn[nq++] = x;
        } else if (stub_end != SIZE_MAX) {
            return 0; /* a word among the quarters */
        }
        i = belopp_skip_spaces(s, e, h.end);
    }
    unit_info u;
    if (nq < 4 || stub_end == SIZE_MAX || stub_end == h.start ||
        !unit_header(s, h.start, stub_end, &u))
        return 0;
    belopp_span years[BELOPP_MAX_COLUMNS];
    size_t ny = group_years_line(s, above, years, BELOPP_MAX_COLUMNS);
    if (ny < 2)
        return 0;
    size_t run_of[BELOPP_MAX_COLUMNS];
    if (quarter_runs(qn, nq, run_of) != ny)
        return 0;
    tb->titles[0] = belopp_trim(s, h.start, stub_end);
    for (size_t c = 0; c < nq; c++) {
        tb->titles[c + 1] = years[run_of[c]];
        tb->columns[c].title2 = q[c];
    }
    tb->ntitles = nq + 1;
    tb->exp10 = u.exp10;
    tb->currency = u.currency;
    tb->unit = u.words;
    return 1;
}
/* Is line l a stacked quarter title: "Q2", or a year and its first quarter
 * "2016 Q1"?  Returns the quarter (1 .. 4) and sets *year to the year's
 * span (empty when none), or returns 0. */
static int stacked_quarter(const char *s, belopp_span l, belopp_span *year)
{
    *year = (belopp_span){l.start, l.start};
    if (l.end - l.start == 2)
        return quarter_title(s, l);
    size_t e = l.start;
    while (e < l.end && !belopp_space_at(s, e, l.end))
        e++;
    belopp_span y = {l.start, e}, q = belopp_trim(s, e, l.end);
    if (e == l.end || group_year(s, y) < 0 || !quarter_title(s, q))
        return 0;
    *year = y;
    return quarter_title(s, q);
}

/* The same table flattened one cell a line, as a page's text copy of a
 * chart's data gives it: a caption ending in the unit ("Kvartalsvis
 * resultaträkning för koncernen TSEK"), the quarters stacked one a line,
 * each year on its first quarter ("2016 Q1" / "Q2" / "Q3" / "Q4" / "2015
 * Q1" / …), then each row: the caption's words and the row's label
 * ("Kvartalsvis resultaträkning för koncernen Nettoomsättning"), and its
 * cells one a line, each year again before the cell of its first quarter
 * ("2016 395 128" / "452 301" / … / "2015 400 818" / …).  A row is taken
 * only whole: the same year at the same places, every other line one
 * value; the rows end at the first line that is not such a row.  Fills
 * *tb (zeroed by the caller), pushes it and its rows and returns the line
 * after the last row; 0 when line i heads no such table; (size_t)-1 when
 * out of memory. */
static size_t quarter_stream_table(belopp_segments *g, const char *s, line *lines, size_t n, size_t i,
                                   belopp_table *tb)
{
    belopp_span h = lines[i].trim;
    size_t w = h.end; /* the last word: the unit */
    while (w > h.start && !belopp_space_at(s, w - 1, h.end))
        w--;
    unit_info u;
    if (w == h.start || h.end - h.start > 160 || !unit_header(s, w, h.end, &u))
        return 0;
    belopp_span prefix = belopp_trim(s, h.start, w);
    if (prefix.start == prefix.end || has_digit(s, prefix.start, prefix.end))
        return 0;
    /* the quarters */
    belopp_span year_of[BELOPP_MAX_COLUMNS], q[BELOPP_MAX_COLUMNS];
    int qn[BELOPP_MAX_COLUMNS];
    size_t k = 0, j = i + 1;
    for (; j < n && k < BELOPP_MAX_COLUMNS; j++) {
        belopp_span y;
        int x = stacked_quarter(s, lines[j].trim, &y);
        if (!x || (k == 0 && y.start == y.end))
            break;
        year_of[k] = y;
        q[k] = (belopp_span){y.end < lines[j].trim.end ? belopp_trim(s, y.end, lines[j].trim.end).start
                                                        : lines[j].trim.start,
                             lines[j].trim.end};
        qn[k++] = x;
    }
    if (k < 4 || k == BELOPP_MAX_COLUMNS)
        return 0;
    size_t run_of[BELOPP_MAX_COLUMNS], runs = quarter_runs(qn, k, run_of);
    /* a year on the first quarter of each run and nowhere else, each one
     * step from the one before, all the same way */
    if (runs < 2)
        return 0;
    int step = 0, prev = -1;
    for (size_t c = 0; c < k; c++) {
        int starts = c == 0 || run_of[c] != run_of[c - 1];
        int y = year_of[c].start < year_of[c].end ? group_year(s, year_of[c]) : -1;
        if (starts != (y >= 0))
            return 0;
        if (y < 0)
            continue;
        if (prev >= 0) {
            if (step == 0)
                step = y - prev;
            if ((step != 1 && step != -1) || y - prev != step)
                return 0;
        }
        prev = y;
    }
    /* the rows */
    size_t first_row = g->nrows, nv = 0, cap = 0, end = j, r = j;
    vrow *rows = NULL;
    while (r + k < n) {
        belopp_span l = lines[r].trim;
        size_t pl = prefix.end - prefix.start;
        if (l.end - l.start <= pl + 1 || memcmp(s + l.start, s + prefix.start, pl) != 0 ||
            !belopp_space_at(s, l.start + pl, l.end))
            break;
        belopp_span label = belopp_trim(s, l.start + pl, l.end);
        if (label.start == label.end || has_digit(s, label.start, label.end))
            break;
        vrow v;
        memset(&v, 0, sizeof v);
        int whole = 1;
        for (size_t c = 0; c < k && whole; c++) {
            belopp_span x = lines[r + 1 + c].trim;
            belopp_span y = year_of[c];
            if (y.start < y.end) { /* the year again, then the cell */
                size_t yl = y.end - y.start;
                whole = x.end - x.start > yl + 1 && memcmp(s + x.start, s + y.start, yl) == 0 &&
                        belopp_space_at(s, x.start + yl, x.end);
                if (whole)
                    x = belopp_trim(s, x.start + yl, x.end);
            }
            token t[MAX_TOKENS];
            split one;
            size_t got = whole ? read_tokens(s, x.start, x.end, t) : 0;
            whole = whole && got != (size_t)-1 && got > 0 && t[0].kind == T_NUM &&
                    best_split(t, got, 1, NULL, NULL, NULL, &one) == 1;
            v.cell[c] = x;
            v.kind[c] = VC_VALUE;
        }
        if (!whole)
            break;
        v.n = k;
        if (nv == cap) {
            size_t nc = cap ? 2 * cap : 16;
            vrow *p = realloc(rows, nc * sizeof *rows);
            if (!p) {
                free(rows);
                g->nrows = first_row;
                return (size_t)-1;
            }
            rows = p;
            cap = nc;
        }
        belopp_row row;
        memset(&row, 0, sizeof row);
        row.label = label;
        row.values = (belopp_span){v.cell[0].start, lines[r + k].trim.end};
        row.line = (belopp_span){l.start, row.values.end};
        row.table = g->ntables;
        PUSH_OR(g->rows, g->nrows, g->caprows, row, { free(rows); g->nrows = first_row; return (size_t)-1; });
        rows[nv++] = v;
        r += k + 1;
        end = r;
    }
    if (nv == 0) {
        free(rows);
        g->nrows = first_row;
        return 0;
    }
    tb->titles[0] = (belopp_span){h.start, h.start};
    for (size_t c = 0; c < k; c++) {
        size_t y = c; /* the year of the quarter's run */
        while (year_of[y].start == year_of[y].end)
            y--;
        tb->titles[c + 1] = year_of[y];
        tb->columns[c].title2 = q[c];
    }
    tb->ntitles = k + 1;
    tb->exp10 = u.exp10;
    tb->currency = u.currency;
    tb->unit = u.words;
    tb->header = h;
    tb->caption = h;
    for (size_t x = i; x < j; x++)
        lines[x].kind = 1;
    for (size_t x = j; x < end; x++)
        lines[x].kind = 2;
    PUSH_OR(g->tables, g->ntables, g->captables, *tb, { free(rows); return (size_t)-1; });
    int rc = build_vertical(g, s, g->ntables - 1, first_row, g->nrows, rows);
    free(rows);
    return rc < 0 ? (size_t)-1 : end;
}

/* The section over line j of the table whose header is line i: the
 * nearest line of words above it, past rows and blank lines; empty when a
 * line of values only (another section's sum) or the header comes first. */
static belopp_span section_above(const char *s, const line *lines, size_t i, size_t j)
{
    for (size_t k = j; k-- > i + 1;) {
        belopp_span l = lines[k].trim;
        if (l.start == l.end || values_line(s, l))
            break; /* the rows of a section stand together */
        if (lines[k].kind == 2)
            continue;
        if (word_line(s, l))
            return l;
        break;
    }
    return (belopp_span){0, 0};
}

static int paren_section(const char *s, belopp_span l);

/* Is line j, inside a table of two columns or more (in_table), the label of
 * a row of counts or shares with its values apart, after a blank line or on
 * the next line ("Genomsnittligt antal aktier (1)" / "" / "12 450 000
 * 12 300 000 …"), as a page with a wide cell is copied?  No money, and the
 * rows after it are still the table's. */
static int counts_apart(const char *s, const line *lines, size_t n, size_t j, int in_table)
{
    if (!in_table || j + 2 >= n)
        return 0;
    size_t v = is_blank(lines, n, j + 1) ? j + 2 : j + 1;
    belopp_span l = lines[j].trim;
    unit_info u; /* ("Rörelseresultat per anställd, kkr": its own unit says money, as setup_row reads it) */
    return v + 1 < n && values_line(s, lines[v].trim) && (word_line(s, l) || paren_section(s, l)) &&
           names_shares(s, l) && !own_unit(s, l, &u);
}

/* Is line l a section inside a table whose only digits stand in a remark in
 * parentheses: "Avkastningsmått (rullande 12 månader)"? */
static int paren_section(const char *s, belopp_span l)
{
    if (l.start == l.end || l.end - l.start > 60 || !belopp_letter_at(s, l.start, l.end) ||
        s[l.end - 1] != ')')
        return 0;
    int depth = 0, digits = 0;
    for (size_t i = l.start; i < l.end; i++) {
        depth += s[i] == '(';
        depth -= s[i] == ')' && depth > 0;
        if (s[i] >= '0' && s[i] <= '9') {
            if (!depth)
                return 0;
            digits = 1;
        }
    }
    return digits;
}

/* Is line l a title piece of a table whose titles are not understood: a
 * short line of words, years or periods ("Apr-Jun", "12 mån", "dec 2018",
 * "Utfall 2016–2019 Budget 2016–2019", "U I U I"), no values but years?
 * Sets *year when it names a year. */
static int title_piece(const char *s, belopp_span l, int *year)
{
    if (l.start == l.end)
        return 1;
    if (l.end - l.start > 60)
        return 0;
    unsigned char z = (unsigned char)s[l.end - 1];
    belopp_row r;
    if (((z >= '0' && z <= '9') || z == '-' || z >= 0x80) &&
        (values_line(s, l) || rule_line(s, l) ||
         (table_row(s, l.start, l.end, 1, &r) && has_other_digits(s, r.values.start, r.values.end))))
        return 0;
    int letters = 0;
    for (size_t i = l.start; i < l.end; i++) {
        if (s[i] >= '0' && s[i] <= '9' && i + 4 <= l.end &&
            belopp_is_year(s, (belopp_span){i, i + 4}) && (i + 4 == l.end || s[i + 4] < '0' || s[i + 4] > '9') &&
            (i == l.start || s[i - 1] < '0' || s[i - 1] > '9'))
            *year = 1;
        letters |= belopp_letter_at(s, i, l.end);
    }
    if (s[l.end - 1] == '.' || s[l.end - 1] == ':')
        return 0; /* a sentence, a lead-in */
    return letters || belopp_is_year(s, l);
}

/* From line j on, the title pieces of titles not understood (at most 24
 * lines, a year among them, no sentence), then two rows of values: the
 * line of the first row, or j when the lines are not so. */
/* Are the only digits of l years ending a sentence or standing alone
 * ("Riksdagens beslut juni 2015. Regeringens …")? */
static int years_only(const char *s, belopp_span l)
{
    for (size_t i = l.start; i < l.end; i++)
        if (s[i] >= '0' && s[i] <= '9') {
            size_t e = i;
            while (e < l.end && s[e] >= '0' && s[e] <= '9')
                e++;
            if (!belopp_is_year(s, (belopp_span){i, e}) || (i > l.start && !belopp_space_at(s, i - 1, l.end)) ||
                (e < l.end && s[e] != '.' && !belopp_space_at(s, e, l.end)))
                return 0;
            i = e;
        }
    return 1;
}

static size_t skip_titles(const char *s, const line *lines, size_t n, size_t j)
{
    int year = 0, dated = 0;
    size_t k = j;
    for (; k < n && k < j + 24; k++) {
        if (title_piece(s, lines[k].trim, &year))
            continue;
        /* titles written as sentences, each dating a column ("Riksdagens
         * beslut juni 2015.", "Regeringens ändringsförslag september
         * 2015."): only where three rows follow */
        belopp_span l = lines[k].trim;
        if (l.end - l.start < 6 || l.end - l.start > 120 || s[l.end - 1] != '.' ||
            !belopp_is_year(s, (belopp_span){l.end - 5, l.end - 1}) ||
            (l.end - l.start > 6 && !belopp_space_at(s, l.end - 6, l.end)) ||
            !years_only(s, l))
            break;
        year = dated = 1;
    }
    belopp_row r;
    if (k == j || !year || k + 1 >= n || !table_row(s, lines[k].trim.start, lines[k].trim.end, 0, &r) ||
        !has_other_digits(s, r.values.start, r.values.end) ||
        !table_row(s, lines[k + 1].trim.start, lines[k + 1].trim.end, 0, &r) ||
        (dated && (k + 2 >= n || !table_row(s, lines[k + 2].trim.start, lines[k + 2].trim.end, 0, &r))))
        return j;
    return k;
}

/* Is l a section with its notes, in a table with a note column: words, then
 * notes of one or two digits ("Eget kapital, avsättningar och skulder 10,
 * 21")?  Returns the words, or an empty span. */
static belopp_span noted_section(const char *s, belopp_span l)
{
    size_t e = l.end, notes = 0;
    while (e > l.start) {
        size_t d = e;
        while (d > l.start && s[d - 1] >= '0' && s[d - 1] <= '9')
            d--;
        if (d == e || e - d > 2 || s[d] == '0' || d == l.start || s[d - 1] != ' ')
            break;
        notes++;
        e = d - 1;
        if (e > l.start && s[e - 1] == ',')
            e--; /* "10, 21" */
        else
            break;
    }
    belopp_span w = belopp_trim(s, l.start, e);
    if (!notes || w.end == l.end || (w.end > w.start && s[w.end - 1] == ',') || !word_line(s, w))
        return (belopp_span){l.start, l.start};
    return w;
}

/* --- tables that lost every separator (see glued.c) --------------------- */

/* The unit of a glued table whose titles are line t: a unit line above it
 * ("Resultaträkning (tkr)"), blank lines and one paragraph of prose between
 * at most; or the unit a sentence of that paragraph names ("Uppgifterna
 * redovisas i tusental kronor").  Where both name one, they must agree.
 * Fills *u and *at (the unit line, or SIZE_MAX for the paragraph).  Returns
 * 0 when none. */
static int glued_unit_above(const char *s, const line *lines, size_t n, size_t t, unit_info *u,
                            size_t *at)
{
    unit_info pu;
    int prose = prose_unit_above(s, lines, t, &pu), paragraphs = 0;
    for (size_t k = t; k > 0 && t - k < 6;) {
        k--;
        if (is_blank(lines, n, k))
            continue;
        belopp_table tb;
        memset(&tb, 0, sizeof tb);
        belopp_span l = lines[k].trim;
        /* a paragraph of sentences ending in a unit is no caption: its
         * words name the unit below */
        int sentences = s[l.end - 1] == '.';
        for (size_t q = l.start; q + 1 < l.end && !sentences; q++)
            sentences = s[q] == '.' && s[q + 1] == ' ';
        int kind = l.end - l.start <= 120 && !sentences ? unit_line(s, l.start, l.end, &tb, NULL) : U_NONE;
        if (kind == U_ALONE || kind == U_CAPTION) {
            if (prose && (pu.exp10 != tb.exp10 || !pu.currency || !tb.currency ||
                          strcmp(pu.currency, tb.currency) != 0))
                return 0; /* the caption and the prose disagree: no unit is clear */
            u->exp10 = tb.exp10;
            u->currency = tb.currency;
            u->words = tb.unit;
            *at = k;
            return 1;
        }
        if (++paragraphs > 1 || lines[k].kind)
            break;
    }
    if (!prose || !pu.currency)
        return 0;
    *u = pu;
    *at = SIZE_MAX; /* the words in the paragraph name it */
    return 1;
}

/* Reads the row of line l, its cells glued to its label and to each other,
 * under nc value columns of which the first is the total of the others.
 * Fills *row (left out, with why, when its cells cannot be told) and pushes
 * its cells.  Returns -1 when out of memory. */
static int glued_cells(belopp_segments *g, const char *s, belopp_span l, size_t v, size_t nc,
                       belopp_row *row)
{
    const belopp_table *tb = &g->tables[row->table];
    belopp_span cells[BELOPP_MAX_COLUMNS];
    /* the split must be the only one that adds up among all counts of
     * cells, not only those the titles allow (a title line that hides a
     * boundary, "Totalt (tkr)Utbildning", has fewer titles than cells) */
    unsigned long left = GLUED_BUDGET - g->gtries;
    size_t k = belopp_glued_split(s, (belopp_span){v, l.end}, BELOPP_MAX_COLUMNS, cells, &left);
    g->gtries = GLUED_BUDGET - left;
    if (k == (size_t)-1) {
        row->left_out = "its cells run together and more than one way of splitting them adds up to the "
                        "total (or there are too many ways to try)";
        return 0;
    }
    if (k == 0) {
        row->left_out = "its cells run together and no way of splitting them adds up to the total";
        return 0;
    }
    if (k > nc) {
        row->left_out = "its cells run together and add up only as more cells than the titles name";
        return 0;
    }
    size_t first = g->ncells;
    for (size_t c = 0; c < k; c++) {
        belopp_cell cell;
        memset(&cell, 0, sizeof cell);
        cell.text = cells[c];
        cell.row = g->nrows;
        /* a row short of cells: its total is the first, the others' columns
         * cannot be told (any of the parts may be the empty ones); they go
         * past the last column, named by the table's header alone */
        cell.column = k == nc || c == 0 ? c : nc;
        cell.money = row->money;
        cell.exp10 = tb->exp10;
        cell.currency = tb->currency;
        cell.unit = tb->unit;
        cell.is_total = c == 0 || row->is_total;
        cell.sum = c == 0 ? BELOPP_CELL_SUM_OK : BELOPP_CELL_SUM_NONE; /* the split is the one that adds up */
        size_t d = cells[c].start;
        while (d < cells[c].end && !(s[d] >= '0' && s[d] <= '9'))
            d++; /* past the sign */
        belopp_decimal dec;
        cell.status = belopp_parse_decimal(s + d, cells[c].end - d, &dec);
        if (cell.status == BELOPP_OK)
            cell.status = belopp_to_minor(dec, cell.exp10, &cell.minor);
        if (cell.status == BELOPP_OK && d > cells[c].start)
            cell.minor = -cell.minor;
        if (cell.status == BELOPP_OK && cell.money &&
            (cell.minor > PLAUSIBLE_MINOR || cell.minor < -PLAUSIBLE_MINOR)) {
            g->ncells = first;
            row->left_out = "a value too large for a table cell: its cells were split wrong";
            return 0;
        }
        PUSH(g->cells, g->ncells, g->capcells, cell);
    }
    row->cell = first;
    row->ncells = g->ncells - first;
    return 0;
}

/* A table copied from a web page that lost every separator: a title line
 * run together ("RiketTotaltUtbildning på grundnivå…Annan verksamhet") whose
 * first value column is a total ("Totalt"), then rows of a label glued to
 * its cells and the cells to each other ("Intäkter av anslag44 274
 * 54125 326 811…"), two or more, under a unit line or a paragraph naming
 * the unit.  Each row is split the one way its first cell is the sum of the
 * others (glued.c); a row where none or several ways add up is left out.
 * Line i is the title line.  Pushes the table and returns the line after
 * its last row; 0 when line i heads no such table; -1 when out of memory. */
static size_t glued_table(belopp_segments *g, const char *s, line *lines, size_t n, size_t i)
{
    belopp_span h = lines[i].trim;
    /* cheap tests first: the next two lines glued rows, this one none */
    if (i + 2 >= n || h.start == h.end || h.end - h.start > MAX_ROW_BYTES || lines[i].kind)
        return 0;
    for (size_t q = i + 1; q <= i + 2; q++) {
        belopp_span l = lines[q].trim;
        if (l.start == l.end || l.end - l.start > MAX_ROW_BYTES || belopp_glued_values(s, l) == l.end)
            return 0;
    }
    if (belopp_glued_values(s, h) != h.end || memchr(s + h.start, '\t', h.end - h.start))
        return 0;
    belopp_table tb;
    memset(&tb, 0, sizeof tb);
    size_t nt = belopp_glued_titles(s, h, tb.titles, BELOPP_MAX_COLUMNS);
    /* the stub, the total, and two parts or more; nothing but words */
    if (nt < 4 || !first_word_is(s, tb.titles[1], TOTAL) || has_other_digits(s, h.start, h.end))
        return 0;
    for (size_t c = 0; c < nt; c++)
        if (names_shares(s, tb.titles[c]))
            return 0; /* shares do not add up as money does */
    unit_info u;
    size_t at;
    if (!glued_unit_above(s, lines, n, i, &u, &at))
        return 0;
    tb.ntitles = nt;
    tb.exp10 = u.exp10;
    tb.currency = u.currency;
    tb.unit = u.words;
    /* the header names the unit (and the column of a cell whose column
     * cannot be told): the unit line, or the paragraph's words for it */
    tb.header = at == SIZE_MAX ? u.words : lines[at].trim;
    tb.caption = at == SIZE_MAX ? (belopp_span){0, 0} : lines[at].trim;
    tb.ncolumns = nt - 1;
    for (size_t c = 0; c < tb.ncolumns; c++) {
        belopp_column *col = &tb.columns[c];
        col->title = tb.titles[c + 1];
        col->money = 1;
        col->is_total = c == 0;
        col->exp10 = tb.exp10;
        col->currency = tb.currency;
        col->unit = tb.unit;
    }
    PUSH_OR(g->tables, g->ntables, g->captables, tb, return (size_t)-1);
    size_t j = i + 1, first_row = g->nrows, full = 0;
    for (; j < n; j++) {
        belopp_span l = lines[j].trim;
        size_t v;
        if (l.start == l.end || l.end - l.start > MAX_ROW_BYTES || (v = belopp_glued_values(s, l)) == l.end)
            break;
        belopp_row row;
        memset(&row, 0, sizeof row);
        row.label = belopp_trim(s, l.start, v);
        row.values = (belopp_span){v, l.end};
        row.line = l;
        row.table = g->ntables - 1;
        row.is_total = first_word_is(s, row.label, TOTAL);
        row.money = !names_shares(s, row.label);
        row.exp10 = tb.exp10;
        if (glued_cells(g, s, l, v, tb.ncolumns, &row) < 0)
            return (size_t)-1;
        PUSH_OR(g->rows, g->nrows, g->caprows, row, return (size_t)-1);
        lines[j].kind = 2;
        full += row.ncells == tb.ncolumns;
    }
    if (!full) {
        /* no row fills every column: nothing proves the title line was
         * split where the cells are, so only the total keeps its title */
        for (size_t r = first_row; r < g->nrows; r++)
            for (size_t c = 1; c < g->rows[r].ncells; c++)
                g->cells[g->rows[r].cell + c].column = tb.ncolumns;
    }
    lines[i].kind = 1;
    return j;
}

/* --- price tables (taxor) ----------------------------------------------- */

/* A municipal fee list ("taxa") is a table of prices in kronor: a caption
 * or column heading names the currency with no scale ("Grundavgift (per år
 * i kronor)", "Förenings-taxa kr/tim.", "Pris inkl. moms (kr)"), headings
 * of words may follow ("Inkl moms Exkl moms"), then rows "label price
 * price…".  Such lists write a price as digits with no thousands space
 * ("2068,75", "1655", "1000"), so "675 540" is two prices where a
 * statement in millions would read one number.  That reading is taken only
 * where the same block proves it: a price of four digits or more written
 * so (no year), or a row whose numbers cannot join at all ("75 75").  The
 * column count comes from the headings: the "moms" words of an inkl/exkl
 * header, or the captions naming the unit one a column ("Kategori 1 …
 * kr/tim" / "Kategori 2 … kr/tim"); a row with more numbers than that is
 * left out unless the extra ones lead it as a size of one or two digits
 * ("Konstgräs 11 210 420 630": plan size 11).  A row short of cells fills
 * the first columns (an inkl/exkl pair left empty at the end); its last
 * cells may stand alone on the next line ("Simbana 200 400" / "" / "800").
 * A label may wrap over two lines above a line of prices ("Sporthall/" /
 * "friidrottsytor" / "200 400 600"). */

#define PRICE_MAX_LINES 200 /* lines one price block may span */

/* Is s[a, b) a price as such lists write it: 1-6 digits, no leading zero
 * but "0" itself, and a decimal comma with one or two digits?  Sets
 * *idigits (digits before the comma) and *frac. */
static int price_token(const char *s, size_t a, size_t b, int *idigits, int *frac)
{
    size_t i = a;
    while (i < b && s[i] >= '0' && s[i] <= '9')
        i++;
    if (i == a || i - a > 6 || (s[a] == '0' && i - a > 1))
        return 0;
    *idigits = (int)(i - a);
    *frac = 0;
    if (i < b && s[i] == ',') {
        size_t f = ++i;
        while (i < b && s[i] >= '0' && s[i] <= '9')
            i++;
        if (i - f < 1 || i - f > 2)
            return 0;
        *frac = 1;
    }
    return i == b;
}

typedef struct {
    size_t n;                      /* prices ending the line */
    belopp_span tok[BELOPP_MAX_COLUMNS + 1];
    int idigits[BELOPP_MAX_COLUMNS + 1], frac[BELOPP_MAX_COLUMNS + 1];
    belopp_span label;             /* the words before them (may be empty) */
    int four;                      /* a price of four digits or more, no year */
    int joinable;                  /* two neighbours could be one grouped number */
    int grouped;                   /* "2 950": one digit, then three; 2 where no
                                      label is before it (a size may lead a row:
                                      "Konstgräs 7 150 300 450") */
} price_line;


/* The words of line l (runs between spaces) into w[0, *n).  Returns 0 when
 * it has more than max (the row readers below then read no row there). */
static int line_words(const char *s, belopp_span l, belopp_span *w, size_t max, size_t *n)
{
    size_t nw = 0;
    for (size_t i = belopp_skip_spaces(s, l.start, l.end); i < l.end; i = belopp_skip_spaces(s, i, l.end)) {
        size_t e = i;
        while (e < l.end && !belopp_space_at(s, e, l.end))
            e++;
        if (nw == max)
            return 0;
        w[nw++] = (belopp_span){i, e};
        i = e;
    }
    *n = nw;
    return 1;
}

/* Reads the prices that end line l (at most BELOPP_MAX_COLUMNS + 1; a line
 * with more is none) into *p.  Returns p->n. */
static size_t price_row(const char *s, belopp_span l, price_line *p)
{
    memset(p, 0, sizeof *p);
    p->label = l;
    /* the words of the line, then the run of prices that ends it (a word
     * glued to digits, "avlopp36,49", is no price and ends the run) */
    belopp_span w[MAX_TOKENS];
    size_t nw;
    if (!line_words(s, l, w, MAX_TOKENS, &nw))
        return 0; /* too long for a row of a price list */
    size_t first = nw;
    int id, fr;
    while (first > 0 && price_token(s, w[first - 1].start, w[first - 1].end, &id, &fr))
        first--;
    if (first == nw || nw - first > BELOPP_MAX_COLUMNS)
        return 0;
    p->n = nw - first;
    size_t first_start = w[first].start;
    for (size_t k = 0; k < p->n; k++) {
        p->tok[k] = w[first + k];
        price_token(s, p->tok[k].start, p->tok[k].end, &p->idigits[k], &p->frac[k]);
        /* (four digits exactly: "414023" is a price glued to a code) */
        if (p->idigits[k] == 4 && !(!p->frac[k] && belopp_is_year(s, p->tok[k])))
            p->four = 1;
        if (k && p->idigits[k] == 3 && p->idigits[k - 1] <= 3 && !p->frac[k - 1]) {
            p->joinable = 1;
            /* "2 950": a single digit before three is how a page that
             * groups thousands writes them, not two prices of a row */
            if (p->idigits[k - 1] == 1)
                p->grouped |= k >= 2 || l.start == first_start ? 2 : 1;
        }
    }
    p->label = belopp_trim(s, l.start, p->tok[0].start);
    return p->n;
}

/* What the prices of a list are per, from its caption or column heading
 * whose currency word is s[a, c): the word after a slash ("kr/tim." gives
 * "tim", "Avgift kr/år" gives "år"), or the words between "per" and "i"
 * before it ("(per behållare och år i kronor)" gives "behållare och år");
 * empty when the line says none. */
static belopp_span price_per(const char *s, belopp_span l, size_t a, size_t c)
{
    if (c < l.end && s[c] == '/') {
        size_t e = belopp_word_end(s, c + 1, l.end);
        return e > c + 1 ? (belopp_span){c + 1, e} : (belopp_span){0, 0};
    }
    size_t i = a;
    while (i > l.start && (s[i - 1] == '(' || belopp_space_at(s, i - 1, a)))
        i--;
    if (i - l.start < 2 || s[i - 1] != 'i' || !belopp_space_at(s, i - 2, i))
        return (belopp_span){0, 0}; /* no " i " before the currency */
    size_t end = i - 1;
    for (size_t q = l.start; q + 4 <= end; q++)
        if ((q == l.start || s[q - 1] == '(' || belopp_space_at(s, q - 1, end)) &&
            strncasecmp(s + q, "per", 3) == 0 && belopp_space_at(s, q + 3, end)) {
            belopp_span w = belopp_trim(s, q + 4, end);
            return w.start < w.end ? w : (belopp_span){0, 0};
        }
    return (belopp_span){0, 0};
}

/* Does line l name a currency without a scale, as a price list's caption
 * or column heading does ("(per år i kronor)", "kr/tim.", "(kr)")?  No
 * number stands right before it (that is an amount: "500 kr"), no scale
 * word ("Miljoner kronor"), and the line is short.  Fills *u. */
static int price_unit_line(const char *s, belopp_span l, unit_info *u, belopp_span *per)
{
    *per = (belopp_span){0, 0};
    if (l.start == l.end || l.end - l.start > 100)
        return 0;
    size_t words = 0, i = l.start, prev = SIZE_MAX, prev_end = 0; /* the word before */
    size_t prev2 = SIZE_MAX, prev2_end = 0;                       /* and the one before it */
    int found = 0, prev_number = 0;
    while (i < l.end) {
        i = belopp_skip_spaces(s, i, l.end);
        if (i >= l.end)
            break;
        size_t w = i;
        while (w < l.end && !belopp_space_at(s, w, l.end))
            w++;
        if (++words > 14)
            return 0;
        /* the word without brackets and after-marks: "(kronor)", "kr/tim.", "kr," */
        size_t a = i, b = w;
        while (a < b && s[a] == '(')
            a++;
        size_t c = a;
        while (c < b && s[c] != '/' && s[c] != ')' && s[c] != ',' && s[c] != '.' && s[c] != ':')
            c++;
        const belopp_unit *un = NULL;
        size_t before = prev, before_end = prev_end; /* the word before the unit */
        if (c > a && belopp_unit_may_start(s + a, c - a) && (un = belopp_unit_lookup(s + a, c - a)) &&
            un->kind == BELOPP_UNIT_CURRENCY && prev != SIZE_MAX) {
            /* with the word before: "norska kronor" is NOK, not kronor */
            const belopp_unit *two = belopp_unit_lookup(s + prev, c - prev);
            if (two && two->kind == BELOPP_UNIT_CURRENCY) {
                un = two;
                a = prev;
                before = prev2;
                before_end = prev2_end;
            }
        }
        int id, fr;
        if (un && un->kind == BELOPP_UNIT_CURRENCY)
            prev_number = before != SIZE_MAX && price_token(s, before, before_end, &id, &fr);
        if (un && un->kind == BELOPP_UNIT_SCALE)
            return 0; /* "Miljoner kronor", "tusen kr": not a price list */
        if (un && un->kind == BELOPP_UNIT_CURRENCY) {
            if (un->exp10 != 0 || prev_number)
                return 0; /* "tkr", "Mkr"; "500 kr" is an amount */
            if (!found) {
                u->exp10 = 0;
                u->currency = un->currency;
                u->words = (belopp_span){a, c};
                *per = price_per(s, l, a, c);
            } else if (strcmp(u->currency, un->currency) != 0) {
                return 0;
            }
            found = 1;
        }
        prev2 = prev;
        prev2_end = prev_end;
        prev = i;
        prev_end = w;
        i = w;
    }
    return found;
}

/* How many times the word "moms" stands in line l: the columns of an
 * "Inkl moms Exkl moms" heading. */
static size_t moms_words(const char *s, belopp_span l)
{
    size_t k = 0;
    for (size_t i = l.start; i + 4 <= l.end; i++)
        if (strncasecmp(s + i, "moms", 4) == 0 && (i == l.start || belopp_space_at(s, i - 1, l.end)) &&
            (i + 4 == l.end || !belopp_letter_at(s, i + 4, l.end)))
            k++;
    return k;
}

/* Is line l prose that ends a price block: long, or a sentence of several
 * words ending in a full stop, or an amount with its own unit ("292 kr/år":
 * another layout the table stage reads elsewhere), or a share? */
static int price_block_end(const char *s, belopp_span l)
{
    if (l.end - l.start > 100 || memchr(s + l.start, '%', l.end - l.start))
        return 1;
    size_t words = 0;
    int prev_number = 0;
    for (size_t i = belopp_skip_spaces(s, l.start, l.end); i < l.end; i = belopp_skip_spaces(s, i, l.end)) {
        size_t w = i;
        while (w < l.end && !belopp_space_at(s, w, l.end))
            w++;
        words++;
        size_t c = i;
        while (c < w && s[c] != '/' && s[c] != ')' && s[c] != ',' && s[c] != '.')
            c++;
        if (prev_number && c > i && belopp_unit_may_start(s + i, c - i) && belopp_unit_lookup(s + i, c - i))
            return 1;
        int id, fr;
        prev_number = price_token(s, i, w, &id, &fr);
        i = w;
    }
    return words >= 6 && s[l.end - 1] == '.';
}

/* Pushes one cell of a price row. */
static int price_cell(belopp_segments *g, const char *s, const belopp_table *tb, size_t r,
                      belopp_span text, size_t column)
{
    belopp_cell cell;
    memset(&cell, 0, sizeof cell);
    cell.text = text;
    cell.row = r;
    cell.column = column;
    cell.money = g->rows[r].money;
    cell.exp10 = tb->exp10;
    cell.currency = tb->currency;
    cell.unit = tb->unit;
    cell.is_total = g->rows[r].is_total;
    belopp_decimal d;
    cell.status = belopp_parse_decimal(s + text.start, text.end - text.start, &d);
    if (cell.status == BELOPP_OK)
        cell.status = belopp_to_minor(d, cell.exp10, &cell.minor);
    PUSH(g->cells, g->ncells, g->capcells, cell);
    return 0;
}

/* A price list whose caption is line i (price_unit_line).  Pushes the table
 * with its rows and cells and returns the line after its last row; 0 when
 * line i heads no such list; -1 when out of memory. */
static size_t price_table(belopp_segments *g, const char *s, line *lines, size_t n, size_t i)
{
    unit_info u;
    belopp_span h = lines[i].trim;
    price_line p;
    belopp_span per, per2;
    if (lines[i].kind || !price_unit_line(s, h, &u, &per) || price_row(s, h, &p))
        return 0;
    /* pass 1: the block's extent, its rows, and the proof that its prices
     * are written without thousands spaces */
    size_t end = i + 1, rows = 0, units = 1, first_row = 0;
    int four = 0;
    for (size_t j = i + 1; j < n && j < i + PRICE_MAX_LINES; j++) {
        belopp_span l = lines[j].trim;
        if (lines[j].kind)
            break;
        if (l.start == l.end)
            continue;
        unit_info u2;
        if (price_row(s, l, &p)) {
            if (p.grouped == 2)
                return 0; /* the page groups thousands: not this layout */
            four |= p.four;
            rows++;
            if (!first_row)
                first_row = j;
            end = j + 1;
            continue;
        }
        if (price_block_end(s, l))
            break;
        if (price_unit_line(s, l, &u2, &per2)) {
            if (strcmp(u2.currency, u.currency) != 0)
                break;
            if (!first_row)
                units++;
        }
        if (!first_row && j > i + 12)
            return 0; /* no row near the caption */
        if (first_row && j > end + 12)
            break; /* no row near: the list has ended (and a chunk of a
                    * large input may be cut here, see extract.c) */
    }
    if (rows < 2 || !first_row)
        return 0;
    belopp_table tb; /* the table the next rows go in, pushed at its first row */
    memset(&tb, 0, sizeof tb);
    tb.header = tb.caption = h;
    tb.exp10 = 0;
    tb.currency = u.currency;
    tb.unit = u.words;
    tb.per = per;
    for (size_t c = 0; c < BELOPP_MAX_COLUMNS; c++) {
        tb.columns[c].money = 1;
        tb.columns[c].currency = u.currency;
        tb.columns[c].unit = u.words;
    }
    size_t k = 0; /* columns the headings name; 0 when none does */
    if (units >= 2) {
        /* one caption a column ("Kategori 1. Förenings-taxa kr/tim." /
         * "Kategori 2. Normaltaxa" / "kr/tim." / …): each titles one */
        for (size_t j = i; j < first_row && k < BELOPP_MAX_COLUMNS; j++) {
            unit_info u2;
            belopp_span l = lines[j].trim;
            if (l.start == l.end || !price_unit_line(s, l, &u2, &per2))
                continue;
            belopp_column *col = &tb.columns[k++];
            col->title = l;
            col->title2 = (belopp_span){0, 0};
            if (u2.words.start == l.start && j > i && !is_blank(lines, n, j - 1)) {
                col->title = lines[j - 1].trim; /* the title, its unit wrapped under it */
                col->title2 = l;
            }
            if (per2.start == per2.end || per.start == per.end || per2.end - per2.start != per.end - per.start ||
                memcmp(s + per2.start, s + per.start, per.end - per.start) != 0)
                tb.per = (belopp_span){0, 0}; /* the columns are per different things */
        }
        if (k != units)
            k = 0;
    }
    belopp_span caption_per = tb.per;
    size_t nrows0 = g->nrows, ntables0 = g->ntables, ti = SIZE_MAX, maxcol = 0, cells = 0;
    int dirty = 1; /* tb differs from the last table pushed */
    int headed = 0; /* a row stood under headings that count its columns */
    /* pass 2: the rows */
    size_t label_at = SIZE_MAX, label_lines = 0, open_row = SIZE_MAX, open_line = 0;
    for (size_t j = i + 1; j < end; j++) {
        belopp_span l = lines[j].trim;
        if (l.start == l.end)
            continue;
        if (!price_row(s, l, &p)) {
            /* a heading or a label over its prices */
            size_t m = moms_words(s, l);
            unit_info u2;
            if (m >= 2 && m <= BELOPP_MAX_COLUMNS) {
                /* "Inkl moms Exkl moms …": a column a "moms", titled by the
                 * words up to it */
                k = m;
                size_t from = l.start, c = 0;
                for (size_t q = l.start; q + 4 <= l.end && c < m; q++)
                    if (strncasecmp(s + q, "moms", 4) == 0 && (q == l.start || belopp_space_at(s, q - 1, l.end)) &&
                        (q + 4 == l.end || !belopp_letter_at(s, q + 4, l.end))) {
                        tb.columns[c].title = belopp_trim(s, from, q + 4);
                        tb.columns[c++].title2 = (belopp_span){0, 0};
                        from = q + 4;
                    }
                /* column groups over the pairs ("Fast avgift Rörlig avgift"):
                 * the caption's per may hold for one group only (a fixed fee
                 * per year, a charge per kilo) */
                tb.per = m >= 4 && j > i + 1 && !is_blank(lines, n, j - 1) ? (belopp_span){0, 0} : caption_per;
                dirty = 1;
            } else if (price_unit_line(s, l, &u2, &per2)) {
                if (j > first_row) { /* a new caption: the lists under it */
                    tb.header = tb.caption = l;
                    tb.per = caption_per = per2;
                    dirty = 1;
                }
            } else if (m == 0 && l.end - l.start <= 60) {
                if (label_at == SIZE_MAX || label_lines >= 2 || is_blank(lines, n, j - 1))
                    label_at = j, label_lines = 0;
                label_lines++;
            }
            open_row = SIZE_MAX;
            continue;
        }
        if (dirty || ti == SIZE_MAX) {
            if (ti != SIZE_MAX)
                g->tables[ti].ncolumns = maxcol;
            PUSH_OR(g->tables, g->ntables, g->captables, tb, return (size_t)-1);
            ti = g->ntables - 1;
            maxcol = 0;
            dirty = 0;
        }
        belopp_row row;
        memset(&row, 0, sizeof row);
        row.table = ti;
        row.money = 1;
        row.line = (belopp_span){p.label.start < p.label.end ? p.label.start : p.tok[0].start,
                                 p.tok[p.n - 1].end};
        size_t from = 0;
        if (p.label.start == p.label.end) {
            /* prices alone: the last cells of the row above, or a row whose
             * label stands over them */
            if (open_row != SIZE_MAX && k && g->rows[open_row].ncells + p.n == k && j - open_line <= 2 &&
                g->rows[open_row].cell + g->rows[open_row].ncells == g->ncells) {
                size_t c0 = g->rows[open_row].ncells;
                for (size_t c = 0; c < p.n; c++)
                    if (price_cell(g, s, &g->tables[ti], open_row, p.tok[c], c0 + c) < 0)
                        return (size_t)-1;
                belopp_row *o = &g->rows[open_row];
                o->ncells += p.n;
                o->values.end = o->line.end = p.tok[p.n - 1].end;
                open_row = SIZE_MAX;
                lines[j].kind = 2;
                cells += p.n;
                if (c0 + p.n > maxcol)
                    maxcol = c0 + p.n;
                continue;
            }
            if (label_at == SIZE_MAX || j - label_at > label_lines + 1)
                goto left;
            row.label = (belopp_span){lines[label_at].trim.start, lines[label_at + label_lines - 1].trim.end};
            row.line.start = row.label.start;
        } else {
            row.label = p.label;
        }
        size_t top = p.label.start < p.label.end ? j : label_at;
        label_at = SIZE_MAX;
        if (k && p.n > k) {
            /* a size leading the prices ("Konstgräs 11 210 420 630") */
            from = p.n - k;
            for (size_t c = 0; c < from; c++)
                if (p.idigits[c] > 2 || p.frac[c])
                    goto left;
            if (p.label.start == p.label.end)
                goto left;
            row.label.end = p.tok[from - 1].end;
        }
        if (p.n - from >= 2 && p.idigits[from] == 1 && !p.frac[from] && p.idigits[from + 1] == 3) {
            row.left_out = "its first price may be a thousands group of the next";
            goto push_left;
        }
        if (p.joinable && !four) {
            headed |= k != 0;
            row.left_out = "its prices may be one number with a thousands space or several: the list "
                           "writes no price of four digits to tell";
            goto push_left;
        }
        if (!k) {
            row.left_out = "no heading counts the price columns";
            goto push_left;
        }
        headed = 1;
        /* a mark closing the label ("Säck 160 liter*"); not clean_label,
         * which takes "³" of "Tank 3 m³" for a footnote */
        while (row.label.end > row.label.start && s[row.label.end - 1] == '*')
            row.label = belopp_trim(s, row.label.start, row.label.end - 1);
        row.is_total = first_word_is(s, row.label, TOTAL);
        /* "Antal tömningar 26 52": counts ("1 ggr/vecka" in a label is how
         * often, no multiple: names_shares would take it so) */
        static const char *const COUNTS[] = {"antal", "andel", "procent", NULL};
        row.money = !first_word_is(s, row.label, COUNTS) && !memchr(s + row.label.start, '%', row.label.end - row.label.start) &&
                    !times_tail(s, row.label) && !measure_tail(s, row.label);
        row.values = (belopp_span){p.tok[from].start, p.tok[p.n - 1].end};
        PUSH_OR(g->rows, g->nrows, g->caprows, row, return (size_t)-1);
        {
            size_t r = g->nrows - 1, first = g->ncells;
            for (size_t c = from; c < p.n; c++)
                if (price_cell(g, s, &g->tables[ti], r, p.tok[c], c - from) < 0)
                    return (size_t)-1;
            g->rows[r].cell = first;
            g->rows[r].ncells = g->ncells - first;
            cells += g->rows[r].ncells;
            if (g->rows[r].ncells > maxcol)
                maxcol = g->rows[r].ncells;
            open_row = g->rows[r].ncells < k ? r : SIZE_MAX;
            open_line = j;
        }
        for (size_t q = top; q <= j; q++)
            if (!is_blank(lines, n, q))
                lines[q].kind = 2;
        continue;
    left:
        row.left_out = "its prices do not fit the columns the headings name";
    push_left:
        label_at = SIZE_MAX;
        open_row = SIZE_MAX;
        row.values = (belopp_span){p.tok[0].start, p.tok[p.n - 1].end};
        PUSH_OR(g->rows, g->nrows, g->caprows, row, return (size_t)-1);
        lines[j].kind = 2;
    }
    if (!cells && !headed) {
        /* no heading counted the columns and nothing was read: no price
         * list, and nothing to say about it */
        for (size_t q = i + 1; q < end; q++)
            lines[q].kind = 0; /* (pass 1 took only lines of kind 0) */
        g->nrows = nrows0;
        g->ntables = ntables0;
        return 0;
    }
    g->tables[ti].ncolumns = maxcol ? maxcol : k;
    lines[i].kind = 1;
    return end;
}

/* A price example ("prisexempel"): column headings one a line, blank lines
 * between, the first value column a total naming the price unit ("Total
 * kostnad kr/år") and the rest its parts ("Varav fast avgift" / "Varav
 * energiavgift"); then rows of a label (often a quantity: "15 000 kWh")
 * and the values with thousands spaces and single spaces between cells
 * ("8 840 4 640 4 200"), the values of a row sometimes broken over the
 * next lines ("20 000 kWh" / "10 240" / "4 640 5 600").  The groups alone
 * leave the split open; the total decides it: the one split (no cell
 * across a line break) whose first cell is the exact sum of the others.
 * Where none or several add up, the row is left out. */

#define SUM_MAX_GROUPS 24

typedef struct {
    const char *s;
    const belopp_span *g;
    const size_t *line_of;
    size_t ng, k;
    size_t cur[9], best[9];
    int found; /* splits that add up: 0, 1, or 2 for more */
} sum_search;

/* The value of groups g[a, b) as one number (thousands groups). */
static int sum_value_of(const sum_search *q, size_t a, size_t b, int64_t *v)
{
    *v = 0;
    for (size_t x = a; x < b; x++) {
        int64_t gv = 0;
        for (size_t i = q->g[x].start; i < q->g[x].end; i++)
            gv = gv * 10 + (q->s[i] - '0');
        if (__builtin_mul_overflow(*v, 1000, v) || __builtin_add_overflow(*v, gv, v))
            return 0;
    }
    return 1;
}

/* Cells c.. of a split starting at group a (depth at most 8). */
static void sum_try(sum_search *q, size_t c, size_t a)
{
    if (q->found > 1)
        return;
    if (c == q->k) {
        if (a != q->ng)
            return;
        int64_t total, sum = 0, v;
        if (!sum_value_of(q, q->cur[0], q->cur[1], &total))
            return;
        for (size_t x = 1; x < q->k; x++) {
            size_t e = x + 1 < q->k ? q->cur[x + 1] : q->ng;
            if (!sum_value_of(q, q->cur[x], e, &v) || __builtin_add_overflow(sum, v, &sum))
                return;
        }
        if (sum == total && q->found++ == 0)
            memcpy(q->best, q->cur, sizeof q->cur);
        return;
    }
    q->cur[c] = a;
    for (size_t l = 1; a + l <= q->ng && l <= 7; l++) {
        const belopp_span *x = &q->g[a + l - 1];
        size_t gl = x->end - x->start;
        if (l == 1 ? gl < 1 || gl > 3 || (gl > 1 && q->s[x->start] == '0')
                   : gl != 3 || q->line_of[a + l - 1] != q->line_of[a])
            break; /* (a longer cell is no better) */
        sum_try(q, c + 1, a + l);
    }
}

/* Splits the digit groups g[0, ng) (line_of[]: the line each stands on)
 * into k cells whose first is the sum of the others.  A cell is a first
 * group of 1-3 digits (no leading zero but "0" alone), then groups of
 * exactly three, all on one line.  Writes each cell's first group to
 * start[] (start[k] = ng); returns 1 when exactly one split adds up, 0
 * when none does, -1 when several do. */
static int sum_split(const char *s, const belopp_span *g, const size_t *line_of, size_t ng, size_t k,
                     size_t *start)
{
    if (ng < k || ng > SUM_MAX_GROUPS || k < 3 || k > 8)
        return 0;
    sum_search q = {.s = s, .g = g, .line_of = line_of, .ng = ng, .k = k};
    sum_try(&q, 0, 0);
    if (q.found != 1)
        return q.found ? -1 : 0;
    memcpy(start, q.best, k * sizeof start[0]);
    start[k] = ng;
    return 1;
}

/* The digit groups at the end of line l after its label (words, which may
 * hold numbers: "1000 MWh"): each group 1-3 digits alone between spaces.
 * Returns how many (0 when the line ends in no such group or a group is
 * longer), *label the words before them. */
static size_t sum_groups(const char *s, belopp_span l, belopp_span *g, size_t max, belopp_span *label)
{
    belopp_span w[MAX_TOKENS];
    size_t nw;
    if (!line_words(s, l, w, MAX_TOKENS, &nw))
        return 0;
    size_t first = nw;
    while (first > 0) {
        belopp_span x = w[first - 1];
        size_t d = x.start;
        while (d < x.end && s[d] >= '0' && s[d] <= '9')
            d++;
        if (d != x.end)
            break;
        first--;
    }
    *label = nw && first < nw ? belopp_trim(s, l.start, w[first].start) : l;
    size_t n = 0;
    for (size_t q = first; q < nw; q++) {
        if (w[q].end - w[q].start > 3 || n == max)
            return 0; /* "2400": no group of a spaced number */
        g[n++] = w[q];
    }
    return n;
}

/* A price example whose total heading is line i.  Pushes the table, its
 * rows and cells; returns the line after its last row, 0 when line i heads
 * no such table, -1 when out of memory. */
static size_t sum_price_table(belopp_segments *g, const char *s, line *lines, size_t n, size_t i)
{
    static const char *const TOTALS[] = {"total", "totalt", "summa", NULL};
    static const char *const PARTS[] = {"varav", "d\xC3\xA4rav", NULL};
    unit_info u;
    belopp_span per, label, gr[SUM_MAX_GROUPS];
    belopp_span h = lines[i].trim;
    if (lines[i].kind || !first_word_is(s, h, TOTALS) || !price_unit_line(s, h, &u, &per) ||
        sum_groups(s, h, gr, SUM_MAX_GROUPS, &label))
        return 0;
    /* the parts' headings, one a line, up to the first row */
    belopp_span titles[8];
    size_t k = 0, j = i + 1;
    titles[k++] = h;
    for (; j < n && j < i + 12; j++) {
        belopp_span l = lines[j].trim;
        if (l.start == l.end)
            continue;
        if (!first_word_is(s, l, PARTS) || k == 8 || l.end - l.start > 60 || has_digit(s, l.start, l.end))
            break;
        titles[k++] = l;
    }
    if (k < 3 || j >= n)
        return 0;
    belopp_table tb;
    memset(&tb, 0, sizeof tb);
    tb.header = h;
    tb.caption = h;
    tb.exp10 = 0;
    tb.currency = u.currency;
    tb.unit = u.words;
    tb.per = per;
    tb.ncolumns = k;
    for (size_t c = 0; c < k; c++) {
        belopp_column *col = &tb.columns[c];
        col->title = titles[c];
        col->money = 1;
        col->is_total = c == 0;
        col->currency = u.currency;
        col->unit = u.words;
    }
    size_t nrows0 = g->nrows, ntables0 = g->ntables, end = j, cells = 0;
    PUSH_OR(g->tables, g->ntables, g->captables, tb, return (size_t)-1);
    while (j < n) {
        belopp_span l = lines[j].trim;
        if (l.start == l.end) {
            j++;
            continue;
        }
        size_t ng = sum_groups(s, l, gr, SUM_MAX_GROUPS, &label), line_of[SUM_MAX_GROUPS];
        if (label.start == label.end)
            break; /* a row starts with its label */
        for (size_t q = 0; q < ng; q++)
            line_of[q] = j;
        /* the values may go on over the next lines (values only, blank
         * lines between): take lines while no split adds up */
        size_t start[9], last = j, q = j + 1;
        int r = sum_split(s, gr, line_of, ng, k, start);
        while (r == 0 && q < n && q <= last + 2) {
            belopp_span lq = lines[q].trim, lab2;
            if (lq.start == lq.end) {
                q++;
                continue;
            }
            size_t m = sum_groups(s, lq, gr + ng, SUM_MAX_GROUPS - ng, &lab2);
            if (!m || lab2.start != lab2.end)
                break;
            for (size_t x = ng; x < ng + m; x++)
                line_of[x] = q;
            ng += m;
            last = q++;
            r = sum_split(s, gr, line_of, ng, k, start);
        }
        if (!ng)
            break; /* a line of words: the table has ended */
        belopp_row row;
        memset(&row, 0, sizeof row);
        row.table = g->ntables - 1;
        row.money = 1;
        row.label = label;
        row.values = (belopp_span){gr[0].start, gr[ng - 1].end};
        row.line = (belopp_span){l.start, gr[ng - 1].end};
        if (r != 1) {
            if (last == j && ng == 1 && lines[j].trim.end - label.end < 8)
                break; /* "Flerbostadshus med kategorital 2400"-like: no row */
            row.left_out = r < 0 ? "more than one split of its values adds up to the total"
                                 : "no split of its values adds up to the total";
            PUSH_OR(g->rows, g->nrows, g->caprows, row, return (size_t)-1);
            for (size_t x = j; x <= last; x++)
                lines[x].kind = 2;
            end = j = last + 1;
            continue;
        }
        PUSH_OR(g->rows, g->nrows, g->caprows, row, return (size_t)-1);
        size_t rr = g->nrows - 1, first = g->ncells;
        for (size_t c = 0; c < k; c++) {
            belopp_cell cell;
            memset(&cell, 0, sizeof cell);
            cell.text = (belopp_span){gr[start[c]].start, gr[start[c + 1] - 1].end};
            cell.row = rr;
            cell.column = c;
            cell.money = 1;
            cell.currency = u.currency;
            cell.unit = u.words;
            cell.is_total = c == 0;
            cell.sum = c == 0 ? BELOPP_CELL_SUM_OK : BELOPP_CELL_SUM_NONE;
            belopp_decimal d;
            cell.status = belopp_parse_decimal(s + cell.text.start, cell.text.end - cell.text.start, &d);
            if (cell.status == BELOPP_OK)
                cell.status = belopp_to_minor(d, 0, &cell.minor);
            PUSH_OR(g->cells, g->ncells, g->capcells, cell, return (size_t)-1);
        }
        g->rows[rr].cell = first;
        g->rows[rr].ncells = k;
        cells += k;
        for (size_t x = j; x <= last; x++)
            lines[x].kind = 2;
        end = j = last + 1;
    }
    if (!cells) {
        for (size_t x = i + 1; x < end; x++)
            lines[x].kind = 0;
        g->nrows = nrows0;
        g->ntables = ntables0;
        return 0;
    }
    lines[i].kind = 1;
    return end;
}

/* A fee list with one price column and a note column after it: the titles
 * ("Abonnemang (kärlstorlek) Årskostnad"), the unit of the price column on a
 * line of its own under them ("(kr)"), the note column's title ("Notering"),
 * then rows "label price [note]" with thousands spaces ("140 L, hämtning
 * varannan vecka 1 903", "… 1 092 Kompost krävs", "… 676 10 hämtningar").
 * The price is the last run of numbers of the row; a note after it is
 * words starting with a capital, or a count and its noun ("10 hämtningar").
 * Where a count may have been taken into the price ("1 260 104
 * hämtningar"), or the price is no single number, the row is left out. */
static const char *const NOTE_COLUMN[] = {"notering", "noteringar", "anm\xC3\xA4rkning", "anm\xC3\xA4rkningar",
                                          "kommentar", "kommentarer", NULL};

/* Reads the price of row l of such a list: *label the words before it,
 * *price its text.  Returns 1 when read, 0 when l is no such row, -1 when
 * it is one but its price cannot be told (a count may be in it). */
static int noted_row(const char *s, belopp_span l, belopp_span *label, belopp_span *price)
{
    belopp_span w[MAX_TOKENS];
    size_t nw;
    if (!line_words(s, l, w, MAX_TOKENS, &nw))
        return 0;
    /* the last run of numbers (digits only), and what follows it */
    size_t b = nw;
    while (b > 0 && !has_digit(s, w[b - 1].start, w[b - 1].end))
        b--;
    size_t a = b;
    while (a > 0) {
        belopp_span x = w[a - 1];
        size_t d = x.start;
        while (d < x.end && s[d] >= '0' && s[d] <= '9')
            d++;
        if (d != x.end || d - x.start > 3)
            break;
        a--;
    }
    if (a == b || a == 0)
        return 0;
    /* a word of letters ends the label */
    belopp_span lw = w[a - 1];
    if (!belopp_letter_at(s, lw.end - 1, lw.end) && s[lw.end - 1] != ')')
        return 0;
    *label = belopp_trim(s, l.start, w[a].start);
    *price = (belopp_span){w[a].start, w[b - 1].end}; /* (until read below) */
    /* the note: nothing, words with a capital first, or (below) a count */
    int note_word = b < nw, capital = 0;
    if (note_word) {
        unsigned char c = (unsigned char)s[w[b].start];
        capital = (c >= 'A' && c <= 'Z') || (c >= 0xC3 && category_at(s, w[b].start, w[b].end) == UTF8PROC_CATEGORY_LU);
        if (!belopp_letter_at(s, w[b].start, w[b].end))
            return 0;
        for (size_t q = b; q < nw; q++)
            if (has_digit(s, w[q].start, w[q].end))
                return 0;
    }
    /* the price: a first group of 1-3 digits, then groups of three */
    size_t g1 = w[a].end - w[a].start;
    if (g1 > 1 && s[w[a].start] == '0')
        return 0;
    size_t e = a + 1;
    while (e < b && w[e].end - w[e].start == 3)
        e++;
    if (!note_word || capital) {
        if (e != b)
            return -1; /* more numbers than one price */
    } else {
        /* a count and its noun: the count is the one number after the price */
        if (e == b && e - a == 1)
            return 0; /* words in lower case after a number: prose, no row */
        if (e == b)
            return -1; /* "1 260 104 tömningar": the count may be the last group */
        if (e + 1 != b)
            return -1;
        if (e - a > 1 && w[e].end - w[e].start == 3)
            return -1;
        if (s[w[e].start] == '0')
            return 0;
    }
    *price = (belopp_span){w[a].start, w[e - 1].end};
    return 1;
}

/* Such a list whose unit line is line i.  Pushes the table, its rows and
 * cells; returns the line after its last row, 0 when line i heads none,
 * -1 when out of memory. */
static size_t noted_price_table(belopp_segments *g, const char *s, line *lines, size_t n, size_t i)
{
    belopp_span h = lines[i].trim, per;
    unit_info u;
    if (lines[i].kind || h.start == h.end || h.end - h.start > 12 || i < 1 || i + 1 >= n)
        return 0;
    /* the note column's title under it (the cheap look first) */
    size_t nt = is_blank(lines, n, i + 1) && i + 2 < n ? i + 2 : i + 1;
    if (!first_word_is(s, lines[nt].trim, NOTE_COLUMN) || !price_unit_line(s, h, &u, &per))
        return 0;
    /* the line is the unit alone, in parentheses or not */
    belopp_span in = h;
    if (s[in.start] == '(' && s[in.end - 1] == ')')
        in = belopp_trim(s, in.start + 1, in.end - 1);
    if (in.start != u.words.start || in.end != u.words.end)
        return 0;
    size_t t = i - 1;
    if (t > 0 && is_blank(lines, n, t))
        t--;
    belopp_span tl = lines[t].trim;
    if (is_blank(lines, n, t) || lines[t].kind || tl.end - tl.start > 80 || has_digit(s, tl.start, tl.end))
        return 0;
    size_t j = i + 1;
    if (j < n && is_blank(lines, n, j))
        j++;
    if (j >= n || !first_word_is(s, lines[j].trim, NOTE_COLUMN) ||
        belopp_word_end(s, lines[j].trim.start, lines[j].trim.end) != lines[j].trim.end)
        return 0;
    size_t notes = j;
    /* the price column's title: the last word of the titles */
    size_t ts = tl.end;
    while (ts > tl.start && !belopp_space_at(s, ts - 1, tl.end))
        ts--;
    belopp_table tb;
    memset(&tb, 0, sizeof tb);
    tb.header = h;
    tb.caption = tl;
    tb.currency = u.currency;
    tb.unit = u.words;
    tb.per = per;
    tb.ncolumns = 1;
    tb.columns[0].title = (belopp_span){ts, tl.end};
    tb.columns[0].title2 = h;
    tb.columns[0].money = 1;
    tb.columns[0].currency = u.currency;
    tb.columns[0].unit = u.words;
    size_t nrows0 = g->nrows, ntables0 = g->ntables, end = notes + 1, cells = 0, blanks = 0;
    PUSH_OR(g->tables, g->ntables, g->captables, tb, return (size_t)-1);
    for (j = notes + 1; j < n; j++) {
        belopp_span l = lines[j].trim, label, price;
        if (l.start == l.end) {
            if (++blanks > 2)
                break; /* (a gap of blank lines and lines of spaces) */
            continue;
        }
        blanks = 0;
        int r = noted_row(s, l, &label, &price);
        if (r == 0)
            break;
        belopp_row row;
        memset(&row, 0, sizeof row);
        row.table = g->ntables - 1;
        row.money = 1;
        row.label = label;
        row.values = price;
        row.line = (belopp_span){l.start, price.end};
        if (r < 0) {
            row.left_out = "its price and the count in its note cannot be told apart";
            row.values = (belopp_span){price.start, l.end};
            PUSH_OR(g->rows, g->nrows, g->caprows, row, return (size_t)-1);
            lines[j].kind = 2;
            end = j + 1;
            continue;
        }
        PUSH_OR(g->rows, g->nrows, g->caprows, row, return (size_t)-1);
        if (price_cell(g, s, &g->tables[g->ntables - 1], g->nrows - 1, price, 0) < 0)
            return (size_t)-1;
        g->rows[g->nrows - 1].cell = g->ncells - 1;
        g->rows[g->nrows - 1].ncells = 1;
        cells++;
        lines[j].kind = 2;
        end = j + 1;
    }
    if (!cells) {
        for (size_t x = i + 1; x < end; x++)
            lines[x].kind = 0;
        g->nrows = nrows0;
        g->ntables = ntables0;
        return 0;
    }
    lines[i].kind = lines[t].kind = lines[notes].kind = 1;
    return end;
}

/* A tariff list flattened one cell a line (a web page's table copied
 * without its cell gaps): the headings one a line, those of the price
 * columns each with its unit ("Grundavgift" / "kr" / "Lägenhetsavgift" /
 * "kr" / "Kr/m³"), then each row as a tariff code alone ("001", a leading
 * zero: never a price), its label, and its prices one a line ("2 950",
 * "36,49"), blank lines between.  Empty cells are not printed, so a row with
 * fewer prices than columns cannot tell its columns: its cells are named by
 * the unit alone.  Two glues of such pages are read where they cannot be
 * anything else: a price with a decimal comma glued to the label
 * ("vatten/avlopp36,49"), and a price glued to the next row's code when
 * that code follows the last one ("3 414023" after code 022: 3 414, then
 * code 023). */

/* Is x a tariff code: three digits, the first a zero ("001", "023")? */
static int tariff_code(const char *s, belopp_span x)
{
    return x.end - x.start == 3 && s[x.start] == '0' && s[x.start + 1] >= '0' && s[x.start + 1] <= '9' &&
           s[x.start + 2] >= '0' && s[x.start + 2] <= '9';
}

static int code_value(const char *s, size_t at)
{
    return (s[at] - '0') * 100 + (s[at + 1] - '0') * 10 + (s[at + 2] - '0');
}

/* Is x a price alone: "2 950", "36,49", "812" (thousands groups of three
 * after a first of 1-3 digits, a decimal comma with two digits)?  With
 * glued_code, the line may end in the next code glued on ("3 414023"):
 * *cut is then where the code starts, else x.end. */
static int tariff_price(const char *s, belopp_span x, int next_code, size_t *cut)
{
    *cut = x.end;
    size_t i = x.start, g = 0;
    while (i < x.end) {
        size_t d = i;
        while (i < x.end && s[i] >= '0' && s[i] <= '9')
            i++;
        size_t len = i - d;
        if (len == 0)
            return 0;
        if (g == 0 && (len > 3 || (len > 1 && s[d] == '0'))) {
            if (len >= 4 && len <= 6 && i == x.end && next_code >= 0 && code_value(s, i - 3) == next_code &&
                !(len - 3 > 1 && s[d] == '0')) {
                *cut = i - 3; /* "4 448024": first group ended, then the code */
                return 1;
            }
            return 0;
        }
        if (g > 0 && len != 3) {
            if (len == 6 && i == x.end && next_code >= 0 && code_value(s, i - 3) == next_code) {
                *cut = i - 3; /* "3 414023" */
                return 1;
            }
            return 0;
        }
        g++;
        if (i < x.end && s[i] == ',') {
            size_t f = ++i;
            while (i < x.end && s[i] >= '0' && s[i] <= '9')
                i++;
            return i - f == 2 && i == x.end;
        }
        if (i < x.end) {
            size_t sp = belopp_space_at(s, i, x.end);
            if (!sp)
                return 0;
            i += sp;
        }
    }
    return g > 0;
}

/* The start of a price with a decimal comma glued to the end of label l
 * ("vatten/avlopp36,49"), or l.end when there is none. */
static size_t glued_decimal(const char *s, belopp_span l)
{
    size_t e = l.end, i = e;
    while (i > l.start && s[i - 1] >= '0' && s[i - 1] <= '9')
        i--;
    if (e - i != 2 || i == l.start || s[i - 1] != ',')
        return l.end;
    size_t c = --i;
    while (i > l.start && s[i - 1] >= '0' && s[i - 1] <= '9')
        i--;
    if (c - i < 1 || c - i > 3 || i == l.start || !belopp_letter_at(s, i - 1, l.end) || (c - i > 1 && s[i] == '0'))
        return l.end;
    return i;
}

/* A tariff list whose first heading is line i.  Pushes the table, its rows
 * and cells; returns the line after its last row, 0 when line i heads
 * none, -1 when out of memory. */
static size_t tariff_table(belopp_segments *g, const char *s, line *lines, size_t n, size_t i)
{
    belopp_span h = lines[i].trim;
    if (lines[i].kind || h.start == h.end || h.end - h.start > 60 || has_digit(s, h.start, h.end))
        return 0;
    /* a code within the next lines, only short lines of words before it
     * (most lines head no such list: the cheap look first) */
    size_t hq = i;
    for (; hq < n && hq < i + 20; hq++) {
        belopp_span l = lines[hq].trim;
        if (l.start == l.end)
            continue;
        if (tariff_code(s, l))
            break;
        if (lines[hq].kind || l.end - l.start > 60 || has_digit(s, l.start, l.end))
            return 0;
    }
    if (hq >= n || hq >= i + 20)
        return 0;
    /* the headings up to the first code: words only, the price columns'
     * units among them */
    belopp_table tb;
    memset(&tb, 0, sizeof tb);
    size_t k = 0, j = i, last = i;
    unit_info u = {0, NULL, {0, 0}};
    for (; j < n && j < i + 20; j++) {
        belopp_span l = lines[j].trim;
        if (l.start == l.end)
            continue;
        if (tariff_code(s, l))
            break;
        unit_info u2;
        belopp_span per2;
        if (has_digit(s, l.start, l.end) || l.end - l.start > 60 || lines[j].kind)
            return 0;
        if (price_unit_line(s, l, &u2, &per2)) {
            if (k == BELOPP_MAX_COLUMNS || (u.currency && strcmp(u.currency, u2.currency) != 0))
                return 0;
            if (!u.currency)
                u = u2;
            belopp_column *col = &tb.columns[k++];
            col->title = l;
            if (u2.words.start == l.start && last > i && !is_blank(lines, n, last) &&
                !price_unit_line(s, lines[last].trim, &u2, &per2) && last > i) {
                col->title = lines[last].trim; /* "Grundavgift" / "kr" */
                col->title2 = l;
            }
        }
        last = j;
    }
    if (k < 1 || j >= n || !u.currency)
        return 0;
    /* the heading of the first column is the first line: no unit line */
    if (price_unit_line(s, h, &u, &(belopp_span){0, 0}))
        return 0;
    tb.header = h;
    tb.caption = h;
    tb.currency = u.currency;
    tb.unit = u.words;
    tb.ncolumns = k;
    for (size_t c = 0; c < k; c++) {
        tb.columns[c].money = 1;
        tb.columns[c].currency = u.currency;
        tb.columns[c].unit = u.words;
    }
    size_t nrows0 = g->nrows, ntables0 = g->ntables, ncells0 = g->ncells, end = j, rows = 0;
    PUSH_OR(g->tables, g->ntables, g->captables, tb, return (size_t)-1);
    size_t ti = g->ntables - 1;
    int code = -1; /* the code of the row read, or -1 */
    while (j < n) {
        /* the code: a line of its own, or glued after the last price */
        belopp_span l = lines[j].trim;
        if (code < 0) {
            while (j < n && is_blank(lines, n, j))
                j++;
            if (j >= n || !tariff_code(s, lines[j].trim))
                break;
            code = code_value(s, lines[j].trim.start);
            j++;
        }
        /* the label */
        while (j < n && is_blank(lines, n, j))
            j++;
        if (j >= n)
            break;
        l = lines[j].trim;
        if (!belopp_letter_at(s, l.start, l.end) || l.end - l.start > 80)
            break;
        belopp_row row;
        memset(&row, 0, sizeof row);
        row.table = ti;
        row.money = 1;
        size_t gd = glued_decimal(s, l);
        row.label = belopp_trim(s, l.start, gd);
        size_t label_line = j++;
        belopp_span prices[BELOPP_MAX_COLUMNS];
        size_t np = 0;
        if (gd < l.end)
            prices[np++] = (belopp_span){gd, l.end};
        int next = -1; /* the next row's code, glued to the last price */
        size_t lastp = label_line;
        for (size_t q = j; q < n; q++) {
            belopp_span x = lines[q].trim;
            if (x.start == x.end)
                continue;
            size_t cut;
            if (tariff_code(s, x) || !tariff_price(s, x, code + 1 <= 999 ? code + 1 : -1, &cut))
                break;
            if (np == BELOPP_MAX_COLUMNS)
                break;
            prices[np++] = (belopp_span){x.start, cut};
            lastp = q;
            j = q + 1;
            if (cut < x.end) {
                next = code + 1;
                break;
            }
        }
        if (!np)
            break; /* a line of words after a code with no price: the list has ended */
        row.values = (belopp_span){prices[0].start, prices[np - 1].end};
        row.line = (belopp_span){l.start, row.values.end};
        if (np > k) {
            row.left_out = "more prices than the headings name columns";
            np = 0;
        }
        PUSH_OR(g->rows, g->nrows, g->caprows, row, return (size_t)-1);
        size_t r = g->nrows - 1, first = g->ncells;
        for (size_t c = 0; c < np; c++)
            if (price_cell(g, s, &g->tables[ti], r, prices[c], np == k ? c : k) < 0)
                return (size_t)-1;
        g->rows[r].cell = first;
        g->rows[r].ncells = g->ncells - first;
        for (size_t q = label_line; q <= lastp; q++)
            if (!is_blank(lines, n, q))
                lines[q].kind = 2;
        rows++;
        end = lastp + 1;
        code = next;
        if (j < lastp + 1)
            j = lastp + 1;
    }
    if (rows < 2 || g->ncells == ncells0) {
        for (size_t x = i; x < end; x++)
            if (lines[x].kind == 2)
                lines[x].kind = 0;
        g->nrows = nrows0;
        g->ntables = ntables0;
        g->ncells = ncells0;
        return 0;
    }
    lines[i].kind = 1;
    return end;
}

/* Is line l a key figure's label that names its unit after its last comma
 * ("Orderingång, MSEK", "Resultat per aktie, kr")?  Fills *u; returns the
 * label's end (before the comma), or 0. */
static size_t tile_label(const char *s, belopp_span l, unit_info *u)
{
    if (!word_line(s, l) || !belopp_letter_at(s, l.start, l.end))
        return 0;
    size_t c = l.end;
    while (c > l.start && s[c - 1] != ',')
        c--;
    if (c <= l.start + 1 || !unit_header(s, c, l.end, u) || !u->currency)
        return 0;
    return c - 1;
}

/* Is line l a figure set apart, a number alone with no sign ("58 645",
 * "15,8%" with shares too: *share set)? */
static int tile_figure(const char *s, belopp_span l, int *share)
{
    *share = 0;
    if (l.start == l.end || l.end - l.start > 24 || s[l.start] < '0' || s[l.start] > '9')
        return 0;
    if (s[l.end - 1] == '%') {
        *share = 1;
        return 1;
    }
    return value_line(s, l) && !memchr(s + l.start, '(', l.end - l.start);
}

/* Is lines[q, q + 2) a key figure and its label, alone between blank lines
 * (or the text's ends): the figure first when *fig_first is 1, the label
 * first when 0, either when -1 (then set)?  *money says whether the label
 * names a currency (*u its unit); a share's label needs none. */
static int tile_at(const char *s, const line *lines, size_t n, size_t q, int *fig_first, int *money,
                   unit_info *u)
{
    int share;
    if (q + 1 >= n || lines[q].kind || lines[q + 1].kind || is_blank(lines, n, q) ||
        is_blank(lines, n, q + 1) || (q > 0 && !is_blank(lines, n, q - 1)) ||
        (q + 2 < n && !is_blank(lines, n, q + 2)))
        return 0;
    for (int f = 1; f >= 0; f--) {
        if (*fig_first >= 0 && *fig_first != f)
            continue;
        belopp_span fig = lines[f ? q : q + 1].trim, lab = lines[f ? q + 1 : q].trim;
        if (!tile_figure(s, fig, &share) || !word_line(s, lab) || !belopp_letter_at(s, lab.start, lab.end))
            continue;
        *money = !share && tile_label(s, lab, u) > 0;
        if (!share && !*money)
            continue; /* a number by words that name no unit: no tile of ours */
        *fig_first = f;
        return 1;
    }
    return 0;
}

/* Key figures set apart with their labels, as a report's page shows them in
 * tiles, each figure and its label alone between blank lines: "58 645" /
 * "Orderingång, MSEK" / "" / "52 135" / "Nettoomsättning, MSEK" / "" /
 * "15,8%" / "Justerad EBITA, marginal" (or each label over its figure, the
 * same way all through).  Each label names the unit of its figure after its
 * last comma; two money figures or more in the run (one alone may be
 * anything).  Pushes a table of one cell for each and returns the line
 * after the last pair; 0 when line i starts no such run; -1 when out of
 * memory. */
static size_t figure_tiles(belopp_segments *g, const char *s, line *lines, size_t n, size_t i)
{
    int fig_first = -1, money, share;
    unit_info u;
    if (lines[i].kind || (s[lines[i].trim.start] < '0' && !belopp_letter_at(s, lines[i].trim.start, lines[i].trim.end)) ||
        !tile_at(s, lines, n, i, &fig_first, &money, &u))
        return 0;
    size_t monies = 0, end = i, q = i;
    for (;;) {
        while (q < n && is_blank(lines, n, q))
            q++;
        if (!tile_at(s, lines, n, q, &fig_first, &money, &u))
            break;
        monies += money != 0;
        q += 2;
        end = q;
    }
    if (monies < 2)
        return 0;
    for (q = i; q < end; q++) {
        if (is_blank(lines, n, q))
            continue;
        belopp_span fig = lines[fig_first ? q : q + 1].trim, l = lines[fig_first ? q + 1 : q].trim;
        size_t le = tile_figure(s, fig, &share) && !share ? tile_label(s, l, &u) : 0;
        if (le) {
            belopp_table tb;
            memset(&tb, 0, sizeof tb);
            tb.header = l; /* (no column title: the header that gave the unit, as records say) */
            tb.exp10 = u.exp10;
            tb.currency = u.currency;
            tb.unit = u.words;
            tb.ncolumns = 1;
            tb.columns[0].money = 1;
            tb.columns[0].exp10 = u.exp10;
            tb.columns[0].currency = u.currency;
            tb.columns[0].unit = u.words;
            PUSH_OR(g->tables, g->ntables, g->captables, tb, return (size_t)-1);
            belopp_row row;
            memset(&row, 0, sizeof row);
            row.table = g->ntables - 1;
            row.money = 1;
            row.label = belopp_trim(s, l.start, le);
            row.values = fig;
            row.line = (belopp_span){lines[q].trim.start, lines[q + 1].trim.end};
            PUSH_OR(g->rows, g->nrows, g->caprows, row, return (size_t)-1);
            size_t first = g->ncells;
            if (price_cell(g, s, &g->tables[g->ntables - 1], g->nrows - 1, fig, 0) < 0)
                return (size_t)-1;
            g->rows[g->nrows - 1].cell = first;
            g->rows[g->nrows - 1].ncells = g->ncells - first;
            lines[q].kind = lines[q + 1].kind = 2;
        }
        q++;
    }
    return end;
}

/* The first row under a unit line that names no titles when blank lines
 * (or lines of spaces) stand between them, as a web page's caption over a
 * table without a header row leaves it: "Ekonomi (tkr)" / "" / "   " /
 * "Rörelseintäkter     183 017  175 345 …".  At most two blank lines, and
 * the two lines after them are rows with as many number pieces each
 * (row_tokens: digit groups, marks), two or more (one row alone may be a
 * figure set apart, not a table).  Returns that row's line, or j when the
 * lines are not so. */
static size_t rows_after_blanks(const char *s, const line *lines, size_t n, size_t j);

/* Is l "därav" or "varav" alone (maybe with ":"), a heading over the parts
 * of the row above? */
static int part_heading(const char *s, belopp_span l)
{
    size_t n = l.end - l.start;
    if (n && s[l.end - 1] == ':')
        n--;
    return (n == 5 && strncasecmp(s + l.start, "varav", 5) == 0) ||
           (n == 6 && strncasecmp(s + l.start, "d\xC3\xA4rav", 6) == 0);
}

/* The blanks before line q's text: a tab counts as two spaces. */
static size_t indent_of(const char *s, const line *lines, size_t q)
{
    size_t p = lines[q].trim.start, w = 0;
    while (p > 0 && (s[p - 1] == ' ' || s[p - 1] == '\t')) {
        w += s[p - 1] == '\t' ? 2 : 1;
        p--;
    }
    return w;
}

/* Does title line q stand indented over the line after it, which starts at
 * the margin ("<TAB>Utfall<TAB>Budget" or "        Utfall    Budget" over
 * "Nämnd<TAB>2021…" or a row): its first cell is not the stub's? */
static int indented_over(const char *s, const line *lines, size_t n, size_t q)
{
    size_t r = q + 1;
    while (r < n && r < q + 4 && (is_blank(lines, n, r) || indent_of(s, lines, r) >= 2))
        r++; /* (and a second title line indented as the first: "<TAB>2021<TAB>2022") */
    return r < n && indent_of(s, lines, q) >= 2 && indent_of(s, lines, r) == 0 &&
           lines[q].trim.start > 0 && (s[lines[q].trim.start - 1] == '\t' ||
                                      indent_of(s, lines, q) >= 4);
}

/* Titles of one word each with single spaces between them, which no gap
 * splits ("Nämnd Intäkter Kostnader Budget Utfall", "Intäkter Kostnader
 * Netto"), on line q over the rows.  The words alone do not tell whether
 * the first names the stub; the rows do: the count is the words' (no
 * stub) or one fewer (the first word the stub's title), and the rows that
 * split one way only ("111,9 97,5 237,1": decimals) to one of the two all
 * have it; when no row splits so, the rows read with a cell
 * starting only where one must (a sign, a short group: "−38 214 −412 905
 * −374 691" is three, "16 812 712 15 740 567" two) that have one of the
 * two counts all have the same (the rows read so to another count, such
 * as "558 715 694 379": one, have no say).  Every word starts with a capital: "Mark och byggnader" is
 * one title of three words, which the count would misname.  Fills titles
 * (titles[0] the stub, empty when none) and returns their number, or 0. */
static size_t spaced_words_over(const char *s, const line *lines, size_t n, belopp_span l,
                                size_t q, size_t min_words, int grouped, belopp_span *titles);


static size_t spaced_word_titles(const char *s, const line *lines, size_t n, size_t q,
                                 belopp_span *titles)
{
    return spaced_words_over(s, lines, n, lines[q].trim, q, 3, 0, titles);
}

/* spaced_word_titles for the words l (min_words of them at least) over the
 * rows after line q; grouped, a title is a word with a capital and the
 * words in small letters (or "&") after it ("Vatten & avlopp tillsammans
 * Enbart vatten Enbart avlopp": three titles). */
static size_t spaced_words_over(const char *s, const line *lines, size_t n, belopp_span l,
                                size_t q, size_t min_words, int grouped, belopp_span *titles)
{
    belopp_span w[BELOPP_MAX_COLUMNS];
    size_t nw = 0;
    for (size_t x = l.start; x < l.end;) {
        size_t e = x;
        while (e < l.end && !belopp_space_at(s, e, l.end))
            e++;
        int capital = category_at(s, x, e) == UTF8PROC_CATEGORY_LU;
        if (nw + 1 >= BELOPP_MAX_COLUMNS || (!capital && (!grouped || nw == 0)))
            return 0;
        for (size_t c = x; c < e; c++)
            if (s[c] == '\t' || s[c] == ',' || s[c] == '.' || s[c] == ':' || s[c] == '(' || s[c] == '/')
                return 0;
        if (capital)
            w[nw++] = (belopp_span){x, e};
        else
            w[nw - 1].end = e; /* (grouped: the title goes on) */
        x = belopp_skip_spaces(s, e, l.end);
    }
    if (nw < min_words || nw < 2)
        return 0;
    uint32_t clear = 0, least = 0;
    uint32_t masks[8];
    unsigned char marked[8];
    size_t rows = row_counts_below(s, lines, n, q + 1, 8, 1, masks, marked);
    for (size_t i = 0; i < rows; i++) {
        uint32_t m = masks[i];
        if (marked[i])
            continue; /* "Barn och utbildning 2 222\u202f717 …": no say */
        if (m && !(m & (m - 1)))
            clear |= m; /* a row that splits one way only */
        else if (m)
            least |= m & -m; /* the fewest cells: a cell starts only where it must */
    }
    /* (the rows read so to another count have no say: "312 254 349 231"
     * reads as one number by itself, and splits only to a count it is told) */
    uint32_t two = 1u << (nw - 1) | 1u << nw;
    clear = (clear & two) ? clear & two : least & two;
    if (rows < 2 || !clear || (clear & (clear - 1)))
        return 0;
    size_t k = 0;
    if (clear == 1u << (nw - 1)) {
        memcpy(titles, w, nw * sizeof *w); /* the first word the stub's */
        return nw;
    }
    if (clear != 1u << nw)
        return 0;
    titles[k++] = (belopp_span){l.start, l.start}; /* no stub */
    memcpy(titles + k, w, nw * sizeof *w);
    return nw + 1;
}

static size_t rows_after_blanks(const char *s, const line *lines, size_t n, size_t j)
{
    size_t q = j;
    while (q < n && q < j + 2 && is_blank(lines, n, q))
        q++;
    if (q == j || q + 1 >= n)
        return j;
    belopp_row r1, r2;
    if (!table_row(s, lines[q].trim.start, lines[q].trim.end, 0, &r1) ||
        !table_row(s, lines[q + 1].trim.start, lines[q + 1].trim.end, 0, &r2))
        return j;
    token t1[MAX_TOKENS], t2[MAX_TOKENS];
    size_t n1 = row_tokens(s, &r1, t1), n2 = row_tokens(s, &r2, t2);
    return n1 >= 2 && n1 == n2 ? q : j;
}

/* Does a page break stand at line j: a page number alone (one to three
 * digits) and under it a running head, a line the text already had word for
 * word further up ("3" / "Prop. 2025/26:1 Utgiftsområde 25")?  Text from a
 * PDF has them between a table's last row and the next page; neither is a
 * row.  (Looks back at most 2 000 lines.) */
static int page_break_at(const char *s, const line *lines, size_t n, size_t j)
{
    belopp_span p = lines[j].trim;
    if (p.end - p.start < 1 || p.end - p.start > 3 || j + 1 >= n)
        return 0;
    for (size_t i = p.start; i < p.end; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    belopp_span h = lines[j + 1].trim;
    size_t len = h.end - h.start;
    if (len < 8 || !belopp_letter_at(s, h.start, h.end))
        return 0;
    for (size_t k = j; k-- > 0 && j - k <= 2000;)
        if (lines[k].trim.end - lines[k].trim.start == len && memcmp(s + lines[k].trim.start, s + h.start, len) == 0)
            return 1;
    return 0;
}

/* Row r on line j short of cells, its other values wrapped onto lines of
 * their own (with blank lines between or not), as a web page copied as
 * text breaks a row ("Balansomslutning 76,6" / "" / "82,3" / "" / "87,7
 * 88,5 84,9" under five years; "Netto från löpande verksamhet 907" /
 * "1 351" under two): where the row cannot fill its want columns, the
 * lines of values after it (and nothing else) complete it exactly, and no
 * line of values follows them, r takes them.  Returns the line after the
 * last one taken, or 0 (r unchanged). */
static size_t wrapped_on(const char *s, const line *lines, size_t n, size_t j, belopp_row *r,
                         size_t want)
{
    if (want < 2 || j + 1 >= n)
        return 0;
    token tk[MAX_TOKENS];
    uint32_t m = 0;
    fit_tokens(s, r, 0, 0, tk, &m, 0);
    if (!m || (m & (~m + 1)) >= (uint32_t)1 << want)
        return 0; /* at its fewest it fills the columns, or it has too many cells
                   * ("-1 278" over "-2 012" under two columns: one cell short,
                   * not -1 and 278) */
    size_t q = j + 1, lastv = 0;
    for (; q < n && q < j + 12; q++) {
        if (is_blank(lines, n, q))
            continue;
        if ((!value_line(s, lines[q].trim) && decimal_cells(s, lines[q].trim) < 2) ||
            page_break_at(s, lines, n, q))
            break; /* (not a page's number: "2" / "Budgetunderlag 2027 …") */
        belopp_row w = *r;
        w.values.end = lines[q].trim.end;
        w.line.end = lines[q].trim.end;
        uint32_t mw = 0;
        fit_tokens(s, &w, 0, 0, tk, &mw, 0);
        if (!mw || (mw & (((uint32_t)2 << want) - 1)) == 0)
            return 0; /* more cells than columns */
        lastv = q;
        if ((mw & (~mw + 1)) == (uint32_t)1 << want) {
            /* the columns at the fewest ("907" / "1 351": two, or three
             * were "1" a cell of its own): no more values may follow */
            size_t x = q + 1;
            while (x < n && is_blank(lines, n, x))
                x++;
            if (x < n && (value_line(s, lines[x].trim) || decimal_cells(s, lines[x].trim) >= 2))
                return 0;
            *r = w;
            return lastv + 1;
        }
    }
    return 0;
}

/* The columns a row on line j of the table being read (its rows from
 * first_row on, under ntitles titles) may take wrapped values to fill, for
 * wrapped_on: 0 where no line of values follows it (nothing to take);
 * else the titles' count, or with no titles the count the table's first
 * rows, three to eight, all split into. */
static size_t wrap_columns(const belopp_segments *g, const char *s, const line *lines, size_t n,
                           size_t j, size_t first_row, size_t ntitles)
{
    size_t nv = j + 1;
    while (nv < n && nv < j + 3 && is_blank(lines, n, nv))
        nv++;
    if (nv >= n || lines[nv].trim.start == lines[nv].trim.end || s[lines[nv].trim.start] == '(' ||
        belopp_letter_at(s, lines[nv].trim.start, lines[nv].trim.end) ||
        !(value_line(s, lines[nv].trim) || decimal_cells(s, lines[nv].trim) >= 2))
        return 0;
    if (ntitles >= 3)
        return ntitles - 1;
    if (ntitles || g->nrows < first_row + 3)
        return 0;
    uint32_t all = ~0u;
    for (size_t q = first_row; q < g->nrows && q < first_row + 8 && all; q++) {
        token tk[MAX_TOKENS];
        uint32_t mq = 0;
        fit_tokens(s, &g->rows[q], 0, 0, tk, &mq, 0);
        all &= mq;
    }
    size_t want = 0;
    if (all && !(all & (all - 1)))
        while (!(all >> want & 1))
            want++;
    return want;
}

/* Adds row r, read from lines [a, b), to the table being read (the one
 * g->ntables will number) and marks those lines as rows.  Returns 0, or -1
 * when out of memory. */
static int add_row_over(belopp_segments *g, line *lines, size_t a, size_t b, belopp_row r)
{
    r.table = g->ntables;
    PUSH(g->rows, g->nrows, g->caprows, r);
    for (size_t x = a; x < b; x++)
        lines[x].kind = 2;
    return 0;
}

/* The layouts read at line i before the unit-line ones, in this order:
 * cells run together (glued_table); a unit alone between titles and a note
 * column ("(kr)" / "Notering", noted_price_table, also with line i its
 * titles), which the unit-line layouts would read taking the note column's
 * title for a title of values; headings over a tariff list one cell a line
 * ("Tariff" / … / "Grundavgift" / "kr" / … / "001" / label / prices,
 * tariff_table); key figures set apart with their labels (figure_tiles).
 * Returns the line after the table one of them read, 0 when none did, -1
 * when out of memory. */
static size_t early_layouts(belopp_segments *g, const char *s, line *lines, size_t n, size_t i)
{
    static size_t (*const READ[])(belopp_segments *, const char *, line *, size_t, size_t) = {
        glued_table, noted_price_table, tariff_table, figure_tiles};
    for (size_t r = 0; r < sizeof READ / sizeof READ[0]; r++) {
        size_t end = READ[r](g, s, lines, n, i);
        if (!end && READ[r] == noted_price_table && i + 1 < n)
            end = noted_price_table(g, s, lines, n, i + 1);
        if (end)
            return end;
    }
    return 0;
}

static int find_tables(belopp_segments *g, const char *s, size_t len, line *lines, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        belopp_span h = lines[i].trim;
        size_t early_end = early_layouts(g, s, lines, n, i);
        if (early_end == (size_t)-1)
            return -1;
        if (early_end) {
            i = early_end - 1;
            continue;
        }
        if (h.end - h.start > MAX_ROW_BYTES && flat_tables(g, s, h) < 0)
            return -1;
        if (h.start == h.end || h.end - h.start > MAX_ROW_BYTES)
            continue;
        /* A header is followed within a few lines by a row or a value: most
         * lines are not, and need no closer look. */
        int near = 0;
        for (size_t k = i + 1; k < n && k <= i + 12 && !near; k++)
            near = may_be_row(s, lines, n, k);
        if (!near && h.end - h.start <= 40 && !has_other_digits(s, h.start, h.end))
            /* a unit alone ("belopp i tusental kronor") over titles written
             * as sentences may stand further up */
            for (size_t k = i + 13; k < n && k <= i + 16 && !near; k++)
                near = may_be_row(s, lines, n, k);
        if (!near)
            continue;
        belopp_table tb;
        memset(&tb, 0, sizeof tb);
        size_t ue;
        int kind = unit_line(s, h.start, h.end, &tb, &ue);
        belopp_span first = {0, 0};
        belopp_span groups = {0, 0};
        /* "Kvartal 2018/19 2017/18 …" over "Mkr Q2 Q1 Q4 Q3 …": quarters
         * titled by the years above them (the line of years is a title line) */
        int quarter_years = 0;
        belopp_span qy; /* (the cheap looks first: most lines end in no quarter) */
        if ((kind == U_NONE || kind == U_LEAD) && i > 0 && !lines[i - 1].kind && h.end - h.start > 2 &&
            s[h.end - 2] == 'Q') {
            belopp_table tq;
            memset(&tq, 0, sizeof tq);
            if (quarter_titles(s, lines[i - 1].trim, h, &tq)) {
                tb = tq;
                kind = U_INLINE;
                quarter_years = 1;
            }
        }
        if ((kind == U_NONE || kind == U_CAPTION) && i + 1 < n &&
            lines[i + 1].trim.end - lines[i + 1].trim.start <= 12 &&
            stacked_quarter(s, lines[i + 1].trim, &qy) && qy.start < qy.end) {
            /* "… för koncernen TSEK" / "2016 Q1" / "Q2" / …: quarters stacked
             * under a caption ending in the unit, the rows flattened one
             * cell a line */
            belopp_table tq;
            memset(&tq, 0, sizeof tq);
            size_t end = quarter_stream_table(g, s, lines, n, i, &tq);
            if (end == (size_t)-1)
                return -1;
            if (end) {
                i = end - 1;
                continue;
            }
        }
        if (kind == U_NONE && i + 1 < n && lines[i + 1].trim.end > lines[i + 1].trim.start &&
            s[lines[i + 1].trim.end - 1] >= '0' && s[lines[i + 1].trim.end - 1] <= '9' &&
            s[h.end - 1] != '.' && !memchr(s + h.start, '.', h.end - h.start)) {
            /* "(tkr) Koncernen Moderbolaget" over "NOT 2021 2020 2021 2020" */
            unit_info u;
            belopp_span t3[BELOPP_MAX_COLUMNS];
            belopp_span nx = lines[i + 1].trim;
            if (group_unit_line(s, h, &u, &groups) &&
                title_line(s, nx.start, nx.end, t3) >= 3) {
                kind = U_ALONE;
                tb.exp10 = u.exp10;
                tb.currency = u.currency;
                tb.unit = u.words;
            } else {
                groups = (belopp_span){0, 0};
            }
        }
        if (kind == U_NONE && !has_other_digits(s, h.start, h.end)) {
            /* "(mnkr) Bokslut": a unit, then the first stacked title */
            for (size_t w = ue; w < h.end && kind == U_NONE; w++) {
                unit_info u;
                if (!belopp_space_at(s, w, h.end) || belopp_space_at(s, w - 1, h.end) ||
                    !unit_header(s, h.start, w, &u))
                    continue;
                first = belopp_trim(s, w, h.end);
                kind = U_ALONE;
                tb.exp10 = u.exp10;
                tb.currency = u.currency;
                tb.unit = u.words;
            }
        }
        int unread = 0;
        if (kind == U_NONE && h.end - h.start <= MAX_ROW_BYTES && lead_unit_titles(s, h, &tb))
            kind = U_ALONE, unread = 1; /* "mnkr Intäkter 2020Intäkter 2021…": titles not read */
        if (kind == U_NONE && unitless_titles(s, lines, n, i, &tb)) {
            unit_info u;
            kind = U_TITLES;
            if (prose_unit_above(s, lines, i, &u)) { /* "Belopp i tkr." over the titles */
                tb.exp10 = u.exp10;
                tb.currency = u.currency;
                tb.unit = u.words;
                kind = U_PROSE;
            }
        }
        size_t prose_stack = 0;
        if (kind == U_NONE && word_line(s, h) && i > 0) {
            /* titles stacked under a paragraph that names the unit:
             * "Belopp anges i miljoner kronor." / "Bokslut" / "2020 Budget" / … */
            unit_info u;
            belopp_table t2;
            memset(&t2, 0, sizeof t2);
            if (prose_unit_above(s, lines, i, &u) && !names_shares(s, h) &&
                (prose_stack = stacked_titles(s, lines, n, i, (belopp_span){0, 0}, &t2, 1)) > 0) {
                tb = t2;
                tb.exp10 = u.exp10;
                tb.currency = u.currency;
                tb.unit = u.words;
                kind = U_PROSE;
            }
        }
        if (kind == U_NONE && !prose_stack && stub_over_spaced_years(s, lines, n, i, &tb, &prose_stack))
            kind = U_TITLES; /* "Nyckeltal" / "" / "2018" / "" / "2017" / …: units in the labels */
        if (kind == U_NONE && !prose_stack) {
            /* "2014 2013 2012 2011 2010" / "Årets resultat i mnkr" / values
             * one a line: a five-year overview, units in the labels */
            size_t first_row = g->nrows, oe = year_overview(g, s, lines, n, i, &tb);
            if (oe == (size_t)-1)
                return -1;
            if (oe) {
                tb.header = h;
                lines[i].kind = 1;
                PUSH_OR(g->tables, g->ntables, g->captables, tb, return -1);
                int at_end = 1;
                for (size_t q = oe; q < n && at_end; q++)
                    at_end = lines[q].trim.start == lines[q].trim.end;
                if (build_table(g, s, g->ntables - 1, first_row, g->nrows, 0, at_end) < 0)
                    return -1;
                i = oe - 1;
                continue;
            }
        }
        if (kind == U_NONE) {
            /* no unit the other layouts read: a price list ("Grundavgift
             * (per år i kronor)", "… taxa kr/tim.") */
            size_t pe = price_table(g, s, lines, n, i);
            if (!pe)
                pe = sum_price_table(g, s, lines, n, i); /* "Total kostnad kr/år" / "Varav …" */
            if (pe == (size_t)-1)
                return -1;
            if (pe)
                i = pe - 1;
            continue;
        }
        int words_over = !quarter_years && (kind == U_CELLS || kind == U_INLINE) && i > 0 &&
                         !lines[i - 1].kind && period_words_over(s, lines[i - 1].trim, &tb);
        size_t j = i + 1, first_row = g->nrows, title_lines[2], ntl = 0, stack_end = 0;
        if (quarter_years || words_over)
            title_lines[ntl++] = i - 1;
        if (kind == U_LEAD && is_blank(lines, n, j) && j + 1 < n)
            j++; /* "MSEK I II III IV", a blank line, the rows */
        if ((kind == U_ALONE || kind == U_CAPTION) && j + 1 < n && remark_line(s, lines[j].trim))
            j++; /* "(noterna hänvisar till kommentarerna)" under the unit */
        if (prose_stack) {
            stack_end = prose_stack;
            j = prose_stack;
            while (j < n && is_blank(lines, n, j)) /* blank lines before the first row */
                j++;
        }
        int year_unit = 0;
        if (kind == U_ALONE && first.start == first.end && i > 0 && !lines[i - 1].kind &&
            belopp_is_year(s, lines[i - 1].trim)) {
            /* each title stacked with the unit: "2012" / "MSEK" / "2013" /
             * "MSEK"; the unit line is the second piece of the first */
            belopp_span ys[BELOPP_MAX_COLUMNS];
            size_t m = 0, q = i;
            ys[m++] = lines[i - 1].trim;
            while (q + 2 < n && m + 1 < BELOPP_MAX_COLUMNS && belopp_is_year(s, lines[q + 1].trim) &&
                   lines[q + 2].trim.end - lines[q + 2].trim.start == h.end - h.start &&
                   memcmp(s + lines[q + 2].trim.start, s + h.start, h.end - h.start) == 0) {
                ys[m++] = lines[q + 1].trim;
                q += 2;
            }
            if (m >= 2) {
                tb.titles[0] = (belopp_span){h.start, h.start};
                for (size_t c = 0; c < m; c++)
                    tb.titles[c + 1] = ys[c];
                tb.ntitles = m + 1;
                title_lines[ntl++] = i - 1;
                stack_end = j = q + 1;
                year_unit = 1;
            }
        }
        belopp_span after_unit = first;
        if (kind == U_LEAD && !tb.ntitles && ue > h.start && ue < h.end)
            after_unit = belopp_trim(s, ue, h.end); /* "MSEK Intäkter …", rows right under */
        if (!year_unit && !tb.ntitles && after_unit.start < after_unit.end && after_unit.end == h.end &&
            (tb.ntitles = spaced_words_over(s, lines, n, after_unit, i, 2, 0, tb.titles)) > 0) {
            /* "MSEK Intäkter Kostnader Netto" over rows of three values: the
             * unit in the stub's cell, a title a word */
            if (tb.titles[0].start != tb.titles[0].end)
                tb.ntitles = 0; /* (the rows say the first word is the stub's: no) */
            else
                tb.titles[0] = tb.unit;
        }
        if (tb.ntitles) {
            title_lines[ntl++] = i;
        } else if (!year_unit && (first.start < first.end || kind == U_ALONE || kind == U_CAPTION)) {
            size_t at = 0;
            if (first.start == first.end)
                at = blank_stacked_titles(s, lines, n, j, &tb); /* "2021" / "" / "2022", "Utfall 2021" / "" / … */
            if (!at)
                at = stacked_titles(s, lines, n, j, first, &tb, 0);
            if (!at && kind == U_CAPTION && first.start == first.end && j + 1 < n && is_blank(lines, n, j))
                /* "… per nämnd. Mnkr" / "" / "Nämnd" / "2021" / … */
                at = stacked_titles(s, lines, n, j + 1, first, &tb, 0);
            if (!at && (kind == U_CAPTION || kind == U_ALONE) && first.start == first.end && j + 1 < n &&
                is_blank(lines, n, j))
                /* "… ramar 2025 (Belopp i tkr)" / "" / "2021" / "" / "2022";
                 * "Mkr" / "" / "Utfall 2021" / "" / … */
                at = blank_stacked_titles(s, lines, n, j + 1, &tb);
            if (!at && kind == U_ALONE && first.start == first.end)
                at = spaced_year_titles(s, lines, n, j, &tb);
            if (at) {
                stack_end = at;
                j = at;
            } else if (first.start < first.end) {
                continue;
            }
        }
        belopp_span t2[BELOPP_MAX_COLUMNS];
        if ((kind == U_ALONE || kind == U_CAPTION) && !stack_end) {
            size_t at = j;
            if (is_blank(lines, n, at) && at + 1 < n) /* "Tabell 3 … (tkr)", blank, titles */
                at++;
            belopp_span l = lines[at < n ? at : n - 1].trim;
            size_t nt = at < n ? title_line(s, l.start, l.end, tb.titles) : 0;
            if (nt >= 2 && nt < BELOPP_MAX_COLUMNS && tb.titles[0].start < tb.titles[0].end &&
                (indented_over(s, lines, n, at) || cells_over(s, lines, n, at, nt))) {
                /* "<TAB>Utfall<TAB>Utfall<TAB>Budget" over "Nämnd<TAB>2021<TAB>…":
                 * the stub's cell is empty, the first word a column's */
                tb.ntitles = nt;
                empty_stub(&tb);
                nt = tb.ntitles;
            }
            if (nt && at > j && split_cells(s, l.start, l.end, t2, BELOPP_MAX_COLUMNS) < 2 &&
                nt < 3)
                nt = 0; /* after a blank line: titles in cells, or two years or more */
            size_t np;
            /* (before section_then_titles, which takes "Utfall Budget" over
             * "2024 2025" for a section over the titles) */
            if (!nt && at + 2 < n && (np = period_words(s, l, tb.titles)) > 0) {
                /* "Utfall Budget" over "Nämnd 2024 2025": the period's words
                 * over the years, single-spaced; the titles "Utfall 2024",
                 * "Budget 2025" */
                belopp_span ty[BELOPP_MAX_COLUMNS];
                size_t ny = title_line(s, lines[at + 1].trim.start, lines[at + 1].trim.end, ty);
                if (ny == np) {
                    tb.ntitles = np;
                    merge_titles(&tb, ty, ny);
                    title_lines[ntl++] = at;
                    nt = np;
                    at++;
                }
            }
            if (!nt && at + 2 < n && section_then_titles(s, lines, n, at, &tb, &nt))
                at += is_blank(lines, n, at + 1) ? 2 : 1;
            if (!nt && at + 1 < n)
                nt = glued_header(s, l, tb.titles);
            if (!nt && at > j && at + 1 < n && word_line(s, l) &&
                (nt = spaced_words_over(s, lines, n, l, at, 2, 0, tb.titles)) > 0 &&
                tb.titles[0].start < tb.titles[0].end)
                /* "… (Belopp i miljoner kronor)" / "" / "Intäkter Kostnader":
                 * each word a column's; read with the first word the stub's,
                 * the rows may be ambiguous ("Kulturnämnden – 340 836" one
                 * cell of −340 836 under "Kostnader"), so not then */
                nt = 0;
            if (nt) {
                tb.ntitles = nt;
                title_lines[ntl++] = at;
                j = at + 1;
            } else if (kind == U_ALONE) {
                /* the titles over the unit ("RESULTATRÄKNING  Noter  2018
                 * 2017" / "   " / "Belopp i tkr"), a line of spaces or a
                 * blank line between them: a line of titles with a year,
                 * in no table yet */
                size_t k = i;
                while (k > 0 && k + 2 > i && is_blank(lines, n, k - 1))
                    k--;
                belopp_span a = k > 0 ? lines[k - 1].trim : (belopp_span){0, 0};
                belopp_span ta[BELOPP_MAX_COLUMNS];
                size_t na = k > 0 && !lines[k - 1].kind ? title_line(s, a.start, a.end, ta) : 0;
                int years = 0;
                for (size_t c = 1; c < na; c++)
                    years += title_year(s, ta[c].start, ta[c].end);
                /* (or a line of years alone, single-spaced: "2021 2020
                 * 2019" over "Belopp i KSEK") */
                if (na >= 3 && years >= 2 &&
                    (split_cells(s, a.start, a.end, t2, BELOPP_MAX_COLUMNS) == na ||
                     (ta[0].start == ta[0].end && (size_t)years + 1 == na))) {
                    memcpy(tb.titles, ta, na * sizeof ta[0]);
                    tb.ntitles = na;
                    title_lines[ntl++] = k - 1;
                }
            }
        }
        if ((kind == U_ALONE || kind == U_CAPTION) && !stack_end && !tb.ntitles && j + 1 < n) {
            /* the stub's title alone over the rows, the value column
             * untitled ("Tusental kronor" / "Anslag" / "1:1 … 174 096 852"):
             * a title line, not a section ending the table */
            belopp_span l = lines[j].trim, c1[2];
            belopp_row r1;
            if (l.end > l.start && l.end - l.start <= 40 && word_line(s, l) && !has_digit(s, l.start, l.end) &&
                s[l.end - 1] != '.' && s[l.end - 1] != ':' && split_cells(s, l.start, l.end, c1, 2) == 1 &&
                table_row(s, lines[j + 1].trim.start, lines[j + 1].trim.end, 0, &r1)) {
                token tk[MAX_TOKENS];
                uint32_t m = 0;
                belopp_span tw[BELOPP_MAX_COLUMNS];
                fit_tokens(s, &r1, 0, 0, tk, &m, 0);
                if ((m >> 1 & 1) && /* (one value: not the glued titles of many columns) */
                    !spaced_word_titles(s, lines, n, j, tw)) /* (nor titles, one word each) */
                    title_lines[ntl++] = j++;
            }
        }
        if ((kind == U_ALONE || kind == U_CAPTION) && !stack_end && !tb.ntitles && ntl < 2) {
            /* titles of words with single spaces between them, which the
             * words alone cannot split, ending in a total's word ("Region
             * Mark och byggnader Inventarier Immateriella tillgångar
             * Totalt"), over rows of three values or more: a title line,
             * not a section; the last column is the sum of the others, and
             * the rows give the count at which they add up */
            size_t q = j;
            if (is_blank(lines, n, q))
                q++;
            belopp_span l = q < n ? lines[q].trim : (belopp_span){0, 0}, c1[2];
            belopp_row r1;
            int words = q + 1 < n && l.end > l.start && word_line_max(s, l, 120) &&
                        !has_digit(s, l.start, l.end) && s[l.end - 1] != '.' && s[l.end - 1] != ':' &&
                        split_cells(s, l.start, l.end, c1, 2) == 1;
            size_t w = 0;
            if (words && table_row(s, lines[q + 1].trim.start, lines[q + 1].trim.end, 0, &r1)) {
                token tk[MAX_TOKENS];
                uint32_t m = 0;
                fit_tokens(s, &r1, 0, 0, tk, &m, 0);
                w = l.end;
                while (w > l.start && !belopp_space_at(s, w - 1, l.end))
                    w--;
                if ((m >> 3) && first_word_is(s, (belopp_span){w, l.end}, TOTAL)) {
                    tb.last_total = 1;
                    title_lines[ntl++] = q;
                    j = q + 1;
                    words = 0;
                }
            }
            /* (a blank line may stand between such titles and the rows) */
            if (words && (w = spaced_word_titles(s, lines, n, q, tb.titles)) > 0) {
                tb.ntitles = w;
                title_lines[ntl++] = q;
                j = q + 1;
            }
        }
        if (stack_end) {
        } else if (tb.ntitles && j < n && rule_line(s, lines[j].trim))
            title_lines[ntl++] = j++; /* "|---|---|" under the titles */
        else if (tb.ntitles && j < n) {
            belopp_row r2;
            size_t n2 = title_line(s, lines[j].trim.start, lines[j].trim.end, t2);
            if (n2 && n2 == tb.ntitles && note_stub(s, tb.titles[0]) && note_stub(s, t2[0])) {
                /* "MSEK Note 2019 2018" over "Mkr Not 2019 2018": the same
                 * titles in a second language, not a second line of them */
                tb.notes_twice = 1;
                title_lines[ntl++] = j++;
            } else if (n2 && (n2 <= tb.ntitles ||
                              (n2 == tb.ntitles + 1 && n2 < BELOPP_MAX_COLUMNS && ntl == 1 &&
                               tb.titles[0].start < tb.titles[0].end &&
                               period_stub(s, tb.titles[0], tb.titles + 1, tb.ntitles - 1)))) {
                if (n2 > tb.ntitles) {
                    /* "Utfall  Utfall  Budget  Plan" over "Nämnd  2021  2022
                     * …" or "2021  2022 …": one cell fewer, its first a
                     * period's word, so the stub's cell is the empty one */
                    empty_stub(&tb);
                }
                merge_titles(&tb, t2, n2);
                title_lines[ntl++] = j++;
            } else if (!n2 && !word_line(s, lines[j].trim) &&
                       word_line_max(s, lines[j].trim, MAX_ROW_BYTES) && j + 1 < n &&
                       table_row(s, lines[j + 1].trim.start, lines[j + 1].trim.end, 0, &r2)) {
                /* "verksamhetens kostnaderverksamhetens kostnader…": the
                 * titles' words run together, a line too long for a section */
                title_lines[ntl++] = j++;
            }
        }
        belopp_row row;
        if (kind != U_TITLES && kind != U_PROSE && !year_unit && j < n) {
            /* titles not understood (stacked one a line, wrapped, of
             * periods: "2019" / "apr-jun" / "Rullande" / "12 mån"), under a
             * unit that is clear: skip them and take the columns from the
             * rows' shape */
            size_t at = skip_titles(s, lines, n, j);
            if (at > j) {
                tb.ntitles = 0; /* the columns by position, named by the unit line */
                memset(tb.columns, 0, sizeof tb.columns);
                stack_end = at;
                j = at;
            }
        }
        note_title_stub(s, &tb);
        mid_note_titles(s, &tb);
        if (tb.ntitles >= 3 && tb.ntitles < BELOPP_MAX_COLUMNS && tb.titles[0].start < tb.titles[0].end &&
            !note_stub(s, tb.titles[0])) {
            /* titles with no stub's ("Intäkter  Kostnader  Budget" over
             * "Skola  974 597  785 625  743 015"): the first row, blank
             * lines before it, can have a cell for every title and cannot
             * have one fewer; so the stub's title is empty now, before the
             * rows (blank lines between them) are gathered as the titles
             * say (build_table would see it too, from rows gathered) */
            size_t q = j;
            while (q < n && q < j + 2 && is_blank(lines, n, q))
                q++;
            belopp_row r0;
            token tk[MAX_TOKENS];
            uint32_t m = 0;
            if (q < n && table_row(s, lines[q].trim.start, lines[q].trim.end, 0, &r0)) {
                if (memchr(s + tb.titles[0].start, '%', tb.titles[0].end - tb.titles[0].start))
                    skip_lead_share(s, &r0); /* "+/- % 2022 …" over "Orderingång 28% 58 645 …":
                                                the share is no title's (build_table) */
                size_t nt0 = fit_tokens(s, &r0, 0, 0, tk, &m, 0);
                /* (not where the first number may be a footnote's:
                 * "Socialnämnden 2  2 092  1 978") */
                if (!lead_mark(s, &r0, tk, nt0) && (m >> tb.ntitles & 1) &&
                    !(m >> (tb.ntitles - 1) & 1)) {
                    empty_stub(&tb);
                }
            }
        }
        if (tb.ntitles && j < n && !may_be_row(s, lines, n, j)) {
            /* blank lines and a section or two ("TILLGÅNGAR" /
             * "Anläggningstillgångar") between the titles and the first row
             * (which may be wrapped: "Verksamhetens intäkter" / "3 270,6 …") */
            size_t q = j, words = 0, used;
            while (q < n && q < j + 6 && !wrapped_row(s, lines, n, q, &row, &used) &&
                   (is_blank(lines, n, q) || (word_line(s, lines[q].trim) && ++words <= 3) ||
                    (kind == U_TITLES && q == j && rule_line(s, lines[q].trim)) ||
                    (kind == U_TITLES && q > 0 && rule_line(s, lines[q - 1].trim) &&
                     period_cells(s, lines[q].trim, tb.ntitles))))
                q++;
            if (q > j && q < n && row_at(s, lines, n, q, &row, &used))
                j = q;
        } else if (!tb.ntitles && !stack_end && (kind == U_CAPTION || kind == U_ALONE)) {
            j = rows_after_blanks(s, lines, n, j);
        }
        size_t last = j;
        /* a page that lost the space between each label and its value
         * ("Revision431", "Politisk verksamhet, totalt6 940"): two such
         * lines or more in the first rows, and every row is read so */
        int glued = 0, weak = 0;
        for (size_t q = j; q < n && q < j + 12 && glued < 2 && glued + weak < 3; q++) {
            belopp_row r4, r6;
            belopp_span lq = lines[q].trim;
            if (!glued_row(s, lq, &r4)) /* (glued_row first: it rejects most lines at once) */
                continue;
            if (!table_row(s, lq.start, lq.end, 0, &r6))
                glued++;
            else if (glued_label_digits(s, r6.label) && glued_after_word(s, r4.values.start))
                weak++; /* "Kammarkollegiet20 199 766", "(ram)897 000": read
                         * with a space, digits stay glued to the label */
        }
        glued = glued >= 2 || glued + weak >= 3;
        if (glued && !tb.ntitles && !stack_end && g->nrows == first_row) {
            /* headings between a unit caption and rows glued to their
             * labels ("Tilldelade anslag (belopp angivna i tkr)" / "" /
             * "Utgiftsområde 9 Hälsovård" / "" / "1:6" / "" / "Bidrag
             * till … (Ramanslag)" / "" / "Disponeras av …20 199 766"):
             * lines of words (not sentences) or a number code alone,
             * passed over to the first glued row */
            size_t q = j;
            belopp_row r5;
            while (q < n && q < j + 10 && !glued_row(s, lines[q].trim, &r5)) {
                belopp_span lq = lines[q].trim;
                int code = lq.end > lq.start && lq.end - lq.start <= 6;
                for (size_t x = lq.start; x < lq.end && code; x++)
                    code = (s[x] >= '0' && s[x] <= '9') ||
                           ((s[x] == ':' || s[x] == '.') && x > lq.start && x + 1 < lq.end);
                int heading = lq.end > lq.start && lq.end - lq.start <= 120 && s[lq.end - 1] != '.' &&
                              belopp_letter_at(s, lq.start, lq.end) && !table_row(s, lq.start, lq.end, 0, &r5);
                if (!is_blank(lines, n, q) && !code && !heading)
                    break;
                q++;
            }
            if (q < n && q < j + 10 && q > j && glued_row(s, lines[q].trim, &r5))
                j = last = q;
        }
        int notes = tb.ntitles && note_stub(s, tb.titles[0]);
        size_t parts_indent = 0; /* "därav" indented on a line of its own: the rows as far in under it are parts */
        for (; j < n; j++) {
            belopp_span l = lines[j].trim;
            if (g->nrows > first_row && page_break_at(s, lines, n, j))
                break; /* "3" / "Prop. 2025/26:1 Utgiftsområde 25": the page ends */
            if (g->nrows > first_row && part_heading(s, l))
                parts_indent = indent_of(s, lines, j);
            belopp_span ns = notes && g->nrows > first_row ? noted_section(s, l) : (belopp_span){0, 0};
            if (ns.end > ns.start && tb.ntitles > 2 && j + 1 < n && values_line(s, lines[j + 1].trim)) {
                /* a label and its notes, its values wrapped onto lines of
                 * their own ("Ränteintäkter … 15" / "15 843 7 240" / "4 140"
                 * / "2 211", a web page's narrow cells): a row when the
                 * values lines can fill the columns (a line break ends a
                 * cell; build_table splits them, or leaves the row out) */
                size_t q = j + 1, lastv = j;
                while (q < n && q <= j + BELOPP_MAX_COLUMNS && values_line(s, lines[q].trim))
                    lastv = q++;
                belopp_row rw;
                memset(&rw, 0, sizeof rw);
                rw.label = clean_label(s, ns);
                rw.values = (belopp_span){lines[j + 1].trim.start, lines[lastv].trim.end};
                rw.line = (belopp_span){l.start, lines[lastv].trim.end};
                rw.table = g->ntables;
                token tk[MAX_TOKENS];
                uint32_t m = 0;
                fit_tokens(s, &rw, 0, 0, tk, &m, 0);
                if (m >> (tb.ntitles - 1) & 1) {
                    if (add_row_over(g, lines, j, lastv + 1, rw) < 0)
                        return -1;
                    last = lastv + 1;
                    j = lastv;
                    continue;
                }
            }
            if (ns.end > ns.start)
                l = ns; /* a section with its notes: its words */
            else if (counts_apart(s, lines, n, j, g->nrows > first_row && tb.ntitles > 2)) {
                j++; /* (its values line passed over too: neither is a row) */
                if (is_blank(lines, n, j))
                    j++;
                continue;
            } else if (g->nrows > first_row && year_header(s, l)) {
                break; /* "2026" or "Pris, kr 2026" under the rows of 2025:
                        * the next section's header, another table */
            } else if (((glued && glued_row(s, l, &row)) ||
                        table_row(s, l.start, l.end, g->nrows > first_row, &row)) &&
                       !(g->nrows == first_row && !glued && values_are_titles(s, &row))) {
                /* (a first "row" of titles, "Utfall 2021" one a line, is
                 * none: the table is read one cell a line below) */
                size_t want = glued ? 0 : wrap_columns(g, s, lines, n, j, first_row, tb.ntitles);
                size_t wend = glued ? 0 : wrapped_on(s, lines, n, j, &row, want);
                row.part = parts_indent > 0 && indent_of(s, lines, j) >= parts_indent;
                if (!row.part)
                    parts_indent = 0;
                if (add_row_over(g, lines, j, wend ? wend : j + 1, row) < 0)
                    return -1;
                if (wend)
                    j = wend - 1;
                last = j + 1;
                continue;
            }
            /* a line of values only under the rows of a section: the
             * section's sum with its label left unprinted ("Rörelsens
             * intäkter" / rows / "128 975 120 724"), labelled by the
             * section */
            if (g->nrows > first_row && tb.ntitles > 2 && values_line(s, l)) {
                belopp_span sec = section_above(s, lines, i, j);
                token tk[MAX_TOKENS];
                uint32_t m = 0;
                memset(&row, 0, sizeof row);
                belopp_span up = j > 0 ? lines[j - 1].trim : (belopp_span){0, 0};
                int marked = 0;
                if (up.end > up.start && lines[j - 1].kind == 2 && g->nrows > first_row &&
                    g->rows[g->nrows - 1].line.start == up.start && less_mark(s, up).end < up.end &&
                    word_line_max(s, less_mark(s, up), 120)) {
                    /* "Rörelseresultat (EBIT)1" / "10 030 19 715 …": a label
                     * with a footnote's digit, taken for a row of one value,
                     * over its values: one row, its label on its own line */
                    g->nrows--;
                    sec = clean_label(s, less_mark(s, up));
                    marked = 1;
                }
                row.label = sec;
                row.values = row.line = l;
                if (marked)
                    row.line.start = up.start;
                row.table = g->ntables;
                if (sec.start == sec.end)
                    row.label = (belopp_span){l.start, l.start}; /* a sum with no name */
                fit_tokens(s, &row, 0, 0, tk, &m, 0);
                belopp_row r3;
                if ((m >> (tb.ntitles - 1) & 1) ||
                    /* a piece of a row wrapped onto a line of its own ("89
                     * 785" under "Resultat från andelar … 90 131"), rows
                     * going on after it: a row of its own, left out (said
                     * on stderr) as its cells fill no column clearly */
                    (j + 1 < n && table_row(s, lines[j + 1].trim.start, lines[j + 1].trim.end, 0, &r3))) {
                    PUSH(g->rows, g->nrows, g->caprows, row);
                    lines[j].kind = 2;
                    last = j + 1;
                    continue;
                }
            }
            /* a label on a line of its own and its values on the next
             * ("Summa rörelsens kostnader" / "-762 -763"), as text from a
             * PDF wraps a long row */
            size_t used;
            if (g->nrows > first_row && l.start == l.end && is_blank(lines, n, j + 1) &&
                !is_blank(lines, n, j + 2) && !is_blank(lines, n, j - 1))
                continue; /* two blank lines: the second decides */
            if (notes && g->nrows > first_row && word_line(s, l) && j + 2 < n &&
                note_alone(s, lines[j + 1].trim) && row_at(s, lines, n, j + 2, &row, &used)) {
                j++; /* a section and its note on a line of its own: "Eget kapital" / "19" */
                continue;
            }
            if (glued && tb.ntitles <= 2 && g->nrows > first_row && l.start == l.end && j + 3 < n &&
                word_line(s, lines[j + 1].trim) && is_blank(lines, n, j + 2) && value_line(s, lines[j + 3].trim))
                continue; /* a blank line before such a row set apart (below) */
            if (g->nrows > first_row && (tb.ntitles > 2 || (glued && tb.ntitles <= 2)) && word_line(s, l)) {
                /* a row of the table written one cell a line, blank lines
                 * between ("Summa eget kapital" / "" / "31 382,7" / "" /
                 * "28 999,5" / …): as many values alone as there are
                 * columns, and no more; in a table of one value a row
                 * glued to its label, a row set apart so ("Totalt" / "" /
                 * "6 107", a web page's table foot) */
                size_t want = tb.ntitles > 2 ? tb.ntitles - 1 : 1, q = j + 1, got = 0, lastv = j;
                while (q < n && got <= want) {
                    if (!is_blank(lines, n, q)) {
                        if (!value_line(s, lines[q].trim))
                            break;
                        got++;
                        lastv = q;
                    }
                    q++;
                }
                if (got == want && lastv > j + 1) {
                    memset(&row, 0, sizeof row);
                    row.label = clean_label(s, l);
                    row.values = (belopp_span){lines[j + 1 < n && is_blank(lines, n, j + 1) ? j + 2 : j + 1]
                                                   .trim.start,
                                               lines[lastv].trim.end};
                    row.line = (belopp_span){l.start, lines[lastv].trim.end};
                    if (add_row_over(g, lines, j, lastv + 1, row) < 0)
                        return -1;
                    last = lastv + 1;
                    j = lastv;
                    continue;
                }
            }
            belopp_row next_row;
            size_t next_used;
            if ((g->nrows > first_row || tb.ntitles ||
                 /* under a caption or a unit alone, a first row wrapped
                  * when another row follows it ("Belopp 1 vecka, kr" /
                  * "Tilläggsbidrag" / "1 barn" / "146" / "Tilläggsbidrag" …) */
                 ((kind == U_CAPTION || kind == U_ALONE) && j == last &&
                  wrapped_row(s, lines, n, j, &row, &used) &&
                  row_at(s, lines, n, j + used, &next_row, &next_used))) &&
                wrapped_row(s, lines, n, j, &row, &used)) {
                if (add_row_over(g, lines, j, j + used, row) < 0)
                    return -1;
                last = j + used;
                j += used - 1;
                continue;
            }
            /* a line of words inside a table ("Finansiella poster"), or
             * first under its titles, or a rule ("- - - -"), when a row
             * follows it */
            unit_info su;
            if (word_line_max(s, l, 120) && own_unit(s, l, &su))
                break; /* a section naming a unit ("Bidrag till föreningar, tkr")
                        * heads another table: the rows under it are not in
                        * this one's unit */
            if ((g->nrows > first_row || tb.ntitles) &&
                (word_line(s, l) || rule_line(s, l) || paren_section(s, l) || glued_mark_section(s, l) ||
                 (l.end > l.start && s[l.end - 1] == ':' && word_line_max(s, l, 120)) || /* "… till:" */
                 (tb.notes_twice && word_line_max(s, l, 120)))) { /* a section in two languages */
                if (j + 1 < n && table_row(s, lines[j + 1].trim.start, lines[j + 1].trim.end, 0, &row))
                    continue;
                size_t wused;
                if (g->nrows > first_row && j + 1 < n && !is_blank(lines, n, j + 1) &&
                    wrapped_row(s, lines, n, j + 1, &row, &wused))
                    continue; /* "INVESTERINGSVERKSAMHET" / "Investering i immateriella" /
                               * "anläggningstillgångar" / "0 0 0 0" */
                if (g->nrows > first_row && empty_celled(s, len, lines[j]))
                    continue; /* "| Burma, se Myanmar | |" over "| C | |": rows of
                               * no value, in cells, go on with the table */
                /* a line of spaces under the section ("DEN LÖPANDE
                 * VERKSAMHETEN" / "   " / row), as PDF text gives it */
                if (j + 2 < n && is_blank(lines, n, j + 1) && lines[j + 1].spaces &&
                    table_row(s, lines[j + 2].trim.start, lines[j + 2].trim.end, 0, &row)) {
                    j++;
                    continue;
                }
            }
            if (g->nrows > first_row && tb.ntitles > 2 && !word_line(s, l) &&
                word_line_max(s, l, 120) && s[l.end - 1] != '.' && j + 1 < n &&
                table_row(s, lines[j + 1].trim.start, lines[j + 1].trim.end, 0, &row)) {
                /* a long label with no values of its own ("Skatt hänförlig
                 * till komponenter avseende …", its cells empty), not a
                 * sentence, over a row with a value in every column */
                token tk[MAX_TOKENS];
                uint32_t m;
                fit_tokens(s, &row, 0, 0, tk, &m, 0);
                if (m >> (tb.ntitles - 1) & 1)
                    continue;
            }
            /* a blank line inside a table with titles, or a line of words
             * (a section: "ÖVRIGT TOTALRESULTAT" over "Poster som kan
             * omföras"), when a row with as many values as there are titles
             * follows after at most two lines of words */
            size_t nx = j + 1;
            int counts_section = word_line(s, l) && names_shares(s, l) && !key_figures_section(s, l);
            /* blank lines run together where a PDF page had a gap ("" /
             * "  " / "  " / "Avstämning mot balanskravet" / row; five lines
             * of a space at most): one blank line */
            for (size_t q = nx; l.start == l.end && q < j + 6 && q + 1 < n && is_blank(lines, n, q); q++)
                nx = q + 1;
            size_t gap_end = nx; /* (a heading after such a gap may be long) */
            for (int w = 0, blanks = 0; w < 2 && nx + 1 < n; w++) {
                /* a blank line (or one of spaces) between sections and their
                 * first row: "EGET KAPITAL" / "   " / "Eget kapital" / row */
                if ((nx > j + 1 || word_line(s, l)) && blanks < 2 && is_blank(lines, n, nx) &&
                    !is_blank(lines, n, nx + 1)) {
                    nx++;
                    blanks++;
                    w--;
                    continue;
                }
                size_t used2;
                belopp_span nsx = notes ? noted_section(s, lines[nx].trim) : (belopp_span){0, 0};
                /* a long section or label of no values right over a row
                 * ("Poster som har omförts eller kan omföras till periodens
                 * resultat" / row): not a sentence, so a line of words */
                belopp_span lx = lines[nx].trim;
                belopp_row rx;
                int long_ok = (nx == gap_end && nx > j + 1) ||
                              (lx.end > lx.start && s[lx.end - 1] != '.' && nx + 1 < n &&
                               table_row(s, lines[nx + 1].trim.start, lines[nx + 1].trim.end, 0, &rx));
                if (nsx.end == nsx.start &&
                    (!word_line_max(s, lines[nx].trim, long_ok ? 120 : 60) ||
                     may_be_row(s, lines, n, nx) ||
                     (wrapped_row(s, lines, n, nx, &row, &used2) &&
                      !(notes && note_alone(s, lines[nx + 1].trim)))))
                    break; /* (a row's label over its values: the row) */
                /* a new table's titles ("Andel förnybar el 2024 2023") end
                 * this one, and so does a section of counts or shares
                 * ("Medelantal anställda") */
                belopp_span tt[BELOPP_MAX_COLUMNS];
                if (title_line(s, lines[nx].trim.start, lines[nx].trim.end, tt) >= 3)
                    counts_section = 1;
                counts_section |= names_shares(s, lines[nx].trim) && !key_figures_section(s, lines[nx].trim);
                /* (and so does a section naming a unit, as above) */
                unit_info uu;
                counts_section |= own_unit(s, lines[nx].trim, &uu);
                nx++;
                if (notes && nx + 1 < n && note_alone(s, lines[nx].trim))
                    nx++; /* the section's note under it */
            }
            if ((nx > j + 1 || word_line(s, l)) && nx + 1 < n && is_blank(lines, n, nx) &&
                !is_blank(lines, n, nx + 1))
                nx++; /* "Omsättningstillgångar" / "   " / "– Förråd 17 5,1 4,7" */
            if (g->nrows > first_row && kind == U_LEAD && l.start == l.end && nx == j + 1 &&
                nx < n && table_row(s, lines[nx].trim.start, lines[nx].trim.end, 0, &row)) {
                /* no titles: the next row has as many values (three or more)
                 * as the one before */
                token tk[MAX_TOKENS];
                uint32_t m, mp;
                fit_tokens(s, &row, 0, 0, tk, &m, 0);
                fit_tokens(s, &g->rows[g->nrows - 1], 0, 0, tk, &mp, 0);
                if ((m & mp) >> 3)
                    continue;
            }
            belopp_span tt2[BELOPP_MAX_COLUMNS];
            size_t used_nx;
            if (nx < n && title_line(s, lines[nx].trim.start, lines[nx].trim.end, tt2) >= 3)
                counts_section = 1; /* "Nyckeltal 2024 2023": a new table's titles */
            if (g->nrows > first_row && !counts_section &&
                (l.start == l.end || (word_line(s, l) && nx > j + 1)) &&
                tb.ntitles > 2 && nx < n && row_at(s, lines, n, nx, &row, &used_nx)) {
                token tk[MAX_TOKENS];
                uint32_t m;
                size_t nt = tb.ntitles - 1;
                fit_tokens_mid(s, &row, 0, note_stub(s, tb.titles[0]) ? nt : 0, tb.note_at, tk, &m, 0);
                if (!m && note_stub(s, tb.titles[0])) /* a note or a value: left out, but a row */
                    fit_tokens(s, &row, 0, 0, tk, &m, 0);
                size_t v0 = row.values.start;
                if (!(m >> (tb.ntitles - 1) & 1) && row.values.end - v0 > 5 &&
                    belopp_is_year(s, (belopp_span){v0, v0 + 4}) && s[v0 + 4] == ' ') {
                    /* "Pensionsåtaganden före 1998   601,0 612,4 …": a year
                     * ending the label (year_to_label reads the row so) */
                    belopp_row r2 = row;
                    r2.label.end = v0 + 4;
                    r2.values.start = belopp_skip_spaces(s, v0 + 4, row.values.end);
                    uint32_t m2 = 0;
                    fit_tokens_mid(s, &r2, 0, note_stub(s, tb.titles[0]) ? nt : 0, tb.note_at, tk, &m2, 0);
                    if (m2 >> (tb.ntitles - 1) & 1)
                        m = m2;
                }
                if (m >> (tb.ntitles - 1) & 1) {
                    if (gap_end > j + 1 || (nx > j + 1 && used_nx >= 3))
                        j = nx - 1; /* on at the row: the heading may be long, or the
                                       row's label wrapped ("Kassaflöde från den
                                       löpande verksamheten" / "före förändring …") */
                    continue;
                }
                /* or a row short of cells, a wide gap for the empty ones */
                if (m && !(m >> tb.ntitles) && gap_row(s, &row))
                    continue;
                /* or a row short of cells ("Jämförelsestörande poster 35,9 -
                 * -138,6" under five titles: left out, the columns not
                 * told) with a row of the titles' count under it */
                belopp_row r3;
                size_t used3;
                if (m && !(m >> tb.ntitles) && nx + used_nx < n &&
                    row_at(s, lines, n, nx + used_nx, &r3, &used3)) {
                    uint32_t m3 = 0;
                    fit_tokens_mid(s, &r3, 0, note_stub(s, tb.titles[0]) ? nt : 0, tb.note_at, tk, &m3, 0);
                    if (m3 >> (tb.ntitles - 1) & 1) {
                        if (gap_end > j + 1)
                            j = nx - 1;
                        continue;
                    }
                }
            }
            /* or a label on a line of its own and its values on the next
             * ("" / "Verksamhetens nettokostnader" / "– 1 199,8 – 1 292,3
             * …"), the values as many as the titles */
            size_t lab = SIZE_MAX; /* the label's line */
            if (nx < n && nx > j + 1 && values_line(s, lines[nx].trim))
                lab = nx - 1; /* (the label was taken as a section) */
            else if (nx + 1 < n && values_line(s, lines[nx + 1].trim))
                lab = nx;
            if (g->nrows > first_row && !counts_section && lab != SIZE_MAX && lab > j &&
                (l.start == l.end || word_line_max(s, l, 120)) && tb.ntitles > 2 &&
                word_line_max(s, lines[lab].trim, 120) && !belopp_is_year(s, lines[lab].trim)) {
                token tk[MAX_TOKENS];
                uint32_t m;
                size_t nt = tb.ntitles - 1;
                memset(&row, 0, sizeof row);
                row.label = lines[lab].trim;
                row.values = lines[lab + 1].trim;
                row.line = (belopp_span){row.label.start, row.values.end};
                fit_tokens_mid(s, &row, 0, note_stub(s, tb.titles[0]) ? nt : 0, tb.note_at, tk, &m, 0);
                if (m >> nt & 1) {
                    j = lab - 1; /* on at the label */
                    continue;
                }
            }
            break;
        }
        vrow *vr = NULL;
        if (g->nrows == first_row && (kind == U_ALONE || kind == U_CAPTION) && tb.ntitles) {
            /* titles read (stacked one a line: "2021" / "2022" / …) and no
             * row under them: the cells may be one a line too */
            tb.ntitles = 0;
            memset(tb.titles, 0, sizeof tb.titles);
            memset(tb.columns, 0, sizeof tb.columns);
        }
        if (g->nrows == first_row && (kind == U_ALONE || kind == U_CAPTION) && tb.ntitles == 0) {
            size_t end = vertical_table(g, s, lines, n, i, &tb, unread);
            if (end == (size_t)-1)
                return -1;
            if (!end) {
                free(vr);
                end = vertical_stream(g, s, lines, n, i, &tb, &vr);
                if (end == (size_t)-1)
                    return -1;
            }
            if (!end) {
                free(vr);
                end = spaced_stream(g, s, lines, n, i, &tb, &vr);
                if (end == (size_t)-1)
                    return -1;
            }
            if (!end) {
                free(vr);
                end = wrapped_stream(g, s, lines, n, i, &tb, &vr);
                if (end == (size_t)-1)
                    return -1;
            }
            if (end)
                last = end;
        }
        if (g->nrows > first_row && kind == U_TITLES && !names_a_unit(s, &tb, g->rows + first_row,
                                                                        g->nrows - first_row))
            g->nrows = first_row; /* no unit anywhere: not a table of money */
        if (g->nrows == first_row) {
            size_t pe = price_table(g, s, lines, n, i); /* (as above) */
            if (!pe)
                pe = sum_price_table(g, s, lines, n, i);
            if (pe == (size_t)-1)
                return -1;
            if (pe)
                i = pe - 1;
            continue;
        }
        tb.header = h;
        if (kind == U_CAPTION)
            tb.caption = h;
        else if (i > 0 && lines[i - 1].trim.start < lines[i - 1].trim.end)
            tb.caption = lines[i - 1].trim;
        lines[i].kind = 1;
        for (size_t q = 0; q < ntl; q++)
            lines[title_lines[q]].kind = 1;
        for (size_t q = i + 1; q < stack_end; q++)
            lines[q].kind = 1;
        PUSH_OR(g->tables, g->ntables, g->captables, tb, { free(vr); return -1; });
        int cut = last == n && lines[n - 1].trim.end == len && len > 0 && s[len - 1] != '\n';
        int at_end = 1; /* nothing but blank lines after the table */
        for (size_t q = last; q < n && at_end; q++)
            at_end = lines[q].trim.start == lines[q].trim.end;
        int rc = vr ? build_vertical(g, s, g->ntables - 1, first_row, g->nrows, vr)
                    : build_table(g, s, g->ntables - 1, first_row, g->nrows, cut, at_end);
        free(vr);
        if (rc < 0)
            return -1;
        i = last - 1;
    }
    return 0;
}

static int find_sentences(belopp_segments *g, const char *s, const line *lines, size_t n)
{
    size_t open = SIZE_MAX;
    for (size_t i = 0; i < n; i++) {
        const line *l = &lines[i];
        if (l->trim.start == l->trim.end)
            continue;
        if (l->kind != 0) {
            if (push_sentence(g, s, l->trim.start, l->trim.end) < 0)
                return -1;
            continue;
        }
        if (open == SIZE_MAX)
            open = l->trim.start;
        if (split_line(g, s, l->trim.start, l->trim.end, &open) < 0)
            return -1;
        /* Go on over the line break only into a lower-case continuation. */
        const line *next = i + 1 < n ? &lines[i + 1] : NULL;
        unsigned char first = next ? (unsigned char)s[next->trim.start] : 0;
        int goes_on = next && next->kind == 0 && next->trim.start < next->trim.end &&
                      (first < 0x80 ? first >= 'a' && first <= 'z'
                                    : category_at(s, next->trim.start, next->trim.end) ==
                                          UTF8PROC_CATEGORY_LL);
        if (!goes_on) {
            if (push_sentence(g, s, open, l->trim.end) < 0)
                return -1;
            open = SIZE_MAX;
        }
    }
    return 0;
}


/* Is line [a, b) a bar alone? */
static int lone_bar(const char *s, size_t a, size_t b)
{
    return b == a + 1 && s[a] == '|';
}

/* Is line [a, b) a value of a table row: digits (with spaces, a sign, a
 * decimal comma, a list of notes "2, 5, 6"), and no year alone? */
static int bar_cell_value(const char *s, size_t a, size_t b)
{
    if (a == b || belopp_is_year(s, (belopp_span){a, b}))
        return 0;
    for (size_t i = a; i < b; i++)
        if (!((s[i] >= '0' && s[i] <= '9') || s[i] == ' ' || s[i] == ',' || (i == a && s[i] == '-')))
            return 0;
    return s[b - 1] >= '0' && s[b - 1] <= '9';
}

/* A table a page flattened to one cell a line may write a bar alone on the
 * line between every two cells ("Hyresintäkter" / "|" / "3" / "|" / "842
 * 469" / "|" / …), two bars running together with an empty cell between
 * them ("Fastighetsskatt" / "|" / "|" / "-14 649": no note).  The first bar
 * of a run is a gap between cells, as a blank line is: a lone CR, which
 * collect_lines reads as blank (as of a CRLF text), not as a line of spaces.
 * Each further bar of the run is an empty cell, once the rows have begun (a
 * value seen): a "-", as a table writes a cell with no value, so that the
 * value after it is not taken for a note.  Above the first value the runs
 * are the header's spanning cells ("(tkr)" / "|" / "|" / "Koncernen"): gaps
 * only.  Such a table has no blank line inside it: lines [a, e) are one.
 * Where group titles over the years ("Koncernen" / "Moderbolaget" / "NOT" /
 * "2022" / …) are followed at once by a row of values, the one-cell-a-line
 * readers would take the group titles for column titles: the bars are then
 * left as they are (no table), as they are where no line is a bar alone. */
static void bars_region(char *s, size_t a0, size_t e)
{
    size_t lines_before = 0, last_year = 0, groups = 0, labels_after = 0, bars = 0;
    int prev_bar = 0, rows = 0;
    for (size_t a = a0; a < e && !rows;) { /* the header: up to the first value */
        const char *nl = memchr(s + a, '\n', e - a);
        size_t b = nl ? (size_t)(nl - s) : e;
        belopp_span l = belopp_trim(s, a, b);
        if (lone_bar(s, a, b)) {
            prev_bar = 1;
            bars++;
        } else if (prev_bar && bar_cell_value(s, l.start, l.end)) {
            rows = 1;
        } else if (l.start < l.end) {
            lines_before++;
            if (belopp_is_year(s, l)) {
                last_year = lines_before;
                groups += labels_after; /* words before a year: group titles */
                labels_after = 0;
            } else if (lines_before > 1 && !first_word_is(s, l, NOTE)) {
                labels_after++;
            }
            prev_bar = 0;
        }
        a = b + 1;
    }
    if (!bars || (groups && last_year && labels_after < 2))
        return;
    prev_bar = rows = 0;
    for (size_t a = a0; a < e;) {
        const char *nl = memchr(s + a, '\n', e - a);
        size_t b = nl ? (size_t)(nl - s) : e;
        if (lone_bar(s, a, b)) {
            s[a] = prev_bar && rows ? '-' : '\r';
            prev_bar = 1;
        } else {
            belopp_span l = belopp_trim(s, a, b);
            rows |= prev_bar && bar_cell_value(s, l.start, l.end);
            prev_bar = 0;
        }
        a = b + 1;
    }
}

/* Reads each run of lines between blank lines that holds a bar alone on a
 * line as bars_region says.  Changes nothing where no line is a bar alone. */
static void lone_bars(char *s, size_t len)
{
    for (size_t a = 0; a < len;) {
        size_t e = a;
        while (e < len) {
            const char *nl = memchr(s + e, '\n', len - e);
            size_t b = nl ? (size_t)(nl - s) : len;
            belopp_span l = belopp_trim(s, e, b);
            if (l.start == l.end)
                break; /* a blank line ends the region */
            e = b < len ? b + 1 : len;
        }
        if (e > a)
            bars_region(s, a, e);
        const char *nl = memchr(s + e, '\n', len - e);
        a = nl ? (size_t)(nl - s) + 1 : len; /* past the blank line */
        if (e == len)
            break;
    }
}

static void pipes_to_tabs(char *s, size_t len)
{
    for (size_t a = 0; a < len;) {
        const char *nl = memchr(s + a, '\n', len - a);
        size_t b = nl ? (size_t)(nl - s) : len;
        /* two bars or more: found by memchr (most lines have none) */
        const char *bar = memchr(s + a, '|', b - a);
        if (bar && memchr(bar + 1, '|', (size_t)(s + b - (bar + 1))))
            for (size_t i = a; i < b; i++)
                if (s[i] == '|')
                    s[i] = '\t';
        a = b + 1;
    }
}

belopp_segments *belopp_segment(const belopp_text *t)
{
    belopp_segments *g = calloc(1, sizeof *g);
    if (g && belopp_segment_again(g, t) < 0) {
        belopp_segments_free(g);
        return NULL;
    }
    return g;
}

int belopp_segment_again(belopp_segments *g, const belopp_text *t)
{
    g->nsent = g->nrows = g->ntables = g->ncells = 0;
    g->vtries = g->gtries = 0;
    const char *s = belopp_text_data(t);
    size_t len = belopp_text_len(t);
    g->text = s;
    size_t n = 0;
    const char *ts = s;
    if (memchr(s, '|', len)) {
        void *p = g->pipes;
        if (len == SIZE_MAX || belopp_grow(&p, &g->cappipes, len + 1, 1) < 0)
            return -1;
        g->pipes = p;
        memcpy(g->pipes, s, len + 1);
        pipes_to_tabs(g->pipes, len);
        lone_bars(g->pipes, len);
        ts = g->pipes;
    }
    if (collect_lines(ts, len, &g->lines, &g->caplines, &n) < 0 ||
        find_tables(g, ts, len, g->lines, n) < 0 || find_sentences(g, ts, g->lines, n) < 0) {
        g->nsent = g->nrows = g->ntables = g->ncells = 0;
        return -1;
    }
    return 0;
}

void belopp_segments_free(belopp_segments *g)
{
    if (!g)
        return;
    free(g->sent);
    free(g->rows);
    free(g->tables);
    free(g->cells);
    free(g->lines);
    free(g->pipes);
    free(g);
}

/* The first element of a sorted array whose span ends after off: a binary
 * search, or with a hint (where the last lookup ended) a walk forward from
 * there, which costs O(1) a lookup for offsets in increasing order.  The
 * arrays are of spans (sentences) and of rows (their value spans). */
static size_t first_ending_after(const char *base, size_t n, size_t stride, size_t end_at,
                                 size_t off, size_t *hint)
{
#define END_OF(i) (*(const size_t *)(const void *)(base + (i) * stride + end_at))
    size_t lo = 0, hi = n;
    if (hint && *hint <= n && (*hint == 0 || END_OF(*hint - 1) <= off)) {
        lo = *hint;
        while (lo < n && END_OF(lo) <= off)
            lo++;
    } else {
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (END_OF(mid) <= off)
                lo = mid + 1;
            else
                hi = mid;
        }
    }
#undef END_OF
    if (hint)
        *hint = lo;
    return lo;
}

belopp_span belopp_segments_sentence(const belopp_segments *g, size_t off, size_t *hint)
{
    size_t i = first_ending_after((const char *)g->sent, g->nsent, sizeof *g->sent,
                                  offsetof(belopp_span, end), off, hint);
    if (i < g->nsent && g->sent[i].start <= off)
        return g->sent[i];
    return (belopp_span){off, off};
}

const belopp_row *belopp_segments_row(const belopp_segments *g, size_t off, size_t *hint)
{
    size_t i = first_ending_after((const char *)g->rows, g->nrows, sizeof *g->rows,
                                  offsetof(belopp_row, values) + offsetof(belopp_span, end), off,
                                  hint);
    if (i < g->nrows && g->rows[i].values.start <= off)
        return &g->rows[i];
    return NULL;
}

/* Value column `column` has titles[column + 1] when the title line reaches
 * that far; otherwise the header is its title (index 0). */

const belopp_row *belopp_segments_row_at(const belopp_segments *g, size_t off, size_t *hint)
{
    size_t i = first_ending_after((const char *)g->rows, g->nrows, sizeof *g->rows,
                                  offsetof(belopp_row, line) + offsetof(belopp_span, end), off,
                                  hint);
    if (i < g->nrows && g->rows[i].line.start <= off)
        return &g->rows[i];
    return NULL;
}

const belopp_row *belopp_segments_row_at_index(const belopp_segments *g, size_t i)
{
    return i < g->nrows ? &g->rows[i] : NULL;
}

const belopp_cell *belopp_segments_cell(const belopp_segments *g, size_t i)
{
    return i < g->ncells ? &g->cells[i] : NULL;
}

belopp_span belopp_segments_column_title(const belopp_segments *g, const belopp_row *row,
                                         size_t column)
{
    const belopp_table *tb = &g->tables[row->table];
    if (column < tb->ncolumns && tb->columns[column].title.start < tb->columns[column].title.end)
        return tb->columns[column].title;
    return column + 1 < tb->ntitles && tb->titles[column + 1].start < tb->titles[column + 1].end
               ? tb->titles[column + 1]
               : tb->header;
}

size_t belopp_segments_column_name(const belopp_segments *g, const belopp_row *row,
                                   size_t column, char *buf, size_t cap)
{
    const char *s = g->text;
    const belopp_table *tb = &g->tables[row->table];
    belopp_span a = belopp_segments_column_title(g, row, column), b = {0, 0};
    if (column < tb->ncolumns)
        b = tb->columns[column].title2;
    size_t la = a.end - a.start, lb = b.end - b.start, sep = 0;
    if (lb && la && s[a.end - 1] == '-')
        la--; /* "Stats-" "budget" */
    else if (lb && la)
        sep = 1;
    size_t total = la + sep + lb, o = 0;
    char tmp[2] = " ";
    const struct { const char *p; size_t n; } parts[3] = {{s + a.start, la}, {tmp, sep}, {s + b.start, lb}};
    for (size_t i = 0; i < 3; i++)
        for (size_t k = 0; k < parts[i].n && o + 1 < cap; k++)
            buf[o++] = parts[i].p[k];
    while (o > 0 && o < total && ((unsigned char)buf[o] & 0xC0) == 0x80)
        o--; /* never cut a character (buf[o] is the next byte written, if any) */
    if (cap)
        buf[o] = '\0';
    return total;
}

int belopp_segments_column_is_money(const belopp_segments *g, const belopp_row *row,
                                    size_t column)
{
    const belopp_table *tb = &g->tables[row->table];
    if (column < tb->ncolumns)
        return tb->columns[column].money;
    return !(tb->shares & 1u);
}

const belopp_table *belopp_segments_table(const belopp_segments *g, size_t i)
{
    return i < g->ntables ? &g->tables[i] : NULL;
}

size_t belopp_segments_nsentences(const belopp_segments *g) { return g->nsent; }
size_t belopp_segments_nrows(const belopp_segments *g) { return g->nrows; }
size_t belopp_segments_ntables(const belopp_segments *g) { return g->ntables; }
size_t belopp_segments_ncells(const belopp_segments *g) { return g->ncells; }
