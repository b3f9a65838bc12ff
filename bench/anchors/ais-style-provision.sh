#!/bin/bash
# Copied unchanged from ../shared/anchors/ais-style-provision.sh (the project's benchmark anchors); do not edit here.
# Anchor: what the gateway images' own scripts do (echo the config, pm2 delete + start mqtt, pm2 save),
# aimed at a sandbox root. Usage: ais-style-provision.sh ROOT PORT PM2BIN
set -u
R=$1; P=$2; PM2=$3
U=$R/data/data/com.termux/files/usr; H=$R/data/data/com.termux/files/home
export PM2_HOME=$H/.pm2
mkdir -p "$U/etc/mosquitto" "$H/.termux/boot"
echo '# AIS Config file for mosquitto on gate' > "$U/etc/mosquitto/mosquitto.conf"
echo "listener $P 0.0.0.0" >> "$U/etc/mosquitto/mosquitto.conf"
echo 'allow_anonymous true' >> "$U/etc/mosquitto/mosquitto.conf"
"$PM2" delete mqtt >/dev/null 2>&1
"$PM2" start "$(command -v mosquitto || echo /usr/sbin/mosquitto)" --name mqtt --restart-delay=30000 -- -c "$U/etc/mosquitto/mosquitto.conf" >/dev/null
"$PM2" save >/dev/null
printf '#!/bin/sh\ntermux-wake-lock\npm2 resurrect\n' > "$H/.termux/boot/start-pm2"; chmod 700 "$H/.termux/boot/start-pm2"
