#!/usr/bin/env bash
# Installs the system packages nianbao needs on Debian/Ubuntu: a browser to print PDFs —
# chromium-headless-shell (Debian's headless-only Chromium, which nianbao prefers: it starts in
# half the time) and chromium (the full browser, which the tests also print with) — and
# poppler-utils (pdftotext, pdffonts, pdfinfo) that the tests use to read PDFs back, and python3,
# which the tests use for a pseudo-terminal (a closed terminal) and to write GB18030 files.
# Used by `npm run setup` (the README's quick start) and by CI. Safe to run again.
set -euo pipefail

# Whether apt knows a package (chromium-headless-shell: Debian 12's security updates and later).
known() { [ -n "$(apt-cache policy "$1" 2>/dev/null | grep 'Candidate:' | grep -v '(none)')" ]; }

need=()
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || command -v google-chrome >/dev/null 2>&1 || need+=(chromium)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
command -v python3 >/dev/null 2>&1 || need+=(python3)
# The headless shell is wanted, not needed: where the distribution lacks it, chromium prints.
want_shell=false
[ -x /usr/lib/chromium/chromium-headless-shell ] || want_shell=true

if ! command -v apt-get >/dev/null 2>&1; then
  [ ${#need[@]} -eq 0 ] && { echo "system packages: already installed"; exit 0; }
  echo "Please install: ${need[*]} (this script knows only apt-get)." >&2
  exit 1
fi
[ ${#need[@]} -eq 0 ] && ! $want_shell && { echo "system packages: already installed"; exit 0; }

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if ! command -v sudo >/dev/null 2>&1; then
    [ ${#need[@]} -eq 0 ] && { echo "system packages: chromium-headless-shell not installed (no root, no sudo); using the browser there is"; exit 0; }
    echo "Please run as root or install sudo to install: ${need[*]}" >&2
    exit 1
  fi
  sudo="sudo"
fi
# Fresh machines have empty package lists: read them before asking what they hold.
if [ ${#need[@]} -gt 0 ] || ! known chromium-headless-shell; then $sudo apt-get update -qq; fi
if $want_shell; then
  if known chromium-headless-shell; then need+=(chromium-headless-shell); else echo "system packages: this distribution has no chromium-headless-shell; chromium will print"; fi
fi
[ ${#need[@]} -eq 0 ] && exit 0
echo "system packages: installing ${need[*]}"
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
