#!/usr/bin/env bash
# Times GET /history on a few million generated history entries (curl) and shows the plans (EXPLAIN ANALYZE).
# Needs: psql and a PostgreSQL on 127.0.0.1:5432 (user postgres), the packaged service (./mvnw package -DskipTests).
# Usage: src/bench/history-queries.sh [evaluations]   (two entries per evaluation; default 2,500,000 → 5 million)
#        KEEP=1 src/bench/history-queries.sh           reuse the generated database, only time the queries
set -euo pipefail
cd "$(dirname "$0")/../.."
EVALUATIONS=${1:-2500000}
CUSTOMERS=$(( EVALUATIONS / 5 ))
DB=histbench
PORT=8383
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"

export QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB
export QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres
export TIERUP_RULES_WATCH=false TIERUP_REEVALUATION_EVERY=off TIERUP_CUTOFFS_EVERY=off PORT

start_service() {
    java -jar target/quarkus-app/quarkus-run.jar > target/history-bench.log 2>&1 &
    SERVICE=$!
    trap 'kill $SERVICE 2>/dev/null || true' EXIT
    for _ in $(seq 1 120); do
        curl -sf -u auditor:auditor "localhost:$PORT/rulesets/current" > /dev/null && return
        sleep 1
    done
    echo "service did not start"; tail -20 target/history-bench.log; exit 1
}

if [ -z "${KEEP:-}" ]; then
    $PSQL -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
    start_service   # creates the schema (V1..V5)
    echo "== generating $EVALUATIONS evaluations, $((EVALUATIONS * 2)) entries, $CUSTOMERS customers"
    START=$(date +%s)
    $PSQL -d $DB <<SQL
SET search_path = tierup;
INSERT INTO customer (id, ruleset_version, as_of)
SELECT 'h' || lpad(n::text, 7, '0'), 'v4', '2026-11-01T00:00:00Z' FROM generate_series(1, $CUSTOMERS) AS n;
-- Evaluations spread over 700 days from 2025-01-01, in time order like live traffic; 1 in 20 is a re-evaluation
-- after a rule-set change at the customer's earlier evaluation time. Four rule-set versions, one per 175 days.
INSERT INTO evaluation (customer_id, as_of, cause, ruleset_version, fired_rules, facts, recorded_at)
SELECT 'h' || lpad((1 + (n::bigint * 7919) % $CUSTOMERS)::text, 7, '0'),
       t - CASE WHEN n % 20 = 0 THEN interval '3 days' ELSE interval '0' END,
       CASE WHEN n % 20 = 0 THEN 'RULESET_CHANGE' WHEN n % 10 = 1 THEN 'TIME' ELSE 'NEW_FACTS' END,
       'v' || (1 + (n::bigint * 4) / ($EVALUATIONS + 1)),
       jsonb_build_array('熟悉:关注公众号、加企业微信/个人微信或进群', '跟从用户:已进入客户旅程',
                         '指标:当前周期内购买次数、消费金额和客单价')
         || CASE WHEN n % 3 = 0 THEN '["信赖:有购买且没有未解决的投诉", "依靠:信赖且当前周期内复购"]'::jsonb ELSE '[]' END
         || CASE WHEN n % 50 = 7 THEN '["分销用户:依靠且愿意分销"]'::jsonb ELSE '[]' END
         || CASE WHEN n % 200 = 3 THEN '["明确拒绝分销:不硬推"]'::jsonb ELSE '[]' END
         || CASE WHEN n % 1000 = 5 THEN '["象限下滑预警:向低频低价移动"]'::jsonb ELSE '[]' END,
       '{"attributes": {"addedWeCom": true}, "events": []}', t
FROM (SELECT n, timestamptz '2025-01-01T00:00:00Z' + (n::double precision * 700 / $EVALUATIONS) * interval '1 day' AS t
      FROM generate_series(1, $EVALUATIONS) AS n) AS g
ORDER BY n;
-- Two entries per evaluation, in evaluation order: a stage or tier change (2% of evaluations make a distributor,
-- 0.5% hold one back, 0.1% warn), and a change of another dimension.
INSERT INTO history_entry (evaluation_id, customer_id, dimension, kind, from_value, to_value, reasons, rule, warning,
                           as_of, cause, ruleset_version)
SELECT e.id, e.customer_id, x.dimension, x.kind, x.from_value, x.to_value, x.reasons, x.rule, x.warning,
       e.as_of, e.cause, e.ruleset_version
