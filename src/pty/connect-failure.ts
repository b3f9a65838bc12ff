import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { t } from '../i18n/translate.js';
import { failed, type GateError } from '../model/errors.js';

/** The path a program name resolves to on PATH (as execvp would), or undefined when there is none. */
export function findProgram(file: string, path = process.env.PATH ?? ''): string | undefined {
  const candidates = file.includes('/') ? [file] : path.split(delimiter).map((dir) => join(dir || '.', file));
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** What the client program said, without our own typed lines (the pty echoes them until the client takes over). */
export function clientWords(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !/GMB|GME|_gmq=|PS1=|stty -echo/.test(line));
}

/** The one thing a technician is told when the client program is missing. */
export function missingClient(kind: 'ssh' | 'adb', file: string): GateError {
  return kind === 'ssh'
    ? failed(
        t('ssh not found ({{file}})', { file }),
        t('install the ssh client: pkg install openssh (Termux) or apt-get install openssh-client'),
      )
    : failed(
        t('adb not found ({{file}})', { file }),
        t('install Android platform-tools (apt-get install adb) or set ADB to the adb program'),
      );
}

interface Known {
  pattern: RegExp;
  message: () => string;
  hint: () => string;
}

/** Clients' own failure lines (OpenSSH, adb), most specific first. */
function knownFailures(target: string, user: string, port: string): Known[] {
  const values = { target, user, port };
  return [
    {
      pattern: /REMOTE HOST IDENTIFICATION HAS CHANGED|Host key verification failed/i,
      message: () => t('the host key of {{target}} is not the one this laptop knows', values),
      hint: () =>
        t(
          'if the gateway was reinstalled, remove the old key (ssh-keygen -R HOST, or [HOST]:{{port}}) and try again',
          values,
        ),
    },
    {
      pattern: /Permission denied|Too many authentication failures/i,
      message: () => t('{{target}} refused the login of {{user}}', values),
      hint: () =>
        t(
          'put your public key in ~/.ssh/authorized_keys on the gateway (ssh-copy-id -p {{port}} {{user}}@HOST), or check the user name (Termux: whoami)',
          values,
        ),
    },
    {
      pattern: /Connection refused/i,
      message: () => t('{{target}} refused the connection', values),
      hint: () => t('start the ssh server on the gateway (Termux: sshd, which listens on port 8022)'),
    },
    {
      pattern: /Could not resolve hostname|Name or service not known/i,
      message: () => t('the host name of {{target}} is unknown', values),
      hint: () => t("use the gateway's IP address (shown in its Wi-Fi settings or the router's device list)"),
    },
    {
      pattern: /timed out|No route to host|Network is unreachable/i,
      message: () => t('{{target}} does not answer (no route or timed out)', values),
      hint: () => t('check that the gateway is on and on the same network as this computer'),
    },
    {
      pattern: /no devices\/emulators found|device '.*' not found|device not found/i,
      message: () => t('no device answers over adb'),
      hint: () => t('connect the gateway (USB or adb connect IP:5555) and check: adb devices'),
    },
    {
      pattern: /unauthorized/i,
      message: () => t('the device has not authorised this computer for adb'),
      hint: () => t('accept the "Allow USB debugging" prompt on the gateway, then try again'),
    },
    {
      pattern: /more than one device/i,
      message: () => t('more than one device is connected to adb'),
      hint: () => t('name one: --target adb://SERIAL (serials: adb devices)'),
    },
  ];
}

/** The client's failure when its words name one we know (refused, host key, login…), else undefined. */
export function knownConnectFailure(target: string, user: string, port: number, output: string): GateError | undefined {
  const said = clientWords(output).join('\n');
  const known = knownFailures(target, user, String(port)).find((k) => k.pattern.test(said));
  return known ? failed(known.message(), known.hint()) : undefined;
}

/**
 * Why the client (ssh, adb) ended before a shell answered, as one line and a hint, from its own words.
 * Exit 1: the checks could not run. Nothing of our own framing reaches the user.
 */
export function connectFailure(target: string, user: string, port: number, output: string): GateError {
  const known = knownConnectFailure(target, user, port, output);
  if (known) return known;
  const last = clientWords(output).at(-1);
  return failed(
    last
      ? t('the connection to {{target}} closed: {{said}}', { target, said: last })
      : t('the connection to {{target}} closed before a shell answered', { target }),
    t('try the same by hand: ssh or adb shell, and see what it says'),
  );
}
