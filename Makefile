# samsok: the two set-up commands of the README are `make demo` and `make test`.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
export SAMSOK_HOME ?= $(CURDIR)/.samsok

.PHONY: demo test lint install install-dev browser ocr-tools clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[dev]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

## demo: ingest samples/ into the embedded backend and show a search with facets
demo: install ocr-tools
	$(BIN)/samsok ingest samples/
	$(BIN)/samsok search rehabilitering
	$(BIN)/samsok search rehabilitering --what saker
	$(BIN)/samsok trend FACT

## browser: Debian's chromium for the web UI tests (Playwright drives it; no browser download)
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -q && $$SUDO apt-get install -y -q chromium; }

## ocr-tools: Debian's Tesseract, its Norwegian model and the hunspell-no word lists (OCR of
## scanned pages and the text-layer quality test; no model download at run time)
OCR_PACKAGES := tesseract-ocr tesseract-ocr-nor hunspell-no
ocr-tools:
	@missing=; for p in $(OCR_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -q && $$SUDO apt-get install -y -q $$missing; fi

## test: start a real OpenSearch, run the whole suite, stop OpenSearch; pytest's status
test: install-dev browser ocr-tools
	$(BIN)/samsok opensearch run -- $(BIN)/pytest

## lint: ruff, and the import layers of pyproject.toml [tool.importlinter]
lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/lint-imports

clean:
	rm -rf $(VENV) .samsok .pytest_cache .ruff_cache
