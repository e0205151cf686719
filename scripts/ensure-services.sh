#!/usr/bin/env bash
# Makes sure PostgreSQL and Redis answer on 127.0.0.1 (default ports, or those in DATABASE_URL/REDIS_URL):
# starts the locally installed servers, or installs them from Debian's packages when running as root.
set -euo pipefail

PG_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/wa_campaigns}"
REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
hostport() { node -e 'const u=new URL(process.argv[1]);console.log(u.hostname+" "+(u.port||process.argv[2]))' "$1" "$2"; }
read -r PG_HOST PG_PORT < <(hostport "$PG_URL" 5432)
read -r REDIS_HOST REDIS_PORT < <(hostport "$REDIS_URL" 6379)

up() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }
wait_up() { for _ in $(seq 1 60); do up "$1" "$2" && return 0; sleep 0.5; done; return 1; }
local_host() { [[ "$1" == 127.0.0.1 || "$1" == localhost || "$1" == ::1 ]]; }
can_install() { [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; }
apt_install() {
  echo "Installing $* from Debian's packages…" >&2
  (apt-get update -qq || true) >/dev/null 2>&1
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

ensure_postgres() {
  up "$PG_HOST" "$PG_PORT" && return 0
  if ! local_host "$PG_HOST"; then
    echo "PostgreSQL at $PG_HOST:$PG_PORT is not reachable: start it or set DATABASE_URL." >&2; return 1
  fi
  if ! command -v pg_ctlcluster >/dev/null; then
    can_install || { echo "PostgreSQL is not installed: install PostgreSQL >= 13 or set DATABASE_URL." >&2; return 1; }
    apt_install postgresql
  fi
  local version; version=$(ls /etc/postgresql | sort -V | tail -n1)
  local hba="/etc/postgresql/$version/main/pg_hba.conf"
  # The default URL connects as postgres without a password over TCP: trust loopback, as the dev machines do.
  if [[ -w "$hba" ]] && ! grep -q "wace: trust loopback" "$hba"; then
    sed -i '1i # wace: trust loopback\nhost all all 127.0.0.1/32 trust\nhost all all ::1/128 trust' "$hba"
  fi
  pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>/dev/null || pg_ctlcluster --skip-systemctl-redirect "$version" main reload || true
  wait_up "$PG_HOST" "$PG_PORT" || { echo "PostgreSQL did not come up on $PG_HOST:$PG_PORT" >&2; return 1; }
}

ensure_redis() {
  up "$REDIS_HOST" "$REDIS_PORT" && return 0
  if ! local_host "$REDIS_HOST"; then
    echo "Redis at $REDIS_HOST:$REDIS_PORT is not reachable: start it or set REDIS_URL." >&2; return 1
  fi
  if ! command -v redis-server >/dev/null; then
    can_install || { echo "Redis is not installed: install Redis >= 6 or set REDIS_URL." >&2; return 1; }
    apt_install redis-server
  fi
  mkdir -p /var/lib/redis /var/log/redis 2>/dev/null || true
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no \
    --dir "${TMPDIR:-/tmp}" --logfile "${TMPDIR:-/tmp}/wace-redis.log"
  wait_up "$REDIS_HOST" "$REDIS_PORT" || { echo "Redis did not come up on $REDIS_HOST:$REDIS_PORT" >&2; return 1; }
}

ensure_postgres
ensure_redis
