#!/usr/bin/env bash
# Installs the system packages nianbao needs on Debian/Ubuntu: a browser to print PDFs —
# chromium-headless-shell (Debian's headless-only Chromium, which nianbao prefers: it starts in
# half the time) and chromium (the full browser, which the tests also print with) — and
# poppler-utils (pdftotext, pdffonts, pdfinfo) that the tests use to read PDFs back.
# Used by `npm run setup` (the README's quick start) and by CI. Safe to run again.
set -euo pipefail

# Whether apt knows a package (chromium-headless-shell is in Debian 12's security updates and later).
known() { command -v apt-cache >/dev/null 2>&1 && [ -n "$(apt-cache policy "$1" 2>/dev/null | grep 'Candidate:' | grep -v '(none)')" ]; }

need=()
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || command -v google-chrome >/dev/null 2>&1 || need+=(chromium)
[ -x /usr/lib/chromium/chromium-headless-shell ] || ! known chromium-headless-shell || need+=(chromium-headless-shell)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
[ ${#need[@]} -eq 0 ] && { echo "system packages: already installed"; exit 0; }

if ! command -v apt-get >/dev/null 2>&1; then
  echo "Please install: ${need[*]} (this script knows only apt-get)." >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "Please run as root or install sudo to install: ${need[*]}" >&2; exit 1; }
  sudo="sudo"
fi
echo "system packages: installing ${need[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
