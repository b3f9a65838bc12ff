import path from 'node:path';
import { openToRead } from '../fsx/read.js';
import { t } from '../i18n/translate.js';
import { accessibleBy, type BrokerUser, brokerUser } from './access.js';
import type { ConfIssue, ConfModel, Located } from './model.js';
import { lastGlobal } from './model.js';
import { aclProblems, pskProblems } from './security-files.js';
import { checkListeners, exists, type Report } from './startup-listeners.js';

/**
 * What mosquitto 2.0.11 meets when it starts on this machine with this config (src/mosquitto.c): the
 * user it drops to, the pid file, plugins, password/acl/psk files, and each listener (port, address,
 * unix socket, interface, TLS files, websockets). Errors stop mosquitto; warnings are what it survives
 * (a log file it cannot open, a missing persistence folder, bridge TLS files read only when connecting).
 */
export interface StartupContext {
  /** The broker's working directory (pm2 starts it in HOME): relative paths are relative to it. */
  cwd: string;
  /** Extra folders where a plugin named without a path is looked for (PREFIX/lib on Termux). */
  libDirs?: string[];
  /** This machine's own addresses and interfaces, as far as they could be read (network/). */
  local: { addresses: ReadonlySet<string>; interfaces: ReadonlySet<string>; families: { 4: boolean; 6: boolean } };
}

export async function startupChecks(model: ConfModel, context: StartupContext): Promise<ConfIssue[]> {
  const issues: ConfIssue[] = [];
  const at = (where: { file: string; line: number }, severity: ConfIssue['severity'], message: string) =>
    issues.push({ file: where.file, line: where.line, severity, message });
  const abs = (file: string) => path.resolve(context.cwd, file);
  const userLine = model.global.get('user')?.at(-1);
  const who = brokerUser(lastGlobal(model, 'user') === undefined ? undefined : userLine?.value);
  if (who.error || !who.user) {
    at(userLine ?? { file: model.listeners[0]?.file ?? 'mosquitto.conf', line: 1 }, 'error', who.error ?? t('no user'));
    return issues;
  }
  const user: BrokerUser = who.user;
  const refuse = (entry: Located, message: string): false => {
    at(entry, 'error', message);
    return false;
  };
  const readable = async (entry: Located, file: string) => {
    const info = await exists(abs(file));
    if (!info) return refuse(entry, t('{{option}} {{file}}: no such file', { option: entry.name, file }));
    if (!(await accessibleBy(abs(file), user, 'r')))
      return refuse(
        entry,
        t("{{option}} {{file}}: {{user}} (the broker's user) cannot read it", {
          option: entry.name,
          file,
          user: user.name,
        }),
      );
    return true;
  };

  const pid = model.global.get('pid_file')?.at(-1);
  if (pid) {
    const dir = path.dirname(abs(pid.value));
    if (!(await exists(dir)) || !(await accessibleBy(dir, user, 'w')))
      at(
        pid,
        'error',
        t('pid_file {{file}}: mosquitto (as {{user}}) cannot write it: no such folder, or not writable', {
          file: pid.value,
          user: user.name,
        }),
      );
  }

  const securitySources: Array<Map<string, Located> | Map<string, Located[]>> = model.perListenerSettings
    ? model.listeners.map((l) => l.options)
    : [model.global];
  for (const source of securitySources) {
    const last = (name: string) => {
      const value = source.get(name);
      return Array.isArray(value) ? value.at(-1) : value;
    };
    const plugins = model.perListenerSettings
      ? [last('plugin'), last('auth_plugin')]
      : [...(model.global.get('plugin') ?? []), ...(model.global.get('auth_plugin') ?? [])];
    for (const plugin of plugins) if (plugin) await checkPlugin(plugin, context, at, abs);
    for (const name of ['password_file', 'acl_file', 'psk_file']) {
      const entry = last(name);
      if (!entry) continue;
      const info = await exists(abs(entry.value));
      if (info?.isDirectory()) {
        at(
          entry,
          'error',
          t('{{option}} {{file}} is a folder: mosquitto 2.0.11 would hang reading it', {
            option: name,
            file: entry.value,
          }),
        );
        continue;
      }
      if (!(await readable(entry, entry.value))) continue;
      // A FIFO or a device named there must not hang the check: read only a regular file, never waiting.
      const handle = await openToRead(abs(entry.value), { followLinks: true }).catch(() => undefined);
      const text = handle ? await handle.readFile('utf8').finally(() => handle.close()) : '';
      const problems = name === 'acl_file' ? aclProblems(text) : name === 'psk_file' ? pskProblems(text) : [];
      for (const problem of problems) at(entry, 'error', `${name} ${entry.value}:${problem}`);
    }
  }

  await checkListeners(model, context, user, at, readable, abs);

  for (const { at: entry, path: file } of model.logFiles) {
    const dir = path.dirname(abs(file));
    if (!(await exists(dir)) || !(await accessibleBy(dir, user, 'w')))
      at(entry, 'warning', t('log_dest file {{file}}: mosquitto cannot open it and logs to stderr instead', { file }));
  }
  const persistence = model.global.get('persistence_location')?.at(-1);
  if (persistence && !(await exists(abs(persistence.value))))
    at(
      persistence,
      'warning',
      t('persistence_location {{folder}}: no such folder: mosquitto runs, but cannot save its database', {
        folder: persistence.value,
      }),
    );
  for (const bridge of model.bridges) {
    for (const name of ['bridge_cafile', 'bridge_certfile', 'bridge_keyfile', 'bridge_capath']) {
      const entry = bridge.options.get(name)?.at(-1);
      if (entry && !(await exists(abs(entry.value))))
        at(
          entry,
          'warning',
          name === 'bridge_capath'
            ? t('{{option}} {{path}}: no such folder: bridge "{{bridge}}" will not connect', {
                option: name,
                path: entry.value,
                bridge: bridge.name,
              })
            : t('{{option}} {{path}}: no such file: bridge "{{bridge}}" will not connect', {
                option: name,
                path: entry.value,
                bridge: bridge.name,
              }),
        );
    }
  }
  return issues;
}

async function checkPlugin(
  plugin: Located,
  context: StartupContext,
  at: Report,
  abs: (f: string) => string,
): Promise<void> {
  const name = plugin.value;
  if (name.includes('/')) {
    if (!(await exists(abs(name))))
      at(
        plugin,
        'error',
        t('{{option}} {{file}}: no such file (mosquitto cannot load the plugin)', { option: plugin.name, file: name }),
      );
    return;
  }
  const arch = process.arch === 'x64' ? 'x86_64' : process.arch === 'arm64' ? 'aarch64' : process.arch;
  const dirs = [...(process.env.LD_LIBRARY_PATH ?? '').split(':').filter(Boolean), ...(context.libDirs ?? [])];
  dirs.push('/lib', '/usr/lib', `/lib/${arch}-linux-gnu`, `/usr/lib/${arch}-linux-gnu`, '/usr/local/lib');
  for (const dir of dirs) if (await exists(path.join(dir, name))) return;
  at(
    plugin,
    'error',
    t('{{option}} {{file}}: not found in the library folders (mosquitto cannot load the plugin)', {
      option: plugin.name,
      file: name,
    }),
  );
}
