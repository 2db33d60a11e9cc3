#!/usr/bin/env bash
# Medians over the runs in a results folder of run.sh (one NAME-RUN.json per measured run), as a markdown table.
#   bench/Callback/summarize.sh bench/Callback/.cache/results/<stamp>
set -euo pipefail
OUT=${1:?usage: summarize.sh RESULTS-FOLDER}

jq -s -r '
  def median: sort | if length == 0 then null elif length % 2 == 1 then .[length / 2 | floor] else (.[length / 2 - 1] + .[length / 2]) / 2 end;
  def errors: .connect_errors + .read_errors + .write_errors + .timeouts;
  def r(n): . * pow(10; n) | round / pow(10; n);
  ($probes[0] // []) as $probes |
  ([group_by(.run)[] | (map(select(.target == "chatpost"))[0]) as $c | (map(select(.target == "peer"))[0]) as $p
     | select($c != null and $p != null) | $c.rps / $p.rps]) as $pairs
  | ([group_by(.run)[] | (map(select(.target == "chatpost"))[0]) as $c | (map(select(.target == "robot"))[0]) as $r
     | select($c != null and $r != null) | ($r.cpu_ms / $r.requests) / ($c.cpu_ms / $c.requests)]) as $robot_pairs
  | (group_by(.target) | map({
     key: .[0].target,
     value: {
       runs: length,
       rps: (map(.rps) | median),
       p50: (map(.p50_ms) | median),
       p99: (map(.p99_ms) | median),
       non2xx: (map(.non2xx) | max),
       errors: (map(errors) | max),
       rss: (map(.peak_rss_mb) | median),
       start_rss: (map(.rss_after_start_mb // 0) | median),
       cpu_us: (map(.cpu_ms * 1000 / .requests) | median),
       redis_cpu_us: (map(.redis_cpu_ms * 1000 / .requests) | median),
       redis_mb: (map(.redis_used_mb // 0) | median), redis_keys: (map(.redis_keys // 0) | median),
       wrk_cpu_us: (map((.wrk_cpu_ms // 0) * 1000 / .requests) | median),
       busy: (map(.machine_busy_pct // 0) | median),
       cores: (map(.cpu_ms * 1000 / .duration_us) | median),
       redis_calls: (map((.redis_calls // {}) as $c | ($c | to_entries | map(select(.key != "info" and .key != "config|resetstat" and .key != "config")) | map(.value) | add // 0) / .requests) | median),
       samples: (map(.sample_ok // null) | if all(. == null) then "–" elif all(. == true) then "all passive answers" else "FAILED" end),
       rps_runs: (map(.rps | floor | tostring) | join(" / ")),
       first_share: (map(.first_contact_share // null) | map(select(. != null)) | median),
       alloc_kb: (map((.runtime.dotnet_gc_heap_total_allocated_bytes_total // null) | select(. != null)) as $a | if $a == [] then null else . end | if . == null then null else (map(.runtime.dotnet_gc_heap_total_allocated_bytes_total / .requests / 1024) | median) end),
       work_items: (if all(.runtime != null) then (map(.runtime.dotnet_thread_pool_work_item_count_total / .requests) | median) else null end),
       gc: (if all(.runtime != null) then {
              gen0: (map(.runtime.dotnet_gc_collections_total_gen0) | median), gen1: (map(.runtime.dotnet_gc_collections_total_gen1) | median),
              gen2: (map(.runtime.dotnet_gc_collections_total_gen2) | median),
              pause_pct: (map(.runtime.dotnet_gc_pause_time_seconds_total * 1e8 / .duration_us) | median),
              contentions: (map(.runtime.dotnet_monitor_lock_contentions_total / .requests) | median),
              exceptions: (map((.runtime.dotnet_exceptions_total // 0)) | median),
              jit_ms: (map(.runtime.dotnet_jit_compilation_time_seconds_total * 1000) | median),
              jit_methods: (map(.runtime.dotnet_jit_compiled_methods_total // 0) | median) } else null end),
       warmup: (map(.warmup // null) | map(select(. != null)) | if length == 0 then null else {
              rps: (map(.rps) | median), jit_ms: (map(.dotnet_jit_compilation_time_seconds_total * 1000) | median),
              jit_methods: (map(.dotnet_jit_compiled_methods_total) | median) } end)
     }}) | from_entries) as $t
  | ["| target | req/s (median) | p50 ms | p99 ms | non-2xx | socket errors | peak RSS MB (after start) | server CPU µs/req | server cores busy | redis-server CPU µs/req | wrk CPU µs/req | machine busy | runs (req/s) | sample answers |",
     "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|"]
    + ([ "chatpost", "robot", "peer", "ceiling" ] | map(select($t[.] != null)) | map(. as $n | $t[$n] |
        "| \($n) | \(.rps | floor) | \(.p50 | r(2)) | \(.p99 | r(2)) | \(.non2xx) | \(.errors) | \(.rss | r(0)) (\(.start_rss | r(0))) | \(.cpu_us | r(0)) | \(.cores | r(2)) | \(if .redis_cpu_us > 0 then (.redis_cpu_us | r(0) | tostring) else "–" end) | \(.wrk_cpu_us | r(0)) | \(.busy | r(0)) % | \(.rps_runs) | \(.samples) |"))
    + [""]
    + (if $t.chatpost and $t.peer then ["ChatPost / peer throughput: \($t.chatpost.rps / $t.peer.rps | r(2))× (medians); per run, each pair measured minutes apart: \($pairs | map(r(2) | tostring + "×") | join(" / "))"] else [] end)
    + (if $t.chatpost and $t.robot then ["智能机器人 / Official Account server CPU per request: \($t.robot.cpu_us / $t.chatpost.cpu_us | r(2))× (medians); per run, each pair measured one after the other: \($robot_pairs | map(r(2) | tostring + "×") | join(" / ")); throughput \($t.robot.rps / $t.chatpost.rps | r(2))×"] else [] end)
    + (if $t.chatpost and $t.ceiling then ["ChatPost / ceiling throughput: \($t.chatpost.rps / $t.ceiling.rps * 100 | r(1)) %"] else [] end)
    + (if $t.chatpost then ["ChatPost: Redis commands executed per request (incl. inside scripts): \($t.chatpost.redis_calls | r(1)); redis-server CPU \($t.chatpost.redis_cpu_us | r(0)) µs per request; Redis holds \($t.chatpost.redis_keys) keys, \($t.chatpost.redis_mb) MB after the run"] else [] end)
    + (if $t.chatpost.gc then ["ChatPost runtime over the measured window (medians): \($t.chatpost.alloc_kb | r(1)) KB allocated per request; \($t.chatpost.work_items | r(1)) thread-pool work items per request; GCs gen0/gen1/gen2 \($t.chatpost.gc.gen0)/\($t.chatpost.gc.gen1)/\($t.chatpost.gc.gen2), GC pauses \($t.chatpost.gc.pause_pct | r(1)) % of wall time; lock contentions per request \($t.chatpost.gc.contentions | r(3)); exceptions \($t.chatpost.gc.exceptions) (ConnectionReset from wrk closing its connections); JIT \($t.chatpost.gc.jit_ms | r(0)) ms, \($t.chatpost.gc.jit_methods | r(0)) methods compiled"] else [] end)
    + (if $t.chatpost.warmup then ["ChatPost warm-up (the first seconds of traffic after start, medians): \($t.chatpost.warmup.rps | floor) req/s; JIT \($t.chatpost.warmup.jit_ms | r(0)) ms, \($t.chatpost.warmup.jit_methods | r(0)) methods compiled"] else [] end)
    + (if $t.chatpost.first_share then ["Pushes from a user'"'"'s first contact in the measured window: \($t.chatpost.first_share * 100 | r(1)) % (median of the runs; the rest from returning users)"] else [] end)
    + ($probes | map("One tracking question on the idle service, \(.kind): \(.sent) Redis commands sent, \(.in_scripts) run inside scripts (monitor-\(.kind).txt)"))
  | .[]
' --slurpfile probes <(cat "$OUT/probes.jsonl" 2>/dev/null | jq -s . ) $(find "$OUT" -maxdepth 1 -regextype egrep -regex '.*/[a-z]+-[0-9]+\.json' | sort) | tee "$OUT/summary.md"
