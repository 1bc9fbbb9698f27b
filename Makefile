# Kinfolk: `make demo` runs the demo, `make test` runs the tests. Both set everything up first.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
DEMO_SIZE ?= small
DEMO_SEED ?= 1
TEST_WORKERS ?= 2

.PHONY: demo test setup python-deps node-deps assets browser system-libs lint serve clean

demo: setup
	$(BIN)/kinfolk migrate --no-input
	$(BIN)/kinfolk demo --size $(DEMO_SIZE) --seed $(DEMO_SEED) --replace
	$(BIN)/kinfolk runserver 127.0.0.1:8000

# The suite over both cores (pytest-xdist); TEST_WORKERS=0 runs it in one process. A worker
# that runs out of tests takes some of those still waiting for the other (worksteal), so that
# the slow demo-load test does not hold up a queue of its own.
test: setup browser
	$(BIN)/pytest -n $(TEST_WORKERS) --dist worksteal

setup: system-libs python-deps node-deps assets

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Each install runs again only when what it installs from changes, so that a second
# `make test` starts at once and does not reinstall Kinfolk under a command that is running it.
python-deps: $(VENV)/.installed
$(VENV)/.installed: pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	touch $@

node-deps: node_modules/.installed
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# GOV.UK Frontend and MOJ Frontend, copied out of node_modules; their stylesheets refer to
# /assets/, which whitenoise serves from build/root. Each minified file names its source map
# (sourceMappingURL), so the map is copied beside it: production's manifest storage refuses to
# collect a file whose references it cannot find.
assets:
	rm -rf build/static build/root
	mkdir -p build/static/govuk build/static/moj build/root/assets
	cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.{css,js}{,.map} build/static/govuk/
	cp node_modules/@ministryofjustice/frontend/moj/moj-frontend.min.{css,js}{,.map} build/static/moj/
	cp -r node_modules/govuk-frontend/dist/govuk/assets/. build/root/assets/
	cp -r node_modules/@ministryofjustice/frontend/moj/assets/. build/root/assets/

# Debian's packages that Kinfolk's Python libraries load, each installed only when missing:
# libmagic reads the type of an uploaded document from its bytes (python-magic); Pango, HarfBuzz
# and the DejaVu fonts print family versions and letters to PDF (WeasyPrint); Chromium drives
# the browser tests (Playwright, never a downloaded browser).
SYSTEM_PACKAGES := libmagic1 libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 fonts-dejavu-core
APT_INSTALL = if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(1); \
	  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(1); fi

system-libs:
	@missing=$$(for package in $(SYSTEM_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$package 2>/dev/null | grep -q 'install ok installed' || echo $$package; done); \
	if [ -n "$$missing" ]; then echo "Installing Debian's" $$missing; $(call APT_INSTALL,$$missing); fi

browser:
	@command -v chromium >/dev/null || { echo "Installing Debian's chromium for the browser tests"; \
	  $(call APT_INSTALL,chromium); }

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy

clean:
	rm -rf build kinfolk.sqlite3*
