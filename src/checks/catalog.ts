import { randomBytes } from 'node:crypto';
import { localTarget } from '../config/listener-target.js';
import type { Profile } from '../platform/profile.js';
import { roundTrip } from '../broker/round-trip.js';
import { configFacts, judgeConfigPresent, judgeConfigSecurity, judgeConfigValid, judgeMosquittoInstalled, judgeMosquittoVersion, type ConfigFacts } from './judge-config.js';
import { judgeBridges, judgeDisk, judgeListening, judgeLog, judgePm2, judgeRoundTrip, judgeStartup } from './judge-runtime.js';
import { bridgeStateProbe, configProbe, diskProbe, listeningProbe, logProbe, mosquittoProbe, pm2Probe, roundTripProbe, startupProbe } from './probes.js';
import { fail, pass, warn, type Check, type Prober } from './types.js';

export interface CatalogOptions {
  prober: Prober;
  profile: Profile;
  /** For a remote target: the host this laptop reaches the device at (the broker must answer there too). */
  remoteHost?: string;
}

/** The doctor's checks, in display order. Probes are shared (each runs once); judges are pure. */
export function doctorChecks({ prober, profile, remoteHost }: CatalogOptions): Check[] {
  const paths = profile.paths;
  let facts: Promise<ConfigFacts> | undefined;
  const config = () => (facts ??= prober.probe('config', configProbe(paths.configFile)).then((out) => configFacts(out, paths.configFile)));
  const target = async () => {
    const f = await config();
    return f.state === 'read' ? localTarget(f.model, 1883) : undefined;
  };
  const noTarget = (id: string) => [warn(id, 'skipped: no readable config tells the listener port', 'see config.present and config.valid')];
  const one = (id: string, title: string, run: Check['run']): Check => ({ id, title, run });

  const checks: Check[] = [
    one('mosquitto.installed', 'mosquitto installed', async () => [judgeMosquittoInstalled(await prober.probe('mosquitto', mosquittoProbe(profile.mosquittoCandidates)))]),
    one('mosquitto.version', 'mosquitto version', async () => [judgeMosquittoVersion(await prober.probe('mosquitto', mosquittoProbe(profile.mosquittoCandidates)))]),
    one('config.present', 'config present', async () => [judgeConfigPresent(await config(), paths.configFile)]),
    one('config.valid', 'config valid', async () => [judgeConfigValid(await config(), paths.configFile)]),
    one('config.security', 'config security', async () => [judgeConfigSecurity(await config())]),
    one('pm2.process', 'pm2 process mqtt', async () => [judgePm2(await prober.probe('pm2', pm2Probe(paths, profile.pm2.node, profile.pm2.script), 30_000))]),
    one('startup.registered', 'start at boot', async () => [judgeStartup(await prober.probe('startup', startupProbe(paths)))]),
    one('broker.listening', 'broker listening', async () => {
      const at = await target();
      if (!at) return noTarget('broker.listening');
      const { host, port } = at;
      return [judgeListening(await prober.probe('listening', listeningProbe(host, port)), host, port)];
    }),
    one('broker.roundtrip', 'publish/subscribe round trip', async () => {
      const at = await target();
      if (!at) return noTarget('broker.roundtrip');
      const { host, port } = at;
      const payload = randomBytes(6).toString('hex');
      return [judgeRoundTrip(await prober.probe('roundtrip', roundTripProbe(host, port, `gate-mqtt/doctor/${payload}`, payload), 15_000), payload)];
    }),
    one('bridge', 'bridges', async () => {
      const f = await config();
      const bridges = f.state === 'read' ? f.model.bridges : [];
      const at = await target();
      if (bridges.length === 0 || !at) return [];
      const { host, port } = at;
      return judgeBridges(await prober.probe('bridges', bridgeStateProbe(host, port, bridges.length, paths.brokerLog), 10_000), bridges);
    }),
    one('disk.space', 'disk space', async () => [judgeDisk(await prober.probe('disk', diskProbe(paths.prefix)))]),
    one('log.errors', 'broker log', async () => [judgeLog(await prober.probe('log', logProbe(paths.brokerLog)))]),
  ];
  if (remoteHost) {
    checks.push(
      one('broker.reachable', `broker reachable from here (${remoteHost})`, async () => {
        const at = await target();
        if (!at) return noTarget('broker.reachable');
        const { port } = at;
        const trip = await roundTrip({ host: remoteHost, port, timeoutMs: 5000 });
        if (trip.ok) return [pass('broker.reachable', `${remoteHost}:${port} answers from this machine (${trip.ms} ms)`)];
        if (trip.refused) return [pass('broker.reachable', `${remoteHost}:${port} answers from this machine (anonymous refused)`)];
        return [
          (/ECONNREFUSED|closed/.test(trip.reason) ? fail : warn)(
            'broker.reachable',
            `${remoteHost}:${port} does not answer from this machine: ${trip.reason}`,
            'check the listener binds 0.0.0.0 or the LAN address, and that this machine is on the gateway\'s LAN',
          ),
        ];
      }),
    );
  }
  return checks;
}
