/* lexicon.c — every word list of belopp, each with where its words come from.
 *
 * Design note: the facts about Swedish money texts these lists rely on.
 * - A unit follows the number: "6,8 miljarder kronor", "45 mkr", "12:-";
 *   foreign amounts and reports in English style put the code or symbol
 *   before it, spaced or glued: "SEK 30", "USD 30 miljoner", "EUR29,99",
 *   "€5,90", "US$ 2", "$ 254 miljoner".
 * - Swedish names a currency by country adjective and noun ("norska kronor",
 *   "amerikanska dollar", "finska mark"), by a compound ("schweizerfranc"),
 *   or by the noun alone where it is unambiguous ("euro", "yen", "yuan").
 * - "N miljoner" is money in a text about money unless it counts something:
 *   "10,5 miljoner invånare", "2 miljoner doser", "3 miljoner ton".
 * - Words are compared ignoring case, except ISO codes, which count only in
 *   capitals: "TOP" is Tonga's pa'anga, "top" is a word.
 */
#include "lexicon.h"

#include <ctype.h>
#include <stdint.h>
#include <pthread.h>
#include <string.h>
#include <strings.h>

#include <utf8proc.h>

/* ISO 4217 codes with their minor-unit exponent.  Source: the current codes
 * are Debian's iso-codes 4.15 (/usr/share/iso-codes/json/iso_4217.json),
 * less the precious metals, testing and "no currency" codes (XAG XAU XBA
 * XBB XBC XBD XDR XPD XPT XSU XTS XUA XXX); the exponents are ISO 4217's
 * "minor unit" column (0: BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND
 * VUV XAF XOF XPF; 3: BHD IQD JOD KWD LYD OMR TND; 4: CLF UYW; else 2).
 * Withdrawn codes readers meet in archives (ISO 4217 list three, with the
 * exponents ISO gave them): ATS BEF CYP DEM EEK ESP FIM FRF GRD IEP ITL LTL
 * LUF LVL MTL NLG PTE SIT SKK.
 *   X  a code matched in capitals only;
 *   A  a code matched in any case ("30 sek"), the six common ones;
 *   Q  a code known for its exponent but never matched as a code, because it
 *      is also an English or Swedish word or a common acronym in capitals:
 *      ALL AMD BAM BOB CUP GEL MAD MOP PEN SIT SOS TOP; Swedish "dem", "dop",
 *      "mur", "nio", "ved"; ISK, the Swedish investment account ("skatten på
 *      ISK 2024"); the word "isländska kronor" still gives ISK. */
#define ISO_4217(X, A, Q) \
    X(AED, 2) X(AFN, 2) Q(ALL, 2) Q(AMD, 2) X(ANG, 2) X(AOA, 2) X(ARS, 2) X(ATS, 2) X(AUD, 2) \
    X(AWG, 2) X(AZN, 2) Q(BAM, 2) X(BBD, 2) X(BDT, 2) X(BEF, 0) X(BGN, 2) X(BHD, 3) X(BIF, 0) \
    X(BMD, 2) X(BND, 2) Q(BOB, 2) X(BOV, 2) X(BRL, 2) X(BSD, 2) X(BTN, 2) X(BWP, 2) X(BYN, 2) \
    X(BZD, 2) X(CAD, 2) X(CDF, 2) X(CHE, 2) X(CHF, 2) X(CHW, 2) X(CLF, 4) X(CLP, 0) X(CNY, 2) \
    X(COP, 2) X(COU, 2) X(CRC, 2) X(CUC, 2) Q(CUP, 2) X(CVE, 2) X(CYP, 2) X(CZK, 2) Q(DEM, 2) \
    X(DJF, 0) A(DKK, 2) Q(DOP, 2) X(DZD, 2) X(EEK, 2) X(EGP, 2) X(ERN, 2) X(ESP, 0) X(ETB, 2) \
    A(EUR, 2) X(FIM, 2) X(FJD, 2) X(FKP, 2) X(FRF, 2) A(GBP, 2) Q(GEL, 2) X(GHS, 2) X(GIP, 2) \
    X(GMD, 2) X(GNF, 0) X(GRD, 0) X(GTQ, 2) X(GYD, 2) X(HKD, 2) X(HNL, 2) X(HRK, 2) X(HTG, 2) \
    X(HUF, 2) X(IDR, 2) X(IEP, 2) X(ILS, 2) X(INR, 2) X(IQD, 3) X(IRR, 2) Q(ISK, 0) X(ITL, 0) \
    X(JMD, 2) X(JOD, 3) X(JPY, 0) X(KES, 2) X(KGS, 2) X(KHR, 2) X(KMF, 0) X(KPW, 2) X(KRW, 0) \
    X(KWD, 3) X(KYD, 2) X(KZT, 2) X(LAK, 2) X(LBP, 2) X(LKR, 2) X(LRD, 2) X(LSL, 2) X(LTL, 2) \
    X(LUF, 0) X(LVL, 2) X(LYD, 3) Q(MAD, 2) X(MDL, 2) X(MGA, 2) X(MKD, 2) X(MMK, 2) X(MNT, 2) \
    Q(MOP, 2) X(MRU, 2) X(MTL, 2) Q(MUR, 2) X(MVR, 2) X(MWK, 2) X(MXN, 2) X(MXV, 2) X(MYR, 2) \
    X(MZN, 2) X(NAD, 2) X(NGN, 2) Q(NIO, 2) X(NLG, 2) A(NOK, 2) X(NPR, 2) X(NZD, 2) X(OMR, 3) \
    X(PAB, 2) Q(PEN, 2) X(PGK, 2) X(PHP, 2) X(PKR, 2) X(PLN, 2) X(PTE, 0) X(PYG, 0) X(QAR, 2) \
    X(RON, 2) X(RSD, 2) X(RUB, 2) X(RWF, 0) X(SAR, 2) X(SBD, 2) X(SCR, 2) X(SDG, 2) A(SEK, 2) \
    X(SGD, 2) X(SHP, 2) Q(SIT, 2) X(SKK, 2) X(SLE, 2) X(SLL, 2) Q(SOS, 2) X(SRD, 2) X(SSP, 2) \
    X(STN, 2) X(SVC, 2) X(SYP, 2) X(SZL, 2) X(THB, 2) X(TJS, 2) X(TMT, 2) X(TND, 3) Q(TOP, 2) \
    X(TRY, 2) X(TTD, 2) X(TWD, 2) X(TZS, 2) X(UAH, 2) X(UGX, 0) A(USD, 2) X(USN, 2) X(UYI, 0) \
    X(UYU, 2) X(UYW, 4) X(UZS, 2) Q(VED, 2) X(VES, 2) X(VND, 0) X(VUV, 0) X(WST, 2) X(XAF, 0) \
    X(XCD, 2) X(XOF, 0) X(XPF, 0) X(YER, 2) X(ZAR, 2) X(ZMW, 2) X(ZWL, 2)

