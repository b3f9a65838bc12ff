import { type ParseArgsConfig, parseArgs } from 'node:util';
import { badInput } from './errors.js';

/** Every option the CLI knows; each command says which of them it takes. */
export const OPTION_SPECS = {
  root: { type: 'string' },
  prefix: { type: 'string' },
  json: { type: 'boolean' },
  log: { type: 'string' },
  verbose: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  'dry-run': { type: 'boolean' },
  port: { type: 'string' },
  target: { type: 'string' },
  'ssh-config': { type: 'string' },
  fix: { type: 'boolean' },
  yes: { type: 'boolean' },
  'keep-data': { type: 'boolean' },
  id: { type: 'string' },
  address: { type: 'string' },
  username: { type: 'string' },
  'password-stdin': { type: 'boolean' },
  'password-file': { type: 'string' },
  password: { type: 'string' },
  cafile: { type: 'string' },
  auth: { type: 'boolean' },
  strict: { type: 'boolean' },
  'allow-local-only': { type: 'boolean' },
  'refuse-exposed': { type: 'boolean' },
  version: { type: 'boolean' },
} as const satisfies ParseArgsConfig['options'];

export type OptionName = keyof typeof OPTION_SPECS;
export type ParsedOptions = Partial<Record<OptionName, string | boolean>>;

export const GLOBAL_OPTIONS: OptionName[] = ['root', 'prefix', 'json', 'log', 'verbose', 'no-color', 'help'];

export interface ParsedArgs {
  positionals: string[];
  options: ParsedOptions;
}

export function parseCommandLine(argv: string[]): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: OPTION_SPECS,
      allowPositionals: true,
      strict: true,
    });
    return { positionals, options: values as ParsedOptions };
  } catch (error) {
    throw badInput((error as Error).message.split('\n')[0] ?? 'bad arguments', 'see: gate-mqtt --help');
  }
}

export function stringOption(options: ParsedOptions, name: OptionName): string | undefined {
  const value = options[name];
  return typeof value === 'string' ? value : undefined;
}

export function parsePort(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^\d{1,5}$/.test(text) || Number(text) < 1 || Number(text) > 65535)
    throw badInput(`--port must be a whole number 1-65535, not ${JSON.stringify(text)}`);
  return Number(text);
}
