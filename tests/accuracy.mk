# accuracy.mk — `make accuracy`: how many of the amounts a careful reader finds
# does belopp list (recall), and how many of those it lists are right
# (precision, which matters more to budget analysts).
#
# Runs belopp on every corpus file NAME.* that has an expected list
# tests/expected/NAME.tsv (with the options in corpus/NAME.args, if any) and
# compares the records with tests/accuracy.c.  A file on which belopp fails
# (exit status 2 or more) counts as one where nothing was found.
# Point it elsewhere with e.g.
#   make accuracy ACCURACY_CORPUS=/tmp/x/corpus ACCURACY_EXPECTED=/tmp/x/expected

ACCURACY_CORPUS ?= corpus
ACCURACY_EXPECTED ?= tests/expected
ACCURACY_OUT ?= out/accuracy
ACCURACY_BELOPP = $(if $(filter /%,$(BIN)),$(BIN),./$(BIN))

$(BUILD)/tests/accuracy: tests/accuracy.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(LIBS)

accuracy: $(BIN) $(BUILD)/tests/accuracy
	@rm -rf $(ACCURACY_OUT) && mkdir -p $(ACCURACY_OUT)
	@xmls=""; \
	for f in $(ACCURACY_CORPUS)/*; do \
	  case $$f in *.args) continue ;; esac; \
	  [ -f "$$f" ] || continue; \
	  name=$${f##*/}; name=$${name%.*}; \
	  [ -f "$(ACCURACY_EXPECTED)/$$name.tsv" ] || continue; \
	  args=""; \
	  [ -f "$(ACCURACY_CORPUS)/$$name.args" ] && args=$$(cat "$(ACCURACY_CORPUS)/$$name.args"); \
	  out="$(ACCURACY_OUT)/$$name.xml"; \
	  $(ACCURACY_BELOPP) extract $$args "$$f" >"$$out" 2>"$(ACCURACY_OUT)/$$name.err"; \
	  status=$$?; \
	  if [ $$status -ge 2 ]; then \
	    echo "accuracy: belopp exit status $$status on $$f (see $(ACCURACY_OUT)/$$name.err); counted as nothing found" >&2; \
	    printf '<belopp version="1"><document source="%s"/></belopp>\n' "$$f" >"$$out"; \
	  fi; \
	  xmls="$$xmls $$out"; \
	done; \
	if [ -z "$$xmls" ]; then echo "accuracy: no file in $(ACCURACY_CORPUS) has a list in $(ACCURACY_EXPECTED)" >&2; exit 1; fi; \
	$(BUILD)/tests/accuracy $(ACCURACY_EXPECTED) $$xmls