#define AS_CODE(c, e) {#c, e},
static const struct {
    const char code[4];
    int minor_exp;
} CURRENCIES[] = {ISO_4217(AS_CODE, AS_CODE, AS_CODE)};

#define CODE_UNIT(c, e) {#c, BELOPP_UNIT_CURRENCY, 0, #c, BELOPP_LEX_EXACT | BELOPP_LEX_PREFIX},
#define ANYCASE_UNIT(c, e) {#c, BELOPP_UNIT_CURRENCY, 0, #c, BELOPP_LEX_PREFIX},
#define NO_UNIT(c, e)

/* Units.  Scale words: Svenska Akademiens ordlista (tusen, miljon, miljard,
 * biljon; a Swedish biljon is 10^12) and the abbreviations of Swedish press
 * and reports (milj., mdr, md, mn; "bn" of reports in English style).
 * Currency words: the Swedish names in Språkrådet's list of currency names
 * (valutor, "amerikanska dollar", "schweizerfranc", "japanska yen"), the
 * old currencies of euro countries and Finland's "finska mark" as archives
 * write them, "spänn" (colloquial kronor), and the abbreviations of Swedish
 * business press and annual reports (tkr, mkr, mnkr, mdkr, MSEK, KSEK, TSEK, MEUR,
 * MUSD, nkr, dkr).  A country adjective alone ("norska") is never a unit;
 * a noun shared by several currencies ("dollar", "pund", "franc", "mark")
 * stands for one only when it is unambiguous in Swedish press: "dollar" is
 * USD, "pund" GBP; "franc", "mark", "lira", "rand", "won" alone are not
 * units.  Every word of the table is lower case. */
