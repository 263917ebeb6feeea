# make bench — belopp's throughput and memory, against a pcre2grep scan with
# belopp's own pattern.  What is measured and how: see tests/bench.sh.
# Then load throughput into SQLite and PostgreSQL: tests/load_bench.sh.
# The generated corpus lives in build/bench/ (about 200 MB on disk, built once).

$(BUILD)/tests/rss: tests/rss.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $<

$(BUILD)/tests/bench_stages: tests/bench_stages.c $(LIB_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(LIBS)

# The stage breakdown is optional: if its helper no longer builds against the
# library (an API change), the benchmark still runs without it.
bench: $(BIN) $(BUILD)/tests/rss bench-diff
	@if $(MAKE) -s --no-print-directory $(BUILD)/tests/bench_stages; then \
	  stages=$(BUILD)/tests/bench_stages; \
	else \
	  echo "bench: $(BUILD)/tests/bench_stages did not build; no stage breakdown"; stages=""; \
	fi; \
	tests/bench.sh $(BIN) $(BUILD)/tests/rss $$stages
	@tests/load_bench.sh $(BIN)

# belopp diff on two texts of 5 000 amounts a side (tests/diff_bench.sh).
.PHONY: bench-diff
bench-diff: $(BIN)
	@tests/diff_bench.sh $(RUNBIN) 5000
