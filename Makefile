# cdgrules — build, test and demo.  See README.md.
CC      ?= cc
PREFIX  ?= /usr/local
DESTDIR ?=
BUILD   ?= build
CSTD    := -std=c17
WARN    := -Wall -Wextra -Wpedantic
CFLAGS  ?= -O2 -g -Werror
ALL_CFLAGS := $(CSTD) $(WARN) $(CFLAGS) -D_XOPEN_SOURCE=700 -Isrc -I$(BUILD)/gen
LDFLAGS ?=
FLEX    ?= flex
BISON   ?= bison

SRCS    := $(wildcard src/*.c)
LIBSRCS := $(filter-out src/cli_%.c,$(SRCS))
CLISRCS := $(filter src/cli_%.c,$(SRCS))
GEN_C   := $(BUILD)/gen/parser.c $(BUILD)/gen/lexer.c
LIBOBJS := $(LIBSRCS:src/%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/parser.o $(BUILD)/obj/lexer.o
CLIOBJS := $(CLISRCS:src/%.c=$(BUILD)/obj/%.o)
BIN     := $(BUILD)/cdgrules
LIB     := $(BUILD)/libcdgrules.a

.PHONY: all deps demo test unit golden golden-update clean install uninstall valgrind
all: deps $(BIN)

# Missing tools are installed when we are root (fresh Debian machine), or
# named precisely otherwise.
deps:
	@./tools/deps.sh

$(BUILD)/gen/parser.c $(BUILD)/gen/parser.h: grammar/parser.y
	@mkdir -p $(BUILD)/gen
	$(BISON) -Wall -Werror --defines=$(BUILD)/gen/parser.h -o $(BUILD)/gen/parser.c $<

$(BUILD)/gen/lexer.c $(BUILD)/gen/lexer.h: grammar/lexer.l $(BUILD)/gen/parser.h
	@mkdir -p $(BUILD)/gen
	$(FLEX) --header-file=$(BUILD)/gen/lexer.h -o $(BUILD)/gen/lexer.c $<

# Generated code is not ours to lint; it gets the same standard without -Wpedantic noise.
$(BUILD)/obj/parser.o: $(BUILD)/gen/parser.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Wno-unused-function -c -o $@ $<
$(BUILD)/obj/lexer.o: $(BUILD)/gen/lexer.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Wno-unused-function -Wno-sign-compare -c -o $@ $<

$(BUILD)/obj/%.o: src/%.c $(BUILD)/gen/parser.h $(BUILD)/gen/lexer.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

-include $(wildcard $(BUILD)/obj/*.d)

$(LIB): $(LIBOBJS)
	rm -f $@
	ar rcs $@ $^

$(BIN): $(CLIOBJS) $(LIB)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $(CLIOBJS) $(LIB)

demo: all
	$(BIN) check rules/cdg47.cdg
	$(BIN) summary rules/cdg47.cdg

# ---- tests ----------------------------------------------------------------
TEST_SRCS := $(wildcard tests/unit/test_*.c)
TEST_BIN  := $(BUILD)/unit-tests
CRITERION_LIBS ?= -lcriterion

$(TEST_BIN): $(TEST_SRCS) tests/unit/helpers.h $(LIB)
	$(CC) $(ALL_CFLAGS) -Itests/unit -o $@ $(TEST_SRCS) $(LIB) $(CRITERION_LIBS)

unit: all $(TEST_BIN)
	$(TEST_BIN) --jobs 2

golden: all
	@tests/golden/run.sh $(BIN)

golden-update: all
	@UPDATE=1 tests/golden/run.sh $(BIN)

# The whole suite; its last line is Criterion-independent: "N passed, N failed".
test: all $(TEST_BIN)
	@tests/run-all.sh $(BIN) $(TEST_BIN)

valgrind: all $(TEST_BIN)
	@VALGRIND=1 tests/run-all.sh $(BIN) $(TEST_BIN)

install: all
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/cdgrules

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/cdgrules

clean:
	rm -rf $(BUILD)
