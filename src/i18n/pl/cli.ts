import type { Catalog } from '../translate.js';

/** Polish for src/cli.ts, cli-options.ts, src/cli, src/commands and src/ui (help texts, prompts, printed lines). */
export const CLI: Catalog = {
  // command line and help
  dir: 'katalog',
  file: 'plik',
  'host:port': 'host:port',
  id: 'nazwa',
  n: 'liczba',
  path: 'ścieżka',
  pattern: 'wzorzec',
  'pl|en': 'pl|en',
  seconds: 'sekundy',
  source: 'źródło',
  target: 'cel',
  user: 'użytkownik',
  version: 'wersja',
  shell: 'powłoka',
  options: 'opcje',
  command: 'polecenie',
  'Usage:': 'Użycie:',
  'Options:': 'Opcje:',
  'Global Options:': 'Opcje globalne:',
  'Commands:': 'Polecenia:',
  'Arguments:': 'Argumenty:',
  'Example:': 'Przykład:',
  'Examples:': 'Przykłady:',
  'Exit codes: 0 done, 1 a step or check failed, 2 bad usage or input (nothing changed), 3 another run holds the lock (nothing changed), 4 the environment cannot be served, 70 an internal error (a bug: please report it), 130/143 stopped by Ctrl-C/SIGTERM after finishing or undoing the change under way.':
    'Kody wyjścia: 0 gotowe, 1 krok lub test się nie powiódł, 2 błędne wywołanie lub dane (nic nie zmieniono), 3 trwa inne uruchomienie (nic nie zmieniono), 4 tego środowiska nie da się obsłużyć, 70 błąd wewnętrzny (błąd programu: prosimy go zgłosić), 130/143 zatrzymano Ctrl-C/SIGTERM po dokończeniu albo wycofaniu zmiany w toku.',
  'show this help': 'pokaż tę pomoc',
  'keeps the MQTT broker of a Termux home gateway working': 'utrzymuje w działaniu broker MQTT bramki (Termux)',
  'print the version': 'pokaż wersję',
  'show the help of a command': 'pokaż pomoc polecenia',
  'the shell: bash': 'powłoka: bash',
  "print the shell's completion script (Termux's shell is bash)":
    'wypisz skrypt podpowiedzi (uzupełniania) dla powłoki (w Termuksie jest to bash)',
  'see: gate-mqtt {{where}}--help': 'zobacz: gate-mqtt {{where}}--help',
  'did you mean {{suggestion}}?': 'czy chodziło o {{suggestion}}?',
  'unknown command "{{name}}"': 'nieznane polecenie „{{name}}”',
  'unknown option "{{name}}"': 'nieznana opcja „{{name}}”',
  'missing argument {{name}}': 'brak argumentu {{name}}',
  'option "{{name}}" needs a value': 'opcja „{{name}}” wymaga wartości',
  'too many arguments': 'za dużo argumentów',
  'gate-mqtt {{command}} does not take {{option}}': 'gate-mqtt {{command}} nie przyjmuje opcji {{option}}',
  'no completion for the shell "{{shell}}"': 'brak podpowiedzi dla powłoki „{{shell}}”',
  'gate-mqtt completion bash': 'gate-mqtt completion bash',
  '--lang takes pl or en, not "{{value}}"': '--lang przyjmuje pl albo en, a nie „{{value}}”',
  'passwords are never taken on the command line (they would show in the process list)':
    'hasła nigdy nie są przyjmowane w wierszu poleceń (byłyby widoczne na liście procesów)',
  'use --password-stdin or --password-file FILE': 'użyj --password-stdin albo --password-file PLIK',
  '--port must be a whole number 1-65535, not {{value}}': '--port musi być liczbą całkowitą 1-65535, a nie {{value}}',
  '{{name}} must be a whole number {{min}}-{{max}}, not {{value}}':
    '{{name}} musi być liczbą całkowitą od {{min}} do {{max}}, a nie {{value}}',
  '--{{name}} is required': 'opcja --{{name}} jest wymagana',
  'see: gate-mqtt COMMAND --help': 'zobacz: gate-mqtt POLECENIE --help',

  // options
  'a sandbox gateway: every device path below DIR (like DESTDIR)':
    'bramka testowa (piaskownica): każda ścieżka urządzenia wewnątrz KATALOGU (jak DESTDIR)',
  'the Termux prefix (default $PREFIX or /data/data/com.termux/files/usr)':
    'prefiks Termuksa (domyślnie $PREFIX albo /data/data/com.termux/files/usr)',
  'print one JSON document on stdout and nothing else there':
    'wypisz na standardowe wyjście jeden dokument JSON i nic poza nim',
  "append this run's log to FILE (default: PREFIX/var/log/gate-mqtt/COMMAND.log)":
    'dopisz log tego uruchomienia do PLIKU (domyślnie PREFIX/var/log/gate-mqtt/POLECENIE.log)',
  'echo the log lines on stderr': 'pokazuj linie logu na standardowym wyjściu błędów',
  'no colours (also NO_COLOR)': 'bez kolorów (także NO_COLOR)',
  'language of the messages (default: from LC_ALL, LC_MESSAGES or LANG; pl* is Polish)':
    'język komunikatów (domyślnie z LC_ALL, LC_MESSAGES lub LANG; pl* oznacza polski)',
  'say what would be done; change nothing': 'powiedz, co zostałoby zrobione; niczego nie zmieniaj',
  'where to check: local (default), ssh://USER@HOST[:PORT] (port 8022 by default) or adb[://SERIAL]; repeat it for several gateways':
    'gdzie sprawdzać: „local” (ta bramka, domyślnie), ssh://UŻYTKOWNIK@HOST[:PORT] (domyślnie port 8022) albo adb[://NUMER_SERYJNY]; powtórz dla kilku bramek',
  'an ssh_config file for the ssh client (ssh -F)': 'plik ssh_config dla klienta ssh (ssh -F)',
  'apply the safe fixes for what failed (on the device), then check again':
    'zastosuj bezpieczne poprawki tego, co nie przeszło (na urządzeniu), i sprawdź ponownie',
  'do it without asking (required without a terminal)': 'wykonaj bez pytania (wymagane bez terminala)',
  "keep the broker's data folder (retained messages, sessions)":
    'zachowaj katalog danych brokera (komunikaty retained, sesje)',
  'the bridge name (letters, digits, - and _)': 'nazwa mostu (litery, cyfry, - i _)',
  "the remote broker's address": 'adres zdalnego brokera',
  'the user name': 'nazwa użytkownika',
  'read the password from standard input': 'czytaj hasło ze standardowego wejścia',
  'read the password from FILE (first line)': 'czytaj hasło z PLIKU (pierwsza linia)',
  'require passwords: allow_anonymous false and a password file': 'wymagaj haseł: allow_anonymous false i plik haseł',
  'treat warnings as errors': 'traktuj ostrzeżenia jak błędy',
  'accept a config that no LAN device can reach (loopback or unix sockets only)':
    'przyjmij konfigurację, do której nie dotrze żadne urządzenie z sieci LAN (tylko loopback lub gniazda unix)',
  'do not serve an anonymous broker that answers on an address outside the local networks':
    'nie uruchamiaj brokera z anonimowym dostępem, który odpowiada na adresie spoza sieci lokalnych',
  'keep printing new lines as they come': 'pokazuj na bieżąco nowe linie',
  'how many of the last lines (default 50)': 'ile ostatnich linii (domyślnie 50)',
  "gate-mqtt's run logs and the pm2 daemon's log instead of the broker's log":
    'logi uruchomień gate-mqtt i log demona pm2 zamiast logu brokera',

  // commands
  'the broker config: show, validate, apply, edit, backups, restore':
    'konfiguracja brokera: show, validate, apply, edit, backups, restore',
  'bridges to other brokers (SUPLA cloud): add, list, remove':
    'mosty do innych brokerów (chmura SUPLA): add, list, remove',
  'add a bridge, or update it in place': 'dodaj most albo zaktualizuj istniejący',
  'first boot: install mosquitto, factory config, run it under pm2 as "mqtt", start at boot, prove it answers':
    'pierwsze uruchomienie: instalacja mosquitto, konfiguracja fabryczna, proces pm2 „mqtt”, start przy włączeniu bramki, sprawdzenie, że broker odpowiada',
  '--username and a password go with --auth': '--username i hasło podaje się razem z --auth',
  'add --auth, or leave them out': 'dodaj --auth albo je pomiń',
  'health checks on the device over a real terminal (pty), each with a hint; --fix repairs':
    'testy stanu na urządzeniu przez prawdziwy terminal (pty), każdy ze wskazówką; --fix naprawia',
  'one screen: broker version, pm2 state, uptime, restarts, listeners, bridges (exit 1: mqtt not online)':
    'jeden ekran: wersja brokera, stan pm2, czas działania, restarty, listenery, mosty (kod 1: mqtt nie działa)',
  "the broker's log with readable local times (--ours: gate-mqtt's run logs and pm2's log)":
    'log brokera z czytelnym czasem lokalnym (--ours: logi uruchomień gate-mqtt i log pm2)',
  'the config in force (and files it includes), secrets redacted':
    'obowiązująca konfiguracja (i dołączone pliki), z ukrytymi hasłami',
  "check a config as mosquitto reads it (default: the device's); FILE:LINE errors exit 2, warnings exit 0":
    'sprawdź konfigurację tak, jak czyta ją mosquitto (domyślnie tę z urządzenia); błędy PLIK:LINIA dają kod 2, ostrzeżenia kod 0',
  'validate, back up, write atomically, restart, verify; roll back when the broker does not come back':
    'sprawdź, zrób kopię zapasową, zapisz atomowo, zrestartuj, zweryfikuj; wycofaj, gdy broker nie wstanie',
  'edit with $VISUAL or $EDITOR, edit again on errors, then apply the safe way':
    'edytuj w $VISUAL lub $EDITOR, przy błędach edytuj ponownie, potem zastosuj bezpiecznie',
  'backups with time, reason and how each differs from the current config':
    'kopie zapasowe z czasem, powodem i różnicą względem obecnej konfiguracji',
  'restore a backup (the newest by default) the same safe way as apply':
    'przywróć kopię zapasową (domyślnie najnowszą) tak samo bezpiecznie jak apply',
  'add (or update) the SUPLA bridge section; the password never comes from the command line':
    'dodaj (lub zaktualizuj) sekcję mostu SUPLA; hasło nigdy nie pochodzi z wiersza poleceń',
  'the bridges in the config (never their passwords)': 'mosty w konfiguracji (nigdy ich hasła)',
  'remove a bridge section; the rest of the file stays byte for byte':
    'usuń sekcję mostu; reszta pliku zostaje bajt w bajt',
  'factory reset: back up, factory config, drop bridges, recreate "mqtt", verify':
    'reset fabryczny: kopia zapasowa, konfiguracja fabryczna, usunięcie mostów, ponowne utworzenie „mqtt”, weryfikacja',

  // bridge, config, reset, password
  'run: gate-mqtt provision': 'uruchom: gate-mqtt provision',
  '--cafile {{file}} does not exist; nothing was changed': '--cafile {{file}} nie istnieje; nic nie zmieniono',
  "no CA bundle at {{file}} for the bridge's TLS; nothing was changed":
    'brak pakietu certyfikatów CA {{file}} dla TLS mostu; nic nie zmieniono',
  'name an existing file of CA certificates': 'podaj istniejący plik z certyfikatami CA',
  'install it (pkg install ca-certificates) or name one: --cafile PATH':
    'zainstaluj go (pkg install ca-certificates) albo wskaż plik: --cafile ŚCIEŻKA',
  'no bridge "{{id}}" in {{file}}; nothing to remove': 'brak mostu „{{id}}” w {{file}}; nie ma czego usuwać',
  'no bridges': 'brak mostów',
  'user {{name}}': 'użytkownik {{name}}',
  '{{count}} topic(s)': {
    one: '{{count}} temat',
    few: '{{count}} tematy',
    many: '{{count}} tematów',
    other: '{{count}} tematu',
  },
  '(line {{line}})': '(linia {{line}})',
  'config edit needs a terminal': 'config edit wymaga terminala',
  'use: gate-mqtt config apply FILE': 'użyj: gate-mqtt config apply PLIK',
  'the editor exited with {{code}}; nothing was changed': 'edytor zakończył się kodem {{code}}; nic nie zmieniono',
  'set VISUAL or EDITOR to an editor that works here (e.g. nano)':
    'ustaw VISUAL lub EDITOR na edytor, który tu działa (np. nano)',
  'The config has errors. Edit it again?': 'Konfiguracja ma błędy. Edytować ponownie?',
  'the edited config has errors; nothing was changed': 'edytowana konfiguracja ma błędy; nic nie zmieniono',
  'run gate-mqtt config edit again': 'uruchom ponownie gate-mqtt config edit',
  'cannot read {{file}}: {{why}}; nothing was changed': 'nie można odczytać {{file}}: {{why}}; nic nie zmieniono',
  'name a readable file': 'podaj plik, który można odczytać',
  '{{file}}:1: {{why}}; nothing was changed': '{{file}}:1: {{why}}; nic nie zmieniono',
  'a config is a UTF-8 text file': 'konfiguracja to plik tekstowy w UTF-8',
  'write the factory config with: gate-mqtt provision': 'zapisz konfigurację fabryczną: gate-mqtt provision',
  '{{why}}: not a config that can be shown': '{{why}}: tej konfiguracji nie da się pokazać',
  'model and a trial start of mosquitto': 'model i próbne uruchomienie mosquitto',
  'model only: mosquitto not found here': 'tylko model: nie znaleziono tu mosquitto',
  'gate-mqtt config apply refuses it: {{why}} (--allow-local-only accepts it)':
    'gate-mqtt config apply jej nie przyjmie: {{why}} (przyjmie z --allow-local-only)',
  'note: {{note}}': 'uwaga: {{note}}',
  '{{count}} warning(s)': {
    one: '{{count}} ostrzeżenie',
    few: '{{count}} ostrzeżenia',
    many: '{{count}} ostrzeżeń',
    other: '{{count}} ostrzeżenia',
  },
  '{{file}}: valid ({{how}})': '{{file}}: poprawna ({{how}})',
  '{{count}} error(s)': {
    one: '{{count}} błąd',
    few: '{{count}} błędy',
    many: '{{count}} błędów',
    other: '{{count}} błędu',
  },
  '{{file}}: invalid: {{errors}}': '{{file}}: niepoprawna: {{errors}}',
  'no mosquitto.conf': 'brak mosquitto.conf',
  'no backups yet': 'nie ma jeszcze kopii zapasowych',
  '{{count}} file(s)': {
    one: '{{count}} plik',
    few: '{{count}} pliki',
    many: '{{count}} plików',
    other: '{{count}} pliku',
  },
  'current vs backup: {{diff}}': 'obecna względem kopii: {{diff}}',
  'reset replaces the broker config: pass --yes to confirm when there is no terminal; nothing was changed':
    'reset zastępuje konfigurację brokera: bez terminala potwierdź opcją --yes; nic nie zmieniono',
  'gate-mqtt reset --yes': 'gate-mqtt reset --yes',
  'Reset the broker at {{prefix}} to factory settings? A backup is kept.':
    'Przywrócić ustawienia fabryczne brokera w {{prefix}}? Kopia zapasowa zostanie zachowana.',
  'reset cancelled; nothing was changed': 'reset anulowany; nic nie zmieniono',
  'the password is longer than {{max}} bytes; nothing was changed':
    'hasło jest dłuższe niż {{max}} bajtów; nic nie zmieniono',
  'give a shorter password': 'podaj krótsze hasło',
  'cannot read --password-file: {{why}}; nothing was changed':
    'nie można odczytać --password-file: {{why}}; nic nie zmieniono',
  'name a readable file whose first line is the password': 'podaj czytelny plik, którego pierwsza linia jest hasłem',
  '--password-file is a folder; nothing was changed': '--password-file jest katalogiem; nic nie zmieniono',
  'name the file, not its folder': 'podaj plik, nie jego katalog',
  '--password-file {{file}}: nothing to read within {{ms}} ms (a FIFO without a writer?); nothing was changed':
    '--password-file {{file}}: nic do odczytania w ciągu {{ms}} ms (FIFO bez piszącego?); nic nie zmieniono',
  'write the password into the FIFO, or use --password-stdin': 'wpisz hasło do FIFO albo użyj --password-stdin',
  'give only one of --password-stdin and --password-file': 'podaj tylko jedno: --password-stdin albo --password-file',
  'a password is needed': 'potrzebne jest hasło',
  'pass it on standard input (--password-stdin) or in a file (--password-file FILE), never as an argument':
    'podaj je na standardowym wejściu (--password-stdin) albo w pliku (--password-file PLIK), nigdy jako argument',

  // doctor, logs, status
  'the check itself failed: {{why}}': 'sam test się nie powiódł: {{why}}',
  'run again with --verbose': 'uruchom ponownie z --verbose',
  'cannot open a shell on {{target}}: {{why}}': 'nie można otworzyć powłoki na {{target}}: {{why}}',
  '--fix works on the device itself': '--fix działa tylko na samym urządzeniu',
  'run on the device: gate-mqtt doctor --fix (e.g. ssh in first)':
    'uruchom na urządzeniu: gate-mqtt doctor --fix (np. po zalogowaniu przez ssh)',
  'this is not a Termux gateway and no --root was given': 'to nie jest bramka z Termuksem, a nie podano --root',
  'check a gateway from here with --target ssh://USER@HOST or --target adb, or a sandbox with --root DIR':
    'sprawdź bramkę stąd przez --target ssh://UŻYTKOWNIK@HOST lub --target adb albo piaskownicę przez --root KATALOG',
  'Before the fixes:': 'Przed poprawkami:',
  'not fixed: {{why}}': 'nie naprawiono: {{why}}',
  'After the fixes ({{target}}):': 'Po poprawkach ({{target}}):',
  'Doctor ({{target}}):': 'Diagnostyka ({{target}}):',
  'this gateway': 'ta bramka',
  '(see the hints above)': '(zobacz wskazówki powyżej)',
  PASS: 'OK',
  WARN: 'UWAGA',
  FAIL: 'BŁĄD',
  '{{count}} passed': '{{count}} OK',
  '{{count}} failed': {
    one: '{{count}} błąd',
    few: '{{count}} błędy',
    many: '{{count}} błędów',
    other: '{{count}} błędu',
  },
  'checking… {{done}}/{{total}} {{id}}': 'sprawdzanie… {{done}}/{{total}} {{id}}',
  'no run logs in {{dir}} yet': 'w {{dir}} nie ma jeszcze logów uruchomień',
  '--follow prints lines as they come: it does not go with --json':
    '--follow pokazuje linie na bieżąco: nie łączy się z --json',
  'leave out one of them': 'pomiń jedną z tych opcji',
  'no broker log at {{file}}': 'brak logu brokera {{file}}',
  'the broker has not run under pm2 here yet: gate-mqtt provision':
    'broker nie działał tu jeszcze pod pm2: gate-mqtt provision',
  'not installed': 'nie zainstalowany',
  ', pid {{pid}}, up {{uptime}}, {{count}} restart(s)': {
    one: ', PID {{pid}}, od {{uptime}}, {{count}} restart',
    few: ', PID {{pid}}, od {{uptime}}, {{count}} restarty',
    many: ', PID {{pid}}, od {{uptime}}, {{count}} restartów',
    other: ', PID {{pid}}, od {{uptime}}, {{count}} restartu',
  },
  ', {{count}} restart(s)': {
    one: ', {{count}} restart',
    few: ', {{count}} restarty',
    many: ', {{count}} restartów',
    other: ', {{count}} restartu',
  },
  answering: 'odpowiada',
  'not answering': 'nie odpowiada',
  'anonymous clients allowed': 'anonimowi klienci dozwoleni',
  'passwords required': 'wymagane hasła',
  'state unknown': 'stan nieznany',
  connected: 'połączony',
  'not connected': 'niepołączony',
  broker: 'broker',
  pm2: 'pm2',
  config: 'konfiguracja',
  listener: 'listener',
  bridge: 'most',

  // step and result lines
  'would: {{action}}': 'zostałoby wykonane: {{action}}',
  'error: {{message}}': 'błąd: {{message}}',
  'the edited copy': 'edytowana kopia',
  'no changes in the editor': 'bez zmian w edytorze',
  '(not shown: {{why}})': '(nie pokazano: {{why}})',
  '--lang pl (Polish) or --lang en (English)': '--lang pl (polski) albo --lang en (angielski)',
  'e.g. --port 1883': 'np. --port 1883',
  'e.g. {{name}} {{example}}': 'np. {{name}} {{example}}',
  "(the package's own config: restored only by its ID)":
    '(konfiguracja dostarczona z pakietem: przywracana tylko po podaniu jej ID)',
  'gate-mqtt reset --yes does it without asking': 'gate-mqtt reset --yes robi to bez pytania',
  'gate-mqtt uninstall --purge --yes does it without asking': 'gate-mqtt uninstall --purge --yes robi to bez pytania',
  'e.g. --id supla': 'np. --id supla',
  'e.g. --address mqtt.supla.org:8883': 'np. --address mqtt.supla.org:8883',
  'e.g. --cafile /data/data/com.termux/files/usr/etc/tls/cert.pem':
    'np. --cafile /data/data/com.termux/files/usr/etc/tls/cert.pem',
  'give it as one line of plain text (no control characters, no leading #, no spaces at its ends)':
    'podaj ją jako jedną linię zwykłego tekstu (bez znaków sterujących, bez # na początku, bez spacji na końcach)',
  'list the gateways in it, e.g. a line [gateways] and then one host name per line':
    'wpisz do niego bramki, np. linię [gateways], a pod nią po jednej nazwie hosta w linii',
  'e.g. --target ssh://u0_a123@192.168.1.20 (Termux sshd, port 8022) or --target adb':
    'np. --target ssh://u0_a123@192.168.1.20 (sshd w Termuksie, port 8022) albo --target adb',
  'e.g. --username hass': 'np. --username hass',
  'backup {{id}}': 'kopia zapasowa {{id}}',
  'hint: {{hint}}': 'wskazówka: {{hint}}',
  'ok, changed': 'ok, zmieniono',
  'ok, nothing changed': 'ok, nic nie zmieniono',
  '{{command}}: {{outcome}}': '{{command}}: {{outcome}}',
  '[Y/n]': '[T/n]',
  '[y/N]': '[t/N]',
  'it is a symbolic link': 'to dowiązanie symboliczne',
  'warning: not writing the run log {{file}} ({{why}}); the run goes on':
    'ostrzeżenie: log uruchomienia {{file}} nie będzie zapisywany ({{why}}); uruchomienie trwa dalej',
  '[FAILED]': '[BŁĄD]',
  '[skipped]': '[pominięto]',
  '[WARNING]': '[UWAGA]',
  '[changed]': '[zmieniono]',
  '[ok]': '[ok]',
  'WARNING {{title}}: {{detail}}': 'UWAGA {{title}}: {{detail}}',
  '(changed)': '(zmieniono)',
  // the warnings of src/tasks/config.ts
  'change the port with: gate-mqtt config apply FILE': 'port zmienisz poleceniem: gate-mqtt config apply PLIK',
  'see it with gate-mqtt config show; gate-mqtt reset brings the factory config back (the current one is backed up)':
    'zobacz ją: gate-mqtt config show; gate-mqtt reset przywraca konfigurację fabryczną (obecna trafi do kopii zapasowej)',
  'e.g. {{example}}': 'np. {{example}}',
  'the command line is not understood': 'nie rozumiem wiersza poleceń',
  '{{group}} needs a command: {{commands}}': '{{group}} wymaga polecenia: {{commands}}',
  'see: gate-mqtt --help': 'zobacz: gate-mqtt --help',
};
