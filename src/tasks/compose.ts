import { type AccessFiles, sectionAccess } from '../config/access-profile.js';
import { connectionName, removeBridge, type SuplaBridge, upsertSupla } from '../config/bridge-section.js';
import { type ListenerSpec, removeListener, upsertListener } from '../config/listener-section.js';
import { t } from '../i18n/translate.js';
import { badInput } from '../model/errors.js';
import type { Composed } from './apply.js';

/**
 * How each config command makes its new config from the one on disk. They run under the run lock (in
 * the `config.compose` step), so a change made by another run in the meantime is built upon, not lost.
 */

/** A whole new config (config apply, edit, restore): the text as given (none: nothing to change). */
export const wholeText = (text: string | undefined, from: string) => (): Composed =>
  text === undefined ? { detail: from } : { text, detail: from };

const noConfig = (file: string) => badInput(t('{{file}} does not exist', { file }), t('run: gate-mqtt provision'));

/** bridge add: the SUPLA section appended, or updated in place; the rest of the file byte for byte. */
export const withBridge =
  (bridge: SuplaBridge, file: string) =>
  (current: string | undefined): Composed => {
    if (current === undefined) throw noConfig(file);
    const text = upsertSupla(current, bridge, file);
    const name = connectionName(bridge.id);
    if (text === current) return { text, detail: t('bridge {{name}} is already as asked', { name }) };
    const known = removeBridge(current, name, file) !== undefined;
    return {
      text,
      detail: known ? t('bridge {{name}} updated in place', { name }) : t('bridge {{name}} added', { name }),
    };
  };

/** bridge remove: the section of `id` (or of `bridge-dom-id`) taken out; nothing to do when it is not there. */
export const withoutBridge =
  (id: string, file: string) =>
  (current: string | undefined): Composed => {
    if (current === undefined) throw noConfig(file);
    for (const name of [connectionName(id), id]) {
      const text = removeBridge(current, name, file);
      if (text !== undefined) return { text, detail: t('bridge {{name}} removed', { name }) };
    }
    return { detail: t('no bridge "{{id}}" in {{file}}; nothing to remove', { id, file }) };
  };

/** listener add: our section appended, or updated in place; the same listener again changes nothing. */
export const withListener =
  (spec: ListenerSpec, file: string, files: AccessFiles) =>
  (current: string | undefined): Composed => {
    if (current === undefined) throw noConfig(file);
    const words = { port: spec.port, kind: spec.kind === 'tls' ? 'TLS' : 'websockets' };
    const text = upsertListener(current, spec, file, sectionAccess(current, file, files));
    if (text === undefined) return { detail: t('{{kind}} listener {{port}} is already as asked', words) };
    const known = current.split('\n').some((line) => line.startsWith(`listener ${spec.port} `));
    return {
      text,
      detail: known
        ? t('{{kind}} listener {{port}} updated in place', words)
        : t('{{kind}} listener {{port}} added', words),
    };
  };

/** listener remove: our section of `port` taken out; nothing to do when there is no listener there. */
export const withoutListener =
  (port: number, file: string) =>
  (current: string | undefined): Composed => {
    if (current === undefined) throw noConfig(file);
    const text = removeListener(current, port, file);
    if (text === undefined)
      return { detail: t('no listener on port {{port}} in {{file}}; nothing to remove', { port, file }) };
    return { text, detail: t('listener {{port}} removed', { port }) };
  };
