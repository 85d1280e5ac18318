#!/usr/bin/env bash
# Revoke a lost or stolen workstation's client certificate and shut it out of the broker.
# Usage: revoke-device.sh CA_DIR CERT_FILE_OR_ASSET [BROKER_PID]
#   CA_DIR holds ca.crt, ca.key, ca.cnf, index.txt, crlnumber (make-test-certs.sh creates them; with your own
#   PKI, revoke there and copy its CRL to the broker's crlfile instead).
# Steps (docs/privacy.md, "Revoking a workstation"):
#   1. revoke the certificate in the CA database and sign a new CRL (crl.pem, the broker's crlfile);
#   2. restart the broker (systemctl restart mosquitto): Mosquitto 2.0 reads the CRL when a listener starts, and
#      a restart also ends the stolen seat's open connection. Persistent sessions and queued messages survive it.
#   3. remove the account from devices.passwd and accounts.csv too (it may also have had a password) and render
#      the ACLs again (python -m fleet.brokerconf acl ...).
# With BROKER_PID the script sends SIGHUP (reloads ACLs and passwords); step 2 is still yours.
set -euo pipefail
ca=${1:?usage: revoke-device.sh CA_DIR CERT_FILE_OR_ASSET [BROKER_PID]}
cert=${2:?usage: revoke-device.sh CA_DIR CERT_FILE_OR_ASSET [BROKER_PID]}
[ -f "$cert" ] || cert="$ca/client-$cert.crt"
[ -f "$cert" ] || { echo "revoke-device: no certificate $2" >&2; exit 1; }
cert=$(cd "$(dirname "$cert")" && pwd)/$(basename "$cert")
cd "$ca"
serial=$(openssl x509 -in "$cert" -noout -serial | cut -d= -f2)
if grep -q "^R.*[[:space:]]$serial[[:space:]]" index.txt 2>/dev/null; then
  echo "revoke-device: serial $serial is already revoked"
else
  openssl ca -config ca.cnf -revoke "$cert" -crl_reason keyCompromise 2>/dev/null
fi
umask 022
openssl ca -config ca.cnf -gencrl -out crl.pem.new 2>/dev/null
mv crl.pem.new crl.pem
echo "revoked serial $serial ($(openssl x509 -in "$cert" -noout -subject)); new CRL: $ca/crl.pem"
if [ -n "${3:-}" ]; then kill -HUP "$3"; fi
