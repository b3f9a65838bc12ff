import { analyzeText, decodeConfig } from '../config/load.js';
import type { ConfModel } from '../config/model.js';
import { MOSQUITTO_DEFAULT_PORT } from '../config/model.js';
import { msg, t } from '../i18n/translate.js';
import { localTarget } from '../network/listener-target.js';
import { addressesProbe, parseAddressesProbe } from '../network/read-addresses.js';
import { PROCESS_NAME } from '../pm2/process-list.js';
import { shQuote } from '../run/quote.js';
import { type CheckEnv, type CheckOutcome, type OutcomeId, type ProbeOutput, warn } from './check.js';

/**
 * Probes that several checks read (each runs once per doctor run: the prober caches by key). The probe
 * scripts are POSIX sh for Termux's, Debian's or a remote shell; every value in them is quoted by shQuote.
 */

export function mosquittoProbe(candidates: string[]): string {
  return [
    `for c in ${candidates.map(shQuote).join(' ')}; do`,
    '  if [ -x "$c" ]; then echo "path=$c"; "$c" -h 2>&1; exit 0; fi',
    'done',
    'c=$(command -v mosquitto) && { echo "path=$c"; "$c" -h 2>&1; exit 0; }',
    'exit 1',
  ].join('\n');
}

export function probeMosquitto(env: CheckEnv): Promise<ProbeOutput> {
  return env.prober.probe('mosquitto', mosquittoProbe(env.profile.mosquittoCandidates));
}

/** The config's mode, then the file in base64 (binary-safe through any pty); never through a link. */
export function configProbe(file: string): string {
  return [
    `f=${shQuote(file)}`,
    'if [ -L "$f" ]; then echo symlink; exit 1; fi',
    'if [ -f "$f" ]; then echo "mode=$(stat -c %a "$f")"; base64 < "$f"; else echo missing; exit 1; fi',
  ].join('\n');
}

export type ConfigFacts =
  | { state: 'missing' }
  | { state: 'unreadable'; reason: string }
  | { state: 'read'; mode: number; text: string; model: ConfModel };

/** Decodes the config probe's output. */
export function configFacts(out: ProbeOutput, file: string): ConfigFacts {
  if (out.exitCode !== 0 && /^missing$/m.test(out.output)) return { state: 'missing' };
  if (out.exitCode !== 0 && /^symlink$|ELOOP|symbolic link/m.test(out.output))
    return {
      state: 'unreadable',
      reason: t('{{file}} is a symbolic link; gate-mqtt does not read through links', { file }),
    };
  const mode = /^mode=([0-7]+)$/m.exec(out.output)?.[1];
  if (out.exitCode !== 0 || !mode) {
    const last = out.output.trim().split('\n').pop();
    return { state: 'unreadable', reason: out.timedOut ? t('timed out') : last || t('unreadable') };
  }
  const base64 = out.output
    .split('\n')
    .filter((l) => !l.startsWith('mode='))
    .join('');
  const decoded = decodeConfig(Buffer.from(base64, 'base64'));
  if (!decoded.ok) return { state: 'unreadable', reason: decoded.message };
  return { state: 'read', mode: parseInt(mode, 8), text: decoded.text, model: analyzeText(decoded.text, file) };
}

export async function readConfig(env: CheckEnv): Promise<ConfigFacts> {
  const file = env.profile.paths.configFile;
  return configFacts(await env.prober.probe('config', configProbe(file)), file);
}

/** The device's own addresses (network.exposure reads the same probe). */
export function probeAddresses(env: CheckEnv): Promise<ProbeOutput> {
  return env.prober.probe('addresses', addressesProbe());
}

/**
 * Where the broker answers on the device, from its config and the device's own addresses (a listener
 * bound to one of them is dialled there); undefined when no config tells.
 */
