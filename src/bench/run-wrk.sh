#!/usr/bin/env bash
# Load test of POST /customers/{id}/facts against a service already running on 127.0.0.1.
#
#   src/bench/run-wrk.sh [port] [duration] [connections] [threads]     defaults: 8181 30s 16 2
#
# Start the service first, e.g. against a local PostgreSQL:
#   ./mvnw -B -q package -DskipTests
#   QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/test QUARKUS_DATASOURCE_USERNAME=postgres \
#     QUARKUS_DATASOURCE_PASSWORD=x PORT=8181 java -jar target/quarkus-app/quarkus-run.jar
# WRK_CUSTOMERS (default 100000) sets how many customer ids requests are spread over; WRK_USER and WRK_PASSWORD
# (default ingest/ingest) the credentials of a user with the role ingest.
set -euo pipefail

port="${1:-8181}"
duration="${2:-30s}"
connections="${3:-16}"
threads="${4:-2}"
url="http://127.0.0.1:${port}"
script="$(cd "$(dirname "$0")" && pwd)/wrk/post-facts.lua"
export WRK_AUTHORIZATION="Basic $(printf '%s' "${WRK_USER:-ingest}:${WRK_PASSWORD:-ingest}" | base64 -w0)"

command -v wrk >/dev/null || { echo "wrk is not installed (Debian: apt-get install -y wrk)" >&2; exit 1; }

# One request first: fail fast when the service is not up or rejects the body.
status=$(curl -s -H "Authorization: ${WRK_AUTHORIZATION}" -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
  --data '{"events":[{"id":"warmup-probe","type":"VISIT","at":"2026-01-01T00:00:00Z"}]}' \
  "${url}/customers/bench-probe/facts" || true)
if [[ "${status}" != 2* ]]; then
  echo "POST ${url}/customers/bench-probe/facts answered '${status}'; is the service running on port ${port}?" >&2
  exit 1
fi

echo "wrk -t${threads} -c${connections} -d${duration} --latency -s ${script} ${url}"
echo "machine: $(nproc) cores, $(uname -m); wrk, the JVM and PostgreSQL share them"
exec wrk -t"${threads}" -c"${connections}" -d"${duration}" --latency --timeout 10s -s "${script}" "${url}"
