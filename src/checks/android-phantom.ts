import { t } from '../i18n/translate.js';
import { describeTarget } from '../pty/transports.js';
import { type Command, describeCommand } from '../run/runner.js';
import { type CheckModule, type CheckOutcome, fail, field, type ProbeOutput, pass, warn } from './check.js';

/**
 * Android 12 (SDK 31) and later kill background child processes of apps, "phantom processes" (pm2's
 * daemon and mosquitto are Termux's), with signal 9: more than max_phantom_processes of them (32 by
 * default, all apps together), and, until the monitor is turned off, any that uses much CPU in the
 * background. Android 12L (SDK 32) added settings_enable_monitor_phantom_procs, which turns both off.
 * Only adb's shell user may change these settings; Termux may at most read some of them.
 */
const FIRST_SDK = 31;
const MONITOR_SDK = 32;

/**
 * A limit this high counts as raised: a gateway runs about a dozen such processes (pm2, mosquitto, the log
 * keeper, shells, sshd), so 256 leaves room for a busy moment, where the default 32 counts every app's.
 * What the fix sets (and every guide says) is the largest int, 2147483647.
 */
export const RAISED_PHANTOM_LIMIT = 256;

/** What `doctor --fix --target adb` runs: the sync first, so that Google's config sync does not undo the limit. */
export const PHANTOM_FIX: readonly Command[] = [
  ['device_config', ['set_sync_disabled_for_tests', 'persistent']],
  ['device_config', ['put', 'activity_manager', 'max_phantom_processes', '2147483647']],
  ['settings', ['put', 'global', 'settings_enable_monitor_phantom_procs', 'false']],
];

/** The same commands as a technician types them on a laptop. */
export const phantomFixByHand = (): string =>
  PHANTOM_FIX.map((command) => `adb shell "${describeCommand(command)}"`).join('; ');

/**
 * The SDK level, then (from SDK 31) the two settings; "unreadable" where this user may not read one. Each
 * read is bounded: a `cmd` that hangs for an app's user must not hold up the other probes of the batch.
 */
export function phantomProbe(): string {
  return [
    'PATH="$PATH:/system/bin"',
    'command -v getprop >/dev/null 2>&1 || { echo android=no; exit 0; }',
    's=$(getprop ro.build.version.sdk); echo "sdk=$s"',
    `case "$s" in ''|*[!0-9]*) exit 0;; esac; [ "$s" -ge ${FIRST_SDK} ] || exit 0`,
    'b=; command -v timeout >/dev/null 2>&1 && b="timeout 5"',
    'm=$($b settings get global settings_enable_monitor_phantom_procs 2>/dev/null) || m=unreadable; echo "monitor=$m"',
    'x=$($b device_config get activity_manager max_phantom_processes 2>/dev/null) || x=unreadable; echo "max=$x"',
  ].join('\n');
}

/** Where the probe ran: over adb the check fails (its fix runs there); elsewhere it can only warn. */
export type PhantomVantage = { adb: string } | 'device';

export function judgePhantom(out: ProbeOutput, from: PhantomVantage): CheckOutcome {
  const id = 'android.phantom';
  if (field(out.output, 'android') === 'no') return pass(id, t('not Android: no phantom process killer'));
  const level = field(out.output, 'sdk')?.trim() ?? '';
  const sdk = Number(level);
  if (!/^\d+$/.test(level))
    return warn(
      id,
      t('cannot read the Android version (getprop ro.build.version.sdk)'),
      t('look at the device: Settings, About phone, Android version'),
    );
  if (sdk < FIRST_SDK) return pass(id, t('Android SDK {{sdk}}: no phantom process killer before SDK 31', { sdk }));
  const monitor = field(out.output, 'monitor')?.trim();
  const max = field(out.output, 'max')?.trim() ?? '';
  if (sdk >= MONITOR_SDK && monitor === 'false')
    return pass(
      id,
      t('Android SDK {{sdk}}: phantom process killer off (settings_enable_monitor_phantom_procs)', { sdk }),
    );
  if (/^\d+$/.test(max) && Number(max) >= RAISED_PHANTOM_LIMIT)
    return pass(id, t('Android SDK {{sdk}}: phantom process limit raised to {{max}}', { sdk, max }));
  // "null": never set, Android's default
  const limit = /^\d+$/.test(max) ? max : max === 'null' || max === '' ? '32' : undefined;
  const what = limit
    ? t('Android SDK {{sdk}} may kill pm2 and mosquitto (phantom process killer on, limit {{limit}})', {
        sdk,
        limit,
      })
    : t('Android SDK {{sdk}} may kill pm2 and mosquitto (phantom process killer; its settings cannot be read here)', {
        sdk,
      });
  if (from !== 'device')
    return fail(
      id,
      what,
      t('run: gate-mqtt doctor --fix --target {{target}} (sets them over adb)', { target: from.adb }),
    );
  return warn(
    id,
    what,
    t('from a laptop with USB debugging: gate-mqtt doctor --fix --target adb, or by hand: {{commands}}', {
      commands: phantomFixByHand(),
    }),
  );
}

export const androidPhantom: CheckModule = {
  id: 'android.phantom',
  get title() {
    return t('Android phantom process killer');
  },
  run: async (env) => [
    judgePhantom(
      await env.prober.probe('phantom', phantomProbe(), 15_000),
      env.target?.kind === 'adb' ? { adb: describeTarget(env.target) } : 'device',
    ),
  ],
  adbFix: PHANTOM_FIX,
};
