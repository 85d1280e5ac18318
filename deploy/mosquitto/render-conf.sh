#!/usr/bin/env bash
# Render lugn.conf.template for a production broker.
# Usage: render-conf.sh > /etc/mosquitto/conf.d/lugn.conf
#   DIR (state + password files, default /var/lib/mosquitto), ACL_DIR (generated ACLs, default /etc/mosquitto/lugn),
#   CERT_DIR (default /etc/mosquitto/certs), CRL_FILE (default $CERT_DIR/crl.pem: your PKI's CRL, PEM; it must
#   exist, an empty CRL is fine), DEVICE_PORT (8883), BACKEND_PORT (8884), DEVICE_MTLS_PORT (8885), BIND (0.0.0.0),
#   GUARD_PLUGIN (/usr/local/lib/lugn/lugn_guard.so: build it first with build-guard.sh; the broker does not
#   start without it), GUARD_RATE_PER_MIN (60) and GUARD_BURST (300): each device account's message budget
# ACLs: keep IT's account list as CSV (role,account,site,team; see accounts.example.csv) and generate both ACL
# files from it: python -m fleet.brokerconf acl accounts.csv "$ACL_DIR". Accounts are unique across listeners.
# Passwords: write "user:password" lines to DIR/devices.passwd and DIR/backend.passwd, then hash them in place
# with `mosquitto_passwd -U FILE`, chmod 600 and chown mosquitto. `kill -HUP` reloads passwords and ACLs;
# a new CRL needs a restart (revoke-device.sh).
# The Debian unit sets no LimitNOFILE: raise it (systemd drop-in LimitNOFILE=65536) beyond ~1,000 seats.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cert_dir=${CERT_DIR:-/etc/mosquitto/certs}
sed -e "s|@DIR@|${DIR:-/var/lib/mosquitto}|g" -e "s|@ACL_DIR@|${ACL_DIR:-/etc/mosquitto/lugn}|g" \
    -e "s|@CERT_DIR@|$cert_dir|g" -e "s|@CRL_FILE@|${CRL_FILE:-$cert_dir/crl.pem}|g" \
    -e "s|@DEVICE_PORT@|${DEVICE_PORT:-8883}|g" -e "s|@DEVICE_MTLS_PORT@|${DEVICE_MTLS_PORT:-8885}|g" \
    -e "s|@BACKEND_PORT@|${BACKEND_PORT:-8884}|g" -e "s|@BIND@|${BIND:-0.0.0.0}|g" -e "s|@EXTRA@||g" \
    -e "s|@GUARD_PLUGIN@|${GUARD_PLUGIN:-/usr/local/lib/lugn/lugn_guard.so}|g" \
    -e "s|@GUARD_RATE_PER_MIN@|${GUARD_RATE_PER_MIN:-60}|g" -e "s|@GUARD_BURST@|${GUARD_BURST:-300}|g" \
    "$here/lugn.conf.template"
