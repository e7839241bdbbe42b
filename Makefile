# Two commands do all the set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test index eval bench clean

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q torch==2.13.0
	$(PY) -m pip install -q -r requirements.txt
	touch $(STAMP)

# The chat app on the shipped corpus; it builds the index on first start if there is none.
run: $(STAMP)
	$(VENV)/bin/streamlit run app.py --server.headless true

test: $(STAMP)
	$(PY) -m pytest -q

index: $(STAMP)
	$(PY) -m ingest

eval: $(STAMP)
	$(PY) -m eval

bench: $(STAMP)
	$(PY) bench/retrieval.py

clean:
	rm -rf $(VENV) index .index.* .cache
