#!/usr/bin/env bash
# Reproduces the table in docs/performance.md: engine, lint, TCP against redis-server's inline PING (same client),
# and memory per idle session at 10,000 connections. Needs redis-server and hyperfine (installed with apt if missing).
#   scripts/bench.sh [SECONDS_PER_RUN]
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-10}
for tool in redis-server hyperfine; do
  command -v "$tool" >/dev/null || (apt-get install -y redis-server hyperfine || (apt-get update && apt-get install -y redis-server hyperfine)) >/dev/null
done
ulimit -n "$(ulimit -Hn)"

swift build -c release --product triage --scratch-path .build-release 2>&1 | tail -1
triage=$(swift build -c release --scratch-path .build-release --show-bin-path)/triage
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

echo "== machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -r), $(date -u +%F)"

echo "== engine (one core)"
taskset -c 0 "$triage" bench --seconds "$secs" --json | tee "$work/engine.json"
echo "== engine allocations per turn (malloc counted by scripts/malloc-counter.c)"
cc -O2 -shared -fPIC -o "$work/malloc-counter.so" scripts/malloc-counter.c
LD_PRELOAD="$work/malloc-counter.so" "$triage" bench --seconds 2 --sizes 10 | grep -E "engine|allocations"

echo "== triage lint Dialogs/back-strain.yaml (process start included), as installed: Swift runtime linked in (README)"
swift build -c release --static-swift-stdlib --product triage --scratch-path .build-static 2>&1 | tail -1
hyperfine -N --warmup 5 --runs 100 --export-json "$work/lint.json" ".build-static/release/triage lint Dialogs/back-strain.yaml" | grep -E "Time|Range"
python3 -c 'import json,statistics,sys; t=json.load(open(sys.argv[1]))["results"][0]["times"]; print("  median %.1f ms" % (statistics.median(t)*1000))' "$work/lint.json"
echo "== starting the process alone (triage --version), same build"
hyperfine -N --warmup 5 --runs 50 ".build-static/release/triage --version" | grep -E "Time|Range"
echo "== the same lint, Swift runtime as shared libraries (swift build -c release)"
hyperfine -N --warmup 5 --runs 50 "$triage lint Dialogs/back-strain.yaml" | grep -E "Time|Range"

echo "== servers"
"$triage" serve --port 0 --max-sessions 20000 --idle-timeout 0 --log-level error --bookings "$work/b.sqlite" > "$work/serve.out" &
serve_pid=$!
redis-server --port 16379 --save "" --appendonly no --daemonize no --maxclients 20000 > "$work/redis.out" &
redis_pid=$!
for _ in $(seq 50); do grep -q "serving" "$work/serve.out" 2>/dev/null && break; sleep 0.2; done
port=$(grep -o '127.0.0.1:[0-9]*' "$work/serve.out" | cut -d: -f2)
sleep 1
# Each server must be the one this script started (a redis-server left on port 16379 would answer instead).
for pid in "$serve_pid" "$redis_pid"; do
  kill -0 "$pid" 2>/dev/null || { echo "a server did not start:"; cat "$work/serve.out" "$work/redis.out"; exit 1; }
done

# CPU a server used during one run (utime + stime from /proc, in clock ticks), printed per turn of that run; the
# client reports its own CPU per turn (client_cpu_us_per_turn). Both share the two cores.
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
server_cpu() {  # PID TICKS_BEFORE RESULTS.json
  python3 -c 'import json,os,sys; t=json.load(open(sys.argv[3]))["turns"]; used=(int(sys.argv[2])-int(sys.argv[1]))/os.sysconf("SC_CLK_TCK"); print("  server CPU: %.1f us per turn" % (used*1e6/max(t,1)))' "$2" "$(ticks "$1")" "$3"
}
for n in 50 1000; do
  echo "== $n sessions: triage dialogs"
  before=$(ticks "$serve_pid")
  "$triage" load "127.0.0.1:$port" --sessions "$n" --duration "$secs" --json | tee "$work/triage-$n.json"
  server_cpu "$serve_pid" "$before" "$work/triage-$n.json"
  echo "== $n sessions: redis-server inline PING (same client)"
  before=$(ticks "$redis_pid")
  "$triage" load "127.0.0.1:16379" --raw PING --sessions "$n" --duration "$secs" --json | tee "$work/redis-$n.json"
  server_cpu "$redis_pid" "$before" "$work/redis-$n.json"
done

echo "== 10,000 idle sessions"
rss() { awk '/VmRSS/ {print $2}' "/proc/$serve_pid/status"; }
before=$(rss)
"$triage" load "127.0.0.1:$port" --idle --sessions 10000 --duration $((secs + 20)) --json > "$work/idle.json" &
load_pid=$!
sleep $((secs + 10))
during=$(rss)
wait $load_pid || true
cat "$work/idle.json"
echo "server RSS: ${before} KiB idle, ${during} KiB with 10,000 sessions: $(( (during - before) * 1024 / 10000 )) bytes per session"
