# The two commands of the README. Each creates .venv on first use with only
# Python 3.11+ on the machine; `make test` is what CI runs (.ci/run).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint golden bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)  ## one cycle of the main job on config.yaml
	$(BIN)/alerter run --once

# Tests that need ../shared/ or Chromium skip when they are missing and say why
# (pytest -ra lists every skip); .ci/run makes them required. Chromium is installed
# first where that is possible without a password (root, or password-less sudo).
test: $(STAMP) lint  ## lint, type-check and the test suite
	@.ci/install_browser.sh --if-possible
	@.ci/install_postgres.sh --if-possible
	$(BIN)/pytest -q

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy alerter tests

golden: $(STAMP)  ## regenerate the golden files after a reviewed change
	ALERTER_UPDATE_GOLDEN=1 $(BIN)/pytest -q tests/test_end_to_end.py tests/test_templates.py

bench: $(STAMP)  ## the benchmarks under bench/, with their default sizes (several minutes)
	$(BIN)/python bench/eval_extract.py --split test
	$(BIN)/python bench/extract_throughput.py
	$(BIN)/python bench/extract_memory.py --docs 1000
	$(BIN)/python bench/rules_scale.py
	$(BIN)/python bench/long_document.py
	-$(BIN)/python bench/reading.py  # needs ../shared/corpus/
	$(BIN)/python bench/run_memory.py --docs 2000
	$(BIN)/python bench/scale.py --docs 2000

clean:
	rm -rf out .pytest_cache .mypy_cache .ruff_cache
