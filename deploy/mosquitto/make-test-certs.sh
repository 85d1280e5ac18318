#!/usr/bin/env bash
# Create a throw-away CA, a broker certificate (localhost, 127.0.0.1 and extra names) and optionally client
# certificates for mutual TLS. EC P-256 keys: cheap handshakes for thousands of seats.
# Usage: make-test-certs.sh OUT_DIR [SERVER_NAME...]     (client certs: CLIENTS="asset1 asset2" make-test-certs.sh ...)
# For production use your organisation's PKI; this is for tests, demos and the load simulator.
set -euo pipefail
out=${1:?usage: make-test-certs.sh OUT_DIR [SERVER_NAME...]}; shift || true
mkdir -p "$out"; cd "$out"
umask 077
days=${DAYS:-30}
ec=(-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes)

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

for cn in ${CLIENTS:-}; do
  openssl req "${ec[@]}" -keyout "client-$cn.key" -out "client-$cn.csr" -subj "/CN=$cn" 2>/dev/null
  printf 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=clientAuth\n' > client.ext
  openssl x509 -req -in "client-$cn.csr" -CA ca.crt -CAkey ca.key -CAcreateserial -out "client-$cn.crt" \
    -days "$days" -extfile client.ext 2>/dev/null
  rm -f "client-$cn.csr"
done
rm -f server.csr server.ext client.ext ca.srl
chmod 644 ca.crt server.crt
echo "certificates in $out"
