# Two commands for a new user: `make run` (demo on SQLite) and `make test`.
# Everything else here is what those two need.

PYTHON_VERSION := $(shell cat .python-version)
PYTHON ?= $(shell command -v python$(PYTHON_VERSION) 2>/dev/null)
VENV := .venv
BIN := $(VENV)/bin
# Local tests and the demo never use a real secret; production sets its own.
TEST_SECRET_KEY := tests-only-not-a-secret-0123456789-abcdefghijklmnopqrstuvwxyz

.PHONY: install run test e2e screenshots lint format lock bench-import bench bench-quickstart

install: $(VENV)/.installed static/dist/.built

$(VENV)/.installed: requirements.lock .python-version
	@test -n "$(PYTHON)" || { echo "Python $(PYTHON_VERSION) not found: install it (for example 'pyenv install $(PYTHON_VERSION)') or run 'make PYTHON=/path/to/python$(PYTHON_VERSION)'."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

static/dist/.built: node_modules/.installed $(wildcard static/src/*)
	npm run --silent build
	touch $@

run: install
	DEBUG=1 $(BIN)/python manage.py migrate --noinput
	DEBUG=1 $(BIN)/python manage.py loaddemo
	@echo "Serving http://127.0.0.1:8000 (Ctrl+C to stop)"
	DEBUG=1 $(BIN)/python manage.py runserver 127.0.0.1:8000

# CONN_MAX_AGE=0: the live server's threads must not keep the test database open.
test: install
	SECRET_KEY="$${SECRET_KEY:-$(TEST_SECRET_KEY)}" CONN_MAX_AGE=0 $(BIN)/pytest $(PYTEST_ARGS)

# The browser journeys alone (they also run in `make test` where Chromium exists).
e2e: install
	SECRET_KEY="$${SECRET_KEY:-$(TEST_SECRET_KEY)}" CONN_MAX_AGE=0 $(BIN)/pytest -m e2e $(PYTEST_ARGS)

# Retake the README's screenshots (taken by the browser journeys).
screenshots: install
	SECRET_KEY="$${SECRET_KEY:-$(TEST_SECRET_KEY)}" SCREENSHOT_DIR=docs/screenshots \
		$(BIN)/pytest -m e2e -k "js and (staff_filters or dcc_returns)"

lint: install
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Re-pin every Python dependency from the ranges in pyproject.toml.
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet . pytest pytest-django ruff playwright hypothesis
	.lock-venv/bin/pip freeze --exclude track-inspection-recommendations > requirements.lock
	rm -rf .lock-venv

# How long a 1,000-item spreadsheet takes from upload to saved (rolled back after).
bench-import: install
	DEBUG=1 $(BIN)/python manage.py migrate --noinput
	DEBUG=1 $(BIN)/python manage.py benchimport --items 1000 --repeat 3

# The national-scale benchmark (docs/performance.md): seeds a database of its own at
# 10k, 100k and 1M items, serves it with gunicorn and loads it with wrk. PostgreSQL.
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/tracker_bench
bench: install
	@command -v wrk >/dev/null || { command -v apt-get >/dev/null && apt-get update -qq && apt-get install -y -qq wrk >/dev/null; } \
		|| { echo "wrk is needed: install it (Debian: apt-get install wrk)"; exit 1; }
	SECRET_KEY="$${SECRET_KEY:-$(TEST_SECRET_KEY)}" DATABASE_URL="$(BENCH_DATABASE_URL)" \
		$(BIN)/python manage.py bench $(BENCH_ARGS)
	$(MAKE) --no-print-directory bench-quickstart

# Every page of the quickstart (SQLite, demo data), one user at a time.
QUICKSTART_DB := $(CURDIR)/var/bench-quickstart.sqlite3
bench-quickstart: install
	mkdir -p var && rm -f "$(QUICKSTART_DB)"
	DEBUG=1 DATABASE_URL="sqlite:///$(QUICKSTART_DB)" $(BIN)/python manage.py migrate --noinput -v0
	DEBUG=1 DATABASE_URL="sqlite:///$(QUICKSTART_DB)" $(BIN)/python manage.py loaddemo >/dev/null
	DEBUG=1 DATABASE_URL="sqlite:///$(QUICKSTART_DB)" $(BIN)/python manage.py benchquickstart
