import type { Catalog } from '../translate.js';

/**
 * Polish for the keeper (the pm2 process mqtt-keeper, "strażnik": it keeps the broker working): its log's
 * events, its state in status, the doctor's pm2.keeper, the provision and reset step that starts it, and
 * the --check-every option. The process name mqtt-keeper stays as it is.
 */
export const KEEPER: Catalog = {
  // src/cli/options.ts, src/commands/status.ts
  'how often the keeper checks that the broker serves (5-3600, default 60; kept until changed)':
    'jak często strażnik sprawdza, czy broker odpowiada (5-3600, domyślnie 60; wartość zostaje do następnej zmiany)',
  keeper: 'strażnik',

  // src/keeper/events.ts: the keeper's log lines
  'keeper started: a check every {{every}} s': 'strażnik uruchomiony: sprawdzenie co {{every}} s',
  "keeper ended: pm2's daemon that started it is gone":
    'strażnik zakończył działanie: demon pm2, który go uruchomił, już nie działa',
  'keeper ended: another keeper of this gateway runs (pid {{pid}})':
    'strażnik zakończył działanie: na tej bramce działa już inny strażnik (PID {{pid}})',
  'the broker does not answer a round trip': 'broker nie odpowiada na test publikacji i subskrypcji',
  'the broker answers again after {{count}} failed check(s)': {
    one: 'broker znów odpowiada po {{count}} nieudanym sprawdzeniu',
    few: 'broker znów odpowiada po {{count}} nieudanych sprawdzeniach',
    many: 'broker znów odpowiada po {{count}} nieudanych sprawdzeniach',
    other: 'broker znów odpowiada po {{count}} nieudanego sprawdzenia',
  },
  'no mosquitto clients (mosquitto_sub) on the PATH: the broker cannot be checked':
    'brak klientów mosquitto (mosquitto_sub) w PATH: nie da się sprawdzić brokera',
  'restarting the broker through pm2: {{reason}}': 'restartowanie brokera przez pm2: {{reason}}',
  'pm2 could not restart the broker ({{reason}})': 'pm2 nie zdołał zrestartować brokera ({{reason}})',
  'not restarting the broker ({{reason}}): {{count}} restarts in the last hour is the limit': {
    one: 'broker nie zostanie zrestartowany ({{reason}}): wykorzystano limit {{count}} restartu w ostatniej godzinie',
    few: 'broker nie zostanie zrestartowany ({{reason}}): wykorzystano limit {{count}} restartów w ostatniej godzinie',
    many: 'broker nie zostanie zrestartowany ({{reason}}): wykorzystano limit {{count}} restartów w ostatniej godzinie',
    other: 'broker nie zostanie zrestartowany ({{reason}}): wykorzystano limit {{count}} restartu w ostatniej godzinie',
  },
  'bridges up again after {{count}} check(s)': {
    one: 'mosty znów połączone po {{count}} sprawdzeniu',
    few: 'mosty znów połączone po {{count}} sprawdzeniach',
    many: 'mosty znów połączone po {{count}} sprawdzeniach',
    other: 'mosty znów połączone po {{count}} sprawdzenia',
  },
  'a bridge is still down; the broker was restarted for it at {{since}}, once an hour at most':
    'most nadal bez połączenia; broker zrestartowano z tego powodu {{since}}, a taki restart następuje najwyżej raz na godzinę',
  'the database the broker could not restore was moved into the backups ({{backup}})':
    'bazę danych, której broker nie zdołał wczytać, przeniesiono do kopii zapasowych ({{backup}})',

  // src/keeper/state.ts: why it restarted the broker, and its state in one line
  'the broker did not answer 3 checks in a row': 'broker nie odpowiedział w 3 kolejnych sprawdzeniach',
  'a bridge was down for 15 checks in a row': 'most był bez połączenia w 15 kolejnych sprawdzeniach',
  'its database could not be restored and was moved into the backups':
    'baza danych brokera nie dała się wczytać i została przeniesiona do kopii zapasowych',
  'checks every {{every}}': 'sprawdza co {{every}}',
  'last check {{ago}} ago': 'ostatnie sprawdzenie {{ago}} temu',
  'last restart {{time}}: {{why}}': 'ostatni restart {{time}}: {{why}}',
  '{{count}} restart(s) in the last hour': {
    one: '{{count}} restart w ostatniej godzinie',
    few: '{{count}} restarty w ostatniej godzinie',
    many: '{{count}} restartów w ostatniej godzinie',
    other: '{{count}} restartu w ostatniej godzinie',
  },
  'bridges down: {{names}}': 'mosty bez połączenia: {{names}}',

  // src/checks/pm2-keeper.ts (pm2.keeper)
  'one keeper watches the broker': 'jeden strażnik pilnuje brokera',
  '{{count}} keepers of this gateway run (pid {{pids}}): two would restart one broker': {
    one: 'na tej bramce działa {{count}} strażnik (PID {{pids}}): dwóch restartowałoby ten sam broker',
    few: 'na tej bramce działa {{count}} strażników (PID {{pids}}): dwóch restartowałoby ten sam broker',
    many: 'na tej bramce działa {{count}} strażników (PID {{pids}}): dwóch restartowałoby ten sam broker',
    other: 'na tej bramce działa {{count}} strażnika (PID {{pids}}): dwóch restartowałoby ten sam broker',
  },
  'run: gate-mqtt doctor --fix (ends the keepers outside pm2)':
    'uruchom: gate-mqtt doctor --fix (zatrzyma strażników działających poza pm2)',
  'no keeper runs: a broker that hangs or a bridge that stays down goes unnoticed between runs':
    'nie działa żaden strażnik: zawieszony broker albo most, który nie odzyskuje połączenia, pozostaną niezauważone między uruchomieniami gate-mqtt',
  'run: gate-mqtt doctor --fix (starts "{{name}}" under pm2)':
    'uruchom: gate-mqtt doctor --fix (uruchomi „{{name}}” w pm2)',
  'the keeper (pid {{pid}}) runs outside pm2: its daemon was killed':
    'strażnik (PID {{pid}}) działa poza pm2: demon pm2, który go uruchomił, został zabity',
  'run: gate-mqtt doctor --fix (ends it and starts "{{name}}" under pm2)':
    'uruchom: gate-mqtt doctor --fix (zatrzyma go i uruchomi „{{name}}” w pm2)',
  'the keeper (pid {{pid}}) has not finished a check yet':
    'strażnik (PID {{pid}}) nie zakończył jeszcze żadnego sprawdzenia',
  'the keeper (pid {{pid}}) has not checked since {{time}}': 'strażnik (PID {{pid}}) nie sprawdzał brokera od {{time}}',
  'look at its log: gate-mqtt logs --ours': 'przeczytaj jego log: gate-mqtt logs --ours',
  'pid {{pid}}: {{facts}}': 'PID {{pid}}: {{facts}}',

  // src/tasks/keeper.ts (a step of provision, reset and doctor --fix)
  'Keeper (keeps the broker working)': 'Strażnik (utrzymuje broker w działaniu)',
  'end keepers outside pm2 ({{processes}})': 'zatrzymanie strażników spoza pm2 ({{processes}})',
  '; ended {{count}} keeper(s) outside pm2': {
    one: '; zatrzymano {{count}} strażnika spoza pm2',
    few: '; zatrzymano {{count}} strażników spoza pm2',
    many: '; zatrzymano {{count}} strażników spoza pm2',
    other: '; zatrzymano {{count}} strażnika spoza pm2',
  },
  '"{{name}}" checks the broker every {{every}}': '„{{name}}” sprawdza broker co {{every}}',
  'dry-run: would start "{{name}}" to check the broker every {{every}}':
    'próba na sucho: „{{name}}” zostałby uruchomiony, by sprawdzać broker co {{every}}',
  'started "{{name}}": it checks the broker every {{every}}': 'uruchomiono „{{name}}”: sprawdza broker co {{every}}',
};
