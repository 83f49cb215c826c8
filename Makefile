# Two commands for a newcomer: `make serve` and `make test`. Every target sets itself up first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: setup setup-test serve build test bench clean

setup: $(STAMP) node_modules/.package-lock.json

setup-test: setup $(VENV)/.installed-test
	@command -v chromium >/dev/null || { echo "Installing Debian's chromium for the browser tests"; \
	  (apt-get update -qq && apt-get install -y -qq chromium) >/dev/null || \
	  { echo "Could not install chromium: run 'apt-get install chromium' as root"; exit 1; }; }

$(PY):
	$(PYTHON) -m venv $(VENV)

$(STAMP): requirements.txt constraints.txt | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt -c constraints.txt
	touch $@

$(VENV)/.installed-test: requirements-test.txt requirements.txt constraints.txt | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt -c constraints.txt
	touch $@

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

serve: setup
	$(PY) -m sitebuild.serve

# The public address and the repository, both optional (mkdocs.yml reads them with !ENV):
#   make build SITE_URL=https://owner.github.io/repo/ REPO_URL=https://github.com/owner/repo
export SITE_URL REPO_URL
build: setup
	$(PY) -m sitebuild.build site

test: setup-test
	$(PY) -m pytest

.PHONY: translations
translations: $(STAMP)   # every page, each language: original, up to date, outdated, missing
	$(PY) -m sitebuild.translations status

bench: setup-test
	$(PY) -m bench.build_site

clean:
	rm -rf site .cache
