# wirehouse entry points. `make run` and `make test` work on a fresh clone: they create
# the venv, install the pinned dependencies and initialise Airflow on first use.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3.11
VENV := $(CURDIR)/.venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed

export WIREHOUSE_HOME := $(CURDIR)
export WIREHOUSE_INPUT ?= seeds
export WIREHOUSE_DB ?= warehouse/wirehouse.duckdb

export AIRFLOW_HOME ?= $(CURDIR)/state/airflow
export AIRFLOW__CORE__DAGS_FOLDER := $(CURDIR)/dags
export AIRFLOW__CORE__LOAD_EXAMPLES := False
export AIRFLOW__CORE__DAGBAG_IMPORT_TIMEOUT := 120
export AIRFLOW__LOGGING__LOGGING_LEVEL ?= INFO
export DBT_SEND_ANONYMOUS_USAGE_STATS := False
export DO_NOT_TRACK := 1
AIRFLOW := $(VENV)/bin/airflow
# tasks and tools started as plain `airflow`, `dbt` or `duckdb` find the venv's
export PATH := $(VENV)/bin:$(PATH)
DBT_DIR := $(CURDIR)/dbt_project

AIRFLOW_PORT ?= 8080
DOCS_PORT ?= 8081

.PHONY: help setup browser run test test-unit lint eval bench evidence docs airflow query seeds clean \
	cluster cluster-deps cluster-stop cluster-status

help:
	@echo "make run    set up (first time) and run the news_warehouse DAG once on WIREHOUSE_INPUT"
	@echo "make test   set up (first time) and run the whole test suite"
	@echo "make eval   accuracy on the gold sets in ../shared/eval, each figure against its floor"
	@echo "make bench  throughput, memory and stage times on ../shared/corpora/bbc (BENCH_ARGS=--docs N)"
	@echo "make evidence  HTML evidence pages (highlighted texts) of WIREHOUSE_DB"
	@echo "make docs   serve the dbt docs site of WIREHOUSE_DB on 127.0.0.1:$(DOCS_PORT)"
	@echo "make query  the DuckDB command line on WIREHOUSE_DB, read-only"
	@echo "make airflow  Airflow (API server, scheduler, DAG processor), UI on 127.0.0.1:$(AIRFLOW_PORT)"
	@echo "make cluster  Airflow on CeleryExecutor (PostgreSQL, Redis, two workers); make cluster-stop"
	@echo "make test-unit  the unit tests alone (no Airflow, no dbt)"
	@echo "make lint   import rules (import-linter), ruff, mypy and sqlfluff; make test runs it first"
	@echo "make seeds  regenerate the dbt seeds made from the lexicons and ../shared/reference"

$(INSTALLED): requirements.lock pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

$(AIRFLOW_HOME)/.initialised: $(INSTALLED)
	mkdir -p $(AIRFLOW_HOME)
	$(AIRFLOW) db migrate > $(AIRFLOW_HOME)/db-migrate.log 2>&1 || { cat $(AIRFLOW_HOME)/db-migrate.log; exit 1; }
	chmod 600 $(AIRFLOW_HOME)/airflow.cfg $(AIRFLOW_HOME)/airflow.db  # they hold the keys and users
	$(AIRFLOW) pools set duckdb_writer 1 "the one process that may write the DuckDB file"
	touch $@

setup: $(INSTALLED) $(AIRFLOW_HOME)/.initialised

run: setup
	$(PY) -m extractors.warehouse.dag_runner
	$(PY) -m extractors summary

# The browser tests drive Debian's chromium; install it once, as the machine image lacks it.
browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || { \
	  $(if $(filter 0,$(shell id -u)),,sudo) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(if $(filter 0,$(shell id -u)),,sudo) \
	  apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null; }

