// A second `npm start` in the same folder must say who holds `.data/pg` (and not
// "✖ undefined"), while a postmaster.pid left by a killed server must not stop a
// start: PostgreSQL reuses the folder itself once the PID in it is gone.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DatabaseFolderInUseError, findFolderHolder } from "../../tools/db/postgres/postmaster-pid";

const dataDir = mkdtempSync(path.join(os.tmpdir(), "pg-holder-"));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill("SIGKILL");
  rmSync(dataDir, { recursive: true, force: true });
});

/** postmaster.pid as PostgreSQL writes it: PID, data folder, start time, port, socket folder, address, shm key, state. */
function writePostmasterPid(pid: number): void {
  writeFileSync(
    path.join(dataDir, "postmaster.pid"),
    `${pid}\n${dataDir}\n1795000000\n54329\n/tmp\n127.0.0.1\n  1234567     32768\nready   \n`,
  );
}

/** A live process; with argv0 "postgres" it looks like a postmaster to the process table. */
async function liveProcess(argv0?: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { argv0, stdio: "ignore" });
  children.push(child);
  await new Promise((resolve) => child.once("spawn", resolve));
  return child;
}

async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  await new Promise((resolve) => child.once("exit", resolve));
  return child.pid!;
}

describe("who holds the embedded PostgreSQL's folder", () => {
  it("is nobody when the folder has no postmaster.pid", () => {
    rmSync(path.join(dataDir, "postmaster.pid"), { force: true });
    expect(findFolderHolder(dataDir)).toBeNull();
  });

  it("is the running PostgreSQL named in postmaster.pid, with the process that started it", async () => {
    const postgres = await liveProcess("postgres");
    writePostmasterPid(postgres.pid!);
    expect(findFolderHolder(dataDir)).toEqual({ pid: postgres.pid, parentPid: process.pid });
  });

  it("is nobody when the process in a leftover postmaster.pid is gone", async () => {
    writePostmasterPid(await deadPid());
    expect(findFolderHolder(dataDir)).toBeNull();
  });

  it.runIf(process.platform === "linux")("is nobody when the PID was reused by a program that is not PostgreSQL", async () => {
    writePostmasterPid((await liveProcess()).pid!);
    expect(findFolderHolder(dataDir)).toBeNull();
  });
});

describe("the message of a second start", () => {
  it("names the folder, the PID and what to do", () => {
    const message = new DatabaseFolderInUseError(".data/pg", { pid: 4321, parentPid: 4300 }).message;
    expect(message).toContain("The database folder .data/pg is in use by the running instance (PostgreSQL PID 4321, started by PID 4300)");
    expect(message).toContain("stop the other one with Ctrl-C in its terminal, or start this one from another clone");
  });

  it("tells how to stop a PostgreSQL whose `npm start` was killed and left it running", () => {
    const message = new DatabaseFolderInUseError(".data/pg", { pid: 4321, parentPid: 1 }).message;
    expect(message).toContain("left running");
    expect(message).toContain("`kill 4321`");
  });
});
