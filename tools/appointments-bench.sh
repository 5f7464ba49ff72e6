#!/usr/bin/env bash
# The Appointment Management benchmark (docs/appointments.md, "Measured"): starts the provider on a
# store of its own (the default data set: 30 rolling slots bookable by B82617 over the next two
# weeks), then drives, with closed-loop clients over HTTP, (1) Search for free slots over 14 days and
# (2) book-then-cancel cycles, each client on slots of its own. Run through ./gpconnect bench appointments.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=provider.sh
. "$ROOT/tools/provider.sh"

DB=h2
CLIENTS=8
WARMUP=60s
DURATION=30s
PORT=18099
WORK="$ROOT/target/appointments-bench"
PG_URL="${GPC_BENCH_PG_URL:-jdbc:postgresql://127.0.0.1:5432/gpcbench}"

usage() {
  cat <<USAGE
Usage: ./gpconnect bench appointments [options]
  --db h2|postgres   store to measure (default h2: a fresh data folder under $WORK)
  --pg-url URL       PostgreSQL database for --db postgres (default \$GPC_BENCH_PG_URL or $PG_URL)
  --clients N        concurrent clients (default $CLIENTS)
  --warmup D         unrecorded warm-up per part (default $WARMUP: the JIT compiles the write path for about a minute)
  --duration D       recorded period per part (default $DURATION)
  --port N           port the provider is started on (default $PORT)
USAGE
}

while [ $# -gt 0 ]; do
  case "$1" in
    --db) DB=$2; shift ;;
    --pg-url) PG_URL=$2; shift ;;
    --clients) CLIENTS=$2; shift ;;
    --warmup) WARMUP=$2; shift ;;
    --duration) DURATION=$2; shift ;;
    --port) PORT=$2; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
  shift
done

mkdir -p "$WORK"
fresh_store "$DB" "$WORK" "$PG_URL"

start_provider "$PORT" "$WORK/$DB-server.log" "${STORE[@]}"
BASE="http://127.0.0.1:$PORT/B82617/STU3/1/gpconnect"

echo "== Search for free slots: 14 days, searchFilter B82617, every include ($DB, $CLIENTS clients)"
"$ROOT/gpconnect" bench run --base "$BASE" --scenario slot-search --clients "$CLIENTS" --warmup "$WARMUP" \
  --duration "$DURATION" --json "$WORK/$DB-slot-search.json" | grep -v '^slot-search:'
echo "== Book then cancel ($DB, $CLIENTS clients)"
"$ROOT/gpconnect" bench book-cancel --base "$BASE" --clients "$CLIENTS" --warmup "$WARMUP" --duration "$DURATION"
echo "server log: $WORK/$DB-server.log"
