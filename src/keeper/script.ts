/**
 * The keeper's program: POSIX sh, not node (on a phone every resident megabyte counts: sh and a sleep take
 * about three). Its arguments, in order (keeperDefinition builds them):
 *   EVERY MAX_LOG_BYTES STATE_DIR KEEPER_LOG HOST PORT PM2_HOME NODE PM2_SCRIPT LOCK_FILE
 *   BROKER_LOG DB BACKUPS STORED SOURCE_JSON STORED_JSON BRIDGES  then the logs it keeps bounded.
 * DB is empty when persistence is off; BRIDGES is how many `connection` sections the config has.
 *
 * Each check: exit when pm2's daemon that started it is gone (its orphans must not run beside the next
 * keeper) or when another keeper of this gateway took over; keep the logs bounded; an MQTT round trip on
 * the broker's own listener. Three failed checks in a row while pm2 runs mqtt: a restart through pm2; a
 * bridge down for 15 checks while the broker serves: one restart an hour; a broker that does not come up
 * for 2 checks while its log names the database: the database moved into the backups, then a restart.
 * At most 3 restarts an hour. Events go to KEEPER_LOG as "EPOCH: event key=value" (translated when shown);
 * the state (restarts of the last hour) to STATE_DIR/keeper.state, replaced by rename.
 *
 * Nothing is written through a link planted at a name: the state file is renamed into place, and a link
 * at the log's name is removed before a line is appended.
 */
import { SET_ASIDE_REASON } from '../config/persistence.js';

