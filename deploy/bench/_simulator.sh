# Sourced by the border-simulator benchmark scripts: builds the module if needed and sets $sim_cp.
repo=${repo:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
sim_module=$repo/services/border-simulator
if [ ! -f "$sim_module/target/classpath.txt" ] \
  || [ ! -f "$sim_module/target/classes/org/borderflows/simulator/BorderSimulator.class" ]; then
  (cd "$repo" && mvn -B -q -o -pl services/border-simulator -am package -DskipTests -Dspotless.check.skip=true)
fi
sim_cp="$sim_module/target/classes:$(cat "$sim_module/target/classpath.txt")"
