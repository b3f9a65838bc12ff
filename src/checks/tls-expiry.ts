import path from 'node:path';
import { EXPIRY_WARN_DAYS, judgeExpiry, readCertificate } from '../config/certificate.js';
import type { ConfModel } from '../config/model.js';
import { t } from '../i18n/translate.js';
import { shQuote } from '../run/quote.js';
import { type CheckModule, type CheckOutcome, fail, type ProbeOutput, pass, warn } from './check.js';
import { readConfig } from './shared.js';

const ID = 'tls.expiry';

/** Every listener certfile of the config (relative ones from HOME, where pm2 starts the broker). */
export function certFiles(model: ConfModel, home: string): string[] {
  const files = model.listeners
    .map((l) => l.options.get('certfile')?.value)
    .filter((f): f is string => f !== undefined)
    .map((f) => path.resolve(home, f));
  return [...new Set(files)];
}

/**
 * Each file as `file=PATH` then its certificates in base64, never through a link. Only the CERTIFICATE
 * blocks leave the device: a file that holds the key too (gate-mqtt's own) keeps it there.
 */
export function certProbe(files: string[]): string {
  return [
    `for f in ${files.map(shQuote).join(' ')}; do`,
    '  echo "file=$f"',
    '  if [ -L "$f" ] || [ ! -f "$f" ]; then echo missing=1',
    '  elif [ ! -r "$f" ]; then echo unreadable=1',
    "  else sed -n '/^-----BEGIN CERTIFICATE-----/,/^-----END CERTIFICATE-----/p' \"$f\" | base64 | sed 's/^/b64=/'; fi",
    'done',
    'exit 0',
  ].join('\n');
}

const renewHint = () =>
  t(
    "gate-mqtt's own certificate: gate-mqtt listener renew; your own: replace the file (same path), then gate-mqtt listener renew puts it in force",
  );

/** Pure: the probe's output, judged against `now`: ended fails, within 30 days warns. */
export function judgeCertificates(out: ProbeOutput, now = new Date()): CheckOutcome {
  if (out.timedOut) return warn(ID, t('timed out'), t('run again with --verbose'));
  const blocks = out.output.split(/^file=/m).slice(1);
  if (blocks.length === 0) return pass(ID, t('no TLS certificate in the config'));
  const bad: CheckOutcome[] = [];
  const fine: string[] = [];
  for (const block of blocks) {
    const [file = '', ...rest] = block.split('\n');
    const b64 = rest
      .filter((l) => l.startsWith('b64='))
      .map((l) => l.slice(4))
      .join('');
    const info = b64 ? readCertificate(Buffer.from(b64, 'base64')) : undefined;
    if (!info) {
      bad.push(warn(ID, t('{{file}}: no certificate could be read', { file }), t('see config.valid')));
      continue;
    }
    const verdict = judgeExpiry(info, now);
    const date = info.validTo.toISOString().slice(0, 10);
    if (verdict.state === 'ended')
      bad.push(fail(ID, t('{{file}} ended on {{date}}: TLS clients refuse it', { file, date }), renewHint()));
    else if (verdict.state === 'soon')
      bad.push(
        warn(
          ID,
          t('{{file}} ends on {{date}}, in {{count}} day(s) (warned from {{limit}} days)', {
            file,
            date,
            count: verdict.days,
            limit: EXPIRY_WARN_DAYS,
          }),
          renewHint(),
        ),
      );
    else fine.push(t('{{file}} ends on {{date}}', { file, date }));
  }
  const worst = bad.find((o) => o.status === 'fail') ?? bad[0];
  return worst ?? pass(ID, fine.join('; '));
}

export const tlsExpiry: CheckModule = {
  id: 'tls.expiry',
  get title() {
    return t('TLS certificates');
  },
  run: async (env) => {
    // Like bridges: a gateway without TLS listeners (the factory one) shows no line (config.* speak of its config).
    const facts = await readConfig(env);
    const files = facts.state === 'read' ? certFiles(facts.model, env.profile.paths.home) : [];
    if (files.length === 0) return [];
    return [judgeCertificates(await env.prober.probe('certificates', certProbe(files)))];
  },
  // gate-mqtt's own certificate only: one of yours is replaced by you (the hint says so)
  fix: 'renew-certificate',
};
