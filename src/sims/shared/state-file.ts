// The simulators' state files (`*_SIM_STATE_FILE`): JSON that holds test secrets — WeCom corps'
// secrets, the OIDC provider's signing keys, CAS users' passwords. Written whole, owner-only, and
// renamed into place, so a crash mid-write never leaves half a file.
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * The folder is made private (owner only), unless it is a shared sticky folder such as /tmp,
 * which is not ours to change.
 */
function makeFolderPrivate(folder: string): void {
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const { mode } = statSync(folder);
  if ((mode & 0o1000) === 0 && (mode & 0o077) !== 0) chmodSync(folder, mode & 0o700);
}

/** Written whole (owner-only, mode 0600) and renamed into place. */
export function writePrivateJson(file: string, value: unknown): void {
  makeFolderPrivate(path.dirname(path.resolve(file)));
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(value), { mode: 0o600 });
  // A umask cannot widen it, but a file left from before may have been wider: the mode is set explicitly.
  chmodSync(tmp, 0o600);
  renameSync(tmp, file);
}

/** The parsed file, or undefined when there is none yet. */
export function readJsonFile(file: string | undefined): unknown {
  if (!file || !existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, "utf8")) as unknown;
}
