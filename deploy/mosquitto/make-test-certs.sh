#!/usr/bin/env bash
# Create a throw-away CA, a broker certificate (localhost, 127.0.0.1 and extra names), a certificate revocation
# list (crl.pem, empty at first) and optionally client certificates for mutual TLS. EC P-256 keys: cheap
# handshakes for thousands of seats.
# Usage: make-test-certs.sh OUT_DIR [SERVER_NAME...]     (client certs: CLIENTS="asset1 asset2" make-test-certs.sh ...)
# Issue more client certificates later: CLIENTS="asset3" ONLY_CLIENTS=1 make-test-certs.sh OUT_DIR
# Revoke one: revoke-device.sh OUT_DIR asset3. For production use your organisation's PKI and its CRL.
set -euo pipefail
out=${1:?usage: make-test-certs.sh OUT_DIR [SERVER_NAME...]}; shift || true
mkdir -p "$out"; cd "$out"
umask 077
days=${DAYS:-30}
ec=(-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes)

if [ -z "${ONLY_CLIENTS:-}" ]; then
  # Newer Python TLS stacks reject a CA without keyUsage: give it basicConstraints and keyUsage, both critical.
  openssl req -x509 "${ec[@]}" -keyout ca.key -out ca.crt -days "$days" -subj "/CN=Lugn test CA" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null

  san="DNS:localhost,IP:127.0.0.1"
  for name in "$@"; do san="$san,DNS:$name"; done
  openssl req "${ec[@]}" -keyout server.key -out server.csr -subj "/CN=${1:-localhost}" 2>/dev/null
  printf 'subjectAltName=%s\nbasicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n' \
    "$san" > server.ext
  openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out server.crt -days "$days" \
    -extfile server.ext 2>/dev/null
  rm -f server.csr server.ext

  # A minimal CA database so that `openssl ca` can revoke certificates and sign CRLs (revoke-device.sh).
  : > index.txt
  echo 1000 > crlnumber
  cat > ca.cnf <<CNF
[ ca ]
default_ca = lugn_ca
[ lugn_ca ]
dir = .
database = \$dir/index.txt
certificate = \$dir/ca.crt
private_key = \$dir/ca.key
crlnumber = \$dir/crlnumber
default_md = sha256
default_crl_days = $days
CNF
  openssl ca -config ca.cnf -gencrl -out crl.pem 2>/dev/null
fi

for cn in ${CLIENTS:-}; do
  openssl req "${ec[@]}" -keyout "client-$cn.key" -out "client-$cn.csr" -subj "/CN=$cn" 2>/dev/null
  printf 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=clientAuth\n' > client.ext
  openssl x509 -req -in "client-$cn.csr" -CA ca.crt -CAkey ca.key -CAcreateserial -out "client-$cn.crt" \
    -days "$days" -extfile client.ext 2>/dev/null
  rm -f "client-$cn.csr"
done
rm -f client.ext ca.srl
chmod 644 ca.crt server.crt crl.pem
echo "certificates in $out"
