import type { Context } from '../context.js';
import { parsePort, stringOption, type OptionName, type ParsedOptions } from '../cli-options.js';
import { finishSteps } from '../ui/print.js';
import { provision } from './provision.js';

export interface CommandDef {
  path: string[];
  usage: string;
  summary: string;
  options: OptionName[];
  positionals: [min: number, max: number];
  /** Changes the device: refused (exit 4) outside Termux without --root. */
  needsDevice: boolean;
  /** Writes: takes the dry-run flag, the log file named after the command. */
  run(ctx: Context, positionals: string[], options: ParsedOptions): Promise<number>;
}

export const COMMANDS: CommandDef[] = [
  {
    path: ['provision'],
    usage: 'provision [--port N] [--dry-run]',
    summary: 'first boot: install mosquitto, factory config, run it under pm2 as "mqtt", start at boot, prove it answers',
    options: ['port', 'dry-run'],
    positionals: [0, 0],
    needsDevice: true,
    run: async (ctx, _positionals, options) => finishSteps(ctx, await provision(ctx, { port: parsePort(stringOption(options, 'port'), 1883) })),
  },
];

export function findCommand(positionals: string[]): { def: CommandDef; rest: string[] } | undefined {
  const matches = COMMANDS.filter((def) => def.path.every((word, i) => positionals[i] === word)).sort((a, b) => b.path.length - a.path.length);
  const def = matches[0];
  return def ? { def, rest: positionals.slice(def.path.length) } : undefined;
}
