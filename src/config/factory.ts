/** The gateway's factory broker config, byte for byte (shared/CLI.md); `port` changes only the listener. */
export const FACTORY_PORT = 1883;

export function factoryConfig(port: number = FACTORY_PORT): string {
  return `# AIS Config file for mosquitto on gate\nlistener ${port} 0.0.0.0\nallow_anonymous true\n`;
}

/** The opt-in --auth profile: the factory header and listener, anonymous clients refused, a password file. */
export function authConfig(port: number, passwordFile: string): string {
  const lines = ['# AIS Config file for mosquitto on gate', `listener ${port} 0.0.0.0`, 'allow_anonymous false'];
  return `${[...lines, `password_file ${passwordFile}`].join('\n')}\n`;
}
