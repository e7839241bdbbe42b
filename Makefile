# Two commands do all the set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# The registry connection drops mid-download at times (CI saw a 91 MB wheel stop at 1.6 MB):
# pip resumes the download, and the install starts again twice before giving up.
PIP_NET := --retries 10 --timeout 60 --resume-retries 50

.PHONY: run test index eval bench clean

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --retries 10 --timeout 60 --upgrade pip
	$(PY) -m pip install -q torch==2.13.0
	for try in 1 2 3; do $(PY) -m pip install -q $(PIP_NET) -r requirements.txt && break; \
	  [ $$try -lt 3 ] || exit 1; echo "pip install failed (try $$try of 3); again in 20 s" >&2; sleep 20; done
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
