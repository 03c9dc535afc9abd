#!/usr/bin/env bash
# Runs the rows of issue 17's table that exist so far, each with its reference in the same run, and prints the ratios.
#   1. one evaluation of the shipped rules (JMH, one thread): the engine, the engine as it was before issue 17
#      (StraightforwardRuleEngine) and a trivial 20-rule stateless session (ReferenceRulesBenchmark), with -prof gc
#   2. what-if (POST /rulesets/simulate) over 100,000 stored customers (src/bench/simulate-100k.sh), when SIMULATE=1
# Rows not built yet (POST /facts vs pgbench, bulk re-evaluation vs SQL UPDATE, start-up) are listed as missing.
# Usage: src/bench/compare.sh            JMH_ARGS="-wi 5 -w 5s -i 5 -r 5s" to change the JMH iterations
#        SIMULATE=1 src/bench/compare.sh  also the what-if row (needs psql and the local PostgreSQL, see that script)
set -euo pipefail
cd "$(dirname "$0")/../.."
JMH_ARGS=${JMH_ARGS:--wi 5 -w 5s -i 5 -r 5s}
RESULT=target/jmh-compare.json

echo "== 1. evaluations per second (JMH, 1 thread, -prof gc); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
./mvnw -B -q -Pbench test-compile exec:exec \
    -Djmh.args="-f 1 $JMH_ARGS -t 1 -prof gc -rf json -rff $RESULT" \
    -Djmh.benchmarks='com.tierupgrade.bench.(RuleEngineBenchmark|ReferenceRulesBenchmark)' > target/jmh-compare.log
python3 - "$RESULT" <<'PY'
import json, sys
rows = {}
for r in json.load(open(sys.argv[1])):
    name = r["benchmark"].rsplit(".", 2)
    key = (name[-2] + "." + name[-1], r["params"]["customer"])
    alloc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score")
    rows[key] = (r["primaryMetric"]["score"], r["primaryMetric"]["scoreError"], alloc)
print(f"{'customer':<12} {'engine ops/s':>14} {'KB/eval':>8} {'before ops/s':>13} {'KB/eval':>8} "
      f"{'reference ops/s':>16} {'after/before':>13} {'after/reference':>16}")
for customer in ("repeatBuyer", "heavy"):
    after = rows.get(("RuleEngineBenchmark.evaluate", customer))
    before = rows.get(("RuleEngineBenchmark.evaluateStraightforward", customer))
    ref = rows.get(("ReferenceRulesBenchmark.evaluate", customer))
    if not (after and before and ref):
        print(customer, "missing results"); continue
    kb = lambda row: f"{row[2] / 1024:.1f}" if row[2] is not None else "?"
    print(f"{customer:<12} {after[0]:>14,.0f} {kb(after):>8} {before[0]:>13,.0f} {kb(before):>8} "
          f"{ref[0]:>16,.0f} {after[0] / before[0]:>13.2f} {after[0] / ref[0]:>16.2f}")
print("goal (issue 17): repeatBuyer >= 100,000 ops/s, after/reference >= 0.5, < 20 KB per evaluation")
PY

if [ "${SIMULATE:-0}" = 1 ]; then
    echo "== 2. what-if over 100,000 customers (goal <= 3 s; no reference)"
    ./mvnw -B -q package -DskipTests
    src/bench/simulate-100k.sh
else
    echo "== 2. what-if over 100,000 customers: skipped (SIMULATE=1 to run it)"
fi
echo "== not built yet: POST /facts vs pgbench, bulk re-evaluation vs SQL UPDATE, start-up, -Xmx512m"
