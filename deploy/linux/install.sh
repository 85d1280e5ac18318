#!/usr/bin/env bash
# Install Lugn on a Debian/Ubuntu workstation (or the aggregator host) into /opt/lugn.
#
#   sudo deploy/linux/install.sh                        # agent, XDG autostart for every user
#   sudo deploy/linux/install.sh --autostart systemd    # agent as a systemd user unit instead
#   sudo deploy/linux/install.sh --aggregator --autostart none   # the aggregator host
#   sudo deploy/linux/install.sh --policy site-policy.toml --wheelhouse /mnt/lugn-wheels   # offline fleet
#
# What goes where (and is removed again by uninstall.sh, except the policy):
#   PREFIX/venv, PREFIX/bin/lugn, PREFIX/firmware_profiles, PREFIX/share    the application
#   /usr/local/bin/lugn                                  -> PREFIX/bin/lugn
#   /etc/xdg/autostart/lugn.desktop                      (--autostart xdg, the default)
#   /usr/lib/systemd/user/lugn-agent.service             (--autostart systemd, enabled globally)
#   /etc/systemd/system/lugn-aggregator.service          (--aggregator) + /etc/lugn/aggregator.env
#   /etc/lugn/aggregator.toml (--aggregator: the teams; like aggregator.env, kept once IT edited it)
#   /etc/lugn/policy.toml                                (--policy FILE; an existing policy is never replaced)
#
# --root DIR installs as if DIR were / (tests, image builds). The virtual environment is created at
# DIR/PREFIX and only works there: Python venvs are not relocatable.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SRC=$(cd "$HERE/../.." && pwd)
PREFIX=/opt/lugn
ROOT=${DESTDIR:-}
AUTOSTART=xdg
AGGREGATOR=0
APT=1
PYTHON=${PYTHON:-python3}
DEPS_FROM_VENV=""
WHEELHOUSE=""
POLICY=""
APT_PKGS=(python3-venv libportaudio2 libegl1 libgl1 libglib2.0-0 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0
          libfontconfig1 libdbus-1-3 fonts-dejavu-core
          # the rest of what Qt 6's xcb platform plugin loads (lugn doctor's "gui" check names any missing one)
          libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0 libxcb-randr0
          libxcb-xkb1 libxcb-xfixes0 libxcb-sync1 libx11-xcb1)

die() { echo "install.sh: $*" >&2; exit 1; }
usage() { sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }

while (($#)); do
  case "$1" in
    --prefix) PREFIX=${2:?}; shift 2 ;;
    --root) ROOT=${2:?}; shift 2 ;;
    --autostart) AUTOSTART=${2:?}; shift 2 ;;
    --aggregator) AGGREGATOR=1; shift ;;
    --no-apt) APT=0; shift ;;
    --python) PYTHON=${2:?}; shift 2 ;;
    --wheelhouse) WHEELHOUSE=${2:?}; shift 2 ;;
    --deps-from-venv) DEPS_FROM_VENV=${2:?}; shift 2 ;;  # reuse another venv's packages (tests, dev boxes)
    --policy) POLICY=${2:?}; shift 2 ;;
    --source) SRC=${2:?}; shift 2 ;;
    -h|--help) usage 0 ;;
    *) echo "install.sh: unknown option $1" >&2; usage 2 ;;
  esac
