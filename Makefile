# policykg — the two commands a newcomer needs: `make run` and `make test`.
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
DB ?= data/policykg.lbug

.PHONY: install run test fuzz fuzz-api lint lint-cypher compose-check browser bench bench-scale bench-http bench-pages bench-view bench-search clean

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

# Headless Chromium and its driver for the page tests, and a CJK font so screenshots show Chinese (Debian packages;
# the machines run as root).
browser:
	@command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1 && fc-list :lang=zh | grep -q . || \
		(apt-get update -qq && apt-get install -y -qq chromium chromium-driver fonts-wqy-zenhei >/dev/null)

lint: install
	$(BIN)/ruff check .

# Every Cypher statement shipped for Neo4j (named queries, schema, writer) through Neo4j's own parser, offline
# (npm package @neo4j-cypher/language-support, pinned by package-lock.json).
CYPHER_LINT := tools/cypher-lint
$(CYPHER_LINT)/node_modules/.installed: $(CYPHER_LINT)/package.json $(CYPHER_LINT)/package-lock.json
	cd $(CYPHER_LINT) && npm ci --no-audit --no-fund --loglevel=error
	touch $@

lint-cypher: install $(CYPHER_LINT)/node_modules/.installed
	$(BIN)/python $(CYPHER_LINT)/statements.py | node $(CYPHER_LINT)/lint.mjs

# The compose file must validate without a Docker engine: Debian's docker-compose does that. .env.example
# ships no password (compose refuses to start without one), so the check supplies its own.
compose-check:
	@command -v docker-compose >/dev/null 2>&1 || \
		(apt-get update -qq && apt-get install -y -qq docker-compose >/dev/null)
	NEO4J_PASSWORD=compose-check-only docker-compose --env-file .env.example config -q && echo "docker-compose.yml: valid"

test: install browser lint lint-cypher compose-check
	$(BIN)/pytest -q

# The long fault runs (tests marked slow): 100 kill -9 trials during writes, 10 runs of loads under 20
# concurrent clients, and the other fuzz suites.
fuzz: install fuzz-api
	$(BIN)/pytest -q -m slow

# Throughput and memory on a generated corpus of 1,000 documents (figures recorded in docs/benchmarks.md).
bench: install
	$(BIN)/python -m bench.run --docs 1000

# 10,000 generated documents loaded with policykg load, then served and read by 20 concurrent clients
# (figures recorded in docs/benchmarks.md).
bench-scale: install
	$(BIN)/python -m bench.scale --docs 10000

# How soon a 2,000-node network view answers clicks in headless Chromium, on 1,000 generated documents (figures
# in docs/benchmarks.md).
bench-view: install browser
	$(BIN)/python -m bench.view --docs 1000

# Search on a generated 2,000-document store: the word index's build, /api/search from the index and from the
# store's CONTAINS queries under 8 clients (figures in docs/benchmarks.md; --db STORE for a store loaded before).
bench-search: install
	$(BIN)/python -m bench.search --docs 2000

# What the serving middlewares cost per request (figures in docs/security.md).
bench-http: install
	$(BIN)/python -m bench.http

# How long the heaviest pages take to render, on the samples or on a store: make bench-pages DB_ARG="--db copy.lbug"
# (figures in docs/benchmarks.md).
bench-pages: install
	$(BIN)/python -m bench.pages $(DB_ARG)

# schemathesis against the served app's OpenAPI with many more examples than `make test` (random seed).
fuzz-api: install
	FUZZ_EXAMPLES=500 $(BIN)/pytest -q tests/test_api_inputs.py -k schemathesis

clean:
	rm -rf $(VENV) $(DB) .pytest_cache .ruff_cache $(CYPHER_LINT)/node_modules
