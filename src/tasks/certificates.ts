import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { chmod, chown, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  coversNames,
  daysLeft,
  EXPIRY_WARN_DAYS,
  pairProblem,
  readCertificate,
  wantedNames,
} from '../config/certificate.js';
import type { Context } from '../context/context.js';
import { readBytes } from '../fsx/read.js';
import { makeScratchDir } from '../fsx/scratch.js';
import { t } from '../i18n/translate.js';
import { failed, unsupported } from '../model/errors.js';
import { done, type Step, skipped } from '../model/steps.js';
import { readLocalAddresses } from '../network/read-addresses.js';
import { describeCommand, tail } from '../run/runner.js';
import { brokerUser } from './auth.js';

/**
 * The self-signed TLS of `listener add tls --self-signed`: a local CA and a server certificate for the
 * gateway's addresses, made by the openssl program (Node cannot make certificates) in a private scratch
 * folder and written below the prefix through the device writer. The keys' content never leaves files
 * and memory: no argv, output, JSON or log holds it.
 */

export interface CertPaths {
  caCert: string;
  caKey: string;
  /**
   * The server's key, then its certificate, in one file (the listener's certfile and keyfile both): one
   * atomic write replaces the pair, so no crash or SIGHUP ever meets a key of another certificate.
   */
  server: string;
}

export const certPaths = (ctx: Context): CertPaths => {
  const dir = ctx.profile.paths.certsDir;
  return {
    caCert: path.join(dir, 'gate-mqtt-ca.pem'),
    caKey: path.join(dir, 'gate-mqtt-ca.key'),
    server: path.join(dir, 'gate-mqtt-server.pem'),
  };
};

const CA_DAYS = 3650;
const SERVER_DAYS = 825;
const EC = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

const opensslConfig = (names: string[]) =>
  [
    '[req]',
    'distinguished_name = dn',
    'prompt = no',
    '[dn]',
    'CN = gate-mqtt',
    '[ca]',
    'basicConstraints = critical,CA:TRUE',
    'keyUsage = critical,keyCertSign,cRLSign',
    'subjectKeyIdentifier = hash',
    '[server]',
    'basicConstraints = critical,CA:FALSE',
    'keyUsage = critical,digitalSignature,keyEncipherment',
    'extendedKeyUsage = serverAuth',
    `subjectAltName = ${names.join(',')}`,
    'subjectKeyIdentifier = hash',
    'authorityKeyIdentifier = keyid',
    '',
  ].join('\n');

async function openssl(ctx: Context, args: string[]): Promise<void> {
  const command = ['openssl', args] as const;
  const result = await ctx.runner.run(command, { timeoutMs: 60_000 });
  if (result.startError)
    throw unsupported(
      t('the openssl program is needed to make certificates and was not found ({{error}})', {
        error: result.startError,
      }),
      t('install it: pkg install openssl-tool (Termux) or apt-get install openssl (Debian)'),
    );
  if (result.exitCode !== 0)
    throw failed(
      t('{{command}} failed: {{output}}', { command: describeCommand(command), output: tail(result.stderr, 2) }),
      t('run again with --verbose'),
    );
}

/** What is there and still good: a certificate with its key that covers `names` and ends in more than 30 days. */
async function good(certFile: string, keyFile: string, names?: string[]): Promise<boolean> {
  const [cert, key] = [await readBytes(certFile), await readBytes(keyFile)];
  if (!cert || !key || pairProblem({ file: certFile, pem: cert }, { file: keyFile, pem: key })) return false;
  const info = readCertificate(cert);
  if (!info || daysLeft(info) < EXPIRY_WARN_DAYS) return false;
  return names === undefined || coversNames(info, names);
}

/** A throwaway pair for a dry run's validation, readable by the broker's user, gone when this process ends. */
async function keepStandIn(ctx: Context, pair: Buffer, owner: { uid: number; gid: number } | undefined) {
  const dir = await makeScratchDir(ctx.profile, 'tls-dry-run');
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  await chmod(dir, 0o755);
  const file = path.join(dir, 'server.pem');
  await writeFile(file, pair, { mode: 0o600 });
  if (owner) await chown(file, owner.uid, owner.gid);
  return file;
}

