# Coéduc — the two commands of the README: `make run` and `make test`.
# Needs only Python 3.11 (no PostgreSQL, Redis, GNU gettext or browser).

PYTHON ?= python3.11
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000


.PHONY: run test install install-test translations messages serve lint format clean

$(PY):
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is needed ($(PYTHON) not found)."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.installed: $(PY) pyproject.toml requirements.lock
	$(PIP) install --quiet -c requirements.lock -e .
	@touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(PIP) install --quiet -c requirements.lock -e '.[test]'
	@touch $@

install: $(VENV)/.installed translations

install-test: $(VENV)/.installed-test translations

# Catalogues are compiled with Babel: no GNU gettext needed. French spacing first (a narrow
# no-break space before : ; ! ?), so that no translator has to type it.
translations: $(VENV)/.installed
	$(VENV)/bin/python locale/french_typography.py locale/fr/LC_MESSAGES/django.po
	$(VENV)/bin/pybabel compile --domain django --directory locale --statistics

# For developers who have GNU gettext: extract new source strings into the catalogues.
messages: $(VENV)/.installed
	$(PY) manage.py makemessages --no-obsolete --ignore='.venv/*' --ignore='var/*' \
		--ignore='tests/*' --ignore='bench/*' --locale fr --locale en --locale ar

# The secret key of this machine, made once and kept out of git.
var/secret_key:
	@mkdir -p var
	@$(PYTHON) -c "import secrets; print(secrets.token_urlsafe(50))" > $@

run: install var/secret_key
	@export SECRET_KEY="$$(cat var/secret_key)"; \
	$(PY) manage.py migrate --no-input && \
	$(PY) manage.py collectstatic --no-input --verbosity 0 && \
	$(PY) manage.py load_demo && \
	$(MAKE) --no-print-directory serve DEMO_ACCOUNTS=1

# The ASGI server (uvicorn: uvloop, httptools, wsproto) and the background-task worker together.
# The worker's line per task goes to var/worker.log, not the terminal; the demo accounts (with
# DEMO_ACCOUNTS=1) and the address are printed once uvicorn listens, so they stay in view.
# SITE_URL (links in e-mails, CSRF origins) follows HOST and PORT unless it is set.
serve: var/secret_key
	@export SECRET_KEY="$$(cat var/secret_key)"; \
	export SITE_URL="$${SITE_URL:-http://$(HOST):$(PORT)}"; \
	$(PY) manage.py db_worker >>var/worker.log 2>&1 & worker=$$!; \
	$(VENV)/bin/uvicorn coeduc.asgi:application --host $(HOST) --port $(PORT) \
		--loop uvloop --http httptools --ws wsproto --ws-per-message-deflate false \
		--proxy-headers --forwarded-allow-ips "$${TRUSTED_PROXIES:-}" & server=$$!; \
	trap 'kill $$worker $$server 2>/dev/null' EXIT INT TERM; \
	if [ -n "$(DEMO_ACCOUNTS)" ]; then \
		$(PY) manage.py demo_accounts --after-server $(HOST):$(PORT) --timeout 60; fi; \
	echo "Coéduc: $$SITE_URL/ (Ctrl-C to stop; background tasks log to var/worker.log)"; \
	wait $$server

# The suite on one pytest-xdist worker more than the cores (a database, a Redis database and a
# browser per worker), then the few tests marked `serial` (concurrency storms, servers
# restarted), alone. Exit 5 is pytest's "no test selected" (PYTEST_ARGS naming only one kind).
# JUNIT=var/x writes each part's times to var/x-parallel.xml and var/x-serial.xml
# (bench/test_times.py reads them). TEST_MARKS="not asgi" narrows both parts by marker (CI runs
# the asgi ones on PostgreSQL). One more than the cores: the tests also wait on Chromium, the
# servers and the database, and the spare worker takes the last browser tests that one worker
# alone would run. On the 2-core machine, two pairs run back to back: 3 workers 297 s and 316 s
# of tests, 4 workers 312 s and 340 s (README, "Tests").
TEST_WORKERS ?= $(shell echo $$(( $$(nproc 2>/dev/null || echo 1) + 1 )))
test: install-test
	$(PY) -m pytest -n $(TEST_WORKERS) -m "not serial$(if $(TEST_MARKS), and ($(TEST_MARKS)))" \
		$(PYTEST_ARGS) $(if $(JUNIT),--junitxml=$(JUNIT)-parallel.xml) || [ $$? -eq 5 ]
	$(PY) -m pytest -m "serial$(if $(TEST_MARKS), and ($(TEST_MARKS)))" \
		$(PYTEST_ARGS) $(if $(JUNIT),--junitxml=$(JUNIT)-serial.xml) || [ $$? -eq 5 ]

lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: $(VENV)/.installed-test
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean:
	rm -rf $(VENV) var db.sqlite3 db.sqlite3-wal db.sqlite3-shm