// No shell parameter expansion in braces below: this is a template, where they would be JavaScript's.
export const KEEPER_SCRIPT = String.raw`
umask 077
every=$1 max=$2 dir=$3 klog=$4 host=$5 port=$6 ph=$7 node=$8 pm2=$9; shift 9
lock=$1 blog=$2 db=$3 backups=$4 stored=$5 source_json=$6 stored_json=$7 bridges=$8; shift 8
state=$dir/keeper.state pidf=$dir/keeper.pid parent=$PPID topic=gate-mqtt/keeper/$$
patience=5; [ "$every" -lt 5 ] && patience=2 # a test's fast checks wait less for an answer
ifs=$IFS fails=0 bdown=0 down_names= restarts= last= bridge_at=0 said=0 said_clients=0 now=0

say() {
  [ -L "$klog" ] && rm -f "$klog"
  echo "$now: $*" >> "$klog"
}

save() {
  tmp=$state.$$.new
  rm -f "$tmp"
  printf 'every=%s\ncheck=%s\nfails=%s\nbridges_down=%s\nrestarts=%s\nlast_restart=%s\nbridge_restart=%s\n' \
    "$every" "$now" "$fails" "$down_names" "$restarts" "$last" "$bridge_at" > "$tmp" && mv -f "$tmp" "$state"
}

load() {
  [ -f "$state" ] && [ ! -L "$state" ] || return 0
  while IFS='=' read -r key value; do
    case $key in
      restarts) restarts=$value ;;
      last_restart) last=$value ;;
      bridge_restart) bridge_at=$value ;;
    esac
  done < "$state"
  case $bridge_at in '' | *[!0-9]*) bridge_at=0 ;; esac
}

# Still pm2's child, and still the keeper of this gateway (a newer keeper writes its pid and this one goes).
mine() {
  read -r line < /proc/$$/stat || return 0
  set -- $line # pid (sh) state ppid …
  if [ "$4" != "$parent" ]; then say "orphaned"; return 1; fi
  read -r owner < "$pidf" 2>/dev/null
  if [ "$owner" != "$$" ]; then say "another-keeper pid=$owner"; return 1; fi
}

# The logs kept under MAX bytes: moved to FILE.1 (the one old file kept), truncated in place (pm2 appends).
bound() {
  wc -c "$@" 2>/dev/null | while read -r size file; do
    [ "$file" = total ] && continue
    [ "$size" -gt "$max" ] && [ ! -L "$file" ] && cp "$file" "$file.1" && : > "$file"
  done
}

# A round trip with the broker's own clients; a broker that refuses us (not authorised) answers all the same.
trip() {
  command -v mosquitto_sub >/dev/null || return 2 # no clients: nothing can be told, nothing is decided
  if command -v mosquitto_rr >/dev/null; then
    out=$(mosquitto_rr -h "$host" -p "$port" -t "$topic" -e "$topic" -m ok -W "$patience" 2>&1) && return 0
  else
    out=$(mosquitto_sub -h "$host" -p "$port" -t '$SYS/broker/uptime' -C 1 -W "$patience" 2>&1) && return 0
  fi
  case $out in *[Nn]"ot authori"*) return 0 ;; esac
  return 1
}

# pm2 runs mqtt: its pid file names a live child of pm2's daemon (our parent).
online() {
  for file in "$ph"/pids/mqtt-[0-9]*.pid; do
    pid=
    read -r pid < "$file" 2>/dev/null # pm2 ends it with no newline: read says "end of file", pid is set
    [ -n "$pid" ] || continue
    read -r line < "/proc/$pid/stat" 2>/dev/null || continue
    set -- $line # pid (mosquitto) state ppid …
    [ "$4" = "$parent" ] && [ "$3" != Z ] && return 0
  done
  return 1
}

# A gate-mqtt run holds the lock (it may be restarting the broker itself): nothing is decided meanwhile.
busy() {
  [ -f "$lock" ] || return 1
  pid=$(sed -n 's/.*"pid":\([0-9]*\).*/\1/p' "$lock" 2>/dev/null)
  [ -n "$pid" ] && [ -d "/proc/$pid" ]
}

# The bridges whose state the broker publishes as 0 (down), by name.
bridges_down() {
  mosquitto_sub -h "$host" -p "$port" -v -t '$SYS/broker/connection/+/state' -C "$bridges" -W 2 2>/dev/null |
    sed -n 's|^\$SYS/broker/connection/\(.*\)/state 0$|\1|p' | tr '\n' ' '
}

# The restarts of the last hour.
recent() {
  kept= count=0
  for r in $restarts; do
    IFS=:
    set -- $r # EPOCH reason
    IFS=$ifs
    case $1 in '' | *[!0-9]*) continue ;; esac # a damaged entry is dropped, never a shell error
    [ $((now - $1)) -lt 3600 ] && kept="$kept $r" count=$((count + 1))
  done
  set -- $kept
  restarts="$*"
}

restart() {
  why=$1
  recent
  if [ "$count" -ge 3 ]; then
    [ "$said" = 1 ] || say "restart-limit count=$count reason=$why"
    said=1
    return 1
  fi
  say "restart reason=$why"
  if command -v timeout >/dev/null; then limit="timeout 60"; else limit=; fi
  PM2_HOME=$ph $limit "$node" "$pm2" restart mqtt >/dev/null 2>&1 || say "restart-failed reason=$why"
  set -- $restarts "$now:$why"
  restarts="$*" last="$now:$why" fails=0 count=$((count + 1))
}

# The broker's last word on its database was a failure to restore it (and no start came after it).
database_refused() {
  [ -n "$db" ] && [ -f "$db" ] && [ ! -L "$db" ] || return 1
  tail -n 300 "$blog" 2>/dev/null |
    grep -E 'Unable to restore persistent database|mosquitto version [^ ]+ (starting|running)' |
    tail -n 1 | grep -q 'Unable to restore'
}

# The database moved into the backups as gate-mqtt keeps them: a finished, named backup before it goes.
set_aside() {
  id=$(date -u +%Y%m%dT%H%M%S000Z)-${SET_ASIDE_REASON}
  [ -e "$backups/$id" ] && id=$id-$$
  part=$backups/.$id.partial
  mkdir -p "$backups" && rm -rf "$part" && mkdir -p "$part/$stored" && rmdir "$part/$stored" &&
    cp "$db" "$part/$stored" || return 1
  sum=$(sha256sum "$part/$stored" | cut -d' ' -f1) && bytes=$(wc -c < "$part/$stored") || return 1
  printf '{\n  "id": "%s",\n  "reason": "${SET_ASIDE_REASON}",\n  "created": "%s",\n  "entries": [\n' \
    "$id" "$(date -u +%Y-%m-%dT%H:%M:%S.000Z)" > "$part/manifest.json"
  printf '    {\n      "source": %s,\n      "stored": %s,\n      "sha256": "%s",\n      "bytes": %s\n    }\n  ]\n}\n' \
    "$source_json" "$stored_json" "$sum" "$bytes" >> "$part/manifest.json"
  sync && mv "$part" "$backups/$id" && sync && rm -f "$db" && say "database-set-aside backup=$id"
}

check() {
  now=$(date +%s)
  mine || exit 0
  bound "$@"
  if busy; then save; return; fi
  trip
  answered=$?
  if [ "$answered" = 2 ]; then
    [ "$said_clients" = 1 ] || say "no-clients"
    said_clients=1
  elif [ "$answered" = 0 ]; then
    [ "$fails" -gt 0 ] && say "broker-answers after=$fails"
    fails=0
    if [ "$bridges" -gt 0 ]; then
      down=$(bridges_down)
      if [ -n "$down" ]; then
        [ "$bdown" = 0 ] && say "bridge-down names=$(echo $down | tr ' ' ,)"
        bdown=$((bdown + 1))
        if [ "$bdown" -ge 15 ]; then
          if [ $((now - bridge_at)) -ge 3600 ]; then
            restart bridge-down && bridge_at=$now bdown=0 # counted afresh from the restart
          elif [ "$bdown" = 15 ]; then
            say "bridge-restart-held since=$bridge_at"
          fi
        fi
      elif [ "$bdown" -gt 0 ]; then
        say "bridge-up after=$bdown"
        bdown=0
      fi
      down_names=$(echo $down | tr ' ' ,)
    fi
  else
    fails=$((fails + 1))
    [ "$fails" = 1 ] && say "broker-unanswered"
    if [ "$fails" -ge 2 ] && database_refused; then
      set_aside && restart database-set-aside
    elif [ "$fails" -ge 3 ] && online; then
      restart broker-unanswered
    fi
  fi
  recent
  [ "$count" -lt 3 ] && said=0
  save
}

load
rm -f "$pidf.$$" && echo $$ > "$pidf.$$" && mv -f "$pidf.$$" "$pidf"
now=$(date +%s)
say "started every=$every"
while :; do
  check "$@"
  sleep "$every"
done
`;
