import { t } from '../i18n/translate.js';
import { badInput } from '../model/errors.js';
import { lookupOption } from './options.js';
import { type ConfDoc, fromLines, parseConfig, serializeConfig } from './parse.js';
import { requireSafeValue } from './safe-value.js';

export const SUPLA_HEADER = '# SUPLA MQTT bridge connection';
export const SUPLA_PREFIX = 'bridge-dom-';

export interface SuplaBridge {
  id: string;
  address: string;
  username: string;
  password: string;
  cafile: string;
}

const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})?)*\.?|\[[0-9A-Fa-f:.]+\])$/;

/** `host:port` as the SUPLA bridge takes it: a host name, IPv4 or bracketed IPv6 address, a port 1-65535. */
export function isHostPort(text: string): boolean {
  const match = /^(.+):(\d{1,5})$/.exec(text);
  if (!match) return false;
  const [, host = '', port = ''] = match;
  return Number(port) >= 1 && Number(port) <= 65535 && host.length <= 253 && HOST.test(host);
}

/** Checks every field before anything is written; refusals are exit 2 and name the field only. */
export function checkSuplaBridge(input: SuplaBridge): SuplaBridge {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(input.id))
    throw badInput(
      t('--id must be 1-64 characters of A-Z, a-z, 0-9, _ or -; nothing was changed'),
      t('e.g. --id supla'),
    );
  requireSafeValue('--address', input.address);
  if (!isHostPort(input.address))
    throw badInput(
      t('--address must be HOST:PORT with a host name or IP and a port 1-65535; nothing was changed'),
      t('e.g. --address mqtt.supla.org:8883'),
    );
  requireSafeValue('--username', input.username);
  requireSafeValue(t('the password'), input.password);
  requireSafeValue('--cafile', input.cafile);
  if (!input.cafile.startsWith('/'))
    throw badInput(
      t('--cafile must be an absolute path; nothing was changed'),
      t('e.g. --cafile /data/data/com.termux/files/usr/etc/tls/cert.pem'),
    );
  return input;
}

export function connectionName(id: string): string {
  return id.startsWith(SUPLA_PREFIX) ? id : `${SUPLA_PREFIX}${id}`;
}

/** The SUPLA section exactly as shared/CLI.md gives it. */
export function suplaSectionLines(bridge: SuplaBridge): string[] {
  return [
    SUPLA_HEADER,
    `connection ${connectionName(bridge.id)}`,
    `address ${bridge.address}`,
    'topic supla/# in',
    'topic homeassistant/# in',
    'topic supla/+/devices/+/channels/+/execute_action out',
    'topic supla/+/devices/+/channels/+/set/+ out',
    `remote_username ${bridge.username}`,
    `remote_password ${bridge.password}`,
    `bridge_cafile ${bridge.cafile}`,
  ];
}

export interface SectionRange {
  /** First line index (0-based) to remove: the blank line and header we wrote, when present. */
  start: number;
  /** One past the last line of the section. */
  end: number;
  connectionIndex: number;
}

const isBridgeDirective = (name: string) => lookupOption(name)?.scope === 'bridge' && name !== 'connection';

/** Finds the lines of the bridge `name`: its connection line, the bridge options after it, our header above it. */
export function findBridgeSection(doc: ConfDoc, name: string): SectionRange | undefined {
  const lines = doc.lines;
  const connectionIndex = lines.findIndex((l) => l.kind === 'directive' && l.name === 'connection' && l.value === name);
  if (connectionIndex === -1) return undefined;
  let end = connectionIndex + 1;
  for (let i = connectionIndex + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.kind === 'directive') {
      if (!isBridgeDirective(line.name)) break;
      end = i + 1;
    }
  }
  let start = connectionIndex;
  const above = lines[start - 1];
  if (above?.kind === 'comment' && above.raw.replace(/\r$/, '') === SUPLA_HEADER) start--;
  if (lines[start - 1]?.kind === 'blank' && lines[start - 1]?.raw === '') start--;
  return { start, end, connectionIndex };
}

/** Appends (after one blank line) or replaces in place the SUPLA section; returns the new text. */
export function upsertSupla(text: string, bridge: SuplaBridge, file: string): string {
  const doc = parseConfig(text, file);
  const section = suplaSectionLines(bridge);
  const range = findBridgeSection(doc, connectionName(bridge.id));
  const raws = doc.lines.map((l) => l.raw);
  if (range) {
    const keepBlank = raws[range.start] === '' ? [''] : [];
    raws.splice(range.start, range.end - range.start, ...keepBlank, ...section);
    return serializeConfig(fromLines(file, raws));
  }
  // text ends with '\n' (last raw is ''): the blank line is one more '' before the section.
  const body = text.endsWith('\n') || text === '' ? text : `${text}\n`;
  return `${body}${body === '' ? '' : '\n'}${section.join('\n')}\n`;
}

/** Removes the bridge section; the rest of the file stays byte for byte. */
export function removeBridge(text: string, name: string, file: string): string | undefined {
  const doc = parseConfig(text, file);
  const range = findBridgeSection(doc, name);
  if (!range) return undefined;
  const raws = doc.lines.map((l) => l.raw);
  raws.splice(range.start, range.end - range.start);
  return serializeConfig(fromLines(file, raws));
}
