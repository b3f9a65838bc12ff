import { readFileSync } from 'node:fs';
import { quote } from 'zx';
import type { Profile } from './profile.js';

const TEMPLATE_URL = new URL('../../assets/boot/start-mqtt.sh.tmpl', import.meta.url);

/**
 * The Termux:Boot script (pm2 startup does not work on Android). Every value is shell-quoted by zx;
 * nothing is glued into the script by hand.
 */
export function renderBootHook(profile: Profile, template = readFileSync(TEMPLATE_URL, 'utf8')): string {
  const values: Record<string, string> = {
    SHELL: profile.shell,
    PM2_HOME: quote(profile.paths.pm2Home),
    PATH: quote(profile.env.PATH ?? ''),
    NODE: quote(profile.pm2.node),
    PM2: quote(profile.pm2.script),
  };
  return template.replace(/\{\{([A-Z0-9_]+)\}\}/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`boot hook template names an unknown value {{${key}}}`);
    return value;
  });
}
