import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { t } from '../i18n/translate.js';
import { unsupported } from '../model/errors.js';
import { BROKER_PACKAGE, readDeb } from './deb.js';
import type { PackageTools } from './tools.js';

const DOWNLOAD_TIMEOUT_MS = 10 * 60_000;

/** The folder package files are downloaded into (below the prefix: a sandbox never touches the host). */
export const downloadDir = (ctx: PackageTools) =>
  path.join(ctx.profile.paths.prefix, 'var', 'cache', 'gate-mqtt', 'packages');

/** Whether this system's dpkg has a package installed (a library the broker needs may already be there). */
async function installed(ctx: PackageTools, name: string): Promise<boolean> {
  const dpkgQuery = path.join(path.dirname(ctx.profile.packages.dpkg.dpkg), 'dpkg-query');
  // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's own format, not a template
  const result = await ctx.runner.run([dpkgQuery, ['-W', '-f=${Status}', name]], { timeoutMs: 30_000 });
  return result.exitCode === 0 && /install ok installed/.test(result.stdout);
}

/**
 * `apt-get download` of the broker (the version asked for, else the candidate) and of the libraries it
 * needs that this system lacks, into a folder of our own; no root, nothing installed. Then the folder is
 * installed like one given with --packages.
 */
export async function downloadBroker(ctx: PackageTools, version?: string): Promise<string> {
  const dir = downloadDir(ctx);
  const aptGet = path.join(path.dirname(ctx.profile.packages.dpkg.dpkg), 'apt-get');
  const env = { ...ctx.profile.env, ...ctx.profile.packages.env };
  const get = async (spec: string) => {
    try {
      await ctx.runner.check([aptGet, ['download', '-q', spec]], { env, cwd: dir, timeoutMs: DOWNLOAD_TIMEOUT_MS });
    } catch (error) {
      throw unsupported(
        t('could not download {{package}}: {{why}}', {
          package: spec,
          why: error instanceof Error ? error.message : String(error),
        }),
        t('without network: gate-mqtt provision --packages DIR (a folder with mosquitto_VERSION_ARCH.deb)'),
      );
    }
  };
  await ctx.writer.ensureDir(dir);
  if (ctx.dryRun) return dir;
  for (const name of await readdir(dir)) await rm(path.join(dir, name), { force: true });
  await get(version ? `${BROKER_PACKAGE}=${version}` : BROKER_PACKAGE);
  const [brokerFile] = (await readdir(dir)).filter((name) => name.startsWith(`${BROKER_PACKAGE}_`));
  if (brokerFile) {
    const broker = await readDeb(ctx.runner, ctx.profile.packages.dpkg, path.join(dir, brokerFile));
    for (const dependency of broker.depends)
      if (dependency.startsWith('lib') && !(await installed(ctx, dependency))) await get(dependency);
  }
  return dir;
}
