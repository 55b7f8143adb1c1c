# Two commands for researchers: `make run` and `make test`. Both create .venv when it is missing.
PYTHON ?= python3.11
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
ARTICLE ?= data/articles/kazakhstan-abraham-accords.txt

.PHONY: venv run test unit nbval lint lab bench notebooks clean
LAB_ARGS ?=

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	$(PY) -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (analysis)" >/dev/null
	@touch $(STAMP)

venv: $(STAMP)

run: $(STAMP)  ## run the whole suite on the default article into runs/<slug>/ (and figures/)
	@$(PY) -m compileall -q analysis  # cached bytecode: kernels start faster even with PYTHONDONTWRITEBYTECODE
	$(PY) -m analysis run $(ARTICLE)

test: $(STAMP) lint unit nbval  ## lint, unit tests, then nbval on every committed notebook

lint: $(STAMP)  ## ruff lint and format check (rules and line length in pyproject.toml)
	$(PY) -m ruff check analysis tests benchmarks
	$(PY) -m ruff format --check analysis tests benchmarks

unit: $(STAMP)
	$(PY) -m pytest -q -rs tests

nbval: $(STAMP)
	$(PY) -m pytest -q --nbval notebooks --sanitize-with tests/nbval_sanitize.cfg -p no:cacheprovider

notebooks: $(STAMP)  ## re-execute the committed notebooks in place with their default parameters
	$(PY) -m analysis notebooks

lab: $(STAMP)  ## JupyterLab at the project root (notebooks/, runs/, data/); e.g. LAB_ARGS="--port=8890 --no-browser"
	$(PY) -m jupyter lab --ServerApp.root_dir=. $(if $(filter 0,$(shell id -u)),--allow-root) $(LAB_ARGS)

bench: $(STAMP)  ## accuracy and speed tables
	@$(PY) -m compileall -q analysis
	$(PY) benchmarks/quotes.py --splits dev,train
	$(PY) benchmarks/numbers_extraction.py
	$(PY) benchmarks/suite_speed.py
	$(PY) benchmarks/large_article.py

clean:  ## remove every run (runs/ holds only what `make run` wrote)
	rm -rf runs