static const belopp_unit UNITS[] = {
    {"tusen", BELOPP_UNIT_SCALE, 3, NULL, 0},
    {"miljon", BELOPP_UNIT_SCALE, 6, NULL, 0},
    {"miljoner", BELOPP_UNIT_SCALE, 6, NULL, 0},
    {"miljonerna", BELOPP_UNIT_SCALE, 6, NULL, 0}, /* "de 170 miljonerna" */
    {"milj.", BELOPP_UNIT_SCALE, 6, NULL, 0},
    {"milj", BELOPP_UNIT_SCALE, 6, NULL, 0}, /* "5 milj kr", the dot left out */
    {"mn", BELOPP_UNIT_SCALE, 6, NULL, 0},
    {"miljard", BELOPP_UNIT_SCALE, 9, NULL, 0},
    {"miljarder", BELOPP_UNIT_SCALE, 9, NULL, 0},
    {"miljarderna", BELOPP_UNIT_SCALE, 9, NULL, 0},
    /* genitives before the noun they measure: "en 1,9 miljarders höjning",
     * "ett 40 miljoners underskott" (money only before a noun of money or
     * change: classify.c; "en 10 miljoners stad" counts people) */
    {"miljons", BELOPP_UNIT_SCALE, 6, NULL, 0},
    {"miljoners", BELOPP_UNIT_SCALE, 6, NULL, 0},
    {"miljards", BELOPP_UNIT_SCALE, 9, NULL, 0},
    {"miljarders", BELOPP_UNIT_SCALE, 9, NULL, 0},
    {"mdr", BELOPP_UNIT_SCALE, 9, NULL, 0},
    {"md", BELOPP_UNIT_SCALE, 9, NULL, 0},
    {"bn", BELOPP_UNIT_SCALE, 9, NULL, 0},
    {"biljon", BELOPP_UNIT_SCALE, 12, NULL, 0},
    {"biljoner", BELOPP_UNIT_SCALE, 12, NULL, 0},
    /* English scale words, as Swedish pages quote English releases: "SEK 25
     * million", "USD 1.2 billion".  Only after a currency written before the
     * number (BELOPP_LEX_AFTER_CODE): "25 million" alone is no Swedish amount.
     * An English billion is 10^9. */
    {"million", BELOPP_UNIT_SCALE, 6, NULL, BELOPP_LEX_AFTER_CODE},
    {"millions", BELOPP_UNIT_SCALE, 6, NULL, BELOPP_LEX_AFTER_CODE},
    {"billion", BELOPP_UNIT_SCALE, 9, NULL, BELOPP_LEX_AFTER_CODE},
    {"billions", BELOPP_UNIT_SCALE, 9, NULL, BELOPP_LEX_AFTER_CODE},
    /* Swedish kronor */
    {"kronor", BELOPP_UNIT_CURRENCY, 0, "SEK", 0},
    {"kronorna", BELOPP_UNIT_CURRENCY, 0, "SEK", 0}, /* "de 500 kronorna" */
    {"krona", BELOPP_UNIT_CURRENCY, 0, "SEK", 0},
    {"svenska kronor", BELOPP_UNIT_CURRENCY, 0, "SEK", 0},
    {"kr", BELOPP_UNIT_CURRENCY, 0, "SEK", 0},
    {"spänn", BELOPP_UNIT_CURRENCY, 0, "SEK", 0},
    {":-", BELOPP_UNIT_CURRENCY, 0, "SEK", 0},
    {"öre", BELOPP_UNIT_CURRENCY, -2, "SEK", 0},
    {"tkr", BELOPP_UNIT_CURRENCY, 3, "SEK", 0},
    {"kkr", BELOPP_UNIT_CURRENCY, 3, "SEK", 0},
    {"ksek", BELOPP_UNIT_CURRENCY, 3, "SEK", 0},
    {"tsek", BELOPP_UNIT_CURRENCY, 3, "SEK", 0}, /* tusen SEK, as TEUR */
    {"mkr", BELOPP_UNIT_CURRENCY, 6, "SEK", 0},
    {"mnkr", BELOPP_UNIT_CURRENCY, 6, "SEK", 0},
    {"msek", BELOPP_UNIT_CURRENCY, 6, "SEK", 0},
    {"mdkr", BELOPP_UNIT_CURRENCY, 9, "SEK", 0},
    /* the Nordic kronor */
    {"norska kronor", BELOPP_UNIT_CURRENCY, 0, "NOK", 0},
    {"nkr", BELOPP_UNIT_CURRENCY, 0, "NOK", 0},
    {"mnok", BELOPP_UNIT_CURRENCY, 6, "NOK", 0},
    {"danska kronor", BELOPP_UNIT_CURRENCY, 0, "DKK", 0},
    {"dkr", BELOPP_UNIT_CURRENCY, 0, "DKK", 0},
    {"mdkk", BELOPP_UNIT_CURRENCY, 6, "DKK", 0},
    {"isländska kronor", BELOPP_UNIT_CURRENCY, 0, "ISK", 0},
    {"tjeckiska kronor", BELOPP_UNIT_CURRENCY, 0, "CZK", 0},
    {"estniska kronor", BELOPP_UNIT_CURRENCY, 0, "EEK", 0},
    /* euro, dollar, pund and the other common currencies */
    {"euro", BELOPP_UNIT_CURRENCY, 0, "EUR", 0},
    {"euros", BELOPP_UNIT_CURRENCY, 0, "EUR", 0},
    {"€", BELOPP_UNIT_CURRENCY, 0, "EUR", BELOPP_LEX_PREFIX},
    {"meur", BELOPP_UNIT_CURRENCY, 6, "EUR", 0},
    {"keur", BELOPP_UNIT_CURRENCY, 3, "EUR", 0},
    {"teur", BELOPP_UNIT_CURRENCY, 3, "EUR", 0},
    {"dollar", BELOPP_UNIT_CURRENCY, 0, "USD", 0},
    {"us-dollar", BELOPP_UNIT_CURRENCY, 0, "USD", 0},
    {"amerikanska dollar", BELOPP_UNIT_CURRENCY, 0, "USD", 0},
    {"$", BELOPP_UNIT_CURRENCY, 0, "USD", BELOPP_LEX_PREFIX},
    {"us$", BELOPP_UNIT_CURRENCY, 0, "USD", BELOPP_LEX_PREFIX},
    {"musd", BELOPP_UNIT_CURRENCY, 6, "USD", 0},
    {"kanadensiska dollar", BELOPP_UNIT_CURRENCY, 0, "CAD", 0},
    {"australiska dollar", BELOPP_UNIT_CURRENCY, 0, "AUD", 0},
    {"nyzeeländska dollar", BELOPP_UNIT_CURRENCY, 0, "NZD", 0},
    {"hongkongdollar", BELOPP_UNIT_CURRENCY, 0, "HKD", 0},
    {"singaporedollar", BELOPP_UNIT_CURRENCY, 0, "SGD", 0},
    {"pund", BELOPP_UNIT_CURRENCY, 0, "GBP", 0},
    {"brittiska pund", BELOPP_UNIT_CURRENCY, 0, "GBP", 0},
    {"£", BELOPP_UNIT_CURRENCY, 0, "GBP", BELOPP_LEX_PREFIX},
    {"schweizerfranc", BELOPP_UNIT_CURRENCY, 0, "CHF", 0},
    {"schweiziska franc", BELOPP_UNIT_CURRENCY, 0, "CHF", 0},
    {"yen", BELOPP_UNIT_CURRENCY, 0, "JPY", 0},
    {"japanska yen", BELOPP_UNIT_CURRENCY, 0, "JPY", 0},
    {"yuan", BELOPP_UNIT_CURRENCY, 0, "CNY", 0},
    {"kinesiska yuan", BELOPP_UNIT_CURRENCY, 0, "CNY", 0},
    {"renminbi", BELOPP_UNIT_CURRENCY, 0, "CNY", 0},
    {"rubel", BELOPP_UNIT_CURRENCY, 0, "RUB", 0},
    {"ryska rubel", BELOPP_UNIT_CURRENCY, 0, "RUB", 0},
    {"zloty", BELOPP_UNIT_CURRENCY, 0, "PLN", 0},
    {"polska zloty", BELOPP_UNIT_CURRENCY, 0, "PLN", 0},
    {"forint", BELOPP_UNIT_CURRENCY, 0, "HUF", 0},
    {"ungerska forint", BELOPP_UNIT_CURRENCY, 0, "HUF", 0},
    {"indiska rupier", BELOPP_UNIT_CURRENCY, 0, "INR", 0},
    {"turkiska lira", BELOPP_UNIT_CURRENCY, 0, "TRY", 0},
    {"sydafrikanska rand", BELOPP_UNIT_CURRENCY, 0, "ZAR", 0},
    {"sydkoreanska won", BELOPP_UNIT_CURRENCY, 0, "KRW", 0},
    {"brasilianska real", BELOPP_UNIT_CURRENCY, 0, "BRL", 0},
    {"mexikanska pesos", BELOPP_UNIT_CURRENCY, 0, "MXN", 0},
    /* old currencies, as archives write them */
    {"finska mark", BELOPP_UNIT_CURRENCY, 0, "FIM", 0},
    {"finmark", BELOPP_UNIT_CURRENCY, 0, "FIM", 0},
    {"tyska mark", BELOPP_UNIT_CURRENCY, 0, "DEM", 0},
    {"d-mark", BELOPP_UNIT_CURRENCY, 0, "DEM", 0},
    {"franska franc", BELOPP_UNIT_CURRENCY, 0, "FRF", 0},
    {"belgiska franc", BELOPP_UNIT_CURRENCY, 0, "BEF", 0},
    {"italienska lire", BELOPP_UNIT_CURRENCY, 0, "ITL", 0},
    {"lire", BELOPP_UNIT_CURRENCY, 0, "ITL", 0},
    {"holländska gulden", BELOPP_UNIT_CURRENCY, 0, "NLG", 0},
    {"gulden", BELOPP_UNIT_CURRENCY, 0, "NLG", 0},
    {"spanska pesetas", BELOPP_UNIT_CURRENCY, 0, "ESP", 0},
    {"pesetas", BELOPP_UNIT_CURRENCY, 0, "ESP", 0},
    {"österrikiska schilling", BELOPP_UNIT_CURRENCY, 0, "ATS", 0},
    {"portugisiska escudos", BELOPP_UNIT_CURRENCY, 0, "PTE", 0},
    {"irländska pund", BELOPP_UNIT_CURRENCY, 0, "IEP", 0},
    {"grekiska drachmer", BELOPP_UNIT_CURRENCY, 0, "GRD", 0},
    /* every ISO 4217 code (see ISO_4217 above) */
    ISO_4217(CODE_UNIT, ANYCASE_UNIT, NO_UNIT)
    {NULL, 0, 0, NULL, 0},
};

const belopp_unit *belopp_units(void) { return UNITS; }

