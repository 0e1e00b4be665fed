# Web Development Using Python: build, serve and test the guide.
#
#   make serve   the site with live reload on http://127.0.0.1:8000/ (offline)
#   make test    every test: unit, examples on Django 6.1 and 5.2 LTS, build, links, browser
#   make check   the fast loop: everything but the browser and the LTS run
#   make build   the site into site/
#   make bench   build-time, page-weight and Lighthouse figures (prints, never fails)
#   make measure re-measure install sizes of the pinned frameworks into data/
#   make new-topic NAME=x  scaffold a cookbook topic: page, examples, tests, nav, data
#
# Each target creates or refreshes the virtual environments it needs from the
# pinned requirement files, so a fresh clone needs no other step.

SHELL := /bin/bash
.DEFAULT_GOAL := help

# Python 3.12+ for the site and Django 6.1; python3 (3.11 on CI) for Django 5.2 LTS.
PYTHON ?= $(shell tools/find-python 3.12)
PYTHON_LTS ?= python3

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
REQS_LTS := examples/requirements-lts.txt examples/requirements-common.txt requirements-test.txt

.PHONY: help serve build check test test-lts bench measure new-topic clean

help:
	@sed -n '3,10p' Makefile | sed 's/^# \{0,1\}//'

$(VENV)/.installed: $(REQS)
	@test -n "$(PYTHON)" || { echo "error: Python 3.12 or newer is needed (set PYTHON=...)" >&2; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check \
		-r requirements.txt -r requirements-test.txt -r examples/requirements.txt
	@touch $@

$(VENV_LTS)/.installed: $(REQS_LTS)
	@test -x $(BIN_LTS)/python || $(PYTHON_LTS) -m venv $(VENV_LTS)
	$(BIN_LTS)/python -m pip install --quiet --disable-pip-version-check \
		-r examples/requirements-lts.txt -c requirements-test.txt -c requirements.txt \
		pytest pytest-django PyYAML
	@touch $@

# Not strict: a half-written page is served with what the build rejects shown on it.
serve: $(VENV)/.installed
	$(BIN)/mkdocs serve --no-strict --dev-addr $(ADDR) --livereload

build: $(VENV)/.installed
	$(BIN)/mkdocs build --strict --clean

# Fast loop: no browser, no second interpreter.
check: $(VENV)/.installed
	$(BIN)/pytest -m "not browser" -q

# Examples again, on Django's LTS line.
test-lts: $(VENV_LTS)/.installed
	$(BIN_LTS)/pytest tests/examples -q -o addopts="--import-mode=importlib -p no:cacheprovider --strict-markers"

test: $(VENV)/.installed $(VENV_LTS)/.installed
	@tools/ensure-browser
	$(BIN)/pytest -q
	$(MAKE) --no-print-directory test-lts

bench: $(VENV)/.installed
	$(BIN)/python tools/bench.py

measure: $(VENV)/.installed
	$(BIN)/python tools/measure.py

# A new cookbook topic, in the shape the checks require: make new-topic NAME=pagination [TITLE="Pagination"]
new-topic:
	@$(if $(wildcard $(BIN)/python),$(BIN)/python,$(PYTHON)) tools/new_topic.py "$(NAME)" $(if $(TITLE),--title "$(TITLE)")

clean:
	rm -rf site .pytest_cache .coverage htmlcov
