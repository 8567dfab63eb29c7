# Starts (installing where missing) what the tests need: PostgreSQL, Redis and the
# browser. Sourced by .ci/run and .ci/stress.

log() { printf '[ci] %s\n' "$*"; }

start_postgresql() {
  if [ -n "${POW_TEST_JDBC_URL:-}" ]; then
    log "using POW_TEST_JDBC_URL"
    return
  fi
  if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    log "installing PostgreSQL"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  local version
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  local hba="/etc/postgresql/$version/main/pg_hba.conf"
  # The tests connect as postgres over TCP without a password.
  if ! grep -qE '^host\s+all\s+all\s+127\.0\.0\.1/32\s+trust' "$hba"; then
    log "allowing local TCP connections in $hba"
    sed -i '1i host all all 127.0.0.1/32 trust' "$hba"
    pg_ctlcluster --skip-systemctl-redirect "$version" main reload 2>/dev/null || true
  fi
  if ! pg_isready -h 127.0.0.1 -p 5432 -q; then
    log "starting PostgreSQL $version"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start
  fi
  for _ in $(seq 1 30); do
    pg_isready -h 127.0.0.1 -p 5432 -q && return
    sleep 1
  done
  log "PostgreSQL did not come up on 127.0.0.1:5432"
  exit 1
}

start_redis() {
  if [ -n "${POW_TEST_REDIS_URL:-}" ]; then
    log "using POW_TEST_REDIS_URL"
    return
  fi
  if ! command -v redis-server >/dev/null 2>&1; then
    log "installing Redis"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
  fi
  if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
    log "starting Redis"
    redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no
  fi
  for _ in $(seq 1 30); do
    redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && return
    sleep 1
  done
  log "Redis did not come up on 127.0.0.1:6379"
  exit 1
}

install_browser() {
  # Debian's Chromium and its driver, for the sample's browser tests.
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    return
  fi
  log "installing chromium and chromium-driver"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
}

start_services() {
	start_postgresql
	start_redis
	install_browser
}
