import { type AclFile, parseAcl, renderAcl, withUsers } from '../config/acl-file.js';
import { parseConfig } from '../config/parse.js';
import { passwordUsers } from '../config/password-file.js';
import type { Context } from '../context/context.js';
import { sha256 } from '../fsx/backups.js';
import { readText } from '../fsx/read.js';
import { t } from '../i18n/translate.js';
import { badInput } from '../model/errors.js';
import { done, type Step } from '../model/steps.js';
import { brokerUser, currentPasswords } from './auth.js';
import { beginChange, fileBefore } from './journal.js';

/** What one users command does to the password file and the ACL (read under the run lock). */
export interface UsersEdit {
  /** Names the backups ("users-add", …). */
  reason: string;
  /** The new password file text and ACL from the current ones, and what was done, in one line. */
  edit(passwords: string | undefined, acl: AclFile): { passwords: string; acl: AclFile; detail: string };
  /** Refuse (exit 2) when the password file would hold no user (a profile that needs logins). */
  needsUsers?: boolean;
}

/** The config on disk names this file as its password_file or acl_file (then the broker must read it again). */
async function configNames(ctx: Context, files: string[]): Promise<boolean> {
  const text = (await readText(ctx.profile.paths.configFile)) ?? '';
  return parseConfig(text, ctx.profile.paths.configFile).lines.some(
    (line) =>
      line.kind === 'directive' &&
      (line.name === 'password_file' || line.name === 'acl_file') &&
      files.includes(line.value),
  );
}

/**
 * The password file and the ACL file, changed together: 0600 in a 0700 folder, owned by the broker's
 * user (started as root, mosquitto reads them after dropping to it), both backed up and journalled
 * first, so a failed or killed change is put back whole. Every user of the password file has a section
 * in the ACL. A restart is asked for only when the config on disk reads these files.
 */
export function usersFilesStep(ctx: Context, command: string, change: UsersEdit): Step {
  const { accessDir, passwordFile, aclFile } = ctx.profile.paths;
  return {
    id: 'users.files',
    title: t('Users and their topics'),
    run: async () => {
      const [passwordsNow, aclNow] = [await readText(passwordFile), await readText(aclFile)];
      const users = passwordsNow ?? (await currentPasswords(ctx.profile.paths));
      const edited = change.edit(users, parseAcl(aclNow));
      const names = passwordUsers(edited.passwords);
      if (change.needsUsers && names.length === 0)
        throw badInput(
          t('no user can log in yet, so this would lock every LAN client out; nothing was changed'),
          t('add one first: gate-mqtt users add NAME --password-stdin'),
        );
      const read = await configNames(ctx, [passwordFile, aclFile]);
      const legacy = await configNames(ctx, [ctx.profile.paths.legacyPasswordFile]);
      if ((read || legacy) && names.length === 0 && passwordUsers(users).length > 0)
        throw badInput(
          t('the config asks for a login and this is its last user: no client could log in; nothing was changed'),
          t('add another user first, or let anonymous clients in again: gate-mqtt access set open'),
        );
      const acl = renderAcl(withUsers(edited.acl, names));
      const owner = await brokerUser(ctx);
      const folder = await ctx.writer.ensurePrivateDir(accessDir, owner);
      const wanted = [
        { file: passwordFile, now: passwordsNow, text: edited.passwords },
        { file: aclFile, now: aclNow, text: acl },
      ].filter((f) => f.now !== f.text);
      if (wanted.length === 0)
        return done(
          folder ? `${edited.detail}; ${t('{{folder}} made private (0700)', { folder: accessDir })}` : edited.detail,
          folder,
        );
      const files = [];
      for (const f of wanted)
        files.push({ file: f.file, from: await fileBefore(ctx, f.file, change.reason), to: sha256(f.text) });
      await beginChange(ctx, command, { kind: 'files', files, reason: change.reason });
      for (const f of wanted)
        await ctx.writer.write(f.file, f.text, { mode: 0o600, reason: change.reason, ...(owner ? { owner } : {}) });
      const detail = read
        ? edited.detail
        : `${edited.detail} (${t('the config does not use them yet: gate-mqtt access set lan-login')})`;
      return done(detail, true, read ? { needsRestart: 'users-changed' } : {});
    },
  };
}
