/** What pm2 says of one process (the fields gate-mqtt uses), as the daemon's process list gives it. */
export interface Pm2Process {
  name: string;
  /** pm2's own id (pm_id): RPC calls name a process by it. */
  id: number;
  pid: number;
  status: string;
  /** pm2's restart_time; undefined when read from pm2's files, which do not keep it. */
  restarts: number | undefined;
  uptimeSince: number | undefined;
  execPath: string;
  args: string[];
  outLog: string | undefined;
  errLog: string | undefined;
}