/* Minor-unit names, for "2 kronor och 23 öre" and "5 euro och 50 cent".
 * Source: the subdivisions ISO 4217 and Språkrådet give: öre of the Nordic
 * kronor, cent of the euro and the dollars, pence of the pound. */
static const struct {
    const char *word, *currencies;
} MINOR_NAMES[] = {
    {"öre", "SEK NOK DKK ISK"},
    {"cent", "EUR USD CAD AUD NZD HKD SGD"},
    {"pence", "GBP"},
    {"penny", "GBP"},
};
static const char *const MINOR_WORDS[] = {"öre", "cent", "pence", "penny", NULL};

const char *const *belopp_minor_names(void) { return MINOR_WORDS; }

int belopp_minor_name_of(const char *s, size_t n, const char *currency)
{
    for (size_t i = 0; i < sizeof MINOR_NAMES / sizeof MINOR_NAMES[0]; i++)
        if (belopp_word_equal(s, n, MINOR_NAMES[i].word) && currency &&
            strstr(MINOR_NAMES[i].currencies, currency))
            return 1;
    return 0;
}

int belopp_minor_exp(const char *code)
{
    if (!code)
        return -1;
    /* CURRENCIES is in code order (ISO_4217 lists them so): a binary search
     * (classify asks for every amount; "SEK" was 140 tests down the list).
     * Should the list ever fall out of order, the scan below still finds it. */
    size_t lo = 0, hi = sizeof CURRENCIES / sizeof CURRENCIES[0];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(CURRENCIES[mid].code, code);
        if (c == 0)
            return CURRENCIES[mid].minor_exp;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = 0; i < sizeof CURRENCIES / sizeof CURRENCIES[0]; i++)
        if (CURRENCIES[i].code[0] == code[0] && strcmp(CURRENCIES[i].code, code) == 0)
            return CURRENCIES[i].minor_exp;
    return -1;
}

/* Qualifiers, from the words Swedish press puts before estimates and limits
 * (Svenska Akademiens ordlista; the corpus: "ca 1,2 miljarder", "drygt 95
 * miljoner", "upp till 2,5 miljoner", "max 200 kronor", "från 295 kronor").
 * "från" is "at least" only when no "till" follows: "från 1 200 kr till
 * 1 350 kr" is a change, decided in classify.c. */
static const belopp_qualifier QUALIFIERS[] = {
    {"ca.", "approx"},      {"ca", "approx"},        {"cirka", "approx"},
    {"omkring", "approx"},  {"ungefär", "approx"},   {"drygt", "approx"},
    {"knappt", "approx"},   {"nästan", "approx"},    {"runt", "approx"},
    {"närmare", "approx"},  {"uppemot", "approx"},   {"minst", "at-least"},
    {"över", "at-least"},   {"mer än", "at-least"},  {"från", "at-least"},
    {"högst", "at-most"},   {"upp till", "at-most"}, {"under", "at-most"},
    {"max", "at-most"},     {"max.", "at-most"},     {"maximalt", "at-most"},
    {"mindre än", "at-most"}, {"dryg", "approx"},    {"knapp", "approx"},
    {NULL, NULL},
};

const belopp_qualifier *belopp_qualifiers(void) { return QUALIFIERS; }

const belopp_qualifier *belopp_qualifier_lookup(const char *s, size_t n)
{
    for (const belopp_qualifier *q = QUALIFIERS; q->word; q++)
        if (belopp_word_equal(s, n, q->word))
            return q;
    return NULL;
}

/* Number words: Swedish grammar (Svenska Akademiens grammatik, räkneord);
 * compounds are written as one word, "tjugofem", "etthundrafemtio". */
static const belopp_number_word ONES[] = {
    {"ett", 1}, {"en", 1}, {"två", 2}, {"tre", 3}, {"fyra", 4}, {"fem", 5},
    {"sex", 6}, {"sju", 7}, {"åtta", 8}, {"nio", 9}, {NULL, 0}};
static const belopp_number_word TEENS[] = {
    {"tio", 10}, {"elva", 11}, {"tolv", 12}, {"tretton", 13}, {"fjorton", 14},
    {"femton", 15}, {"sexton", 16}, {"sjutton", 17}, {"arton", 18}, {"nitton", 19}, {NULL, 0}};
static const belopp_number_word TENS[] = {
    {"tjugo", 20}, {"trettio", 30}, {"fyrtio", 40}, {"femtio", 50},
    {"sextio", 60}, {"sjuttio", 70}, {"åttio", 80}, {"nittio", 90}, {NULL, 0}};

const belopp_number_word *belopp_number_words(belopp_number_class c)
{
    return c == BELOPP_NUM_ONES ? ONES : c == BELOPP_NUM_TEENS ? TEENS : TENS;
}

/* Between a number and its scale word: "två nya miljarder", "500 extra
 * miljoner" (the corpus). */
static const char *const SCALE_ADJ[] = {"nya", "extra", "ytterligare", NULL};

/* What an amount is per, after "per" or "/": units of time and the people
 * and things public money is counted per in Swedish releases (the corpus:
 * "per månad och barn", "per listad patient och år", "kr/mån"). */
static const char *const PER_NOUN[] = {
    "år", "månad", "mån", "vecka", "dag", "dygn", "timme", "tim", "kvartal", "termin",
    "halvår", "kalenderhalvår", "natt", "person", "invånare", "barn", "elev", "student",
    "patient", "deltagare", "medlem", "anställd", "hushåll", "kommun", "region", "besök",
    "resa", "styck", "st", "st.", NULL};

/* "i månaden", "om året", "i timmen": the definite forms that make a
 * per-phrase after "i" or "om" (Swedish grammar; the corpus). */
static const char *const PER_DEFINITE[] = {
    "året", "månaden", "veckan", "dagen", "dygnet", "timmen", "kvartalet", "terminen", NULL};

/* One word after an amount that makes it a per-amount: "12:- styck",
 * "90 miljoner kronor årligen" (the corpus). */
static const char *const PER_ALONE[] = {"styck", "stycket", "årligen", "månatligen", NULL};

/* Words that end a per-phrase: "per skola som …", "per år till …" (Swedish
 * prepositions, conjunctions and the commonest verbs of the corpus). */
static const char *const PER_STOP[] = {
    "som", "till", "för", "från", "med", "i", "på", "om", "av", "under", "över", "vid",
    "och", "eller", "men", "samt", "att", "är", "var", "blir", "blev", "har", "hade",
    "ska", "skulle", "kan", "kommer", "får", "fick", "går", "betalas", "ges", "vilket",
    "varav", "jämfört", "mot", "efter", "inom", "utan", "dock", "plus", "minus", NULL};

