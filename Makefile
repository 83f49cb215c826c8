# Two commands for a newcomer: `make serve` and `make test`. Every target sets itself up first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: setup setup-test serve build test bench clean

setup: $(STAMP) node_modules/.package-lock.json

# The browser tests need Chromium and a font with Hangul: without one, Chromium draws every Korean
# character as a box, and every Korean screenshot, contrast check and layout test tests boxes.
# Noto Sans CJK KR is the Korean font of Android and of most Linux desktops (overrides/assets/site.css names it).
BROWSER_PACKAGES := chromium fonts-noto-cjk

setup-test: setup $(VENV)/.installed-test
	@{ command -v chromium >/dev/null && fc-list :lang=ko family | grep -q .; } || \
	  { echo "Installing Debian's $(BROWSER_PACKAGES) for the browser tests"; \
	    (apt-get update -qq && apt-get install -y -qq --no-install-recommends $(BROWSER_PACKAGES)) >/dev/null || \
	    { echo "Could not install them: run 'apt-get install $(BROWSER_PACKAGES)' as root"; exit 1; }; }

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

# The suite runs on every core (pytest-xdist); `make test TEST_JOBS=0` runs it in one process.
TEST_JOBS ?= auto
test: setup-test
	$(PY) -m pytest -n $(TEST_JOBS)

.PHONY: outputs
outputs: setup-test   # rewrite every ```text output block of docs/ from a real run of the code above it
	$(PY) tests/outputs.py

.PHONY: notebooks
notebooks: setup   # keep the page notebooks in notebooks/<lang>/, where Colab opens them
	$(PY) -m sitebuild.colab

.PHONY: translations
translations: $(STAMP)   # every page, each language: original, up to date, outdated, missing
	$(PY) -m sitebuild.translations status

bench: setup-test
	$(PY) -m bench.build_site

clean:
	rm -rf site .cache
