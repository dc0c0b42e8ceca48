#!/usr/bin/env bash
# Starts, stops and reports the local infrastructure: PostgreSQL and a single-node KRaft
# Apache Kafka broker fetched from Maven Central. Usage: docker/stack.sh up|down|status
#
# The broker authenticates clients with SASL/SCRAM-SHA-512 and authorises them with ACLs.
# Its storage is formatted with the local principals (admin and one per service, passwords
# `<name>-local-kafka-secret-not-for-production`, as libs/config's local defaults expect);
# provisioning then grants each service its ACLs. `stack.sh scram-user NAME` (password in
# SCRAM_PASSWORD) adds or changes a principal's credentials: `npm run partner:create` uses it.
#
# DATABASE_URL / KAFKA_BROKERS, when set, point at infrastructure someone else runs:
# the script then only checks and provisions it, and never starts or stops it.
# LOCAL_KAFKA_DIR, LOCAL_KAFKA_PORT and LOCAL_KAFKA_CONTROLLER_PORT run a second local broker
# beside the first (the fault-injection suite kills its own, not the one developers use).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
STACK_DIR="$ROOT/.stack"
KAFKA_DIR="$STACK_DIR/kafka"
POM="$ROOT/docker/kafka-local/pom.xml"
KAFKA_VERSION=$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$POM")
KAFKA_LIB="$KAFKA_DIR/$KAFKA_VERSION/lib"
BROKER_DIR=${LOCAL_KAFKA_DIR:-$KAFKA_DIR}
KAFKA_DATA="$BROKER_DIR/data"
KAFKA_PID="$BROKER_DIR/broker.pid"
KAFKA_LOG="$BROKER_DIR/broker.log"
# Written after a format with the SCRAM principals: storage formatted before the broker
# required credentials has none of them, and is reformatted (local data only).
KAFKA_SCRAM_MARK="$KAFKA_DATA/scram-principals"
LOCAL_KAFKA_USERS=(admin incident-intake investigation-tracking council-reporting)
BROKER_PORT=${LOCAL_KAFKA_PORT:-9092}
CONTROLLER_PORT=${LOCAL_KAFKA_CONTROLLER_PORT:-9093}
PG_HOST=127.0.0.1
PG_PORT=5432
DATABASES=(accountability accountability_test)

log() { printf '[stack] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

managed_broker_pid() {
  [ -f "$KAFKA_PID" ] || return 1
  local pid; pid=$(cat "$KAFKA_PID")
  kill -0 "$pid" 2>/dev/null && echo "$pid"
}

postgres_up() {
  if [ -n "${DATABASE_URL:-}" ]; then
    psql "$DATABASE_URL" -Atc 'select 1' >/dev/null || die "DATABASE_URL is set but the database does not answer"
    log "PostgreSQL: using DATABASE_URL"
    return
  fi
  if ! pg_isready -q -h "$PG_HOST" -p "$PG_PORT"; then
    command -v pg_ctlcluster >/dev/null || die "PostgreSQL is not answering on $PG_HOST:$PG_PORT and pg_ctlcluster is not installed"
    log "PostgreSQL: starting the local cluster"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main start
    for _ in $(seq 1 30); do pg_isready -q -h "$PG_HOST" -p "$PG_PORT" && break; sleep 1; done
    pg_isready -q -h "$PG_HOST" -p "$PG_PORT" || die "PostgreSQL did not start"
  fi
  for db in "${DATABASES[@]}"; do
    if [ -z "$(psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres -Atc "select 1 from pg_database where datname = '$db'")" ]; then
      log "PostgreSQL: creating database $db"
      psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres -qc "create database $db"
    fi
  done
  log "PostgreSQL: ready on $PG_HOST:$PG_PORT (databases: ${DATABASES[*]})"
}

fetch_kafka() {
  [ -f "$KAFKA_LIB/kafka_2.13-$KAFKA_VERSION.jar" ] && return
  command -v mvn >/dev/null || die "Maven (mvn) is needed to fetch Apache Kafka $KAFKA_VERSION"
  log "Kafka: fetching Apache Kafka $KAFKA_VERSION with Maven (first run only)"
  rm -rf "$KAFKA_LIB.partial"
  mvn -q -B -f "$POM" dependency:copy-dependencies -DincludeScope=runtime \
    -DoutputDirectory="$KAFKA_LIB.partial" || die "Maven could not fetch Apache Kafka $KAFKA_VERSION"
  mv "$KAFKA_LIB.partial" "$KAFKA_LIB"
}

close_inherited_fds() {
  local fd
  for fd in /proc/$BASHPID/fd/*; do
    fd=${fd##*/}
    [ "$fd" -gt 2 ] && eval "exec $fd>&-" 2>/dev/null
  done
  return 0
}

