import { t } from '../i18n/translate.js';
import { PROCESS_NAME, parseDump } from '../pm2/process-list.js';
import { shQuote } from '../run/quote.js';
import { type CheckModule, type CheckOutcome, fail, field, type ProbeOutput, pass } from './check.js';

export function startupProbe(bootHook: string, dumpFile: string): string {
  return [
    `hook=${shQuote(bootHook)}; dump=${shQuote(dumpFile)}`,
    'if [ -x "$hook" ]; then echo hook=exec; elif [ -e "$hook" ]; then echo hook=noexec; else echo hook=missing; fi',
    'if [ -f "$dump" ]; then echo dump=present; base64 < "$dump"; else echo dump=missing; fi',
  ].join('\n');
}

function dumpNames(output: string): string[] {
  const lines = output.split('\n');
  const at = lines.indexOf('dump=present');
  if (at === -1) return [];
  try {
    return parseDump(Buffer.from(lines.slice(at + 1).join(''), 'base64').toString('utf8'));
  } catch {
    return [];
  }
}

export function judgeStartup(out: ProbeOutput): CheckOutcome {
  const id = 'startup.registered';
  const hook = field(out.output, 'hook');
  if (hook !== 'exec') {
    const what =
      hook === 'noexec'
        ? t('the Termux:Boot hook is not executable')
        : t('no Termux:Boot hook: the broker will not start after a reboot');
    return fail(id, what, t('run: gate-mqtt doctor --fix'));
  }
  if (!dumpNames(out.output).includes(PROCESS_NAME)) {
    return fail(
      id,
      t('pm2\'s dump does not hold "{{name}}": pm2 resurrect would not start it', { name: PROCESS_NAME }),
      t('run: gate-mqtt doctor --fix (pm2 save)'),
    );
  }
  return pass(id, t('boot hook present and executable; pm2 dump holds mqtt'));
}

export const startupRegistered: CheckModule = {
  id: 'startup.registered',
  get title() {
    return t('start at boot');
  },
  run: async (env) => [
    judgeStartup(await env.prober.probe('startup', startupProbe(env.profile.paths.bootHook, env.profile.pm2.dumpFile))),
  ],
  fix: 'register-startup',
};
