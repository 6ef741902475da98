#!/usr/bin/env bash
# The Debian packages gongkai needs outside Python: for the PDF letters (gongkai.documents),
# Pango for WeasyPrint and a CJK font so Chinese text is not drawn as empty boxes; for the tests,
# poppler-utils (pdftotext, pdftoppm, pdffonts) to read PDFs back and Chromium for the browser
# tests of the portal (driven by Playwright: no browser is downloaded); LibreOffice without its
# GUI (writer and calc, ~50 s to install) to convert old .doc/.wps/.et/.xls files for extraction.
#
# Idempotent: installs only what is missing. As root with apt-get it installs them; otherwise it
# says, in Chinese, which packages are needed and exits 0 (the tests will then say what is missing).
set -euo pipefail

packages=(fonts-noto-cjk libpango-1.0-0 libpangoft2-1.0-0 poppler-utils chromium
  libreoffice-writer-nogui libreoffice-calc-nogui)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "系统软件包已齐备：${packages[*]}"
  exit 0
fi

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "安装系统软件包：${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "生成 PDF 告知书和运行浏览器测试需要以下系统软件包，请由管理员安装：${missing[*]}" >&2
  echo "（Debian/Ubuntu：sudo apt-get install ${missing[*]}）" >&2
fi
