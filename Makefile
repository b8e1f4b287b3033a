# Set-up is two commands: `make run` and `make test` (README). Both create the virtual
# environment on first use; nothing needs to be installed by hand except Python 3.11+.

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
PYTEST_ARGS ?=
PYTEST_WORKERS ?= auto

.PHONY: run test lint typecheck pytest bench screenshots fuzz translations update-translations clean

$(VENV)/.run-installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.test-installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.run-installed

run: $(VENV)/.run-installed translations
	$(BIN)/fielddoc-gui

TS := $(wildcard resources/translations/*.ts)
QM := $(TS:.ts=.qm)

# compiled translations are build products (gitignored), made from the .ts sources
translations: $(VENV)/.run-installed $(QM)

resources/translations/%.qm: resources/translations/%.ts
	$(BIN)/pyside6-lrelease -silent $< -qm $@

# maintainers: collect new strings from the code and forms into the .ts sources
update-translations: $(VENV)/.run-installed
	$(BIN)/pyside6-lupdate -no-obsolete $(shell find fielddoc/gui -name '*.py') ui/*.ui \
		-ts resources/translations/fielddoc_en.ts resources/translations/fielddoc_ru.ts \
		resources/translations/fielddoc_ky.ts

test: $(VENV)/.test-installed translations lint typecheck pytest

lint: $(VENV)/.test-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(VENV)/.test-installed
	$(BIN)/mypy

pytest: $(VENV)/.test-installed
	$(BIN)/pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

bench: $(VENV)/.test-installed
	$(PY) -m bench

screenshots: $(VENV)/.test-installed translations
	$(PY) -m bench.screenshots

clean:
	rm -rf $(VENV) build dist .mypy_cache .ruff_cache .pytest_cache
