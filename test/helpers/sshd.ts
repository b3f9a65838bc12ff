import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestContext } from 'node:test';
import { freePort } from './sandbox.js';

export interface SshServer {
  port: number;
  user: string;
  /** An ssh_config for the client: the throwaway key and known_hosts of this test. */
  clientConfig: string;
}

/**
 * A real OpenSSH server on 127.0.0.1 for one test: throwaway host and user keys, its own config, stopped
 * when the test ends.
 */
export async function startSshd(
  t: TestContext,
  options: {
    forceCommand?: string;
    /** The login's HOME (its rc files), as a gateway's own home would be; default: the user's. */
    home?: string;
  } = {},
): Promise<SshServer> {
  // The device lane runs as a user whose sshd could not allocate ptys (chown of /dev/pts needs root): its
  // script starts one sshd as root for the lane, and the login then runs the user's own hostile rc files
  // (which stand in for a forced slow, noisy login command).
  const lane = process.env.GATE_MQTT_TEST_SSHD_PORT;
  if (lane && process.env.GATE_MQTT_TEST_SSH_CONFIG) {
    return { port: Number(lane), user: os.userInfo().username, clientConfig: process.env.GATE_MQTT_TEST_SSH_CONFIG };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gmt-ssh-'));
  const port = await freePort();
  const user = os.userInfo().username;
  const keygen = (file: string) =>
    spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', file], { stdio: 'ignore' });
  keygen(path.join(dir, 'host_key'));
  keygen(path.join(dir, 'user_key'));
  writeFileSync(path.join(dir, 'authorized_keys'), readFileSync(path.join(dir, 'user_key.pub')));
  chmodSync(path.join(dir, 'authorized_keys'), 0o600);
  // Debian's sshd insists on its privilege separation folder (an unprivileged lane finds it made by root).
  if (process.getuid?.() === 0) mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  const config = path.join(dir, 'sshd_config');
  writeFileSync(
    config,
    [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${path.join(dir, 'host_key')}`,
      `AuthorizedKeysFile ${path.join(dir, 'authorized_keys')}`,
      `PidFile ${path.join(dir, 'sshd.pid')}`,
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'PubkeyAuthentication yes',
      'PermitRootLogin prohibit-password',
      'UsePAM no',
      'StrictModes no',
      'PrintMotd no',
      'LogLevel ERROR',
      // Many gateways behind this one server are reached at once (a site): do not drop handshakes.
      'MaxStartups 200:30:400',
      ...(options.home ? [`SetEnv HOME=${options.home}`] : []),
      // A login that does more than start a shell (a slow, noisy login script), for the doctor's tests.
      ...(options.forceCommand ? [`ForceCommand ${options.forceCommand}`] : []),
      '',
    ].join('\n'),
  );
  const clientConfig = path.join(dir, 'ssh_config');
  writeFileSync(
    clientConfig,
    [
      `Host 127.0.0.1`,
      `  IdentityFile ${path.join(dir, 'user_key')}`,
      `  IdentitiesOnly yes`,
      `  UserKnownHostsFile ${path.join(dir, 'known_hosts')}`,
      `  LogLevel ERROR`,
      '',
    ].join('\n'),
  );
  const sshd: ChildProcess = spawn('/usr/sbin/sshd', ['-D', '-e', '-f', config], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  sshd.stderr?.on('data', (d) => (stderr += d));
  t.after(() => {
    sshd.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  });
  // Wait until it accepts connections.
  const net = await import('node:net');
  for (let i = 0; i < 100; i++) {
    const up = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1');
      s.once('connect', () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
    if (up) return { port, user, clientConfig };
    if (sshd.exitCode !== null) throw new Error(`sshd exited: ${stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`sshd did not start: ${stderr}`);
}
