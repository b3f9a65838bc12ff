import { anonymousListeners, type ConfModel, isLoopback } from '../config/model.js';
import { t } from '../i18n/translate.js';
import { shQuote } from '../run/quote.js';
import { type CheckModule, type CheckOutcome, fail, field, type ProbeOutput, pass, warn } from './check.js';
import { clientArgs, clientFailure, readConfig } from './shared.js';

/**
 * Under an ACL, the gateway's own connections must still reach the topics they use: the keeper's round
 * trip (anonymous, `gate-mqtt/keeper/PID`) and the doctor's (`gate-mqtt/doctor/TOKEN`), on the first
 * listener that lets anonymous clients in. A refused topic is silence, not an error, so the keeper would
 * take it for a hung broker and restart it. Bridges are not subject to an ACL in mosquitto 2.0
 * (`mosquitto_acl_check` lets a bridge's context through), so nothing is probed for them.
 */
const ID = 'access.own-clients';

const hasAcl = (model: ConfModel) =>
  model.global.has('acl_file') || model.listeners.some((l) => l.options.has('acl_file'));

/** Where the gateway's own anonymous clients connect: the first anonymous listener, dialled on loopback. */
export function ownClientTarget(model: ConfModel): { host: string; port: number } | undefined {
  const listener = anonymousListeners(model).find((l) => l.port > 0 && !l.options.has('bind_interface'));
  if (!listener) return undefined;
  const host = isLoopback(listener.bind) || !listener.bind || listener.bind === '0.0.0.0' ? '127.0.0.1' : listener.bind;
  return { host: host === 'localhost' ? '127.0.0.1' : host, port: listener.port };
}

/** One anonymous round trip on each topic the gateway's own clients use; prints "TOPIC=WHAT CAME BACK". */
export function ownClientsProbe(host: string, port: number, token: string): string {
  const lines = ['command -v mosquitto_rr >/dev/null || { echo no-client; exit 127; }'];
  for (const key of ['keeper', 'doctor'] as const) {
    const topic = shQuote(`gate-mqtt/${key}/${token}`);
    const rr = `mosquitto_rr ${clientArgs(host, port)} -t ${topic} -e ${topic} -m ${shQuote(token)} -W 5`;
    lines.push(`echo "${key}=$(${rr} 2>&1)"`);
  }
  return lines.join('\n');
}

export function judgeOwnClients(out: ProbeOutput | undefined, token: string, at: string): CheckOutcome {
  if (!out) return pass(ID, t('no ACL: every client may use every topic'));
  if (out.exitCode === 127 && /no-client/.test(out.output))
    return warn(ID, t('mosquitto_rr is not installed: cannot check'), t('install them: pkg install mosquitto'));
  const refused = ['keeper', 'doctor'].filter((key) => field(out.output, key) !== token);
  if (refused.length === 0)
    return pass(
      ID,
      t(
        "the gateway's own anonymous client on {{at}} reaches gate-mqtt/keeper/# and gate-mqtt/doctor/# under the ACL; bridges are not subject to it",
        { at },
      ),
    );
  const said = clientFailure(field(out.output, refused[0]!) ?? '');
  return fail(
    ID,
    t(
      "the gateway's own anonymous client on {{at}} gets no answer on gate-mqtt/{{topic}}/# ({{said}}): the keeper would take the broker for hung",
      { at, topic: refused[0]!, said },
    ),
    t(
      'let anonymous clients use gate-mqtt/# in the ACL (a "topic readwrite gate-mqtt/#" line before the first "user" line), or: gate-mqtt access set lan-login',
    ),
  );
}

export const accessOwnClients: CheckModule = {
  id: ID,
  get title() {
    return t("the gateway's own clients under the ACL");
  },
  run: async (env) => {
    const facts = await readConfig(env);
    if (facts.state !== 'read' || !hasAcl(facts.model)) return [judgeOwnClients(undefined, env.token, '')];
    const target = ownClientTarget(facts.model);
    if (!target)
      return [
        pass(
          ID,
          t("no listener lets anonymous clients in: the keeper's and the doctor's probes count a refusal as an answer"),
        ),
      ];
    const out = await env.prober.probe('own-clients', ownClientsProbe(target.host, target.port, env.token), 20_000);
    return [judgeOwnClients(out, env.token, `${target.host}:${target.port}`)];
  },
};