/* Count nouns and measures: what "N miljoner/miljarder" counts instead of
 * kronor.  From the corpus's traps ("10,5 miljoner invånare", "2,3 miljoner
 * besök", "En miljon vaccindoser") and from the counts Swedish agencies
 * publish (SCB: invånare, hushåll, jobb; Folkhälsomyndigheten: doser,
 * vaccinerade; Trafikverket: resor, resenärer, ton, kilometer; Energimyndig-
 * heten: kilowattimmar).  A compound ending in one counts too
 * ("vaccindoser"), and so does the genitive ("människors"). */
static const char *const COUNT_NOUN[] = {
    "invånare", "personer", "människor", "individer", "svenskar", "besökare", "besök",
    "resenärer", "passagerare", "resor", "kunder", "användare", "abonnenter", "medlemmar",
    "prenumeranter", "tittare", "läsare", "lyssnare", "följare", "elever", "studenter",
    "barn", "ungdomar", "unga", "vuxna", "pensionärer", "patienter", "anställda",
    "arbetstillfällen", "jobb", "hushåll", "bostäder", "lägenheter", "företag", "bilar",
    "fordon", "träd", "djur", "doser", "vaccinerade", "sprutor", "tester", "prov", "fall",
    "dödsfall", "smittade", "döda", "flyktingar", "arbetslösa", "sysselsatta", "röster",
    "väljare", "exemplar", "nedladdningar", "visningar", "klick", "samtal", "ärenden",
    "timmar", "dagar", "veckor", "år", "ton", "kilo", "kg", "kilogram", "liter", "km",
    "kilometer", "meter", "mil", "kvadratmeter", "kubikmeter", "hektar", "kwh",
    "kilowattimmar", "megawattimmar", "mwh", "gwh", "twh", "fat", "ljusår", "gånger",
    "stycken", "st", "sidor", "ord", "celler", "bakterier", "män", "kvinnor", "flickor",
    "pojkar", "aktier", "andelar", "optioner", "sparare", "tagare", "havare", "ägare",
    "brukare", "boende", "arbetare",
    /* visitors, applicants and what is handled or sold by the piece:
     * "12 miljoner turister", "3 miljoner ansökningar", "2 miljoner biljetter" */
    "turister", "gäster", "åskådare", "deltagare", "sökande", "asylsökande", "migranter",
    "ansökningar", "anmälningar", "förfrågningar", "transaktioner", "betalningar", "fakturor",
    "försändelser", "paket", "brev", "biljetter", "platser", "måltider", "portioner",
    "operationer", "behandlingar", "recept", "böcker", "bilder", "filmer", "låtar",
    "strömningar", "konton", "enheter", "produkter", "varor", "artiklar", "flaskor", NULL};

/* What counted people do, after "N miljoner" (or after "har"/"hade"):
 * "2 miljoner vaccinerats", "3 miljoner bor", "1 miljon har smittats"
 * (Folkhälsomyndigheten's and SCB's reporting verbs; "7,3 miljoner fått minst
 * två doser" of the corpus). */
static const char *const COUNT_VERB[] = {
    "vaccinerats", "vaccinerades", "vaccinerade", "smittats", "smittades", "drabbats",
    "drabbades", "insjuknat", "insjuknade", "avlidit", "avled", "dött", "dog", "dödats",
    "testats", "testades", "bor", "bodde", "lever", "levde", "arbetar", "jobbar", "röstade",
    "röstat", "besökte", "besökt", "reste", "rest", "flög", "flyttade", "föddes", "fötts",
    "skadats", "skadades", "evakuerats", "evakuerades", "flytt", "flydde", "saknar",
    "väntar", "såg", "sett", "tittade", "lyssnade", "laddade", "fått",
    /* applicants: "2,5 miljoner sökte" */
    "sökte", "ansökte", NULL};

/* Auxiliaries skipped before a count verb: "1 miljon har smittats". */
static const char *const AUXILIARY[] = {"har", "hade", "har nu", "hade då", NULL};

/* Before a count, in the same sentence: "antalet besökare ökade till 2
 * miljoner", "befolkningen är 10,5 miljoner" (prefixes of words). */
static const char *const COUNT_CONTEXT[] = {
    "antal", "befolkning", "invånarantal", "folkmängd", "besökarantal", NULL};

/* Words that make a text a report, where "87 MSEK (79)" compares with the
 * year before (Swedish interim reports: "delårsrapport", "bokslutskommuniké",
 * "motsvarande period", "föregående år", "jämförelseperiod"). */
static const char *const REPORT[] = {
    "delårsrapport", "bokslutskommuniké", "kvartalsrapport", "årsredovisning",
    "motsvarande period", "föregående år", "jämförelseperiod", "fg år", NULL};

/* Stems that make a sentence about money, so that "Underskottet blev 22,9
 * miljoner" is kronor even where the text names no currency: the nouns of
 * Swedish municipal and state budget reporting (Kommunallagen's "budget",
 * "underskott", "överskott"; Ekonomistyrningsverket's "anslag", "intäkter",
 * "kostnader") and of company reports ("omsättning", "vinst", "förlust").
 * They are matched inside words too: "statsbidrag", "driftunderskott". */
static const char *const MONEY_CONTEXT[] = {
    "underskott", "överskott", "budget", "kostnad", "anslag", "bidrag", "intäkt", "vinst",
    "förlust", "omsättning", "investering", "besparing", "avgift", "ersättning", "pengar",
    "miljonbelopp", "sparbeting", "skulder",
    /* the verbs and nouns of allocating in regional and state budget
     * releases: "får 25 miljoner i förstärkning", "stärka vården med 3
     * miljarder", "satsar 40 miljoner", "ett tillskott på 14 miljoner",
     * "50 miljoner har beviljats" */
    "stärk", "satsa", "satsning", "tillskott", "bevilja", NULL};

/* Stems of the verbs and nouns of change that make "från 2,5 till 8,0
 * miljarder" a value before and a value after, two amounts, where without
 * them it is one range ("bidrag på från 19,5 till 25 miljoner").  Matched at
 * the start of one of the few words before "från": "Resultatet ökade från",
 * "Vinsten minskade från", "avgiften höjs i år från", "en ökning från". */
static const char *const CHANGE[] = {
    "ökade", "ökar", "ökat", "ökning", "minsk", "steg", "stiger", "stigit", "sjönk", "sjunk",
    "höjs", "höjde", "höjt", "höjer", "höjning", "sänk", "växte", "växer", "vuxit", "förbättr",
    "försämr", "förändr", "juster", "ändrad", "ändras", "gick", "går", NULL};

