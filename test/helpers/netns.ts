import { spawnSync } from 'node:child_process';
import type { TestContext } from 'node:test';
import { addLink, createNamespace, deleteNamespace, inNamespace, namespacesAvailable } from '../../scripts/netns.js';

let made = 0;

export interface ClientResult {
  /** Connected and published: the broker let this client in. */
  connected: boolean;
  /** The broker answered and refused the client (not authorised). */
  refused: boolean;
  output: string;
}

/** A gateway's own network for one test: its links and addresses, removed when the test ends. */
export interface TestNamespace {
  name: string;
  addLink(link: string, addresses: string[]): Promise<void>;
  /** A real MQTT client (mosquitto_pub) inside the namespace, connecting to one of its addresses. */
  client(options: { host: string; port: number; username?: string; password?: string }): ClientResult;
}

/** Makes the namespace, or skips the test where namespaces cannot be made (the unprivileged lane). */
export async function testNamespace(
  t: TestContext,
  links: Array<{ link: string; addresses: string[] }>,
): Promise<TestNamespace | undefined> {
  if (!namespacesAvailable()) {
    t.skip('needs root and iproute2: creates network namespaces');
    return undefined;
  }
  // scripts/test.js removes what its own run left: the run's id first in the name
  const name = `gmt-t-${process.env.GATE_MQTT_TEST_RUN ?? 'x'}-${process.pid}-${++made}`;
  await createNamespace(name, links);
  t.after(() => deleteNamespace(name));
  return {
    name,
    addLink: (link, addresses) => addLink(name, link, addresses),
    client: ({ host, port, username, password }) => {
      const login = username ? ['-u', username, '-P', password ?? ''] : [];
      const args = ['-h', host, '-p', String(port), '-t', 'gmt/exposure', '-m', 'probe', '-q', '1', ...login];
      const [file, argv] = inNamespace(name, 'mosquitto_pub', args);
      const run = spawnSync(file, argv, { encoding: 'utf8', timeout: 15_000 });
      const output = `${run.stdout ?? ''}${run.stderr ?? ''}`;
      return { connected: run.status === 0, refused: /not authori[sz]ed/i.test(output), output };
    },
  };
}
