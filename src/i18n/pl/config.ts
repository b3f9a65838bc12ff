import type { Catalog } from '../translate.js';

/** Polish for the messages of src/config. */
export const CONFIG: Catalog = {
  'user {{name}} does not exist: mosquitto started as root cannot drop to it':
    'użytkownik {{name}} nie istnieje: mosquitto uruchomiony jako root nie może się na niego przełączyć',
  '--id must be 1-64 characters of A-Z, a-z, 0-9, _ or -; nothing was changed':
    '--id musi mieć od 1 do 64 znaków spośród A-Z, a-z, 0-9, _ i -; nic nie zmieniono',
  '--address must be HOST:PORT with a host name or IP and a port 1-65535; nothing was changed':
    '--address musi mieć postać HOST:PORT, z nazwą hosta lub adresem IP i portem 1-65535; nic nie zmieniono',
  'the password': 'hasło',
  '--cafile must be an absolute path; nothing was changed': '--cafile musi być ścieżką bezwzględną; nic nie zmieniono',
  'max_inflight_messages must be at most 65535': 'max_inflight_messages może wynosić najwyżej 65535',
  'max_keepalive must be 10-65535 in mosquitto 2.0.11, not {{value}}':
    'max_keepalive w mosquitto 2.0.11 musi być z zakresu 10-65535, a nie {{value}}',
  'max_packet_size must be at least 20, not {{value}}': 'max_packet_size musi wynosić co najmniej 20, a nie {{value}}',
  'memory_limit must not be negative ({{value}})': 'wartość memory_limit nie może być ujemna ({{value}})',
  'message_size_limit must be 0-268435455, not {{value}}':
    'message_size_limit musi być z zakresu 0-268435455, a nie {{value}}',
  'log_facility must be 0-7, not {{value}}': 'log_facility musi być z zakresu 0-7, a nie {{value}}',
  'port must be 1-65535, not {{value}}': 'port musi być z zakresu 1-65535, a nie {{value}}',
  'sys_interval must be 0-65535, not {{value}}': 'sys_interval musi być z zakresu 0-65535, a nie {{value}}',
  'websockets_headers_size must be 0-65535, not {{value}}':
    'websockets_headers_size musi być z zakresu 0-65535, a nie {{value}}',
  '{{name}} must be 0, 1 or 2, not {{value}}': '{{name}} musi wynosić 0, 1 lub 2, a nie {{value}}',
  'keepalive_interval must be at most 65535': 'keepalive_interval może wynosić najwyżej 65535',
  'log_type has no value: mosquitto logs an error and ignores the line':
    'log_type nie ma wartości: mosquitto zapisze błąd w logu i pominie tę linię',
  'log_type must be one of {{types}}, not "{{word}}"':
    'log_type musi mieć jedną z wartości ({{types}}), a nie „{{word}}”',
  'max_connections has no value: mosquitto logs an error and ignores the line':
    'max_connections nie ma wartości: mosquitto zapisze błąd w logu i pominie tę linię',
  'protocol has no value: mosquitto logs an error and keeps mqtt':
    'protocol nie ma wartości: mosquitto zapisze błąd w logu i zostanie przy mqtt',
  'protocol must be mqtt or websockets, not "{{word}}"':
    'protocol musi mieć wartość mqtt lub websockets, a nie „{{word}}”',
  'socket_domain needs a value (ipv4 or ipv6)': 'socket_domain wymaga wartości (ipv4 lub ipv6)',
  'socket_domain must be ipv4 or ipv6, not "{{word}}"':
    'socket_domain musi mieć wartość ipv4 lub ipv6, a nie „{{word}}”',
  'max_topic_alias needs a value': 'max_topic_alias wymaga wartości',
  'max_topic_alias must be 0-65535, not {{word}}': 'max_topic_alias musi być z zakresu 0-65535, a nie {{word}}',
  'persistent_client_expiration has no value: mosquitto logs an error and ignores the line':
    'persistent_client_expiration nie ma wartości: mosquitto zapisze błąd w logu i pominie tę linię',
  'persistent_client_expiration must be a number and h, d, w, m (30 days) or y, like 14d, not "{{word}}"':
    'persistent_client_expiration musi być liczbą z jednostką h, d, w, m (30 dni) lub y, np. 14d, a nie „{{word}}”',
  'start_type needs a value': 'start_type wymaga wartości',
  'start_type manual is not supported by mosquitto': 'mosquitto nie obsługuje start_type manual',
  'start_type must be automatic, lazy or once, not "{{word}}"':
    'start_type musi mieć wartość automatic, lazy lub once, a nie „{{word}}”',
  'connection needs a name': 'connection wymaga nazwy mostu',
  'log_dest needs a value': 'log_dest wymaga wartości',
  'log_dest must be one of {{kinds}}, not "{{kind}}"':
    'log_dest musi mieć jedną z wartości ({{kinds}}), a nie „{{kind}}”',
  'log_dest file needs a path': 'log_dest file wymaga ścieżki do pliku',
  'same lines': 'bez różnic',
  '+{{added}} -{{removed}} lines': {
    one: 'różnica: +{{added}} −{{removed}} wiersz',
    few: 'różnica: +{{added}} −{{removed}} wiersze',
    other: 'różnica: +{{added}} −{{removed}} wierszy',
  },
  'file is too large for a config ({{count}} bytes, at most {{max}})': {
    one: 'plik jest za duży jak na konfigurację ({{count}} bajt, najwyżej {{max}})',
    few: 'plik jest za duży jak na konfigurację ({{count}} bajty, najwyżej {{max}})',
    many: 'plik jest za duży jak na konfigurację ({{count}} bajtów, najwyżej {{max}})',
    other: 'plik jest za duży jak na konfigurację ({{count}} bajta, najwyżej {{max}})',
  },
  'file holds NUL bytes: it is binary, not a config': 'plik zawiera bajty NUL: to plik binarny, a nie konfiguracja',
  'file is not valid UTF-8 text': 'plik nie jest poprawnym tekstem UTF-8',
  'include_dir "{{folder}}": no such folder': 'include_dir „{{folder}}”: katalog nie istnieje',
  '{{reason}} (or not readable)': '{{reason}} (albo nie można go odczytać)',
  '{{file}}: no such file': '{{file}}: plik nie istnieje',
  '{{name}} comes before any listener line of its file: mosquitto 2.0.11 then opens another listener on port 1883 on every address for it':
    'opcja {{name}} stoi przed pierwszą linią listener w swoim pliku: mosquitto 2.0.11 otwiera wtedy z jej powodu dodatkowy listener na porcie 1883 na wszystkich adresach',
  'no listener: mosquitto 2 listens on 127.0.0.1 and ::1 port 1883 only (local only mode), allowing anonymous clients':
    'brak linii listener: mosquitto 2 nasłuchuje tylko na 127.0.0.1 i ::1 na porcie 1883 (tryb tylko lokalny) i wpuszcza anonimowych klientów',
  'bridge "{{name}}" has no address': 'most „{{name}}” nie ma adresu (linii address)',
  'bridge "{{name}}" has no topic': 'most „{{name}}” nie ma żadnej linii topic',
  'bridge "{{name}}" has bridge_psk without its pair': 'most „{{name}}” ma bridge_psk bez pary (bridge_identity)',
  'bridge "{{name}}" has bridge_identity without its pair': 'most „{{name}}” ma bridge_identity bez pary (bridge_psk)',
  'bridge "{{name}}" has the local client id of bridge "{{other}}" ({{id}}): set local_clientid on one':
    'most „{{name}}” ma ten sam lokalny identyfikator klienta co most „{{other}}” ({{id}}): ustaw local_clientid w jednym z nich',
  'duplicate bridge name "{{name}}"': 'powtórzona nazwa mostu „{{name}}”',
  'include_dir needs a folder': 'include_dir wymaga podania katalogu',
  'bridge_protocol_version needs a value': 'bridge_protocol_version wymaga wartości',
  'bridge_protocol_version must be exactly mqttv31, mqttv311 or mqttv50 (nothing after it), not "{{value}}"':
    'bridge_protocol_version musi mieć dokładnie wartość mqttv31, mqttv311 lub mqttv50 (nic więcej w linii), a nie „{{value}}”',
  'duplicate "log_dest file": mosquitto logs to one file':
    'powtórzone „log_dest file”: mosquitto zapisuje log tylko do jednego pliku',
  '{{name}}: the key after {{prefix}} must be at least 3 characters':
    '{{name}}: klucz po {{prefix}} musi mieć co najmniej 3 znaki',
  '{{name}} needs a value': '{{name}} wymaga wartości',
  '{{name}} after psk_hint on the same listener: mosquitto cannot use both certificate and psk encryption':
    '{{name}} po psk_hint na tym samym listenerze: mosquitto nie może szyfrować jednocześnie certyfikatem i PSK',
  'mount_point needs a listener line before it': 'mount_point wymaga wcześniejszej linii listener',
  'mount_point "{{value}}" may not hold a wildcard (+ or #)':
    'mount_point „{{value}}” nie może zawierać znaku wieloznacznego (+ ani #)',
  'tls_engine_kpass_sha1 must be 40 hexadecimal digits (a SHA-1)':
    'tls_engine_kpass_sha1 musi mieć 40 cyfr szesnastkowych (skrót SHA-1)',
  'a bridge cannot use both certificate and psk encryption': 'most nie może szyfrować jednocześnie certyfikatem i PSK',
  'listener needs a port': 'listener wymaga numeru portu',
  'listener port must be 0-65535, not "{{port}}"': 'port w linii listener musi być z zakresu 0-65535, a nie „{{port}}”',
  'listener {{port}}: port 0 needs a unix socket path (a port must be a number)':
    'listener {{port}}: port 0 wymaga ścieżki gniazda unix (port musi być liczbą)',
  'listener "{{word}}" is read as port {{port}}': 'listener: mosquitto odczyta „{{word}}” jako port {{port}}',
  '{{where}}: warning: {{message}}': '{{where}}: ostrzeżenie: {{message}}',
  'include_dir in an included file is ignored by mosquitto': 'mosquitto pomija include_dir w dołączonym pliku',
  '{{name}} (mosquitto {{since}}+) is not checked here; the trial start checks it':
    'opcja {{name}} (mosquitto {{since}}+) nie jest tu sprawdzana; sprawdzi ją próbne uruchomienie',
  '2.0.11 (assumed)': '2.0.11 (przyjęto domyślnie)',
  '{{name}} needs mosquitto {{since}} or later; this gateway has {{have}}':
    'opcja {{name}} wymaga mosquitto {{since}} lub nowszego; ta bramka ma {{have}}',
  'unknown option "{{name}}" (did you mean "{{near}}"?)': 'nieznana opcja „{{name}}” (czy chodziło o „{{near}}”?)',
  '{{name}} is a bridge option: it needs a "connection" line before it in the same file':
    '{{name}} to opcja mostu: wymaga wcześniejszej linii „connection” w tym samym pliku',
  '{{name}} needs a "plugin" line before it in the same file':
    '{{name}} wymaga wcześniejszej linii „plugin” w tym samym pliku',
  'per_listener_settings must come before any other security option (allow_anonymous, password_file, acl_file, plugin, …)':
    'per_listener_settings musi stać przed wszystkimi innymi opcjami bezpieczeństwa (allow_anonymous, password_file, acl_file, plugin, …)',
  'a bridge takes one address line (first at {{first}}); put every address on it':
    'most przyjmuje tylko jedną linię address (pierwsza w {{first}}): wpisz w niej wszystkie adresy',
  'duplicate "{{name}}" (first set at {{first}}): mosquitto refuses a second value':
    'powtórzona opcja „{{name}}” (po raz pierwszy w {{first}}): mosquitto nie przyjmie drugiej wartości',
  'port is set again (first at {{first}}): mosquitto uses the last one':
    'port ustawiono ponownie (po raz pierwszy w {{first}}): mosquitto użyje ostatniej wartości',
  '"{{name}}" is set again (first at {{first}}): mosquitto uses this last value':
    'opcję „{{name}}” ustawiono ponownie (po raz pierwszy w {{first}}): mosquitto użyje tej wartości, bo jest ostatnia',
  '{{name}} before any listener line belongs to no listener: mosquitto ignores it':
    'opcja {{name}} przed pierwszą linią listener nie należy do żadnego listenera: mosquitto ją pomija',
  'listener {{port}} has no address and lets anonymous clients in: mosquitto listens on every IPv6 address too, with no NAT in front of a global one ("listener {{port}} 0.0.0.0" keeps it to IPv4)':
    'listener {{port}} nie ma adresu i wpuszcza anonimowych klientów: mosquitto nasłuchuje też na każdym adresie IPv6, a przed globalnym adresem IPv6 nie ma NAT („listener {{port}} 0.0.0.0” ogranicza go do IPv4)',
  "the 'allow_duplicate_messages' option is deprecated (mosquitto behaves as if it were true)":
    "opcja 'allow_duplicate_messages' jest przestarzała (mosquitto działa tak, jakby miała wartość true)",
  "the 'bind_address' option is deprecated: use a listener with an address":
    "opcja 'bind_address' jest przestarzała: użyj linii listener z adresem",
  "the 'clientid_prefixes' option is deprecated": "opcja 'clientid_prefixes' jest przestarzała",
  'mosquitto recommends replacing message_size_limit with max_packet_size':
    'mosquitto zaleca zastąpienie message_size_limit opcją max_packet_size',
  "the 'port' option is deprecated: use 'listener PORT' instead":
    "opcja 'port' jest przestarzała: użyj zamiast niej 'listener PORT'",
  'the retry_interval option is no longer available: it is ignored':
    'opcja retry_interval nie jest już dostępna: mosquitto ją pomija',
  '{{name}} reads only "{{read}}": mosquitto ignores the rest of the line ("{{tail}}")':
    '{{name}}: mosquitto odczyta tylko „{{read}}” i pominie resztę linii („{{tail}}”)',
  '{{name}} needs a value (true or false)': '{{name}} wymaga wartości (true lub false)',
  '{{name}} must be true or false (or 1 or 0), not "{{word}}"':
    '{{name}} musi mieć wartość true lub false (albo 1 lub 0), a nie „{{word}}”',
  '{{name}} "{{word}}" is read as {{value}}': '{{name}}: mosquitto odczyta „{{word}}” jako {{value}}',
  '{{name}} is longer than 65535 bytes': 'wartość {{name}} jest dłuższa niż 65535 bajtów',
  '{{name}}: the value holds a tab or another control character (mosquitto: "Malformed UTF-8")':
    '{{name}}: wartość zawiera tabulator lub inny znak sterujący (mosquitto: „Malformed UTF-8”)',
  '{{name}} is "{{value}}": mosquitto has no comments after a value':
    '{{name}} ma wartość „{{value}}”: mosquitto nie obsługuje komentarzy po wartości',
  'address "{{address}}": the port must be 1-65535': 'address „{{address}}”: port musi być z zakresu 1-65535',
  'address needs at least one HOST[:PORT]': 'address wymaga co najmniej jednego HOST[:PORT]',
  'address "{{address}}": an IPv6 address without a port is split at its last ":"':
    'address „{{address}}”: adres IPv6 bez portu zostanie podzielony na ostatnim „:”',
  'restart_timeout needs a value': 'restart_timeout wymaga wartości',
  'restart_timeout: the cap ({{cap}}, read as {{read}}) is lower than the base {{base}}':
    'restart_timeout: górny limit ({{cap}}, odczytany jako {{read}}) jest mniejszy niż wartość bazowa {{base}}',
  'topic needs a pattern': 'topic wymaga wzorca tematu',
  'topic direction must be in, out or both, not "{{direction}}" (no comment may follow the pattern)':
    'kierunek w linii topic musi mieć wartość in, out lub both, a nie „{{direction}}” (po wzorcu nie może być komentarza)',
  'topic direction must be in, out or both, not "{{direction}}"':
    'kierunek w linii topic musi mieć wartość in, out lub both, a nie „{{direction}}”',
  'topic qos must be 0, 1 or 2, not "{{qos}}"': 'qos w linii topic musi wynosić 0, 1 lub 2, a nie „{{qos}}”',
  'topic: invalid local prefix "{{prefix}}"': 'topic: nieprawidłowy prefiks lokalny „{{prefix}}”',
  'topic: invalid remote prefix "{{prefix}}"': 'topic: nieprawidłowy prefiks zdalny „{{prefix}}”',
  'topic "" (an empty pattern) needs both a local and a remote prefix':
    'topic „” (pusty wzorzec) wymaga zarówno prefiksu lokalnego, jak i zdalnego',
  'topic: the prefix and pattern "{{filter}}" do not make a valid topic filter':
    'topic: prefiks i wzorzec „{{filter}}” nie tworzą poprawnego filtra tematu',
  'the value': 'wartość',
  '{{field}} is empty': '{{field}}: pusta wartość',
  '{{field}} is longer than {{count}} characters': {
    one: '{{field}}: wartość dłuższa niż {{count}} znak',
    few: '{{field}}: wartość dłuższa niż {{count}} znaki',
    many: '{{field}}: wartość dłuższa niż {{count}} znaków',
    other: '{{field}}: wartość dłuższa niż {{count}} znaku',
  },
  '{{field}} holds a newline or control character':
    '{{field}}: wartość zawiera znak nowej linii lub inny znak sterujący',
  '{{field}} is not valid UTF-8 text': '{{field}}: wartość nie jest poprawnym tekstem UTF-8',
  '{{field}} starts or ends with white space (mosquitto would trim it)':
    '{{field}}: wartość zaczyna się lub kończy białym znakiem (mosquitto by go usunął)',
  '{{field}} starts with "#"': '{{field}}: wartość zaczyna się od „#”',
  '{{reason}}; nothing was changed': '{{reason}}; nic nie zmieniono',
  '"user" needs a name': '„user” wymaga nazwy użytkownika',
  'a line starts with topic, pattern or user, not "{{word}}"':
    'linia musi zaczynać się od topic, pattern lub user, a nie od „{{word}}”',
  '{{keyword}} needs a topic': '{{keyword}} wymaga tematu',
  'access must be read, write, readwrite or deny, not "{{access}}"':
    'dostęp musi mieć wartość read, write, readwrite lub deny, a nie „{{access}}”',
  '"{{topic}}" is not a valid topic filter': '„{{topic}}” nie jest poprawnym filtrem tematu',
  'the key is not hexadecimal': 'klucz nie jest zapisany szesnastkowo',
  'no user': 'brak użytkownika',
  '{{option}} {{file}}: no such file': '{{option}} {{file}}: plik nie istnieje',
  "{{option}} {{file}}: {{user}} (the broker's user) cannot read it":
    '{{option}} {{file}}: {{user}} (użytkownik brokera) nie może go odczytać',
  'pid_file {{file}}: mosquitto (as {{user}}) cannot write it: no such folder, or not writable':
    'pid_file {{file}}: mosquitto (jako {{user}}) nie może go zapisać: katalog nie istnieje albo brak w nim prawa zapisu',
  '{{option}} {{file}} is a folder: mosquitto 2.0.11 would hang reading it':
    '{{option}} {{file}} to katalog: mosquitto 2.0.11 zawiesiłby się przy jego odczycie',
  'log_dest file {{file}}: mosquitto cannot open it and logs to stderr instead':
    'log_dest file {{file}}: mosquitto nie może go otworzyć i zamiast tego zapisuje log na stderr',
  'persistence_location {{folder}}: no such folder: mosquitto runs, but cannot save its database':
    'persistence_location {{folder}}: katalog nie istnieje: mosquitto działa, ale nie może zapisać swojej bazy danych',
  '{{option}} {{path}}: no such folder: bridge "{{bridge}}" will not connect':
    '{{option}} {{path}}: katalog nie istnieje: most „{{bridge}}” się nie połączy',
  '{{option}} {{path}}: no such file: bridge "{{bridge}}" will not connect':
    '{{option}} {{path}}: plik nie istnieje: most „{{bridge}}” się nie połączy',
  '{{option}} {{file}}: no such file (mosquitto cannot load the plugin)':
    '{{option}} {{file}}: plik nie istnieje (mosquitto nie może załadować wtyczki)',
  '{{option}} {{file}}: not found in the library folders (mosquitto cannot load the plugin)':
    '{{option}} {{file}}: nie ma go w katalogach bibliotek (mosquitto nie może załadować wtyczki)',
  'unix socket path {{path}} is longer than 107 bytes': 'ścieżka gniazda unix {{path}} jest dłuższa niż 107 bajtów',
  'unix socket {{path}}: no such folder for it': 'gniazdo unix {{path}}: katalog, w którym ma powstać, nie istnieje',
  'port {{port}}: mosquitto runs as {{user}} and may not listen below {{start}}':
    'port {{port}}: mosquitto działa jako {{user}} i nie może nasłuchiwać na portach poniżej {{start}}',
  'listener address {{address}}: cannot be resolved': 'adres listenera {{address}}: nie udało się ustalić adresu IP',
  'listener address {{address}} is not an address of this machine: mosquitto cannot listen there':
    'adres listenera {{address}} nie jest adresem tej bramki: mosquitto nie może na nim nasłuchiwać',
  'port {{port}} is taken twice: the listener at {{other}} covers the same address':
    'port {{port}} jest zajęty dwa razy: listener w {{other}} obejmuje ten sam adres',
  'bind_interface {{name}}: no such network interface here':
    'bind_interface {{name}}: na tej bramce nie ma takiego interfejsu sieciowego',
  'only websockets listeners: this mosquitto build cannot start without one MQTT listener':
    'są tylko listenery websockets: ta wersja mosquitto nie uruchomi się bez co najmniej jednego listenera MQTT',
  'http_dir {{folder}}: no such folder': 'http_dir {{folder}}: katalog nie istnieje',
  '{{option}} {{file}}: no such file: mosquitto cannot create this websockets listener':
    '{{option}} {{file}}: plik nie istnieje: mosquitto nie utworzy tego listenera websockets',
  'TLS needs both certfile and keyfile in mosquitto 2.0.11: without both, this listener is plain TCP':
    'TLS w mosquitto 2.0.11 wymaga zarówno certfile, jak i keyfile: bez obu ten listener działa jako zwykłe TCP',
  'tls_version must be tlsv1.3, tlsv1.2 or tlsv1.1, not "{{value}}"':
    'tls_version musi mieć wartość tlsv1.3, tlsv1.2 lub tlsv1.1, a nie „{{value}}”',
  'fix the lines named above, then check again: gate-mqtt config validate {{file}}':
    'popraw wskazane wiersze i sprawdź ponownie: gate-mqtt config validate {{file}}',
};
