#!/usr/bin/env bash
# The WeChat callback path under load, side by side: ChatPost (published, a real process on a private redis-server),
# the peer (node-webot's wechat middleware on Express 4) and the ceiling (bare Kestrel answering 200), one after the
# other, with the same pre-generated safe-mode pushes and the same wrk settings; --runs times, medians reported.
# README.md beside this file explains what is measured and how to read it.
#
#   bench/Callback/run.sh                 # 3 runs of chatpost, peer, ceiling, then the micro-benchmarks; summary on stdout
#   bench/Callback/run.sh --micro         # only the BenchmarkDotNet micro-benchmarks
#   bench/Callback/run.sh --no-micro      # only the load comparison (also when --targets names a subset)
#   bench/Callback/run.sh --targets "chatpost robot"   # the Official Account beside the WeCom 智能机器人, alternating
#   options: --runs N  --duration 30s  --warmup 15s  --connections 32  --threads 1  --requests 700000
#            --mix campaign|uniform (who sends: a campaign's Yule–Simon stream, --new-share 0.6 of pushes from a new user;
#            or the earlier shape, --users 50000 OpenIDs drawn uniformly)  --new-share 0.6  --users 50000
#            --targets "chatpost peer ceiling robot"  --mode safe|plaintext  --text '{0}到哪了' ({0}: a tracking number)
#            (robot: the same service and question as chatpost, asked by 智能机器人 callbacks to /wechat/work/robot)
#            --expect '邮件 EA' (how ChatPost's sampled answers must start)
#            --storage redis|memory (memory: ChatPost's embedded in-memory twins, no Redis)  --profile (perf, ChatPost only)
#            --r2r (ChatPost published ReadyToRun: precompiled, less JIT at start, more RSS; see BENCHMARKS.md)
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)

RUNS=3 DURATION=30s WARMUP=15s CONNECTIONS=32 THREADS=1 REQUESTS=700000 MIX=campaign NEW_SHARE=0.6 USERS=50000 SHIPMENTS=2000
R2R=0 TARGETS="chatpost peer ceiling" MODE=safe TEXT='{0}到哪了' STORAGE=redis MICRO=after PROFILE=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) RUNS=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --threads) THREADS=$2; shift 2 ;;
    --requests) REQUESTS=$2; shift 2 ;;
    --mix) MIX=$2; shift 2 ;;
    --new-share) NEW_SHARE=$2; shift 2 ;;
    --users) USERS=$2; MIX=uniform; shift 2 ;;
    --targets) TARGETS=$2; [[ $MICRO == only ]] || MICRO=no; shift 2 ;;
    --mode) MODE=$2; shift 2 ;;
    --text) TEXT=$2; shift 2 ;;
    --storage) STORAGE=$2; shift 2 ;;
    --expect) EXPECT=$2; shift 2 ;;
    --micro) MICRO=only; shift ;;
    --no-micro) MICRO=no; shift ;;
    --profile) PROFILE=1; shift ;;
    --r2r) R2R=1; shift ;;
    *) echo "unknown option $1 (see the top of $0)" >&2; exit 2 ;;
  esac
done

MICRO_PROJECT="$HERE/Micro"
if [[ $MICRO == only ]]; then
  exec dotnet run -c Release --project "$MICRO_PROJECT" -- --filter '*'
fi

# The test Official Account in safe mode, the same for ChatPost and the peer. Public test values, not secrets.
APP_ID=wxc4a11b0bench0001
TOKEN=chatpostbench2026
AES_KEY=ChatPostBenchCallbackKey0123456789abcdefghi
INGEST_KEY=bench-ingest-key-0123456789

apt_updated=0
need() { # need COMMAND DEBIAN-PACKAGE
  command -v "$1" >/dev/null 2>&1 && return
  if [[ $apt_updated == 0 ]]; then apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
}
need wrk wrk; need redis-server redis-server; need redis-cli redis-tools; need node nodejs; need npm npm
need curl curl; need jq jq

