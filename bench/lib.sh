# Shared by the bench scripts: start Fairway on an embedded PostgreSQL in a scratch directory,
# and find that PostgreSQL, so pgbench can be run against the very same server.
# shellcheck shell=bash

bench_require() {
  for tool in "$@"; do
    command -v "$tool" >/dev/null || { echo "bench: needs $tool (apt-get install wrk postgresql-client)" >&2; exit 1; }
  done
}

bench_java() {
  if [ -n "${JAVA_HOME:-}" ]; then echo "$JAVA_HOME/bin/java"; else echo java; fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# bench_start_fairway DIR [java options...]: starts the jar, waits for readiness, sets
# FAIRWAY_PID, FAIRWAY_URL and, when it started the embedded PostgreSQL, PG_PORT. Settings
# (DATABASE_URL, FAIRWAY_CACHE_TTL_MS...) come from the environment of the call.
bench_start_fairway() {
  local dir=$1; shift
  local port; port=$(free_port)
  # The load comes from one address: no rate limits, unless the caller asks for them.
  FAIRWAY_DATA_DIR="$dir/data" PORT=$port FAIRWAY_ADMIN_TOKEN=$BENCH_TOKEN FAIRWAY_RATE_LIMIT=${FAIRWAY_RATE_LIMIT:-off} \
    "$(bench_java)" "$@" -jar target/fairway.jar > "$dir/fairway.log" 2>&1 &
  FAIRWAY_PID=$!
  FAIRWAY_URL="http://localhost:$port"
  for _ in $(seq 1 120); do
    if curl -sf "$FAIRWAY_URL/health/ready" >/dev/null 2>&1; then break; fi
    sleep 0.5
  done
  curl -sf "$FAIRWAY_URL/health/ready" >/dev/null || { echo "bench: Fairway did not become ready"; cat "$dir/fairway.log"; exit 1; }
  local embedded; embedded=$(grep -o 'running on port [0-9]*' "$dir/fairway.log" | awk '{print $4}' || true)
  PG_PORT=${embedded:-${PG_PORT:-}}
  # The embedded PostgreSQL asks for a password: its superuser's is kept in the data directory.
  if [ -n "$embedded" ] && [ -f "$dir/data/credentials.properties" ]; then
    PGPASSWORD=$(sed -n 's/^superuser=//p' "$dir/data/credentials.properties")
    export PGPASSWORD
  fi
}

# bench_stop_fairway [PID]: stops that Fairway, by default the last one started.
bench_stop_fairway() {
  local pid=${1:-${FAIRWAY_PID:-}}
  [ -n "$pid" ] || return 0
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

# rss_mib PID: the process's resident set now and at its peak, in MiB ("now peak").
rss_mib() {
  awk '/^VmRSS/ {now = $2} /^VmHWM/ {peak = $2} END {printf "%d %d\n", now / 1024, peak / 1024}' "/proc/$1/status"
}

# pgbench_tps ARGS...: runs pgbench against the embedded server's "pgbench" database, prints its TPS.
pgbench_tps() {
  pgbench -h localhost -p "$PG_PORT" -U postgres "$@" pgbench 2>/dev/null \
    | awk '/^tps = / {print $3; exit}'
}

pgbench_init() {
  psql -q -h localhost -p "$PG_PORT" -U postgres -c 'create database pgbench' postgres >/dev/null
  pgbench -q -i -s "${PGBENCH_SCALE:-10}" -h localhost -p "$PG_PORT" -U postgres pgbench >/dev/null 2>&1
}

# wrk_run NAME SCRIPT URL: runs wrk, prints "NAME req/s p50 p99 non2xx" (ms).
wrk_run() {
  local name=$1 script=$2 url=$3
  local out; out=$(wrk -t"${WRK_THREADS:-2}" -c"$CLIENTS" -d"${DURATION}s" --latency -s "$script" "$url")
  local rps p50 p99 non2xx
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  non2xx=$(echo "$out" | awk '/Non-2xx/ {print $5}')
  echo "$name $rps $p50 $p99 ${non2xx:-0}"
}
