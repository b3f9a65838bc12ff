import { renameSync, writeFileSync } from 'node:fs';

/** A text file from its lines (each ends with a newline). */
export const lines = (...text: string[]): string => `${text.join('\n')}\n`;

/** The SUPLA bridge section exactly as shared/CLI.md gives it, written out here independently of src/. */
export function suplaSection(v: {
  id: string;
  address: string;
  username: string;
  password: string;
  cafile: string;
}): string {
  return lines(
    '# SUPLA MQTT bridge connection',
    `connection bridge-dom-${v.id}`,
    `address ${v.address}`,
    'topic supla/# in',
    'topic homeassistant/# in',
    'topic supla/+/devices/+/channels/+/execute_action out',
    'topic supla/+/devices/+/channels/+/set/+ out',
    `remote_username ${v.username}`,
    `remote_password ${v.password}`,
    `bridge_cafile ${v.cafile}`,
  );
}

/** Puts an executable in place by rename, as a package does: a running program's binary cannot be written (ETXTBSY). */
export function replaceFile(file: string, content: string, mode = 0o755): void {
  writeFileSync(`${file}.new`, content, { mode });
  renameSync(`${file}.new`, file);
}
