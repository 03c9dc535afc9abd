#!/usr/bin/env bash
# Times POST /rulesets/simulate on 100,000 stored customers (about 6 events each) in the local PostgreSQL.
# Needs: psql and a PostgreSQL on 127.0.0.1:5432 (trust auth), the packaged service (./mvnw package -DskipTests).
# Usage: src/bench/simulate-100k.sh [customers]     (DB=name PORT=n: another scratch database or port; START_WAIT=seconds to wait for start-up, 120)
set -euo pipefail
cd "$(dirname "$0")/../.."
CUSTOMERS=${1:-100000}
DB=${DB:-tierup_simulate}
PORT=${PORT:-8282}
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"

$PSQL -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
export QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB
export QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres
export TIERUP_RULES_WATCH=false TIERUP_REEVALUATION_EVERY=off PORT

start_service() {
    java -jar target/quarkus-app/quarkus-run.jar > target/simulate-bench.log 2>&1 &
    SERVICE=$!
    trap 'kill $SERVICE 2>/dev/null || true' EXIT
    for _ in $(seq 1 "${START_WAIT:-120}"); do
        curl -sf -u editor:editor "localhost:$PORT/rulesets/current" > /dev/null && return
        sleep 1
    done
    echo "service did not start"; tail -20 target/simulate-bench.log; exit 1
}

start_service   # creates the schema
echo "== generating $CUSTOMERS customers"
$PSQL -d $DB <<SQL
SET search_path = tierup;
INSERT INTO customer (id, attributes, ruleset_version, as_of)
SELECT 'c' || lpad(n::text, 7, '0'),
       jsonb_build_object('addedWeCom', n % 10 <> 0, 'distributorOptIn', n % 7 = 0, 'distributorRefused', n % 21 = 0),
       'generated', now()
FROM generate_series(1, $CUSTOMERS) AS n;
-- Per customer: 1 to 4 purchases within 200 days (some with coupons), 0 to 3 interactions, sometimes a share,
-- a review, a referral purchase or an open complaint.
INSERT INTO customer_event (customer_id, event_id, type, at, fields)
SELECT 'c' || lpad(n::text, 7, '0'), 'p' || k, 'PURCHASE', now() - ((n * 7 + k * 37) % 200) * interval '1 day',
       jsonb_build_object('amount', 100 + (n * k) % 500, 'couponUsed', (n + k) % 3 = 0)
FROM generate_series(1, $CUSTOMERS) AS n, generate_series(1, 4) AS k WHERE k <= 1 + n % 4;
INSERT INTO customer_event (customer_id, event_id, type, at, fields)
SELECT 'c' || lpad(n::text, 7, '0'), 'i' || k, 'INTERACTION', now() - ((n + k * 11) % 120) * interval '1 day',
       '{"kind": "LIKE"}'
FROM generate_series(1, $CUSTOMERS) AS n, generate_series(1, 3) AS k WHERE k <= n % 4;
INSERT INTO customer_event (customer_id, event_id, type, at, fields)
SELECT 'c' || lpad(n::text, 7, '0'), 'x', (ARRAY['SHARE','REVIEW','REFERRAL_PURCHASE','COMPLAINT'])[1 + n % 4],
       now() - (n % 60) * interval '1 day',
       (ARRAY['{}', '{"rating": 5}', '{"amount": 99}', '{"resolved": false}'])[1 + n % 4]::jsonb
FROM generate_series(1, $CUSTOMERS) AS n WHERE n % 3 = 0;
ANALYZE;
SQL
$PSQL -d $DB -t -c "SELECT count(*) || ' customers, ' || (SELECT count(*) FROM tierup.customer_event) || ' events' FROM tierup.customer"

DRAFT=$(python3 -c 'import json,re,sys; p=open("rules/parameters.yaml").read(); print(json.dumps({"files": {"parameters.yaml": re.sub(r"(?m)^reliantMinPurchases: .*$", "reliantMinPurchases: 3", p)}}))')
echo "== simulate (warm-up run, then the measured run)"
curl -sf -u editor:editor -X POST "localhost:$PORT/rulesets/simulate" -H 'Content-Type: application/json' -d "$DRAFT" > /dev/null
START=$(date +%s%N)
curl -sf -u editor:editor -X POST "localhost:$PORT/rulesets/simulate" -H 'Content-Type: application/json' \
    -d "$DRAFT" -o target/simulate-report.json
echo "wall $(( ($(date +%s%N) - START) / 1000000 )) ms"
python3 - <<'PY'
import json
r = json.load(open("target/simulate-report.json"))
print(f"customers {r['customers']}, changed {r['changed']}, elapsedMillis {r['elapsedMillis']}")
for t in r["dimensions"]["stage"]["transitions"][:3]:
    print(f"  stage {t['from']} -> {t['to']}: {t['count']}")
PY
