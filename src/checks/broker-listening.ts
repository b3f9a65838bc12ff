import { type CheckModule, type CheckOutcome, fail, type ProbeOutput, pass, warn } from './check.js';
import { brokerTarget, clientArgs, NO_CLIENT, noTarget } from './shared.js';

export function listeningProbe(host: string, port: number): string {
  return `${NO_CLIENT}\nmosquitto_sub ${clientArgs(host, port)} -t '$SYS/broker/version' -C 1 -W 3`;
}

export function judgeListening(out: ProbeOutput, host: string, port: number): CheckOutcome {
  const id = 'broker.listening';
  if (out.exitCode === 127 && /no-client/.test(out.output)) {
    return warn(id, 'mosquitto_sub is not installed: cannot check', 'install the clients: pkg install mosquitto');
  }
  if (out.exitCode === 0) return pass(id, `${host}:${port} answers (${out.output.trim().split('\n').pop()})`);
  if (/not authori[sz]ed|bad user/i.test(out.output))
    return pass(id, `${host}:${port} answers (anonymous clients refused)`);
  const why = out.timedOut ? ' (timed out)' : `: ${out.output.trim().split('\n').pop() ?? ''}`;
  return fail(
    id,
    `nothing answers on ${host}:${port}${why}`,
    'check pm2.process and log.errors; run: gate-mqtt doctor --fix',
  );
}

export const brokerListening: CheckModule = {
  id: 'broker.listening',
  title: 'broker listening',
  run: async (env) => {
    const at = await brokerTarget(env);
    if (!at) return [noTarget('broker.listening')];
    return [judgeListening(await env.prober.probe('listening', listeningProbe(at.host, at.port)), at.host, at.port)];
  },
  fix: 'start-broker',
};
