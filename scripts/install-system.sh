#!/usr/bin/env bash
# System packages that some features use: Tesseract (scanned PDFs) and Chromium (browser tests).
# Installed only where we can (root with apt); elsewhere tracuu says which package is missing.
set -u
need=()
command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx vie || need+=(tesseract-ocr tesseract-ocr-vie)
# pdftoppm rasterises scanned pages, pdfimages tells their scan resolution
{ command -v pdftoppm && command -v pdfimages; } >/dev/null 2>&1 || need+=(poppler-utils)
[ -x /usr/bin/chromium ] || need+=(chromium)
fc-list 2>/dev/null | grep -qi dejavu || need+=(fonts-dejavu-core)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing system packages: ${need[*]}"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}") >/dev/null 2>&1 \
    || echo "warning: could not install ${need[*]}; scanned PDFs / browser tests will be skipped with a reason"
else
  echo "note: missing system packages ${need[*]} (install them with your package manager)"
fi
exit 0
