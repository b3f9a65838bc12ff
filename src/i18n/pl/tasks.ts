import type { Catalog } from '../translate.js';

/** Polish for src/tasks, pipelines, model, fsx, platform, pm2, broker, mosquitto, run, pty, context. */
export const TASKS: Catalog = {
  // src/fsx/backups.ts, writer.ts
  "no backup of your own {{file}} exists; {{id}} holds the package's own config":
    'nie ma kopii zapasowej Twojego pliku {{file}}; {{id}} zawiera konfigurację dostarczoną z pakietem',
  'to restore that one: gate-mqtt config restore {{id}}': 'żeby ją przywrócić: gate-mqtt config restore {{id}}',
  'restore another one: gate-mqtt config backups': 'przywróć inną kopię: gate-mqtt config backups',
  '{{file}} is a folder; a link was to go there': '{{file}} jest katalogiem; miało tam być dowiązanie',
  'link {{file}} to {{target}}': 'dowiązanie {{file}} do {{target}}',
  // src/fsx/read.ts
  '{{file}} is a symbolic link; gate-mqtt does not read through links':
    '{{file}} jest dowiązaniem symbolicznym; gate-mqtt nie czyta przez dowiązania',
  'replace it with a regular file (a link there was not made by gate-mqtt)':
    'zastąp je zwykłym plikiem (tego dowiązania nie utworzył gate-mqtt)',
  '{{file}} is not a regular file': '{{file}} nie jest zwykłym plikiem',
  'move it aside and run again': 'przenieś go w inne miejsce i uruchom ponownie',
  'backup {{id}} is damaged ({{file}} is missing)': 'kopia zapasowa {{id}} jest uszkodzona (brak {{file}})',
  // src/pipelines/preflight.ts, run.ts, signals.ts
  'Unfinished changes': 'Niedokończone zmiany',
  none: 'brak',
  'dry-run: would complete or undo the unfinished {{command}} of {{time}}':
    'próba na sucho: dokończyłby albo wycofał niedokończone {{command}} z {{time}}',
  'the unfinished {{command}} of {{time}} could be neither completed nor undone: {{why}}':
    'niedokończonego {{command}} z {{time}} nie udało się ani dokończyć, ani wycofać: {{why}}',
  'see gate-mqtt config backups and gate-mqtt doctor; the backups hold what was there before':
    'zobacz gate-mqtt config backups i gate-mqtt doctor; w kopiach zapasowych jest poprzedni stan',
  'no change was under way; nothing is left half done': 'żadna zmiana nie była w toku; nic nie zostało w połowie',
  'the change under way could be neither finished nor undone ({{why}}); the next run tries again':
    'zmiany w toku nie udało się ani dokończyć, ani wycofać ({{why}}); następne uruchomienie spróbuje ponownie',
  'not run: {{signal}}': 'pominięty: {{signal}}',
  '{{signal}}: stopping after this step; a change under way is finished or undone first (again: stop now)':
    '{{signal}}: zatrzymanie po tym kroku; zmiana w toku zostanie najpierw dokończona albo wycofana (ponownie: natychmiast)',
  'interrupted by {{signal}}: {{what}}': 'przerwano sygnałem {{signal}}: {{what}}',
  'run the same command again to go on': 'uruchom to samo polecenie ponownie, żeby dokończyć',
  // src/tasks/finish.ts, serve.ts
  'the previous config was put back and the broker answers': 'przywrócono poprzednią konfigurację i broker odpowiada',
  '{{command}} cannot be undone': 'nie da się wycofać {{command}}',
  'the unfinished {{command}} of {{time}} was completed: {{detail}}':
    'dokończono niedokończone {{command}} z {{time}}: {{detail}}',
  'the unfinished {{command}} of {{time}} is left: the config was changed since by hand':
    'niedokończone {{command}} z {{time}} pozostawiono: konfigurację zmieniono od tego czasu ręcznie',
  'the unfinished {{command}} of {{time}} had not changed the config yet: {{detail}}':
    'niedokończone {{command}} z {{time}} nie zmieniło jeszcze konfiguracji: {{detail}}',
  'the unfinished {{command}} of {{time}} had not changed anything yet: {{detail}}':
    'niedokończone {{command}} z {{time}} nie zmieniło jeszcze niczego: {{detail}}',
  'the config of the unfinished {{command}} of {{time}} is in place and serves (run it again for the rest): {{detail}}':
    'konfiguracja niedokończonego {{command}} z {{time}} jest na miejscu i działa (uruchom je ponownie, żeby dokończyć resztę): {{detail}}',
  'the config a killed package install had set aside was put back':
    'przywrócono konfigurację odłożoną na bok przez przerwaną instalację pakietu',
  'the unfinished {{command}} of {{time}} cannot be finished now: {{why}}':
    'niedokończonego {{command}} z {{time}} nie da się teraz dokończyć: {{why}}',
  'run the same command again later; gate-mqtt reset --yes brings the factory config back whatever it is':
    'uruchom to samo polecenie ponownie później; gate-mqtt reset --yes przywraca konfigurację fabryczną w każdym stanie',
  'backup {{id}} holds what was there before: gate-mqtt config restore {{id}}':
    'kopia zapasowa {{id}} zawiera poprzedni stan: gate-mqtt config restore {{id}}',
  'a dry run changes nothing': 'próba na sucho niczego nie zmienia',
  'the config on disk still was the previous one, and the broker answers':
    'na dysku wciąż była poprzednia konfiguracja, a broker odpowiada',
  '(the config and data were kept: --purge again removes them)':
    '(konfigurację i dane zachowano: ponowne --purge je usunie)',
  'going back failed too: {{why}}': 'powrót też się nie udał: {{why}}',
  'installing mosquitto {{version}} failed ({{why}}); {{back}}':
    'instalacja mosquitto {{version}} nie powiodła się ({{why}}); {{back}}',
  'the unfinished {{command}} of {{time}} was undone: {{detail}}':
    'wycofano niedokończone {{command}} z {{time}}: {{detail}}',
  'the new config did not come up ({{why}}), and going back failed too: {{how}}':
    'nowa konfiguracja nie ruszyła ({{why}}), a powrót do poprzedniej też się nie udał: {{how}}',
  'the new broker did not serve ({{why}}), and going back failed too: {{how}}':
    'nowy broker nie działał ({{why}}), a powrót do poprzedniego też się nie udał: {{how}}',
  'the new config did not come up ({{why}}); {{back}}': 'nowa konfiguracja nie ruszyła ({{why}}); {{back}}',
  'the new broker did not serve ({{why}}); {{back}}': 'nowy broker nie działał ({{why}}); {{back}}',
  'the broker serves (pid {{pid}}); {{verified}}': 'broker działa (PID {{pid}}); {{verified}}',
  '{{action}}; {{verified}}': '{{action}}; {{verified}}',
  // src/tasks/uninstall.ts
  '{{count}} broker(s) outside pm2': {
    one: '{{count}} broker poza pm2',
    few: '{{count}} brokery poza pm2',
    many: '{{count}} brokerów poza pm2',
    other: '{{count}} brokera poza pm2',
  },
  'removed {{names}}; the boot hook and the saved process list are clear':
    'usunięto {{names}}; skrypt startowy i zapisana lista procesów są wyczyszczone',
  'the broker is out of pm2, its saved list and the boot hook':
    'brokera nie ma już w pm2, w jego zapisanej liście ani w skrypcie startowym',
  'pm2 runs none of {{names}}, and no broker of this config runs':
    'pm2 nie uruchamia żadnego z {{names}} i nie działa żaden broker tej konfiguracji',
  // src/model/errors.ts
  'run again with --verbose, and see gate-mqtt doctor': 'uruchom ponownie z --verbose i sprawdź: gate-mqtt doctor',
  'internal error: {{message}}, please report it': 'błąd wewnętrzny: {{message}}; prosimy go zgłosić',
  'the run log holds the details': 'szczegóły są w logu uruchomienia',
  'the details are in {{file}}': 'szczegóły są w {{file}}',
  // src/pipelines/preflight.ts
  'check that the prefix exists': 'sprawdź, czy prefiks istnieje',
  // src/tasks/apply.ts, src/tasks/compose.ts
  'nothing to change': 'nie ma czego zmieniać',
  'New config': 'Nowa konfiguracja',
  'bridge {{name}} is already as asked': 'most {{name}} jest już taki, jak trzeba',
  'bridge {{name}} updated in place': 'most {{name}} zaktualizowany w miejscu',
  'bridge {{name}} added': 'most {{name}} dodany',
  'bridge {{name}} removed': 'most {{name}} usunięty',
  'no space left on device while writing a file': 'brak miejsca na urządzeniu podczas zapisu pliku',
  'no space left on device while writing {{file}}': 'brak miejsca na urządzeniu podczas zapisu {{file}}',
  'free some space on the device and run again': 'zwolnij miejsce na urządzeniu i uruchom ponownie',
  'cannot write a file: {{code}}': 'nie można zapisać pliku: {{code}}',
  'cannot write {{file}}: {{code}}': 'nie można zapisać {{file}}: {{code}}',
  'check the folder is writable by this user': 'sprawdź, czy ten użytkownik ma prawo zapisu w katalogu',

  // src/broker/mqtt-wire.ts, src/broker/round-trip.ts
  'Connection refused: Unacceptable protocol version': 'Połączenie odrzucone: nieobsługiwana wersja protokołu',
  'Connection refused: Identifier rejected': 'Połączenie odrzucone: identyfikator klienta odrzucony',
  'Connection refused: Server unavailable': 'Połączenie odrzucone: serwer niedostępny',
  'Connection refused: Bad username or password': 'Połączenie odrzucone: błędna nazwa użytkownika lub hasło',
  'Connection refused: Not authorized': 'Połączenie odrzucone: brak uprawnień',
  'Connection refused: code {{code}}': 'Połączenie odrzucone: kod {{code}}',
  'no answer within {{ms}} ms': 'brak odpowiedzi w ciągu {{ms}} ms',
  'subscribe refused by the broker': 'broker odrzucił subskrypcję',

  // src/broker/orphans.ts
  'a broker serving this config runs as another user (pid {{pid}}, uid {{uid}}); it was left alone':
    'broker obsługujący tę konfigurację działa jako inny użytkownik (PID {{pid}}, UID {{uid}}); nie zatrzymano go',
  'stop it as its owner (kill {{pid}}) and run again':
    'zatrzymaj go jako jego właściciel (kill {{pid}}) i uruchom ponownie',
  'could not stop pid {{pids}}': 'nie udało się zatrzymać procesu PID {{pids}}',
  'stop it by hand and run again': 'zatrzymaj go ręcznie i uruchom ponownie',

  // src/broker/port-holder.ts
  'another program': 'inny program',

  // src/fsx/backups.ts
  'the backups folder {{folder}} is a symbolic link; refusing to write backups through it':
    'katalog kopii zapasowych {{folder}} jest dowiązaniem symbolicznym; kopie zapasowe nie będą przez nie zapisywane',
  'replace it with a real folder': 'zastąp dowiązanie zwykłym katalogiem',
  'no backup "{{id}}"': 'brak kopii zapasowej „{{id}}”',
  'list them with: gate-mqtt config backups': 'wyświetl listę kopii: gate-mqtt config backups',
  'no backup of {{file}} exists': 'nie ma kopii zapasowej {{file}}',
  'no backup "{{id}}" of {{file}}': 'brak kopii zapasowej „{{id}}” pliku {{file}}',
  'backup {{id}} does not hold {{file}}': 'kopia zapasowa {{id}} nie zawiera {{file}}',
  'backup {{id}} is damaged ({{file}} does not match its hash)':
    'kopia zapasowa {{id}} jest uszkodzona ({{file}} nie zgadza się z zapisaną sumą kontrolną)',

  // src/fsx/dirs.ts
  'ENOTDIR: {{path}} is not a folder': 'ENOTDIR: {{path}} nie jest katalogiem',

  // src/fsx/writer.ts (refusals, and the lines of a dry-run plan, shown after "would:")
  '{{file}} is a symbolic link; gate-mqtt does not write through links':
    '{{file}} jest dowiązaniem symbolicznym; gate-mqtt nie zapisuje przez dowiązania',
  'replace it with a regular file and run again': 'zastąp dowiązanie zwykłym plikiem i uruchom ponownie',
  'back up {{files}}': 'kopia zapasowa: {{files}}',
  'create {{file}} ({{count}} bytes, mode {{mode}})': {
    one: 'utworzenie {{file}} ({{count}} bajt, uprawnienia {{mode}})',
    few: 'utworzenie {{file}} ({{count}} bajty, uprawnienia {{mode}})',
    many: 'utworzenie {{file}} ({{count}} bajtów, uprawnienia {{mode}})',
    other: 'utworzenie {{file}} ({{count}} bajta, uprawnienia {{mode}})',
  },
  'back up and replace {{file}} ({{count}} bytes, mode {{mode}})': {
    one: 'kopia zapasowa i zastąpienie {{file}} ({{count}} bajt, uprawnienia {{mode}})',
    few: 'kopia zapasowa i zastąpienie {{file}} ({{count}} bajty, uprawnienia {{mode}})',
    many: 'kopia zapasowa i zastąpienie {{file}} ({{count}} bajtów, uprawnienia {{mode}})',
    other: 'kopia zapasowa i zastąpienie {{file}} ({{count}} bajta, uprawnienia {{mode}})',
  },
  'back up and remove {{file}}': 'kopia zapasowa i usunięcie {{file}}',
  'back up and remove the {{count}} file(s) in {{folder}}': {
    one: 'kopia zapasowa i usunięcie zawartości {{folder}} ({{count}} plik)',
    few: 'kopia zapasowa i usunięcie zawartości {{folder}} ({{count}} pliki)',
    many: 'kopia zapasowa i usunięcie zawartości {{folder}} ({{count}} plików)',
    other: 'kopia zapasowa i usunięcie zawartości {{folder}} ({{count}} pliku)',
  },
  'create folder {{folder}}': 'utworzenie katalogu {{folder}}',
  'rotate {{file}} ({{count}} bytes) to {{file}}.1': {
    one: 'rotacja {{file}} ({{count}} bajt) do {{file}}.1',
    few: 'rotacja {{file}} ({{count}} bajty) do {{file}}.1',
    many: 'rotacja {{file}} ({{count}} bajtów) do {{file}}.1',
    other: 'rotacja {{file}} ({{count}} bajta) do {{file}}.1',
  },

  // src/mosquitto/trial.ts
  'mosquitto exited at once without a message (exit {{code}}): memory_limit {{value}} is too little to start in':
    'mosquitto zakończył działanie od razu, bez komunikatu (kod wyjścia {{code}}): memory_limit {{value}} to za mało, by wystartował',
  'mosquitto exited at once without a message (exit {{code}})':
    'mosquitto zakończył działanie od razu, bez komunikatu (kod wyjścia {{code}})',
  'mosquitto: {{message}}': 'mosquitto: {{message}}',
  'the trial start of mosquitto timed out: no "running" within {{ms}} ms':
    'próbne uruchomienie mosquitto przekroczyło limit czasu: brak „running” w ciągu {{ms}} ms',

  // src/platform/lock.ts
  'another gate-mqtt run (unknown, pid {{pid}}) holds {{file}}; nothing was changed':
    'inne uruchomienie gate-mqtt (nieznane polecenie, PID {{pid}}) trzyma blokadę {{file}}; nic nie zmieniono',
  'another gate-mqtt run ({{command}}, pid {{pid}}) holds {{file}}; nothing was changed':
    'inne uruchomienie gate-mqtt ({{command}}, PID {{pid}}) trzyma blokadę {{file}}; nic nie zmieniono',
  'wait for it to finish and run again': 'poczekaj, aż się zakończy, i uruchom ponownie',
  'could not take {{file}}; nothing was changed': 'nie udało się założyć blokady {{file}}; nic nie zmieniono',
  'run again': 'uruchom ponownie',

  // src/platform/packages.ts
  "Termux's apt-get ({{path}})": 'apt-get Termuksa ({{path}})',

  // src/platform/profile.ts
  '--prefix must not be empty': '--prefix nie może być pusty',
  'give the Termux prefix, e.g. --prefix /data/data/com.termux/files/usr':
    'podaj prefiks Termuksa, np. --prefix /data/data/com.termux/files/usr',
  '--prefix must be an absolute path without control characters: {{prefix}}':
    '--prefix musi być ścieżką bezwzględną bez znaków sterujących: {{prefix}}',
  '--root must not be empty': '--root nie może być pusty',
  'give a folder for the sandbox gateway, e.g. --root ./.gateway':
    'podaj katalog bramki testowej, np. --root ./.gateway',
  '--root must not hold control characters': '--root nie może zawierać znaków sterujących',
  '--root / is the machine itself, not a sandbox': '--root / to cały ten komputer, a nie bramka testowa',
  'give a folder, e.g. --root ./.gateway': 'podaj katalog, np. --root ./.gateway',
  'this is not a Termux gateway (no TERMUX_VERSION or PREFIX) and no --root was given':
    'to nie jest bramka z Termuksem (brak TERMUX_VERSION lub PREFIX), a nie podano --root',
  'run with --root DIR to provision a sandbox gateway below DIR, or --prefix PATH on a device':
    'uruchom z --root KATALOG, aby przygotować bramkę testową w KATALOGU, albo z --prefix ŚCIEŻKA na urządzeniu',

  // src/platform/scratch.ts
  'no writable temporary folder: {{tried}}': 'brak katalogu tymczasowego z prawem zapisu: {{tried}}',
  'set TMPDIR to a writable folder': 'ustaw TMPDIR na katalog z prawem zapisu',

  // src/pm2/pm2.ts, process-list.ts, rpc.ts
  'pm2 did not stop "{{name}}" (it is {{status}})': 'pm2 nie zatrzymał „{{name}}” (status procesu: {{status}})',
  'no pm2 daemon runs: nothing to save': 'demon pm2 nie działa: nie ma czego zapisać',
  'pm2 printed no process list': 'pm2 nie wypisał listy procesów',
  'the pm2 daemon did not answer {{method}} within {{ms}} ms':
    'demon pm2 nie odpowiedział na {{method}} w ciągu {{ms}} ms',
  'run: gate-mqtt doctor': 'uruchom: gate-mqtt doctor',
  'read the broker log: gate-mqtt logs -n 50; then check the config: gate-mqtt config validate':
    'przeczytaj log brokera: gate-mqtt logs -n 50; potem sprawdź konfigurację: gate-mqtt config validate',
  'pm2 {{method}} failed: {{error}}': 'wywołanie pm2 {{method}} nie powiodło się: {{error}}',

  // src/pty/session.ts
  'still waiting for the shell on {{target}}: its login scripts (~/.bashrc, ~/.profile) are slow':
    'nadal czekam na powłokę na {{target}}: jej skrypty logowania (~/.bashrc, ~/.profile) działają wolno',
  'the connection closed': 'połączenie zostało zamknięte',
  'a login script on the device may hang (~/.bashrc, ~/.profile)':
    'skrypt logowania na urządzeniu może się zawieszać (~/.bashrc, ~/.profile)',
  'no shell answered over {{target}} within {{ms}} ms: {{why}}; it said: {{seen}}':
    'żadna powłoka nie odpowiedziała przez {{target}} w ciągu {{ms}} ms: {{why}}; klient wypisał: {{seen}}',
  'no shell answered over {{target}} within {{ms}} ms: {{why}}':
    'żadna powłoka nie odpowiedziała przez {{target}} w ciągu {{ms}} ms: {{why}}',

  // src/pty/transports.ts
  '--target port must be 1-65535: {{target}}': 'port w --target musi być z zakresu 1-65535: {{target}}',
  '--target must be local, ssh://USER@HOST[:PORT] or adb[://SERIAL], not {{target}}':
    '--target musi mieć postać „local”, ssh://UŻYTKOWNIK@HOST[:PORT] albo adb[://NUMER_SERYJNY], a nie {{target}}',

  // src/run/runner.ts
  '{{command}} could not start: {{error}}': 'nie udało się uruchomić polecenia {{command}}: {{error}}',
  '{{command}} timed out after {{ms}} ms (stopped)':
    'polecenie {{command}} przekroczyło limit czasu {{ms}} ms (zatrzymano je)',
  'stopped by {{signal}}': 'przerwane sygnałem {{signal}}',
  'stopped by a signal': 'przerwane sygnałem',
  '{{command}} failed ({{why}}): {{output}}': 'polecenie {{command}} nie powiodło się ({{why}}): {{output}}',
  '{{command}} failed ({{why}})': 'polecenie {{command}} nie powiodło się ({{why}})',

  // src/tasks/apply.ts
  'port {{port}} is in use by {{holder}}; nothing was changed':
    'port {{port}} jest zajęty przez {{holder}}; nic nie zmieniono',
  "find it with: ss -ltnp 'sport = :{{port}}'": "sprawdź, co go zajmuje: ss -ltnp 'sport = :{{port}}'",
  'Validate the new config': 'Sprawdzanie nowej konfiguracji',
  '{{issues}}; nothing was changed': '{{issues}}; nic nie zmieniono',
  'fix the line named and run again': 'popraw wskazaną linię i uruchom ponownie',
  'the config is refused: {{policy}}, so LAN devices could not connect; nothing was changed':
    'konfiguracja odrzucona: {{policy}}, więc urządzenia z sieci lokalnej nie mogłyby się połączyć; nic nie zmieniono',
  'add a listener such as "listener {{port}} 0.0.0.0", or pass --allow-local-only when that is intended':
    'dodaj listener, np. „listener {{port}} 0.0.0.0”, albo podaj --allow-local-only, jeśli tak ma być',
  'valid (model and a trial start of mosquitto)': 'poprawna (model i próbne uruchomienie mosquitto)',
  'valid (model; mosquitto not found for a trial start)':
    'poprawna (model; nie znaleziono mosquitto do próbnego uruchomienia)',
  '{{count}} warning(s), first: {{issue}}': {
    one: '{{count}} ostrzeżenie: {{issue}}',
    few: '{{count}} ostrzeżenia, pierwsze: {{issue}}',
    many: '{{count}} ostrzeżeń, pierwsze: {{issue}}',
    other: '{{count}} ostrzeżenia, pierwsze: {{issue}}',
  },
  'Back up and write': 'Kopia zapasowa i zapis',
  'the config already is this; nothing written': 'konfiguracja ma już tę treść; nic nie zapisano',
  'dry-run: would write ({{summary}})': 'próba na sucho: konfiguracja zostałaby zapisana ({{summary}})',
  'wrote {{file}} ({{summary}}), backup {{backup}}': 'zapisano {{file}} ({{summary}}), kopia zapasowa {{backup}}',
  'wrote {{file}} ({{summary}})': 'zapisano {{file}} ({{summary}})',
  'the new config did not come up and there was no previous config to put back':
    'broker nie wystartował z nową konfiguracją, a nie ma poprzedniej, którą można przywrócić',
  'run: gate-mqtt reset': 'uruchom: gate-mqtt reset',
  'run: gate-mqtt doctor, or gate-mqtt reset': 'uruchom: gate-mqtt doctor albo gate-mqtt reset',
  'Restart and verify': 'Restart i weryfikacja',
  'nothing changed: the broker was not restarted': 'nic się nie zmieniło: brokera nie restartowano',
  'dry-run: would run {{command}} ({{reasons}}) and a round trip':
    'próba na sucho: zostałoby wykonane {{command}} ({{reasons}}) oraz test publikacji i subskrypcji',
  'restarted ({{reasons}}); {{verified}}': 'zrestartowano ({{reasons}}); {{verified}}',
  'started ({{reasons}}); {{verified}}': 'uruchomiono ({{reasons}}); {{verified}}',
  'check the new config with: gate-mqtt config validate FILE':
    'sprawdź nową konfigurację: gate-mqtt config validate PLIK',

  // src/tasks/auth.ts
  '--username must be 1-64 characters of A-Z, a-z, 0-9, _ . @ -; nothing was changed':
    '--username musi mieć od 1 do 64 znaków spośród A-Z, a-z, 0-9, _ . @ -; nic nie zmieniono',
  'Password file': 'Plik haseł',
  '{{file}} holds user {{user}}': '{{file}} zawiera użytkownika {{user}}',
  'wrote {{file}} (user {{user}})': 'zapisano {{file}} (użytkownik {{user}})',
  'updated {{file}} (user {{user}})': 'zaktualizowano {{file}} (użytkownik {{user}})',

  // src/tasks/broker-process.ts
  'pm2 process "{{name}}"': 'Proces pm2 „{{name}}”',
  'no mosquitto binary to run': 'brak pliku wykonywalnego mosquitto do uruchomienia',
  'online (pid {{pid}}, {{count}} restarts)': {
    one: 'działa (PID {{pid}}, {{count}} restart)',
    few: 'działa (PID {{pid}}, {{count}} restarty)',
    many: 'działa (PID {{pid}}, {{count}} restartów)',
    other: 'działa (PID {{pid}}, {{count}} restartu)',
  },
  'port {{port}} is in use by {{holder}}; it was left alone and the broker was not started':
    'port {{port}} jest zajęty przez {{holder}}; nie zatrzymano go, a broker nie został uruchomiony',
  'dry-run: would be started: {{reasons}}': 'próba na sucho: broker zostałby uruchomiony: {{reasons}}',
  'started: {{reasons}}': 'uruchomiono: {{reasons}}',
  'dry-run: would be restarted: {{reasons}}': 'próba na sucho: broker zostałby zrestartowany: {{reasons}}',
  'restarted: {{reasons}}': 'zrestartowano: {{reasons}}',
  'stop the broker outside pm2 ({{processes}})': 'zatrzymanie brokera spoza pm2 ({{processes}})',
  'stopping brokers outside pm2 that serve this config: {{processes}}':
    'zatrzymywanie brokerów spoza pm2, które obsługują tę konfigurację: {{processes}}',
  // src/tasks/config.ts
  Folders: 'Katalogi',
  'created {{count}} folder(s)': {
    one: 'utworzono {{count}} katalog',
    few: 'utworzono {{count}} katalogi',
    many: 'utworzono {{count}} katalogów',
    other: 'utworzono {{count}} katalogu',
  },
  'all present': 'wszystkie istnieją',
  'Broker config': 'Konfiguracja brokera',
  'wrote the auth profile config (listener {{port}})': 'zapisano konfigurację profilu --auth (listener {{port}})',
  'wrote the factory config (listener {{port}})': 'zapisano konfigurację fabryczną (listener {{port}})',
  'kept {{file}} as it is, but it is not a usable config ({{problem}}); see: gate-mqtt doctor':
    'pozostawiono {{file}} bez zmian, ale to nie jest działająca konfiguracja ({{problem}}); zobacz: gate-mqtt doctor',
  'auth profile config in place (listener {{port}})': 'konfiguracja profilu --auth jest na miejscu (listener {{port}})',
  'factory config in place (listener {{port}})': 'konfiguracja fabryczna jest na miejscu (listener {{port}})',
  'the auth profile now reads the password file {{file}}, backup {{backup}}':
    'profil --auth czyta teraz plik haseł {{file}}, kopia zapasowa {{backup}}',
  'replaced the factory config by the auth profile (listener {{port}}), backup {{backup}}':
    'zastąpiono konfigurację fabryczną profilem --auth (listener {{port}}), kopia zapasowa {{backup}}',
  'replaced the factory config by the auth profile (listener {{port}})':
    'zastąpiono konfigurację fabryczną profilem --auth (listener {{port}})',
  'factory config in place (listener {{port}}); kept it, although --port {{asked}} was asked: change it with gate-mqtt config apply':
    'konfiguracja fabryczna jest na miejscu (listener {{port}}); pozostawiono ją, choć podano --port {{asked}}: port zmienisz poleceniem gate-mqtt config apply',
  'kept the existing config: it differs from the factory one (drift, listener {{port}}); it has problems: {{problem}}':
    'pozostawiono obecną konfigurację: różni się od fabrycznej (rozbieżność, listener {{port}}); ma problemy: {{problem}}',
  'kept the existing config: it differs from the factory one (drift, listener {{port}})':
    'pozostawiono obecną konfigurację: różni się od fabrycznej (rozbieżność, listener {{port}})',

  // src/tasks/exposure.ts
  'no broker was running': 'żaden broker nie działał',
  "the running broker was stopped and removed from pm2's saved list":
    'działający broker zatrzymano i usunięto z zapisanej listy procesów pm2',
  'Local access only': 'Dostęp tylko lokalny',
  'dry-run: the config is not written yet': 'próba na sucho: konfiguracja nie jest jeszcze zapisana',
  'dry-run: nothing was stopped': 'próba na sucho: niczego nie zatrzymano',
  'refusing to serve (--refuse-exposed): {{verdict}}; {{withdrawn}}':
    'broker nie zostanie udostępniony (--refuse-exposed): {{verdict}}; {{withdrawn}}',

  // src/tasks/fix-plan.ts
  'the broker is not started: its config is invalid and it would only crash again (see config.valid)':
    'broker nie zostanie uruchomiony: jego konfiguracja jest niepoprawna i znowu uległby awarii (zobacz config.valid)',

  // src/tasks/mosquitto.ts
  'could not install mosquitto: {{why}}': 'nie udało się zainstalować mosquitto: {{why}}',
  'check the network and the package sources, then: pkg install mosquitto':
    'sprawdź sieć i źródła pakietów, potem: pkg install mosquitto',
  'installed with {{manager}}': 'zainstalowano za pomocą {{manager}}',
  'installed with {{manager}} (the package replaced mosquitto.conf; the previous file was put back)':
    'zainstalowano za pomocą {{manager}} (pakiet zastąpił mosquitto.conf; przywrócono poprzedni plik)',
  'found {{binary}}': 'znaleziono {{binary}}',
  'dry-run: would install mosquitto with {{manager}}':
    'próba na sucho: mosquitto zostałby zainstalowany za pomocą {{manager}}',
  or: 'lub',
  'mosquitto was installed but is not at {{where}}': 'mosquitto został zainstalowany, ale nie ma go w {{where}}',
  'install it by hand and run again': 'zainstaluj go ręcznie i uruchom ponownie',
  'dry-run: not installed yet': 'próba na sucho: jeszcze nie zainstalowany',
  'cannot read the version of {{binary}} (mosquitto -h)': 'nie można odczytać wersji {{binary}} (mosquitto -h)',
  'reinstall mosquitto': 'zainstaluj ponownie mosquitto',
  'mosquitto {{version}} is older than {{floor}}': 'mosquitto {{version}} jest starszy niż {{floor}}',

  // src/tasks/pipeline.ts
  'Run lock': 'Blokada uruchomienia',
  'dry-run takes no lock': 'próba na sucho nie zakłada blokady',
  'held by pid {{pid}}': 'założona przez PID {{pid}}',

  // src/tasks/pm2.ts
  'pm2 installed': 'pm2 zainstalowany',
  'pm2 is missing at {{path}}': 'brak pm2 w {{path}}',
  'run npm ci in the gate-mqtt folder': 'uruchom npm ci w katalogu gate-mqtt',
  'dry-run: would install {{package}}': 'próba na sucho: zostałby zainstalowany {{package}}',
  'pm2 {{version}} is older than {{floor}}': 'pm2 {{version}} jest starszy niż {{floor}}',
  'pm2 (unknown) is older than {{floor}}': 'pm2 (wersja nieznana) jest starszy niż {{floor}}',
  'upgrade it: npm install -g {{package}}': 'zaktualizuj go: npm install -g {{package}}',
  'pm2 process list saved': 'Lista procesów pm2 zapisana',
  '{{file}} holds "{{name}}"': '{{file}} zawiera „{{name}}”',
  'dry-run: would run {{command}}': 'próba na sucho: zostałoby wykonane {{command}}',
  'saved to {{file}}': 'zapisano w {{file}}',

  // src/tasks/preflight.ts
  'cannot read free space near {{folder}}': 'nie można odczytać ilości wolnego miejsca dla {{folder}}',
  'Node.js version': 'Wersja Node.js',
  'Node.js {{version}} is older than {{floor}}': 'Node.js {{version}} jest starszy niż {{floor}}',
  'install a newer nodejs package': 'zainstaluj nowszy pakiet nodejs',
  'the pm2 home {{folder}} is too long for a unix socket':
    'ścieżka katalogu domowego pm2 {{folder}} jest za długa dla gniazda unix',
  'use a shorter --root': 'użyj krótszej ścieżki --root',
  'Free disk space': 'Wolne miejsce na dysku',
  'only {{free}} MiB free below {{folder}}; at least {{need}} MiB are needed':
    'tylko {{free}} MiB wolnego miejsca w {{folder}}; potrzeba co najmniej {{need}} MiB',
  '{{free}} MiB free': '{{free}} MiB wolnego miejsca',

  // src/tasks/reset.ts
  'Back up the current broker files': 'Kopia zapasowa obecnych plików brokera',
  'already the factory state: nothing to back up': 'stan już jest fabryczny: nie ma czego kopiować',
  'dry-run: would back up {{config}} and {{data}}':
    'próba na sucho: zostałaby zrobiona kopia zapasowa {{config}} i {{data}}',
  'dry-run: would back up {{config}}': 'próba na sucho: zostałaby zrobiona kopia zapasowa {{config}}',
  'backup {{id}} ({{count}} file(s))': {
    one: 'kopia zapasowa {{id}} ({{count}} plik)',
    few: 'kopia zapasowa {{id}} ({{count}} pliki)',
    many: 'kopia zapasowa {{id}} ({{count}} plików)',
    other: 'kopia zapasowa {{id}} ({{count}} pliku)',
  },
  'nothing on disk to back up': 'na dysku nie ma nic do skopiowania',
  'Factory config': 'Konfiguracja fabryczna',
  'the contents of {{folder}}': 'zawartość {{folder}}',
  'dry-run: would write the factory config (listener {{port}}), bridges dropped; removed {{removed}}':
    'próba na sucho: zostałaby zapisana konfiguracja fabryczna (listener {{port}}) bez mostów; zostałyby usunięte: {{removed}}',
  'dry-run: would write the factory config (listener {{port}}), bridges dropped':
    'próba na sucho: zostałaby zapisana konfiguracja fabryczna (listener {{port}}) bez mostów',
  'wrote the factory config (listener {{port}}), bridges dropped; removed {{removed}}':
    'zapisano konfigurację fabryczną (listener {{port}}) bez mostów; usunięto: {{removed}}',
  'wrote the factory config (listener {{port}}), bridges dropped':
    'zapisano konfigurację fabryczną (listener {{port}}) bez mostów',

  // src/tasks/startup.ts
  'Start at boot': 'Uruchamianie przy starcie bramki',
  'wrote {{file}} (Termux:Boot runs it)': 'zapisano {{file}} (uruchamia go Termux:Boot)',
  'made {{file}} executable': 'nadano {{file}} prawo wykonywania',
  '{{file}} in place': '{{file}} jest na miejscu',

  // src/tasks/step.ts: why the broker is (re)started, joined with "; "
  'the config changed': 'zmieniła się konfiguracja',
  'the broker binary changed': 'zmienił się plik wykonywalny brokera',
  "the broker's pm2 definition changed": 'zmieniła się definicja brokera w pm2',
  'the broker started before its config was last written': 'broker wystartował przed ostatnim zapisem konfiguracji',
  'the broker was not running': 'broker nie działał',
  'a broker outside pm2 was replaced': 'zastąpiono broker działający poza pm2',
  'the previous config was put back': 'przywrócono poprzednią konfigurację',

  // src/tasks/validate.ts
  invalid: 'niepoprawna',
  '{{issue}} (and {{count}} more: see gate-mqtt config validate)': {
    one: '{{issue}} (i jeszcze {{count}} błąd: zobacz gate-mqtt config validate)',
    few: '{{issue}} (i jeszcze {{count}} błędy: zobacz gate-mqtt config validate)',
    many: '{{issue}} (i jeszcze {{count}} błędów: zobacz gate-mqtt config validate)',
    other: '{{issue}} (i jeszcze {{count}} błędu: zobacz gate-mqtt config validate)',
  },
  'it has no listener: mosquitto would listen on localhost only':
    'nie ma listenera: mosquitto nasłuchiwałby tylko na localhost',
  'every listener binds a loopback address or a unix socket':
    'każdy listener jest przypisany do adresu loopback lub gniazda unix',

  // src/tasks/verify.ts
  'mosquitto refused its config: {{error}}': 'mosquitto odrzucił swoją konfigurację: {{error}}',
  'port {{port}} is in use by another program': 'port {{port}} jest zajęty przez inny program',
  'last broker log lines: {{lines}}': 'ostatnie linie logu brokera: {{lines}}',
  'the broker log is empty': 'log brokera jest pusty',
  'the broker stopped (pm2: {{status}})': 'broker się zatrzymał (pm2: {{status}})',
  'the broker stopped (pm2: missing)': 'broker się zatrzymał (pm2: brak procesu)',
  'nothing listens on {{host}}:{{port}}': 'nic nie nasłuchuje na {{host}}:{{port}}',
  'round trip on {{host}}:{{port}} in {{ms}} ms':
    'test publikacji i subskrypcji na {{host}}:{{port}} udany ({{ms}} ms)',
  'the broker answers on {{host}}:{{port}} and refuses anonymous clients ({{reason}}); no round trip without credentials':
    'broker odpowiada na {{host}}:{{port}} i odrzuca anonimowych klientów ({{reason}}); bez danych logowania nie da się wykonać testu publikacji i subskrypcji',
  'pm2 shows {{name}} {{status}} (restarting)': 'pm2 pokazuje {{name}} w stanie {{status}} (broker się restartuje)',
  'pm2 shows {{name}} missing (restarting)': 'pm2 nie pokazuje procesu {{name}} (broker się restartuje)',
  'the broker does not serve on port {{port}}: {{reason}}; {{why}}':
    'broker nie działa na porcie {{port}}: {{reason}}; {{why}}',
  'Broker answers': 'Broker odpowiada',
  'dry-run: would publish and subscribe on {{host}}:{{port}}':
    'próba na sucho: zostałby wykonany test publikacji i subskrypcji na {{host}}:{{port}}',
  'the previous version is back and serves (nothing to do to keep it); why the new one did not: gate-mqtt logs -n 50; to stop pkg upgrade from installing it again: apt-mark hold mosquitto':
    'poprzednia wersja wróciła i działa (nic nie trzeba robić, by ją zachować); dlaczego nowa nie działała: gate-mqtt logs -n 50; żeby pkg upgrade nie zainstalował jej ponownie: apt-mark hold mosquitto',
  'move the folder aside, then run again': 'przenieś ten katalog w inne miejsce i uruchom ponownie',
  'install a version that works from package files: gate-mqtt upgrade --packages DIR --to VERSION':
    'zainstaluj działającą wersję z plików pakietów: gate-mqtt upgrade --packages KATALOG --to WERSJA',
  'run gate-mqtt {{command}} again to complete it': 'uruchom ponownie gate-mqtt {{command}}, by dokończyć zmianę',
  'install it again: pkg reinstall mosquitto, then gate-mqtt provision':
    'zainstaluj go ponownie: pkg reinstall mosquitto, potem gate-mqtt provision',
  "pm2's own log says why: gate-mqtt logs --ours": 'przyczyna jest w logu PM2: gate-mqtt logs --ours',
  'run again; if it keeps running: gate-mqtt doctor': 'uruchom ponownie; jeśli proces nadal działa: gate-mqtt doctor',
  'check that the target answers (ssh or adb by hand), then run again':
    'sprawdź, czy cel odpowiada (ręcznie przez ssh lub adb), i uruchom ponownie',
  'reinstall it: pkg reinstall mosquitto (or gate-mqtt provision --packages DIR)':
    'zainstaluj go ponownie: pkg reinstall mosquitto (albo gate-mqtt provision --packages KATALOG)',
  'the run log has its whole output: gate-mqtt logs --ours':
    'pełny wynik programu jest w logu uruchomienia: gate-mqtt logs --ours',
  'no such file or folder': 'nie ma takiego pliku ani katalogu',
  'permission denied': 'brak uprawnień',
  'not permitted': 'operacja niedozwolona',
  'it is a folder': 'to jest katalog',
  'a part of the path is not a folder': 'część ścieżki nie jest katalogiem',
  'read-only file system': 'system plików tylko do odczytu',
  'it exists already': 'już istnieje',
  'no space left on device': 'brak miejsca na urządzeniu',
  'connection refused': 'połączenie odrzucone',
  'the host cannot be reached': 'host jest nieosiągalny',
  'the address is in use': 'adres jest zajęty',
  'too many open files': 'za dużo otwartych plików',
  'input/output error': 'błąd wejścia/wyjścia',
  'a system error': 'błąd systemu',
  '{{file}}: {{why}}': '{{file}}: {{why}}',
};
