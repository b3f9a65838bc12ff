import { t } from '../i18n/translate.js';
import { badInput } from '../model/errors.js';
import { FACTORY_PORT } from './factory.js';
import { findListenerSection } from './listener-section.js';
import { analyzeText } from './load.js';
import { anonymousListeners, type ConfModel, isLoopback } from './model.js';
import { fromLines, parseConfig, serializeConfig } from './parse.js';

/**
 * Who may connect, as three profiles instead of hand-written per_listener_settings:
 * - open: the factory config (anonymous clients on every IPv4 address);
 * - lan-login: anonymous clients only on 127.0.0.1 (the gateway's own apps), a login on each LAN
 *   interface. Linux cannot have 0.0.0.0:PORT and 127.0.0.1:PORT listening at once, so each LAN listener
 *   is bound to its interface (`bind_interface`, IPv4): mosquitto takes the interface's address when it
 *   starts, so a new DHCP address is picked up at the next start;
 * - login: a login on every IPv4 address, the loopback too.
 * The TLS and websockets listeners gate-mqtt added (`listener add`) stay, at the end: under open and
 * login the global access lines cover them; under lan-login each gets the login lines (they face the LAN).
 * The listener port stays the config's. Everything of the config that is not a listener or access line
 * (bridges, persistence, logging, lines of the user's) is kept, in order, after the profile's lines.
 */
export const PROFILES = ['open', 'lan-login', 'login'] as const;
export type AccessProfile = (typeof PROFILES)[number];

export const HEADER = '# AIS Config file for mosquitto on gate';

export interface AccessFiles {
  passwordFile: string;
  aclFile: string;
}

/** Lines an access profile writes: taken out of the config before its own go in. */
const MANAGED = new Set([
  'listener',
  'port',
  'bind_address',
  'bind_interface',
  'socket_domain',
  'per_listener_settings',
  'allow_anonymous',
  'password_file',
  'acl_file',
]);

/** A listener option an access profile may replace; any other (TLS, websockets…) is the user's. */
const REPLACEABLE = new Set(['allow_anonymous', 'password_file', 'acl_file', 'bind_interface', 'socket_domain']);

/** The config's port: its first listener's (the factory port when it has none). */
export const configPort = (model: ConfModel) => model.listeners.find((l) => l.port > 0)?.port ?? FACTORY_PORT;

function refuseForeignListeners(model: ConfModel, port: number, file: string): void {
  for (const listener of model.listeners) {
    const foreign =
      listener.port !== port ||
      listener.protocol !== 'mqtt' ||
      listener.unixPath !== undefined ||
      [...listener.options.keys()].some((name) => !REPLACEABLE.has(name));
    if (foreign)
      throw badInput(
        t(
          '{{file}}:{{line}}: a listener access profiles do not manage (another port, websockets, TLS or other listener options); nothing was changed',
          { file, line: listener.line },
        ),
        t('change that config by hand: gate-mqtt config edit'),
      );
  }
}

/** The access lines of a listener that asks for a login with our files. */
export const loginLines = (files: AccessFiles) => [
  'allow_anonymous false',
  `password_file ${files.passwordFile}`,
  `acl_file ${files.aclFile}`,
];

/** The lines a listener section of ours has beside its own: the access ones, taken out before a profile goes in. */
const SECTION_ACCESS = new Set(['allow_anonymous', 'password_file', 'acl_file']);

/**
 * The config without the listener sections `listener add` wrote, and those sections without their
 * access lines (each as its lines, header first), in the order they were in.
 */
