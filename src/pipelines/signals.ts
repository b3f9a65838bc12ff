import { t } from '../i18n/translate.js';
import { ExitCode, GateError } from '../model/errors.js';

export type StopSignal = 'SIGINT' | 'SIGTERM';

const CODES: Record<StopSignal, 130 | 143> = { SIGINT: ExitCode.interrupted, SIGTERM: ExitCode.terminated };

/**
 * Ctrl-C (SIGINT) and SIGTERM while a pipeline runs: the step under way ends, no further one starts, the
 * change under way is finished or undone to a broker that serves, then the run exits 130 or 143. A second
 * signal stops at once (the next run completes or undoes the change from its journal).
 */
export class SignalWatch {
  private received: StopSignal | undefined;
  private readonly handler = (signal: StopSignal) => {
    if (this.received) {
      this.beforeExit();
      process.exit(CODES[signal]);
    }
    this.received = signal;
    this.say(
      t('{{signal}}: stopping after this step; a change under way is finished or undone first (again: stop now)', {
        signal,
      }),
    );
  };

  constructor(
    private readonly say: (line: string) => void,
    /** What must not outlive a stop at once (the programs the run started). */
    private readonly beforeExit: () => void = () => undefined,
  ) {
    process.on('SIGINT', this.handler);
    process.on('SIGTERM', this.handler);
  }

  get signal(): StopSignal | undefined {
    return this.received;
  }

  /** The error that ends an interrupted run, saying what became of the change under way. */
  error(what: string): GateError {
    const signal = this.received ?? 'SIGINT';
    return new GateError(
      CODES[signal],
      t('interrupted by {{signal}}: {{what}}', { signal, what }),
      t('run the same command again to go on'),
    );
  }

  stop(): void {
    process.off('SIGINT', this.handler);
    process.off('SIGTERM', this.handler);
  }
}
