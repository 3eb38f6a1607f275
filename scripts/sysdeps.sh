#!/bin/sh
# Install what the tests need from the system: Debian's Chromium (browser tests and PDF editions),
# hunspell with the Indonesian dictionary (spelling test), poppler-utils (pdftotext, PDF tests), and
# nginx with its Brotli module (the test that serves the precompressed site as
# docs/publikasi/server-web.md describes). Installs as root; otherwise says what to install. nginx
# is installed without starting its service: the test runs its own nginx on 127.0.0.1 with a
# temporary configuration.
set -eu
need=""
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 \
  || [ -n "${SELFASSESS_CHROMIUM:-}" ] || need="$need chromium"
command -v hunspell >/dev/null 2>&1 || need="$need hunspell"
[ -f /usr/share/hunspell/id_ID.dic ] || need="$need hunspell-id"
command -v pdftotext >/dev/null 2>&1 || need="$need poppler-utils"
[ -x /usr/sbin/nginx ] || need="$need nginx"
[ -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] \
  || need="$need libnginx-mod-http-brotli-static"
[ -z "$need" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Memasang paket sistem:$need"
  apt-get update -qq
  # Keep Debian from starting the nginx service (port 80) while installing; restore afterwards.
  policy=/usr/sbin/policy-rc.d
  added=""
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' > "$policy" && chmod 755 "$policy" && added=1
  fi
  status=0
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $need >/dev/null \
    || status=$?
  [ -n "$added" ] && rm -f "$policy"
  exit "$status"
else
  echo "Paket sistem belum terpasang:$need" >&2
  echo "Pasang dengan: sudo apt-get install$need" >&2
  echo "(Tanpa Debian: pasang Chromium lalu atur SELFASSESS_CHROMIUM ke lokasinya.)" >&2
  exit 1
fi
