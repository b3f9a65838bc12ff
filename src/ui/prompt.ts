import { createInterface } from 'node:readline/promises';

/** Asks a yes/no question on the terminal; prompts happen before a task list starts, never inside it. */
export async function confirm(question: string, defaultYes: boolean): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = (await rl.question(`${question} ${defaultYes ? '[Y/n]' : '[y/N]'} `)).trim().toLowerCase();
    if (answer === '') return defaultYes;
    return answer === 'y' || answer === 'yes';
  } finally {
    rl.close();
  }
}

export const stdinIsTerminal = () => Boolean(process.stdin.isTTY);
