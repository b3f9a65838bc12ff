import path from 'node:path';

/**
 * Every path of the gateway, seen from where this process runs. On a device they are the device's own
 * paths; in a sandbox (`--root DIR`) the same paths below DIR, so programs started here use them as is.
 */
export interface GatewayPaths {
  root: string;
  prefix: string;
  home: string;
  bin: string;
  etcMosquitto: string;
  configFile: string;
  tlsCaFile: string;
  /** Our access folder (0700, the broker's user): the password file and the ACL file, both ours. */
  accessDir: string;
  /** The password file of `users` and the --auth profile (made by us, removed by reset). */
  passwordFile: string;
  /** Where `provision --auth` kept its users before `users` existed; read once to carry them over. */
  legacyPasswordFile: string;
  /** The TLS listeners' certificates gate-mqtt makes (`listener add tls --self-signed`). */
  certsDir: string;
  /** The ACL file of `users allow/deny` (our block at its end; lines written by hand kept). */
  aclFile: string;
  pm2Home: string;
  bootDir: string;
  bootHook: string;
  logDir: string;
  brokerLog: string;
  stateDir: string;
  backupDir: string;
  dataDir: string;
  lockFile: string;
  pm2Definition: string;
  /** pm2's definition of the keeper (mqtt-keeper), which keeps the broker working and the logs bounded. */
  keeperDefinition: string;
  /** What the keeper did (its transitions and restarts); `logs --ours` shows it. */
  keeperLog: string;
  /** The keeper's state (restarts of the last hour, its last check), replaced by rename at each check. */
  keeperState: string;
  /** Versions of binaries, known by path, size, inode and mtime (so `mosquitto -h` runs once per binary). */
  versionCache: string;
  /** Termux:API's job scheduler (the termux-api package), and the script its periodic job runs. */
  jobScheduler: string;
  watchdogScript: string;
  tmpDir: string;
}

/** pm2's own files below its home (one place: the daemon, the doctor's probes and the boot hook agree). */
export interface Pm2Layout {
  home: string;
  pidFile: string;
  dumpFile: string;
  rpcSocket: string;
  pubSocket: string;
  daemonLog: string;
}

export function pm2Layout(home: string): Pm2Layout {
  return {
    home,
    pidFile: path.join(home, 'pm2.pid'),
    dumpFile: path.join(home, 'dump.pm2'),
    rpcSocket: path.join(home, 'rpc.sock'),
    pubSocket: path.join(home, 'pub.sock'),
    daemonLog: path.join(home, 'pm2.log'),
  };
}

/**
 * The gateway's paths for a device prefix, below `root` (empty: the device itself). The device layout is
 * worked out first and the root put in front of each path, so no `--prefix` can lead a path out of the root.
 */
export function buildPaths(root: string, devicePrefix: string): GatewayPaths {
  const below = (devicePath: string) => (root ? path.join(root, devicePath) : devicePath);
  const prefix = path.resolve('/', devicePrefix);
  const home = path.join(path.dirname(prefix), 'home');
  const etcMosquitto = path.join(prefix, 'etc', 'mosquitto');
  const logDir = path.join(prefix, 'var', 'log', 'gate-mqtt');
  const stateDir = path.join(prefix, 'var', 'lib', 'gate-mqtt');
  const bootDir = path.join(home, '.termux', 'boot');
  const accessDir = path.join(etcMosquitto, 'gate-mqtt');
  const device = {
    prefix,
    home,
    bin: path.join(prefix, 'bin'),
    etcMosquitto,
    configFile: path.join(etcMosquitto, 'mosquitto.conf'),
    tlsCaFile: path.join(prefix, 'etc', 'tls', 'cert.pem'),
    certsDir: path.join(etcMosquitto, 'certs'),
    accessDir,
    passwordFile: path.join(accessDir, 'passwd'),
    legacyPasswordFile: path.join(etcMosquitto, 'gate-mqtt.passwd'),
    aclFile: path.join(accessDir, 'acl'),
    pm2Home: path.join(home, '.pm2'),
    bootDir,
    bootHook: path.join(bootDir, 'start-mqtt'),
    logDir,
    brokerLog: path.join(logDir, 'mqtt.log'),
    stateDir,
    backupDir: path.join(stateDir, 'backups'),
    dataDir: path.join(prefix, 'var', 'lib', 'mosquitto'),
    lockFile: path.join(stateDir, 'gate-mqtt.lock'),
    pm2Definition: path.join(stateDir, 'mqtt.pm2.json'),
    keeperDefinition: path.join(stateDir, 'mqtt-keeper.pm2.json'),
    keeperLog: path.join(logDir, 'keeper.log'),
    keeperState: path.join(stateDir, 'keeper.state'),
    versionCache: path.join(stateDir, 'versions.json'),
    jobScheduler: path.join(prefix, 'bin', 'termux-job-scheduler'),
    watchdogScript: path.join(stateDir, 'pm2-watchdog'),
    tmpDir: path.join(prefix, 'tmp'),
  };
  const paths = Object.fromEntries(Object.entries(device).map(([key, value]) => [key, below(value)]));
  return { root, ...paths } as GatewayPaths;
}
