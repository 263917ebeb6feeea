# fuzz.mk — fuzzing and leak checking (included by the Makefile).
#
#   make fuzz [FUZZ_SECONDS=60]   libFuzzer + ASan + UBSan on the whole pipeline
#                                 (tests/fuzz/fuzz_extract.c), seeded from corpus/*.txt and *.html
#   make memcheck                 valgrind on the corpus and on a hostile batch
#
# The seeds are copied to build/fuzz/corpus, which keeps what the fuzzer
# finds between runs (rm -rf build/fuzz/corpus to start over); corpus/ is
# never written.  A crash leaves its input in build/fuzz/artifacts/ and
# makes the target fail; replay it with
#   build/fuzz/fuzz_extract build/fuzz/artifacts/crash-…

.PHONY: fuzz fuzz-build memcheck

FUZZ_SECONDS ?= 60
FUZZ_CC ?= clang-14
FUZZ_DIR := $(BUILD)/fuzz
FUZZ_BIN := $(FUZZ_DIR)/fuzz_extract
FUZZ_SAN := -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
# clang (unlike gcc) flags libxml2's BAD_CAST on const strings under -Wcast-qual.
FUZZ_CFLAGS = -std=c11 -D_DEFAULT_SOURCE $(WARN) -Wno-cast-qual -O1 -g $(FUZZ_SAN) \
              $(patsubst -I%,-isystem %,$(shell pkg-config --cflags $(PKGS) 2>/dev/null))
# Per input: a run longer than this is reported as a hang (a crash).
FUZZ_TIMEOUT ?= 10
FUZZ_ARGS ?=

fuzz-build: $(FUZZ_BIN)

$(FUZZ_BIN): tests/fuzz/fuzz_extract.c $(LIB_SRC) $(wildcard extract/*.h normalize/*.h emit/*.h cli/*.h)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -o $@ tests/fuzz/fuzz_extract.c $(LIB_SRC) $(LIBS)

fuzz: deps-dev
	@$(MAKE) --no-print-directory $(FUZZ_BIN)
	@mkdir -p $(FUZZ_DIR)/corpus $(FUZZ_DIR)/artifacts
	cp corpus/*.txt corpus/*.html tests/fuzz/regressions/* $(FUZZ_DIR)/corpus/
	$(FUZZ_BIN) -max_total_time=$(FUZZ_SECONDS) -timeout=$(FUZZ_TIMEOUT) \
	  -dict=tests/fuzz/belopp.dict -artifact_prefix=$(FUZZ_DIR)/artifacts/ \
	  -print_final_stats=1 $(FUZZ_ARGS) $(FUZZ_DIR)/corpus

# valgrind's status is 9 on any memory error or definite/indirect leak;
# otherwise it is belopp's own (0, or 1 when an amount or file was left out).
VALGRIND ?= valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect \
            --error-exitcode=9
MEMCHECK_DIR := $(BUILD)/memcheck

memcheck: deps-dev $(BIN)
	@command -v valgrind >/dev/null || { echo "memcheck: valgrind is not installed (apt-get install valgrind)"; exit 2; }
	@mkdir -p $(MEMCHECK_DIR)
	@echo "memcheck: corpus/*.txt corpus/*.html"
	@$(VALGRIND) ./$(BIN) extract corpus/*.txt corpus/*.html >$(MEMCHECK_DIR)/corpus.xml 2>$(MEMCHECK_DIR)/corpus.err; \
	  rc=$$?; cat $(MEMCHECK_DIR)/corpus.err; \
	  if [ $$rc -ge 2 ]; then echo "memcheck: FAIL on corpus (status $$rc)"; exit 1; fi
	@# One hostile batch: NUL, invalid UTF-8, control characters, an amount
	@# past int64, a Windows-1252 file, a table, 2000 amounts, a missing file.
	@LC_ALL=C; export LC_ALL; d=$(MEMCHECK_DIR); \
	  printf '\357\273\277100 kronor\000 200 kr \377\001\033 ca 300 miljoner kronor \303\n' >$$d/bad.txt; \
	  printf 'Summan var 92233720368547758,08 kr men 92233720368547758,07 kr.\r\n' >>$$d/bad.txt; \
	  printf 'Utgifter\nMiljoner kronor\nStockholm\302\240 110\nG\303\266teborg 2 111,5\n\n' >>$$d/bad.txt; \
	  awk 'BEGIN { for (i = 0; i < 2000; i++) printf "%d kronor. ", i }' >>$$d/bad.txt; \
	  printf 'V\345rd f\366r 45 mkr\n' >$$d/latin1.txt; \
	  echo "memcheck: hostile batch"; \
	  $(VALGRIND) ./$(BIN) extract $$d/bad.txt $$d/missing.txt $$d/latin1.txt >$$d/hostile.xml 2>$$d/hostile.err; \
	  rc=$$?; grep -v '^belopp: ' $$d/hostile.err; \
	  if [ $$rc -ge 2 ]; then echo "memcheck: FAIL on the hostile batch (status $$rc)"; exit 1; fi; \
	  n=$$(grep -c '<amount ' $$d/hostile.xml); \
	  if [ "$$n" -lt 2000 ]; then echo "memcheck: FAIL: only $$n amounts in the hostile batch"; exit 1; fi; \
	  for fmt in csv jsonl; do \
	    echo "memcheck: hostile batch, --format $$fmt"; \
	    $(VALGRIND) ./$(BIN) extract --format $$fmt $$d/bad.txt $$d/missing.txt $$d/latin1.txt >$$d/hostile.$$fmt 2>$$d/hostile.err; \
	    rc=$$?; grep -v '^belopp: ' $$d/hostile.err; \
	    if [ $$rc -ge 2 ]; then echo "memcheck: FAIL on the hostile batch as $$fmt (status $$rc)"; exit 1; fi; \
	    n=$$(grep -c 'kronor' $$d/hostile.$$fmt); \
	    if [ "$$n" -lt 2000 ]; then echo "memcheck: FAIL: only $$n records in the hostile batch as $$fmt"; exit 1; fi; \
	  done
	@echo "memcheck: no memory errors, no definite or indirect leaks"
