# belopp — see README.md.  `make run`, `make test`, `make golden`, `make bench`.

PREFIX ?= /usr/local
DESTDIR ?=
BUILD ?= build
SAN ?=

PKGS := libxml-2.0 libpcre2-8 libutf8proc nettle
# The database clients: for the belopp binary (belopp load) only, not libbelopp.
DB_PKGS := sqlite3 libpq
# Debian 12 packages behind them (and the test tools: a PostgreSQL 15 server
# that tests/db.sh starts itself, GNU parallel, sqlite3, script, strace).
DEBS := gcc make pkg-config libxml2-dev libpcre2-dev libutf8proc-dev nettle-dev \
        libcmocka-dev pcre2-utils libstemmer-dev groff-base man-db python3 \
        libsqlite3-dev libpq-dev postgresql-15 sqlite3 parallel bsdutils strace
# Only for make fuzz and make memcheck.
DEV_DEBS := clang libclang-rt-14-dev valgrind

WARN := -Wall -Wextra -Wpedantic -Wstrict-prototypes -Wmissing-prototypes -Wshadow \
        -Wcast-qual -Wformat=2 -Wundef -Wvla
CFLAGS ?= -O2 -g
ALL_CFLAGS = -std=c11 -D_DEFAULT_SOURCE -fPIC -pthread $(WARN) $(CFLAGS) $(SAN) \
             $(patsubst -I%,-isystem %,$(shell pkg-config --cflags $(PKGS) 2>/dev/null))
LIBS = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -pthread
DB_CFLAGS = $(patsubst -I%,-isystem %,$(shell pkg-config --cflags $(DB_PKGS) 2>/dev/null))
DB_LIBS = $(shell pkg-config --libs $(DB_PKGS) 2>/dev/null)

# libbelopp: the stages, the record, the writers.  cli/ is a user of it.
LIB_SRC := extract/grow.c extract/text.c extract/diag.c extract/read.c extract/html.c \
           extract/segment.c extract/glued.c extract/match.c extract/classify.c extract/clean.c \
           extract/record.c extract/extract.c normalize/nfc.c normalize/amount.c \
           normalize/lexicon.c emit/writer.c emit/xml.c emit/csv.c emit/jsonl.c
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o)
LIB_A := $(BUILD)/libbelopp.a
SONAME := libbelopp.so.0
LIB_SO := $(BUILD)/$(SONAME)
VERSION := $(shell sed -n 's/^#define BELOPP_VERSION_STRING "\(.*\)"/\1/p' include/belopp.h)
UNIT_TESTS := read text html amount nfc segment glued match classify xml record cases diff threads
# belopp diff: a user of the library, like cli/ (see diff/diff.h).
DIFF_SRC := diff/side.c diff/words.c diff/lexicon.c diff/labels.c diff/assign.c diff/pair.c \
            diff/out.c diff/cmd.c
DIFF_OBJ := $(DIFF_SRC:%.c=$(BUILD)/%.o)
DIFF_LIBS := -lstemmer -lm
UNIT_BIN := $(UNIT_TESTS:%=$(BUILD)/tests/unit_%)

# The command line: a user of libbelopp; batches (cli/batch.c) and database
# loads (load/), with the schemas embedded (schema/embed.sh).
CLI_SRC := cli/main.c cli/batch.c load/load.c load/sqlite.c load/postgres.c
CLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/%.o) $(BUILD)/load/schema.o
SCHEMAS := schema/belopp.sqlite.sql schema/belopp.postgres.sql

BIN := $(if $(filter build,$(BUILD)),belopp,$(BUILD)/belopp)
RUNBIN := $(if $(findstring /,$(BIN)),$(BIN),./$(BIN))

.PHONY: all deps deps-dev run test check unit golden bench accuracy \
        install clean tsan

all: $(BIN) $(LIB_A) $(LIB_SO)

# Installs what a fresh Debian 12 machine lacks (needs root or sudo).
deps deps-dev:
	@missing=""; for p in $(if $(filter deps-dev,$@),$(DEV_DEBS),$(DEBS)); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then sudo=""; else sudo=sudo; fi; \
	  $$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq $$missing; \
	fi

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

