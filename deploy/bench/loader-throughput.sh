#!/usr/bin/env bash
# Loader throughput: generates a synthetic CSV of N cards (about 1 in 1,000 invalid) and publishes it with
# card-loader to the local broker, which must be running (deploy/local/kafka.sh start).
#
#   deploy/bench/loader-throughput.sh [RECORDS]        default 5000000 (the target size); e.g. 200000 for a check
#
# Environment: KAFKA_BOOTSTRAP_SERVERS (localhost:9092), BENCH_DIR (<repo>/data/bench), BENCH_KEEP=1 keeps the file.
# Target on the 2-core reference machine: >= 100,000 records/s. The figure is the loader's own summary line
# (read, validated, pseudonymised, published and acknowledged with acks=all), JVM start excluded.
# NOTE: the synthetic crossings stay on the local broker's topics (crossings, rejected-records): run
# deploy/local/kafka.sh reset before a demo that must not contain them.
set -euo pipefail
# The development keys and passwords are accepted only in the local environment (docs/configuration.md).
export MICRONAUT_ENVIRONMENTS=${MICRONAUT_ENVIRONMENTS:-local}
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
records=${1:-5000000}
dir=${BENCH_DIR:-$repo/data/bench}
export KAFKA_BOOTSTRAP_SERVERS=${KAFKA_BOOTSTRAP_SERVERS:-localhost:9092}
mkdir -p "$dir"

host=${KAFKA_BOOTSTRAP_SERVERS%%,*}
if ! (exec 3<>"/dev/tcp/${host%%:*}/${host##*:}") 2>/dev/null; then
  echo "no Kafka broker at $host: start it with deploy/local/kafka.sh start" >&2
  exit 1
fi

module=$repo/services/card-loader
if [ ! -f "$module/target/classpath.txt" ] || [ -z "$(find "$module/target/classes" -name CardLoader.class 2>/dev/null)" ]; then
  (cd "$repo" && mvn -B -q -o -pl services/card-intake,services/card-loader -am package -DskipTests -Dspotless.check.skip=true)
fi
cp="$module/target/classes:$(cat "$module/target/classpath.txt")"
. "$here/_benchmarks.sh"

file=$dir/cards-$records.csv
if [ ! -f "$file" ]; then
  java -cp "$(bench_cp cards org.borderflows.benchmarks.cards.SyntheticCards)" org.borderflows.benchmarks.cards.SyntheticCards csv "$records" "$file"
fi
echo "file: $file ($(du -h "$file" | cut -f1))"

java -Xmx1g -cp "$cp" org.borderflows.loader.CardLoader --submitter bench "$file" | tee "$dir/loader-$records.txt"
rate=$(grep -o '[0-9,]* records/s' "$dir/loader-$records.txt" | tail -1)
echo "loader throughput, $records records: $rate (target >= 100,000 records/s)"
if [ "${BENCH_KEEP:-0}" != 1 ]; then rm -f "$file" "$file.rejected.ndjson"; fi
