#!/usr/bin/env bash
# Runs every test of ChatPost on a fresh machine: installs what the tests need when it is missing, starts
# private servers on free loopback ports (Redis; PostgreSQL for the clustered scheduler), runs
# `dotnet test`, and stops the servers again whatever happens. Extra arguments go to `dotnet test`
# (for example: ./test.sh --filter "FullyQualifiedName~WeChat").
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)
work=$(mktemp -d -t chatpost-test.XXXXXX)
pids=()

pg_stop=()

cleanup() {
  if ((${#pg_stop[@]})); then "${pg_stop[@]}" >/dev/null 2>&1 || true; fi
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

apt_install() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  ((${#missing[@]})) || return 0
  echo "test.sh: installing ${missing[*]}"
  local sudo=""; [[ $(id -u) -eq 0 ]] || sudo="sudo"
  $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

free_port() {
  # Ask the kernel for a free port rather than guessing one on a shared machine.
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

start_redis() {
  local port dir="$work/redis"
  mkdir -p "$dir"
  for _ in 1 2 3 4 5; do
    port=$(free_port)
    redis-server --bind 127.0.0.1 --port "$port" --dir "$dir" --save "" --appendonly no \
      --daemonize no --logfile "$dir/redis.log" &
    local pid=$!
    for _ in $(seq 50); do
      if redis-cli -p "$port" ping >/dev/null 2>&1; then
        pids+=("$pid"); export CHATPOST_TEST_REDIS="127.0.0.1:$port"; return 0
      fi
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill "$pid" 2>/dev/null || true
  done
  echo "test.sh: could not start redis-server; see $dir/redis.log" >&2; return 1
}

start_postgres() {
  # A private PostgreSQL cluster for the clustered Quartz store. PostgreSQL refuses to run as root, so as root the
  # cluster belongs to the postgres user.
  local bin dir="$work/postgres" port as=()
  bin=$(dirname "$(command -v initdb 2>/dev/null || ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | tail -n 1)")
  if [[ ! -x "$bin/initdb" ]]; then
    apt_install postgresql
    bin=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | tail -n 1)")
  fi
  mkdir -p "$dir"
  if [[ $(id -u) -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chmod 711 "$work"
    chown postgres "$dir"
    as=(runuser -u postgres --)
  fi
  "${as[@]}" "$bin/initdb" -D "$dir/data" -U chatpost --auth=trust -E UTF8 >/dev/null
  for _ in 1 2 3 4 5; do
    port=$(free_port)
    if "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 30 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off" start >/dev/null; then
      pg_stop=("${as[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop)
      export CHATPOST_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=chatpost;Database=postgres"
      return 0
    fi
  done
  echo "test.sh: could not start PostgreSQL; see $dir/postgres.log" >&2; return 1
}

start_node_peer_modules() {
  # Independent implementations of WeChat's message crypto for the cross-check tests: node-webot's, and WeCom's own
  # (for the 智能机器人's empty receive id).
  local dir="$root/.cache/node"
  if [[ ! -d "$dir/node_modules/wechat-crypto" || ! -d "$dir/node_modules/@wecom/crypto" ]]; then
    npm install --silent --no-audit --no-fund --prefix "$dir" wechat-crypto@0.0.2 @wecom/crypto@1.0.1 >/dev/null
  fi
  export CHATPOST_NODE_MODULES="$dir"
}

apt_install redis-server redis-tools redis-sentinel fonts-wqy-microhei nginx-light chromium prometheus
start_redis
start_postgres
start_node_peer_modules
echo "test.sh: redis on $CHATPOST_TEST_REDIS, postgres on ${CHATPOST_TEST_POSTGRES%%;Username*}"

dotnet test "$root/ChatPost.sln" --nologo "$@"
