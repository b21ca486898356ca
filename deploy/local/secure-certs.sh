#!/usr/bin/env bash
# Certificates and passwords for the local secured cluster (issue #17 item 4), made with the JDK's keytool only.
#
#   deploy/local/secure-certs.sh [DIR]    create, if missing, in DIR (default <repo>/data/secure, git-ignored):
#     ca.p12 / ca.crt            a local CA (self-signed, 2 years)
#     broker-N.p12 (N = 1..3)    a broker keystore signed by the CA (SAN localhost, 127.0.0.1)
#     https.p12                  a keystore for the services' HTTPS (Micronaut SSL), signed by the CA
#     truststore.p12             the CA certificate, for Kafka clients and HTTPS clients
#     passwords/                 one generated password per file (store password, SCRAM users), mode 600
#
# Passwords are generated with /dev/urandom, written only under DIR and never printed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
dir=${1:-$repo/data/secure}
brokers=${SECURE_BROKERS:-3}
users="admin gateway loader stay-engine flow-query"

umask 077
mkdir -p "$dir/passwords"

password() { # password NAME: the stored one, generated once
  local f="$dir/passwords/$1"
  [ -s "$f" ] || head -c 256 /dev/urandom | LC_ALL=C tr -dc 'A-Za-z0-9' | cut -c1-32 | tr -d '\n' >"$f"
  cat "$f"
}

store=$(password store)
for u in $users; do password "scram-$u" >/dev/null; done

kt() { keytool "$@" -storetype PKCS12 -noprompt >/dev/null 2>&1; }

if [ ! -f "$dir/ca.p12" ]; then
  kt -genkeypair -alias ca -keyalg RSA -keysize 2048 -validity 730 -dname "CN=border-flows local CA" \
     -ext bc:c -keystore "$dir/ca.p12" -storepass "$store"
  keytool -exportcert -rfc -alias ca -keystore "$dir/ca.p12" -storepass "$store" -file "$dir/ca.crt" >/dev/null 2>&1
  kt -importcert -alias ca -file "$dir/ca.crt" -keystore "$dir/truststore.p12" -storepass "$store"
fi

signed() { # signed NAME CN: a keystore NAME.p12 whose key is signed by the CA
  local name=$1 cn=$2
  [ -f "$dir/$name.p12" ] && return
  kt -genkeypair -alias "$name" -keyalg RSA -keysize 2048 -validity 730 -dname "CN=$cn" \
     -keystore "$dir/$name.p12" -storepass "$store"
  keytool -certreq -alias "$name" -keystore "$dir/$name.p12" -storepass "$store" -file "$dir/$name.csr" >/dev/null 2>&1
  keytool -gencert -alias ca -keystore "$dir/ca.p12" -storepass "$store" -infile "$dir/$name.csr" \
     -outfile "$dir/$name.crt" -rfc -validity 730 -ext "san=dns:localhost,ip:127.0.0.1" >/dev/null 2>&1
  kt -importcert -alias ca -file "$dir/ca.crt" -keystore "$dir/$name.p12" -storepass "$store"
  kt -importcert -alias "$name" -file "$dir/$name.crt" -keystore "$dir/$name.p12" -storepass "$store"
  rm -f "$dir/$name.csr"
}

for n in $(seq 1 "$brokers"); do signed "broker-$n" "localhost"; done
signed https localhost
echo "certificates and passwords in $dir"
