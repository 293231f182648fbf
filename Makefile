# Chorus: `make run` serves a local site, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

# The suite runs on real PostgreSQL and Redis; override these to point elsewhere.
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/chorus_test
TEST_REDIS_URL ?= redis://127.0.0.1:6379/0

.PHONY: install run test screenshots bench extraction-report lint format clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

# The French (and any other) catalogs, compiled in pure Python: no GNU gettext needed.
MO_FILES := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/*.po))

# DEBUG=1: compiling needs no SECRET_KEY, whatever the environment says about the database.
$(MO_FILES): %.mo: %.po $(VENV)/.installed
	DEBUG=1 $(BIN)/python manage.py compile_translations

install: $(VENV)/.installed $(MO_FILES)

# axe-core, injected into pages by the browser tests (tests/e2e/test_public_pages_in_a_browser.py):
# reinstalled exactly as locked whenever package-lock.json changes. Only `make test` needs it,
# so `make run` still needs nothing but Python.
node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# Where `make run` serves: `make run PORT=8080`, `make run HOST=0.0.0.0`. From the command line
# only: HOST and PORT in the environment often mean something else.
HOST = 127.0.0.1
PORT = 8000

# Checked before anything is installed: either runserver's address and the site's address (for
# emailed links), or one line saying why not.
ifneq ($(filter run,$(MAKECMDGOALS)),)
RUN_ADDRESS := $(shell $(PYTHON) -P campaign/run_address.py '$(subst ','\'',$(HOST))' '$(subst ','\'',$(PORT))' 2>&1)
ifneq ($(words $(RUN_ADDRESS)),2)
$(error $(or $(RUN_ADDRESS),$(PYTHON) did not answer))
endif
endif

# Local site on the embedded defaults: SQLite in var/, tasks in-process, mail in var/mail/
# (settings create var/). The directory (ridings, MPs, the ministry) is loaded before the seeds,
# so their letters are drafted to today's office-holders. Emailed links point at the address served unless SITE_URL is set.
run: export DEBUG := $(or $(DEBUG),1)
run: export CHORUS_RUN_URL := $(word 2,$(RUN_ADDRESS))
run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_directory
	$(BIN)/python manage.py import_seeds --publish
	$(BIN)/python manage.py create_organiser
	$(BIN)/python manage.py runserver $(word 1,$(RUN_ADDRESS))

test: install node_modules/.installed
	DATABASE_URL=$(TEST_DATABASE_URL) REDIS_URL=$(TEST_REDIS_URL) $(BIN)/pytest $(PYTEST_ARGS)

# The README's screenshots, taken by the browser tests (tests/e2e/test_*_screens.py and
# test_organiser_import.py) and saved over docs/screenshots/; commit them when a page changes.
screenshots: install
	CHORUS_SAVE_SCREENSHOTS=1 DATABASE_URL=$(TEST_DATABASE_URL) REDIS_URL=$(TEST_REDIS_URL) \
		$(BIN)/pytest tests/e2e/test_organiser_screens.py tests/e2e/test_organiser_import.py \
		tests/e2e/test_supporter_screens.py $(PYTEST_ARGS)

# `make bench BENCH=exports` runs only the modules named (tests/bench/<name>.py).
bench: install
	DATABASE_URL=$(TEST_DATABASE_URL) REDIS_URL=$(TEST_REDIS_URL) $(BIN)/python -m tests.bench $(BENCH)

# The extractor measured on the real corpus (tests/campaign/extraction_real/README.md) with the
# embedded default settings; it opens no database. Per text: `make extraction-report
# REPORT_ARGS=--verbose` (or --json, --batch N).
extraction-report: install
	env -u DATABASE_URL -u REDIS_URL $(BIN)/python manage.py extraction_report \
		--corpus tests/campaign/extraction_real $(REPORT_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) var node_modules
	rm -f $(MO_FILES)
