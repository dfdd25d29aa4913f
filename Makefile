# The seminar archive. `make all` builds everything; `make test` runs the tests.
# Both set up what they need first: a Python virtual environment in .venv and, when missing,
# the system packages (TeX for the PDF; Chromium for the browser tests) via tools/.
# The archive's targets (all, html, pdf, latex, canvas, moodle, public, anchors-lock, import,
# clean, setup, system-packages) are the ones every archive shares: see archive.mk, included
# below; this file adds the set-up of a development checkout and the developer targets.

PYTHON      ?= python3
VENV        := .venv
PY          := $(VENV)/bin/python

include ext/sphinx_interrogations/scaffold/archive.mk

.PHONY: test test-newest-python bench bench-quick bench-import lint

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

test: setup
	tools/install-system-packages --browser
	$(VENV)/bin/ruff check .
	$(PY) -m pytest

# The extension and exporters on the newest Python with the newest Sphinx 9 (9.2 needs 3.13).
NEWEST_VENV   := .venv-newest
test-newest-python:
	test -x $(NEWEST_VENV)/bin/python || "$$(tools/find-python 3.13)" -m venv $(NEWEST_VENV)
	$(NEWEST_VENV)/bin/python -m pip install --quiet -e '.[test]'
	$(NEWEST_VENV)/bin/python -m pytest -q -m "not slow" tests/ext tests/exporters

# Build speed and memory at 200, 2,000 and 20,000 interrogations (< 30 min); writes benchmarks/RESULTS.md.
$(VENV)/.bench: $(VENV)/.installed
	$(PY) -m pip install --quiet -e '.[bench]'
	touch $@

bench: $(VENV)/.bench
	$(PY) benchmarks/run.py

bench-quick: $(VENV)/.bench
	$(PY) benchmarks/run.py --quick

# Import speed on Word files of 10,000, 20,000 and 40,000 paragraphs (a minute or two).
bench-import: setup
	$(PY) benchmarks/import_bench.py --results benchmarks/RESULTS.md

lint: setup
	$(VENV)/bin/ruff check .
