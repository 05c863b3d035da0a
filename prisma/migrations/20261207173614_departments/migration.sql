-- CreateEnum
CREATE TYPE "DepartmentState" AS ENUM ('PENDING', 'CREATED', 'ADOPTED');

-- AlterTable
ALTER TABLE "MemberWecom" ADD COLUMN     "departmentId" INTEGER;

-- CreateTable
CREATE TABLE "Department" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "path" VARCHAR(200) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "parentId" UUID,
    "depth" INTEGER NOT NULL,
    "wecomId" INTEGER,
    "state" "DepartmentState" NOT NULL DEFAULT 'PENDING',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Department_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Department_tenantId_parentId_idx" ON "Department"("tenantId", "parentId");

-- CreateIndex
CREATE UNIQUE INDEX "Department_tenantId_id_key" ON "Department"("tenantId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Department_tenantId_path_key" ON "Department"("tenantId", "path");

-- CreateIndex
CREATE UNIQUE INDEX "Department_tenantId_wecomId_key" ON "Department"("tenantId", "wecomId");

-- AddForeignKey
ALTER TABLE "Department" ADD CONSTRAINT "Department_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Department" ADD CONSTRAINT "Department_tenantId_parentId_fkey" FOREIGN KEY ("tenantId", "parentId") REFERENCES "Department"("tenantId", "id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- The tree of the members already in the directory (departments/department-path.ts: levels split
-- on "/", trimmed, empty ones dropped), parents found by their path. Their WeCom job is queued by
-- the next change of the school's directory or by the admin's resync; the rows start PENDING.
INSERT INTO "Department" ("id", "tenantId", "path", "name", "depth", "updatedAt")
SELECT DISTINCT ON (l."tenantId", l."path") gen_random_uuid(), l."tenantId", l."path", l."name", l."depth", CURRENT_TIMESTAMP
FROM (
  SELECT m."tenantId", array_to_string(m.parts[1:n], '/') AS "path", m.parts[n] AS "name", n AS "depth"
  FROM (
    SELECT DISTINCT mem."tenantId",
      ARRAY(SELECT btrim(x.level) FROM unnest(string_to_array(mem."department", '/')) WITH ORDINALITY AS x(level, i)
            WHERE btrim(x.level) <> '' ORDER BY x.i) AS parts
    FROM "Member" mem WHERE btrim(mem."department") <> ''
  ) m, generate_series(1, cardinality(m.parts)) AS n
) l
WHERE cardinality(string_to_array(l."path", '/')) > 0 AND length(l."path") <= 200;

UPDATE "Department" c SET "parentId" = p."id"
FROM "Department" p
WHERE c."depth" > 1 AND p."tenantId" = c."tenantId"
  AND p."path" = array_to_string((string_to_array(c."path", '/'))[1:c."depth" - 1], '/');
