#!/usr/bin/env bash
# Audience previews on a generated population (default 1,000,000 customers, ~6.5 M events), timed with curl.
#
#   ./mvnw -B -q package -DskipTests
#   src/bench/audience-1m.sh [database (audbench)] [customers (1000000)] [port (8191)]
#
# Makes the database on the local PostgreSQL (127.0.0.1:5432, user postgres) if needed, starts the packaged service
# on it (Flyway creates the schema and the V4 indexes), generates the population once (src/bench/audience-1m.sql,
# events over the year before AS_OF, kept in public.audience_bench), then times every case: "cold" is the first
# request after the operating system's page cache was dropped (only when /proc/sys/vm/drop_caches is writable, i.e.
# as root; it empties the cache of the whole machine) and the service restarted, "warm" the best of 3 runs after it.
# PostgreSQL's own shared_buffers are not emptied (128 MB by default, small beside the 1.4 GB of data).
set -euo pipefail
DB=${1:-audbench}
CUSTOMERS=${2:-1000000}
PORT=${3:-8191}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
PSQL=(psql -h 127.0.0.1 -U postgres -X -q -v ON_ERROR_STOP=1)
URL="http://127.0.0.1:$PORT"
SERVICE_PID=

start_service() {
    TIERUP_REEVALUATION_EVERY=off TIERUP_RULES_WATCH=false \
        QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" QUARKUS_DATASOURCE_USERNAME=postgres \
        QUARKUS_DATASOURCE_PASSWORD=x PORT=$PORT java -jar "$ROOT/target/quarkus-app/quarkus-run.jar" \
        > "/tmp/audience-bench-$PORT.log" 2>&1 &
    SERVICE_PID=$!
    for _ in $(seq 1 120); do
        curl -sf -u editor:editor -o /dev/null "$URL/audiences?limit=1" && return 0
        sleep 1
    done
    echo "service did not start, see /tmp/audience-bench-$PORT.log" >&2
    exit 1
}
stop_service() {
    if [ -n "$SERVICE_PID" ]; then kill "$SERVICE_PID" && wait "$SERVICE_PID" 2>/dev/null || true; fi
    SERVICE_PID=
}
trap stop_service EXIT

"${PSQL[@]}" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1 \
    || createdb -h 127.0.0.1 -U postgres "$DB"
start_service

if ! "${PSQL[@]}" -d "$DB" -tAc "SELECT 1 FROM public.audience_bench" 2>/dev/null | grep -q 1; then
    AS_OF=${AS_OF:-$(date -u +%Y-%m-%dT00:00:00Z)}
    echo "Generating $CUSTOMERS customers, events over the year before $AS_OF"
    start=$(date +%s)
    "${PSQL[@]}" -d "$DB" -v customers="$CUSTOMERS" -v as_of="$AS_OF" -f "$HERE/audience-1m.sql"
    "${PSQL[@]}" -d "$DB" -c "CREATE TABLE public.audience_bench AS SELECT '$AS_OF'::timestamptz AS as_of"
    echo "generated in $(( $(date +%s) - start )) s"
fi
AS_OF=$("${PSQL[@]}" -d "$DB" -tAc "SELECT to_char(as_of AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM public.audience_bench")
"${PSQL[@]}" -d "$DB" -tAc "SELECT 'data: ' || (SELECT count(*) FROM tierup.customer) || ' customers, '
    || (SELECT count(*) FROM tierup.customer_event) || ' events; customer ' || pg_size_pretty(pg_total_relation_size('tierup.customer'))
    || ', customer_event ' || pg_size_pretty(pg_total_relation_size('tierup.customer_event'))
    || ' (customer_event_audience ' || pg_size_pretty(pg_relation_size('tierup.customer_event_audience'))
    || ', customer_attributes ' || pg_size_pretty(pg_relation_size('tierup.customer_attributes')) || ')'"
echo "asOf $AS_OF; load average $(cut -d' ' -f1-3 /proc/loadavg)"

