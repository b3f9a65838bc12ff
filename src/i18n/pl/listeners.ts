import type { Catalog } from '../translate.js';

/**
 * Polish for the listeners and their certificates: `listener add|list|remove|renew`, the self-signed
 * certificates made with openssl, the SIGHUP that puts a renewed certificate in force, doctor's tls.expiry.
 */
export const LISTENERS: Catalog = {
  // src/cli/listener-commands.ts, src/cli/options.ts
  "the broker's listeners: add (TLS, websockets), list, remove, renew certificates":
    'listenery brokera: dodawanie (TLS, websockets), lista, usuwanie, odnawianie certyfikatów',
  'add a TLS or websockets listener, or update one gate-mqtt added':
    'dodaj listener TLS lub websockets albo zaktualizuj ten, który dodał gate-mqtt',
  'add a TLS listener: a local CA and a certificate for the gateway (--self-signed), or your own pair (checked first)':
    'dodaj listener TLS: lokalne CA i certyfikat dla bramki (--self-signed) albo własna para certyfikat–klucz (najpierw sprawdzana)',
  'add a websockets listener (MQTT over ws://GATEWAY:PORT, for browsers)':
    'dodaj listener websockets (MQTT przez ws://BRAMKA:PORT, dla przeglądarek)',
  'the listeners in the config: port, kind, who added it, and when a certificate ends':
    'listenery z konfiguracji: port, rodzaj, kto go dodał i kiedy kończy się certyfikat',
  'remove a listener gate-mqtt added (never the factory one, never the last plain MQTT one)':
    'usuń listener dodany przez gate-mqtt (nigdy fabryczny i nigdy ostatni zwykły listener MQTT)',
  "a new certificate for gate-mqtt's self-signed listeners, then every TLS listener's certificate in force (SIGHUP; a restart only where that is not enough)":
    'nowy certyfikat dla listenerów z certyfikatem gate-mqtt, potem wczytanie certyfikatu każdego listenera TLS (SIGHUP; restart tylko tam, gdzie to nie wystarczy)',
  "the listener's port (provision, reset, doctor: the factory config's; default 1883)":
    'port listenera (provision, reset, doctor: z konfiguracji fabrycznej; domyślnie 1883)',
  "CA certificates: a bridge's to trust the remote broker (default: the prefix's CA bundle); a TLS listener's to check client certificates":
    'certyfikaty CA: dla mostu, by ufać zdalnemu brokerowi (domyślnie pakiet CA z prefiksu); dla listenera TLS, by sprawdzać certyfikaty klientów',
  'the PEM server certificate (its chain after it) for a TLS listener':
    'certyfikat serwera PEM (a po nim jego łańcuch) dla listenera TLS',
  'the PEM private key of --cert (read by the broker, never shown or logged)':
    'klucz prywatny PEM do --cert (czyta go broker; nigdy nie jest pokazywany ani zapisywany w logach)',
  "a local CA and a certificate for the gateway's addresses, made with openssl":
    'lokalne CA i certyfikat dla adresów bramki, tworzone programem openssl',
  'PORT must be a whole number 1-65535, not {{value}}': 'PORT musi być liczbą całkowitą 1-65535, a nie {{value}}',
  'e.g. gate-mqtt listener remove 8883': 'np. gate-mqtt listener remove 8883',

  // src/commands/listener.ts
  '{{option}} must be an absolute path; nothing was changed':
    '{{option}} musi być ścieżką bezwzględną; nic nie zmieniono',
  'e.g. {{option}} /data/data/com.termux/files/usr/etc/mosquitto/certs/server.pem':
    'np. {{option}} /data/data/com.termux/files/usr/etc/mosquitto/certs/server.pem',
  '{{option}} {{file}} cannot be read ({{code}}); nothing was changed':
    'nie można odczytać {{option}} {{file}} ({{code}}); nic nie zmieniono',
  'name a readable PEM file': 'wskaż czytelny plik PEM',
  'give either --self-signed, or --cert FILE and --key FILE': 'podaj albo --self-signed, albo --cert PLIK i --key PLIK',
  'e.g. gate-mqtt listener add tls --port 8883 --self-signed':
    'np. gate-mqtt listener add tls --port 8883 --self-signed',
  '--cafile goes with --cert and --key': '--cafile podaje się razem z --cert i --key',
  'leave it out': 'pomiń tę opcję',
  '{{file}} is not a PEM certificate': '{{file}} nie jest certyfikatem PEM',
  'name a file of PEM certificates': 'wskaż plik z certyfikatami PEM',
  '{{problem}}; nothing was changed': '{{problem}}; nic nie zmieniono',
  'name a matching, valid pair': 'wskaż pasujące do siebie, ważne certyfikat i klucz',
  'no listeners (mosquitto listens on 127.0.0.1 and ::1 port 1883 only)':
    'brak listenerów (mosquitto nasłuchuje tylko na 127.0.0.1 i ::1, port 1883)',
  factory: 'fabryczny',
  'added by gate-mqtt': 'dodany przez gate-mqtt',
  'written by hand': 'dopisany ręcznie',
  'ends {{date}} ({{count}} day(s) left)': {
    one: 'kończy się {{date}} (został {{count}} dzień)',
    few: 'kończy się {{date}} (zostały {{count}} dni)',
    many: 'kończy się {{date}} (zostało {{count}} dni)',
    other: 'kończy się {{date}} (zostało {{count}} dnia)',
  },
  'cannot be read': 'nie można go odczytać',
  'certificate {{file}}: {{ends}}': 'certyfikat {{file}}: {{ends}}',
  'clients trust it with the CA file {{file}}': 'klienci ufają mu dzięki plikowi CA {{file}}',

  // src/config/certificate.ts
  '{{file}} is protected by a passphrase: mosquitto cannot read it unattended':
    '{{file}} jest chroniony hasłem: mosquitto nie odczyta go bez udziału człowieka',
  '{{file}} is not a PEM private key': '{{file}} nie jest kluczem prywatnym PEM',
  '{{key}} is not the key of {{cert}}': '{{key}} nie jest kluczem certyfikatu {{cert}}',
  '{{file}} ended on {{date}}': 'ważność {{file}} skończyła się {{date}}',
  '{{file}} is not valid before {{date}}': '{{file}} jest ważny dopiero od {{date}}',

  // src/config/listener-section.ts
  'port {{port}} already has a listener in {{file}} (line {{line}}) that gate-mqtt did not add; nothing was changed':
    'port {{port}} ma już w {{file}} listener (linia {{line}}), którego nie dodał gate-mqtt; nic nie zmieniono',
  'choose another --port, or change that listener with: gate-mqtt config edit':
    'wybierz inny --port albo zmień ten listener poleceniem: gate-mqtt config edit',
  "listener {{port}} is the gateway's factory listener (the home server and LAN devices connect there); gate-mqtt does not remove it; nothing was changed":
    'listener {{port}} to fabryczny listener bramki (łączą się z nim serwer domowy i urządzenia w sieci lokalnej); gate-mqtt go nie usuwa; nic nie zmieniono',
  'to change it anyway: gate-mqtt config edit': 'żeby mimo to go zmienić: gate-mqtt config edit',
  'listener {{port}} (line {{line}}) was not added by gate-mqtt; it is not removed; nothing was changed':
    'listenera {{port}} (linia {{line}}) nie dodał gate-mqtt; nie zostanie usunięty; nic nie zmieniono',
  'listener {{port}} is the last plain MQTT listener: the broker needs one; nothing was changed':
    'listener {{port}} to ostatni zwykły listener MQTT, a broker potrzebuje choć jednego; nic nie zmieniono',
  'add another first, or change the config with: gate-mqtt config edit':
    'najpierw dodaj inny albo zmień konfigurację poleceniem: gate-mqtt config edit',

  // src/model/steps.ts
  'a TLS certificate changed': 'zmienił się certyfikat TLS',

  // src/tasks/certificates.ts
  'TLS certificates': 'Certyfikaty TLS',
  'the openssl program is needed to make certificates and was not found ({{error}})':
    'do tworzenia certyfikatów potrzebny jest program openssl, którego nie znaleziono ({{error}})',
  'install it: pkg install openssl-tool (Termux) or apt-get install openssl (Debian)':
    'zainstaluj go: pkg install openssl-tool (Termux) albo apt-get install openssl (Debian)',
  '{{command}} failed: {{output}}': '{{command}} zakończył się błędem: {{output}}',
  "no listener uses gate-mqtt's certificate {{file}}": 'żaden listener nie używa certyfikatu gate-mqtt {{file}}',
  '{{file}} is good; {{trust}}': '{{file}} jest w porządku; {{trust}}',
  'make a server certificate for {{names}} with openssl':
    'utworzenie programem openssl certyfikatu serwera dla {{names}}',
  'dry-run: would make {{file}}': 'próba na sucho: zostałby utworzony {{file}}',
  'made {{file}} for {{names}}; {{trust}}': 'utworzono {{file}} dla {{names}}; {{trust}}',
  'made a local CA and {{file}} for {{names}}; {{trust}}': 'utworzono lokalne CA i {{file}} dla {{names}}; {{trust}}',

  // src/tasks/compose.ts
  '{{kind}} listener {{port}} is already as asked': 'listener {{kind}} {{port}} już jest taki, jak trzeba',
  '{{kind}} listener {{port}} updated in place': 'zaktualizowano listener {{kind}} {{port}} w miejscu',
  '{{kind}} listener {{port}} added': 'dodano listener {{kind}} {{port}}',
  'no listener on port {{port}} in {{file}}; nothing to remove':
    'brak listenera na porcie {{port}} w {{file}}; nie ma czego usuwać',
  'listener {{port}} removed': 'usunięto listener {{port}}',

  // src/tasks/tls-reload.ts
  'Certificates in force': 'Certyfikaty w użyciu',
  'no TLS listener in the config': 'brak listenera TLS w konfiguracji',
  'dry-run: would send SIGHUP to the broker and check what each TLS listener serves':
    'próba na sucho: broker dostałby sygnał SIGHUP i zostałoby sprawdzone, co podaje każdy listener TLS',
  'every TLS listener serves the certificate in its certfile':
    'każdy listener TLS podaje certyfikat ze swojego certfile',
  'reloaded on SIGHUP (pid {{pid}}), no restart: every TLS listener ({{count}}) serves the certificate in its certfile':
    'wczytano po sygnale SIGHUP (PID {{pid}}), bez restartu: każdy listener TLS ({{count}}) podaje certyfikat ze swojego certfile',
  'listener {{port}} does not serve the certificate in {{file}}': 'listener {{port}} nie podaje certyfikatu z {{file}}',
  'see why: gate-mqtt logs -n 50': 'przyczyna: gate-mqtt logs -n 50',
  'restarted: {{detail}}': 'zrestartowano: {{detail}}',

  // src/checks/tls-expiry.ts
  "gate-mqtt's own certificate: gate-mqtt listener renew; your own: replace the file (same path), then gate-mqtt listener renew puts it in force":
    'certyfikat gate-mqtt: gate-mqtt listener renew; własny: podmień plik (ta sama ścieżka), a gate-mqtt listener renew wprowadzi go w życie',
  'no TLS certificate in the config': 'brak certyfikatu TLS w konfiguracji',
  '{{file}}: no certificate could be read': '{{file}}: nie udało się odczytać certyfikatu',
  '{{file}} ended on {{date}}: TLS clients refuse it':
    'ważność {{file}} skończyła się {{date}}: klienci TLS go odrzucają',
  '{{file}} ends on {{date}}, in {{count}} day(s) (warned from {{limit}} days)': {
    one: 'ważność {{file}} kończy się {{date}}, za {{count}} dzień (ostrzeżenie od {{limit}} dni)',
    few: 'ważność {{file}} kończy się {{date}}, za {{count}} dni (ostrzeżenie od {{limit}} dni)',
    many: 'ważność {{file}} kończy się {{date}}, za {{count}} dni (ostrzeżenie od {{limit}} dni)',
    other: 'ważność {{file}} kończy się {{date}}, za {{count}} dnia (ostrzeżenie od {{limit}} dni)',
  },
  '{{file}} ends on {{date}}': 'ważność {{file}} kończy się {{date}}',
};
