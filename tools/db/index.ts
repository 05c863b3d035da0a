// The offline migration engine and the embedded PostgreSQL, as the project's
// scripts and tests use them. It keeps Prisma's migrations layout and
// `_prisma_migrations` bookkeeping, runs them with Prisma's native schema engine
// when the machine has it and with its WebAssembly build otherwise
// (engine/choose-engine.ts), and depends on nothing in src/.
//
//   layout.ts        where schema.prisma, the migrations and the snapshot live
//   apply.ts         applying under an advisory lock   history.ts  what _prisma_migrations says
//   create.ts        a new migration from a diff       resolve.ts  recording a repaired failure
//   check.ts         schema.prisma against the migrations, on scratch databases (catalog.ts)
//   engine/          the native CLI path and the WebAssembly fallback behind one driver
//   postgres/        the embedded PostgreSQL: binaries, its own process group, who holds a folder
export { applyMigrations, type ApplyOptions } from "./apply";
export { checkMigrations, type CheckOptions } from "./check";
export { compareCatalogs, readCatalog, type Catalog } from "./catalog";
export { createDatabases, databaseUrlFor, dropDatabases } from "./connection";
export {
  createMigration,
  diffToSql,
  migrationSlug,
  nextTimestamp,
  type CreateOptions,
  type CreatedMigration,
  type DiffSource,
} from "./create";
export { CREATE_HINT, listMigrationNames, prismaPaths, type Log, type PrismaDirOption } from "./layout";
export { resolveMigration } from "./resolve";
export { startEmbeddedPostgres, type EmbeddedCluster, type EmbeddedPostgresOptions } from "./postgres/embedded-postgres";
export { findFreePort, reservePort } from "./postgres/free-port";
export { DatabaseFolderInUseError, findFolderHolder } from "./postgres/postmaster-pid";
