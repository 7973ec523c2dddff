#!/usr/bin/env bash
# install.sh VENV — install what Tests/SiteChecks/check_site.py needs, only what is missing.
#
#   Debian (apt-get, only when a command / font is missing; apt-get update first):
#     java (default-jre-headless) for vnu.jar, xmllint (libxml2-utils), chromium,
#     chromedriver (chromium-driver), a CJK font (fonts-noto-cjk), python3 + venv.
#   PyPI, into VENV: requirements.txt, then requirements-nodeps.txt with --no-deps.
#     The venv is reinstalled only when those two files change (their text is kept in
#     VENV/.caravan-site-checks-reqs), so a second run installs nothing and prints nothing.
#
# Quiet: output goes to $(dirname VENV)/install.log and is shown only on failure.
# Non-interactive (CI=true, no stdin). Root runs apt-get directly, others through sudo.
set -euo pipefail

[ $# -eq 1 ] || { echo "usage: $0 VENV" >&2; exit 2; }
VENV=$1
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
mkdir -p "$(dirname "$VENV")"
LOG="$(cd "$(dirname "$VENV")" && pwd)/install.log"
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive PIP_NO_INPUT=1 PIP_DISABLE_PIP_VERSION_CHECK=1

fail() {
  echo "site-checks install: $*" >&2
  [ -f "$LOG" ] && tail -n 25 "$LOG" | sed 's/^/  | /' >&2
  exit 1
}

APT_UPDATED=0
apt_install() {
  echo "site-checks install: apt-get install $* (log: $LOG)" >&2
  if [ "$APT_UPDATED" = 0 ]; then
    $SUDO apt-get update -qq </dev/null >>"$LOG" 2>&1 || fail "apt-get update failed"
    APT_UPDATED=1
  fi
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" \
    </dev/null >>"$LOG" 2>&1 || fail "apt-get install $* failed"
}

have_cjk_font() {
  if command -v fc-list >/dev/null 2>&1; then
    fc-list ':lang=zh-cn' family 2>/dev/null | grep -qiE 'CJK|Noto Sans SC|Noto Serif SC|WenQuanYi|Source Han'
  else
    dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null | grep -q 'install ok installed'
  fi
}

# ---------------------------------------------------------------- Debian packages
need=()
command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
have_cjk_font || need+=(fonts-noto-cjk)
command -v python3 >/dev/null 2>&1 || need+=(python3 python3-venv)
[ ${#need[@]} -eq 0 ] || apt_install "${need[@]}"

# ---------------------------------------------------------------- Python venv
WANT=$(cat "$HERE/requirements.txt" "$HERE/requirements-nodeps.txt")
STAMP="$VENV/.caravan-site-checks-reqs"
if [ -x "$VENV/bin/python" ] && [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$WANT" ]; then
  exit 0
fi
echo "site-checks install: Python checkers into $VENV (log: $LOG)" >&2
if [ ! -x "$VENV/bin/python" ]; then
  rm -rf "$VENV"
  if ! python3 -m venv "$VENV" >>"$LOG" 2>&1; then
    # Debian's python3 needs python3-venv (ensurepip) for this
    rm -rf "$VENV"
    apt_install python3-venv
    python3 -m venv "$VENV" >>"$LOG" 2>&1 || fail "python3 -m venv $VENV failed"
  fi
fi
rm -f "$STAMP"
"$VENV/bin/python" -m pip install -q -r "$HERE/requirements.txt" </dev/null >>"$LOG" 2>&1 \
  || fail "pip install -r requirements.txt failed"
"$VENV/bin/python" -m pip install -q --no-deps -r "$HERE/requirements-nodeps.txt" </dev/null >>"$LOG" 2>&1 \
  || fail "pip install --no-deps -r requirements-nodeps.txt failed"
printf '%s' "$WANT" > "$STAMP"
