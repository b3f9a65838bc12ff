import type { Profile } from '../platform/profile.js';
import { requireFromPm2 } from './rpc.js';

interface Pm2Api {
  connect(callback: (error: Error | null) => void): void;
  start(file: string, callback: (error: Error | Error[] | null) => void): void;
  disconnect(): void;
}

type Pm2ApiClass = new (options: { pm2_home: string; cwd: string }) => Pm2Api;

const promised = (run: (done: (error: Error | Error[] | null) => void) => void) =>
  new Promise<void>((resolve, reject) =>
    run((error) => (error && (!Array.isArray(error) || error.length) ? reject(toError(error)) : resolve())),
  );

function toError(error: Error | Error[]): Error {
  return Array.isArray(error) ? new Error(error.map((e) => e.message).join('; ')) : error;
}

/**
 * Starts an app definition with pm2's own API, loaded from the pm2 install that runs (or will run) the
 * daemon: it resolves the definition the way that pm2 version expects and starts the daemon the way pm2
 * does when none runs. Only starting needs it; everything else is a plain RPC call.
 *
 * pm2's API reads process.env when it starts the daemon and when it builds the app's environment (which
 * lands in its dump and `jlist`), so for the call process.env is exactly the profile's small environment,
 * then put back.
 */
export async function startWithPm2Api(profile: Profile, definitionFile: string): Promise<void> {
  const saved = process.env;
  process.env = { ...profile.env, PM2_HOME: profile.pm2.home, PM2_SILENT: 'true', PM2_DISCRETE_MODE: 'true' };
  try {
    const { custom: API } = requireFromPm2(profile.pm2.script)('./index.js') as { custom: Pm2ApiClass };
    const api = new API({ pm2_home: profile.pm2.home, cwd: profile.paths.home });
    try {
      await promised((done) => api.connect(done));
      await promised((done) => api.start(definitionFile, done));
    } finally {
      api.disconnect();
    }
  } finally {
    process.env = saved;
  }
}
