#!/usr/bin/env bash
# The chaos run: three replicas behind nginx (deploy/nginx/chatpost.conf), Redis under Sentinel (a primary, a replica,
# three sentinels), PostgreSQL for the clustered scheduler and the fakes of WeChat's API, the WeCom webhook and the
# 智能机器人's side of WeCom, all on loopback; a realistic mix of traffic (citizens' pushes with WeChat's retries,
# 智能机器人 questions with stream refreshes, ingestion batches, manager broadcasts, the announcement every 10 s) while
# replicas are killed (SIGKILL), stopped (SIGTERM) and restarted and Redis fails over, at random from a seed. It
# prints the seed, the faults, every invariant with its violations, and each replica's resident set and GC heap with
# their slopes.
#
#   bench/Chaos/run.sh                 # 10 minutes with faults
#   bench/Chaos/run.sh --minutes 2     # what the test suite runs
#   bench/Chaos/run.sh --soak          # 30 minutes at the same steady rate, no faults: resident set and GC heap slopes
#   bench/Chaos/run.sh --seed 7        # replay the faults of a printed seed (a new one is drawn otherwise)
#
# It is the test ChaosTests run longer (./test.sh installs and starts what it needs, and stops it again).
set -euo pipefail
cd "$(dirname "$0")/../.."
minutes=10 faults=true seed=
while (($#)); do
  case "$1" in
    --minutes) minutes=$2; shift 2 ;;
    --soak) minutes=30; faults=false; shift ;;
    --seed) seed=$2; shift 2 ;;
    *) echo "usage: $0 [--minutes N] [--soak] [--seed N]" >&2; exit 2 ;;
  esac
done
export CHATPOST_CHAOS_MINUTES=$minutes CHATPOST_CHAOS_FAULTS=$faults CHATPOST_CHAOS_SEED=$seed
./test.sh --filter "FullyQualifiedName~ChaosTests" --logger "console;verbosity=detailed" 2>&1 \
  | grep -E '^\s+(chaos:|seed:|faults:|pushes:|push |智能机器人|broadcasts|announcements|ingested|replica|r[0-9]+/|OK  |FAIL |    (not completed|missing|RSS each|GC |methods JIT|[0-9]{2}:))|Passed!|Failed!' \
  | sed -E 's/^\s+//'
