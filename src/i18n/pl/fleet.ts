import type { Catalog } from '../translate.js';

/** Polish for a site from one laptop: doctor and status with --inventory or several --target (src/fleet). */
export const FLEET: Catalog = {
  'check every gateway of an Ansible inventory (INI or YAML: ansible_host, ansible_port, ansible_user, gate_mqtt_prefix, gate_mqtt_root)':
    'sprawdź każdą bramkę z inwentarza Ansible (INI lub YAML: ansible_host, ansible_port, ansible_user, gate_mqtt_prefix, gate_mqtt_root)',
  'how many gateways are checked at once (default 16)': 'ile bramek sprawdzać naraz (domyślnie 16)',
  '--fix works on one gateway, on the device itself': '--fix działa na jednej bramce, na samym urządzeniu',
  'run gate-mqtt doctor --fix there': 'uruchom tam gate-mqtt doctor --fix',
  'a site is checked over ssh or adb, not local': 'obiekt sprawdza się przez ssh lub adb, nie lokalnie',
  'give ssh://USER@HOST': 'podaj ssh://UŻYTKOWNIK@HOST',
  'cannot read the inventory {{file}}': 'nie można odczytać inwentarza {{file}}',
  'give an Ansible inventory file (INI or YAML)': 'podaj plik inwentarza Ansible (INI lub YAML)',
  'the inventory {{file}} cannot be read: {{why}}': 'nie da się odczytać inwentarza {{file}}: {{why}}',
  'check it with: ansible-inventory -i FILE --list': 'sprawdź go poleceniem: ansible-inventory -i PLIK --list',
  'the inventory {{file}} holds no host': 'inwentarz {{file}} nie zawiera żadnego hosta',
  'no answer within {{seconds}} s': 'brak odpowiedzi w ciągu {{seconds}} s',
  '--{{option}} goes with --inventory or --target': '--{{option}} działa tylko z --inventory lub --target',
  '--{{option}} goes with --inventory or several --target':
    '--{{option}} działa tylko z --inventory lub kilkoma --target',
  'see: gate-mqtt {{command}} --help': 'zobacz: gate-mqtt {{command}} --help',
  'unknown (timed out)': 'nieznany (przekroczony czas)',
  unknown: 'nieznany',
  up: 'działa od',
  restarts: 'restarty',
  '{{count}} gateway(s): {{online}} online, {{down}} not online, {{unreachable}} unreachable': {
    one: '{{count}} bramka: {{online}} działa, {{down}} nie działa, {{unreachable}} nieosiągalnych',
    few: '{{count}} bramki: {{online}} działa, {{down}} nie działa, {{unreachable}} nieosiągalnych',
    many: '{{count}} bramek: {{online}} działa, {{down}} nie działa, {{unreachable}} nieosiągalnych',
    other: '{{count}} bramki: {{online}} działa, {{down}} nie działa, {{unreachable}} nieosiągalnych',
  },
  UNREACHABLE: 'NIEOSIĄGALNA',
  OK: 'OK',
  FAILED: 'PROBLEMY',
  gateway: 'bramka',
  problems: 'problemy',
  '{{count}} gateway(s): {{ok}} ok, {{failed}} with problems, {{unreachable}} unreachable': {
    one: '{{count}} bramka: {{ok}} w porządku, {{failed}} z problemami, {{unreachable}} nieosiągalnych',
    few: '{{count}} bramki: {{ok}} w porządku, {{failed}} z problemami, {{unreachable}} nieosiągalnych',
    many: '{{count}} bramek: {{ok}} w porządku, {{failed}} z problemami, {{unreachable}} nieosiągalnych',
    other: '{{count}} bramki: {{ok}} w porządku, {{failed}} z problemami, {{unreachable}} nieosiągalnych',
  },
};
