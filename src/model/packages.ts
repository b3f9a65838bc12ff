/** What was installed from package files, and where its file is kept (the way back of an upgrade). */
export interface InstalledPackage {
  name: string;
  version: string;
  arch: string;
  sha256: string;
  kept: string;
}

/** The record of the broker's packages (PREFIX/var/lib/gate-mqtt/packages.json). */
export interface PackageState {
  broker: InstalledPackage;
  libraries: InstalledPackage[];
  /** Where it came from: the folder, or the download. */
  source: string;
}