FROM evaluation e, LATERAL (VALUES
    (1, CASE WHEN e.id % 50 = 7 OR e.id % 200 = 3 THEN 'tier' WHEN e.id % 1000 = 5 THEN 'quadrant' ELSE 'stage' END,
        CASE WHEN e.id % 50 = 7 THEN 'UPGRADE' WHEN e.id % 200 = 3 THEN 'HELD_BACK' WHEN e.id % 1000 = 5 THEN 'WARNING'
             WHEN e.id % 7 = 0 THEN 'DOWNGRADE' WHEN e.id % 5 = 0 THEN 'INITIAL' ELSE 'UPGRADE' END,
        CASE WHEN e.id % 50 = 7 OR e.id % 200 = 3 THEN 'FOLLOWER' WHEN e.id % 1000 = 5 THEN 'HIGH_FREQ_HIGH_VALUE'
             WHEN e.id % 5 = 0 THEN NULL ELSE (ARRAY['FAMILIAR','COGNIZANT','TRUSTING'])[1 + e.id % 3] END,
        CASE WHEN e.id % 50 = 7 OR e.id % 200 = 3 THEN 'DISTRIBUTOR' WHEN e.id % 1000 = 5 THEN 'HIGH_FREQ_LOW_VALUE'
             ELSE (ARRAY['COGNIZANT','TRUSTING','RELIANT'])[1 + e.id % 3] END,
        CASE WHEN e.id % 200 = 3 THEN '["用户明确拒绝分销,不硬推"]'::jsonb
             ELSE '["近90天购买 2 次(至少 2 次)", "已进入客户旅程(熟悉或更高阶段)"]'::jsonb END,
        CASE WHEN e.id % 200 = 3 THEN '明确拒绝分销:不硬推' WHEN e.id % 1000 = 5 THEN '象限下滑预警:向低频低价移动' END,
        CASE WHEN e.id % 1000 = 5 THEN 'DRIFT_TO_LOW_LOW' END),
    (2, (ARRAY['rfm','lifecycle','relationship','sensitivity'])[1 + e.id % 4],
        CASE WHEN e.id % 4 = 2 THEN 'UPGRADE' ELSE 'CHANGE' END,
        (ARRAY['GENERAL_RETAIN','NEW','BASIC','COLD'])[1 + e.id % 4],
        (ARRAY['IMPORTANT_VALUE','MATURE','PURCHASED','NEUTRAL'])[1 + e.id % 4],
        '["最近一次购买 5 天前(R高,门槛 30 天)"]'::jsonb, NULL, NULL)
) AS x(k, dimension, kind, from_value, to_value, reasons, rule, warning)
ORDER BY e.id, x.k;
VACUUM ANALYZE;
SQL
    echo "generated in $(( $(date +%s) - START )) s"
else
    start_service
fi
$PSQL -d $DB -t -c "SELECT (SELECT count(*) FROM tierup.history_entry) || ' entries, ' || (SELECT count(*) FROM tierup.evaluation) || ' evaluations, ' || pg_size_pretty(pg_database_size('$DB'))"

# The typical queries: median of 5 runs after one warm-up run, wall time by curl.
time_query() {
    local label=$1 query=$2 accept=${3:-application/json}
    curl -sf -u auditor:auditor -H "Accept: $accept" "localhost:$PORT/history?$query" -o /dev/null
    local times=()
    for _ in 1 2 3 4 5; do
        times+=("$(curl -sf -u auditor:auditor -H "Accept: $accept" -o /tmp/history-bench.out -w '%{time_total}' "localhost:$PORT/history?$query")")
    done
    local median
    median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p)
    printf '%-58s %8.1f ms  %s\n' "$label" "$(echo "$median * 1000" | bc -l)" "$(wc -c < /tmp/history-bench.out) bytes"
}
ENC() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }
LAST_MONTH="since=2026-10-01&until=2026-11-01"
DEEP=$($PSQL -d $DB -t -A -c "SELECT max(id) - 1000 FROM tierup.history_entry")
echo "== GET /history (limit 100 unless said)"
time_query "first page, no filter" "limit=100"
time_query "kind=UPGRADE&to=DISTRIBUTOR, last month" "kind=UPGRADE&to=DISTRIBUTOR&$LAST_MONTH"
time_query "kind=UPGRADE&to=DISTRIBUTOR (all time)" "kind=UPGRADE&to=DISTRIBUTOR"
time_query "to=DISTRIBUTOR&kind=HELD_BACK" "to=DISTRIBUTOR&kind=HELD_BACK"
time_query "kind=WARNING" "kind=WARNING"
time_query "rule=明确拒绝分销:不硬推" "rule=$(ENC '明确拒绝分销:不硬推')"
time_query "rule=依靠:… (fires in 1/3 of evaluations)" "rule=$(ENC '依靠:信赖且当前周期内复购')"
time_query "rulesetVersion=v4&cause=RULESET_CHANGE" "rulesetVersion=v4&cause=RULESET_CHANGE"
time_query "customer=h0123457" "customer=h0123457"
time_query "last month, no other filter" "$LAST_MONTH"
time_query "dimension=tier&kind=DOWNGRADE (none exist)" "dimension=tier&kind=DOWNGRADE"
time_query "deep page: after=<max id - 1000>" "after=$DEEP"
time_query "deep page: to=DISTRIBUTOR&after=<max id - 1000>" "to=DISTRIBUTOR&after=$DEEP"
echo "== CSV export (all pages)"
time_query "CSV kind=UPGRADE&to=DISTRIBUTOR, last month" "kind=UPGRADE&to=DISTRIBUTOR&$LAST_MONTH" text/csv
time_query "CSV kind=UPGRADE&to=DISTRIBUTOR (all time)" "kind=UPGRADE&to=DISTRIBUTOR" text/csv
time_query "CSV last month (all entries)" "$LAST_MONTH" text/csv

if [ -n "${EXPLAIN:-}" ]; then
    echo "== plans"
    SELECT="SELECT h.id FROM tierup.history_entry h JOIN tierup.evaluation e ON e.id = h.evaluation_id"
    for where in "h.kind = 'UPGRADE' AND h.to_value = 'DISTRIBUTOR' AND e.as_of >= '2026-10-01Z' AND e.as_of < '2026-11-01Z'" \
                 "e.fired_rules @> '[\"明确拒绝分销:不硬推\"]'" \
                 "e.fired_rules @> '[\"依靠:信赖且当前周期内复购\"]'" \
                 "e.ruleset_version = 'v4' AND e.cause = 'RULESET_CHANGE'" \
                 "e.as_of >= '2026-10-01Z' AND e.as_of < '2026-11-01Z'" \
                 "h.id > $DEEP AND h.to_value = 'DISTRIBUTOR'"; do
        echo "-- WHERE $where"
        $PSQL -d $DB -c "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) $SELECT WHERE h.id > 0 AND $where ORDER BY h.id LIMIT 101"
    done
fi
