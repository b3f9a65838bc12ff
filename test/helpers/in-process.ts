import { main } from '../../src/cli/main.js';
import { setLanguage } from '../../src/i18n/translate.js';

/** Runs the CLI's entry point in-process (outside Termux, English unless `env` says otherwise). */
export async function cli(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const saved = { ...process.env };
  for (const name of ['TERMUX_VERSION', 'PREFIX', 'LC_ALL', 'LC_MESSAGES', 'LANG']) delete process.env[name];
  Object.assign(process.env, env);
  try {
    const code = await main(args, {
      stdout: { write: (t: string) => out.push(t) },
      stderr: { write: (t: string) => err.push(t) },
    });
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    process.env = saved;
    await setLanguage('en');
  }
}
