import type { SuplaBridge } from '../config/bridge-section.js';
import type { ListenerSpec } from '../config/listener-section.js';
import type { Context } from '../context/context.js';
import type { FixAction } from '../model/checks.js';
import type { Pipeline, Step } from '../model/steps.js';
import { type ApplyPolicy, type ConfigChange, composeStep, validateStep, writeStep } from '../tasks/apply.js';
import { type AuthOptions, passwordStep } from '../tasks/auth.js';
import { brokerProcessStep } from '../tasks/broker-process.js';
import { selfSignedStep } from '../tasks/certificates.js';
import { wholeText, withBridge, withListener, withoutBridge, withoutListener } from '../tasks/compose.js';
import { factoryConfigStep, folderStep } from '../tasks/config.js';
import { exposureStep } from '../tasks/exposure.js';
import { type KeeperOptions, keeperStep } from '../tasks/keeper.js';
import { mosquittoInstallStep, mosquittoVersionStep } from '../tasks/mosquitto.js';
import { packageInstallStep } from '../tasks/packages.js';
import { setAsideDatabaseStep } from '../tasks/persistence.js';
import { pm2InstalledStep, saveStep } from '../tasks/pm2.js';
import { type ResetOptions, resetBackupStep, resetConfigStep } from '../tasks/reset.js';
import { restartOrUndoStep } from '../tasks/restart-step.js';
import { startupStep } from '../tasks/startup.js';
import { reloadCertificatesStep } from '../tasks/tls-reload.js';
import {
  bootHookRemoveStep,
  dumpWithoutStep,
  pm2RemoveStep,
  purgeStep,
  type UninstallOptions,
  watchdogRemoveStep,
} from '../tasks/uninstall.js';
import { type UpgradeOptions, upgradeInstallStep } from '../tasks/upgrade.js';
import { type UsersEdit, usersFilesStep } from '../tasks/users.js';
import { verifyStep } from '../tasks/verify.js';
import { watchdogStep } from '../tasks/watchdog.js';

/**
 * Every command's pipeline, declared here and nowhere else: the steps each runs after the runner's
 * preflight (Node.js, the run lock, disk space), in order. A command reads and checks its input (exit 2
 * before anything runs), builds its pipeline here and hands it to runPipeline; a test lists every step
 * of every command from this table.
 */

/** mosquitto and pm2 present and recent enough, the folders in place: checked before any config is written. */
const programs = (ctx: Context, packagesDir?: string): Step[] => [
  packagesDir ? packageInstallStep(ctx, packagesDir) : mosquittoInstallStep(ctx),
  mosquittoVersionStep(ctx),
  pm2InstalledStep(ctx),
  folderStep(ctx),
];

/** Who can reach the broker, then the broker under pm2 (restarted only for a reason), proven, saved, at boot. */
const serve = (ctx: Context, refuseExposed = false, keeper: KeeperOptions = {}) => ({
  exposure: exposureStep(ctx, { refuse: refuseExposed }),
  broker: brokerProcessStep(ctx),
  verify: verifyStep(ctx),
  keeper: keeperStep(ctx, keeper),
  save: saveStep(ctx),
  startup: startupStep(ctx),
});

/**
 * A config change: composed from the config on disk, validated, backed up and written (its journal first),
 * the broker made to serve it and proven (the change undone when it does not), the keeper following the
 * config (its listener, database and bridges), pm2's list saved.
 */
const configChange = (ctx: Context, change: ConfigChange): Pipeline => ({
  command: change.command,
  steps: [
    composeStep(ctx, change),
    validateStep(ctx, change),
    writeStep(ctx, change),
    restartOrUndoStep(ctx, 'config'),
    keeperStep(ctx),
    saveStep(ctx),
  ],
});

export interface ProvisionOptions extends KeeperOptions {
  port: number;
  /** --port was given (not the default). */
  portAsked?: boolean;
  /** The opt-in --auth profile: anonymous clients refused, this user in the password file. */
  auth?: AuthOptions;
  /** Do not serve an anonymous broker that answers on an address outside the local networks. */
  refuseExposed?: boolean;
  /** Install mosquitto from this folder of package files (no network). */
  packagesDir?: string;
}

