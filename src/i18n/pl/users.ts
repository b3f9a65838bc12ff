import type { Catalog } from '../translate.js';

/**
 * Polish for users and access (issue 25): `users` (użytkownicy: login, hasło, tematy), `access`
 * (dostęp: profile open, lan-login, login, kept as typed), the password and ACL files, and the steps
 * that change them. "login" as a noun is "logowanie" (a login required: wymagane logowanie).
 */
export const USERS: Catalog = {
  // src/cli/commands-users.ts, src/cli/options.ts
  name: 'nazwa',
  profile: 'profil',
  'give one of --read, --write and --readwrite': 'podaj jedno z: --read, --write, --readwrite',
  "e.g. gate-mqtt users allow tablet1 --topic 'home/#' --readwrite":
    "np. gate-mqtt users allow tablet1 --topic 'home/#' --readwrite",
  'who may log in and the topics each may use: add, passwd, remove, list, allow, deny':
    'kto może się zalogować i z jakich tematów korzysta: add, passwd, remove, list, allow, deny',
  'who needs a login: show, set': 'kto musi się zalogować: show, set',
  'choose an access profile: open, lan-login or login': 'wybierz profil dostępu: open, lan-login albo login',
  'anonymous clients on every IPv4 address: the factory config':
    'anonimowi klienci na każdym adresie IPv4: konfiguracja fabryczna',
  'anonymous clients only on 127.0.0.1 (the apps of the gateway itself), a login on the LAN':
    'anonimowi klienci tylko na 127.0.0.1 (aplikacje samej bramki), logowanie w sieci lokalnej',
  'a login on every address, 127.0.0.1 too': 'logowanie na każdym adresie, także na 127.0.0.1',
  'add a user; the password never comes from the command line':
    'dodaj użytkownika; hasło nigdy nie pochodzi z wiersza poleceń',
  "change a user's password": 'zmień hasło użytkownika',
  'remove a user (and its topics)': 'usuń użytkownika (i jego tematy)',
  'the users and their topics (never a password)': 'użytkownicy i ich tematy (nigdy hasła)',
  'let a user use a topic; once a user has one, it may use only the topics it was allowed':
    'pozwól użytkownikowi korzystać z tematu; od pierwszego takiego tematu może korzystać tylko z dozwolonych',
  'refuse a user a topic, whatever it is allowed':
    'zabroń użytkownikowi tematu, niezależnie od tego, na co mu pozwolono',
  'the access profile of the config, each listener and whether it needs a login':
    'profil dostępu w konfiguracji: każdy listener i czy wymaga logowania',
  'an MQTT topic filter (+ and #)': 'filtr tematów MQTT (+ i #)',
  'subscribe (receive) only': 'tylko subskrypcja (odbiór)',
  'publish (send) only': 'tylko publikacja (wysyłanie)',
  'subscribe and publish': 'subskrypcja i publikacja',

  // src/commands/users.ts
  'the user name must be 1-64 characters of A-Z, a-z, 0-9, _ . @ -; nothing was changed':
    'nazwa użytkownika musi mieć 1-64 znaki spośród A-Z, a-z, 0-9, _ . @ -; nic nie zmieniono',
  'e.g. gate-mqtt users add tablet1 --password-stdin': 'np. gate-mqtt users add tablet1 --password-stdin',
  'the password is empty; nothing was changed': 'hasło jest puste; nic nie zmieniono',
  'give a password': 'podaj hasło',
  'no user {{name}}; nothing was changed': 'nie ma użytkownika {{name}}; nic nie zmieniono',
  'see: gate-mqtt users list': 'zobacz: gate-mqtt users list',
  'user {{name}} exists already with another password; nothing was changed':
    'użytkownik {{name}} już istnieje, z innym hasłem; nic nie zmieniono',
  'user {{name}} exists already with this password': 'użytkownik {{name}} już istnieje, z tym hasłem',
  'to give it a new password: gate-mqtt users passwd {{name}} --password-stdin':
    'aby nadać mu nowe hasło: gate-mqtt users passwd {{name}} --password-stdin',
  'user {{name}} added': 'dodano użytkownika {{name}}',
  'new password of {{name}}': 'nowe hasło użytkownika {{name}}',
  'no user {{name}}; nothing to remove': 'nie ma użytkownika {{name}}; nie ma czego usuwać',
  'user {{name}} removed': 'usunięto użytkownika {{name}}',
  '{{name}}: topic {{access}} {{topic}}': '{{name}}: temat {{access}} {{topic}}',
  'no users': 'brak użytkowników',
  'every topic': 'każdy temat',
  'no network interface of this gateway has a private LAN address (RFC 1918) for the LAN listener; nothing was changed':
    'żaden interfejs sieciowy tej bramki nie ma prywatnego adresu w sieci lokalnej (RFC 1918) dla listenera LAN; nic nie zmieniono',
  'connect the gateway to its LAN first, or require a login everywhere: gate-mqtt access set login':
    'najpierw podłącz bramkę do sieci lokalnej albo wymagaj logowania wszędzie: gate-mqtt access set login',
  '{{count}} user(s)': {
    one: '{{count}} użytkownik',
    few: '{{count}} użytkownicy',
    many: '{{count}} użytkowników',
    other: '{{count}} użytkownika',
  },
  'already {{profile}}': 'już {{profile}}',
  'access profile {{profile}}': 'profil dostępu {{profile}}',
  'access profile: {{profile}}': 'profil dostępu: {{profile}}',
  'login required': 'wymagane logowanie',
  'anonymous clients allowed': 'anonimowi klienci dozwoleni',
  'users: {{count}}': 'użytkownicy: {{count}}',

  // src/config/access-profile.ts, src/config/acl-file.ts
  'the config asks for a login and this is its last user: no client could log in; nothing was changed':
    'konfiguracja wymaga logowania, a to jej ostatni użytkownik: żaden klient nie mógłby się zalogować; nic nie zmieniono',
  'add another user first, or let anonymous clients in again: gate-mqtt access set open':
    'najpierw dodaj innego użytkownika albo znów wpuść anonimowych klientów: gate-mqtt access set open',
  '{{file}} sets per_listener_settings true by hand: who may use a new listener is not set by gate-mqtt; nothing was changed':
    '{{file}} ustawia ręcznie per_listener_settings true: gate-mqtt nie ustala, kto może korzystać z nowego listenera; nic nie zmieniono',
  'choose an access profile first (gate-mqtt access set login), or add the listener with: gate-mqtt config edit':
    'najpierw wybierz profil dostępu (gate-mqtt access set login) albo dodaj listener przez: gate-mqtt config edit',
  '{{file}}:{{line}}: a listener access profiles do not manage (another port, websockets, TLS or other listener options); nothing was changed':
    '{{file}}:{{line}}: listener, którym profile dostępu nie zarządzają (inny port, websockets, TLS lub inne opcje listenera); nic nie zmieniono',
  'change that config by hand: gate-mqtt config edit': 'zmień tę konfigurację ręcznie: gate-mqtt config edit',
  '--topic "{{topic}}" is not a topic filter mosquitto can read from an ACL line; nothing was changed':
    '--topic „{{topic}}” nie jest filtrem tematów, który mosquitto odczyta z linii ACL; nic nie zmieniono',
  "levels separated by /, no spaces; + and # only as a whole level, # last: e.g. --topic 'home/+/temp'":
    "poziomy rozdzielone /, bez spacji; + i # tylko jako cały poziom, # na końcu: np. --topic 'home/+/temp'",

  // src/model/steps.ts, src/tasks/finish.ts, src/tasks/users.ts
  'the password or ACL file changed': 'zmienił się plik haseł lub plik ACL',
  'the previous password and ACL files were put back and the broker answers':
    'przywrócono poprzednie pliki haseł i ACL, a broker odpowiada',
  'the password and ACL files still were the previous ones, and the broker answers':
    'pliki haseł i ACL wciąż były poprzednie, a broker odpowiada',
  'Users and their topics': 'Użytkownicy i ich tematy',
  'no user can log in yet, so this would lock every LAN client out; nothing was changed':
    'żaden użytkownik nie może się jeszcze zalogować, więc każdy klient z sieci zostałby odcięty; nic nie zmieniono',
  'add one first: gate-mqtt users add NAME --password-stdin':
    'najpierw dodaj użytkownika: gate-mqtt users add NAZWA --password-stdin',
  '{{folder}} made private (0700)': '{{folder}}: dostęp tylko dla właściciela (0700)',
  'the config does not use them yet: gate-mqtt access set lan-login':
    'konfiguracja jeszcze z nich nie korzysta: gate-mqtt access set lan-login',
  // src/checks/access-own-clients.ts
  'no ACL: every client may use every topic': 'brak ACL: każdy klient może korzystać z każdego tematu',
  'mosquitto_rr is not installed: cannot check': 'mosquitto_rr nie jest zainstalowany: nie da się sprawdzić',
  "the gateway's own anonymous client on {{at}} reaches gate-mqtt/keeper/# and gate-mqtt/doctor/# under the ACL; bridges are not subject to it":
    'anonimowy klient samej bramki na {{at}} korzysta z gate-mqtt/keeper/# i gate-mqtt/doctor/# mimo ACL; mostów ACL nie dotyczy',
  "the gateway's own anonymous client on {{at}} gets no answer on gate-mqtt/{{topic}}/# ({{said}}): the keeper would take the broker for hung":
    'anonimowy klient samej bramki na {{at}} nie dostaje odpowiedzi na gate-mqtt/{{topic}}/# ({{said}}): strażnik uznałby broker za zawieszony',
  'let anonymous clients use gate-mqtt/# in the ACL (a "topic readwrite gate-mqtt/#" line before the first "user" line), or: gate-mqtt access set lan-login':
    'pozwól anonimowym klientom na gate-mqtt/# w ACL (linia „topic readwrite gate-mqtt/#” przed pierwszą linią „user”) albo: gate-mqtt access set lan-login',
  "the gateway's own clients under the ACL": 'klienci samej bramki a ACL',
  "no listener lets anonymous clients in: the keeper's and the doctor's probes count a refusal as an answer":
    'żaden listener nie wpuszcza anonimowych klientów: strażnik i diagnostyka uznają odmowę za odpowiedź',
};