export async function brokerTarget(env: CheckEnv): Promise<{ host: string; port: number } | undefined> {
  const [facts, addresses] = await Promise.all([readConfig(env), probeAddresses(env)]);
  if (facts.state !== 'read') return undefined;
  return localTarget(facts.model, MOSQUITTO_DEFAULT_PORT, parseAddressesProbe(addresses.output));
}

export function noTarget(id: OutcomeId): CheckOutcome {
  return warn(id, t('skipped: no readable config tells the listener port'), t('see config.present and config.valid'));
}

/** `-h HOST -p PORT` for mosquitto_pub/sub. */
export function clientArgs(host: string, port: number): string {
  return `-h ${shQuote(host)} -p ${shQuote(String(port))}`;
}

/**
 * Asks the daemon for its process list over its RPC socket with the RPC modules of the device's own pm2
 * (a node start of tens of milliseconds instead of the pm2 CLI's hundreds); prints the list as JSON, or
 * "no-daemon". Where that pm2 keeps its RPC modules elsewhere, the CLI's `jlist` answers instead.
 */
const RPC_LIST_JS = [
  'const [dir, sock] = process.argv.slice(1);',
  "const load = (name) => { try { return require(dir + '/modules/' + name); }",
  "  catch { return require(dir + '/node_modules/' + name); } };",
  "const axon = load('pm2-axon'); const rpc = load('pm2-axon-rpc');",
  "const req = axon.socket('req'); const client = new rpc.Client(req);",
  "const none = () => { console.log('no-daemon'); process.exit(0); };",
  "setTimeout(none, 3000); req.once('reconnect attempt', none); req.once('error', none);",
  "req.once('connect', () => client.call('getMonitorData', {}, (error, list) => {",
  "  console.log(error ? 'rpc-error=' + error.message : JSON.stringify(list)); process.exit(0); }));",
  'req.connect(sock);',
].join('\n');

/**
 * pm2's state from its own files and /proc, without starting node: the daemon's pid (pm2.pid, a live
 * "God Daemon"), and mqtt's pid file naming a live child of that daemon, i.e. online. Prints
 * "pm2-files id=N pid=P start=TICKS uptime=SECONDS", or nothing when the files do not settle it (no
 * daemon pid, a pid file left by a stopped or crashed broker, several ids): the daemon is asked then.
 */
const PM2_FILES_SH = [
  'd=$(cat "$h/pm2.pid" 2>/dev/null)',
  'if [ -n "$d" ] && grep -q "God Daemon" "/proc/$d/cmdline" 2>/dev/null; then',
  // NAME-ID.pid: digits after the name, so that mqtt-logs-1.pid is not taken for mqtt's
  `  set -- "$h/pids/${PROCESS_NAME}-"[0-9]*.pid`,
  '  if [ $# -eq 1 ] && [ -f "$1" ]; then',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: shell parameter expansion, not a JS template
  '    i=${1##*-}; i=${i%.pid}; p=$(cat "$1")',
  '    case "$i:$p" in *[!0-9:]*|:*|*:) ;; *)',
  // the fields after the command name (which may hold spaces): state, ppid, …, starttime (the 22nd of stat)
  '      set -- $(sed "s/.*) //" "/proc/$p/stat" 2>/dev/null)',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: shell parameter expansion, not a JS template
  '      [ "$2" = "$d" ] && { echo "pm2-files id=$i pid=$p start=${20} uptime=$(cut -d" " -f1 /proc/uptime)"; exit 0; } ;;',
  '    esac',
  '  fi',
  'fi',
];

/**
 * What pm2 runs: from its files where they suffice (`files`: the doctor, which needs no restart count),
 * else from the daemon over its RPC socket, else the pm2 CLI's jlist.
 */
