// The one zx `$` the project's scripts use. zx runs every command as `bash -c 'set -euo pipefail;CMD'`, and
// the CI's rc files print and sleep 20 s (test/fixtures/hostile-rc): this `$` gives bash no reason to read one.
//  - Debian's bash -c reads ~/.bashrc (and /etc/bash.bashrc) when SHLVL is unset and its stdin is a socket
//    (Node's 'pipe') or SSH_CLIENT/SSH2_CLIENT is set: stdin is /dev/null, those two variables are dropped;
//  - every bash -c reads $BASH_ENV (a POSIX sh reads $ENV): both dropped.
// A call that passes `env` builds it with env() below. None needs input: one that did (stdio 'pipe' for
// stdin) would hand bash a socket again. (src/ starts its programs without a shell; it does not use this.)
import { $, useBash, within } from 'zx';

const RC_VARIABLES = ['BASH_ENV', 'ENV', 'SSH_CLIENT', 'SSH2_CLIENT'];

/**
 * process.env with `extra` over it (an undefined value removes the key), without the variables that make
 * bash read rc files.
 * @param {Record<string, string | undefined>} [extra]
 * @returns {Record<string, string>}
 */
export function env(extra = {}) {
  /** @type {Record<string, string>} */
  const result = {};
  for (const [key, value] of Object.entries({ ...process.env, ...extra }))
    if (value !== undefined && !RC_VARIABLES.includes(key)) result[key] = value;
  return result;
}

/** stdio for a command whose output goes straight to this terminal, live (stdin stays closed). */
export const LIVE = ['ignore', 'inherit', 'inherit'];

useBash(); // bash with `set -euo pipefail;`, whatever ZX_SHELL or ZX_PREFIX in the environment say
$.verbose = false; // no echo of commands: the scripts print what they printed before zx
$.stdio = ['ignore', 'pipe', 'pipe'];
$.env = env();

export { $, within };
