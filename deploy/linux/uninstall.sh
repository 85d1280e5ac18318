#!/usr/bin/env bash
# Remove Lugn: the application in PREFIX and every system file install.sh recorded. Kept: /etc/lugn/policy.toml
# (IT's policy), files IT put in /etc/lugn itself (TLS, passwords), /etc/lugn/aggregator.env if it was edited, and
# each user's own settings/state under their home.
#
#   sudo /opt/lugn/uninstall.sh            # or: deploy/linux/uninstall.sh [--prefix P] [--root DIR]
set -euo pipefail

PREFIX=/opt/lugn
ROOT=${DESTDIR:-}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
while (($#)); do
  case "$1" in
    --prefix) PREFIX=${2:?}; shift 2 ;;
    --root) ROOT=${2:?}; shift 2 ;;
    -h|--help) sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "uninstall.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
if [ -z "$ROOT" ] && [ "$(id -u)" != 0 ]; then echo "uninstall.sh: run as root" >&2; exit 1; fi
ROOT=${ROOT%/}
APP="$ROOT$PREFIX"
MANIFEST="$APP/share/installed-files.txt"
[ -f "$MANIFEST" ] || { echo "uninstall.sh: no Lugn installation in $APP ($MANIFEST missing)" >&2; exit 1; }

if [ -z "$ROOT" ] && command -v systemctl >/dev/null; then
  systemctl disable --now lugn-aggregator.service >/dev/null 2>&1 || true
  systemctl --global disable lugn-agent.service >/dev/null 2>&1 || true
fi

edited() {  # $1: installed file, $2: the example it was copied from
  local template="$APP/share/$2"
  [ -f "$template" ] || template="$HERE/$2"
  [ -f "$template" ] && ! cmp -s "$1" "$template"
}
while IFS= read -r rel; do
  [ -n "$rel" ] || continue
  case "$rel" in
    /etc/lugn/policy.toml) continue ;;  # never
    /etc/lugn/aggregator.env | /etc/lugn/aggregator.toml)
      example=$([ "$rel" = /etc/lugn/aggregator.env ] && echo aggregator.env.example || echo aggregator.example.toml)
      if edited "$ROOT$rel" "$example"; then
        echo "uninstall.sh: keeping the edited $ROOT$rel"; continue
      fi ;;
  esac
  rm -f "$ROOT$rel"
  # drop directories the install left empty (never /etc/lugn while it holds the policy)
  dir=$(dirname "$ROOT$rel")
  if [ -n "$ROOT" ]; then  # staged: tidy up to the root; real: only the unit's own .wants folder
    while [ "$dir" != "$ROOT" ] && rmdir "$dir" 2>/dev/null; do dir=$(dirname "$dir"); done
  else
    case "$dir" in *.wants) rmdir "$dir" 2>/dev/null || true ;; esac
  fi
done < "$MANIFEST"

rm -rf "$APP"
if [ -n "$ROOT" ]; then dir=$(dirname "$APP"); while [ "$dir" != "$ROOT" ] && rmdir "$dir" 2>/dev/null; do dir=$(dirname "$dir"); done; fi
if [ -z "$ROOT" ] && command -v systemctl >/dev/null; then systemctl daemon-reload >/dev/null 2>&1 || true; fi
rmdir "$ROOT/etc/lugn" 2>/dev/null || true
echo "uninstall.sh: Lugn removed from $APP; kept: $( [ -e "$ROOT/etc/lugn/policy.toml" ] && echo "$ROOT/etc/lugn/policy.toml" || echo "no policy")"
