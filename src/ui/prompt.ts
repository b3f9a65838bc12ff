import { createInterface } from 'node:readline/promises';
import { language, t } from '../i18n/translate.js';

/** Asks a yes/no question on the terminal; prompts happen before a task list starts, never inside it. */
export async function confirm(question: string, defaultYes: boolean): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const choices = defaultYes ? t('[Y/n]') : t('[y/N]');
    const answer = (await rl.question(`${question} ${choices} `)).trim().toLowerCase();
    if (answer === '') return defaultYes;
    // "t"/"tak" in Polish; "y"/"yes" are understood in both languages.
    return ['y', 'yes', ...(language() === 'pl' ? ['t', 'tak'] : [])].includes(answer);
  } finally {
    rl.close();
  }
}

export const stdinIsTerminal = () => Boolean(process.stdin.isTTY);
