import { lookupOption } from './options.js';
import { parseConfig, serializeConfig } from './parse.js';

export const REDACTED = '********';

/** The config with every secret value (passwords, PSKs, plugin options) replaced. */
export function redactConfig(text: string): string {
  const doc = parseConfig(text);
  for (const line of doc.lines) {
    if (line.kind !== 'directive' || !lookupOption(line.name)?.secret) continue;
    const indent = /^ */.exec(line.raw)?.[0] ?? '';
    line.raw = `${indent}${line.name} ${REDACTED}${line.raw.endsWith('\r') ? '\r' : ''}`;
  }
  return serializeConfig(doc);
}

export function holdsSecret(text: string): boolean {
  return parseConfig(text).lines.some(
    (line) => line.kind === 'directive' && lookupOption(line.name)?.secret && line.value !== '',
  );
}