/* Words that make the noun after them a point in time, not a count: "160
 * miljoner nästa år" saves kronor next year, where "2 miljoner år" counts
 * years.  The determiners Swedish puts before år, månad, vecka, period. */
static const char *const TIME_LEAD[] = {
    "nästa", "förra", "kommande", "innevarande", "detta", "samma", "varje", "nuvarande",
    "föregående", NULL};

/* The plural scale words ("sju positiva miljarder", "tio färska miljoner"):
 * before one of them any lower-case word ending in "-a", the plural form of
 * a Swedish adjective, is taken as one (see match.c; the three of SCALE_ADJ
 * also go before singulars and in any case).  Plural, since the adjective
 * agrees with it: "miljon" takes no "-a" adjective after a number. */
static const char *const SCALE_PLURAL[] = {"miljoner", "miljarder", "biljoner", NULL};

/* Measures that end a table row's label after a comma or in parentheses and
 * make its figures no money under a money header ("Elproduktion, TWh",
 * "Utsläpp (ton)", "Yta, m2"): energy and power (an energy company's key
 * figures beside its MSEK), mass, area, volume, pieces (segment.c,
 * measure_tail). */
static const char *const MEASURE[] = {"twh", "gwh", "mwh", "kwh", "tw", "gw", "mw", "kw",
                                      "ton", "kton", "mton", "m2", "m3", "m\xC2\xB2",
                                      "m\xC2\xB3", "kvm", "km", "st", "liter", "hl", NULL};

const char *const *belopp_words(belopp_word_list list)
{
    switch (list) {
    case BELOPP_WORDS_SCALE_ADJ: return SCALE_ADJ;
    case BELOPP_WORDS_PER_NOUN: return PER_NOUN;
    case BELOPP_WORDS_PER_DEFINITE: return PER_DEFINITE;
    case BELOPP_WORDS_PER_ALONE: return PER_ALONE;
    case BELOPP_WORDS_PER_STOP: return PER_STOP;
    case BELOPP_WORDS_COUNT_NOUN: return COUNT_NOUN;
    case BELOPP_WORDS_COUNT_VERB: return COUNT_VERB;
    case BELOPP_WORDS_COUNT_CONTEXT: return COUNT_CONTEXT;
    case BELOPP_WORDS_AUXILIARY: return AUXILIARY;
    case BELOPP_WORDS_REPORT: return REPORT;
    case BELOPP_WORDS_MONEY_CONTEXT: return MONEY_CONTEXT;
    case BELOPP_WORDS_CHANGE: return CHANGE;
    case BELOPP_WORDS_TIME_LEAD: return TIME_LEAD;
    case BELOPP_WORDS_SCALE_PLURAL: return SCALE_PLURAL;
    case BELOPP_WORDS_MEASURE: return MEASURE;
    }
    return SCALE_ADJ + 3; /* the empty list */
}

/* The plain lists by first byte, for belopp_words_has: a word whose first
 * byte is ASCII is asked only of words that start with that byte or its
 * lower case (belopp_word_equal's first test), and of the list's words that
 * start beyond ASCII (which that test lets through).  A list of 140 count
 * nouns was 3 700 instructions a lookup. */
#define NLISTS (BELOPP_WORDS_MEASURE + 1)
#define WORDS_CAP 2048
static struct {
    unsigned short start[NLISTS][129]; /* ASCII words of list l by first byte */
    unsigned short wide[NLISTS][2];    /* [from, to) of its words beyond ASCII */
    unsigned short items[WORDS_CAP];   /* indexes into belopp_words(l) */
    int ok;                            /* it fitted: else every lookup scans */
} WIDX;
static pthread_once_t WIDX_ONCE = PTHREAD_ONCE_INIT;

static void build_word_index(void)
{
    size_t k = 0;
    for (int l = 0; l < NLISTS; l++) {
        const char *const *words = belopp_words((belopp_word_list)l);
        for (unsigned c = 0; c <= 128; c++) {
            WIDX.start[l][c] = (unsigned short)k;
            for (size_t i = 0; c < 128 && words[i]; i++)
                if ((unsigned char)words[i][0] == c) {
                    if (k >= WORDS_CAP)
                        return; /* WIDX.ok stays 0 */
                    WIDX.items[k++] = (unsigned short)i;
                }
        }
        WIDX.wide[l][0] = (unsigned short)k;
        for (size_t i = 0; words[i]; i++)
            if ((unsigned char)words[i][0] >= 0x80) {
                if (k >= WORDS_CAP)
                    return;
                WIDX.items[k++] = (unsigned short)i;
            }
        WIDX.wide[l][1] = (unsigned short)k;
    }
    WIDX.ok = 1;
}

/* Is s[0, n) equal to a word of list l in items[from, to)? */
static int words_in(const char *const *words, unsigned from, unsigned to, const char *s, size_t n)
{
    for (unsigned j = from; j < to; j++)
        if (belopp_word_equal(s, n, words[WIDX.items[j]]))
            return 1;
    return 0;
}

int belopp_words_has(belopp_word_list list, const char *s, size_t n)
{
    pthread_once(&WIDX_ONCE, build_word_index);
    const char *const *words = belopp_words(list);
    unsigned char c0 = n ? (unsigned char)s[0] : 0;
    if (!WIDX.ok || n == 0 || c0 >= 0x80 || (unsigned)list >= NLISTS) {
        for (const char *const *w = words; *w; w++)
            if (belopp_word_equal(s, n, *w))
                return 1;
        return 0;
    }
    unsigned char lc = c0 | 0x20;
    return words_in(words, WIDX.start[list][c0], WIDX.start[list][c0 + 1], s, n) ||
           (lc != c0 && lc < 0x80 &&
            words_in(words, WIDX.start[list][lc], WIDX.start[list][lc + 1], s, n)) ||
           words_in(words, WIDX.wide[list][0], WIDX.wide[list][1], s, n);
}

int belopp_words_within(belopp_word_list list, const char *s, size_t n)
{
    /* Swedish letters keep their byte length under case folding (Ö, ö) */
    for (size_t i = 0; i < n; i++) {
        if (((unsigned char)s[i] & 0xC0) == 0x80)
            continue;
        for (const char *const *w = belopp_words(list); *w; w++) {
            size_t l = strlen(*w);
            if (l <= n - i && belopp_word_equal(s + i, l, *w))
                return 1;
        }
    }
    return 0;
}

