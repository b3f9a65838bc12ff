/**
 * What a dry run would have done: commands it would have started and files it would have written, in
 * order. The runner and the device writer both record here; nothing else does.
 */
export class DryRunPlan {
  readonly lines: string[] = [];

  constructor(readonly active: boolean) {}

  add(line: string): void {
    this.lines.push(line);
  }
}
