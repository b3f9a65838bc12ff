import { createPrivateKey, X509Certificate } from 'node:crypto';
import { t } from '../i18n/translate.js';

/**
 * Certificates as Node reads them (crypto.X509Certificate): when they end, what names they cover, whether
 * a key belongs to them. Node cannot make certificates (openssl does: tasks/certificates.ts). Messages
 * here name files, never a key's content.
 */

/** A certificate ends within this many days: doctor's tls.expiry warns, `listener renew` makes a new one. */
export const EXPIRY_WARN_DAYS = 30;
const DAY_MS = 24 * 3600 * 1000;

export interface CertInfo {
  subject: string;
  issuer: string;
  validFrom: Date;
  validTo: Date;
  /** subjectAltName entries: "DNS:localhost", "IP Address:127.0.0.1". */
  names: string[];
  fingerprint256: string;
}

/** The first certificate of a PEM file; undefined when there is none Node can read. */
export function readCertificate(pem: string | Buffer): CertInfo | undefined {
  try {
    const cert = new X509Certificate(pem);
    return {
      subject: cert.subject,
      issuer: cert.issuer,
      validFrom: new Date(cert.validFrom),
      validTo: new Date(cert.validTo),
      names: (cert.subjectAltName ?? '').split(', ').filter((n) => n !== ''),
      fingerprint256: cert.fingerprint256,
    };
  } catch {
    return undefined;
  }
}

/** Whole days from `now` until the certificate ends (negative: it has ended). */
export const daysLeft = (info: CertInfo, now = new Date()) =>
  Math.floor((info.validTo.getTime() - now.getTime()) / DAY_MS);

export type ExpiryVerdict = { state: 'good' | 'soon' | 'ended' | 'not-yet'; days: number };

export function judgeExpiry(info: CertInfo, now = new Date()): ExpiryVerdict {
  const days = daysLeft(info, now);
  if (info.validTo.getTime() <= now.getTime()) return { state: 'ended', days };
  if (info.validFrom.getTime() > now.getTime()) return { state: 'not-yet', days };
  return { state: days < EXPIRY_WARN_DAYS ? 'soon' : 'good', days };
}

/**
 * Why a certificate and key pair cannot serve a TLS listener (unreadable, not PEM, the key of another
 * certificate, ended, not valid yet, a key behind a passphrase); undefined when they can.
 */
export function pairProblem(
  cert: { file: string; pem: Buffer },
  key: { file: string; pem: Buffer },
): string | undefined {
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(cert.pem);
  } catch {
    return t('{{file}} is not a PEM certificate', { file: cert.file });
  }
  let privateKey: ReturnType<typeof createPrivateKey>;
  try {
    privateKey = createPrivateKey({ key: key.pem, format: 'pem' });
  } catch (error) {
    return /passphrase/i.test((error as Error).message)
      ? t('{{file}} is protected by a passphrase: mosquitto cannot read it unattended', { file: key.file })
      : t('{{file}} is not a PEM private key', { file: key.file });
  }
  if (!x509.checkPrivateKey(privateKey))
    return t('{{key}} is not the key of {{cert}}', { key: key.file, cert: cert.file });
  const info = readCertificate(cert.pem)!;
  const verdict = judgeExpiry(info);
  if (verdict.state === 'ended')
    return t('{{file}} ended on {{date}}', { file: cert.file, date: info.validTo.toISOString().slice(0, 10) });
  if (verdict.state === 'not-yet')
    return t('{{file}} is not valid before {{date}}', {
      file: cert.file,
      date: info.validFrom.toISOString().slice(0, 10),
    });
  return undefined;
}

/** The names a certificate must cover: loopback, localhost and every address given (link-local ones left out). */
export function wantedNames(addresses: string[]): string[] {
  const ips = ['127.0.0.1', '::1', ...addresses.filter((a) => !/^fe80:/i.test(a) && !a.includes('%'))];
  return ['DNS:localhost', ...[...new Set(ips)].map((ip) => `IP:${ip}`)];
}

/** Node writes IP names as "IP Address:…", openssl's config as "IP:…"; IPv6 in its full form in Node. */
export function coversNames(info: CertInfo, wanted: string[]): boolean {
  const have = new Set(info.names.map((n) => n.replace(/^IP Address:/, 'IP:').toLowerCase()));
  const expand = (name: string) => {
    if (!name.startsWith('IP:') || !name.includes(':', 3)) return name.toLowerCase();
    return `ip:${expandIpv6(name.slice(3))}`;
  };
  const haveExpanded = new Set(
    [...have].map((n) => (n.startsWith('ip:') && n.includes(':', 3) ? `ip:${expandIpv6(n.slice(3))}` : n)),
  );
  return wanted.every((name) => haveExpanded.has(expand(name)));
}

function expandIpv6(address: string): string {
  const [head = '', tail = ''] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = address.includes('::') ? (tail ? tail.split(':') : []) : [];
  const middle = address.includes('::') ? Array(8 - left.length - right.length).fill('0') : [];
  return [...left, ...middle, ...right].map((part) => part.replace(/^0+(?=.)/, '')).join(':');
}
