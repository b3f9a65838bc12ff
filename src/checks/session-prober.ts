import type { PtySession } from '../pty/session.js';
import { type BatchEntry, batchScript, splitBatch } from './batch.js';
import type { ProbeOutput, Prober } from './check.js';

/** The longest a whole batch may take (its probes' own timeouts added up, at most this). */
const MAX_BATCH_MS = 60_000;

interface Waiting extends BatchEntry {
  resolve(output: ProbeOutput): void;
}

/**
 * Runs the doctor's probes over the pty session, each once (checks that share a probe share its
 * output). Probes asked for in the same turn of the event loop travel together in one script, so the
 * checks' first wave (config, binary, pm2, boot hook, disk, log, orphans) is one round trip
 * and the broker probes that need the config's listener are a second.
 */
export class SessionProber implements Prober {
  private readonly cache = new Map<string, Promise<ProbeOutput>>();
  private waiting: Waiting[] = [];

  constructor(
    private readonly session: PtySession,
    /** Probes already answered without the pty (the local doctor reads files and pm2's socket itself). */
    answered: Record<string, ProbeOutput> = {},
  ) {
    for (const [key, output] of Object.entries(answered)) this.cache.set(key, Promise.resolve(output));
  }

  probe(key: string, script: string, timeoutMs = 10_000): Promise<ProbeOutput> {
    let pending = this.cache.get(key);
    if (!pending) {
      pending = new Promise<ProbeOutput>((resolve) => {
        if (this.waiting.length === 0) setImmediate(() => void this.flush());
        this.waiting.push({ script, timeoutMs, resolve });
      });
      this.cache.set(key, pending);
    }
    return pending;
  }

  private async flush(): Promise<void> {
    const batch = this.waiting;
    this.waiting = [];
    const timeoutMs = Math.min(
      MAX_BATCH_MS,
      batch.reduce((sum, entry) => sum + entry.timeoutMs, 0),
    );
    const out = await this.session.run(batchScript(batch), timeoutMs);
    splitBatch(out.output, batch.length, out).forEach((result, i) => {
      batch[i]?.resolve(result);
    });
  }
}