BEIJING='{"attribute": "region", "equals": "北京"}'
VISITS='{"event": "VISIT", "atLeast": 3, "withinDays": 90}'
PURCHASED='{"event": "PURCHASE", "atLeast": 1}'
NO_SHISEIDO='{"noEvent": "PURCHASE", "where": {"brand": "资生堂"}, "withinDays": 7}'
SPEND='{"event": "PURCHASE", "totalAmountAtLeast": 2000, "withinDays": 365}'
NOT_WEST='{"attribute": "region", "notIn": ["乌鲁木齐", "拉萨"]}'
CASES=(
    "attribute equals|$BEIJING"
    "attribute in (2 cities)|{\"attribute\": \"region\", \"in\": [\"北京\", \"上海\"]}"
    "attribute notIn (2 cities)|$NOT_WEST"
    "dimension in (2 tiers)|{\"dimension\": \"tier\", \"in\": [\"DISTRIBUTOR\", \"HEAVY_CONSUMER\"]}"
    "dimension equals|{\"dimension\": \"rfm\", \"equals\": \"IMPORTANT_VALUE\"}"
    "VISIT >= 3 in 90 days|$VISITS"
    "PURCHASE >= 1 ever|$PURCHASED"
    "no 资生堂 PURCHASE in 7 days|$NO_SHISEIDO"
    "资生堂 PURCHASE >= 1 ever|{\"event\": \"PURCHASE\", \"where\": {\"brand\": \"资生堂\"}, \"atLeast\": 1}"
    "spend >= 2000 in 365 days|$SPEND"
    "VISIT <= 2 in 30 days|{\"event\": \"VISIT\", \"atMost\": 2, \"withinDays\": 30}"
    "seed 002 (4 criteria)|$BEIJING, $VISITS, $PURCHASED, $NO_SHISEIDO"
    "seed 004 (spend, visit, regions)|$SPEND, {\"event\": \"VISIT\", \"atLeast\": 1, \"withinDays\": 30}, $NOT_WEST"
)

preview() { # criteria → "seconds count"
    local body="{\"asOf\": \"$AS_OF\", \"limit\": 50, \"criteria\": [$1]}"
    local out time
    out=$(mktemp)
    time=$(curl -s -u editor:editor -o "$out" -w '%{time_total}' -H 'Content-Type: application/json' -d "$body" "$URL/audiences/preview")
    echo "$time $(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["count"], len(d["customerIds"]))' "$out")"
    rm -f "$out"
}

drop_caches() {
    if [ -w /proc/sys/vm/drop_caches ]; then sync && echo 3 > /proc/sys/vm/drop_caches; return 0; fi
    return 1
}

printf '%-34s %10s %8s %9s %9s\n' case count page cold_s warm_s
for case in "${CASES[@]}"; do
    name=${case%%|*}
    criteria=${case#*|}
    cold=-
    if drop_caches; then
        stop_service; start_service
        read -r cold _ _ <<< "$(preview "$criteria")"
    fi
    best=
    for _ in 1 2 3; do
        read -r t count page <<< "$(preview "$criteria")"
        best=$(python3 -c "print(min(float('$t'), float('${best:-$t}')))")
    done
    printf '%-34s %10s %8s %9s %9s\n' "$name" "$count" "$page" "$cold" "$best"
done

# The second page of seed 002, and the export of all its ids as CSV through a saved audience.
id=$(curl -s -u editor:editor -H 'Content-Type: application/json' \
    -d "{\"name\": \"bench seed 002\", \"criteria\": [$BEIJING, $VISITS, $PURCHASED, $NO_SHISEIDO]}" \
    "$URL/audiences" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
for _ in 1 2; do
    curl -s -u editor:editor -o /tmp/audience-bench.csv -w "export seed 002 as CSV: %{time_total} s, %{size_download} bytes, " \
        "$URL/audiences/$id/customers.csv?asOf=$AS_OF"
    echo "$(($(wc -l < /tmp/audience-bench.csv) - 1)) ids"
done
id=$(curl -s -u editor:editor -H 'Content-Type: application/json' \
    -d "{\"name\": \"bench all but 2 regions\", \"criteria\": [$NOT_WEST]}" \
    "$URL/audiences" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
curl -s -u editor:editor -o /tmp/audience-bench.csv -w "export notIn (2 cities) as CSV: %{time_total} s, %{size_download} bytes, " \
    "$URL/audiences/$id/customers.csv?asOf=$AS_OF"
echo "$(($(wc -l < /tmp/audience-bench.csv) - 1)) ids; service RSS $(ps -o rss= -p "$SERVICE_PID") KB"
echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"
