import type { Catalog } from '../translate.js';

/**
 * Polish for what Android itself does to the gateway: the phantom process killer (android.phantom, its
 * fix over adb) and the periodic job of Termux:API that brings pm2 back (android.watchdog, its step).
 */
export const ANDROID: Catalog = {
  // android.phantom
  'Android phantom process killer': 'zabójca procesów fantomowych Androida',
  'not Android: no phantom process killer': 'to nie Android: brak zabójcy procesów fantomowych',
  'cannot read the Android version (getprop ro.build.version.sdk)':
    'nie można odczytać wersji Androida („getprop ro.build.version.sdk”)',
  'look at the device: Settings, About phone, Android version':
    'sprawdź na urządzeniu: Ustawienia, Informacje o telefonie, Wersja Androida',
  'Android SDK {{sdk}}: no phantom process killer before SDK 31':
    'Android SDK {{sdk}}: przed SDK 31 nie ma zabójcy procesów fantomowych',
  'Android SDK {{sdk}}: phantom process killer off (settings_enable_monitor_phantom_procs)':
    'Android SDK {{sdk}}: zabójca procesów fantomowych wyłączony (settings_enable_monitor_phantom_procs)',
  'Android SDK {{sdk}}: phantom process limit raised to {{max}}':
    'Android SDK {{sdk}}: limit procesów fantomowych podniesiony do {{max}}',
  'Android SDK {{sdk}} may kill pm2 and mosquitto (phantom process killer on, limit {{limit}})':
    'Android SDK {{sdk}} może zabić pm2 i mosquitto (zabójca procesów fantomowych włączony, limit {{limit}})',
  'Android SDK {{sdk}} may kill pm2 and mosquitto (phantom process killer; its settings cannot be read here)':
    'Android SDK {{sdk}} może zabić pm2 i mosquitto (zabójca procesów fantomowych; jego ustawień nie da się tu odczytać)',
  'run: gate-mqtt doctor --fix --target {{target}} (sets them over adb)':
    'uruchom: gate-mqtt doctor --fix --target {{target}} (ustawi je przez adb)',
  'from a laptop with USB debugging: gate-mqtt doctor --fix --target adb, or by hand: {{commands}}':
    'z laptopa z debugowaniem USB: gate-mqtt doctor --fix --target adb albo ręcznie: {{commands}}',
  '{{checks}}: these fixes run on the device itself: gate-mqtt doctor --fix':
    '{{checks}}: te poprawki wykonuje się na samej bramce: gate-mqtt doctor --fix',
  'set over adb: {{commands}}': 'ustawiono przez adb: {{commands}}',

  // android.watchdog and its step
  'pm2 brought back after Android kills it': 'pm2 przywracany, gdy Android go zabije',
  'Brought back after Android kills pm2': 'Przywracanie pm2 zabitego przez Androida',
  'no termux-job-scheduler (Termux:API): no periodic job; the boot hook brings pm2 back at boot':
    'brak termux-job-scheduler (Termux:API): bez okresowego zadania; pm2 wraca tylko przy starcie bramki (skrypt startowy)',
  'job {{id}} cancelled (Termux:API)': 'zadanie {{id}} anulowane (Termux:API)',
  'no periodic job of gate-mqtt': 'brak okresowego zadania gate-mqtt',
  'cancel it in Termux: termux-job-scheduler --cancel --job-id {{id}}':
    'anuluj je w Termuksie: termux-job-scheduler --cancel --job-id {{id}}',
  'termux-job-scheduler did not answer (is the Termux:API app installed?)':
    'termux-job-scheduler nie odpowiada (czy aplikacja Termux:API jest zainstalowana?)',
  'install the Termux:API app and open it once, then run: gate-mqtt provision':
    'zainstaluj aplikację Termux:API i otwórz ją raz, potem uruchom: gate-mqtt provision',
  'termux-job-scheduler said: "{{said}}"': 'termux-job-scheduler odpowiedział: „{{said}}”',
  'no periodic job brings pm2 back after Android kills it':
    'żadne okresowe zadanie nie przywróci pm2, gdy Android go zabije',
  'run: gate-mqtt provision (registers it with termux-job-scheduler)':
    'uruchom: gate-mqtt provision (zarejestruje je w termux-job-scheduler)',
  'job {{id}} is registered but {{file}} is missing or not executable':
    'zadanie {{id}} jest zarejestrowane, ale {{file}} nie istnieje albo nie jest wykonywalny',
  'job {{id}} runs {{file}} every {{period}} (Termux:API)':
    'zadanie {{id}} uruchamia {{file}} co {{period}} (Termux:API)',
  'registered job {{id}}: {{file}} every {{period}} (Termux:API)':
    'zarejestrowano zadanie {{id}}: {{file}} co {{period}} (Termux:API)',
  'dry-run: would register job {{id}}: {{file}} every {{period}}':
    'próba na sucho: zostałoby zarejestrowane zadanie {{id}}: {{file}} co {{period}}',
};
