import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { freePort } from '../broker/port.js';
import type { ConfIssue, Located } from '../config/model.js';
import { lookupOption } from '../config/options.js';
import { t } from '../i18n/translate.js';
import type { Runner } from '../run/runner.js';

/** Options a trial must not carry: they would touch the live broker's files or bind where it does. */
const DROPPED = new Set([
  'include_dir',
  'persistence',
  'persistence_file',
  'persistence_location',
  'autosave_interval',
  'autosave_on_changes',
  'pid_file',
  'log_dest',
  'bind_address',
  'bind_interface',
]);

export interface TrialConfig {
  text: string;
  /** Trial line (1-based) → where it came from. */
  origin: Map<number, Located>;
}

/**
 * The candidate config made safe to start beside the live broker: every listener moved to a free
 * loopback port, bridges left out (a second connection with the live bridge's client id would take
 * over the gateway's real bridge; the model checks their options), no persistence, pid file or logs.
 */
export async function trialConfig(entries: Located[], socketDir: string): Promise<TrialConfig> {
  const lines: string[] = ['# gate-mqtt trial start'];
  const origin = new Map<number, Located>();
  for (const entry of entries) {
    const spec = lookupOption(entry.name);
    if (spec?.scope === 'bridge' || DROPPED.has(entry.name)) continue;
    let text = entry.raw.replace(/\r$/, ''); // as written: mosquitto judges the line itself
    if (entry.name === 'listener' || entry.name === 'port') {
      const [port] = entry.value.split(/[ \t]+/);
      text =
        port === '0'
          ? `listener 0 ${path.join(socketDir, `trial-${lines.length}.sock`)}`
          : `listener ${await freePort()} 127.0.0.1`;
    }
    lines.push(text);
    origin.set(lines.length, entry);
  }
  return { text: `${lines.join('\n')}\n`, origin };
}

export type TrialResult = { ok: true } | { ok: false; issue: ConfIssue };

/** Finds the config line a mosquitto error is about: by "Error found at" or by a value it names. */
function locateError(
  output: string,
  exitCode: number | null,
  trial: TrialConfig,
  trialFile: string,
  fallback: Located | undefined,
): ConfIssue {
  const errorsSeen = output.split('\n').filter((l) => /Error/.test(l));
  const said = (errorsSeen.find((l) => !/Error found at/.test(l)) || errorsSeen[0] || output.trim().split('\n').pop())
    ?.replace(/^\d+: /, '')
    .replace(/^Error: /, '')
    .trim();
  if (!said) return silentExit(exitCode, trial, fallback);
  const at = new RegExp(`Error found at ${trialFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:(\\d+)`).exec(output);
  const from = at
    ? trial.origin.get(Number(at[1]))
    : [...trial.origin.values()].find((e) => e.value && said.includes(e.value));
  const where = from ?? fallback;
  return {
    file: where?.file ?? 'mosquitto.conf',
    line: where?.line ?? 1,
    severity: 'error',
    message: t('mosquitto: {{message}}', { message: said }),
  };
}

/**
 * mosquitto that exits without a word: 2.0.11 does so when memory_limit is too small to start in (about
 * 21 KB). Said in our words, at the memory_limit line when the config has one.
 */
function silentExit(exitCode: number | null, trial: TrialConfig, fallback: Located | undefined): ConfIssue {
  const limit = [...trial.origin.values()].find((e) => e.name === 'memory_limit');
  const where = limit ?? fallback;
  const code = exitCode ?? '?';
  return {
    file: where?.file ?? 'mosquitto.conf',
    line: where?.line ?? 1,
    severity: 'error',
    message: limit
      ? t(
          'mosquitto exited at once without a message (exit {{code}}): memory_limit {{value}} is too little to start in',
          {
            code,
            value: limit.value,
          },
        )
      : t('mosquitto exited at once without a message (exit {{code}})', { code }),
  };
}

const TRIAL_TIMEOUT_MS = 5000;

/**
 * Starts the real mosquitto on the trial config (in `dir`, a scratch folder removed afterwards) for a
 * moment: it either says it is running (good) or exits with its own error (exit 3 and "Error found at
 * FILE:LINE" for a config error).
 */
export async function trialStart(
  runner: Runner,
  mosquitto: string,
  entries: Located[],
  dir: string,
): Promise<TrialResult> {
  try {
    const trial = await trialConfig(entries, dir);
    const file = path.join(dir, 'trial.conf');
    await writeFile(file, trial.text, { mode: 0o600 });
    const run = await runner.watch([mosquitto, ['-v', '-c', file]], {
      until: /mosquitto version \S+ running/,
      timeoutMs: TRIAL_TIMEOUT_MS,
    });
    if (run.matched) return { ok: true };
    if (run.timedOut) {
      const message = t('the trial start of mosquitto timed out: no "running" within {{ms}} ms', {
        ms: TRIAL_TIMEOUT_MS,
      });
      return { ok: false, issue: { file: entries[0]?.file ?? file, line: 1, severity: 'error', message } };
    }
    return { ok: false, issue: locateError(run.output, run.exitCode, trial, file, entries[0]) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
