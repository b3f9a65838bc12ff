import type { Catalog } from '../translate.js';

/** Polish for src/pty/connect-failure.ts: why a remote doctor (ssh, adb) could not reach a shell. */
export const REMOTE: Catalog = {
  'ssh not found ({{file}})': 'nie znaleziono programu ssh ({{file}})',
  'install the ssh client: pkg install openssh (Termux) or apt-get install openssh-client':
    'zainstaluj klienta ssh: pkg install openssh (Termux) lub apt-get install openssh-client',
  'adb not found ({{file}})': 'nie znaleziono programu adb ({{file}})',
  'install Android platform-tools (apt-get install adb) or set ADB to the adb program':
    'zainstaluj Android platform-tools (apt-get install adb) albo wskaż program adb w zmiennej ADB',
  'the host key of {{target}} is not the one this laptop knows':
    'klucz hosta {{target}} jest inny niż ten, który zna ten komputer',
  'if the gateway was reinstalled, remove the old key (ssh-keygen -R HOST, or [HOST]:{{port}}) and try again':
    'jeśli bramka była instalowana od nowa, usuń stary klucz (ssh-keygen -R HOST lub [HOST]:{{port}}) i spróbuj ponownie',
  '{{target}} refused the login of {{user}}': '{{target}} odrzucił logowanie użytkownika {{user}}',
  'put your public key in ~/.ssh/authorized_keys on the gateway (ssh-copy-id -p {{port}} {{user}}@HOST), or check the user name (Termux: whoami)':
    'dodaj swój klucz publiczny do ~/.ssh/authorized_keys na bramce (ssh-copy-id -p {{port}} {{user}}@HOST) albo sprawdź nazwę użytkownika (Termux: whoami)',
  '{{target}} refused the connection': '{{target}} odrzucił połączenie',
  'start the ssh server on the gateway (Termux: sshd, which listens on port 8022)':
    'uruchom serwer ssh na bramce (Termux: sshd, nasłuchuje na porcie 8022)',
  'the host name of {{target}} is unknown': 'nieznana nazwa hosta {{target}}',
  "use the gateway's IP address (shown in its Wi-Fi settings or the router's device list)":
    'użyj adresu IP bramki (widać go w ustawieniach Wi-Fi bramki lub na liście urządzeń w routerze)',
  '{{target}} does not answer (no route or timed out)': '{{target}} nie odpowiada (brak trasy lub przekroczony czas)',
  'check that the gateway is on and on the same network as this computer':
    'sprawdź, czy bramka jest włączona i w tej samej sieci co ten komputer',
  'no device answers over adb': 'żadne urządzenie nie odpowiada przez adb',
  'connect the gateway (USB or adb connect IP:5555) and check: adb devices':
    'podłącz bramkę (USB lub adb connect IP:5555) i sprawdź: adb devices',
  'the device has not authorised this computer for adb': 'urządzenie nie zezwoliło temu komputerowi na adb',
  'accept the "Allow USB debugging" prompt on the gateway, then try again':
    'zaakceptuj na bramce pytanie „Zezwolić na debugowanie USB?”, potem spróbuj ponownie',
  'more than one device is connected to adb': 'do adb podłączono więcej niż jedno urządzenie',
  'name one: --target adb://SERIAL (serials: adb devices)':
    'wskaż jedno: --target adb://NUMER_SERYJNY (numery: adb devices)',
  'the connection to {{target}} closed: {{said}}': 'połączenie z {{target}} zostało zamknięte: {{said}}',
  'the connection to {{target}} closed before a shell answered':
    'połączenie z {{target}} zostało zamknięte, zanim odpowiedziała powłoka',
  'try the same by hand: ssh or adb shell, and see what it says':
    'spróbuj ręcznie (ssh lub adb shell) i zobacz, co odpowie',
  'no way to open a terminal here: node-pty does not load and util-linux script is missing':
    'nie da się tu otworzyć terminala: node-pty się nie ładuje, a brak programu script z util-linux',
  'install util-linux (Termux: pkg install util-linux; Debian: apt-get install util-linux)':
    'zainstaluj util-linux (Termux: pkg install util-linux; Debian: apt-get install util-linux)',
  'node-pty does not load here: the checks run in a terminal made by util-linux script':
    'node-pty się tu nie ładuje: sprawdzenia biegną w terminalu utworzonym przez script z util-linux',
};