export interface FixOptions {
  /** The safe fixes the failed checks call for (checks/fix-plan.ts). */
  actions: readonly FixAction[];
  /** The factory config's port, when one has to be written. */
  port: number;
}

/** A new config from a file (apply), a backup (restore) or an editor (edit): the text, and where it came from. */
export interface WholeConfig extends ApplyPolicy {
  /** undefined: nothing to change (config edit closed without changes). */
  text: string | undefined;
  /** For the step's line: the file, the backup id, "the edited copy". */
  from: string;
  /** The file named in validation messages (apply: the user's file). */
  label?: string;
}

/** A users command: the password and ACL files changed together, the broker made to read them and proven. */
const usersChange = (ctx: Context, command: string, edit: UsersEdit): Pipeline => ({
  command,
  steps: [usersFilesStep(ctx, command, edit), restartOrUndoStep(ctx, 'config')],
});

/** An access profile: the ACL in step with the users, then the config's listeners changed the safe way. */
export interface AccessOptions {
  users: UsersEdit;
  config: Omit<ConfigChange, 'command'>;
}

const whole = (ctx: Context, command: string, reason: string, o: WholeConfig) =>
  configChange(ctx, { ...o, command, reason, compose: wholeText(o.text, o.from) });

export const PIPELINES = {
  /** First boot: from nothing to a broker that answers, runs under pm2 and comes back after a reboot. */
  provision: (ctx: Context, o: ProvisionOptions): Pipeline => {
    const s = serve(ctx, o.refuseExposed, o);
    return {
      command: 'provision',
      port: o.port,
      steps: [
        ...programs(ctx, o.packagesDir),
        ...(o.auth ? [passwordStep(ctx, o.auth)] : []),
        factoryConfigStep(ctx, { port: o.port, auth: o.auth !== undefined, portAsked: o.portAsked === true }),
        ...[s.exposure, s.broker, s.verify, s.keeper, s.save, s.startup],
        watchdogStep(ctx),
      ],
    };
  },

  /** Factory reset from any broken state: back up, factory config, drop bridges and files we made, serve. */
  reset: (ctx: Context, o: ResetOptions): Pipeline => {
    const s = serve(ctx, false, o);
    return {
      command: 'reset',
      port: o.port,
      steps: [
        ...programs(ctx),
        resetBackupStep(ctx, o),
        resetConfigStep(ctx, o),
        ...[s.exposure, s.broker, s.verify, s.keeper, s.save, s.startup],
      ],
    };
  },

  /**
   * `doctor --fix`: the programs and the factory config when none exists (an existing config is never
   * touched), then only the parts of serving that the failed checks call for.
   */
  'doctor --fix': (ctx: Context, o: FixOptions): Pipeline => {
    const wants = (...some: FixAction[]) => some.some((action) => o.actions.includes(action));
    const s = serve(ctx);
    return {
      command: 'doctor --fix',
      port: o.port,
      steps:
        o.actions.length === 0
          ? []
          : [
              ...programs(ctx),
              factoryConfigStep(ctx, { port: o.port, auth: false }),
              // a database set aside is for a broker that then starts without it
              ...(wants('set-aside-database') ? [setAsideDatabaseStep(ctx)] : []),
              ...(wants('start-broker', 'write-factory-config', 'set-aside-database')
                ? [s.exposure, s.broker, s.verify]
                : []),
              ...(wants('start-broker', 'register-startup', 'set-aside-database') ? [s.keeper, s.save, s.startup] : []),
              ...(wants('renew-certificate')
                ? [selfSignedStep(ctx, { inUseOnly: true }), reloadCertificatesStep(ctx)]
                : []),
            ],
    };
  },

  'config apply': (ctx: Context, o: WholeConfig) => whole(ctx, 'config apply', 'apply', o),
  'config restore': (ctx: Context, o: WholeConfig) => whole(ctx, 'config restore', 'restore', o),
  'config edit': (ctx: Context, o: WholeConfig) => whole(ctx, 'config edit', 'edit', o),

  /** The SUPLA section appended, or updated in place, in the config on disk. */
  'bridge add': (ctx: Context, o: { bridge: SuplaBridge }) =>
    configChange(ctx, {
      command: 'bridge add',
      reason: 'bridge-add',
      compose: withBridge(o.bridge, ctx.profile.paths.configFile),
    }),

  'bridge remove': (ctx: Context, o: { id: string }) =>
    configChange(ctx, {
      command: 'bridge remove',
      reason: 'bridge-remove',
      compose: withoutBridge(o.id, ctx.profile.paths.configFile),
    }),

  'users add': (ctx: Context, o: UsersEdit) => usersChange(ctx, 'users add', o),
  'users passwd': (ctx: Context, o: UsersEdit) => usersChange(ctx, 'users passwd', o),
  'users remove': (ctx: Context, o: UsersEdit) => usersChange(ctx, 'users remove', o),
  'users allow': (ctx: Context, o: UsersEdit) => usersChange(ctx, 'users allow', o),
  'users deny': (ctx: Context, o: UsersEdit) => usersChange(ctx, 'users deny', o),

  /** open, lan-login or login: the files a login needs in place first, then the config (composed, validated…). */
  'access set': (ctx: Context, o: AccessOptions): Pipeline => {
    const change = configChange(ctx, { ...o.config, command: 'access set' });
    return { command: 'access set', steps: [usersFilesStep(ctx, 'access set', o.users), ...change.steps] };
  },

  /**
   * A TLS or websockets listener added, or ours updated in place; with --self-signed the local CA and the
   * server certificate (kept when good) are made before the new config is validated, so it names files that are there.
   */
  'listener add': (ctx: Context, o: { spec: ListenerSpec; selfSigned?: boolean }): Pipeline => {
    const change = configChange(ctx, {
      command: 'listener add',
      reason: 'listener-add',
      compose: withListener(o.spec, ctx.profile.paths.configFile, ctx.profile.paths),
    });
    // after the compose (a refused port makes no certificate), before the validation (it reads them)
    const [compose, ...rest] = change.steps;
    return { ...change, steps: [compose!, ...(o.selfSigned ? [selfSignedStep(ctx)] : []), ...rest] };
  },

  /** A listener gate-mqtt added, taken out (never the factory one, never the last plain MQTT one). */
  'listener remove': (ctx: Context, o: { port: number }) =>
    configChange(ctx, {
      command: 'listener remove',
      reason: 'listener-remove',
      compose: withoutListener(o.port, ctx.profile.paths.configFile),
    }),

  /** A new self-signed server certificate (when a listener uses it), put in force by SIGHUP, else a restart. */
  'listener renew': (ctx: Context): Pipeline => ({
    command: 'listener renew',
    steps: [selfSignedStep(ctx, { renew: true, inUseOnly: true }), reloadCertificatesStep(ctx)],
  }),

  /**
   * Back up the config folder, keep the current package, install the new one (the config put back if the
   * package replaced it), restart for "binary changed", verify; when the new broker does not serve, the
   * kept package and the config go back and the broker is verified again.
   */
  upgrade: (ctx: Context, o: UpgradeOptions): Pipeline => ({
    command: 'upgrade',
    steps: [upgradeInstallStep(ctx, o), restartOrUndoStep(ctx, 'package'), keeperStep(ctx), saveStep(ctx)],
  }),

  /** The broker given up: out of pm2 and its dump, no boot hook; config and backups kept unless --purge. */
  uninstall: (ctx: Context, o: UninstallOptions): Pipeline => ({
    command: 'uninstall',
    steps: [
      pm2RemoveStep(ctx, o),
      dumpWithoutStep(ctx, o),
      bootHookRemoveStep(ctx, o),
      watchdogRemoveStep(ctx, o),
      ...(o.purge ? [purgeStep(ctx)] : []),
    ],
  }),
} as const;

export type PipelineName = keyof typeof PIPELINES;

export type { ResetOptions, UninstallOptions, UpgradeOptions };
