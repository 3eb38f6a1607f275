#!/bin/sh
# Install what the tests need from the system: Debian's Chromium (browser tests and PDF editions),
# hunspell with the Indonesian dictionary (spelling test) and poppler-utils (pdftotext, PDF tests).
# Installs as root; otherwise says what to install.
set -eu
need=""
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 \
  || [ -n "${SELFASSESS_CHROMIUM:-}" ] || need="$need chromium"
command -v hunspell >/dev/null 2>&1 || need="$need hunspell"
[ -f /usr/share/hunspell/id_ID.dic ] || need="$need hunspell-id"
command -v pdftotext >/dev/null 2>&1 || need="$need poppler-utils"
[ -z "$need" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Memasang paket sistem:$need"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $need >/dev/null
else
  echo "Paket sistem belum terpasang:$need" >&2
  echo "Pasang dengan: sudo apt-get install$need" >&2
  echo "(Tanpa Debian: pasang Chromium lalu atur SELFASSESS_CHROMIUM ke lokasinya.)" >&2
  exit 1
fi
