import { readFile } from 'node:fs/promises';
import type { Context } from '../context.js';
import { badInput } from '../errors.js';
import { checkSuplaBridge, connectionName, removeBridge, upsertSupla, type SuplaBridge } from '../config/bridge-section.js';
import { loadConfigText } from '../config/load.js';
import { readText } from '../fsx/device-files.js';
import { finishSteps, printJson } from '../ui/print.js';
import { applyConfig } from './config.js';

const MAX_PASSWORD_BYTES = 4096;

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_PASSWORD_BYTES) throw badInput('the password is longer than 4096 bytes; nothing was changed');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** One trailing newline (what `echo` and editors add) is not part of the password; anything else is checked. */
function stripOneNewline(text: string): string {
  return text.replace(/\r?\n$/, '');
}

/** The password comes from stdin or a file, never from argv (the process list would show it). */
export async function readPassword(options: { stdin: boolean; file: string | undefined }): Promise<string> {
  if (options.stdin === (options.file !== undefined)) throw badInput('give exactly one of --password-stdin or --password-file FILE');
  if (options.stdin) return stripOneNewline(await readAll(process.stdin));
  try {
    return stripOneNewline(await readFile(options.file!, 'utf8'));
  } catch (error) {
    throw badInput(`cannot read --password-file: ${(error as NodeJS.ErrnoException).code ?? 'error'}; nothing was changed`);
  }
}

export async function bridgeAdd(ctx: Context, input: Omit<SuplaBridge, 'password' | 'cafile'> & { cafile: string | undefined; passwordStdin: boolean; passwordFile: string | undefined }): Promise<number> {
  const password = await readPassword({ stdin: input.passwordStdin, file: input.passwordFile });
  ctx.secrets.add(password);
  const bridge = checkSuplaBridge({ id: input.id, address: input.address, username: input.username, password, cafile: input.cafile ?? ctx.profile.paths.tlsCaFile });
  const file = ctx.profile.paths.configFile;
  const current = await readText(file);
  if (current === undefined) throw badInput(`${file} does not exist`, 'run: gate-mqtt provision');
  return finishSteps(ctx, await applyConfig(ctx, 'bridge add', 'bridge-add', async () => upsertSupla(current, bridge, file)));
}

export async function bridgeRemove(ctx: Context, id: string): Promise<number> {
  const file = ctx.profile.paths.configFile;
  const current = await readText(file);
  if (current === undefined) throw badInput(`${file} does not exist`, 'run: gate-mqtt provision');
  const names = [connectionName(id), id];
  const next = names.map((name) => removeBridge(current, name, file)).find((text) => text !== undefined);
  if (next === undefined) {
    return finishSteps(ctx, { command: 'bridge remove', ok: true, changed: false, steps: [{ id: 'bridge.find', title: 'Find the bridge', status: 'done', changed: false, detail: `no bridge "${id}" in ${file}; nothing to remove` }], error: null });
  }
  return finishSteps(ctx, await applyConfig(ctx, 'bridge remove', 'bridge-remove', async () => next));
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
  if (ctx.output.json) printJson(ctx, { command: 'bridge list', ok: true, changed: false, steps: [], error: null, bridges });
  else if (bridges.length === 0) ctx.print('no bridges');
  else for (const b of bridges) ctx.print(`${b.name}  ${b.addresses.join(' ')}  user ${b.username ?? '-'}  ${b.topics.length} topic(s)  (line ${b.line})`);
  return 0;
}