kafka_java() {
  java -Xms128m -Xmx768m -XX:+UseG1GC \
    -Dlog4j2.configurationFile="$ROOT/docker/kafka-local/log4j2.yaml" \
    -cp "$KAFKA_LIB/*" "$@"
}

local_kafka_password() { printf '%s-local-kafka-secret-not-for-production' "$1"; }

kafka_up() {
  if [ -n "${KAFKA_BROKERS:-}" ]; then
    log "Kafka: using KAFKA_BROKERS=$KAFKA_BROKERS"
    return
  fi
  if pid=$(managed_broker_pid); then
    log "Kafka: reusing the broker this script started (pid $pid) on 127.0.0.1:$BROKER_PORT"
    return
  fi
  if port_open 127.0.0.1 "$BROKER_PORT"; then
    log "Kafka: something already listens on 127.0.0.1:$BROKER_PORT; reusing it (not managed by this script)"
    return
  fi
  command -v java >/dev/null || die "Java 17+ is needed to run the local Kafka broker"
  fetch_kafka
  mkdir -p "$BROKER_DIR"
  local props="$BROKER_DIR/server.properties"
  sed -e "s:@BROKER_PORT@:$BROKER_PORT:g" -e "s:@CONTROLLER_PORT@:$CONTROLLER_PORT:g" \
      -e "s:@DATA_DIR@:$KAFKA_DATA:g" -e "s:@ADMIN_PASSWORD@:$(local_kafka_password admin):g" \
      "$ROOT/docker/kafka-local/server.properties.template" > "$props"
  if [ -f "$KAFKA_DATA/meta.properties" ] && [ ! -f "$KAFKA_SCRAM_MARK" ]; then
    log "Kafka: ${KAFKA_DATA#"$ROOT/"} was formatted without SCRAM credentials; reformatting it (its topics are lost)"
    rm -rf "$KAFKA_DATA"
  fi
  if [ ! -f "$KAFKA_DATA/meta.properties" ]; then
    log "Kafka: formatting KRaft storage with the SCRAM principals ${LOCAL_KAFKA_USERS[*]}"
    local cluster_id; cluster_id=$(kafka_java kafka.tools.StorageTool random-uuid)
    local scram=() user
    for user in "${LOCAL_KAFKA_USERS[@]}"; do
      scram+=(--add-scram "SCRAM-SHA-512=[name=$user,password=$(local_kafka_password "$user")]")
    done
    kafka_java kafka.tools.StorageTool format -t "$cluster_id" -c "$props" "${scram[@]}" >/dev/null
    printf '%s\n' "${LOCAL_KAFKA_USERS[@]}" > "$KAFKA_SCRAM_MARK"
  fi
  log "Kafka: starting broker $KAFKA_VERSION on 127.0.0.1:$BROKER_PORT (log: ${KAFKA_LOG#"$ROOT/"})"
  # The broker outlives this script: it must not inherit a caller's descriptors (a flock
  # lock held by a test runner would otherwise stay held for as long as the broker runs).
  nohup setsid bash -c "$(declare -f close_inherited_fds kafka_java); close_inherited_fds; ROOT='$ROOT' KAFKA_LIB='$KAFKA_LIB' kafka_java kafka.Kafka '$props'" \
    >"$KAFKA_LOG" 2>&1 </dev/null &
  echo $! > "$KAFKA_PID"
  for _ in $(seq 1 90); do
    port_open 127.0.0.1 "$BROKER_PORT" && break
    managed_broker_pid >/dev/null || { tail -30 "$KAFKA_LOG" >&2; die "the Kafka broker exited during start-up"; }
    sleep 1
  done
  port_open 127.0.0.1 "$BROKER_PORT" || { tail -30 "$KAFKA_LOG" >&2; die "the Kafka broker did not open 127.0.0.1:$BROKER_PORT within 90 s"; }
}

