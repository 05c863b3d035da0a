// What each engine path does for the tool. Policy (the advisory lock, judging the
// history, messages, the snapshot) lives outside the drivers, so both paths
// behave alike and either can be deleted without touching it.
import type { Log, PrismaPaths } from "../layout";

/** A datamodel to diff: nothing at all, a schema file, or a schema's text. */
export type DiffSource = "empty" | { schemaPath: string } | { schema: string };

export interface SchemaEngineDriver {
  /**
   * Applies the migrations `_prisma_migrations` does not list as applied, recording
   * each there as `prisma migrate deploy` does. The caller holds the tool's lock
   * and has judged the history; a failing migration rejects.
   */
  applyPending(databaseUrl: string, paths: PrismaPaths, log?: Log): Promise<void>;
  /** `prisma migrate resolve`: records a failed migration as rolled back or as applied. */
  markMigration(databaseUrl: string, name: string, outcome: "applied" | "rolled-back", paths: PrismaPaths): Promise<void>;
  /** The SQL that turns `from`'s database into `to`'s; "" when there is nothing to do. Needs no database. */
  diff(from: DiffSource, to: DiffSource): Promise<string>;
}