done
case "$AUTOSTART" in xdg|systemd|none) ;; *) die "--autostart must be xdg, systemd or none" ;; esac
[[ "$PREFIX" = /* ]] || die "--prefix must be absolute"
if [ ! -f "$SRC/pyproject.toml" ] || [ ! -d "$SRC/device" ]; then die "$SRC is not a Lugn source tree"; fi
[ -z "$POLICY" ] || [ -f "$POLICY" ] || die "policy file $POLICY not found"
if [ -z "$ROOT" ] && [ "$(id -u)" != 0 ]; then die "run as root (or use --root DIR for a staged install)"; fi
ROOT=${ROOT%/}
APP="$ROOT$PREFIX"
MANIFEST="$APP/share/installed-files.txt"
started=$(date +%s)

say() { echo "install.sh: $*"; }
track() { printf '%s\n' "${1#"$ROOT"}" >> "$MANIFEST.new"; }  # system paths outside PREFIX, for uninstall
put() {  # put MODE SRC DEST: copy a file, substituting @PREFIX@, and record it
  mkdir -p "$(dirname "$3")"
  sed "s|@PREFIX@|$APP|g" "$2" > "$3.tmp" && chmod "$1" "$3.tmp" && mv -f "$3.tmp" "$3"
  track "$3"
}

# 1. system packages (real installs only)
if ((APT)) && [ -z "$ROOT" ] && command -v apt-get >/dev/null; then
  missing=()
  for pkg in "${APT_PKGS[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if ((${#missing[@]})); then
    say "apt-get install ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

# 2. the application: a private venv with Lugn and its dependencies
mkdir -p "$APP/share" "$APP/bin"
: > "$MANIFEST.new"
say "virtual environment in $APP/venv"
# build from a clean copy of the sources, so the checkout gets no build/ or *.egg-info
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/src" "$stage/wheels"
cp -r "$SRC/pyproject.toml" "$SRC/device" "$SRC/lugn" "$SRC/ui" "$SRC/fleet" "$stage/src/"
if [ -f "$SRC/README.md" ]; then cp "$SRC/README.md" "$stage/src/"; else echo "# Lugn" > "$stage/src/README.md"; fi
(cd "$SRC" && find training -name '*.py' -not -path '*/cache/*' -not -path '*/runs/*' -exec cp --parents {} "$stage/src/" \;)
find "$stage/src" -name __pycache__ -prune -exec rm -rf {} +
# UI catalogues (.ts -> .qm) when Qt's lrelease is here; otherwise whatever .qm the source tree has
lrelease=$(command -v lrelease6 || command -v /usr/lib/qt6/bin/lrelease || command -v lrelease || true)
if [ -n "$lrelease" ]; then
  for ts in "$stage"/src/ui/i18n/*.ts; do [ -e "$ts" ] && "$lrelease" -silent "$ts" -qm "${ts%.ts}.qm"; done
fi
if [ -n "$DEPS_FROM_VENV" ]; then
  # dev boxes and the test suite: no downloads; Lugn's own wheel, dependencies from another venv's site-packages
  base=$("$DEPS_FROM_VENV/bin/python" -c 'import sys; print(sys._base_executable)')  # same Python ABI
  "$base" -m venv --clear --without-pip "$APP/venv"
  site=$("$DEPS_FROM_VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
  own=$("$APP/venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
  echo "$site" > "$own/lugn-deps.pth"   # a plain path entry: the other venv's editable hooks are not run
  DEV_PIP=("$DEPS_FROM_VENV/bin/python" -m pip -q --disable-pip-version-check)
  "${DEV_PIP[@]}" wheel --no-deps --no-build-isolation -w "$stage/wheels" "$stage/src" >/dev/null
  "${DEV_PIP[@]}" --python "$APP/venv/bin/python" install --no-deps --no-index "$stage"/wheels/lugn-*.whl
else
  "$PYTHON" -m venv --clear "$APP/venv"
  extra=()
  if [ -n "$WHEELHOUSE" ]; then extra=(--no-index --find-links "$WHEELHOUSE"); fi  # offline fleet install
  "$APP/venv/bin/python" -m pip -q --disable-pip-version-check install --no-warn-script-location "${extra[@]}" \
    "$stage/src"
fi

rm -rf "$APP/firmware_profiles" && cp -r "$SRC/firmware_profiles" "$APP/firmware_profiles"
install -m 0644 "$SRC/deploy/policy.example.toml" "$APP/share/policy.example.toml"
install -m 0644 "$HERE/aggregator.env.example" "$APP/share/aggregator.env.example"
install -m 0644 "$HERE/aggregator.example.toml" "$APP/share/aggregator.example.toml"
[ -f "$HERE/README.md" ] && install -m 0644 "$HERE/README.md" "$APP/share/README.linux.md"
install -m 0755 "$HERE/uninstall.sh" "$APP/uninstall.sh"
cat > "$APP/bin/lugn" <<EOF
#!/bin/sh
# Lugn command line ($PREFIX); see lugn --help and lugn doctor.
exec "$APP/venv/bin/python" -m lugn "\$@"
EOF
chmod 0755 "$APP/bin/lugn"
mkdir -p "$ROOT/usr/local/bin"
ln -sfn "$APP/bin/lugn" "$ROOT/usr/local/bin/lugn" && track "$ROOT/usr/local/bin/lugn"

# 3. central policy: readable by all, writable by root; never replace IT's existing file
mkdir -p "$ROOT/etc/lugn" && chmod 0755 "$ROOT/etc/lugn"
if [ -n "$POLICY" ]; then
  if [ -e "$ROOT/etc/lugn/policy.toml" ]; then
    say "keeping the existing $ROOT/etc/lugn/policy.toml (not replaced)"
  else
    install -m 0644 "$POLICY" "$ROOT/etc/lugn/policy.toml"
  fi
fi

# 4. autostart of the agent in each user's graphical session
case "$AUTOSTART" in
  xdg) put 0644 "$HERE/lugn-agent.desktop.in" "$ROOT/etc/xdg/autostart/lugn.desktop" ;;
  systemd)
    put 0644 "$HERE/lugn-agent.service.in" "$ROOT/usr/lib/systemd/user/lugn-agent.service"
    wants="$ROOT/etc/systemd/user/graphical-session.target.wants"
    mkdir -p "$wants"
    ln -sfn /usr/lib/systemd/user/lugn-agent.service "$wants/lugn-agent.service" && track "$wants/lugn-agent.service"
    ;;
esac

# 5. the aggregator (on the broker host)
if ((AGGREGATOR)); then
  put 0644 "$HERE/lugn-aggregator.service.in" "$ROOT/etc/systemd/system/lugn-aggregator.service"
  if [ ! -e "$ROOT/etc/lugn/aggregator.env" ]; then
    install -m 0644 "$HERE/aggregator.env.example" "$ROOT/etc/lugn/aggregator.env"
    track "$ROOT/etc/lugn/aggregator.env"
  fi
  if [ ! -e "$ROOT/etc/lugn/aggregator.toml" ]; then
    install -m 0644 "$HERE/aggregator.example.toml" "$ROOT/etc/lugn/aggregator.toml"
    track "$ROOT/etc/lugn/aggregator.toml"
  fi
  if [ -z "$ROOT" ] && command -v systemctl >/dev/null; then
    systemctl daemon-reload || true
    say "aggregator: edit /etc/lugn/aggregator.env and the teams in /etc/lugn/aggregator.toml, put the password"
    say "            in /etc/lugn/aggregator-password (0600),"
    say "            then: systemctl enable --now lugn-aggregator"
  fi
fi

# files an earlier install put there that this configuration does not (e.g. switching xdg <-> systemd autostart)
if [ -f "$MANIFEST" ]; then
  while IFS= read -r rel; do
    if [ "$rel" = /etc/lugn/aggregator.env ] && ! cmp -s "$ROOT$rel" "$HERE/aggregator.env.example"; then
      track "$ROOT$rel"; continue  # edited by IT: keep it (uninstall.sh keeps it too)
    fi
    if [ "$rel" = /etc/lugn/aggregator.toml ] && ! cmp -s "$ROOT$rel" "$HERE/aggregator.example.toml"; then
      track "$ROOT$rel"; continue
    fi
    rm -f "$ROOT$rel" && say "removed $rel (not part of this configuration)"
    dir=$(dirname "$ROOT$rel")  # tidy folders left empty (a staged root fully; a real one only *.wants)
    if [ -n "$ROOT" ]; then
      while [ "$dir" != "$ROOT" ] && rmdir "$dir" 2>/dev/null; do dir=$(dirname "$dir"); done
    else
      case "$dir" in *.wants) rmdir "$dir" 2>/dev/null || true ;; esac
    fi
  done < <(comm -23 <(sort -u "$MANIFEST") <(sort -u "$MANIFEST.new"))
fi
sort -u "$MANIFEST.new" > "$MANIFEST" && rm -f "$MANIFEST.new"
version=$("$APP/bin/lugn" --version)
say "$version installed in $APP in $(( $(date +%s) - started )) s; check the seat with: lugn doctor"