provision_topics() {
  [ -d "$ROOT/node_modules" ] || die "node_modules is missing: run npm ci first"
  [ -f "$ROOT/dist/libs/messaging/src/provisioning/provision-topics.cli.js" ] || (cd "$ROOT" && npm run --silent build)
  (cd "$ROOT" && KAFKA_BROKERS="${KAFKA_BROKERS:-127.0.0.1:$BROKER_PORT}" \
    node dist/libs/messaging/src/provisioning/provision-topics.cli.js)
}

# Adds or changes the SCRAM-SHA-512 credentials of principal $1 (password in SCRAM_PASSWORD)
# with Kafka's own tool: the Admin API call for it is missing from kafkajs. Acts as
# KAFKA_SASL_USERNAME / KAFKA_SASL_PASSWORD, the local admin by default. The password goes
# through files readable by this user only, never on a command line.
scram_user() {
  local name=${1:-}
  [[ "$name" =~ ^[A-Za-z0-9._-]+$ ]] || die "usage: SCRAM_PASSWORD=... $0 scram-user NAME (letters, digits, . _ -)"
  [ -n "${SCRAM_PASSWORD:-}" ] || die "SCRAM_PASSWORD is not set"
  [[ "$SCRAM_PASSWORD" =~ ^[A-Za-z0-9._~-]+$ ]] || die "SCRAM_PASSWORD may hold letters, digits and . _ ~ - only"
  fetch_kafka
  local work; work=$(mktemp -d)
  # shellcheck disable=SC2064 # the directory is known now
  trap "rm -rf '$work'" EXIT
  chmod 700 "$work"
  local admin_user=${KAFKA_SASL_USERNAME:-admin}
  local admin_password=${KAFKA_SASL_PASSWORD:-$(local_kafka_password admin)}
  printf '%s\n' 'security.protocol=SASL_PLAINTEXT' 'sasl.mechanism=SCRAM-SHA-512' \
    "sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username=\"$admin_user\" password=\"$admin_password\";" \
    > "$work/admin.properties"
  printf 'SCRAM-SHA-512=password=%s\n' "$SCRAM_PASSWORD" > "$work/scram.properties"
  kafka_java org.apache.kafka.tools.ConfigCommand --bootstrap-server "${KAFKA_BROKERS:-127.0.0.1:$BROKER_PORT}" \
    --command-config "$work/admin.properties" --alter --add-config-file "$work/scram.properties" \
    --entity-type users --entity-name "$name" >/dev/null
  log "Kafka: SCRAM-SHA-512 credentials of $name stored"
}

up() {
  postgres_up
  kafka_up
  provision_topics
}

down() {
  if pid=$(managed_broker_pid); then
    log "Kafka: stopping broker (pid $pid)"
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid"
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -0 "$pid" 2>/dev/null && kill -KILL -- "-$pid" 2>/dev/null
    rm -f "$KAFKA_PID"
  else
    log "Kafka: no broker started by this script is running"
  fi
  log "PostgreSQL: left as it was (it is the machine's server, not started by this script for this project alone)"
}

status() {
  if [ -n "${DATABASE_URL:-}" ]; then
    psql "$DATABASE_URL" -Atc 'select 1' >/dev/null 2>&1 && echo "postgres: up (DATABASE_URL)" || echo "postgres: down (DATABASE_URL)"
  else
    pg_isready -q -h "$PG_HOST" -p "$PG_PORT" && echo "postgres: up ($PG_HOST:$PG_PORT)" || echo "postgres: down ($PG_HOST:$PG_PORT)"
  fi
  if [ -n "${KAFKA_BROKERS:-}" ]; then
    echo "kafka: external ($KAFKA_BROKERS)"
  elif pid=$(managed_broker_pid); then
    echo "kafka: up, started by this script (pid $pid, version $KAFKA_VERSION, 127.0.0.1:$BROKER_PORT)"
  elif port_open 127.0.0.1 "$BROKER_PORT"; then
    echo "kafka: up on 127.0.0.1:$BROKER_PORT, not started by this script"
  else
    echo "kafka: down"
  fi
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  scram-user) scram_user "${2:-}" ;;
  *) echo "usage: $0 up|down|status|scram-user NAME" >&2; exit 2 ;;
esac