export function pm2Probe(
  pm2: { node: string; script: string; home: string; rpcSocket: string },
  files: boolean,
): string {
  const dir = pm2.script.replace(/\/bin\/pm2$/, '');
  return [
    `h=${shQuote(pm2.home)}; s=${shQuote(pm2.rpcSocket)}; n=${shQuote(pm2.node)}`,
    'echo "now=$(date +%s)"',
    '[ -S "$s" ] || { echo no-daemon; exit 0; }',
    ...(files ? PM2_FILES_SH : []),
    `"$n" -e ${shQuote(RPC_LIST_JS)} ${shQuote(dir)} "$s" 2>/dev/null ||`,
    `  PM2_HOME="$h" "$n" ${shQuote(pm2.script)} jlist`,
  ].join('\n');
}

/** pm2's process list on the device, read once (pm2.process and broker.orphan share it): its files first. */
export function probePm2(env: CheckEnv): Promise<ProbeOutput> {
  return env.prober.probe('pm2', pm2Probe(env.profile.pm2, true), 30_000);
}

/** pm2's process list from the daemon itself, restart counts and all (status shows them). */
export function probePm2List(env: CheckEnv): Promise<ProbeOutput> {
  return env.prober.probe('pm2-list', pm2Probe(env.profile.pm2, false), 30_000);
}

/**
 * The broker probe broker.listening and broker.roundtrip share: one client that subscribes to a fresh
 * topic and publishes to it (mosquitto_rr, one process, one connection); where mosquitto_rr is missing,
 * a retained publish, a subscribe, and clearing the retained message. Prints "got=WHAT CAME BACK".
 */
export function brokerTripProbe(host: string, port: number, token: string): string {
  const args = clientArgs(host, port);
  const topic = shQuote(`gate-mqtt/doctor/${token}`);
  return [
    'command -v mosquitto_pub >/dev/null || { echo no-client; exit 127; }',
    'if command -v mosquitto_rr >/dev/null; then',
    `  out=$(mosquitto_rr ${args} -t ${topic} -e ${topic} -m ${shQuote(token)} -W 5 2>&1); rc=$?`,
    'else',
    `  mosquitto_pub ${args} -q 1 -r -t ${topic} -m ${shQuote(token)} || exit $?`,
    `  out=$(mosquitto_sub ${args} -q 1 -t ${topic} -C 1 -W 5 2>&1); rc=$?`,
    `  mosquitto_pub ${args} -q 1 -r -n -t ${topic}`,
    'fi',
    'echo "got=$out"; exit $rc',
  ].join('\n');
}

export function probeBrokerTrip(env: CheckEnv, at: { host: string; port: number }): Promise<ProbeOutput> {
  return env.prober.probe('broker-trip', brokerTripProbe(at.host, at.port, env.token), 15_000);
}

// What the mosquitto clients say when they cannot reach a broker, in our words (their text is English).
const CLIENT_FAILURES: Array<[RegExp, string]> = [
  [/connection refused/i, msg('the connection was refused (no program listens on that port)')],
  [/timed out|timeout/i, msg('no answer (timed out)')],
  [/no route to host|network is unreachable/i, msg('the address cannot be reached (no route)')],
  [/lookup error|name or service not known|nodename nor servname/i, msg('the host name does not resolve')],
  [/not authori[sz]ed|bad user/i, msg('the broker refused the client (not authorised)')],
  [/protocol error|unacceptable protocol/i, msg('the broker speaks another protocol')],
];

/**
 * The client's last words (the probe prints them after "got="), in the technician's terms: a known
 * failure in our words, anything else quoted as the client said it.
 */
export function clientFailure(output: string): string {
  const said =
    output
      .trim()
      .split('\n')
      .map((line) =>
        line
          .replace(/^got=/, '')
          .replace(/^Error:\s*/i, '')
          .trim(),
      )
      .filter((line) => line !== '')
      .pop() ?? '';
  const known = CLIENT_FAILURES.find(([pattern]) => pattern.test(said));
  if (known) return t(known[1]);
  return said ? t('the client said: "{{said}}"', { said }) : t('the client ended without a message');
}
