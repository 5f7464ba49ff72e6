#!/usr/bin/env bash
# The Access Record: Structured benchmark (docs/benchmark.md, "Structured record benchmark"):
# writes synthetic patients into a store of its own, starts the provider on it, and drives
# $gpc.getstructuredrecord (every clinical area) with closed-loop clients over HTTP for three
# patient mixes: patient 2 of the test pack, the heavy synthetic patients, and every synthetic
# patient in a shuffled order. Run through ./gpconnect bench structured [options].
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=provider.sh
. "$ROOT/tools/provider.sh"

DB=h2
PATIENTS=1000
ITEMS=300
HEAVY=1
HEAVY_ITEMS=3000
CLIENTS=8
WARMUP=15s
DURATION=30s
PORT=18097
WORK="$ROOT/target/structured-bench"
PG_URL="${GPC_BENCH_PG_URL:-jdbc:postgresql://127.0.0.1:5432/gpcbench}"
REUSE=false
ONLY=""

usage() {
  cat <<EOF
Usage: ./gpconnect bench structured [options]
  --db h2|postgres      store to measure (default h2: a data folder under $WORK)
  --pg-url URL          PostgreSQL database for --db postgres, empty or written by an earlier run
                        (default \$GPC_BENCH_PG_URL or $PG_URL; user \$GPC_DB_USER, default postgres)
  --patients N          synthetic patients (default $PATIENTS)
  --items N             average resources per ordinary patient (default $ITEMS)
  --heavy P             percentage of heavy patients (default $HEAVY)
  --heavy-items N       resources per heavy patient (default $HEAVY_ITEMS)
  --clients N           concurrent clients (default $CLIENTS)
  --warmup D            unrecorded warm-up per mix (default $WARMUP)
  --duration D          recorded period per mix (default $DURATION)
  --port N              port the provider is started on (default $PORT)
  --reuse               keep the store of an earlier run with the same settings (skip generating)
  --only MIX            run one mix: patient2 | heavy | random
EOF
}

while [ $# -gt 0 ]; do
  case "$1" in
    --db) DB=$2; shift ;;
    --pg-url) PG_URL=$2; shift ;;
    --patients) PATIENTS=$2; shift ;;
    --items) ITEMS=$2; shift ;;
    --heavy) HEAVY=$2; shift ;;
    --heavy-items) HEAVY_ITEMS=$2; shift ;;
    --clients) CLIENTS=$2; shift ;;
    --warmup) WARMUP=$2; shift ;;
    --duration) DURATION=$2; shift ;;
    --port) PORT=$2; shift ;;
    --reuse) REUSE=true ;;
    --only) ONLY=$2; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
  shift
done

SETTINGS="$DB-p$PATIENTS-i$ITEMS-h$HEAVY-hi$HEAVY_ITEMS"
mkdir -p "$WORK"
PATIENT_LIST="$WORK/$SETTINGS-patients.csv"
case "$DB" in
  h2)
    DATA_DIR="$WORK/$SETTINGS"
    STORE=(--data-dir "$DATA_DIR")
    if [ "$REUSE" != true ] || [ ! -f "$PATIENT_LIST" ]; then rm -rf "$DATA_DIR"; fi
    ;;
  postgres)
    export GPC_DB_USER="${GPC_DB_USER:-postgres}"
    STORE=(--db-url "$PG_URL")
    ;;
  *) echo "--db is h2 or postgres" >&2; exit 2 ;;
esac

if [ "$REUSE" != true ] || [ ! -f "$PATIENT_LIST" ]; then
  echo "== generating $PATIENTS patients ($ITEMS items on average, $HEAVY% with $HEAVY_ITEMS+) into $DB"
  "$ROOT/gpconnect" generate "${STORE[@]}" --patients "$PATIENTS" --items "$ITEMS" --heavy "$HEAVY" \
    --heavy-items "$HEAVY_ITEMS" --seed 42 --patient-list "$PATIENT_LIST" 2>/dev/null | grep '^Wrote' || true
fi

LOG="$WORK/$SETTINGS-server.log"
start_provider "$PORT" "$LOG" "${STORE[@]}"

BASE="http://127.0.0.1:$PORT/B82617/STU3/1/gpconnect/structured"
HEAVY_NHS=$(awk -F, 'NR > 1 && $4 == "true" { printf "%s%s", sep, $2; sep = "," }' "$PATIENT_LIST")
# every synthetic patient once, in an order fixed by the seed, so each run asks for the same sequence
ALL_NHS=$(awk -F, 'NR > 1 { print $2 }' "$PATIENT_LIST" | shuf --random-source=<(yes 42) | paste -sd, -)

run() {
  local mix=$1 numbers=$2
  if [ -n "$ONLY" ] && [ "$ONLY" != "$mix" ]; then return; fi
  if [ -z "$numbers" ]; then echo "== $mix: no such patients in this data set"; return; fi
  echo "== $mix ($DB, $CLIENTS clients)"
  "$ROOT/gpconnect" bench run --base "$BASE" --scenario structured-record --nhs-numbers "$numbers" \
    --clients "$CLIENTS" --warmup "$WARMUP" --duration "$DURATION" --count-resources \
    --json "$WORK/$SETTINGS-$mix.json" | grep -v '^structured-record:'
}

# the JIT compiles the server's hot path during this first pass over every kind of patient
echo "== warming the server up ($WARMUP over all patients, not recorded)"
"$ROOT/gpconnect" bench run --base "$BASE" --scenario structured-record --nhs-numbers "9690937286,$ALL_NHS" \
  --clients "$CLIENTS" --warmup 0s --duration "$WARMUP" >/dev/null

run patient2 9690937286
run heavy "$HEAVY_NHS"
run random "$ALL_NHS"
echo "results (JSON): $WORK/$SETTINGS-*.json; server log: $LOG"
