# Sourced by the benchmark scripts. bench_cp MODULE CLASS: builds services/benchmarks/MODULE and the modules it needs
# (-am) if CLASS is not built yet, then prints the module's runtime classpath.
repo=${repo:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
bench_cp() {
  local module=$repo/services/benchmarks/$1
  if [ ! -f "$module/target/classpath.txt" ] || [ ! -f "$module/target/classes/${2//.//}.class" ]; then
    (cd "$repo" && mvn -B -q -o -pl "services/benchmarks/$1" -am package -DskipTests -Dspotless.check.skip=true) >&2
  fi
  echo "$module/target/classes:$(cat "$module/target/classpath.txt")"
}
