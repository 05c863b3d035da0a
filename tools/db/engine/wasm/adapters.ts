// The driver adapters the WebAssembly engine talks to PostgreSQL through.
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  ColumnTypeEnum,
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
} from "@prisma/driver-adapter-utils";

/**
 * A PrismaPg factory adjusted for migrations:
 * - one connection per adapter, because the engine takes a session-level advisory
 *   lock and must run the migrations on the session that holds it;
 * - `executeScript` sends the whole script as one simple query. PrismaPg's own
 *   splits it on every ";" (breaking `$$` bodies, and literals or comments that
 *   contain one), and so loses the implicit transaction PostgreSQL puts around a
 *   multi-statement query, which keeps a failing migration from half-applying.
 */
export function onlineFactory(databaseUrl: string, opened: SqlDriverAdapter[]): SqlMigrationAwareDriverAdapterFactory {
  const base = new PrismaPg({ connectionString: databaseUrl, max: 1 });
  const adjust = (adapter: SqlDriverAdapter): SqlDriverAdapter => {
    opened.push(adapter);
    const pool = (adapter as SqlDriverAdapter & { underlyingDriver(): pg.Pool }).underlyingDriver();
    return new Proxy(adapter, {
      get(target, property) {
        if (property === "executeScript") return (script: string) => runScript(pool, script);
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === "function" ? (value.bind(target) as unknown) : value;
      },
    });
  };
  return {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: async () => adjust(await base.connect()),
    connectToShadowDb: async () => adjust(await base.connectToShadowDb()),
  };
}

async function runScript(pool: pg.Pool, script: string): Promise<void> {
  try {
    await pool.query(script);
  } catch (error) {
    if (!(error instanceof pg.DatabaseError)) throw error;
    throw new DriverAdapterError({
      kind: "postgres",
      code: error.code ?? "",
      severity: error.severity ?? "ERROR",
      message: error.message,
      detail: error.detail,
      column: error.column,
      hint: error.hint,
    });
  }
}

/**
 * Diffs between datamodels never touch a database, but the engine probes its
 * adapter once on start-up; this one answers that probe and refuses the rest.
 */
export function offlineFactory(): SqlMigrationAwareDriverAdapterFactory {
  const refuse = (): Promise<never> => Promise.reject(new Error("The offline schema engine has no database."));
  const adapter: SqlDriverAdapter = {
    provider: "postgres",
    adapterName: "offline",
    async queryRaw(query: SqlQuery): Promise<SqlResultSet> {
      if (!query.sql.includes("server_version_num")) return refuse();
      return {
        columnNames: ["exists", "version", "numeric_version"],
        columnTypes: [ColumnTypeEnum.Boolean, ColumnTypeEnum.Text, ColumnTypeEnum.Int32],
        rows: [[true, "PostgreSQL 16.0", 160000]],
      };
    },
    executeRaw: refuse,
    executeScript: refuse,
    startTransaction: refuse,
    dispose: async () => {},
  };
  return {
    provider: "postgres",
    adapterName: "offline",
    connect: () => Promise.resolve(adapter),
    connectToShadowDb: () => Promise.resolve(adapter),
  };
}
