import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { daysLeft, pairProblem, readCertificate } from '../config/certificate.js';
import { isPlainMqtt, type ListenerSpec, originOf } from '../config/listener-section.js';
import { loadConfigText } from '../config/load.js';
import { requireSafeValue } from '../config/safe-value.js';
import type { Context } from '../context/context.js';
import { readBytes, readText } from '../fsx/read.js';
import { t } from '../i18n/translate.js';
import { badInput } from '../model/errors.js';
import { PIPELINES } from '../pipelines/catalog.js';
import { runPipeline } from '../pipelines/run.js';
import { certPaths } from '../tasks/certificates.js';
import { finishSteps, printJson } from '../ui/print.js';

export interface TlsInput {
  port: number;
  cert: string | undefined;
  key: string | undefined;
  cafile: string | undefined;
  selfSigned: boolean;
}

const absolute = (option: string, file: string) => {
  requireSafeValue(option, file);
  if (!file.startsWith('/'))
    throw badInput(
      t('{{option}} must be an absolute path; nothing was changed', { option }),
      t('e.g. {{option}} /data/data/com.termux/files/usr/etc/mosquitto/certs/server.pem', { option }),
    );
  return file;
};

async function readInput(option: string, file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    throw badInput(
      t('{{option}} {{file}} cannot be read ({{code}}); nothing was changed', {
        option,
        file,
        code: (error as NodeJS.ErrnoException).code ?? 'error',
      }),
      t('name a readable PEM file'),
    );
  }
}

/** `listener add tls`: --self-signed, or a certificate and its key checked before anything is touched. */
export async function listenerAddTls(ctx: Context, input: TlsInput): Promise<number> {
  const given = input.cert !== undefined || input.key !== undefined;
  if (input.selfSigned === given || (given && (input.cert === undefined || input.key === undefined)))
    throw badInput(
      t('give either --self-signed, or --cert FILE and --key FILE'),
      t('e.g. gate-mqtt listener add tls --port 8883 --self-signed'),
    );
  if (input.selfSigned) {
    if (input.cafile !== undefined) throw badInput(t('--cafile goes with --cert and --key'), t('leave it out'));
    const files = certPaths(ctx);
    const spec: ListenerSpec = { kind: 'tls', port: input.port, certfile: files.server, keyfile: files.server };
    return finishSteps(ctx, await runPipeline(ctx, PIPELINES['listener add'](ctx, { spec, selfSigned: true })));
  }
  const certfile = absolute('--cert', input.cert!);
  const keyfile = absolute('--key', input.key!);
  const cafile = input.cafile === undefined ? undefined : absolute('--cafile', input.cafile);
  const cert = await readInput('--cert', certfile);
  const key = await readInput('--key', keyfile);
  if (cafile !== undefined && !readCertificate(await readInput('--cafile', cafile)))
    throw badInput(t('{{file}} is not a PEM certificate', { file: cafile }), t('name a file of PEM certificates'));
  const problem = pairProblem({ file: certfile, pem: cert }, { file: keyfile, pem: key });
  if (problem) throw badInput(t('{{problem}}; nothing was changed', { problem }), t('name a matching, valid pair'));
  const spec: ListenerSpec = { kind: 'tls', port: input.port, certfile, keyfile, ...(cafile ? { cafile } : {}) };
  return finishSteps(ctx, await runPipeline(ctx, PIPELINES['listener add'](ctx, { spec })));
}

export async function listenerAddWebsockets(ctx: Context, port: number): Promise<number> {
  const spec: ListenerSpec = { kind: 'websockets', port };
  return finishSteps(ctx, await runPipeline(ctx, PIPELINES['listener add'](ctx, { spec })));
}

export async function listenerRemove(ctx: Context, port: number): Promise<number> {
  return finishSteps(ctx, await runPipeline(ctx, PIPELINES['listener remove'](ctx, { port })));
}

export async function listenerRenew(ctx: Context): Promise<number> {
  return finishSteps(ctx, await runPipeline(ctx, PIPELINES['listener renew'](ctx)));
}

/** The listeners of the config: port, address, kind, who added it, and for TLS its files and end date. */
export async function listenerList(ctx: Context): Promise<number> {
  const file = ctx.profile.paths.configFile;
  const text = (await readText(file)) ?? '';
  const config = await loadConfigText(text, file);
  const ours = certPaths(ctx);
  const listeners = await Promise.all(
    config.model.listeners.map(async (l) => {
      const value = (name: string) => l.options.get(name)?.value ?? null;
      const certfile = value('certfile');
      const tls = certfile !== null && value('keyfile') !== null;
      const info = tls
        ? readCertificate((await readBytes(path.resolve(ctx.profile.paths.home, certfile))) ?? '')
        : undefined;
      return {
        port: l.port,
        address: l.bind ?? null,
        protocol: l.protocol,
        tls,
        plain: isPlainMqtt(l),
        origin: l.port > 0 ? originOf(text, file, l.port) : 'other',
        certfile: tls ? certfile : null,
        cafile: tls ? (certfile === ours.server ? ours.caCert : value('cafile')) : null,
        validTo: info ? info.validTo.toISOString() : null,
        daysLeft: info ? daysLeft(info) : null,
        line: l.line,
      };
    }),
  );
  if (ctx.output.json) {
    printJson(ctx, { command: 'listener list', ok: true, changed: false, steps: [], error: null, listeners });
    return 0;
  }
  if (listeners.length === 0) ctx.print(t('no listeners (mosquitto listens on 127.0.0.1 and ::1 port 1883 only)'));
  for (const l of listeners) {
    const kind = l.tls ? 'TLS' : l.protocol === 'websockets' ? 'websockets' : 'MQTT';
    const origin = { factory: t('factory'), 'gate-mqtt': t('added by gate-mqtt'), other: t('written by hand') }[
      l.origin
    ];
    const where = `${l.address ?? '*'}:${l.port}`;
    ctx.print(`${where}  ${kind}  ${origin}  ${t('(line {{line}})', { line: l.line })}`);
    if (l.certfile) {
      const ends = l.validTo
        ? t('ends {{date}} ({{count}} day(s) left)', { date: l.validTo.slice(0, 10), count: l.daysLeft ?? 0 })
        : t('cannot be read');
      ctx.print(`  ${t('certificate {{file}}: {{ends}}', { file: l.certfile, ends })}`);
      if (l.cafile) ctx.print(`  ${t('clients trust it with the CA file {{file}}', { file: l.cafile })}`);
    }
  }
  return 0;
}
