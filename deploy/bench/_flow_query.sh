# Sourced by the flow-query benchmark scripts. query_cp CLASS: builds the module if CLASS is not built yet, then
# prints the module's runtime classpath.
repo=${repo:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
query_cp() {
  local module=$repo/services/flow-query
  if [ ! -f "$module/target/classpath.txt" ] || [ ! -f "$module/target/classes/${1//.//}.class" ]; then
    (cd "$repo" && mvn -B -q -o -pl services/flow-query -am package -DskipTests -Dspotless.check.skip=true) >&2
  fi
  echo "$module/target/classes:$(cat "$module/target/classpath.txt")"
}
