#!/bin/bash
# Copied unchanged from ../shared/anchors/shell-doctor.sh (the project's benchmark anchors); do not edit here.
# Anchor: the checks the gateway docs suggest, as separate commands (pm2 show/jlist, port, pub/sub round
# trip, config present), on a sandbox root. Usage: shell-doctor.sh ROOT PORT PM2BIN
set -u
R=$1; P=$2; PM2=$3; export PM2_HOME=$R/data/data/com.termux/files/home/.pm2
fail=0
test -s "$R/data/data/com.termux/files/usr/etc/mosquitto/mosquitto.conf" || fail=1
command -v mosquitto >/dev/null || test -x /usr/sbin/mosquitto || fail=1
"$PM2" jlist 2>/dev/null | grep -q '"name":"mqtt".*"status":"online"' || fail=1
"$PM2" show mqtt >/dev/null 2>&1 || fail=1
test -x "$R/data/data/com.termux/files/home/.termux/boot/start-pm2" || fail=1
grep -q mqtt "$PM2_HOME/dump.pm2" || fail=1
(exec 3<>/dev/tcp/127.0.0.1/$P) 2>/dev/null || fail=1
m=rt$RANDOM; mosquitto_sub -h 127.0.0.1 -p "$P" -t doctor/rt -C 1 -W 3 >/tmp/shell-doctor.$$ & s=$!
sleep 0.2; mosquitto_pub -h 127.0.0.1 -p "$P" -t doctor/rt -m "$m"; wait $s
[ "$(cat /tmp/shell-doctor.$$)" = "$m" ] || fail=1; rm -f /tmp/shell-doctor.$$
exit $fail
