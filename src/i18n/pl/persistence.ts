import type { Catalog } from '../translate.js';

/**
 * Polish for the broker's persistence database: the doctor's broker.persistence, the `doctor --fix` step
 * that moves a database mosquitto cannot restore into the backups, and that step's restart reason.
 */
export const PERSISTENCE: Catalog = {
  // src/config/persistence.ts
  '{{file}} cannot be read': 'nie można odczytać {{file}}',
  'run the doctor as the user the broker runs as': 'uruchom diagnostykę jako użytkownik, na którym działa broker',
  'too short for a mosquitto database': 'plik za krótki jak na bazę danych mosquitto',
  "not a mosquitto database (its first bytes are not mosquitto's header)":
    'to nie jest baza danych mosquitto (pierwsze bajty pliku nie są nagłówkiem mosquitto)',
  'the broker could not restore it: "{{said}}"': 'broker nie zdołał jej wczytać: „{{said}}”',

  // src/checks/broker-persistence.ts
  'persistence database': 'baza danych brokera (persistence)',
  'persistence off': 'zapis bazy danych wyłączony (persistence false)',
  '{{file}} does not exist yet (mosquitto writes it)': '{{file}} jeszcze nie istnieje (mosquitto sam go utworzy)',
  '{{file}}, {{count}} byte(s)': {
    one: '{{file}}, {{count}} bajt',
    few: '{{file}}, {{count}} bajty',
    many: '{{file}}, {{count}} bajtów',
    other: '{{file}}, {{count}} bajta',
  },
  '{{file}}: {{why}}': '{{file}}: {{why}}',
  'gate-mqtt doctor --fix moves it into the backups and starts the broker':
    'gate-mqtt doctor --fix przeniesie ją do kopii zapasowych i uruchomi broker',

  // src/checks/fix-plan.ts
  'the persistence database is left in place until the config is valid (see config.valid)':
    'baza danych brokera zostaje na miejscu, dopóki konfiguracja nie będzie poprawna (zobacz config.valid)',

  // src/tasks/persistence.ts
  'Persistence database': 'Baza danych brokera (persistence)',
  '{{file}}: nothing to set aside': '{{file}}: nie ma czego przenosić',
  'dry-run: {{file}} would be moved into the backups':
    'próba na sucho: {{file}} zostałby przeniesiony do kopii zapasowych',
  'moved {{file}} into the backups ({{id}}): {{why}}': 'przeniesiono {{file}} do kopii zapasowych ({{id}}): {{why}}',

  // src/model/steps.ts (a restart reason)
  "the broker's persistence database was moved into the backups":
    'baza danych brokera została przeniesiona do kopii zapasowych',
};
