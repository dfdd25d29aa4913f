# The make targets every interrogations archive shares: build, export, public build, anchor lock,
# import and clean. This project's Makefile includes this file, and so does every archive made
# by `interrogations-new` (from the installed package). The including Makefile defines VENV, PY
# and the rule that makes $(VENV)/.installed (the virtual environment, set up), and its own test.

ARCHIVE_MK_DIR := $(dir $(lastword $(MAKEFILE_LIST)))
SPHINXBUILD := $(VENV)/bin/sphinx-build
SPHINXOPTS  ?= -W --keep-going -q
SOURCEDIR   := source
BUILDDIR    := _build
# TERM=<key> (e.g. make TERM=2013-fall canvas pdf): only that term's packages and PDF book.
# Only from the command line: the environment's TERM is the terminal's type.
TERM_KEY    = $(if $(filter command line,$(origin TERM)),$(TERM))
TERMOPTS    = $(if $(TERM_KEY),-D interrogations_term=$(TERM_KEY))
SPHINX      = $(SPHINXBUILD) $(SPHINXOPTS) -c . -d $(BUILDDIR)/doctrees $(TERMOPTS)
PUBLICDIR   = $(BUILDDIR)/public
PUBLIC      = $(SPHINXBUILD) $(SPHINXOPTS) -c . -d $(BUILDDIR)/doctrees-public -D interrogations_public=1
LATEXMKOPTS := -interaction=nonstopmode -halt-on-error -quiet
# The language conf.py sets, for TeX's support of it (known once the environment is set up).
TEX_LANGUAGE = $(if $(wildcard $(PY)),--tex-language "$$($(PY) -m sphinx_interrogations.scaffold.language)")

# The book's date is the last commit's: the same sources give the same PDF bytes.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null)
ifneq ($(SOURCE_DATE_EPOCH),)
export SOURCE_DATE_EPOCH
endif

.DEFAULT_GOAL := all
.PHONY: all setup system-packages html pdf pdf-all latex canvas moodle anchors-lock public public-html serve import clean

all: html pdf canvas moodle

setup: $(VENV)/.installed

# TeX for the PDF, with its support for conf.py's language once set up, when missing.
system-packages:
	bash $(ARCHIVE_MK_DIR)install-system-packages $(TEX_LANGUAGE)

html: setup
	$(SPHINX) -b html $(SOURCEDIR) $(BUILDDIR)/html

latex: setup
	$(SPHINX) -b latex $(SOURCEDIR) $(BUILDDIR)/latex

# A LaTeX failure is named by its source file, line and item.
pdf: latex system-packages
	$(MAKE) -C $(BUILDDIR)/latex all-pdf LATEXMKOPTS='$(LATEXMKOPTS)' \
	  || { $(PY) -m sphinx_interrogations.book.latexlog $(BUILDDIR)/latex $(SOURCEDIR); exit 1; }

# Preview while writing: rebuilds on every save and reloads the browser (http://127.0.0.1:8000).
PORT ?= 8000
serve: setup
	$(VENV)/bin/sphinx-autobuild -c . -d $(BUILDDIR)/doctrees-serve --port $(PORT) \
		--watch conf.py $(if $(wildcard ext),--watch ext,) $(SOURCEDIR) $(BUILDDIR)/serve

# One book per term (_build/latex/<course>-<term>.pdf), and one of the whole archive.
pdf-all: setup system-packages
	$(SPHINX) -b latex -D interrogations_pdf_archive=1 $(SOURCEDIR) $(BUILDDIR)/latex
	$(MAKE) -C $(BUILDDIR)/latex all-pdf LATEXMKOPTS='$(LATEXMKOPTS)'

canvas: setup
	$(SPHINX) -b canvas $(SOURCEDIR) $(BUILDDIR)/canvas

moodle: setup
	$(SPHINX) -b moodle $(SOURCEDIR) $(BUILDDIR)/moodle

# Everything, with students replaced by pseudonyms (needs INTERROGATIONS_PSEUDONYM_KEY).
public: public-html system-packages
	$(PUBLIC) -b latex $(SOURCEDIR) $(PUBLICDIR)/latex
	$(MAKE) -C $(PUBLICDIR)/latex all-pdf LATEXMKOPTS='$(LATEXMKOPTS)'
	$(PUBLIC) -b canvas $(SOURCEDIR) $(PUBLICDIR)/canvas
	$(PUBLIC) -b moodle $(SOURCEDIR) $(PUBLICDIR)/moodle

# The public web site alone: what the publishing workflows (.github/workflows/pages.yml) deploy.
public-html: setup
	$(PUBLIC) -E -b html $(SOURCEDIR) $(PUBLICDIR)/html

# Lock the anchors of the current HTML build as published (review the summary, commit anchors.lock).
anchors-lock: setup
	$(SPHINX) -b html -D interrogations_anchor_lock= $(SOURCEDIR) $(BUILDDIR)/html
	$(PY) -m sphinx_interrogations.lock update $(BUILDDIR)/html anchors.lock

# FILE: one document, several ("a.txt b.docx") or a folder of them; OUT_DIR: where pages go.
import: setup
	@test -n "$(FILE)" || { echo 'usage: make import FILE="week07.txt week08.docx | folder/" [FORCE=1] [TERM=2013-fall | OUT_DIR=source/weeks] [ARGS="--week 7"]'; exit 2; }
	$(PY) -m interrogations_import $(FILE) $(if $(FORCE),--force,) $(if $(OUT_DIR),--out-dir "$(OUT_DIR)",$(if $(TERM_KEY),--term "$(TERM_KEY)" --source-dir "$(SOURCEDIR)",)) $(ARGS)

clean:
	rm -rf $(BUILDDIR)
