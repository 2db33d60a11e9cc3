#!/usr/bin/env bash
# Medians over the runs in a results folder of run.sh (one NAME-RUN.json per measured run), as a markdown table.
#   bench/Callback/summarize.sh bench/Callback/.cache/results/<stamp>
set -euo pipefail
OUT=${1:?usage: summarize.sh RESULTS-FOLDER}

jq -s -r '
  def median: sort | if length == 0 then null elif length % 2 == 1 then .[length / 2 | floor] else (.[length / 2 - 1] + .[length / 2]) / 2 end;
  def errors: .connect_errors + .read_errors + .write_errors + .timeouts;
  def r(n): . * pow(10; n) | round / pow(10; n);
  (group_by(.target) | map({
     key: .[0].target,
     value: {
       runs: length,
       rps: (map(.rps) | median),
       p50: (map(.p50_ms) | median),
       p99: (map(.p99_ms) | median),
       non2xx: (map(.non2xx) | max),
       errors: (map(errors) | max),
       rss: (map(.peak_rss_mb) | median),
       cpu_us: (map(.cpu_ms * 1000 / .requests) | median),
       redis_cpu_us: (map(.redis_cpu_ms * 1000 / .requests) | median),
       redis_calls: (map((.redis_calls // {}) as $c | ($c | to_entries | map(select(.key != "info" and .key != "config|resetstat" and .key != "config")) | map(.value) | add // 0) / .requests) | median),
       samples: (map(.sample_ok // null) | if all(. == null) then "–" elif all(. == true) then "all passive answers" else "FAILED" end),
       rps_runs: (map(.rps | floor | tostring) | join(" / "))
     }}) | from_entries) as $t
  | ["| target | req/s (median) | p50 ms | p99 ms | non-2xx | socket errors | peak RSS MB | server CPU µs/req | runs (req/s) | sample answers |",
     "|---|---:|---:|---:|---:|---:|---:|---:|---|---|"]
    + ([ "chatpost", "peer", "ceiling" ] | map(select($t[.] != null)) | map(. as $n | $t[$n] |
        "| \($n) | \(.rps | floor) | \(.p50 | r(2)) | \(.p99 | r(2)) | \(.non2xx) | \(.errors) | \(.rss | r(0)) | \(.cpu_us | r(0)) | \(.rps_runs) | \(.samples) |"))
    + [""]
    + (if $t.chatpost and $t.peer then ["ChatPost / peer throughput: \($t.chatpost.rps / $t.peer.rps | r(2))×"] else [] end)
    + (if $t.chatpost and $t.ceiling then ["ChatPost / ceiling throughput: \($t.chatpost.rps / $t.ceiling.rps * 100 | r(1)) %"] else [] end)
    + (if $t.chatpost then ["ChatPost: Redis commands executed per request (incl. inside scripts): \($t.chatpost.redis_calls | r(1)); redis-server CPU \($t.chatpost.redis_cpu_us | r(0)) µs per request"] else [] end)
  | .[]
' $(find "$OUT" -maxdepth 1 -regextype egrep -regex '.*/[a-z]+-[0-9]+\.json' | sort) | tee "$OUT/summary.md"
