import { shQuote } from '../run/quote.js';
import type { Profile } from './profile.js';

/** The Termux:Boot script; {{NAME}} places are filled with shell-quoted values. */
const TEMPLATE = `#!{{SHELL}}
# Written by gate-mqtt: brings the gateway's MQTT broker (pm2 process "mqtt") back after the device starts.
# Termux:Boot runs every executable file in ~/.termux/boot/. Keep the device awake while pm2 starts.
if command -v termux-wake-lock >/dev/null 2>&1; then termux-wake-lock; fi
export PM2_HOME={{PM2_HOME}}
export PATH={{PATH}}
exec {{NODE}} {{PM2}} resurrect
`;

/**
 * The Termux:Boot script (pm2 startup does not work on Android). Every value is quoted for a POSIX
 * shell; nothing is glued into the script by hand.
 */
export function renderBootHook(profile: Profile, template = TEMPLATE): string {
  const values: Record<string, string> = {
    SHELL: profile.shell,
    PM2_HOME: shQuote(profile.paths.pm2Home),
    PATH: shQuote(profile.env.PATH ?? ''),
    NODE: shQuote(profile.pm2.node),
    PM2: shQuote(profile.pm2.script),
    // for other scripts of ours built the same way (platform/watchdog.ts)
    CONFIG: shQuote(profile.paths.configFile),
    BOOT_HOOK: shQuote(profile.paths.bootHook),
  };
  return template.replace(/\{\{([A-Z0-9_]+)\}\}/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`boot hook template names an unknown value {{${key}}}`);
    return value;
  });
}
