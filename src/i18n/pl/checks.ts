import type { Catalog } from '../translate.js';

/** Polish for the messages of src/checks and src/network. */
export const CHECKS: Catalog = {
  'see why: gate-mqtt logs -n 50; then gate-mqtt config validate, or gate-mqtt reset':
    'sprawdź przyczynę: gate-mqtt logs -n 50; potem gate-mqtt config validate albo gate-mqtt reset',
  'run: gate-mqtt doctor --fix; if pm2 still does not answer, read its log: gate-mqtt logs --ours':
    'uruchom: gate-mqtt doctor --fix; jeśli pm2 nadal nie odpowiada, przeczytaj log: gate-mqtt logs --ours',
  'run: gate-mqtt doctor --fix (starts pm2 and mqtt)': 'uruchom: gate-mqtt doctor --fix (uruchomi pm2 i mqtt)',
  'read them: gate-mqtt logs -n 50': 'przeczytaj je: gate-mqtt logs -n 50',
  // Check titles
  'mosquitto installed': 'mosquitto zainstalowany',
  'mosquitto version': 'wersja mosquitto',
  'config present': 'plik konfiguracyjny istnieje',
  'config valid': 'poprawność konfiguracji',
  'config security': 'bezpieczeństwo konfiguracji',
  'network exposure': 'dostęp tylko lokalny',
  'pm2 process mqtt': 'proces pm2 mqtt',
  'no broker outside pm2': 'brak brokera poza pm2',
  'start at boot': 'uruchamianie przy starcie bramki',
  'broker listening': 'broker nasłuchuje',
  'publish/subscribe round trip': 'publikacja i subskrypcja (test w obie strony)',
  bridges: 'połączenia mostkowe',
  'disk space': 'miejsce na dysku',
  'broker log': 'log brokera',
  'broker reachable from here': 'broker osiągalny z tego komputera',

  // Shared
  'timed out': 'przekroczono limit czasu',
  unreadable: 'nie można odczytać',
  'skipped: no readable config tells the listener port':
    'pominięto: brak czytelnej konfiguracji, z której wynika port listenera',
  'see config.present and config.valid': 'zobacz config.present i config.valid',
  'run: gate-mqtt doctor --fix': 'uruchom: gate-mqtt doctor --fix',
  'no readable config to check': 'brak czytelnej konfiguracji do sprawdzenia',
  'see config.valid': 'zobacz config.valid',

  // mosquitto.installed, mosquitto.version
  'mosquitto is not installed': 'mosquitto nie jest zainstalowany',
  'run: gate-mqtt provision (or: pkg install mosquitto)': 'uruchom: gate-mqtt provision (albo: pkg install mosquitto)',
  'cannot read the mosquitto version': 'nie można odczytać wersji mosquitto',
  'reinstall it: pkg reinstall mosquitto': 'zainstaluj go ponownie: pkg reinstall mosquitto',
  '{{version}} is older than {{floor}}': 'wersja {{version}} jest starsza niż {{floor}}',
  'upgrade it: pkg upgrade mosquitto': 'zaktualizuj go: pkg upgrade mosquitto',
  '{{version}} (floor {{floor}})': '{{version}} (wymagana co najmniej {{floor}})',

  // config.present, config.valid
  '{{file}} does not exist': '{{file}} nie istnieje',
  'run: gate-mqtt doctor --fix (writes the factory config)':
    'uruchom: gate-mqtt doctor --fix (zapisze fabryczną konfigurację)',
  'no config to check': 'brak konfiguracji do sprawdzenia',
  'restore a backup (gate-mqtt config restore) or reset (gate-mqtt reset)':
    'przywróć kopię zapasową (gate-mqtt config restore) albo zresetuj (gate-mqtt reset)',
  '{{issue}} (and {{count}} more)': {
    one: '{{issue}} (i jeszcze {{count}} błąd)',
    few: '{{issue}} (i jeszcze {{count}} błędy)',
    many: '{{issue}} (i jeszcze {{count}} błędów)',
    other: '{{issue}} (i jeszcze {{count}} błędu)',
  },
  'fix that line with gate-mqtt config edit, or restore a backup: gate-mqtt config restore':
    'popraw ten wiersz w gate-mqtt config edit albo przywróć kopię zapasową: gate-mqtt config restore',
  'include_dir not followed here: run gate-mqtt config validate on the device':
    'plików z include_dir tu nie sprawdzono: uruchom gate-mqtt config validate na bramce',
  '{{count}} warning(s): see gate-mqtt config validate': {
    one: '{{count}} ostrzeżenie: zobacz gate-mqtt config validate',
    few: '{{count}} ostrzeżenia: zobacz gate-mqtt config validate',
    many: '{{count}} ostrzeżeń: zobacz gate-mqtt config validate',
    other: '{{count}} ostrzeżenia: zobacz gate-mqtt config validate',
  },
  '{{count}} listener(s)': {
    one: '{{count}} listener',
    few: '{{count}} listenery',
    many: '{{count}} listenerów',
    other: '{{count}} listenera',
  },
  '{{count}} bridge(s)': {
    one: '{{count}} most',
    few: '{{count}} mosty',
    many: '{{count}} mostów',
    other: '{{count}} mostu',
  },

  // config.security
  'the config holds a password but its mode is {{mode}}: other apps can read it':
    'konfiguracja zawiera hasło, ale ma uprawnienia {{mode}}: inne aplikacje mogą ją odczytać',
  'run: chmod 600 on the config (gate-mqtt writes it 0600)':
    'ustaw uprawnienia pliku konfiguracyjnego: chmod 600 (gate-mqtt sam zapisuje go z uprawnieniami 0600)',
  'anonymous clients are allowed on {{where}}: anyone on this network can read and send every message (the factory default, meant for a trusted home LAN)':
    'anonimowi klienci mogą się łączyć na {{where}}: każdy w tej sieci może czytać i wysyłać wszystkie komunikaty (ustawienie fabryczne, przeznaczone dla zaufanej sieci domowej)',
  'keep the gateway off untrusted networks and never forward this port on the router; to require a login on the LAN: gate-mqtt users add NAME --password-stdin, then gate-mqtt access set lan-login':
    'nie podłączaj bramki do niezaufanych sieci i nigdy nie przekierowuj tego portu na routerze; aby wymagać logowania w sieci lokalnej: gate-mqtt users add NAZWA --password-stdin, potem gate-mqtt access set lan-login',
  'no anonymous listener reachable from the network': 'żaden listener z anonimowym dostępem nie jest osiągalny z sieci',

  // network.exposure
  "reading the gateway's addresses timed out": 'odczyt adresów bramki przekroczył limit czasu',
  'run: gate-mqtt doctor again': 'uruchom ponownie: gate-mqtt doctor',

  // pm2.process
  'pm2 is not running (no daemon)': 'pm2 nie działa (brak demona)',
  "cannot read pm2's process list": 'nie można odczytać listy procesów pm2',
  "cannot read pm2's process list (timed out)": 'nie można odczytać listy procesów pm2 (przekroczono limit czasu)',
  'pm2 has no process "{{name}}"': 'pm2 nie ma procesu „{{name}}”',
  'run: gate-mqtt doctor --fix, or gate-mqtt provision': 'uruchom: gate-mqtt doctor --fix albo gate-mqtt provision',
  'crash loop: "{{name}}" is {{status}} after {{count}} restarts': {
    one: 'pętla awarii: proces „{{name}}” ({{status}}) po {{count}} restarcie',
    few: 'pętla awarii: proces „{{name}}” ({{status}}) po {{count}} restartach',
    many: 'pętla awarii: proces „{{name}}” ({{status}}) po {{count}} restartach',
    other: 'pętla awarii: proces „{{name}}” ({{status}}) po {{count}} restartach',
  },
  '"{{name}}" is {{status}}': 'proces „{{name}}”: {{status}}',
  'online, pid {{pid}}, up {{uptime}}': 'działa, PID {{pid}}, od {{uptime}}',
  'online, pid {{pid}}, up {{uptime}}, {{count}} restart(s)': {
    one: 'działa, PID {{pid}}, od {{uptime}}, {{count}} restart',
    few: 'działa, PID {{pid}}, od {{uptime}}, {{count}} restarty',
    many: 'działa, PID {{pid}}, od {{uptime}}, {{count}} restartów',
    other: 'działa, PID {{pid}}, od {{uptime}}, {{count}} restartu',
  },

  // broker.orphan
  "only pm2's broker (pid {{pid}}) serves this config": 'tę konfigurację obsługuje tylko broker z pm2 (PID {{pid}})',
  'pid {{pid}} since {{time}}': 'PID {{pid}} od {{time}}',
  'pid {{pid}}': 'PID {{pid}}',
  'a broker outside pm2 serves this config ({{list}}): pm2 does not watch it and will not restart it': {
    one: 'tę konfigurację obsługuje broker spoza pm2 ({{list}}): pm2 go nie pilnuje i nie uruchomi go ponownie',
    few: 'tę konfigurację obsługują brokery spoza pm2 ({{list}}): pm2 ich nie pilnuje i nie uruchomi ich ponownie',
    many: 'tę konfigurację obsługują brokery spoza pm2 ({{list}}): pm2 ich nie pilnuje i nie uruchomi ich ponownie',
    other: 'tę konfigurację obsługują brokery spoza pm2 ({{list}}): pm2 ich nie pilnuje i nie uruchomi ich ponownie',
  },
  'run: gate-mqtt doctor --fix (stops it and starts mqtt under pm2)': {
    one: 'uruchom: gate-mqtt doctor --fix (zatrzyma go i uruchomi mqtt w pm2)',
    few: 'uruchom: gate-mqtt doctor --fix (zatrzyma je i uruchomi mqtt w pm2)',
    many: 'uruchom: gate-mqtt doctor --fix (zatrzyma je i uruchomi mqtt w pm2)',
    other: 'uruchom: gate-mqtt doctor --fix (zatrzyma je i uruchomi mqtt w pm2)',
  },

  // startup.registered
  'the Termux:Boot hook is not executable': 'skrypt startowy Termux:Boot nie jest wykonywalny',
  'no Termux:Boot hook: the broker will not start after a reboot':
    'brak skryptu startowego Termux:Boot: broker nie wystartuje po restarcie bramki',
  'pm2\'s dump does not hold "{{name}}": pm2 resurrect would not start it':
    'zapis procesów pm2 (dump) nie zawiera „{{name}}”: pm2 resurrect go nie uruchomi',
  'run: gate-mqtt doctor --fix (pm2 save)': 'uruchom: gate-mqtt doctor --fix (pm2 save)',
  'boot hook present and executable; pm2 dump holds mqtt':
    'skrypt startowy istnieje i jest wykonywalny; zapis procesów pm2 (dump) zawiera mqtt',

  // broker.listening, broker.roundtrip, broker.reachable
  'the mosquitto clients are not installed: cannot check':
    'programy klienckie mosquitto nie są zainstalowane: nie można sprawdzić',
  'install them: pkg install mosquitto': 'zainstaluj je: pkg install mosquitto',
  '{{host}}:{{port}} answers': '{{host}}:{{port}} odpowiada',
  '{{host}}:{{port}} answers (anonymous clients refused)':
    '{{host}}:{{port}} odpowiada (anonimowi klienci są odrzucani)',
  '{{host}}:{{port}} accepts connections (the round trip did not come back: see broker.roundtrip)':
    '{{host}}:{{port}} przyjmuje połączenia (komunikat testowy nie wrócił: zobacz broker.roundtrip)',
  'nothing answers on {{host}}:{{port}} (timed out)':
    'nic nie odpowiada na {{host}}:{{port}} (przekroczono limit czasu)',
  'nothing answers on {{host}}:{{port}}: {{output}}': 'nic nie odpowiada na {{host}}:{{port}}: {{output}}',
  'check pm2.process and log.errors; run: gate-mqtt doctor --fix':
    'sprawdź pm2.process i log.errors; uruchom: gate-mqtt doctor --fix',
  'a message published to a fresh topic came back to its subscriber':
    'komunikat opublikowany w nowym temacie wrócił do subskrybenta',
  'the broker refuses anonymous clients: no round trip without credentials':
    'broker odrzuca anonimowych klientów: bez danych logowania nie da się wykonać testu publikacji i subskrypcji',
  'test with your own user: mosquitto_sub -u USER -P ...':
    'sprawdź, logując się własnym użytkownikiem: mosquitto_sub -u USER -P ...',
  'no round trip (timed out)': 'test publikacji i subskrypcji nie powiódł się (przekroczono limit czasu)',
  'no round trip: {{output}}': 'test publikacji i subskrypcji nie powiódł się: {{output}}',
  'run: gate-mqtt doctor --fix; if it persists: gate-mqtt reset':
    'uruchom: gate-mqtt doctor --fix; jeśli problem nie ustąpi: gate-mqtt reset',
  '{{host}}:{{port}} answers from this machine ({{ms}} ms)': '{{host}}:{{port}} odpowiada z tego komputera ({{ms}} ms)',
  '{{host}}:{{port}} answers from this machine (anonymous refused)':
    '{{host}}:{{port}} odpowiada z tego komputera (anonimowi klienci są odrzucani)',
  '{{host}}:{{port}} does not answer from this machine: {{reason}}':
    '{{host}}:{{port}} nie odpowiada z tego komputera: {{reason}}',
  "check the listener binds 0.0.0.0 or the LAN address, and that this machine is on the gateway's LAN":
    'sprawdź, czy listener nasłuchuje na 0.0.0.0 lub na adresie w sieci lokalnej i czy ten komputer jest w sieci lokalnej bramki',

  // bridge.<name>
  'connected to {{addresses}}': 'połączony z {{addresses}}',
  'not connected to {{addresses}}': 'brak połączenia z {{addresses}}',
  'not connected to {{addresses}} (no state published yet)':
    'brak połączenia z {{addresses}} (broker nie opublikował jeszcze stanu mostu)',
  'log: {{line}}': 'log: {{line}}',
  'check the address, the remote user and password, bridge_cafile, and that the gateway reaches the internet':
    'sprawdź adres, zdalnego użytkownika i hasło, bridge_cafile oraz czy bramka ma dostęp do internetu',

  // disk.space, log.errors
  'cannot read free space (df)': 'nie można odczytać wolnego miejsca (df)',
  'run: df -h $PREFIX': 'uruchom: df -h $PREFIX',
  'only {{mib}} MiB free: config writes and logs may fail':
    'tylko {{mib}} MiB wolnego miejsca: zapis konfiguracji i logów może się nie udać',
  'free space: pm2 flush; clear old files in $PREFIX/var/log':
    'zwolnij miejsce: pm2 flush; usuń stare pliki z $PREFIX/var/log',
  '{{mib}} MiB free': '{{mib}} MiB wolnego miejsca',
  '{{count}} error line(s) in the last hour; last: {{line}}': {
    one: '{{count}} wiersz z błędem w ostatniej godzinie; ostatni: „{{line}}”',
    few: '{{count}} wiersze z błędami w ostatniej godzinie; ostatni: „{{line}}”',
    many: '{{count}} wierszy z błędami w ostatniej godzinie; ostatni: „{{line}}”',
    other: '{{count}} wiersza z błędami w ostatniej godzinie; ostatni: „{{line}}”',
  },
  'no errors in the last hour': 'brak błędów w ostatniej godzinie',
  'no errors in the broker log': 'brak błędów w logu brokera',

  // src/network: address classes
  loopback: 'loopback',
  'link-local': 'adres lokalny łącza',
  'private LAN (RFC 1918)': 'prywatna sieć lokalna (RFC 1918)',
  'IPv6 unique-local': 'unikalny adres lokalny IPv6 (ULA)',
  "the mobile carrier's shared network (100.64.0.0/10)":
    'współdzielona sieć operatora komórkowego (CGNAT, 100.64.0.0/10)',
  'public or reserved: not a local network': 'adres publiczny lub zarezerwowany: poza siecią lokalną',
  private: 'sieć prywatna',
  'unique-local': 'unikalny lokalny IPv6',
  carrier: 'sieć operatora (CGNAT)',
  'not-local': 'poza siecią lokalną',

  // src/network: exposure
  'IPv{{family}} addresses could not be read': 'nie udało się odczytać adresów IPv{{family}}',
  'which addresses the host name "{{host}}" stands for is not checked':
    'nie ustalono, jakie adresy kryją się pod nazwą hosta „{{host}}”',
  'LAN-ADDRESS': 'ADRES-LAN',
  '{{address}} through {{listener}}': '{{address}} przez listener {{listener}}',
  '{{listeners}} require a password on every address': '{{listeners}}: hasło wymagane na każdym adresie',
  'every listener requires a password': 'każdy listener wymaga hasła',
  'no network listener': 'brak listenera sieciowego',
  '{{listener}} covers no address': '{{listener}} nie obejmuje żadnego adresu',
  '{{listener}} covers {{addresses}}': '{{listener}} obejmuje {{addresses}}',
  'not covered: {{addresses}}': 'nieobjęte: {{addresses}}',
  'anonymous access only from local networks: {{covers}}': 'anonimowy dostęp tylko z sieci lokalnej: {{covers}}',
  'addresses read with none': 'nie udało się odczytać adresów żadnym sposobem',
  'addresses read with {{source}}': 'adresy odczytane za pomocą {{source}}',
  'bind the listener to a LAN address (listener {{port}} {{address}}), or require passwords: gate-mqtt provision --auth on a factory config, or allow_anonymous false with a password_file':
    'ogranicz listener do adresu w sieci lokalnej (listener {{port}} {{address}}) albo wymagaj haseł: uruchom gate-mqtt provision --auth na fabrycznej konfiguracji albo ustaw allow_anonymous false i password_file',
  'anonymous clients are let in on {{addresses}}: anyone who can route to it can read and send every message ({{source}})':
    {
      one: 'anonimowi klienci mogą się łączyć na adresie {{addresses}}: każdy, kto może tam dotrzeć, może czytać i wysyłać wszystkie komunikaty ({{source}})',
      other:
        'anonimowi klienci mogą się łączyć na adresach {{addresses}}: każdy, kto może tam dotrzeć, może czytać i wysyłać wszystkie komunikaty ({{source}})',
    },
  'anonymous clients are let in on {{addresses}}: other customers of the mobile operator can reach it': {
    one: 'anonimowi klienci mogą się łączyć na adresie {{addresses}}: dostęp mają też inni klienci operatora komórkowego',
    other:
      'anonimowi klienci mogą się łączyć na adresach {{addresses}}: dostęp mają też inni klienci operatora komórkowego',
  },
  'not checked: {{what}}': 'nie sprawdzono: {{what}}',

  // src/network: reading the addresses
  'ifconfig did not answer': 'ifconfig nie odpowiedział',
  '/proc/net/if_inet6 could not be read': 'nie udało się odczytać /proc/net/if_inet6',
  '{{program}} timed out after {{ms}} ms': '{{program}}: przekroczono limit czasu ({{ms}} ms)',
  'exit {{code}}': 'kod wyjścia {{code}}',
  'the connection was refused (no program listens on that port)':
    'połączenie odrzucone (na tym porcie nic nie nasłuchuje)',
  'no answer (timed out)': 'brak odpowiedzi (przekroczono czas)',
  'the address cannot be reached (no route)': 'adres jest nieosiągalny (brak trasy)',
  'the host name does not resolve': 'nazwy hosta nie da się przetłumaczyć na adres',
  'the broker refused the client (not authorised)': 'broker odrzucił klienta (brak uprawnień)',
  'the broker speaks another protocol': 'broker używa innego protokołu',
  'the client said: "{{said}}"': 'klient zgłosił: „{{said}}”',
  'the client ended without a message': 'klient zakończył działanie bez komunikatu',

  // broker.localhost
  'localhost reaches the broker': 'localhost prowadzi do brokera',
  'localhost resolves to {{address}} first ({{via}}): covered by {{listeners}}': {
    one: 'localhost wskazuje najpierw na {{address}} ({{via}}), a ten adres obejmuje listener {{listeners}}',
    few: 'localhost wskazuje najpierw na {{address}} ({{via}}), a ten adres obejmują listenery {{listeners}}',
    many: 'localhost wskazuje najpierw na {{address}} ({{via}}), a ten adres obejmują listenery {{listeners}}',
    other: 'localhost wskazuje najpierw na {{address}} ({{via}}), a ten adres obejmują listenery {{listeners}}',
  },
  'localhost resolves to {{address}} first ({{via}}), and no listener covers it on port(s) {{ports}} ({{listeners}}): a client that connects to localhost and tries only that address is refused':
    {
      one: 'localhost wskazuje najpierw na {{address}} ({{via}}), a na porcie {{ports}} nie obejmuje go żaden listener ({{listeners}}): klient, który łączy się z localhost i próbuje tylko tego adresu, zostaje odrzucony',
      few: 'localhost wskazuje najpierw na {{address}} ({{via}}), a na portach {{ports}} nie obejmuje go żaden listener ({{listeners}}): klient, który łączy się z localhost i próbuje tylko tego adresu, zostaje odrzucony',
      many: 'localhost wskazuje najpierw na {{address}} ({{via}}), a na portach {{ports}} nie obejmuje go żaden listener ({{listeners}}): klient, który łączy się z localhost i próbuje tylko tego adresu, zostaje odrzucony',
      other:
        'localhost wskazuje najpierw na {{address}} ({{via}}), a na portach {{ports}} nie obejmuje go żaden listener ({{listeners}}): klient, który łączy się z localhost i próbuje tylko tego adresu, zostaje odrzucony',
    },
  'add a listener for {{address}} (listener {{port}} {{address}}, or listener {{port}} with no address): gate-mqtt config edit; or let clients use {{other}}':
    'dodaj listener dla {{address}} (listener {{port}} {{address}} albo listener {{port}} bez adresu): gate-mqtt config edit; albo niech klienci łączą się z {{other}}',
  'add a listener for {{address}} (listener {{port}} {{address}}, or listener {{port}} with no address): gate-mqtt config edit':
    'dodaj listener dla {{address}} (listener {{port}} {{address}} albo listener {{port}} bez adresu): gate-mqtt config edit',
  'localhost does not resolve on the gateway ({{via}}: {{why}})':
    'localhost nie wskazuje na bramce żadnego adresu ({{via}}: {{why}})',
  'let clients connect to 127.0.0.1 instead of localhost': 'niech klienci łączą się z 127.0.0.1 zamiast z localhost',
  'the gateway has no {{program}} to resolve localhost with':
    'na bramce nie ma programu {{program}}, którym można sprawdzić, na jaki adres wskazuje localhost',
  'resolving localhost on the gateway timed out':
    'sprawdzanie, na jaki adres wskazuje localhost na bramce, przekroczyło limit czasu',
};
