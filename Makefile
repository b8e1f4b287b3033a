# Set-up is two commands: `make run` and `make test` (README). Both create the virtual
# environment on first use; nothing needs to be installed by hand except Python 3.11+.

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
PYTEST_ARGS ?=
PYTEST_WORKERS ?= auto

.PHONY: run test lint typecheck pytest bench screenshots fuzz translations update-translations \
	package package-check clean

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

# Long fuzzing (tests/fuzz, fuzz/harness.py): the hypothesis suites under the "fuzz" profile,
# then each atheris harness for FUZZ_SECONDS seconds (default 60); the fuzz extra (atheris) is
# installed first, and where it cannot be, the hypothesis suites still run. A crash stops the
# run with its log; inputs land in $$TMPDIR.
fuzz: $(VENV)/.test-installed
	-$(PY) -m pip install --quiet -e '.[test,fuzz]'
	FIELDDOC_FUZZ_PROFILE=fuzz $(BIN)/pytest -n $(PYTEST_WORKERS) --timeout=0 tests/fuzz $(PYTEST_ARGS)
	@if ! $(PY) -c 'import atheris' 2>/dev/null; then \
		echo "atheris is not installed (pip install -e '.[fuzz]'): hypothesis suites only"; \
		exit 0; \
	fi; \
	logs="$${TMPDIR:-/tmp}/fielddoc-fuzz"; mkdir -p "$$logs"; \
	for target in $$($(PY) -m fuzz.harness --list 2>&1 | sed -n 's/^targets: //p'); do \
		echo "atheris $$target: $${FUZZ_SECONDS:-60} s"; \
		$(PY) -m fuzz.harness $$target -max_total_time=$${FUZZ_SECONDS:-60} \
			>"$$logs/$$target.log" 2>&1 || { cat "$$logs/$$target.log"; exit 1; }; \
		grep -E '^(fuzz |Done )' "$$logs/$$target.log"; \
	done

# Frozen Linux build (packaging/README.md): a one-folder PyInstaller build in dist/fielddoc,
# then a tarball (with its SHA-256) of fielddoc-VERSION/{bin,lib,share}: the folder plus the
# desktop entry, AppStream metainfo and icons, ready to unpack into ~/.local or /usr/local.
# SOURCE_DATE_EPOCH (the last commit's time) and a fixed hash seed make repeated builds of one
# commit as alike as PyInstaller allows.
$(VENV)/.package-installed: pyproject.toml $(VENV)/.test-installed
	$(PY) -m pip install --quiet -e '.[test,package]'
	touch $@

VERSION = $(shell $(PY) -c 'import fielddoc; print(fielddoc.__version__)')
EPOCH = $(shell git log -1 --format=%ct 2>/dev/null || echo 0)
ARCH = $(shell uname -m)
TARBALL = dist/fielddoc-$(VERSION)-linux-$(ARCH).tar.gz

package: $(VENV)/.package-installed translations
	rm -rf dist/fielddoc build/linux-root build/icons
	$(PY) packaging/linux/make_icons.py build/icons
	SOURCE_DATE_EPOCH=$(EPOCH) PYTHONHASHSEED=0 $(BIN)/pyinstaller --noconfirm --clean \
		--log-level WARN --distpath dist --workpath build/pyinstaller packaging/fielddoc.spec
	packaging/linux/install.sh --prefix /fielddoc-$(VERSION) --icons build/icons \
		dist/fielddoc build/linux-root
	tar --sort=name --mtime=@$(EPOCH) --owner=0 --group=0 --numeric-owner \
		-C build/linux-root -czf $(TARBALL) fielddoc-$(VERSION)
	cd dist && sha256sum $(notdir $(TARBALL)) > $(notdir $(TARBALL)).sha256
	@du -sh dist/fielddoc $(TARBALL)

# CI: the frozen build's own self-test and the checks on what went into it
package-check: package
	FIELDDOC_FROZEN=dist/fielddoc $(BIN)/pytest -n 0 -p no:cacheprovider tests/package

clean:
	rm -rf $(VENV) build dist .mypy_cache .ruff_cache .pytest_cache