int belopp_words_prefix(belopp_word_list list, const char *s, size_t n)
{
    for (const char *const *w = belopp_words(list); *w; w++) {
        size_t l = strlen(*w);
        /* a prefix ends at a character boundary of s */
        for (size_t k = l; k <= n && k <= l + 8; k++)
            if ((k == n || ((unsigned char)s[k] & 0xC0) != 0x80) && belopp_word_equal(s, k, *w))
                return 1;
    }
    return 0;
}

/* PCRE2's \h: tab, the space separators (Zs) and U+180E.  A space in a
 * word is \h+ in the pattern (match.c), so it must be here too. */
static int is_hspace(utf8proc_int32_t c)
{
    return c == '\t' || c == 0x180E || utf8proc_category(c) == UTF8PROC_CATEGORY_ZS;
}

int belopp_word_equal(const char *s, size_t n, const char *word)
{
    if (n == 0)
        return word[0] == '\0';
    /* Most comparisons fail on the first byte; ASCII needs no utf8proc. */
    unsigned char c0 = (unsigned char)s[0], w0 = (unsigned char)word[0];
    if (c0 < 0x80 && w0 < 0x80 && (c0 | 0x20) != w0 && c0 != w0)
        return 0;
    /* word[j] != '\0' stands for j < strlen(word): no strlen per call */
    size_t i = 0, j = 0;
    while (i < n && word[j] != '\0') {
        unsigned char a0 = (unsigned char)s[i], b0 = (unsigned char)word[j];
        if (a0 < 0x80 && b0 < 0x80 && b0 != ' ') {
            if ((a0 >= 'A' && a0 <= 'Z' ? a0 | 0x20 : a0) != b0)
                return 0;
            i++;
            j++;
            continue;
        }
        utf8proc_int32_t a, b;
        utf8proc_ssize_t la = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                               (utf8proc_ssize_t)(n - i), &a);
        utf8proc_ssize_t lb = utf8proc_iterate((const utf8proc_uint8_t *)word + j, -1, &b);
        if (la <= 0 || lb <= 0)
            return 0;
        if (b == ' ' && is_hspace(a)) {
            /* "norska kronor" also with a tab, a no-break space or two spaces:
             * whatever the pattern's \h+ let through */
            do
                i += (size_t)la;
            while (i < n &&
                   (la = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                          (utf8proc_ssize_t)(n - i), &a)) > 0 &&
                   is_hspace(a));
            j += (size_t)lb;
            continue;
        }
        if (utf8proc_tolower(a) != b)
            return 0;
        i += (size_t)la;
        j += (size_t)lb;
    }
    return i == n && word[j] == '\0';
}

static int unit_equal(const char *s, size_t n, const belopp_unit *u)
{
    if (u->currency && strcmp(u->word, u->currency) == 0) /* an ISO code */
        return n == 3 && (u->flags & BELOPP_LEX_EXACT ? memcmp(s, u->word, 3) == 0
                                                      : strncasecmp(s, u->word, 3) == 0);
    return belopp_word_equal(s, n, u->word);
}

/* An index of UNITS by the first byte of the word looked up, built once:
 * the table stage looks up every word of every line that could head a table
 * (62 % of a run went to the plain scan over ~300 units, each with a
 * strcmp).  For an ASCII first byte c the index lists, in table order, the
 * units that unit_equal does not reject on that byte alone, by the same
 * tests it makes.  A word that starts with another character can match only
 * a unit whose first character is that one in lower case (no unit word
 * starts with a space, which build_index checks): the ASCII list of it, or
 * the list of units that start beyond ASCII.  So the first unit found is
 * the one the plain scan finds. */
#define NUNITS (sizeof UNITS / sizeof *UNITS - 1)
#define INDEX_CAP 8192
#define PAIR_CAP 32768
static struct {
    unsigned char is_code[NUNITS];
    size_t min_n[NUNITS], max_n[NUNITS]; /* bytes a word matching the unit can have */
    unsigned char second[NUNITS]; /* an ASCII second byte of a word that starts
                                     with ASCII must be this one, A-Z taken
                                     as a-z (or 0: any) */
    unsigned short start[129];
    unsigned short items[INDEX_CAP];
    /* the list of c again for each ASCII second byte d (A-Z taken as a-z),
     * without the units whose second byte rejects it: pstart[c * 128 + d] */
    unsigned short pstart[128 * 128 + 1];
    unsigned short pitems[PAIR_CAP];
    int pair_ok; /* the pair index fitted */
    /* belopp_unit_may_start's answer for an ASCII first byte c and an ASCII
     * second byte d (0: a word of one byte): may[c * 128 + d] */
    unsigned char may[128 * 128];
    unsigned short wide[NUNITS]; /* units whose word starts beyond ASCII */
    size_t nwide;
    int ok; /* the index fitted: else every lookup scans */
} IDX;
static pthread_once_t IDX_ONCE = PTHREAD_ONCE_INIT;

/* Could u match a word whose first byte is the ASCII byte c? */
static int unit_may_start(const belopp_unit *u, int code, unsigned char c)
{
    unsigned char w0 = (unsigned char)u->word[0];
    if (code) /* n == 3 and a memcmp or strncasecmp of three bytes */
        return u->flags & BELOPP_LEX_EXACT ? c == w0
                                           : tolower(c) == tolower(w0);
    /* belopp_word_equal's first test, for n > 0; and a word that starts
     * beyond ASCII ("öre", "€") equals no word that starts with an ASCII
     * character, nor with one whose lower case is ASCII ("\u212A"): it
     * compares utf8proc_tolower of that character with its own first */
    return w0 < 0x80 && ((c | 0x20) == w0 || c == w0);
}

