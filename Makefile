# policykg — the two commands a newcomer needs: `make run` and `make test`.
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
DB ?= data/policykg.lbug

.PHONY: install run test lint browser bench clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

# Load the sample corpus into the embedded store and serve the API and views on 127.0.0.1:$(PORT).
run: install
	$(BIN)/policykg load data/samples --db $(DB)
	$(BIN)/policykg serve --db $(DB) --host 127.0.0.1 --port $(PORT)

# Headless Chromium for the view tests, and a CJK font so its screenshots show Chinese (Debian packages;
# the machines run as root).
browser:
	@command -v chromium >/dev/null 2>&1 && fc-list :lang=zh | grep -q . || \
		(apt-get update -qq && apt-get install -y -qq chromium fonts-wqy-zenhei >/dev/null)

lint: install
	$(BIN)/ruff check .

test: install browser lint
	$(BIN)/pytest -q

# Throughput and memory on a generated corpus of 1,000 documents (figures recorded in docs/benchmarks.md).
bench: install
	$(BIN)/python -m bench.run --docs 1000

clean:
	rm -rf $(VENV) $(DB) .pytest_cache .ruff_cache
