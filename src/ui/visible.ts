/**
 * Text from outside (an inventory's host names, a file's bytes in an error) as it may reach a terminal:
 * control characters, C1 codes and bidi overrides shown as \xNN / \u{NNNN}, never sent raw (an escape
 * sequence in a host name must not move the cursor or recolour the screen).
 */
export function visible(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, (c) => {
    const code = c.codePointAt(0)!;
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
  });
}
