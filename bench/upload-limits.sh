#!/usr/bin/env bash
# Issue 15, item 3, as a whole-process figure: 8 parallel 49 MB uploads to POST /api/predict of a real server.
# Prints the HTTP status of each upload, the server's peak RSS (VmHWM of /proc) and the latency of GET /health,
# polled every 0.1 s while the uploads run. Usage: bench/upload-limits.sh [SLOTS [QUEUE]] (default: the server's 2 and 2).
# Needs the built CLI (dotnet build src/Clientele.Cli -c Release), curl and python3. Writes only under a temp dir.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cli="$root/src/Clientele.Cli/bin/Release/net10.0/clientele"
work=$(mktemp -d /tmp/clientele-upload-bench.XXXXXX)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
"$cli" generate --clients 2000 --out "$work/small" --seed 3 --no-transactions >/dev/null
"$cli" generate --clients 144000 --out "$work/big" --seed 4 --no-transactions >/dev/null
"$cli" train --notes "$work/small/notes.csv" --out "$work/model" --quiet --no-store
port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
key=$(python3 -c 'import secrets;print(secrets.token_hex(16))')
[ -n "${1:-}" ] && export Clientele__MaxConcurrentUploads=$1
[ -n "${2:-}" ] && export Clientele__UploadQueue=$2
CLIENTELE_API_KEY=$key "$cli" serve --model "$work/model" --db "Data Source=$work/store.db" --urls "http://127.0.0.1:$port" \
  >"$work/server.log" 2>&1 &
server=$!
until curl -sf "http://127.0.0.1:$port/health" >/dev/null; do sleep 0.2; done
echo "upload: $(stat -c %s "$work/big/notes.csv") bytes; server pid $server; RSS before: $(awk '/VmRSS/{print $2" "$3}' /proc/$server/status)"
( while :; do curl -s -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$port/health" >>"$work/health.txt" || echo fail >>"$work/health.txt"; sleep 0.1; done ) &
poller=$!
start=$(date +%s.%N)
for i in 1 2 3 4 5 6 7 8; do
  curl -s -o /dev/null -w "upload $i: %{http_code} in %{time_total} s\n" -H "X-Api-Key: $key" -F "file=@$work/big/notes.csv;type=text/csv" \
    "http://127.0.0.1:$port/api/predict" &
done
wait $(jobs -p | grep -v "^$poller$" | grep -v "^$server$") 2>/dev/null || true
end=$(date +%s.%N)
kill "$poller"
echo "wall: $(python3 -c "print(round($end-$start,1))") s"
echo "peak server RSS (VmHWM): $(awk '/VmHWM/{printf "%.0f MiB\n", $2/1024}' /proc/$server/status)"
python3 - "$work/health.txt" <<'PY'
import sys, statistics
vals = [l.strip() for l in open(sys.argv[1]) if l.strip()]
ok = sorted(float(v) * 1000 for v in vals if v != "fail")
fails = sum(v == "fail" for v in vals)
print(f"/health: {len(ok)} answers, {fails} failures; median {statistics.median(ok):.1f} ms, p99 {ok[int(len(ok)*0.99)-1]:.1f} ms, max {ok[-1]:.1f} ms")
PY
