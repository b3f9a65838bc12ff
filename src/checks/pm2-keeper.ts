import { localTime } from '../i18n/format.js';
import { t } from '../i18n/translate.js';
import { KEEPER_NAME } from '../keeper/definition.js';
import { describeKeeper, parseKeeperState } from '../keeper/state.js';
import { shQuote } from '../run/quote.js';
import { type CheckModule, type CheckOutcome, fail, type ProbeOutput, pass, warn } from './check.js';

/**
 * The keepers of this gateway, from /proc: `keeper pid=N daemon=1` when its parent is a pm2 daemon (0: an
 * orphan a killed daemon left), then its state file's lines as `state KEY=VALUE`, and the time.
 */
export function keeperProbe(stateDir: string, stateFile: string): string {
  return [
    `d=${shQuote(stateDir)}`,
    'for f in $(grep -a -l -F -- "$d" /proc/[0-9]*/cmdline 2>/dev/null); do',
    // sh -c SCRIPT NAME EVERY MAX STATE_DIR …: the state folder 3 words after the name (the script has
    // lines of its own, none of them the name alone)
    `  k=$(tr "\\0" "\\n" < "$f" 2>/dev/null | sed -n '/^${KEEPER_NAME}$/{n;n;n;p;q;}')`,
    '  [ "$k" = "$d" ] || continue',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: shell parameter expansion, not a JS template
    '  p=${f#/proc/}; p=${p%/cmdline}',
    '  pp=$(cut -d" " -f4 "/proc/$p/stat" 2>/dev/null)',
    '  if grep -q "God Daemon" "/proc/$pp/cmdline" 2>/dev/null; then echo "keeper pid=$p daemon=1"; else echo "keeper pid=$p daemon=0"; fi',
    'done',
    `[ -f ${shQuote(stateFile)} ] && [ ! -L ${shQuote(stateFile)} ] && sed "s/^/state /" ${shQuote(stateFile)}`,
    'echo "now=$(date +%s)"',
    'exit 0',
  ].join('\n');
}

export function judgeKeeper(out: ProbeOutput): CheckOutcome {
  const id = 'pm2.keeper';
  const keepers = [...out.output.matchAll(/^keeper pid=(\d+) daemon=([01])$/gm)].map((m) => ({
    pid: Number(m[1]),
    underPm2: m[2] === '1',
  }));
  const now = Number(/^now=(\d+)$/m.exec(out.output)?.[1] ?? Date.now() / 1000) * 1000;
  const stateText = [...out.output.matchAll(/^state (.*)$/gm)].map((m) => m[1]).join('\n');
  const state = parseKeeperState(stateText, now);
  const pids = keepers.map((k) => k.pid).join(', ');
  if (keepers.length > 1)
    return fail(
      id,
      t('{{count}} keepers of this gateway run (pid {{pids}}): two would restart one broker', {
        count: keepers.length,
        pids,
      }),
      t('run: gate-mqtt doctor --fix (ends the keepers outside pm2)'),
    );
  if (keepers.length === 0)
    return warn(
      id,
      t('no keeper runs: a broker that hangs or a bridge that stays down goes unnoticed between runs'),
      t('run: gate-mqtt doctor --fix (starts "{{name}}" under pm2)', { name: KEEPER_NAME }),
    );
  const [keeper] = keepers;
  if (!keeper?.underPm2)
    return fail(
      id,
      t('the keeper (pid {{pid}}) runs outside pm2: its daemon was killed', { pid: pids }),
      t('run: gate-mqtt doctor --fix (ends it and starts "{{name}}" under pm2)', { name: KEEPER_NAME }),
    );
  const every = state.checkEvery ?? 60;
  const last = state.lastCheck ? Date.parse(state.lastCheck) : undefined;
  // a check takes up to about 10 s (a round trip and the bridges' states, each with its own timeout)
  if (last === undefined || now - last > (3 * every + 30) * 1000)
    return warn(
      id,
      last === undefined
        ? t('the keeper (pid {{pid}}) has not finished a check yet', { pid: keeper.pid })
        : t('the keeper (pid {{pid}}) has not checked since {{time}}', {
            pid: keeper.pid,
            time: localTime(new Date(last)),
          }),
      t('look at its log: gate-mqtt logs --ours'),
    );
  return pass(
    id,
    t('pid {{pid}}: {{facts}}', { pid: keeper.pid, facts: describeKeeper({ status: 'online', ...state }, now) }),
  );
}

export const pm2Keeper: CheckModule = {
  id: 'pm2.keeper',
  get title() {
    return t('one keeper watches the broker');
  },
  run: async (env) => {
    const { stateDir, keeperState } = env.profile.paths;
    return [judgeKeeper(await env.prober.probe('keeper', keeperProbe(stateDir, keeperState)))];
  },
  fix: 'start-broker',
};
