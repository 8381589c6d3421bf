#!/usr/bin/env bash
# Installs what a fresh Debian machine lacks for wcc: the CJK font charts need, Chromium for the PDF
# pack and browser tests, poppler-utils for pdfinfo/pdftoppm (and the PDF contents' page numbers), Node.js and npm for the second DuckDB client the tests
# open the warehouse with (tests/clients/node; the tests run `npm ci` there). Idempotent: does nothing when all present.
set -euo pipefail
missing=()
fc-list 2>/dev/null | grep -qi "WenQuanYi Micro Hei" || missing+=(fonts-wqy-microhei)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v pdfinfo >/dev/null 2>&1 || missing+=(poppler-utils)
command -v node >/dev/null 2>&1 || missing+=(nodejs npm)
command -v tmux >/dev/null 2>&1 || missing+=(tmux)   # a real terminal for the interactive `wcc sql` shell tests
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-calc-nogui)   # re-saves collection templates as a clerk's other spreadsheet program would
dpkg -s libreoffice-writer-nogui >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)   # opens pack.docx as an office without Word would (tests)
command -v qpdf >/dev/null 2>&1 || missing+=(qpdf)   # reads the pack PDF's outline (bookmarks) in the tests
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]} (apt-get)" >&2
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi
