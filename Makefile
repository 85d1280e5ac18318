# Lugn. `make demo` and `make test` each set up a fresh machine first (see scripts/bootstrap.sh).
VENV   ?= .venv
PY     := $(VENV)/bin/python
LRELEASE ?= $(firstword $(wildcard /usr/lib/qt6/bin/lrelease /usr/bin/lrelease6 /usr/bin/lrelease))
export QT_QPA_PLATFORM ?= offscreen

.PHONY: setup demo pilot-demo test test-fast lint i18n model bench bundle clean

setup:
	@bash scripts/bootstrap.sh
	@$(MAKE) --no-print-directory i18n

i18n:
	@if [ -n "$(LRELEASE)" ]; then \
	  for ts in ui/i18n/*.ts; do [ -e "$$ts" ] && $(LRELEASE) -silent "$$ts" -qm "$${ts%.ts}.qm"; done; true; \
	else echo "i18n: lrelease not found (apt-get install qt6-l10n-tools); the UI falls back to English"; fi

demo: setup
	$(PY) -m lugn demo

pilot-demo: setup
	$(PY) -m lugn eval device/assets/demo_call.flac --report artifacts/pilot-demo

test: setup
	$(PY) -m pytest -q -p no:cacheprovider

test-fast: setup
	$(PY) -m pytest -q -p no:cacheprovider -m "not slow"

lint: setup
	$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check . && $(VENV)/bin/mypy device fleet lugn ui training devkit

model: setup
	$(PY) -m training.recipe

bench: setup
	$(PY) -m lugn bench

bundle: setup
	$(VENV)/bin/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build deploy/windows/lugn.spec
	@du -sh dist/lugn && dist/lugn/lugn --version && (dist/lugn/lugn doctor; echo "doctor exit $$? (2 = no sound card here)")

clean:
	rm -rf build dist artifacts test-artifacts ui/i18n/*.qm
