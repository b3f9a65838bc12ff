import type { PtySession } from '../pty/session.js';
import type { ProbeOutput, Prober } from './check.js';

/** Runs each probe once over the pty session; checks that share a probe share its output. */
export class SessionProber implements Prober {
  private readonly cache = new Map<string, Promise<ProbeOutput>>();

  constructor(private readonly session: PtySession) {}

  probe(key: string, script: string, timeoutMs = 10_000): Promise<ProbeOutput> {
    let pending = this.cache.get(key);
    if (!pending) {
      pending = this.session.run(script, timeoutMs);
      this.cache.set(key, pending);
    }
    return pending;
  }
}