# The cluster tests and `make cluster` run Debian's PostgreSQL and Redis; install them once.
cluster-deps:
	@{ command -v redis-server && ls /usr/lib/postgresql/*/bin/postgres; } >/dev/null 2>&1 || { \
	  $(if $(filter 0,$(shell id -u)),,sudo) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(if $(filter 0,$(shell id -u)),,sudo) \
	  apt-get install -y -qq --no-install-recommends postgresql redis-server >/dev/null; }

# lint first: a broken import rule or type error fails before the slow tests start
# The cluster tests mostly wait on Airflow's scheduling and a killed worker's heartbeat: they
# run beside the unit and integration tests (CPU-bound, no timing) and the first e2e tests.
# Every test runs once; the slowest are listed at the end.
CLUSTER_TEST_LOG := $(CURDIR)/state/cluster-tests.log
test: lint setup browser cluster-deps
	@mkdir -p $(dir $(CLUSTER_TEST_LOG))
	@$(PY) -m pytest -m cluster -p no:cacheprovider --durations=5 tests/cluster \
	  > $(CLUSTER_TEST_LOG) 2>&1 & cluster=$$!; \
	$(PY) -m pytest --durations=15 tests/unit tests/integration tests/e2e; rest=$$?; \
	wait $$cluster; clustered=$$?; cat $(CLUSTER_TEST_LOG); \
	exit $$(( rest || clustered ))

# the unit tests of every room, without Airflow or dbt (about 30 s)
test-unit: $(INSTALLED)
	$(PY) -m pytest tests/unit

# accuracy against ../shared/eval, each extractor beside its baseline (skips if absent);
# fails when a figure falls below its floor (extractors/bench/evaluation/floors.csv)
eval: $(INSTALLED)
	$(PY) -m extractors.bench.evaluation

# not part of `make test`: it takes about half an hour on the whole corpus
bench: setup
	$(PY) -m extractors.bench.benchmark $(BENCH_ARGS)

# the generated dbt seeds (dbt_project/seeds/*.csv): from the lexicons, and from the
# CAMEO/PLOVER tables in ../shared/reference when it is there (extractors/tools/seeds.py)
seeds: $(INSTALLED)
	$(PY) -m extractors.tools.seeds

evidence: $(INSTALLED)
	$(PY) -m extractors evidence

docs: setup
	$(PY) -m extractors.tools.docs_server --port $(DOCS_PORT)

# the DuckDB command line itself (history, completion, .tables, .mode ...), read-only:
# runs keep building and publishing meanwhile
query: $(INSTALLED)
	@test -f "$(WIREHOUSE_DB)" || { echo "no warehouse at $(WIREHOUSE_DB): run make run first" >&2; exit 1; }
	@echo "DuckDB $$($(VENV)/bin/duckdb --version | cut -d' ' -f1) on $(WIREHOUSE_DB), read-only. Try .tables, or: select * from marts.fct_statements limit 5;" >&2
	@$(VENV)/bin/duckdb -readonly "$(WIREHOUSE_DB)"

# The UI binds to 127.0.0.1 and needs a login: user admin, with a password that Airflow
# generates at first start into the file printed below (never committed).
airflow: setup
	@echo "Airflow UI: http://127.0.0.1:$(AIRFLOW_PORT)/  user: admin"
	@echo "password: in $(AIRFLOW_HOME)/simple_auth_manager_passwords.json.generated (written at first start)"
	AIRFLOW__API__HOST=$${AIRFLOW__API__HOST:-127.0.0.1} AIRFLOW__API__PORT=$(AIRFLOW_PORT) \
	AIRFLOW__CORE__EXECUTION_API_SERVER_URL=http://127.0.0.1:$(AIRFLOW_PORT)/execution/ \
	AIRFLOW__CORE__EXECUTOR=LocalExecutor $(PY) -m extractors.tools.airflow_local

# The same DAG on CeleryExecutor, everything on 127.0.0.1 and under state/cluster:
# PostgreSQL, Redis, API server, scheduler, DAG processor, a worker for queue nlp (the
# extract tasks, 2 slots) and one for queue warehouse (the DuckDB tasks, 1 slot). Ports:
# WIREHOUSE_CLUSTER_{POSTGRES,REDIS,API}_PORT, by default 15432, 16379 and 18080.
cluster: $(INSTALLED) cluster-deps
	$(PY) -m extractors.tools.cluster start

cluster-stop: $(INSTALLED)
	$(PY) -m extractors.tools.cluster stop

# memory and CPU time of each service
cluster-status: $(INSTALLED)
	$(PY) -m extractors.tools.cluster status

# the rules of the house: rooms import only downwards (pyproject.toml, [tool.importlinter]),
# style, types, and SQL layout
lint: $(INSTALLED)
	$(VENV)/bin/lint-imports
	$(VENV)/bin/ruff check extractors dags tests
	$(VENV)/bin/ruff format --check extractors dags tests
	$(VENV)/bin/mypy
	cd $(DBT_DIR) && $(VENV)/bin/sqlfluff lint models tests macros

clean:
	rm -rf state warehouse $(DBT_DIR)/target $(DBT_DIR)/logs