WORK=$(mktemp -d /tmp/chatpost-callback.XXXXXX)
OUT="$HERE/.cache/results/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT/replies"
STARTED=() PROFILED=()
cleanup() {
  for pid in "${STARTED[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${STARTED[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
wait_http() { # wait_http URL PID
  for _ in $(seq 1 300); do
    curl -sf -o /dev/null "$1" && return 0
    kill -0 "$2" 2>/dev/null || { log "process $2 died before answering $1"; return 1; }
    sleep 0.1
  done
  log "no answer from $1 after 30 s"; return 1
}
stop() { # stop PID: SIGTERM, then wait
  kill "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# rss_timeline PID FILE: every 100 ms, seconds since start, resident set (MB), threads and the phase named in
# $WORK/phase, until the process ends; so a peak can be placed (start, ingestion, warm-up, measured window).
rss_timeline() {
  local start; start=$(date +%s.%N)
  while kill -0 "$1" 2>/dev/null; do
    awk -v t="$(date +%s.%N)" -v s="$start" -v phase="$(cat "$WORK/phase" 2>/dev/null)" \
      '/^VmRSS/ {rss = $2} /^Threads/ {threads = $2} END {printf "%.1f\t%.1f\t%d\t%s\n", t - s, rss / 1024, threads, phase}' \
      "/proc/$1/status" 2>/dev/null || true
    sleep 0.1
  done >"$2"
}
phase() { echo "$1" >"$WORK/phase"; }
peak_rss_mb() { awk '/VmHWM/ {printf "%.1f", $2 / 1024}' "/proc/$1/status"; }

# ---- build, generate, install -------------------------------------------------------------------------------------
log "publishing ChatPost and the ceiling (Release), building the generator"
# As deploy/Dockerfile publishes it (plain IL); --r2r: ReadyToRun, which BENCHMARKS.md weighs.
BOT_PUBLISH=()
[[ $R2R == 0 ]] || BOT_PUBLISH=(-r linux-x64 --self-contained false -p:PublishReadyToRun=true)
dotnet publish "$ROOT/Bot" -c Release "${BOT_PUBLISH[@]}" -o "$WORK/bot" -v q -nologo >"$OUT/publish.log"
dotnet publish "$HERE/Ceiling" -c Release -o "$WORK/ceiling" -v q -nologo >>"$OUT/publish.log"
dotnet build "$HERE/Generator" -c Release -o "$WORK/generator" -v q -nologo >>"$OUT/publish.log"
GEN=(dotnet "$WORK/generator/ChatPost.Bench.Callback.Generator.dll")
ACCOUNT=(--app-id "$APP_ID" --token "$TOKEN" --aes-key "$AES_KEY" --mode "$MODE")

WHO=(--mix "$MIX" --new-share "$NEW_SHARE" --users "$USERS")
log "generating $REQUESTS $MODE pushes (${WHO[*]}, $SHIPMENTS shipments) and the ingestion batch"
"${GEN[@]}" prepare --out "$WORK/data" "${ACCOUNT[@]}" --requests "$REQUESTS" "${WHO[@]}" \
  --shipments "$SHIPMENTS" --text "$TEXT" >&2
cp "$WORK/data/mix.json" "$OUT/mix.json"
if [[ " $TARGETS " == *" robot "* ]]; then
  log "generating $REQUESTS 智能机器人 callbacks asking the same"
  "${GEN[@]}" prepare --out "$WORK/data-robot" --app-id "$APP_ID" --token "$TOKEN" --aes-key "$AES_KEY" --mode robot \
    --requests "$REQUESTS" "${WHO[@]}" --shipments "$SHIPMENTS" --text "$TEXT" >&2
fi
# Nothing of the build or the generation may run into the first measurement: the compiler servers stay up for
# minutes, and the kernel writes the pushes' ~0.5 GB back to disk within ~30 s.
dotnet build-server shutdown >/dev/null 2>&1 || true
sync

if [[ " $TARGETS " == *" peer "* ]]; then
  mkdir -p "$HERE/.peer"
  cp "$HERE/peer/server.js" "$HERE/.peer/"
  if ! cmp -s "$HERE/peer/package-lock.json" "$HERE/.peer/package-lock.json" || [[ ! -d "$HERE/.peer/node_modules" ]]; then
    log "installing the peer's pinned packages into .peer/"
    cp "$HERE/peer/package.json" "$HERE/peer/package-lock.json" "$HERE/.peer/"
    (cd "$HERE/.peer" && npm ci --no-audit --no-fund --loglevel=error >&2)
  fi
fi

# ---- one measured target --------------------------------------------------------------------------------------------
# measure NAME RUN PORT PID: warm up, then the measured wrk run; writes $OUT/NAME-RUN.json
measure() {
  local name=$1 run=$2 port=$3 pid=$4 url="http://127.0.0.1:$3"
  local wrk=(wrk -t"$THREADS" -c"$CONNECTIONS" --timeout 10s -s "$HERE/requests.lua")
  local data="$WORK/data" check=("${ACCOUNT[@]}")
  if [[ $name == robot ]]; then data="$WORK/data-robot" check=(--app-id "$APP_ID" --token "$TOKEN" --aes-key "$AES_KEY" --mode robot); fi
  log "$name run $run: warm-up $WARMUP"
  phase warm-up
  if [[ $name =~ ^(chatpost|robot)$ ]]; then curl -sf "$url/metrics" >"$OUT/$name-$run-metrics-start.txt" || true; fi
  "${wrk[@]}" -d"$WARMUP" "$url" -- "$data/warmup.txt" >"$OUT/$name-$run-warmup.txt"
  local cpu0 redis0=0 perf_pid=""
  cpu0=$(cpu_ticks "$pid")
  [[ -n ${REDIS_PID:-} ]] && redis0=$(cpu_ticks "$REDIS_PID")
  if [[ $name =~ ^(chatpost|robot)$ && -n ${REDIS_PORT:-} ]]; then redis-cli -p "$REDIS_PORT" config resetstat >/dev/null; fi
  if [[ $name =~ ^(chatpost|robot)$ ]]; then curl -sf "$url/metrics" >"$OUT/$name-$run-metrics-before.txt" || true; fi
  if [[ $PROFILE == 1 && $name == chatpost ]]; then
    perf record -F 999 -g -p "$pid" -o "$OUT/perf-$run.data" -- sleep "${DURATION%s}" 2>"$OUT/perf-$run.log" & perf_pid=$!
  fi
  log "$name run $run: measuring $DURATION"
  phase measured
  local busy0 wrk_cpu
  busy0=$(awk '/^cpu / {print $2 + $3 + $4 + $7 + $8, $2 + $3 + $4 + $5 + $6 + $7 + $8}' /proc/stat)
  # bash's time keyword gives wrk's own CPU (user + system seconds): the load generator shares the two cores.
  wrk_cpu=$( { TIMEFORMAT='%U %S'; time "${wrk[@]}" -d"$DURATION" --latency "$url" -- "$data/requests.txt" >"$OUT/$name-$run-wrk.txt"; } 2>&1 | awk '{print ($1 + $2) * 1000}')
  local machine_busy
  machine_busy=$(awk -v b0="$busy0" '/^cpu / {split(b0, a, " "); busy = $2 + $3 + $4 + $7 + $8; all = busy + $5 + $6; printf "%.1f", (busy - a[1]) * 100 / (all - a[2])}' /proc/stat)
  [[ -n $perf_pid ]] && wait "$perf_pid"
  local cpu1 redis1=0 result
  cpu1=$(cpu_ticks "$pid")
  [[ -n ${REDIS_PID:-} ]] && redis1=$(cpu_ticks "$REDIS_PID")
  result=$(sed -n 's/^RESULT //p' "$OUT/$name-$run-wrk.txt")
  [[ -n $result ]] || { log "wrk gave no result for $name run $run"; cat "$OUT/$name-$run-wrk.txt" >&2; exit 1; }
  local hz; hz=$(getconf CLK_TCK)
  local extra="{}"
  if [[ $name =~ ^(chatpost|robot)$ && -n $REDIS_PORT ]]; then
    extra=$(redis-cli -p "$REDIS_PORT" info commandstats | tr -d '\r' | awk -F'[:=,]' '/^cmdstat_/ {sub("cmdstat_","",$1); s = s sep "\"" $1 "\":" $3; u = u sep "\"" $1 "\":" $5; sep=","} END {print "{\"redis_calls\":{" s "},\"redis_usec\":{" u "}}"}')
    # What the run left in Redis: mostly the reply cache (every answer kept 10 minutes for WeChat's retries).
    extra=$(jq -c --argjson keys "$(redis-cli -p "$REDIS_PORT" dbsize | tr -d '\r')" \
      --argjson used "$(redis-cli -p "$REDIS_PORT" info memory | tr -d '\r' | awk -F: '/^used_memory:/ {print $2}')" \
      '. + {redis_keys: $keys, redis_used_mb: ($used / 1048576 | . * 10 | round / 10)}' <<<"$extra")
  fi
  if [[ $name =~ ^(chatpost|robot)$ ]]; then
    curl -sf "$url/metrics" >"$OUT/$name-$run-metrics.txt" || true
    # The warm-up is the first seconds of traffic after start: its rate and the JIT it needed.
    extra=$(jq -c --argjson runtime "$(runtime_deltas "$OUT/$name-$run-metrics-before.txt" "$OUT/$name-$run-metrics.txt")" \
      --argjson warmup "$(runtime_deltas "$OUT/$name-$run-metrics-start.txt" "$OUT/$name-$run-metrics-before.txt")" \
      --argjson warmup_rps "$(sed -n 's/^RESULT //p' "$OUT/$name-$run-warmup.txt" | jq .rps)" \
      '. + {runtime: $runtime, warmup: ($warmup + {rps: $warmup_rps})}' <<<"$extra")
  fi
  phase samples
  # A sample of answers, checked like WeChat opens them: signed, encrypted, a text that answers the question.
  local expect=${EXPECT:-邮件 EA} files=()
  [[ $name == peer ]] && expect="邮件查询"
  if [[ $name != ceiling ]]; then
    local i=0
    while IFS=$'\t' read -r path body; do
      i=$((i + 1))
      curl -sf -H 'Content-Type: text/xml' --data-binary "$body" -o "$OUT/replies/$name-$run-$i.xml" "$url$path" || true
      files+=("$OUT/replies/$name-$run-$i.xml")
    done <"$data/samples.txt"
    local checked=0
    "${GEN[@]}" check "${check[@]}" --expect "$expect" "${files[@]}" >"$OUT/$name-$run-check.txt" 2>&1 || checked=$?
    extra=$(jq -c --argjson ok "$([[ $checked == 0 ]] && echo true || echo false)" \
      --arg sample "$(tail -n1 "$OUT/$name-$run-check.txt")" '. + {sample_ok: $ok, sample: $sample}' <<<"$extra")
  fi
  # The share of first contacts among the pushes this run sent (wrk sends the file's lines in order).
  extra=$(jq -c --slurpfile mix "$data/mix.json" --argjson sent "$(jq .requests <<<"$result")" '
    $mix[0] as $m | ([($sent / $m.stride | floor), ($m.first_contacts | length)] | min) as $n
    | . + {first_contact_share: (if $n > 0 then $m.first_contacts[$n - 1] / ($n * $m.stride) else null end)}' <<<"$extra")
  jq -c --arg name "$name" --argjson run "$run" --argjson rss "$(peak_rss_mb "$pid")" \
    --argjson cpu "$(( (cpu1 - cpu0) * 1000 / hz ))" --argjson rcpu "$(( (redis1 - redis0) * 1000 / hz ))" \
    --argjson extra "$extra" \
    --argjson wrk_cpu "$wrk_cpu" --argjson busy "$machine_busy" --argjson start_rss "${START_RSS:-null}" \
    '. + {target: $name, run: $run, peak_rss_mb: $rss, cpu_ms: $cpu, redis_cpu_ms: $rcpu, wrk_cpu_ms: $wrk_cpu, machine_busy_pct: $busy, rss_after_start_mb: $start_rss} + $extra' <<<"$result" \
    >"$OUT/$name-$run.json"
  log "$name run $run: $(jq -r '"\(.rps|floor) req/s, p50 \(.p50_ms) ms, p99 \(.p99_ms) ms, non-2xx \(.non2xx), errors \(.connect_errors + .read_errors + .write_errors + .timeouts), peak RSS \(.peak_rss_mb) MB, wraps \(.wraps)"' "$OUT/$name-$run.json")"
  if [[ $name =~ ^(chatpost|robot)$ && $(jq .wraps "$OUT/$name-$run.json") != 0 ]]; then
    log "ChatPost got repeated MsgIds (the file ran out): rerun with a larger --requests"; exit 1
  fi
}

# The .NET runtime's own counters (System.Runtime meter, exported on /metrics) over the measured window, summed
# over their labels: allocations, collections, GC pauses, thread-pool work items, lock contentions, exceptions, JIT.
runtime_deltas() { # runtime_deltas BEFORE AFTER -> JSON object
  awk '
    /^dotnet_(gc_heap_total_allocated_bytes_total|gc_collections_total|gc_pause_time_seconds_total|thread_pool_work_item_count_total|monitor_lock_contentions_total|exceptions_total|jit_compilation_time_seconds_total|jit_compiled_methods_total)[{ ]/ {
      name = $1; sub(/\{.*/, "", name); label = ""
      if ($1 ~ /gc_heap_generation="gen[0-9]"/) { match($1, /gen[0-9]/); label = "_" substr($1, RSTART, RLENGTH) }
      if (FILENAME == ARGV[1]) before[name label] += $NF; else after[name label] += $NF
    }
    END { printf "{"; sep = ""; for (k in after) { printf "%s\"%s\":%.6f", sep, k, after[k] - before[k]; sep = "," } print "}" }
  ' "$1" "$2"
}

# ---- the three targets ----------------------------------------------------------------------------------------------
run_chatpost() {
  local run=$1 name=${2:-chatpost} port
  REDIS_PORT="" REDIS_PID=""
  if [[ $STORAGE == redis ]]; then
    REDIS_PORT=$(free_port)
    mkdir -p "$WORK/redis-$run"
    redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --dir "$WORK/redis-$run" --save '' --appendonly no \
      >"$OUT/redis-$run.log" 2>&1 &
    REDIS_PID=$!; STARTED+=("$REDIS_PID")
  fi
  port=$(free_port)
  (
    cd "$WORK/bot"
    export ASPNETCORE_URLS="http://127.0.0.1:$port" ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning
    # As deploy/ runs it (Dockerfile, systemd unit): glibc keeps at most two malloc arenas. The start-up warm-up's JIT runs
    # on several threads at once, and their arenas alone kept ~12 MB more at the peak (BENCHMARKS.md).
    export MALLOC_ARENA_MAX=2
    [[ -n $REDIS_PORT ]] && export Redis__Configuration="127.0.0.1:$REDIS_PORT"
    export Ingest__ApiKey="$INGEST_KEY"
    export WeChat__OfficialAccount__AppId="$APP_ID" WeChat__OfficialAccount__Token="$TOKEN"
    export WeChat__OfficialAccount__EncodingAESKey="$AES_KEY" WeChat__MaxTimestampSkewSeconds=0
    export Announcements__DailyProgress__Charts=false
    # The 智能机器人 on the same token and key (robot target); configured in both targets, so the processes match.
    export WeCom__Robot__Token="$TOKEN" WeCom__Robot__EncodingAESKey="$AES_KEY" WeCom__Robot__BotId=aibChatPostBench01 WeCom__Robot__Name=邮政助手
    # perf names JIT-compiled frames from /tmp/perf-PID.map, which it cannot use while code is double-mapped (W^X).
    [[ $PROFILE == 1 ]] && export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0
    # Runtime knobs under trial (BENCHMARKS.md weighs them), e.g. CHATPOST_ENV="DOTNET_TieredPGO=0".
    [[ -n ${CHATPOST_ENV:-} ]] && export ${CHATPOST_ENV?}
    exec dotnet ChatPost.Bot.dll
  ) >"$OUT/$name-$run.log" 2>&1 &
  local pid=$!; STARTED+=("$pid")
  phase start
  rss_timeline "$pid" "$OUT/$name-$run-rss.tsv" &
  wait_http "http://127.0.0.1:$port/readyz" "$pid"
  START_RSS=$(awk '/VmRSS/ {printf "%.1f", $2 / 1024}' "/proc/$pid/status")
  phase ingestion
  curl -sf -H "Authorization: Bearer $INGEST_KEY" -H 'Content-Type: application/json' \
    --data-binary "@$WORK/data/shipments.json" "http://127.0.0.1:$port/api/ingest/shipments" >"$OUT/$name-$run-ingest.json"
  log "$name run $run: ingested $(jq -c '{accepted, duplicates, rejected: (.rejected | length)}' "$OUT/$name-$run-ingest.json")"
  measure "$name" "$run" "$port" "$pid"
  [[ $PROFILE == 1 ]] && PROFILED+=("$pid")
  if [[ $run == 1 && $name == chatpost && -n $REDIS_PORT ]]; then redis_round_trips "$port"; fi
  stop "$pid"
  if [[ -n $REDIS_PID ]]; then stop "$REDIS_PID"; fi
  REDIS_PID=""
}

# Every Redis command that one tracking question sends, with MONITOR on an otherwise idle service: the probes are a
# first contact (a user never seen) and a returning user's message (the warm-up's first user). Commands run inside Lua
# scripts are listed apart: they cost no round trip.
redis_round_trips() {
  local port=$1 line path body kind
  for kind in first-contact returning; do
    if [[ $kind == first-contact ]]; then line=$(sed -n 1p "$WORK/data/probe.txt"); else line=$(sed -n 2p "$WORK/data/probe.txt"); fi
    path=${line%%$'\t'*}; body=${line#*$'\t'}
    timeout 5 redis-cli -p "$REDIS_PORT" monitor >"$OUT/monitor-$kind-raw.txt" & local monitor=$!
    sleep 0.5
    curl -sf -o /dev/null -H 'Content-Type: text/xml' --data-binary "$body" "http://127.0.0.1:$port$path"
    sleep 0.3
    kill "$monitor" 2>/dev/null || true; wait "$monitor" 2>/dev/null || true
    # Background pollers (late-reply outbox, broadcasts, the FAQ index's revision) read Redis whatever the load; leave them out.
    grep -v -E '"(XREADGROUP|XAUTOCLAIM|XLEN|XPENDING|XINFO|PING|INFO|CLIENT|ECHO|CONFIG)"|faq:revision' "$OUT/monitor-$kind-raw.txt" \
      | grep -v '^OK$' >"$OUT/monitor-$kind.txt" || true
    printf '{"kind":"%s","sent":%d,"in_scripts":%d}\n' "$kind" "$(grep -vc 'lua\]' "$OUT/monitor-$kind.txt")" \
      "$(grep -c 'lua\]' "$OUT/monitor-$kind.txt")" >>"$OUT/probes.jsonl"
    log "one tracking question, $kind: $(grep -vc 'lua\]' "$OUT/monitor-$kind.txt") Redis commands sent ($(grep -c 'lua\]' "$OUT/monitor-$kind.txt") commands inside scripts); see $OUT/monitor-$kind.txt"
  done
}

# The same service and question through the WeCom 智能机器人: JSON callbacks, a stream answer.
run_robot() { run_chatpost "$1" robot; }

run_peer() {
  local run=$1 port pid
  port=$(free_port)
  WECHAT_TOKEN=$TOKEN WECHAT_APPID=$APP_ID WECHAT_AES_KEY=$AES_KEY PORT=$port NODE_ENV=production \
    node "$HERE/.peer/server.js" >"$OUT/peer-$run.log" 2>&1 &
  pid=$!; STARTED+=("$pid")
  wait_http "http://127.0.0.1:$port/healthz" "$pid"
  START_RSS=$(awk '/VmRSS/ {printf "%.1f", $2 / 1024}' "/proc/$pid/status")
  measure peer "$run" "$port" "$pid"
  stop "$pid"
}

run_ceiling() {
  local run=$1 port pid
  port=$(free_port)
  ASPNETCORE_URLS="http://127.0.0.1:$port" ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
    dotnet "$WORK/ceiling/ChatPost.Bench.Callback.Ceiling.dll" >"$OUT/ceiling-$run.log" 2>&1 &
  pid=$!; STARTED+=("$pid")
  wait_http "http://127.0.0.1:$port/healthz" "$pid"
  START_RSS=$(awk '/VmRSS/ {printf "%.1f", $2 / 1024}' "/proc/$pid/status")
  measure ceiling "$run" "$port" "$pid"
  stop "$pid"
}

log "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GiB; results in $OUT"
for run in $(seq 1 "$RUNS"); do
  for target in $TARGETS; do
    "run_$target" "$run"
  done
done

if [[ $PROFILE == 1 ]]; then
  for f in "$OUT"/perf-*.data; do
    perf report -i "$f" --no-children --sort dso,symbol --stdio -g none 2>/dev/null | grep -v '^#' | grep -v '^$' | head -n 150 >"${f%.data}-flat.txt" || true
    perf report -i "$f" --no-children --sort dso --stdio -g none 2>/dev/null | grep -v '^#' | grep -v '^$' | head -n 20 >"${f%.data}-dso.txt" || true
    # Inclusive time of managed frames (frame pointers let perf walk JIT-compiled code): where the request's time goes.
    perf report -i "$f" --children --sort symbol --stdio -g none 2>/dev/null | grep -v '^#' | grep -v '^$' | head -n 400 >"${f%.data}-inclusive.txt" || true
    perf report -i "$f" --no-children --sort dso,symbol --stdio -g none 2>/dev/null | awk -f "$HERE/perf-categories.awk" >"${f%.data}-categories.txt" || true
    log "where ChatPost's CPU went ($f):"; cat "${f%.data}-categories.txt" >&2
  done
  # The runtime's symbol maps belong with the profiles they name (perf looks for them in /tmp).
  for pid in "${PROFILED[@]}"; do mv -f "/tmp/perf-$pid.map" "$OUT/" 2>/dev/null || true; done
fi

"$HERE/summarize.sh" "$OUT"

if [[ $MICRO == after ]]; then
  log "micro-benchmarks (BenchmarkDotNet, short job); reports in $OUT/micro"
  dotnet run -c Release --project "$MICRO_PROJECT" -- --filter '*' --artifacts "$OUT/micro" >"$OUT/micro.log" 2>&1
  cat "$OUT"/micro/results/*-report-github.md
fi
