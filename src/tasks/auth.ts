import { readFile } from 'node:fs/promises';
import { holdsPassword, passwordLine, USERNAME_PATTERN } from '../config/password-file.js';
import { requireSafeValue } from '../config/safe-value.js';
import type { Context } from '../context/context.js';
import { readText } from '../fsx/read.js';
import { t } from '../i18n/translate.js';
import { badInput } from '../model/errors.js';
import { done, type Step } from '../model/steps.js';
import type { GatewayPaths } from '../platform/paths.js';

export interface AuthOptions {
  username: string;
  password: string;
}

export function checkAuth(options: AuthOptions): AuthOptions {
  if (!USERNAME_PATTERN.test(options.username)) {
    throw badInput(
      t('--username must be 1-64 characters of A-Z, a-z, 0-9, _ . @ -; nothing was changed'),
      t('e.g. --username hass'),
    );
  }
  requireSafeValue(t('the password'), options.password);
  return options;
}

/** The uid/gid mosquitto drops to when started as root (sandboxes only: on Termux it runs as the app). */
export async function brokerUser(ctx: Context): Promise<{ uid: number; gid: number } | undefined> {
  if (ctx.profile.kind !== 'sandbox' || process.getuid?.() !== 0) return undefined;
  // the host's account list (a sandbox's broker user), not a device file
  const passwd = await readFile('/etc/passwd', 'utf8').catch(() => '');
  const entry = passwd.split('\n').find((line) => line.startsWith('mosquitto:'));
  const [, , uid, gid] = entry?.split(':') ?? [];
  return uid && gid ? { uid: Number(uid), gid: Number(gid) } : undefined;
}

/**
 * The users the broker's password file holds: ours, or before the first change of it the file an older
 * `provision --auth` wrote beside the config (its users are carried over into ours, never dropped).
 */
export async function currentPasswords(paths: GatewayPaths): Promise<string | undefined> {
  return (await readText(paths.passwordFile)) ?? (await readText(paths.legacyPasswordFile));
}

/** The --auth password file: written (0600, hashed, backed up) unless it already holds this user and password. */
export function passwordStep(ctx: Context, auth: AuthOptions): Step {
  const file = ctx.profile.paths.passwordFile;
  const credentials = { username: auth.username, password: auth.password };
  return {
    id: 'auth.passwords',
    title: t('Password file'),
    run: async () => {
      ctx.secrets.add(auth.password);
      const ours = await readText(file);
      const current = ours ?? (await currentPasswords(ctx.profile.paths));
      if (ours !== undefined && holdsPassword(ours, auth.username, auth.password)) {
        return done(t('{{file}} holds user {{user}}', { file, user: auth.username }), false, {
          learned: { credentials },
        });
      }
      const others = (current ?? '').split('\n').filter((line) => line !== '' && !line.startsWith(`${auth.username}:`));
      const content = `${[...others, passwordLine(auth.username, auth.password)].join('\n')}\n`;
      // Started as root, mosquitto reads its password file after dropping to its own user.
      const owner = await brokerUser(ctx);
      await ctx.writer.ensurePrivateDir(ctx.profile.paths.accessDir, owner);
      await ctx.writer.write(file, content, { mode: 0o600, reason: 'passwords', ...(owner ? { owner } : {}) });
      const detail =
        current === undefined
          ? t('wrote {{file}} (user {{user}})', { file, user: auth.username })
          : t('updated {{file}} (user {{user}})', { file, user: auth.username });
      return done(detail, true, {
        learned: { credentials },
        needsRestart: 'config-changed',
      });
    },
  };
}
