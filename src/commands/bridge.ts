import { existsSync } from 'node:fs';
import { checkSuplaBridge, type SuplaBridge } from '../config/bridge-section.js';
import { loadConfigText } from '../config/load.js';
import type { Context } from '../context/context.js';
import { readText } from '../fsx/read.js';
import { t } from '../i18n/translate.js';
import { badInput } from '../model/errors.js';
import { PIPELINES } from '../pipelines/catalog.js';
import { runPipeline } from '../pipelines/run.js';
import { finishSteps, printJson } from '../ui/print.js';
import { readPassword } from './password-input.js';

export async function bridgeAdd(
  ctx: Context,
  input: Omit<SuplaBridge, 'password' | 'cafile'> & {
    cafile: string | undefined;
    passwordStdin: boolean;
    passwordFile: string | undefined;
  },
): Promise<number> {
  const cafile = input.cafile ?? ctx.profile.paths.tlsCaFile;
  const password = await readPassword({ stdin: input.passwordStdin, file: input.passwordFile });
  ctx.secrets.add(password);
  const bridge = checkSuplaBridge({
    id: input.id,
    address: input.address,
    username: input.username,
    password,
    cafile,
  });
  // Said here: the validator would name the line of the section it writes, a line no one wrote.
  if (!existsSync(cafile)) {
    throw badInput(
      input.cafile
        ? t('--cafile {{file}} does not exist; nothing was changed', { file: cafile })
        : t("no CA bundle at {{file}} for the bridge's TLS; nothing was changed", { file: cafile }),
      input.cafile
        ? t('name an existing file of CA certificates')
        : t('install it (pkg install ca-certificates) or name one: --cafile PATH'),
    );
  }
  return finishSteps(ctx, await runPipeline(ctx, PIPELINES['bridge add'](ctx, { bridge })));
}

export async function bridgeRemove(ctx: Context, id: string): Promise<number> {
  return finishSteps(ctx, await runPipeline(ctx, PIPELINES['bridge remove'](ctx, { id })));
}

export async function bridgeList(ctx: Context): Promise<number> {
  const file = ctx.profile.paths.configFile;
  const text = (await readText(file)) ?? '';
  const config = await loadConfigText(text, file);
  const bridges = config.model.bridges.map((b) => ({
    name: b.name,
    addresses: b.addresses,
    username: b.options.get('remote_username')?.[0]?.value ?? null,
    topics: (b.options.get('topic') ?? []).map((t) => t.value),
    cafile: b.options.get('bridge_cafile')?.[0]?.value ?? null,
    line: b.line,
  }));
  if (ctx.output.json)
    printJson(ctx, { command: 'bridge list', ok: true, changed: false, steps: [], error: null, bridges });
  else if (bridges.length === 0) ctx.print(t('no bridges'));
  else
    for (const b of bridges) {
      const user = t('user {{name}}', { name: b.username ?? '-' });
      const topics = t('{{count}} topic(s)', { count: b.topics.length });
      ctx.print(`${b.name}  ${b.addresses.join(' ')}  ${user}  ${topics}  ${t('(line {{line}})', { line: b.line })}`);
    }
  return 0;
}
