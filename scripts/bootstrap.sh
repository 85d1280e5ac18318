#!/usr/bin/env bash
# Set up a fresh Debian/Ubuntu machine for Lugn: system packages (as root, else print the sudo line),
# the virtual environment and the Python packages. Idempotent; re-runs are quick.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PKGS=(libportaudio2 mosquitto mosquitto-clients openssl qt6-l10n-tools libegl1 libgl1 libglib2.0-0
          libxkbcommon0 libfontconfig1 libdbus-1-3 fonts-dejavu-core desktop-file-utils ansible-core
          pulseaudio pulseaudio-utils libpulse0)  # capture via the sound server; tests start their own
# the broker plugin of the device listeners (deploy/mosquitto/lugn_guard.c, built by the trial broker)
APT_PKGS+=(gcc libc6-dev mosquitto-dev libmosquitto-dev)
# Qt 6's xcb platform plugin (checked with QT_DEBUG_PLUGINS=1 under Xvfb: icccm4 and keysyms1 are the ones a
# minimal Debian lacks), and the real X server the UI tests start (Xvfb, openbox, xdotool, xprop/xwininfo).
APT_PKGS+=(libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-cursor0 libxcb-shape0
           libxcb-randr0 libxcb-xkb1 libxcb-xfixes0 libxcb-sync1 libx11-xcb1 libxkbcommon-x11-0
           xvfb openbox xdotool x11-utils)
VENV=${VENV:-.venv}
PYTHON=${PYTHON:-python3}

missing=()
for pkg in "${APT_PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  if [ "$(id -u)" = 0 ]; then
    echo "bootstrap: installing system packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    systemctl disable --now mosquitto >/dev/null 2>&1 || true  # tests and the demo start their own broker
  else
    echo "bootstrap: missing system packages; run:"
    echo "  sudo apt-get install -y --no-install-recommends ${missing[*]}"
  fi
fi

if [ ! -x "$VENV/bin/python" ]; then
  "$PYTHON" -m venv "$VENV"
fi
stamp="$VENV/.stamp-$(sha256sum pyproject.toml | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  echo "bootstrap: installing Python packages into $VENV"
  pipq() { "$VENV/bin/pip" install -q --disable-pip-version-check "$@" 2>&1 | grep -v "^WARNING: Location" || true; }
  pipq "torch==2.13.0"
  pipq -e ".[dev]"
  "$VENV/bin/python" -c "import torch, onnxruntime, PyQt6, paho.mqtt" || { echo "bootstrap: Python packages missing"; exit 1; }
  rm -f "$VENV"/.stamp-*
  touch "$stamp"
fi
