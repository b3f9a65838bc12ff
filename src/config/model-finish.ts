import os from 'node:os';
import type { ConfModel, Listener, Located } from './model.js';

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
    const port = defaults.port || 1883;
    const bind = defaults.options.get('bind_address')?.value;
    model.listeners.push({ ...defaults, port, bind, file: triggered.file, line: triggered.line });
    if (!defaults.options.has('port') && !defaults.options.has('bind_address')) {
      issue(
        triggered,
        'warning',
        `${triggered.name} comes before any listener line of its file: mosquitto 2.0.11 then opens another ` +
          'listener on port 1883 on every address for it',
      );
    }
  }
  if (model.listeners.length === 0) {
    model.localOnly = true;
    issue(
      { file: mainFile, line: 1 },
      'warning',
      'no listener: mosquitto 2 listens on 127.0.0.1 and ::1 port 1883 only (local only mode), ' +
        'allowing anonymous clients',
    );
  }
  const localIds = new Map<string, string>();
  for (const bridge of model.bridges) {
    const value = (name: string) => bridge.options.get(name)?.at(-1)?.value;
    if (bridge.addresses.length === 0) issue(bridge, 'error', `bridge "${bridge.name}" has no address`);
    if (bridge.topics === 0) issue(bridge, 'error', `bridge "${bridge.name}" has no topic`);
    const psk = bridge.options.has('bridge_psk');
    const identity = bridge.options.has('bridge_identity');
    if (psk !== identity)
      issue(
        bridge,
        'error',
        `bridge "${bridge.name}" has ${psk ? 'bridge_psk without' : 'bridge_identity without'} its pair`,
      );
    const remote = value('remote_clientid') ?? value('clientid') ?? `${hostname}.${bridge.name}`;
    const local = value('local_clientid') ?? `local.${remote}`;
    const other = localIds.get(local);
    if (other)
      issue(
        bridge,
        'error',
        `bridge "${bridge.name}" has the local client id of bridge "${other}" (${local}): set local_clientid on one`,
      );
    localIds.set(local, bridge.name);
  }
  return model;
}
