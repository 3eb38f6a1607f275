# Panduan Coaching & Mentoring ASN — perintah utama.
#   make serve   sajikan panduan di http://127.0.0.1:8000
#   make test    pasang semua yang dibutuhkan lalu jalankan semua tes
# Setiap target membuat .venv dan memasang paket yang dipatok bila belum ada atau sudah usang.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.terpasang
HOST   ?= 127.0.0.1
PORT   ?= 8000
APP_PORT ?= 8866
export NO_MKDOCS_2_WARNING := 1

.PHONY: help serve live site site-offline pdf lab app screenshots test lint bench sysdeps lock clean data-alat

help:
	@echo "make serve         bangun site/ lalu sajikan di http://$(HOST):$(PORT) (dengan pencarian)"
	@echo "make live          pratinjau yang dimuat ulang saat menulis (mkdocs serve, tanpa pencarian)"
	@echo "make site          bangun situs untuk server web ke site/ (subfolder: SITE_URL=https://…/)"
	@echo "make site-offline  bangun situs untuk folder bersama (file://) ke site-offline/"
	@echo "make pdf           edisi PDF (atasan, pelatih, kartu saku) ke pdf/"
	@echo "make lab           JupyterLab pada notebooks/"
	@echo "make app           aplikasi lokakarya (Voila) pada notebooks/"
	@echo "make screenshots   tangkapan layar setiap alat ke docs/assets/img/alat/"
	@echo "make data-alat     tulis ulang data dan formulir kertas alat peramban dari YAML instrumen"
	@echo "make test          semua tes (memasang Chromium dan hunspell-id bila perlu)"
	@echo "make bench         tolok ukur kecepatan"

$(STAMP): requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@touch $(STAMP)

# Situs yang sama dengan yang diterbitkan, termasuk indeks pencarian (dibangun sesudah MkDocs).
serve: site
	@echo "Panduan di http://$(HOST):$(PORT)/ (Ctrl+C untuk berhenti)"
	$(BIN)/python -m http.server --bind $(HOST) --directory site $(PORT)

# Pratinjau yang dimuat ulang otomatis saat menulis; pencarian baru tersedia di make serve/site.
live: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr $(HOST):$(PORT)

# Sesudah build: indeks pencarian (scripts/indeks_pencarian.py) lalu salinan .gz/.br untuk server web.
# Langkah yang sama berlaku untuk situs yang dibangun dengan zensical build.
site: $(STAMP)
	$(if $(SITE_URL),SELFASSESS_SITE_URL=$(SITE_URL)) $(BIN)/mkdocs build --strict --clean --site-dir site
	$(BIN)/python scripts/indeks_pencarian.py site
	$(BIN)/python scripts/kompres.py site

site-offline: $(STAMP)
	SELFASSESS_OFFLINE=true $(BIN)/mkdocs build --strict --clean --site-dir site-offline
	$(BIN)/python scripts/indeks_pencarian.py site-offline

# Edisi cetak: PDF edisi atasan, edisi pelatih (dengan jawaban latihan), dan kartu saku, dicetak
# dengan Chromium dari situs yang baru dibangun.
pdf: sysdeps site
	$(BIN)/python scripts/cetak_pdf.py --site site --out pdf

lab: $(STAMP)
	$(BIN)/jupyter lab --ip=$(HOST) --ServerApp.root_dir=notebooks

# Untuk server intranet, misalnya: make app HOST=10.20.30.40 APP_ARGS=--sandi-acak
app: $(STAMP)
	$(BIN)/selfassess aplikasi --notebooks notebooks --host $(HOST) --port $(APP_PORT) $(APP_ARGS)

# Tangkapan layar sungguhan setiap alat (Chromium Debian), untuk halaman Alat di panduan.
screenshots: sysdeps $(STAMP) site
	$(BIN)/python scripts/screenshots.py

# Data alat peramban dan formulir kertas, dibuat dari src/selfassess/instruments/*.yaml. Hasilnya
# disimpan di repositori (mkdocs build biasa tidak perlu langkah tambahan); uji gagal bila usang.
data-alat: $(STAMP)
	$(BIN)/python scripts/alat_situs.py

sysdeps:
	@sh scripts/sysdeps.sh

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts benchmarks
	$(BIN)/ruff format --check src tests scripts benchmarks

test: sysdeps $(STAMP) lint site site-offline
	$(BIN)/pytest tests notebooks --nbval-lax --nbval-current-env \
		--nbval-sanitize-with tests/nbval-sanitize.cfg

# Lighthouse (npm, versi terkunci di benchmarks/lighthouse/package-lock.json) hanya untuk tolok ukur.
LIGHTHOUSE_STAMP := benchmarks/lighthouse/node_modules/.terpasang
$(LIGHTHOUSE_STAMP): benchmarks/lighthouse/package-lock.json
	@command -v npm >/dev/null 2>&1 || { [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1 \
	  && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null; } \
	  || { echo "npm tidak ada: Lighthouse dilewati (pasang nodejs dan npm)"; exit 0; }
	cd benchmarks/lighthouse && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	@touch $@

bench: sysdeps $(STAMP) site site-offline $(LIGHTHOUSE_STAMP)
	@ls benchmarks/*.py >/dev/null 2>&1 || { echo "Belum ada tolok ukur."; exit 0; }
	@for f in benchmarks/*.py; do echo "== $$f"; $(BIN)/python $$f || exit 1; done

lock: $(STAMP)
	@{ echo "# Exact versions of every package (direct and transitive) the project is built and tested with."; \
	   echo "# Regenerate with \`make lock\` after changing pyproject.toml."; \
	   $(BIN)/python -m pip freeze --exclude-editable | grep -v '^-e'; } > requirements.lock.new
	mv requirements.lock.new requirements.lock

clean:
	rm -rf site site-offline pdf .pytest_cache
