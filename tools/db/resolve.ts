// Recording how a failed migration was repaired, like `prisma migrate resolve`.
import { prismaPaths, type Log, type PrismaDirOption } from "./layout";
import { schemaEngine } from "./engine/schema-engine";

/** Records a failed migration as rolled back (it will be retried) or as applied (completed by hand). */
export async function resolveMigration(
  databaseUrl: string,
  name: string,
  outcome: "applied" | "rolled-back",
  options: PrismaDirOption & { log?: Log } = {},
): Promise<void> {
  const engine = await schemaEngine(options.log);
  await engine.markMigration(databaseUrl, name, outcome, prismaPaths(options));
}
