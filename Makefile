# newskg: two commands for a fresh machine with only python3 and make.
#   make run   create .venv, install, build out/graph.ttl from seeds/ and validate it
#   make test  create .venv, install with dev extras, run ruff, mypy and pytest
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP_RUN := $(VENV)/.installed-run
STAMP_DEV := $(VENV)/.installed-dev

.PHONY: run test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP_RUN): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(STAMP_DEV): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev,viz]"
	touch $@ $(STAMP_RUN)

run: $(STAMP_RUN)
	$(BIN)/newskg build seeds/ -o out/graph.ttl
	$(BIN)/newskg validate out/graph.ttl

test: $(STAMP_DEV)
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/mypy src bench
	$(BIN)/python -m pytest -q --slow

# Benchmarks (minutes; the 10,000-article sizes take much longer: run those scripts by hand).
bench: $(STAMP_DEV)
	$(BIN)/python bench/extraction_speed.py
	$(BIN)/python bench/throughput.py --sizes 100,1000 --jobs 2
	$(BIN)/python bench/validation.py --sizes 100,1000

clean:
	rm -rf $(VENV) out build dist
