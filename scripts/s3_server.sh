#!/usr/bin/env bash
# A real S3-compatible server on loopback for tests: a single-node Ceph cluster (one mon, one OSD on
# memstore, so nothing touches a disk but DIR) with radosgw's beast frontend on a free loopback port and
# one S3 user made with radosgw-admin. Debian packages: radosgw ceph-mon ceph-osd (./kelas setup installs them).
#
#   scripts/s3_server.sh start DIR   starts it; writes DIR/s3.env (S3_ENDPOINT, S3_REGION, S3_ACCESS_KEY,
#                                    S3_SECRET_KEY) once radosgw answers; about 10-30 s
#   scripts/s3_server.sh stop DIR    stops the three daemons and deletes DIR
#
# Ports: KELAS_S3_PORT (radosgw) and KELAS_S3_MON_PORT (the mon) if set, else free ones the OS picks.
set -euo pipefail

cmd=${1:-}
DIR=${2:-}
[ -n "$cmd" ] && [ -n "$DIR" ] || { echo "usage: $0 start|stop DIR" >&2; exit 2; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

stop() {
  [ -d "$DIR" ] || return 0
  for name in rgw osd mon; do
    if [ -f "$DIR/$name.pid" ]; then
      pid=$(cat "$DIR/$name.pid")
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
    fi
  done
  rm -rf "$DIR"
}

retry() { # retry COMMAND...: a ceph CLI call, up to 10 times (a fresh client can race its first monmap: EPERM)
  local i
  for i in $(seq 1 10); do "$@" >/dev/null 2>>"$DIR/log/cli.log" && return 0; sleep 0.5; done
  echo "s3_server: failed: $*" >&2; tail -n 5 "$DIR/log/cli.log" >&2; exit 1
}

await() { # await SECONDS WHAT CHECK...
  local seconds=$1 what=$2; shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    if [ $SECONDS -ge $deadline ]; then
      echo "s3_server: $what not ready in $seconds s; logs in $DIR/log" >&2
      tail -n 20 "$DIR"/log/*.log >&2 2>/dev/null || true
      exit 1
    fi
    sleep 0.5
  done
}

start() {
  for tool in ceph-mon ceph-osd radosgw radosgw-admin monmaptool ceph; do
    command -v "$tool" >/dev/null || { echo "s3_server: $tool missing (apt-get install radosgw ceph-mon ceph-osd)" >&2; exit 1; }
  done
  mkdir -p "$DIR"/{log,run,mon,osd,rgw}
  DIR=$(cd "$DIR" && pwd)
  local mon_port=${KELAS_S3_MON_PORT:-$(free_port)} rgw_port=${KELAS_S3_PORT:-$(free_port)}
  local fsid osd_uuid access secret conf="$DIR/ceph.conf"
  fsid=$(cat /proc/sys/kernel/random/uuid)
  osd_uuid=$(cat /proc/sys/kernel/random/uuid)
  access=KELAS$(head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n' | tr a-f A-F)
  secret=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
  # A throwaway cluster on loopback: no cephx, one replica, few placement groups, memstore.
  cat >"$conf" <<CONF
[global]
fsid = $fsid
mon host = v1:127.0.0.1:$mon_port
ms bind msgr2 = false
public network = 127.0.0.0/8
cluster network = 127.0.0.0/8
auth cluster required = none
auth service required = none
auth client required = none
run dir = $DIR/run
admin socket = $DIR/run/\$name.asok
log file = $DIR/log/\$name.log
pid file = $DIR/run/\$name.pid
keyring = $DIR/keyring
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off
mon allow pool size one = true
mon warn on pool no redundancy = false
mon max pg per osd = 1000
osd crush chooseleaf type = 0
# An OSD's own start-up mon commands can race its first monmap (sent with a zero fsid, refused "wrong fsid"):
# this script places the OSD in the CRUSH map itself.
osd crush update on start = false
osd class update on start = false
mon data = $DIR/mon/\$name
osd data = $DIR/osd/\$name
osd objectstore = memstore
memstore device bytes = 1073741824
osd max object name len = 256
osd max object namespace len = 64
[mon.a]
mon addr = v1:127.0.0.1:$mon_port
public addr = 127.0.0.1
[client.rgw.a]
rgw frontends = beast endpoint=127.0.0.1:$rgw_port
rgw data = $DIR/rgw
rgw thread pool size = 32
CONF
  ceph-authtool --create-keyring "$DIR/keyring" --gen-key -n mon. --cap mon 'allow *' >/dev/null
  monmaptool --create --fsid "$fsid" --addv a "[v1:127.0.0.1:$mon_port]" "$DIR/monmap" >/dev/null
  ceph-mon -c "$conf" --mkfs -i a --monmap "$DIR/monmap" --keyring "$DIR/keyring"
  ceph-mon -c "$conf" -i a
  cp "$DIR/run/mon.a.pid" "$DIR/mon.pid" 2>/dev/null || await 10 "mon pid" test -f "$DIR/run/mon.a.pid"
  cp "$DIR/run/mon.a.pid" "$DIR/mon.pid"
  await 30 "ceph-mon" ceph -c "$conf" --connect-timeout 5 mon stat
  mkdir -p "$DIR/osd/osd.0"
  ceph-osd -c "$conf" -i 0 --mkfs --osd-uuid "$osd_uuid" 2>>"$DIR/log/osd-mkfs.log"
  # Register the OSD under the uuid its store was made with (memstore keeps its own), so its boot matches.
  retry ceph -c "$conf" osd new "$(cat "$DIR/osd/osd.0/fsid")" 0
  retry ceph -c "$conf" osd crush add osd.0 1.0 root=default
  ceph-osd -c "$conf" -i 0
  await 10 "osd pid" test -f "$DIR/run/osd.0.pid"
  cp "$DIR/run/osd.0.pid" "$DIR/osd.pid"
  await 60 "ceph-osd up" sh -c "ceph -c '$conf' osd stat | grep -q '1 up'"
  radosgw -c "$conf" -n client.rgw.a
  await 10 "rgw pid" test -f "$DIR/run/client.rgw.a.pid"
  cp "$DIR/run/client.rgw.a.pid" "$DIR/rgw.pid"
  await 90 "radosgw" curl -fsS -o /dev/null "http://127.0.0.1:$rgw_port/"
  retry radosgw-admin -c "$conf" user create --uid=kelas --display-name="Kelas tests" \
    --access-key="$access" --secret="$secret"
  cat >"$DIR/s3.env" <<ENV
S3_ENDPOINT=http://127.0.0.1:$rgw_port
S3_REGION=us-east-1
S3_ACCESS_KEY=$access
S3_SECRET_KEY=$secret
ENV
  echo "S3 (Ceph radosgw) at http://127.0.0.1:$rgw_port; credentials in $DIR/s3.env"
}

case "$cmd" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
