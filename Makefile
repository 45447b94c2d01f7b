# make run   : install into .venv, index the bundled reports, serve http://127.0.0.1:7860
# make test  : install into .venv, run the whole test suite
# make install: only the install step. requirements.lock pins what CI installs, torch's CPU wheel included.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test bench clean

install: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -c requirements.lock -e '.[test,bench,qdrant]'
	bash scripts/install-system.sh
	touch $(STAMP)

run: install
	$(BIN)/tracuu ingest data/reports
	$(BIN)/tracuu serve

test: install
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q -n auto --dist worksteal

bench: install
	$(BIN)/python bench/run.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) .tracuu
