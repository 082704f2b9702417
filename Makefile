# Every target sets up what it needs from nothing: a fresh clone runs `make run` or `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

WEB := src/chancery/web
WEB_STAMP := $(WEB)/node_modules/.installed

.PHONY: run test lint typecheck unit system-deps clean

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "error: $(PYTHON) not found; install Python 3.11 or run make PYTHON=/path/to/python3.11"; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $(STAMP)

# Front-end libraries and map data come from the npm registry (pinned in package-lock.json), never the repo.
# --ignore-scripts: one transitive package's install script would try to reach the network.
$(WEB_STAMP): $(WEB)/package.json $(WEB)/package-lock.json
	@command -v npm >/dev/null 2>&1 || { echo "error: npm not found; install Node.js 20 and npm (make system-deps)"; exit 2; }
	npm ci --ignore-scripts --no-audit --no-fund --prefix $(WEB)
	@touch $(WEB_STAMP)

run: $(STAMP) $(WEB_STAMP)
	$(BIN)/chancery extract examples/articles/dpr-recognition.txt --published 2022-07-14 --format text
	$(BIN)/chancery ingest examples/articles/* --published 2022-07-14
	$(BIN)/chancery ledger status DPR --as-of 2022-07-14

test: $(STAMP) lint typecheck unit

lint: $(STAMP)
	$(BIN)/ruff check src tests

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP) $(WEB_STAMP)
	$(BIN)/pytest -q

# Debian packages the full test suite drives for real (PostgreSQL, Chromium). Needs root or sudo.
system-deps:
	bash scripts/system-deps.sh

clean:
	rm -rf $(VENV) $(WEB)/node_modules build dist src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
