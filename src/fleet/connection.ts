import { t } from '../i18n/translate.js';
import { type SshTarget, sshTarget } from '../pty/transports.js';
import { InventorySyntaxError, shlexSplit } from './ansible-syntax.js';
import type { Vars } from './inventory-data.js';

/** Where an inventory host keeps its gateway (gate_mqtt_prefix, gate_mqtt_root), when it says. */
export interface HostLayout {
  prefix?: string;
  root?: string;
}

const text = (value: unknown) => (value === undefined || value === null ? undefined : String(value));

/**
 * The ssh connection Ansible's ssh connection plugin would make to a host, from its merged vars: host,
 * port and user with their ansible_ssh_* aliases (the later name of the plugin's list wins, as in
 * Ansible), the private key file, ssh_common_args and ssh_extra_args. Nothing is made up: no user or port
 * leaves them to ssh, as Ansible does. A value Ansible would template ({{ … }}) is refused, not guessed.
 */
export function connectionOf(name: string, vars: Vars): SshTarget {
  const connection = text(vars.ansible_connection) ?? 'ssh';
  if (!['ssh', 'smart', 'paramiko'].includes(connection))
    throw new InventorySyntaxError(
      t('ansible_connection is {{connection}}: gate-mqtt reaches gateways over ssh', { connection }),
    );
  for (const [key, value] of Object.entries(vars))
    if (key.startsWith('ansible_') && typeof value === 'string' && value.includes('{{'))
      throw new InventorySyntaxError(t('{{key}} is a template, which only Ansible evaluates', { key }));
  const host = text(vars.ansible_ssh_host ?? vars.ansible_host) ?? name;
  const portText = text(vars.ansible_ssh_port ?? vars.ansible_port);
  const port = portText === undefined ? undefined : Number(portText);
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536))
    throw new InventorySyntaxError(t('ansible_port {{port}} is not a port', { port: portText ?? '' }));
  const user = text(vars.ansible_ssh_user ?? vars.ansible_user);
  const identity = text(vars.ansible_ssh_private_key_file ?? vars.ansible_private_key_file);
  const options = [
    ...shlexSplit(text(vars.ansible_ssh_common_args) ?? ''),
    ...shlexSplit(text(vars.ansible_ssh_extra_args) ?? ''),
  ];
  return sshTarget({
    host,
    ...(user === undefined ? {} : { user }),
    ...(port === undefined ? {} : { port }),
    ...(identity === undefined ? {} : { identity }),
    ...(options.length ? { options } : {}),
  });
}

export function layoutOf(vars: Vars): HostLayout {
  const prefix = text(vars.gate_mqtt_prefix);
  const root = text(vars.gate_mqtt_root);
  return { ...(prefix ? { prefix } : {}), ...(root ? { root } : {}) };
}
