#!/usr/bin/env bash
# The Access Document benchmark (docs/benchmark.md, "Document benchmark"): adds a large generated
# PDF to patient 2 in a store of its own, starts the provider on it with GC logging, and has
# concurrent clients migrate that document at once (and retrieve a small one), each streaming the
# answer and checking its SHA-256. Reports MB/s and the provider's peak heap during the transfers
# (the largest heap occupancy its GC log shows). Run through ./gpconnect bench documents [options].
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=provider.sh
. "$ROOT/tools/provider.sh"

DB=h2
SIZE_MB=100
CLIENTS=4
ROUNDS=3
HEAP=""
PORT=18098
WORK="$ROOT/target/documents-bench"
PG_URL="${GPC_BENCH_PG_URL:-jdbc:postgresql://127.0.0.1:5432/gpcbench}"

usage() {
  cat <<USAGE
Usage: ./gpconnect bench documents [options]
  --db h2|postgres   store to measure (default h2: a data folder under $WORK)
  --pg-url URL       PostgreSQL database for --db postgres (default \$GPC_BENCH_PG_URL or $PG_URL)
  --size-mb N        size of the generated document (default $SIZE_MB)
  --clients N        clients fetching it at once (default $CLIENTS)
  --rounds N         transfers per client (default $ROUNDS)
  --heap SIZE        the provider's -Xmx, e.g. 128m (default: the JVM's own)
  --port N           port the provider is started on (default $PORT)
USAGE
}

while [ $# -gt 0 ]; do
  case "$1" in
    --db) DB=$2; shift ;;
    --pg-url) PG_URL=$2; shift ;;
    --size-mb) SIZE_MB=$2; shift ;;
    --clients) CLIENTS=$2; shift ;;
    --rounds) ROUNDS=$2; shift ;;
    --heap) HEAP=$2; shift ;;
    --port) PORT=$2; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
  shift
done

mkdir -p "$WORK"
DOC_ID="docref-bench-$SIZE_MB"
BINARY="doc-bench-$SIZE_MB"
fresh_store "$DB" "$WORK" "$PG_URL"

echo "== adding a generated $SIZE_MB MB PDF to patient 2 ($DB)"
ADDED=$("$ROOT/gpconnect" add-document "${STORE[@]}" --patient 2 --id "$DOC_ID" --generate-mb "$SIZE_MB" \
  --description "Scanned hospital notes (benchmark)" 2>/dev/null | grep '^Added')
echo "$ADDED"
SHA=$(echo "$ADDED" | sed -E 's/.*sha256 ([0-9a-f]{64}).*/\1/')
# and one under Retrieve a document's 5 MB limit
SMALL=$("$ROOT/gpconnect" add-document "${STORE[@]}" --patient 2 --id docref-bench-small --generate-mb 3 \
  --description "Scanned clinic letter (benchmark)" 2>/dev/null | grep '^Added')
echo "$SMALL"
SMALL_SHA=$(echo "$SMALL" | sed -E 's/.*sha256 ([0-9a-f]{64}).*/\1/')

GC_LOG="$WORK/$DB-gc.log"
LOG="$WORK/$DB-server.log"
rm -f "$GC_LOG"
GPC_JAVA_OPTS="${HEAP:+-Xmx$HEAP} -Xlog:gc:file=$GC_LOG" start_provider "$PORT" "$LOG" "${STORE[@]}"
BASE="http://127.0.0.1:$PORT/B82617/STU3/1/gpconnect/documents"

# the heap the provider holds when idle, and the most it held while the transfers ran
# (before a collection: live data and garbage not yet collected; after: what survived)
peak_since() {
  local lines; lines=$(tail -n +"$1" "$GC_LOG" | sed -nE 's/.* ([0-9]+)M->([0-9]+)M\(([0-9]+)M\).*/\1 \2 \3/p')
  echo "$(echo "$lines" | sort -n -k1 | tail -1 | cut -d' ' -f1) $(echo "$lines" | sort -n -k2 | tail -1 | cut -d' ' -f2) $(echo "$lines" | sort -n -k3 | tail -1 | cut -d' ' -f3)"
}

echo "== warm-up: one transfer"
"$ROOT/gpconnect" bench transfer --base "$BASE" --binary "$BINARY" --migrate --clients 1 --rounds 1 --sha256 "$SHA" | tail -1
read -r _ IDLE _ < <(peak_since 1)
echo "provider heap before the transfers: at most ${IDLE:-?} MB after a collection (start-up and warm-up)"
START=$(($(wc -l <"$GC_LOG") + 1))
echo "== Migrate a document: $CLIENTS clients x $ROUNDS rounds of the $SIZE_MB MB document"
"$ROOT/gpconnect" bench transfer --base "$BASE" --binary "$BINARY" --migrate --clients "$CLIENTS" --rounds "$ROUNDS" --sha256 "$SHA" --verbose
read -r PEAK LIVE COMMITTED < <(peak_since "$START")
echo "provider heap while the transfers ran: peak ${PEAK:-?} MB in use before a collection, at most ${LIVE:-?} MB after one, ${COMMITTED:-?} MB committed; -Xmx ${HEAP:-JVM default}"

START=$(($(wc -l <"$GC_LOG") + 1))
echo "== Retrieve a document: $CLIENTS clients x 50 rounds of a $(echo "$SMALL" | sed -E 's/.*: ([0-9]+) bytes.*/\1/') byte document"
"$ROOT/gpconnect" bench transfer --base "$BASE" --binary doc-bench-small --clients "$CLIENTS" --rounds 50 --sha256 "$SMALL_SHA"
read -r PEAK LIVE COMMITTED < <(peak_since "$START")
echo "provider heap while retrieving: peak ${PEAK:-?} MB before a collection, at most ${LIVE:-?} MB after one"
echo "GC log: $GC_LOG; server log: $LOG"
