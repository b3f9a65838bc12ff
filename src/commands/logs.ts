import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Context } from '../context/context.js';
import { readEnd, readFrom } from '../fsx/read.js';
import { formatLine, type LogLine, readableLine } from '../i18n/format.js';
import { t } from '../i18n/translate.js';
import { describeKeeperEvent } from '../keeper/events.js';
import { asGateError, badInput, failed } from '../model/errors.js';
import { lastLines } from '../ui/log-lines.js';
import { outputClosed, printJson } from '../ui/print.js';

export interface LogsOptions {
  follow: boolean;
  lines: number;
  ours: boolean;
}

/** Reading the end of a log: at most this much of it (a log is bounded to 1 MiB plus one old file). */
const TAIL_BYTES = 2 * 1024 * 1024;
const POLL_MS = 500;

/** The end of a log as text, from its first whole line; undefined when there is no such log. */
async function endOf(file: string): Promise<string | undefined> {
  const end = await readEnd(file, TAIL_BYTES);
  if (!end) return undefined;
  const text = end.data.toString('utf8');
  return end.data.length < end.size ? text.slice(text.indexOf('\n') + 1) : text;
}

/** The last lines of a log and, when it holds fewer, of its rotated predecessor (FILE.1). */
async function tail(file: string, count: number): Promise<LogLine[] | undefined> {
  const current = await endOf(file);
  if (current === undefined) return undefined;
  let lines = lastLines(current, count);
  if (lines.length < count) {
    const older = await endOf(`${file}.1`);
    if (older) lines = [...lastLines(older, count - lines.length), ...lines];
  }
  return lines.map(readableLine);
}

/**
 * Prints what is appended to the file until the process is stopped or its reader goes away (`| head`:
 * noticed at the next line written); a rotated or truncated log starts over.
 */
async function follow(ctx: Context, file: string, from: number): Promise<number> {
  let offset = from;
  let partial = '';
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    if (outputClosed()) return 0;
    const read = await readFrom(file, offset);
    if (!read || read.size === offset) continue;
    offset = read.size;
    const text = partial + read.data.toString('utf8');
    const lines = text.split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) ctx.print(formatLine(readableLine(line)));
  }
}

/** Our own run logs (provision.log, doctor.log, …), then the pm2 daemon's own log: what ran the broker. */
async function ours(ctx: Context, count: number): Promise<number> {
  const dir = ctx.profile.paths.logDir;
  const broker = path.basename(ctx.profile.paths.brokerLog);
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.log') && n !== broker);
  const files = [...names.sort().map((name) => path.join(dir, name)), ctx.profile.pm2.daemonLog];
  // A log that cannot be read (a link planted at its name, say) is named with why; the others are shown.
  const keeper = ctx.profile.paths.keeperLog;
  const read = await Promise.all(
    files.map((file) =>
      tail(file, count).then(
        // the keeper writes events ("restart reason=…"): shown in words, in the language in use
        (lines) => ({
          file,
          lines: file === keeper ? lines?.map((l) => ({ ...l, text: describeKeeperEvent(l.text) })) : lines,
        }),
        (error: unknown) => ({ file, lines: undefined, problem: asGateError(error).message }),
      ),
    ),
  );
  const logs = read.filter((log) => log.lines !== undefined || 'problem' in log);
  if (ctx.output.json) {
    printJson(ctx, { command: 'logs', ok: true, logs });
    return 0;
  }
  if (!logs.length) ctx.print(t('no run logs in {{dir}} yet', { dir }));
  for (const log of logs) {
    ctx.print(`==> ${log.file} <==`);
    if ('problem' in log) ctx.print(t('(not shown: {{why}})', { why: log.problem }));
    for (const line of log.lines ?? []) ctx.print(formatLine(line));
  }
  return 0;
}

/** `logs`: the broker's log (pm2 writes it to PREFIX/var/log/gate-mqtt/mqtt.log) in local time; -f follows it. */
export async function logs(ctx: Context, options: LogsOptions): Promise<number> {
  if (options.follow && ctx.output.json)
    throw badInput(t('--follow prints lines as they come: it does not go with --json'), t('leave out one of them'));
  if (options.ours) return ours(ctx, options.lines);
  const file = ctx.profile.paths.brokerLog;
  const lines = await tail(file, options.lines);
  if (lines === undefined && !options.follow) {
    throw failed(
      t('no broker log at {{file}}', { file }),
      t('the broker has not run under pm2 here yet: gate-mqtt provision'),
    );
  }
  if (ctx.output.json) {
    printJson(ctx, { command: 'logs', ok: true, file, lines });
    return 0;
  }
  for (const line of lines ?? []) ctx.print(formatLine(line));
  if (!options.follow) return 0;
  return follow(ctx, file, (await readEnd(file, 0))?.size ?? 0);
}
