/**
 * The secrets this run has seen (a bridge password, say). Everything printed or logged passes through
 * `scrub`, a last guard behind the rule that no secret is ever put into a message.
 */
export class Secrets {
  private readonly values = new Set<string>();

  add(value: string): void {
    if (value.length >= 1) this.values.add(value);
  }

  scrub(text: string): string {
    let out = text;
    for (const value of this.values) out = out.split(value).join('********');
    return out;
  }
}
