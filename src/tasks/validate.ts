import { decodeConfig, errors, type LoadedConfig, loadConfigText } from '../config/load.js';
import { type ConfIssue, type ConfModel, formatIssue, isLoopback } from '../config/model.js';
import { type StartupContext, startupChecks } from '../config/startup-checks.js';
import type { Context } from '../context/context.js';
import { makeScratchDir } from '../fsx/scratch.js';
import { t } from '../i18n/translate.js';
import { findMosquitto, mosquittoVersion } from '../mosquitto/binary.js';
import { trialStart } from '../mosquitto/trial.js';
import { knownVersion } from '../mosquitto/version-cache.js';
import { interfaceNames, ownAddresses } from '../network/local-addresses.js';
import { readLocalAddresses } from '../network/read-addresses.js';

export interface Validation {
  config: LoadedConfig;
  /** What stops mosquitto (or, with --strict, any finding at all). */
  errors: ConfIssue[];
  /** What mosquitto runs with, but maybe not as the text suggests. */
  warnings: ConfIssue[];
  /** How far it was checked: the model only, or also a trial start of the real broker. */
  depth: 'model' | 'trial';
  /** The installed broker's version, when known. */
  brokerVersion?: string;
}

export interface ValidateOptions {
  /** Warnings count as errors. */
  strict?: boolean;
}

async function installedBroker(ctx: Context): Promise<{ binary?: string; version?: string }> {
  const binary = await findMosquitto(ctx.profile);
  if (!binary) return {};
  const known = await knownVersion(
    (b) => mosquittoVersion(ctx.runner, b),
    binary,
    ctx.profile.paths.versionCache,
  ).catch(() => undefined);
  return { binary, ...(known?.version ? { version: known.version } : {}) };
}

/** This device's addresses and interfaces, read the ways that work on it (Android refuses some). */
async function localFacts(ctx: Context): Promise<StartupContext['local']> {
  const list = await readLocalAddresses(ctx.runner, ctx.profile.systemToolPath);
  return { addresses: ownAddresses(list), interfaces: interfaceNames(list), families: list.read };
}

/**
 * Checks a candidate config as mosquitto 2.0.11 reads it (the model: every line, include_dir files
 * too), then what it would meet starting on this device (its user, files, ports, addresses), then with a
 * trial start of the real broker beside the live one. Relative paths are relative to the broker's
 * working directory (HOME, where pm2 starts it).
 */
export async function validateCandidate(
  ctx: Context,
  text: string,
  file = ctx.profile.paths.configFile,
  options: ValidateOptions = {},
): Promise<Validation> {
  const broker = await installedBroker(ctx);
  const version = broker.version ? { brokerVersion: broker.version } : {};
  const decoded = decodeConfig(Buffer.from(text, 'utf8'));
  if (!decoded.ok) {
    const config = await loadConfigText('', file);
    return {
      config,
      errors: [{ file, line: 1, severity: 'error', message: decoded.message }],
      warnings: [],
      depth: 'model',
      ...version,
    };
  }
  const cwd = ctx.profile.paths.home;
  const config = await loadConfigText(text, file, { cwd, ...version });
  const startup = errors(config).length
    ? []
    : await startupChecks(config.model, {
        cwd,
        libDirs: [`${ctx.profile.paths.prefix}/lib`],
        local: await localFacts(ctx),
      });
  const found = [...config.model.issues, ...startup];
  const warned = found.filter((i) => i.severity === 'warning');
  const failed = [...found.filter((i) => i.severity === 'error'), ...(options.strict ? warned : [])];
  if (failed.length || !broker.binary) return { config, errors: failed, warnings: warned, depth: 'model', ...version };
  const trial = await trialStart(ctx.runner, broker.binary, config.entries, await makeScratchDir(ctx.profile, 'trial'));
  return { config, errors: trial.ok ? [] : [trial.issue], warnings: warned, depth: 'trial', ...version };
}

/** The first issue, and how many more there are. */
export function describeIssues(issues: ConfIssue[]): string {
  const [first, ...rest] = issues;
  const issue = first ? formatIssue(first) : t('invalid');
  if (rest.length === 0) return issue;
  return t('{{issue}} (and {{count}} more: see gate-mqtt config validate)', { issue, count: rest.length });
}

/**
 * The gateway's policy: LAN devices and the home server connect over the network, so a config must keep
 * a listener they can reach (not only loopback, unix sockets or local-only mode).
 */
export function lanListenerProblem(model: ConfModel): string | undefined {
  if (model.localOnly) return t('it has no listener: mosquitto would listen on localhost only');
  const reachable = model.listeners.some((l) => l.port > 0 && !isLoopback(l.bind));
  return reachable ? undefined : t('every listener binds a loopback address or a unix socket');
}
