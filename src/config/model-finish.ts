import os from 'node:os';
import { t } from '../i18n/translate.js';
import { type ConfModel, type Listener, type Located, MOSQUITTO_DEFAULT_PORT } from './model.js';

/**
 * What mosquitto 2.0.11 does once every line is read (conf.c config__read, config__check): the
 * implicit default listener, local-only mode, and the checks of each bridge as a whole.
 */
export function finishModel(
  model: ConfModel,
  defaults: Listener,
  triggered: Located | undefined,
  mainFile: string,
  hostname = os.hostname(),
): ConfModel {
  const issue = (at: { file: string; line: number }, severity: 'error' | 'warning', message: string) =>
    model.issues.push({ file: at.file, line: at.line, severity, message });
  if (triggered) {
    const port = defaults.port || MOSQUITTO_DEFAULT_PORT;
    const bind = defaults.options.get('bind_address')?.value;
    model.listeners.push({ ...defaults, port, bind, file: triggered.file, line: triggered.line });
    if (!defaults.options.has('port') && !defaults.options.has('bind_address')) {
      issue(
        triggered,
        'warning',
        t(
          '{{name}} comes before any listener line of its file: mosquitto 2.0.11 then opens another listener on port 1883 on every address for it',
          { name: triggered.name },
        ),
      );
    }
  }
  if (model.listeners.length === 0) {
    model.localOnly = true;
    issue(
      { file: mainFile, line: 1 },
      'warning',
      t(
        'no listener: mosquitto 2 listens on 127.0.0.1 and ::1 port 1883 only (local only mode), allowing anonymous clients',
      ),
    );
  }
  const localIds = new Map<string, string>();
  for (const bridge of model.bridges) {
    const value = (name: string) => bridge.options.get(name)?.at(-1)?.value;
    const name = bridge.name;
    if (bridge.addresses.length === 0) issue(bridge, 'error', t('bridge "{{name}}" has no address', { name }));
    if (bridge.topics === 0) issue(bridge, 'error', t('bridge "{{name}}" has no topic', { name }));
    const psk = bridge.options.has('bridge_psk');
    const identity = bridge.options.has('bridge_identity');
    if (psk !== identity)
      issue(
        bridge,
        'error',
        psk
          ? t('bridge "{{name}}" has bridge_psk without its pair', { name })
          : t('bridge "{{name}}" has bridge_identity without its pair', { name }),
      );
    const remote = value('remote_clientid') ?? value('clientid') ?? `${hostname}.${bridge.name}`;
    const local = value('local_clientid') ?? `local.${remote}`;
    const other = localIds.get(local);
    if (other)
      issue(
        bridge,
        'error',
        t('bridge "{{name}}" has the local client id of bridge "{{other}}" ({{id}}): set local_clientid on one', {
          name,
          other,
          id: local,
        }),
      );
    localIds.set(local, bridge.name);
  }
  return model;
}
