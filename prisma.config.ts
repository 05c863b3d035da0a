import { defineConfig } from "prisma/config";

// Prisma's CLI reads this file. The app itself never does: it builds its own
// connection from DATABASE_URL (or the embedded PostgreSQL) in src/server/db.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/unused" },
});