static void build_index(void)
{
    size_t k = 0;
    for (size_t i = 0; i < NUNITS; i++) {
        IDX.is_code[i] = UNITS[i].currency && strcmp(UNITS[i].word, UNITS[i].currency) == 0;
        if (UNITS[i].word[0] == ' ' || UNITS[i].word[0] == '\0')
            return; /* IDX.ok stays 0 */
        if ((unsigned char)UNITS[i].word[0] >= 0x80)
            IDX.wide[IDX.nwide++] = (unsigned short)i;
        /* belopp_word_equal takes one character of s for each of the word's
         * (1 to 4 bytes), and a run of spaces for a space */
        size_t cps = 0;
        int space = 0;
        for (const char *w = UNITS[i].word; *w; w++) {
            cps += ((unsigned char)*w & 0xC0) != 0x80;
            space |= *w == ' ';
        }
        IDX.min_n[i] = cps;
        IDX.max_n[i] = space ? SIZE_MAX : 4 * cps;
        /* belopp_word_equal, after an ASCII first byte equal to the word's,
         * compares an ASCII second byte (upper case folded) with an ASCII
         * second byte of the word that is no space */
        unsigned char w0 = (unsigned char)UNITS[i].word[0], w1 = (unsigned char)UNITS[i].word[1];
        if (!IDX.is_code[i] && w0 < 0x80 && w1 > 0 && w1 < 0x80 && w1 != ' ')
            IDX.second[i] = w1;
        /* an ISO code: three bytes compared as they are or with ASCII case
         * folded (unit_equal_known), so the second in lower case */
        if (IDX.is_code[i] && w1 > 0 && w1 < 0x80)
            IDX.second[i] = (unsigned char)tolower(w1);
    }
    for (unsigned c = 0; c < 128; c++) {
        IDX.start[c] = (unsigned short)k;
        for (size_t i = 0; i < NUNITS; i++)
            if (unit_may_start(&UNITS[i], IDX.is_code[i], (unsigned char)c)) {
                if (k >= INDEX_CAP)
                    return; /* IDX.ok stays 0 */
                IDX.items[k++] = (unsigned short)i;
            }
    }
    IDX.start[128] = (unsigned short)k;
    IDX.ok = 1;
    size_t q = 0;
    for (unsigned c = 0; c < 128; c++)
        for (unsigned d = 0; d < 128; d++) {
            IDX.pstart[c * 128 + d] = (unsigned short)q;
            if (d >= 'A' && d <= 'Z')
                continue; /* looked up as a-z */
            for (size_t j = IDX.start[c]; j < IDX.start[c + 1]; j++) {
                unsigned short u = IDX.items[j];
                if (IDX.second[u] && IDX.second[u] != d)
                    continue;
                if (q >= PAIR_CAP)
                    return; /* IDX.pair_ok stays 0 */
                IDX.pitems[q++] = u;
            }
        }
    IDX.pstart[128 * 128] = (unsigned short)q;
    for (unsigned c = 0; c < 128; c++)
        for (unsigned d = 0; d < 128; d++) {
            unsigned f = d >= 'A' && d <= 'Z' ? d | 0x20 : d;
            IDX.may[c * 128 + d] = IDX.pstart[c * 128] < IDX.pstart[c * 128 + 1] ||
                                   (d && IDX.pstart[c * 128 + f] < IDX.pstart[c * 128 + f + 1]);
        }
    IDX.pair_ok = 1;
}

static int unit_equal_known(const char *s, size_t n, size_t i)
{
    const belopp_unit *u = &UNITS[i];
    if (IDX.is_code[i])
        return n == 3 && (u->flags & BELOPP_LEX_EXACT ? memcmp(s, u->word, 3) == 0
                                                      : strncasecmp(s, u->word, 3) == 0);
    return n >= IDX.min_n[i] && n <= IDX.max_n[i] && belopp_word_equal(s, n, u->word);
}

const unsigned char *belopp_unit_start_pairs(void)
{
    pthread_once(&IDX_ONCE, build_index);
    return IDX.ok && IDX.pair_ok ? IDX.may : NULL;
}

int belopp_unit_may_start(const char *s, size_t n)
{
    pthread_once(&IDX_ONCE, build_index);
    if (n == 0)
        return 0;
    unsigned char c = (unsigned char)s[0];
    if (!IDX.ok || !IDX.pair_ok || c >= 0x80)
        return 1;
    /* belopp_unit_lookup(s, k) looks in the list of (c, 0) for k = 1 (and
     * for "c." through its retry without the dot), and in that of (c, s[1]
     * with A-Z as a-z) for every k >= 2 when s[1] is ASCII */
    if (IDX.pstart[c * 128] < IDX.pstart[c * 128 + 1])
        return 1;
    if (n < 2)
        return 0;
    unsigned char c1 = (unsigned char)s[1];
    if (c1 >= 'A' && c1 <= 'Z')
        c1 |= 0x20;
    return c1 >= 0x80 || IDX.pstart[c * 128 + c1] < IDX.pstart[c * 128 + c1 + 1];
}

const belopp_unit *belopp_unit_lookup(const char *s, size_t n)
{
    pthread_once(&IDX_ONCE, build_index);
    if (!IDX.ok) {
        for (const belopp_unit *u = UNITS; u->word; u++)
            if (unit_equal(s, n, u))
                return u;
    } else if (n == 0) {
        return NULL; /* no unit is the empty word */
    } else if ((unsigned char)s[0] < 0x80) {
        unsigned char c = (unsigned char)s[0];
        unsigned char c1 = n > 1 ? (unsigned char)s[1] : 0; /* see IDX.second */
        if (c1 >= 'A' && c1 <= 'Z')
            c1 |= 0x20;
        if (c1 < 0x80 && IDX.pair_ok) {
            for (size_t k = IDX.pstart[c * 128 + c1]; k < IDX.pstart[c * 128 + c1 + 1]; k++)
                if (unit_equal_known(s, n, IDX.pitems[k]))
                    return &UNITS[IDX.pitems[k]];
        } else {
            for (size_t k = IDX.start[c]; k < IDX.start[c + 1]; k++) {
                unsigned short u = IDX.items[k];
                unsigned char w1 = IDX.second[u];
                if (w1 && c1 < 0x80 && c1 != w1)
                    continue;
                if (unit_equal_known(s, n, u))
                    return &UNITS[u];
            }
        }
    } else {
        /* no ISO code matches a non-ASCII byte; a word must start with the
         * lower case of this character (see belopp_word_equal) */
        utf8proc_int32_t a;
        utf8proc_ssize_t la = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &a);
        utf8proc_int32_t low = la > 0 ? utf8proc_tolower(a) : -1;
        if (low >= 0 && low < 0x80) { /* "\u212A" is a "k" */
            for (size_t k = IDX.start[low]; k < IDX.start[low + 1]; k++)
                if (!IDX.is_code[IDX.items[k]] && unit_equal_known(s, n, IDX.items[k]))
                    return &UNITS[IDX.items[k]];
        } else if (low >= 0x80) {
            for (size_t k = 0; k < IDX.nwide; k++)
                if (!IDX.is_code[IDX.wide[k]] && unit_equal_known(s, n, IDX.wide[k]))
                    return &UNITS[IDX.wide[k]];
        }
    }
    if (n > 1 && s[n - 1] == '.')
        return belopp_unit_lookup(s, n - 1);
    return NULL;
}
