import { t } from '../i18n/translate.js';
import { badInput } from '../model/errors.js';
import { analyzeText } from './load.js';
import type { Listener } from './model.js';
import { lookupOption } from './options.js';
import { type ConfDoc, type DirectiveLine, fromLines, parseConfig, serializeConfig } from './parse.js';

/**
 * The listeners gate-mqtt adds (`listener add tls|websockets`): one section each, after one blank line at
 * the end of the file, under a header that marks it as ours. Only our sections are updated or removed;
 * the rest of the file stays byte for byte (add then remove gives back the identical file).
 */

export const LISTENER_HEADER = '# gate-mqtt listener';
/** The header of the factory config: the listener right below it is the gateway's own. */
export const FACTORY_HEADER = '# AIS Config file for mosquitto on gate';

export type ListenerSpec =
  | { kind: 'tls'; port: number; certfile: string; keyfile: string; cafile?: string }
  | { kind: 'websockets'; port: number };

/** The section exactly as written: the header, the listener on every IPv4 address (as the factory one), its files. */
export function listenerSectionLines(spec: ListenerSpec, access: readonly string[] = []): string[] {
  const head = [`${LISTENER_HEADER} (${spec.kind === 'tls' ? 'TLS' : 'websockets'})`, `listener ${spec.port} 0.0.0.0`];
  if (spec.kind === 'websockets') return [...head, 'protocol websockets', ...access];
  return [
    ...head,
    `certfile ${spec.certfile}`,
    `keyfile ${spec.keyfile}`,
    ...(spec.cafile ? [`cafile ${spec.cafile}`] : []),
    ...access,
  ];
}

interface Range {
  start: number;
  end: number;
  listenerIndex: number;
  ours: boolean;
  factory: boolean;
}

const portOf = (line: DirectiveLine) => Number(line.value.split(' ')[0]);
const isListenerOption = (name: string) => {
  const scope = lookupOption(name)?.scope;
  return name !== 'listener' && (scope === 'listener' || scope === 'security');
};

/** The lines of the listener on `port`: its `listener` line, the listener options after it, our header above. */
export function findListenerSection(doc: ConfDoc, port: number): Range | undefined {
  const lines = doc.lines;
  const listenerIndex = lines.findIndex((l) => l.kind === 'directive' && l.name === 'listener' && portOf(l) === port);
  if (listenerIndex === -1) return undefined;
  let end = listenerIndex + 1;
  for (let i = listenerIndex + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.kind === 'directive') {
      if (!isListenerOption(line.name)) break;
      end = i + 1;
    }
  }
  const above = lines[listenerIndex - 1];
  const header = above?.kind === 'comment' ? above.raw.replace(/\r$/, '') : '';
  const ours = header.startsWith(LISTENER_HEADER);
  let start = ours ? listenerIndex - 1 : listenerIndex;
  if (ours && lines[start - 1]?.kind === 'blank' && lines[start - 1]?.raw === '') start--;
  return { start, end, listenerIndex, ours, factory: header === FACTORY_HEADER && listenerIndex === 1 };
}

/**
 * The new text with the section added, or ours updated in place; undefined when it already is as asked.
 * `access`: the login lines the section needs where the config's access is per listener.
 */
export function upsertListener(
  text: string,
  spec: ListenerSpec,
  file: string,
  access: readonly string[] = [],
): string | undefined {
  const doc = parseConfig(text, file);
  const section = listenerSectionLines(spec, access);
  const range = findListenerSection(doc, spec.port);
  const raws = doc.lines.map((l) => l.raw);
  if (range) {
    if (!range.ours)
      throw badInput(
        t(
          'port {{port}} already has a listener in {{file}} (line {{line}}) that gate-mqtt did not add; nothing was changed',
          {
            port: spec.port,
            file,
            line: range.listenerIndex + 1,
          },
        ),
        t('choose another --port, or change that listener with: gate-mqtt config edit'),
      );
    const keepBlank = raws[range.start] === '' ? [''] : [];
    raws.splice(range.start, range.end - range.start, ...keepBlank, ...section);
    const next = serializeConfig(fromLines(file, raws));
    return next === text ? undefined : next;
  }
  const body = text.endsWith('\n') || text === '' ? text : `${text}\n`;
  return `${body}${body === '' ? '' : '\n'}${section.join('\n')}\n`;
}

/** A plain MQTT listener (no TLS, not websockets): the one LAN devices, the keeper and our checks use. */
export const isPlainMqtt = (l: Listener) =>
  l.port > 0 && l.protocol === 'mqtt' && !(l.options.has('certfile') && l.options.has('keyfile'));

/**
 * The text without the listener on `port`; undefined when there is none. Refused (exit 2): a listener we
 * did not add (the factory one above all), and the last plain MQTT listener.
 */
export function removeListener(text: string, port: number, file: string): string | undefined {
  const doc = parseConfig(text, file);
  const range = findListenerSection(doc, port);
  if (!range) return undefined;
  if (range.factory)
    throw badInput(
      t(
        "listener {{port}} is the gateway's factory listener (the home server and LAN devices connect there); gate-mqtt does not remove it; nothing was changed",
        { port },
      ),
      t('to change it anyway: gate-mqtt config edit'),
    );
  if (!range.ours)
    throw badInput(
      t('listener {{port}} (line {{line}}) was not added by gate-mqtt; it is not removed; nothing was changed', {
        port,
        line: range.listenerIndex + 1,
      }),
      t('to change it anyway: gate-mqtt config edit'),
    );
  const raws = doc.lines.map((l) => l.raw);
  raws.splice(range.start, range.end - range.start);
  const next = serializeConfig(fromLines(file, raws));
  if (!analyzeText(next, file).listeners.some(isPlainMqtt))
    throw badInput(
      t('listener {{port}} is the last plain MQTT listener: the broker needs one; nothing was changed', { port }),
      t('add another first, or change the config with: gate-mqtt config edit'),
    );
  return next;
}

/** Who wrote a listener: the factory config, gate-mqtt (`listener add`), or someone by hand. */
export function originOf(text: string, file: string, port: number): 'factory' | 'gate-mqtt' | 'other' {
  const range = findListenerSection(parseConfig(text, file), port);
  return range?.factory ? 'factory' : range?.ours ? 'gate-mqtt' : 'other';
}
