// The one Prisma client of a process. Only tenant resolution, authentication,
// the vendor console and tenant-bound clients (tenant-db.ts) use it directly.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "~/generated/prisma/client";
import { serverEnv } from "~/env";

export type Db = PrismaClient;

export function createPrismaClient(databaseUrl: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 10 }) });
}

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

/** The process-wide client, made on first use (so importing this file needs no database). */
export function db(): PrismaClient {
  globalForPrisma.prisma ??= createPrismaClient(serverEnv().DATABASE_URL);
  return globalForPrisma.prisma;
}
