import type { Catalog } from '../translate.js';

/** Polish for a site from one laptop: doctor and status with --inventory or several --target (src/fleet). */
export const FLEET: Catalog = {
  'check the gateways of an Ansible inventory (a file, a folder, a script or "host1,host2,"), reached as Ansible\'s ssh reaches them; read by ansible-inventory when Ansible is installed':
    'sprawdź bramki z inwentarza Ansible (plik, folder, skrypt lub "host1,host2,"), łącząc się z nimi tak jak ssh Ansible; czyta go ansible-inventory, gdy Ansible jest zainstalowany',
  'only the inventory hosts this Ansible pattern selects (groups, globs, a:b, a:&b, a:!b)':
    'tylko hosty inwentarza wybrane tym wzorcem Ansible (grupy, maski, a:b, a:&b, a:!b)',
  'how long one gateway may take before it is reported as not answering (default 90)':
    'ile sekund może zająć jedna bramka, zanim zostanie zgłoszona jako nieodpowiadająca (domyślnie 90)',
  '--limit goes with --inventory': '--limit działa tylko z --inventory',
  'e.g. --inventory site.ini --limit warsaw': 'np. --inventory obiekt.ini --limit warszawa',
  '{{program}} did not finish within {{seconds}} s': '{{program}} nie skończył w ciągu {{seconds}} s',
  'ansible-inventory failed': 'ansible-inventory zakończył się błędem',
  'ansible-inventory printed no inventory': 'ansible-inventory nie wypisał inwentarza',
  'ansible --list-hosts failed': 'ansible --list-hosts zakończył się błędem',
  'a host list takes no [x:y] ranges: {{entry}}': 'lista hostów nie przyjmuje zakresów [x:y]: {{entry}}',
  '{{file}} is encrypted with Ansible Vault': '{{file}} jest zaszyfrowany przez Ansible Vault',
  '{{file}} must hold a mapping of variables': '{{file}} musi zawierać słownik zmiennych',
  'a TOML inventory is read by Ansible': 'inwentarz TOML czyta tylko Ansible',
  'no such file': 'nie ma takiego pliku',
  'a folder of inventories is read by Ansible': 'folder inwentarzy czyta tylko Ansible',
  'an executable file is a dynamic inventory script, which Ansible runs':
    'plik wykonywalny to skrypt dynamicznego inwentarza, który uruchamia tylko Ansible',
  'ansible_connection is {{connection}}: gate-mqtt reaches gateways over ssh':
    'ansible_connection to {{connection}}: gate-mqtt łączy się z bramkami przez ssh',
  '{{key}} is a template, which only Ansible evaluates': '{{key}} to szablon, który wylicza tylko Ansible',
  'ansible_port {{port}} is not a port': 'ansible_port {{port}} nie jest numerem portu',
  'check it with: ansible-inventory -i SOURCE --graph': 'sprawdź go poleceniem: ansible-inventory -i ŹRÓDŁO --graph',
  '--inventory is empty': '--inventory jest puste',
  'give an Ansible inventory: a file, a folder or "host1,host2,"':
    'podaj inwentarz Ansible: plik, folder lub "host1,host2,"',
  'cannot read the inventory {{file}}: {{why}}': 'nie można odczytać inwentarza {{file}}: {{why}}',
  'the inventory {{where}} cannot be read: {{why}}': 'nie da się odczytać inwentarza {{where}}: {{why}}',
  'install Ansible (ansible-inventory reads it), or give a static INI or YAML file':
    'zainstaluj Ansible (ansible-inventory go odczyta) albo podaj statyczny plik INI lub YAML',
  'a --limit @FILE is read by Ansible': '--limit @PLIK czyta tylko Ansible',
  '--limit {{pattern}} matches no host of the inventory': '--limit {{pattern}} nie wybiera żadnego hosta z inwentarza',
  'name a group or a host of it, e.g. --limit gateways or --limit "gw-*:!gw-old"':
    'podaj jego grupę lub hosta, np. --limit bramki albo --limit "gw-*:!gw-stara"',
  groups: 'grupy',
  'no way to reach it': 'brak sposobu połączenia',
  '(your ssh user)': '(twój użytkownik ssh)',
  'how many gateways are checked at once (default 16)': 'ile bramek sprawdzać naraz (domyślnie 16)',
  '--fix works on one gateway, on the device itself': '--fix działa na jednej bramce, na samym urządzeniu',
  'run gate-mqtt doctor --fix there': 'uruchom tam gate-mqtt doctor --fix',
  'a site is checked over ssh or adb, not local': 'obiekt sprawdza się przez ssh lub adb, nie lokalnie',
  'give ssh://USER@HOST': 'podaj ssh://UŻYTKOWNIK@HOST',
  'the inventory {{file}} holds no host': 'inwentarz {{file}} nie zawiera żadnego hosta',
  'no answer within {{seconds}} s': 'brak odpowiedzi w ciągu {{seconds}} s',
  '--{{option}} goes with --inventory or --target': '--{{option}} działa tylko z --inventory lub --target',
  '--{{option}} goes with --inventory or several --target':
    '--{{option}} działa tylko z --inventory lub kilkoma --target',
  'see: gate-mqtt {{command}} --help': 'zobacz: gate-mqtt {{command}} --help',
  'unknown (timed out)': 'nieznany (przekroczony czas)',
  unknown: 'nieznany',
  online: 'działa',
  stopping: 'zatrzymuje się',
  stopped: 'zatrzymany',
  'waiting restart': 'czeka na restart',
  launching: 'uruchamia się',
  errored: 'awaria',
  'one-launch-status': 'uruchomiony jednorazowo',
  missing: 'brak procesu',
  'no daemon': 'PM2 nie działa',
  up: 'działa od',
  restarts: 'restarty',
  '{{count}} gateway(s): {{online}} online, {{down}} not online, {{unreachable}} unreachable': {
    one: '{{count}} bramka: działa: {{online}}, nie działa: {{down}}, nieosiągalne: {{unreachable}}',
    few: '{{count}} bramki: działa: {{online}}, nie działa: {{down}}, nieosiągalne: {{unreachable}}',
    many: '{{count}} bramek: działa: {{online}}, nie działa: {{down}}, nieosiągalne: {{unreachable}}',
    other: '{{count}} bramki: działa: {{online}}, nie działa: {{down}}, nieosiągalne: {{unreachable}}',
  },
  UNREACHABLE: 'NIEOSIĄGALNA',
  OK: 'OK',
  FAILED: 'PROBLEMY',
  gateway: 'bramka',
  problems: 'problemy',
  '{{count}} gateway(s): {{ok}} ok, {{failed}} with problems, {{unreachable}} unreachable': {
    one: '{{count}} bramka: w porządku: {{ok}}, z problemami: {{failed}}, nieosiągalne: {{unreachable}}',
    few: '{{count}} bramki: w porządku: {{ok}}, z problemami: {{failed}}, nieosiągalne: {{unreachable}}',
    many: '{{count}} bramek: w porządku: {{ok}}, z problemami: {{failed}}, nieosiągalne: {{unreachable}}',
    other: '{{count}} bramki: w porządku: {{ok}}, z problemami: {{failed}}, nieosiągalne: {{unreachable}}',
  },
  'check that the gateway is on and answers ssh; for a slow one: --timeout {{seconds}}':
    'sprawdź, czy bramka jest włączona i odpowiada przez ssh; dla wolnej: --timeout {{seconds}}',
};
