/** Every doctor check there is; a check's module, its fix and its tests name it by this type. */
export type CheckId =
  | 'mosquitto.installed'
  | 'mosquitto.version'
  | 'config.present'
  | 'config.valid'
  | 'config.security'
  | 'network.exposure'
  | 'pm2.process'
  | 'broker.orphan'
  | 'pm2.keeper'
  | 'broker.persistence'
  | 'tls.expiry'
  | 'startup.registered'
  | 'android.phantom'
  | 'android.watchdog'
  | 'broker.listening'
  | 'broker.localhost'
  | 'broker.roundtrip'
  | 'access.own-clients'
  | 'bridge'
  | 'disk.space'
  | 'log.errors'
  | 'broker.reachable';

/** The id an outcome carries: its check's, or `bridge.<name>` (one outcome per bridge). */
export type OutcomeId = Exclude<CheckId, 'bridge'> | `bridge.${string}`;

export type CheckStatus = 'pass' | 'warn' | 'fail';

/** What one check found: shown in the doctor's table and its JSON (`checks`). */
export interface CheckOutcome {
  id: OutcomeId;
  status: CheckStatus;
  detail: string;
  hint: string | null;
}

/** The safe repairs `doctor --fix` knows; a check names the one that repairs it. */
export type FixAction =
  | 'install-broker'
  | 'write-factory-config'
  | 'start-broker'
  | 'register-startup'
  /** A persistence database mosquitto cannot restore, moved into the backups. */
  | 'set-aside-database'
  /** gate-mqtt's own self-signed certificate made anew when it ended, put in force (SIGHUP). */
  | 'renew-certificate';

export const pass = (id: OutcomeId, detail: string): CheckOutcome => ({ id, status: 'pass', detail, hint: null });
export const warn = (id: OutcomeId, detail: string, hint: string): CheckOutcome => ({
  id,
  status: 'warn',
  detail,
  hint,
});
export const fail = (id: OutcomeId, detail: string, hint: string): CheckOutcome => ({
  id,
  status: 'fail',
  detail,
  hint,
});
