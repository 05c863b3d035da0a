// What applying migrations refuses, judged from `_prisma_migrations` before any
// engine runs: an operator must never see a migration applied on top of an
// edited or half-failed history, and must not be stopped by a checkout whose
// line endings git converted.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { checksumMatches, judgeHistory, type AppliedRow } from "../../tools/db/history";
import type { LocalMigration } from "../../tools/db/layout";

const sql = 'CREATE TABLE "A" ("id" INTEGER PRIMARY KEY);\nCREATE INDEX "A_id" ON "A"("id");\n';
const sha = (text: string) => createHash("sha256").update(text).digest("hex");
const at = new Date("2026-11-21T12:00:00Z");

const local = (name: string, text: string | null = sql): LocalMigration => ({
  name,
  sql: text,
  readError: text === null ? "ENOENT" : null,
});
const row = (name: string, checksum: string, state: "finished" | "failed" | "rolled back" = "finished"): AppliedRow => ({
  migration_name: name,
  checksum,
  finished_at: state === "finished" ? at : null,
  rolled_back_at: state === "rolled back" ? at : null,
});

describe("migration checksums", () => {
  it("matches the SHA-256 Prisma records for a migration.sql", () => {
    expect(checksumMatches(sql, sha(sql))).toBe(true);
    expect(checksumMatches(`${sql}-- changed\n`, sha(sql))).toBe(false);
  });

  it("matches a checkout whose line endings git converted either way", () => {
    expect(checksumMatches(sql.replace(/\n/g, "\r\n"), sha(sql))).toBe(true);
    expect(checksumMatches(sql, sha(sql.replace(/\n/g, "\r\n")))).toBe(true);
  });

  it("matches the unpadded hex an early Prisma engine wrote", () => {
    const digest = createHash("sha256").update(sql).digest();
    const unpadded = [...digest].map((byte) => byte.toString(16)).join("");
    expect(checksumMatches(sql, unpadded)).toBe(true);
  });
});

describe("judging the history before applying", () => {
  it("finds nothing wrong with applied migrations that are unchanged, pending ones included", () => {
    expect(judgeHistory([local("1_a"), local("2_b")], [row("1_a", sha(sql))])).toEqual({ failed: [], edited: [], unknown: [] });
  });

  it("reports a migration edited after it was applied", () => {
    expect(judgeHistory([local("1_a", `${sql}-- later\n`)], [row("1_a", sha(sql))]).edited).toEqual(["1_a"]);
  });

  it("reports a migration that failed and was never resolved, but not one recorded as rolled back", () => {
    expect(judgeHistory([local("1_a")], [row("1_a", sha(sql), "failed")]).failed).toEqual(["1_a"]);
    const retried = judgeHistory([local("1_a")], [row("1_a", sha("old"), "rolled back"), row("1_a", sha(sql))]);
    expect(retried).toEqual({ failed: [], edited: [], unknown: [] });
  });

  it("lists migrations a newer release applied that this checkout does not have", () => {
    expect(judgeHistory([local("1_a")], [row("1_a", sha(sql)), row("2_newer", sha("x"))]).unknown).toEqual(["2_newer"]);
  });
});
