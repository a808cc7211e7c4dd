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
# (DATABASE_URL, FAIRWAY_CACHE_TTL_MS...) come from the environment of the call; BENCH_BOX, a
# cgroup directory from bench_box, runs it in that memory limit.
bench_start_fairway() {
  local dir=$1; shift
  local port; port=$(free_port)
  # The load comes from one address: no rate limits, unless the caller asks for them.
  # In a memory cgroup when BENCH_BOX names one (bench_box): the subshell joins it, then becomes java.
  (
    [ -z "${BENCH_BOX:-}" ] || echo "$BASHPID" > "$BENCH_BOX/cgroup.procs"
    FAIRWAY_DATA_DIR="$dir/data" PORT=$port FAIRWAY_ADMIN_TOKEN=$BENCH_TOKEN FAIRWAY_RATE_LIMIT=${FAIRWAY_RATE_LIMIT:-off} \
      exec "$(bench_java)" "$@" -jar "${BENCH_JAR:-target/fairway.jar}" > "$dir/fairway.log" 2>&1
  ) &
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

# bench_classpath: compiles the bench's Java (src/test/java/dev/fairway/bench) and prints its classpath.
bench_classpath() {
  ./mvnw -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
    -Dmdep.includeScope=test >&2
  echo "target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
}

# bench_start_database DIR: starts the PostgreSQL that Fairway embeds, on its own (BenchDatabase),
# so that the instances measured run without it in their memory limits. Sets PG_PORT, PGPASSWORD
# (the superuser's) and BENCH_DATABASE_URL (Fairway's own role). Needs BENCH_CP (bench_classpath).
bench_start_database() {
  local dir=$1
  mkfifo "$dir/db-stdin"
  "$(bench_java)" -cp "$BENCH_CP" dev.fairway.bench.BenchDatabase "$dir/db" < "$dir/db-stdin" > "$dir/db.log" 2>&1 &
  BENCH_DB_PID=$!
  # Holding the FIFO open keeps the database up; bench_stop_database closes it.
  exec {BENCH_DB_FD}>"$dir/db-stdin"
  for _ in $(seq 1 120); do grep -q '^port ' "$dir/db.log" && break; sleep 0.5; done
  PG_PORT=$(sed -n 's/^port //p' "$dir/db.log")
  [ -n "$PG_PORT" ] || { echo "bench: the database did not start"; cat "$dir/db.log"; exit 1; }
  PGPASSWORD=$(sed -n 's/^superuser=//p' "$dir/db/credentials.properties")
  export PGPASSWORD
  BENCH_DATABASE_URL="postgresql://fairway:$(sed -n 's/^service=//p' "$dir/db/credentials.properties")@localhost:$PG_PORT/fairway?sslmode=disable"
}

bench_stop_database() {
  [ -n "${BENCH_DB_PID:-}" ] || return 0
  exec {BENCH_DB_FD}>&-
  wait "$BENCH_DB_PID" 2>/dev/null || true
  BENCH_DB_PID=""
}

# bench_box NAME MIB: makes (or empties) a memory cgroup NAME limited to MIB MiB, cgroup v2 where
# the memory controller is there, else v1, and prints its directory. Needs root.
bench_box() {
  local name=$1 mib=$2 dir
  if grep -qw memory /sys/fs/cgroup/cgroup.controllers 2>/dev/null; then
    dir=/sys/fs/cgroup/$name
    mkdir -p "$dir"
    echo $(( mib * 1024 * 1024 )) > "$dir/memory.max"
    echo 0 > "$dir/memory.swap.max" 2>/dev/null || true
  else
    dir=/sys/fs/cgroup/memory/$name
    [ -d "$dir" ] && rmdir "$dir" 2>/dev/null
    mkdir -p "$dir"
    echo $(( mib * 1024 * 1024 )) > "$dir/memory.limit_in_bytes"
  fi
  echo "$dir"
}

# bench_box_oom_kills DIR: how many processes the kernel killed in that cgroup for want of memory.
bench_box_oom_kills() {
  local dir=$1
  if [ -f "$dir/memory.events" ]; then
    awk '$1 == "oom_kill" {print $2}' "$dir/memory.events"
  else
    awk '$1 == "oom_kill" {print $2}' "$dir/memory.oom_control"
  fi
}

# put_course URL ID JSON: creates or replaces a course as the admin.
put_course() {
  curl -sf -X PUT "$1/api/courses/$2" -H "Authorization: Bearer $BENCH_TOKEN" \
    -H 'Content-Type: application/json' -d "$3" >/dev/null
}

# every_day HOURS: the weeklyHours object with HOURS on every day.
every_day() {
  local hours=$1 days="" day
  for day in MONDAY TUESDAY WEDNESDAY THURSDAY FRIDAY SATURDAY SUNDAY; do
    days="$days\"$day\":$hours,"
  done
  echo "{${days%,}}"
}

# bench_seed_pine URL: course "pine", a real tee sheet, every 10 minutes 06:00-18:00 (73 tee times
# a day), 4 players each, two rates; a third of its tee times in the coming week get a booking.
# Exports BENCH_FIRST_DATE, the first of those seven days (wrk/availability.lua asks for them).
bench_seed_pine() {
  local url=$1 day slot start
  put_course "$url" pine "{\"name\":\"Pine\",\"timeZone\":\"UTC\",\"teeTimeIntervalMinutes\":10,\"maxPlayersPerTeeTime\":4,
    \"bookingWindowDays\":30,\"weeklyHours\":$(every_day '[{"firstTeeTime":"06:00","lastTeeTime":"18:00"}]'),
    \"rates\":[{\"name\":\"Twilight\",\"from\":\"15:00\",\"until\":\"23:59\",\"pricePerPlayer\":\"35.00\"},
               {\"name\":\"Standard\",\"from\":\"00:00\",\"until\":\"23:59\",\"pricePerPlayer\":\"60.00\"}]}"
  first_epoch=$(( ($(date +%s) / 86400 + 2) * 86400 ))
  export BENCH_FIRST_DATE; BENCH_FIRST_DATE=$(date -u -d "@$first_epoch" +%Y-%m-%d)
  for day in 0 1 2 3 4 5 6; do
    for slot in $(seq 0 3 72); do
      start=$(date -u -d "@$(( first_epoch + day * 86400 + 6 * 3600 + slot * 600 ))" +%Y-%m-%dT%H:%M:00Z)
      curl -sf -X POST "$url/api/courses/pine/bookings" -H 'Content-Type: application/json' \
        -d "{\"start\":\"$start\",\"players\":$(( slot % 4 + 1 )),\"name\":\"Seed golfer\"}" >/dev/null
    done
  done
}

# listen_overflows: the kernel's count, since boot, of connections dropped because a listening
# socket's accept queue was full (TcpExt ListenOverflows).
listen_overflows() {
  awk '/^TcpExt:/ { if (!names) { split($0, names_row); names = 1 } else { for (i = 2; i <= NF; i++) if (names_row[i] == "ListenOverflows") print $i } }' /proc/net/netstat
}
