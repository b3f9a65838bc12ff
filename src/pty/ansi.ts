/** Terminal escape sequences (colours, bracketed paste, titles) and carriage returns a pty adds. */
const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][A-Za-z0-9]|\x1b[=>78]/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

export function cleanPtyText(text: string): string {
  return stripAnsi(text).replace(/\r+\n/g, '\n').replace(/\r/g, '');
}
