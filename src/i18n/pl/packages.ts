import type { Catalog } from '../translate.js';

/** Polish for the package lifecycle: src/packages, provision --packages, upgrade, uninstall. */
export const PACKAGES: Catalog = {
  'install mosquitto from the package files (.deb) in DIR: no network':
    'zainstaluj mosquitto z plików pakietów (.deb) w KATALOGU: bez sieci',
  'the package version to go to (default: the newest)': 'docelowa wersja pakietu (domyślnie: najnowsza)',
  "also remove the config and the broker's data, after a final backup (backups stay)":
    'usuń też konfigurację i dane brokera, po ostatniej kopii zapasowej (kopie zostają)',
  'upgrade mosquitto, keeping the config byte for byte; back to the previous package when the new one does not serve':
    'aktualizacja mosquitto z zachowaniem konfiguracji bajt w bajt; powrót do poprzedniego pakietu, gdy nowy nie działa',
  'give the broker up: out of pm2 and its dump, no boot hook; config and backups stay':
    'rezygnacja z brokera: usunięcie z pm2 i jego zapisu procesów, bez skryptu startowego; konfiguracja i kopie zapasowe zostają',
  'uninstall --purge removes the broker config and data: pass --yes to confirm when there is no terminal; nothing was changed':
    'uninstall --purge usuwa konfigurację i dane brokera: bez terminala potwierdź opcją --yes; nic nie zmieniono',
  'gate-mqtt uninstall --purge --yes': 'gate-mqtt uninstall --purge --yes',
  'Remove the broker config and data at {{prefix}}? A final backup is kept.':
    'Usunąć konfigurację i dane brokera w {{prefix}}? Ostatnia kopia zapasowa zostanie zachowana.',
  'uninstall cancelled; nothing was changed': 'anulowano uninstall; nic nie zmieniono',
  '{{file}} is not a package file dpkg can read ({{why}}); nothing was changed':
    '{{file}} nie jest plikiem pakietu, który dpkg potrafi odczytać ({{why}}); nic nie zmieniono',
  'no control fields': 'brak pól kontrolnych',
  'download it again (apt-get download mosquitto, or from the gateway images)':
    'pobierz go ponownie (apt-get download mosquitto albo z obrazów bramki)',
  '--packages {{dir}} is not a folder': '--packages {{dir}} nie jest katalogiem',
  'give the folder that holds the .deb files': 'podaj katalog z plikami .deb',
  '{{file}} does not match its SHA256SUMS line; nothing was changed':
    '{{file}} nie zgadza się ze swoim wierszem w SHA256SUMS; nic nie zmieniono',
  '{{file}} is not in SHA256SUMS; nothing was changed': '{{file}} nie ma w SHA256SUMS; nic nie zmieniono',
  'the file is damaged or not the one the folder was made with: copy it again':
    'plik jest uszkodzony albo nie jest tym, z którym przygotowano katalog: skopiuj go ponownie',
  '{{file}} is built for {{arch}}, this gateway is {{ours}}; nothing was changed':
    '{{file}} jest zbudowany dla {{arch}}, a ta bramka to {{ours}}; nic nie zmieniono',
  'use the packages built for this gateway': 'użyj pakietów zbudowanych dla tej bramki',
  'no mosquitto {{version}} in {{dir}} (found: {{found}})':
    'brak mosquitto {{version}} w {{dir}} (znaleziono: {{found}})',
  'no mosquitto package in {{dir}}': 'brak pakietu mosquitto w {{dir}}',
  'put mosquitto_VERSION_ARCH.deb there (apt-get download mosquitto)':
    'umieść tam mosquitto_WERSJA_ARCH.deb (apt-get download mosquitto)',
  '{{file}} ({{name}}) is neither mosquitto nor one of its dependencies; nothing was changed':
    '{{file}} ({{name}}) nie jest ani mosquitto, ani jego zależnością; nic nie zmieniono',
  'keep only mosquitto and its libraries in the folder': 'zostaw w katalogu tylko mosquitto i jego biblioteki',
  'could not download {{package}}: {{why}}': 'nie udało się pobrać {{package}}: {{why}}',
  'without network: gate-mqtt provision --packages DIR (a folder with mosquitto_VERSION_ARCH.deb)':
    'bez sieci: gate-mqtt provision --packages KATALOG (katalog z mosquitto_WERSJA_ARCH.deb)',
  'unpack {{file}} into {{prefix}}': 'rozpakowanie {{file}} do {{prefix}}',
  'the kept package of mosquitto {{version}} is missing or damaged ({{file}})':
    'zachowanego pakietu mosquitto {{version}} brak albo jest uszkodzony ({{file}})',
  'install it again from a folder: gate-mqtt provision --packages DIR':
    'zainstaluj go ponownie z katalogu: gate-mqtt provision --packages KATALOG',
  'installed mosquitto {{version}} from {{source}}': 'zainstalowano mosquitto {{version}} z {{source}}',
  'installed mosquitto {{version}} from {{source}} (the package replaced mosquitto.conf; it was put back)':
    'zainstalowano mosquitto {{version}} z {{source}} (pakiet zastąpił mosquitto.conf; przywrócono poprzedni plik)',
  "{{installed}}; the package's own mosquitto.conf was set aside (backed up) for the factory config":
    '{{installed}}; mosquitto.conf dostarczony z pakietem przeniesiono do kopii zapasowej i zapisano konfigurację fabryczną',
  'the package was installed but no mosquitto is in {{bin}}': 'pakiet zainstalowano, ale w {{bin}} nie ma mosquitto',
  'mosquitto {{version}} in place ({{binary}})': 'mosquitto {{version}} jest na miejscu ({{binary}})',
  'pm2 processes removed': 'Usunięcie procesów pm2',
  'removed {{names}}': 'usunięto {{names}}',
  '{{file}} holds none of them': '{{file}} nie zawiera żadnego z nich',
  'removed {{file}} (a backup is kept)': 'usunięto {{file}} (kopia zapasowa zostaje)',
  'no boot hook at {{file}}': 'brak skryptu startowego {{file}}',
  'Config and data removed': 'Usunięcie konfiguracji i danych',
  'no config or data left': 'nie ma już konfiguracji ani danych',
  'removed {{count}} file(s); backup {{backup}} holds them': {
    one: 'usunięto {{count}} plik; jest w kopii zapasowej {{backup}}',
    few: 'usunięto {{count}} pliki; są w kopii zapasowej {{backup}}',
    many: 'usunięto {{count}} plików; są w kopii zapasowej {{backup}}',
    other: 'usunięto {{count}} pliku; są w kopii zapasowej {{backup}}',
  },
  'removed {{count}} file(s)': {
    one: 'usunięto {{count}} plik',
    few: 'usunięto {{count}} pliki',
    many: 'usunięto {{count}} plików',
    other: 'usunięto {{count}} pliku',
  },
  'Broker package': 'Pakiet brokera',
  'mosquitto {{version}} is installed already': 'mosquitto {{version}} jest już zainstalowany',
  'the package sources (apt-get download)': 'źródła pakietów (apt-get download)',
  '{{from}} -> {{detail}}': '{{from}} -> {{detail}}',
  'no kept package of the previous version: nothing to go back to':
    'brak zachowanego pakietu poprzedniej wersji: nie ma do czego wrócić',
  'mosquitto {{version}} was put back and the broker answers': 'przywrócono mosquitto {{version}} i broker odpowiada',
  'apt-get download into the sandbox prefix': 'apt-get download do prefiksu bramki testowej',
  'mosquitto is not installed and this sandbox cannot fetch it (no apt-get)':
    'mosquitto nie jest zainstalowany, a ta bramka testowa nie może go pobrać (brak apt-get)',
  'give package files: gate-mqtt provision --packages DIR; or: sudo apt-get install mosquitto':
    'podaj pliki pakietów: gate-mqtt provision --packages KATALOG; albo: sudo apt-get install mosquitto',
  'mosquitto is not installed and could not be fetched into the sandbox: {{why}}':
    'mosquitto nie jest zainstalowany i nie udało się go pobrać do bramki testowej: {{why}}',
  'without network: gate-mqtt provision --packages DIR; or install it here: sudo apt-get install mosquitto':
    'bez sieci: gate-mqtt provision --packages KATALOG; albo zainstaluj go tutaj: sudo apt-get install mosquitto',
  'dry-run: would download mosquitto {{version}} and install it':
    'próba na sucho: mosquitto {{version}} zostałby pobrany i zainstalowany',
  '{{file}} is damaged (truncated, or not whole): its contents cannot be read; nothing was changed':
    '{{file}} jest uszkodzony (ucięty albo niepełny): nie da się odczytać jego zawartości; nic nie zmieniono',
  'copy it again, and compare it with SHA256SUMS (sha256sum -c SHA256SUMS)':
    'skopiuj go ponownie i porównaj z SHA256SUMS (sha256sum -c SHA256SUMS)',
  '{{file}} holds a link that leads out of the gateway ({{member}} -> {{target}}); nothing was changed':
    '{{file}} zawiera dowiązanie prowadzące poza bramkę ({{member}} -> {{target}}); nic nie zmieniono',
  'use the packages built for this gateway (from its own package sources)':
    'użyj pakietów zbudowanych dla tej bramki (z jej własnych źródeł pakietów)',
  '{{file}}: the link {{member}} -> {{target}} leads to nothing this gateway installs; nothing was changed':
    '{{file}}: dowiązanie {{member}} -> {{target}} prowadzi do niczego, co ta bramka instaluje; nic nie zmieniono',
  'mosquitto {{version}} is installed, newer than {{offered}} in {{dir}}: kept as it is':
    'zainstalowany mosquitto {{version}} jest nowszy niż {{offered}} w {{dir}}: zostaje bez zmian',
  'to go back to {{offered}} on purpose: gate-mqtt upgrade --packages {{dir}} --to {{offered}}':
    'żeby celowo wrócić do {{offered}}: gate-mqtt upgrade --packages {{dir}} --to {{offered}}',
  'dry-run: would download the newest mosquitto and install it if it is newer than {{version}}':
    'próba na sucho: najnowszy mosquitto zostałby pobrany i zainstalowany, jeśli jest nowszy niż {{version}}',
  'nothing installed': 'brak zainstalowanej wersji',
  'mosquitto {{version}} is newer than {{offered}}: nothing to do; to go back on purpose: {{command}}':
    'mosquitto {{version}} jest nowszy niż {{offered}}: nie ma nic do zrobienia; żeby celowo wrócić do starszej wersji: {{command}}',
  'mosquitto {{version}} stays (nothing to do to keep it); why {{offered}} did not install: gate-mqtt logs --ours':
    'zostaje mosquitto {{version}} (nic nie trzeba robić, by go zachować); dlaczego {{offered}} się nie zainstalował: gate-mqtt logs --ours',
  'download and install mosquitto {{version}}': 'pobranie i instalacja mosquitto {{version}}',
  'download and install the newest mosquitto': 'pobranie i instalacja najnowszego mosquitto',
  'dry-run: would download the newest mosquitto and install it':
    'próba na sucho: najnowszy mosquitto zostałby pobrany i zainstalowany',
};
