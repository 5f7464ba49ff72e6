# Sourced by the benchmark scripts. start_provider starts ./gpconnect serve in the background, stops it when the
# script exits, and waits until it answers its health check.
# start_provider PORT LOG [serve options...]   (GPC_JAVA_OPTS, if set, reaches the JVM)
start_provider() {
  local port=$1 log=$2; shift 2
  "$ROOT/gpconnect" serve --port "$port" "$@" >"$log" 2>&1 &
  SERVER=$!
  trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true' EXIT
  for _ in $(seq 1 120); do
    if curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "$SERVER" 2>/dev/null; then echo "the provider did not start; see $log" >&2; exit 1; fi
    sleep 0.5
  done
  echo "the provider did not answer within 60 s; see $log" >&2
  exit 1
}

# fresh_store DB WORK PG_URL: sets STORE to the serve/generate options of a fresh H2 store under WORK,
# or of the PostgreSQL database at PG_URL (user GPC_DB_USER, default postgres).
fresh_store() {
  case "$1" in
    h2) rm -rf "$2/h2"; STORE=(--data-dir "$2/h2") ;;
    postgres) export GPC_DB_USER="${GPC_DB_USER:-postgres}"; STORE=(--db-url "$3") ;;
    *) echo "--db is h2 or postgres" >&2; exit 2 ;;
  esac
}
