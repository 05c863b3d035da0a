-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "lastSignInAt" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "AuditLog_tenantId_target_createdAt_idx" ON "AuditLog"("tenantId", "target", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_tenantId_actorId_createdAt_idx" ON "AuditLog"("tenantId", "actorId", "createdAt");

-- Members who signed in before this column existed: their last sign-in as the audit log recorded it.
UPDATE "Member" m SET "lastSignInAt" = s.at
  FROM (SELECT "tenantId", "actorId", max("createdAt") AS at FROM "AuditLog"
         WHERE action = 'member.login' AND "actorKind" = 'member' AND "tenantId" IS NOT NULL
         GROUP BY "tenantId", "actorId") s
 WHERE s."tenantId" = m."tenantId" AND s."actorId" = m.id::text;

-- The directory's search (members/directory-search.ts). Expression indexes, which Prisma cannot express:
-- 姓名 anywhere in the name (LIKE '%王%'): trigrams, which pg_trgm builds for Chinese characters too
-- (a one- or two-character search has no trigram and scans, stopping at the page's end).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "Member_name_trgm_idx" ON "Member" USING gin (("name"::text) gin_trgm_ops);
-- 学工号 and 院系 paths by prefix (LIKE 'abc%'): the database's collation is not C, so a plain btree cannot serve them.
CREATE INDEX "Member_tenantId_account_prefix_idx" ON "Member" ("tenantId", ("account"::text) text_pattern_ops);
CREATE INDEX "Member_tenantId_department_prefix_idx" ON "Member" ("tenantId", ("department"::text) text_pattern_ops);
