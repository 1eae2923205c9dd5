# One entry point for developers, CI and IT. Every target sets up what it needs first.
.PHONY: gui-bench sync-bench demo test stress fuzz package bench lock clean

VENV := .venv
PY := $(VENV)/bin/python

## make demo — start the application with a populated demo center
demo:
	@scripts/bootstrap.sh runtime
	$(VENV)/bin/teiretsu --demo

## make test — lint, type-check and run the whole test suite (what CI runs), one pytest worker per core
test:
	@scripts/bootstrap.sh dev
	$(VENV)/bin/ruff check src tests scripts
	$(VENV)/bin/ruff format --check src tests scripts
	$(VENV)/bin/mypy
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q --numprocesses=auto

## make package — the frozen Linux application and its .deb (installers/README.md)
package:
	@scripts/bootstrap.sh dev
	scripts/package_linux.sh

## make bench — the benchmark on a synthetic store in build/bench (100,000 persons; passphrase asked),
## then its GUI section: the application in its event loop on that store (passphrase asked again)
bench:
	@scripts/bootstrap.sh dev
	$(VENV)/bin/teiretsu-admin --data-dir build/bench bench --json build/bench.json
	QT_QPA_PLATFORM=offscreen PYTHONPATH=src $(PY) scripts/gui_bench.py build/bench bench

## make gui-bench — the GUI in its event loop on build/bench (after make bench; staff "bench", passphrase asked)
gui-bench:
	@scripts/bootstrap.sh dev
	QT_QPA_PLATFORM=offscreen PYTHONPATH=src $(PY) scripts/gui_bench.py build/bench bench

## make sync-bench — sync at a center's scale: 10 devices, 5,000 persons (enrol, a day's packet, apply)
sync-bench:
	@scripts/bootstrap.sh dev
	PYTHONPATH=src $(PY) scripts/sync_bench.py

## make fuzz — the bundle and ledger reader fuzzes for longer (20,000 mutated files each)
fuzz:
	@scripts/bootstrap.sh dev
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider --hypothesis-profile=fuzz -k fuzzed tests/integration/test_statistics.py tests/integration/test_hostile_ledgers.py

## make stress — the long crash-safety run (1,000 SIGKILLs during writes)
stress:
	@scripts/bootstrap.sh dev
	$(PY) -m tests.stress.kill_loop --iterations 1000

## make lock — recompile the hashed lock files from requirements/*.in
lock:
	$(PY) -m pip install --quiet uv==0.13.9
	$(VENV)/bin/uv pip compile --quiet --universal --python-version 3.11 --generate-hashes requirements/runtime.in -o requirements/runtime.lock
	$(VENV)/bin/uv pip compile --quiet --universal --python-version 3.11 --generate-hashes requirements/dev.in -o requirements/dev.lock

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
