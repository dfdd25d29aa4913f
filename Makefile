# The seminar archive. `make all` builds everything; `make test` runs the tests.
# Both set up what they need first: a Python virtual environment in .venv and, when missing,
# the system packages (TeX for the PDF; Chromium for the browser tests) via tools/.

PYTHON      ?= python3
VENV        := .venv
PY          := $(VENV)/bin/python
SPHINXBUILD := $(VENV)/bin/sphinx-build
SPHINXOPTS  ?= -W --keep-going -q
SOURCEDIR   := source
BUILDDIR    := _build
SPHINX      = $(SPHINXBUILD) $(SPHINXOPTS) -c . -d $(BUILDDIR)/doctrees
PUBLICDIR   := $(BUILDDIR)/public
PUBLIC      = $(SPHINXBUILD) $(SPHINXOPTS) -c . -d $(BUILDDIR)/doctrees-public -D interrogations_public=1

.PHONY: all setup system-packages html pdf latex canvas moodle anchors-lock public public-html serve test test-newest-python bench bench-quick lint import clean

# The book's date is the last commit's: the same sources give the same PDF bytes.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null)
ifneq ($(SOURCE_DATE_EPOCH),)
export SOURCE_DATE_EPOCH
endif

all: html pdf canvas moodle

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

setup: $(VENV)/.installed

system-packages:
	tools/install-system-packages

html: setup
	$(SPHINX) -b html $(SOURCEDIR) $(BUILDDIR)/html

latex: setup
	$(SPHINX) -b latex $(SOURCEDIR) $(BUILDDIR)/latex

pdf: latex system-packages
	$(MAKE) -C $(BUILDDIR)/latex all-pdf LATEXMKOPTS='-interaction=nonstopmode -halt-on-error -quiet' \
	  || { $(PY) -m sphinx_interrogations.book.latexlog $(BUILDDIR)/latex $(SOURCEDIR); exit 1; }

# Preview while writing: rebuilds on every save and reloads the browser (http://127.0.0.1:8000).
PORT ?= 8000
$(VENV)/.preview: $(VENV)/.installed
	$(PY) -m pip install --quiet -e '.[preview]'
	touch $@

serve: $(VENV)/.preview
	$(VENV)/bin/sphinx-autobuild -c . -d $(BUILDDIR)/doctrees-serve --port $(PORT) \
		--watch ext --watch conf.py $(SOURCEDIR) $(BUILDDIR)/serve

canvas: setup
	$(SPHINX) -b canvas $(SOURCEDIR) $(BUILDDIR)/canvas

moodle: setup
	$(SPHINX) -b moodle $(SOURCEDIR) $(BUILDDIR)/moodle

# Everything, with students replaced by pseudonyms (needs INTERROGATIONS_PSEUDONYM_KEY).
public: public-html system-packages
	$(PUBLIC) -b latex $(SOURCEDIR) $(PUBLICDIR)/latex
	$(MAKE) -C $(PUBLICDIR)/latex all-pdf LATEXMKOPTS='-interaction=nonstopmode -halt-on-error -quiet'
	$(PUBLIC) -b canvas $(SOURCEDIR) $(PUBLICDIR)/canvas
	$(PUBLIC) -b moodle $(SOURCEDIR) $(PUBLICDIR)/moodle

# The public web site alone: what the publishing workflows (.github/workflows/pages.yml) deploy.
public-html: setup
	$(PUBLIC) -E -b html $(SOURCEDIR) $(PUBLICDIR)/html

# Lock the anchors of the current HTML build as published (review the summary, commit anchors.lock).
anchors-lock: setup
	$(SPHINX) -b html -D interrogations_anchor_lock= $(SOURCEDIR) $(BUILDDIR)/html
	$(PY) -m sphinx_interrogations.lock update $(BUILDDIR)/html anchors.lock

test: setup
	tools/install-system-packages --browser
	$(VENV)/bin/ruff check .
	$(PY) -m pytest

# The extension and exporters on the newest Python with the newest Sphinx 9 (9.2 needs 3.13).
NEWEST_VENV   := .venv-newest
test-newest-python:
	test -x $(NEWEST_VENV)/bin/python || "$$(tools/find-python 3.13)" -m venv $(NEWEST_VENV)
	$(NEWEST_VENV)/bin/python -m pip install --quiet -e '.[test]'
	$(NEWEST_VENV)/bin/python -m pytest -q tests/ext tests/exporters

# Build speed and memory at 200, 2,000 and 20,000 interrogations (< 30 min); writes benchmarks/RESULTS.md.
bench: setup
	$(PY) benchmarks/run.py

bench-quick: setup
	$(PY) benchmarks/run.py --quick

lint: setup
	$(VENV)/bin/ruff check .

import: setup
	@test -n "$(FILE)" || { echo 'usage: make import FILE=document.txt [FORCE=1] [ARGS="--week 7"]'; exit 2; }
	$(PY) -m interrogations_import "$(FILE)" $(if $(FORCE),--force,) $(ARGS)

clean:
	rm -rf $(BUILDDIR)
