# Job Forge. `make run` sets everything up and starts the app; `make test` sets everything up
# and runs every test. Both create .venv and install the pinned requirements on first use.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint format bench clean

$(VENV)/.runtime: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

run: $(VENV)/.runtime
	$(BIN)/gunicorn -c gunicorn.conf.py

test: $(VENV)/.dev
	scripts/ensure-test-tools.sh
	scripts/run-tests.sh

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Every benchmark in bench/, one after another, each printing its figures (about 20 minutes; see
# docs/performance.md). Not part of `make test`. The ones that drive Chromium take the browser lock
# other test runs on this machine take; bench.load runs last and exits non-zero if a criterion fails.
bench: $(VENV)/.dev
	$(BIN)/python -m bench.offline_generation
	$(BIN)/python bench/export_speed.py
	$(BIN)/python bench/embedding_throughput.py
	$(BIN)/python bench/vector_search.py
	$(BIN)/python bench/dashboard_plans.py
	$(BIN)/python bench/overview_plans.py
	flock /tmp/jobforge-browser.lock $(BIN)/python -m bench.page_weight
	flock /tmp/jobforge-browser.lock $(BIN)/python -m bench.dashboard_load
	$(BIN)/python -m bench.load

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
