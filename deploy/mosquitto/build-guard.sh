#!/usr/bin/env bash
# Build lugn_guard.so, the Mosquitto plugin of the device listeners (per-account message budget and payload
# cap; see lugn_guard.c and docs/privacy.md, "Flooding"). Usage: build-guard.sh [OUT.so]
#   default OUT: /usr/local/lib/lugn/lugn_guard.so (the path render-conf.sh puts in the broker config)
# Needs gcc and the Mosquitto plugin headers: apt-get install gcc mosquitto-dev libmosquitto-dev
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-/usr/local/lib/lugn/lugn_guard.so}
for h in mosquitto.h mosquitto_broker.h mosquitto_plugin.h; do
  if ! echo "#include <$h>" | ${CC:-gcc} -E -x c - >/dev/null 2>&1; then
    echo "build-guard: $h not found: apt-get install mosquitto-dev libmosquitto-dev" >&2
    exit 1
  fi
done
mkdir -p "$(dirname "$out")"
${CC:-gcc} -O2 -Wall -Wextra -Werror -std=c11 -D_POSIX_C_SOURCE=200809L -fPIC -shared \
  -o "$out.tmp" "$here/lugn_guard.c"
chmod 0644 "$out.tmp"
mv -f "$out.tmp" "$out"
echo "built $out"
