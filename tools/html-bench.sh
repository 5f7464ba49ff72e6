#!/usr/bin/env bash
# The Access Record: HTML benchmark (docs/benchmark.md, "HTML care record benchmark"): writes one
# synthetic patient with a 3,000-item record into a fresh store, starts the provider on it, and
# drives $gpc.getcarerecord for each section in turn with closed-loop clients over HTTP, reporting
# the time to answer (build the section's HTML and its Bundle) at the median and 99th percentile.
# Run through ./gpconnect bench html [options].
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=provider.sh
. "$ROOT/tools/provider.sh"

DB=h2
ITEMS=3000
CLIENTS=8
WARMUP=15s
DURATION=20s
PORT=18101
SECTIONS="SUM ENC CLI PRB ALL MED REF OBS IMM ADM"
WORK="$ROOT/target/html-bench"
PG_URL="${GPC_BENCH_PG_URL:-jdbc:postgresql://127.0.0.1:5432/gpchtmlbench}"

usage() {
  cat <<USAGE
Usage: ./gpconnect bench html [options]
  --db h2|postgres   store to measure (default h2: a fresh data folder under $WORK)
  --pg-url URL       PostgreSQL database for --db postgres, dropped and created afresh (default \$GPC_BENCH_PG_URL or $PG_URL)
  --items N          resources in the synthetic patient's record (default $ITEMS)
  --clients N        concurrent clients (default $CLIENTS)
  --warmup D         unrecorded warm-up per section (default $WARMUP)
  --duration D       recorded period per section (default $DURATION)
  --sections "S..."  sections to measure (default "$SECTIONS")
  --port N           port the provider is started on (default $PORT)
USAGE
}

while [ $# -gt 0 ]; do
  case "$1" in
    --db) DB=$2; shift ;;
    --pg-url) PG_URL=$2; shift ;;
    --items) ITEMS=$2; shift ;;
    --clients) CLIENTS=$2; shift ;;
    --warmup) WARMUP=$2; shift ;;
    --duration) DURATION=$2; shift ;;
    --sections) SECTIONS=$2; shift ;;
    --port) PORT=$2; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
  shift
done

mkdir -p "$WORK"
if [ "$DB" = postgres ]; then
  # the generator adds to whatever is there: the database starts empty
  name="${PG_URL##*/}"; name="${name%%\?*}"
  psql -q -h 127.0.0.1 -U "${GPC_DB_USER:-postgres}" -d postgres -c "DROP DATABASE IF EXISTS \"$name\"" -c "CREATE DATABASE \"$name\""
fi
fresh_store "$DB" "$WORK" "$PG_URL"
PATIENT_LIST="$WORK/$DB-patients.csv"
echo "== generating one patient with $ITEMS items into $DB"
"$ROOT/gpconnect" generate "${STORE[@]}" --patients 1 --items "$ITEMS" --heavy 100 --heavy-items "$ITEMS" --seed 42 \
  --patient-list "$PATIENT_LIST" 2>/dev/null | grep '^Wrote' || true
NHS=$(awk -F, 'NR == 2 { print $2 }' "$PATIENT_LIST")

start_provider "$PORT" "$WORK/$DB-server.log" "${STORE[@]}"
BASE="http://127.0.0.1:$PORT/B82617/DSTU2/0/gpconnect"

for section in $SECTIONS; do
  echo "== $section of patient $NHS ($ITEMS items, $DB, $CLIENTS clients)"
  "$ROOT/gpconnect" bench run --base "$BASE" --scenario care-record --section "$section" --nhs-numbers "$NHS" \
    --clients "$CLIENTS" --warmup "$WARMUP" --duration "$DURATION" --count-resources \
    --json "$WORK/$DB-$section.json" | grep -v '^care-record:'
done
echo "results (JSON): $WORK/$DB-*.json; server log: $WORK/$DB-server.log"