$(LIB_A): $(LIB_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

$(LIB_SO): $(LIB_OBJ)
	$(CC) $(ALL_CFLAGS) -shared -Wl,-soname,$(SONAME) -o $@ $^ $(LIBS)

$(BUILD)/load/%.o: load/%.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(DB_CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/load/schema.c: $(SCHEMAS) schema/embed.sh
	@mkdir -p $(dir $@)
	{ schema/embed.sh belopp_schema_sqlite schema/belopp.sqlite.sql && \
	  schema/embed.sh belopp_schema_postgres schema/belopp.postgres.sql; } > $@.tmp && mv $@.tmp $@

$(BUILD)/load/schema.o: $(BUILD)/load/schema.c
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(BIN): $(CLI_OBJ) $(DIFF_OBJ) $(LIB_A)
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(LIBS) $(DB_LIBS) $(DIFF_LIBS)

$(BUILD)/tests/unit_diff: tests/unit_diff.c $(DIFF_OBJ) $(LIB_A)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(LIBS) $(DIFF_LIBS) -lcmocka

$(BUILD)/tests/unit_%: tests/unit_%.c $(LIB_A)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(LIBS) -lcmocka

$(BUILD)/tests/validate: tests/validate.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(LIBS)

-include $(LIB_OBJ:.o=.d) $(DIFF_OBJ:.o=.d) $(CLI_SRC:%.c=$(BUILD)/%.d)

# The main job on the bundled corpus.  Status 1 (an amount left out, said on
# stderr: corpus/form-large-values.txt holds one that does not fit) is not a
# failure of the run.
CORPUS = $(filter-out %.args,$(wildcard corpus/*))
run: deps
	@$(MAKE) --no-print-directory all
	@mkdir -p out
	@./belopp extract $(CORPUS) > out/corpus.xml; rc=$$?; [ $$rc -le 1 ] || exit $$rc
	@awk -F'"' '/<document source=/ { if (doc != "") printf "%5d amounts  %s\n", n, doc; doc = $$2; n = 0 } \
	  /<amount / { n++ } END { if (doc != "") printf "%5d amounts  %s\n", n, doc }' out/corpus.xml
	@echo "records: out/corpus.xml ($$(grep -c '<amount ' out/corpus.xml) amounts)"

# Every test, then the whole suite again under ASan and UBSan.  A sanitizer's report
# ends the process with status 66: its default, 1, is also belopp's "an amount was left
# out", which the tests accept, so a defect showed only as output cut short.
test: deps
	@$(MAKE) --no-print-directory check
	@ASAN_OPTIONS=exitcode=66 UBSAN_OPTIONS=exitcode=66:print_stacktrace=1 \
	  $(MAKE) --no-print-directory check BUILD=build/san \
	  SAN="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
	  CFLAGS="-O1 -g"
	@$(MAKE) --no-print-directory tsan
	@echo "make test: all passed (plain, ASan+UBSan, TSan)"

check: $(BIN) unit $(BUILD)/tests/validate
	@tests/golden.sh $(RUNBIN) $(BUILD)/tests/validate
	@tests/hostile.sh $(RUNBIN) $(BUILD)/tests/validate
	@tests/diff.sh $(RUNBIN)
	@tests/formats.sh $(RUNBIN)
	@tests/grid.py $(RUNBIN) --forms 1000 --seed 1 --min-complete 0.98
	@tests/grid.py $(RUNBIN) --forms 1000 --seed 1 --more --min-complete 0.90
	@tests/chunks.sh $(RUNBIN)
	@MAKE="$(MAKE)" EXAMPLE_CFLAGS="$(SAN)" tests/install.sh
	@tests/batch.sh $(RUNBIN) $(BUILD)/tests/validate
	@tests/db.sh $(RUNBIN)
	@$(MAKE) --no-print-directory accuracy > $(BUILD)/accuracy.txt
	@tail -3 $(BUILD)/accuracy.txt
	@awk '/^precision/ { p = $$2 } /^recall/ { r = $$2 } \
	  END { if (p == "" || p < 0.99 || r < 0.98) { print "accuracy below the aim: precision >= 0.99, recall >= 0.98 (see $(BUILD)/accuracy.txt)"; exit 1 } }' \
	  $(BUILD)/accuracy.txt
	@# A right figure under the wrong column title is a wrong year in a diff.
	@awk '/^columns:/ { a = $$2; c = $$4 } \
	  END { if (c == "" || c == 0 || a != c) { print "accuracy: cells under the wrong column title (see COLUMN lines in $(BUILD)/accuracy.txt)"; exit 1 } }' \
	  $(BUILD)/accuracy.txt


# The threads test (extractors on 2 and 4 threads against one) with the
# library built for ThreadSanitizer in build/tsan.  A data race is reported
# on stderr and makes the run fail (halt_on_error).
TSAN_BUILD := build/tsan
tsan:
	@$(MAKE) --no-print-directory BUILD=$(TSAN_BUILD) SAN="-fsanitize=thread" CFLAGS="-O1 -g" \
	  $(TSAN_BUILD)/tests/unit_threads $(TSAN_BUILD)/belopp
	TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1" $(TSAN_BUILD)/tests/unit_threads
	@# The batch (cli/batch.c): 4 workers and the ordering stage, in each mode.
	@rm -rf $(TSAN_BUILD)/batch && mkdir -p $(TSAN_BUILD)/batch && \
	  for mode in "-o $(TSAN_BUILD)/batch/all.xml" "--out-dir $(TSAN_BUILD)/batch/out" \
	              "load $(TSAN_BUILD)/batch/all.db"; do \
	    case $$mode in load*) cmd="load $${mode#load }" ;; *) cmd="extract $$mode" ;; esac; \
	    TSAN_OPTIONS="halt_on_error=1 exitcode=66" $(TSAN_BUILD)/belopp $$cmd --quiet --jobs 4 \
	      corpus 2>$(TSAN_BUILD)/batch/err.txt; st=$$?; \
	    if [ $$st -gt 1 ] || grep -q ThreadSanitizer $(TSAN_BUILD)/batch/err.txt; then \
	      cat $(TSAN_BUILD)/batch/err.txt; echo "tsan: belopp $$cmd: status $$st"; exit 1; fi; \
	  done; echo "tsan: the batch (extract -o, --out-dir, load) on 4 threads: no data race"
	@# One large input's chunks on 3 helper threads (extract/extract.c, "on
	@# several threads"): every corpus text in one file, cut in chunks of a
	@# few hundred bytes, so that jobs are queued, dropped and handed back.
	@for f in corpus/*.txt; do cat "$$f"; printf '\n\n'; done > $(TSAN_BUILD)/batch/big.txt; \
	  for fmt in xml jsonl; do \
	    BELOPP_CHUNK_BYTES=700 TSAN_OPTIONS="halt_on_error=1 exitcode=66" $(TSAN_BUILD)/belopp extract \
	      --quiet --jobs 3 --format $$fmt $(TSAN_BUILD)/batch/big.txt >$(TSAN_BUILD)/batch/threads.out \
	      2>$(TSAN_BUILD)/batch/err.txt; st=$$?; \
	    if [ $$st -gt 1 ] || grep -q ThreadSanitizer $(TSAN_BUILD)/batch/err.txt; then \
	      cat $(TSAN_BUILD)/batch/err.txt; echo "tsan: one input on 3 threads ($$fmt): status $$st"; exit 1; fi; \
	    BELOPP_CHUNK_BYTES=700 $(TSAN_BUILD)/belopp extract --quiet --jobs 1 --format $$fmt \
	      $(TSAN_BUILD)/batch/big.txt >$(TSAN_BUILD)/batch/one.out 2>/dev/null; \
	    cmp -s $(TSAN_BUILD)/batch/one.out $(TSAN_BUILD)/batch/threads.out || \
	      { echo "tsan: one input on 3 threads ($$fmt): output differs from one thread"; exit 1; }; \
	  done; echo "tsan: one large input's chunks on 3 threads: no data race, same output"

unit: $(UNIT_BIN)
	@for t in $(UNIT_BIN); do $$t || exit 1; done

golden: $(BIN) $(BUILD)/tests/validate
	@UPDATE=1 tests/golden.sh $(RUNBIN) $(BUILD)/tests/validate
	@echo "golden/ rewritten: read 'git diff golden/' amount by amount before committing"

install: $(BIN) $(LIB_A) $(LIB_SO)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/belopp \
	  $(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(PREFIX)/include \
	  $(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(PREFIX)/share/man/man3
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/belopp
	install -m 644 $(LIB_A) $(DESTDIR)$(PREFIX)/lib/libbelopp.a
	install -m 755 $(LIB_SO) $(DESTDIR)$(PREFIX)/lib/$(SONAME)
	ln -sf $(SONAME) $(DESTDIR)$(PREFIX)/lib/libbelopp.so
	install -m 644 include/belopp.h $(DESTDIR)$(PREFIX)/include/belopp.h
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|$(VERSION)|' belopp.pc.in \
	  > $(DESTDIR)$(PREFIX)/lib/pkgconfig/belopp.pc
	install -m 644 man/belopp.1 $(DESTDIR)$(PREFIX)/share/man/man1/belopp.1
	install -m 644 man/belopp.3 $(DESTDIR)$(PREFIX)/share/man/man3/belopp.3
	install -m 644 schema/belopp.xsd $(SCHEMAS) $(DESTDIR)$(PREFIX)/share/belopp/

clean:
	rm -rf build out belopp

# Further targets (fuzzing, benchmarks, accuracy) live beside their scripts.
-include $(wildcard tests/*.mk)
