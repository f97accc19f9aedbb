#!/usr/bin/env bash
# The same pipeline for any CI system: check everything, then build one shard of the PDFs.
# Usage: SHARD=1 SHARDS=3 ./ci.sh   (run SHARDS jobs with SHARD = 1 … SHARDS)
set -euo pipefail

# nianbao is not on the npm registry: NIANBAO_PACKAGE says where npm installs it from — its git
# repository (git+https://…/nianbao.git#v0.1.0) or a tarball made with `npm pack`.
npm install --global "${NIANBAO_PACKAGE:?set NIANBAO_PACKAGE to the git URL of nianbao or to a tarball made with npm pack}"
# A browser: Debian's headless-only Chromium starts fastest; any Chrome/Chromium will do.
[ -x /usr/lib/chromium/chromium-headless-shell ] || command -v chromium >/dev/null || command -v google-chrome >/dev/null \
  || sudo apt-get install -y chromium-headless-shell || sudo apt-get install -y chromium

# 1. Every report, every problem; exit 1 on an error (or a warning, with --strict).
nianbao check reports --strict

# 2. This job's share of the PDFs; JSON results for the pipeline to read.
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct)}"
nianbao build reports --out-dir pdf --format pdf --shard "${SHARD:-1}/${SHARDS:-1}" --reporter json > "build-${SHARD:-1}.json"

# 3. A shared rendering service instead of a local browser (browserless, or any Chrome started
#    with --remote-debugging-port): nianbao connects and never closes it.
#    nianbao build reports --browser-ws "ws://render.internal:3000/devtools/browser/…"