function takeOurSections(current: string, file: string): { rest: string; sections: string[][] } {
  const doc = parseConfig(current, file);
  const drop = new Set<number>();
  const sections: string[][] = [];
  for (const listener of analyzeText(current, file).listeners) {
    const range = findListenerSection(doc, listener.port);
    if (!range?.ours || drop.has(range.listenerIndex)) continue;
    const lines: string[] = [];
    for (let i = range.start; i < range.end; i++) {
      drop.add(i);
      const line = doc.lines[i]!;
      if (line.kind === 'blank' && i === range.start) continue;
      if (line.kind === 'directive' && SECTION_ACCESS.has(line.name)) continue;
      lines.push(line.raw);
    }
    sections.push(lines);
  }
  const rest = doc.lines.filter((_, i) => !drop.has(i)).map((line) => line.raw);
  return { rest: serializeConfig(fromLines(file, rest)), sections };
}

/**
 * The access lines a new listener section needs in this config: none where the global ones apply; the
 * login lines under lan-login (per_listener_settings: a listener without them would refuse every
 * client). A hand-written per-listener config is refused: its access is for its author to set.
 */
export function sectionAccess(current: string, file: string, files: AccessFiles): string[] {
  const model = analyzeText(current, file);
  if (!model.perListenerSettings) return [];
  if (readProfile(model, files) === 'lan-login') return loginLines(files);
  throw badInput(
    t(
      '{{file}} sets per_listener_settings true by hand: who may use a new listener is not set by gate-mqtt; nothing was changed',
      { file },
    ),
    t('choose an access profile first (gate-mqtt access set login), or add the listener with: gate-mqtt config edit'),
  );
}

export function profileLines(
  profile: AccessProfile,
  port: number,
  files: AccessFiles,
  lan: readonly string[],
): string[] {
  const login = loginLines(files);
  if (profile === 'open') return [`listener ${port} 0.0.0.0`, 'allow_anonymous true'];
  if (profile === 'login') return [`listener ${port} 0.0.0.0`, ...login];
  const perInterface = lan.flatMap((name) => [
    `listener ${port}`,
    `bind_interface ${name}`,
    'socket_domain ipv4',
    ...login,
  ]);
  return ['per_listener_settings true', `listener ${port} 127.0.0.1`, 'allow_anonymous true', ...perInterface];
}

/** The config with this profile's listener and access lines, the rest of it kept byte for byte, in order. */
export function withProfile(
  current: string,
  file: string,
  profile: AccessProfile,
  files: AccessFiles,
  lan: readonly string[],
): string {
  const { rest, sections } = takeOurSections(current, file);
  const model = analyzeText(rest, file);
  const port = configPort(model);
  refuseForeignListeners(model, port, file);
  const kept = parseConfig(rest, file)
    .lines.filter((line) => !(line.kind === 'directive' && MANAGED.has(line.name)) && line.raw !== HEADER)
    .map((line) => line.raw);
  while (kept.length && kept[0]!.trim() === '') kept.shift();
  while (kept.length && kept[kept.length - 1]!.trim() === '') kept.pop();
  const access = profile === 'lan-login' ? loginLines(files) : [];
  const ours = sections.flatMap((lines) => ['', ...lines, ...access]);
  return `${[HEADER, ...profileLines(profile, port, files, lan), ...kept, ...ours].join('\n')}\n`;
}

/** Which profile a config is (custom: none of the three, hand-written). */
export function readProfile(model: ConfModel, files: AccessFiles): AccessProfile | 'custom' {
  if (model.localOnly || model.listeners.length === 0) return 'custom';
  const anonymous = new Set(anonymousListeners(model));
  const usesOurs = (l: (typeof model.listeners)[number]) => {
    const value = (name: string) =>
      model.perListenerSettings ? l.options.get(name)?.value : model.global.get(name)?.at(-1)?.value;
    return value('password_file') === files.passwordFile && value('acl_file') === files.aclFile;
  };
  if (anonymous.size === model.listeners.length) return 'open';
  const secured = model.listeners.filter((l) => !anonymous.has(l));
  if (!secured.every(usesOurs)) return 'custom';
  if (anonymous.size === 0) return 'login';
  return [...anonymous].every((l) => isLoopback(l.bind)) ? 'lan-login' : 'custom';
}