/**
 * The CA and the server certificate in place: kept when they are good (a second add changes nothing),
 * made anew when missing, ending within 30 days, not covering the gateway's addresses, or `renew` asks.
 * `inUseOnly` (renew, doctor --fix): nothing to do unless a listener of the config uses gate-mqtt's certificate.
 */
export function selfSignedStep(ctx: Context, options: { renew?: boolean; inUseOnly?: boolean } = {}): Step {
  return {
    id: 'tls.certificates',
    title: t('TLS certificates'),
    run: async () => {
      const files = certPaths(ctx);
      const config = (await readBytes(ctx.profile.paths.configFile))?.toString('utf8') ?? '';
      if (options.inUseOnly && !config.split('\n').some((line) => line === `certfile ${files.server}`))
        return skipped(t("no listener uses gate-mqtt's certificate {{file}}", { file: files.server }));
      const list = await readLocalAddresses(ctx.runner, ctx.profile.systemToolPath);
      const names = wantedNames(list.addresses.map((a) => a.address));
      const caGood = await good(files.caCert, files.caKey);
      const serverGood = caGood && !options.renew && (await good(files.server, files.server, names));
      const trust = t('clients trust it with the CA file {{file}}', { file: files.caCert });
      if (serverGood) return done(t('{{file}} is good; {{trust}}', { file: files.server, trust }));
      if (ctx.dryRun)
        ctx.plan.add(t('make a server certificate for {{names}} with openssl', { names: names.join(', ') }));
      let standIn: string | undefined;
      const scratch = await makeScratchDir(ctx.profile, 'tls');
      try {
        const at = (name: string) => path.join(scratch, name);
        await writeFile(at('openssl.cnf'), opensslConfig(names), { mode: 0o600 });
        const cnf = ['-config', at('openssl.cnf')];
        let caKey = files.caKey;
        let caCert = files.caCert;
        if (!caGood) {
          [caKey, caCert] = [at('ca.key'), at('ca.pem')];
          const subject = ['-subj', '/CN=gate-mqtt local CA'];
          const x509 = ['-x509', '-extensions', 'ca', '-days', String(CA_DAYS)];
          await openssl(ctx, ['req', '-new', ...x509, ...EC, ...cnf, ...subject, '-keyout', caKey, '-out', caCert]);
        }
        await openssl(ctx, ['req', '-new', ...EC, ...cnf, '-keyout', at('server.key'), '-out', at('server.csr')]);
        const serial = `0x${randomBytes(12).toString('hex')}`;
        const sign = ['-CA', caCert, '-CAkey', caKey, '-set_serial', serial, '-days', String(SERVER_DAYS), '-sha256'];
        const ext = ['-extfile', at('openssl.cnf'), '-extensions', 'server'];
        await openssl(ctx, ['x509', '-req', '-in', at('server.csr'), ...sign, ...ext, '-out', at('server.pem')]);
        // mosquitto reads the server key after dropping to its user (and again on SIGHUP).
        const owner = await brokerUser(ctx);
        if (!caGood) {
          await ctx.writer.write(files.caKey, await readFile(caKey), { mode: 0o600, reason: 'tls' });
          await ctx.writer.write(files.caCert, await readFile(caCert), { mode: 0o644, reason: 'tls' });
        }
        const pair = Buffer.concat([await readFile(at('server.key')), await readFile(at('server.pem'))]);
        await ctx.writer.write(files.server, pair, { mode: 0o600, reason: 'tls', ...(owner ? { owner } : {}) });
        // A dry run validates the new config with a throwaway pair at another path (nothing on the device).
        if (ctx.dryRun) standIn = await keepStandIn(ctx, pair, owner);
      } finally {
        await rm(scratch, { recursive: true, force: true });
      }
      if (standIn)
        return done(t('dry-run: would make {{file}}', { file: files.server }), true, {
          learned: { standIns: { [files.server]: standIn } },
        });
      return done(
        caGood
          ? t('made {{file}} for {{names}}; {{trust}}', { file: files.server, names: names.join(', '), trust })
          : t('made a local CA and {{file}} for {{names}}; {{trust}}', {
              file: files.server,
              names: names.join(', '),
              trust,
            }),
        true,
        { needsRestart: 'certificate-changed' },
      );
    },
  };
}
