import path from 'node:path';
import { connect } from 'node:tls';
import { readCertificate } from '../config/certificate.js';
import { readConfigFile } from '../config/load.js';
import type { Context } from '../context/context.js';
import { readBytes } from '../fsx/read.js';
import { t } from '../i18n/translate.js';
import { failed } from '../model/errors.js';
import { done, type Step, skipped } from '../model/steps.js';
import { PROCESS_NAME } from '../pm2/process-list.js';
import { serveAndVerify } from './serve.js';

/**
 * A renewed certificate put in force. mosquitto 2.0 reloads every MQTT listener's certfile and keyfile on
 * SIGHUP (src/loop.c: listeners__reload_all_certificates, since 2.0.0; the man page says so for both
 * options), as the user it dropped to: so first SIGHUP, then each TLS listener is asked which certificate
 * it serves. Only where one still serves the old one (websockets over TLS is libwebsockets' and is not
 * reloaded) is the broker restarted, and proven again.
 */

interface TlsListener {
  host: string;
  port: number;
  certfile: string;
}

/** Where a listener is dialled from the gateway itself: its own address, loopback for a wildcard or none. */
const dialHost = (bind: string | undefined) =>
  bind === undefined || bind === '0.0.0.0' ? '127.0.0.1' : bind === '::' ? '::1' : bind;

/** The fingerprint of the certificate a TLS listener on this machine presents (no trust check: we compare it). */
export function servedFingerprint(host: string, port: number, timeoutMs = 3000): Promise<string | undefined> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, rejectUnauthorized: false, servername: 'localhost' });
    const finish = (value: string | undefined) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(value);
    };
    const timer = setTimeout(() => finish(undefined), timeoutMs);
    socket.once('secureConnect', () => finish(socket.getPeerCertificate().fingerprint256 || undefined));
    socket.once('error', () => finish(undefined));
  });
}

async function stale(listeners: TlsListener[]): Promise<TlsListener[]> {
  const out: TlsListener[] = [];
  for (const l of listeners) {
    const want = readCertificate((await readBytes(l.certfile)) ?? '')?.fingerprint256;
    if (want === undefined || (await servedFingerprint(l.host, l.port)) !== want) out.push(l);
  }
  return out;
}

export function reloadCertificatesStep(ctx: Context): Step {
  return {
    id: 'tls.reload',
    title: t('Certificates in force'),
    run: async (facts) => {
      const read = await readConfigFile(ctx.profile.paths.configFile);
      const model = read.ok ? read.config.model : undefined;
      const listeners = (model?.listeners ?? [])
        .filter((l) => l.port > 0 && l.options.has('certfile') && l.options.has('keyfile'))
        .map((l) => ({
          host: dialHost(l.bind),
          port: l.port,
          certfile: path.resolve(ctx.profile.paths.home, l.options.get('certfile')!.value),
        }));
      if (listeners.length === 0) return skipped(t('no TLS listener in the config'));
      const broker = await ctx.pm2.find(PROCESS_NAME);
      if (ctx.dryRun) {
        ctx.plan.add(`kill -HUP ${broker?.pid ?? 'PID'}`);
        return done(t('dry-run: would send SIGHUP to the broker and check what each TLS listener serves'), true);
      }
      let behind = await stale(listeners);
      if (behind.length === 0 && !facts.restartReasons.includes('certificate-changed'))
        return done(t('every TLS listener serves the certificate in its certfile'));
      if (broker?.status === 'online' && broker.pid) {
        // a signal, not a program: mosquitto re-reads its listeners' certificates (dry-run returned above)
        process.kill(broker.pid, 'SIGHUP');
        for (let i = 0; i < 20 && behind.length > 0; i++) {
          await new Promise((r) => setTimeout(r, 100));
          behind = await stale(listeners);
        }
        if (behind.length === 0)
          return done(
            t(
              'reloaded on SIGHUP (pid {{pid}}), no restart: every TLS listener ({{count}}) serves the certificate in its certfile',
              {
                pid: broker.pid,
                count: listeners.length,
              },
            ),
            true,
          );
      }
      const served = await serveAndVerify(ctx, ['certificate-changed'], facts);
      behind = await stale(listeners);
      if (behind.length > 0)
        throw failed(
          t('listener {{port}} does not serve the certificate in {{file}}', {
            port: behind[0]!.port,
            file: behind[0]!.certfile,
          }),
          t('see why: gate-mqtt logs -n 50'),
        );
      return done(t('restarted: {{detail}}', { detail: served.detail }), true, { restarted: served.restarted });
    },
  };
}
