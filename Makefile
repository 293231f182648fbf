# Chorus: `make run` serves a local site, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

# The suite runs on real PostgreSQL and Redis; override these to point elsewhere.
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/chorus_test
TEST_REDIS_URL ?= redis://127.0.0.1:6379/0

.PHONY: install run test bench lint format clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

install: $(VENV)/.installed

# Real Canadian data (ridings, MPs, FSA table) for trying the MP letter; never copied in here.
CHORUS_DATA_DIR ?= $(wildcard ../shared/data/canada)
export CHORUS_DATA_DIR

# Local site on the embedded defaults: SQLite in var/, tasks in-process, mail in var/mail/.
run: install
	DEBUG=$${DEBUG:-1} $(BIN)/python manage.py migrate --noinput
	DEBUG=$${DEBUG:-1} $(BIN)/python manage.py import_seeds --publish
	@if [ -n "$(CHORUS_DATA_DIR)" ]; then \
	  DEBUG=$${DEBUG:-1} $(BIN)/python manage.py import_ridings "$(CHORUS_DATA_DIR)/fed_2023_representation_order.csv" && \
	  DEBUG=$${DEBUG:-1} $(BIN)/python manage.py import_representatives "$(CHORUS_DATA_DIR)/mps_45th_normalized.csv" && \
	  DEBUG=$${DEBUG:-1} $(BIN)/python manage.py import_fsa "$(CHORUS_DATA_DIR)/fsa_to_fed_2023_single_sample.json"; \
	else echo "CHORUS_DATA_DIR is not set: the MP directory is empty (see README, 'Keeping the MP directory current')."; fi
	DEBUG=$${DEBUG:-1} $(BIN)/python manage.py create_organiser
	DEBUG=$${DEBUG:-1} $(BIN)/python manage.py runserver 127.0.0.1:8000

test: install
	DATABASE_URL=$(TEST_DATABASE_URL) REDIS_URL=$(TEST_REDIS_URL) $(BIN)/pytest $(PYTEST_ARGS)

bench: install
	DATABASE_URL=$(TEST_DATABASE_URL) REDIS_URL=$(TEST_REDIS_URL) $(BIN)/python -m tests.bench

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) var
