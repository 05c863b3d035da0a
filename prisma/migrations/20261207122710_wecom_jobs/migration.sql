-- CreateEnum
CREATE TYPE "WecomJobState" AS ENUM ('QUEUED', 'ACTIVE', 'RETRYING', 'DONE', 'FAILED');

-- CreateTable
CREATE TABLE "WecomJob" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "jobId" UUID NOT NULL,
    "queue" VARCHAR(32) NOT NULL,
    "kind" VARCHAR(32) NOT NULL,
    "subject" VARCHAR(64),
    "state" "WecomJobState" NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastErrcode" INTEGER,
    "lastError" VARCHAR(500),
    "lastErrorEn" VARCHAR(500),
    "paused" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "WecomJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "WecomJob_jobId_key" ON "WecomJob"("jobId");

-- CreateIndex
CREATE INDEX "WecomJob_tenantId_subject_kind_createdAt_idx" ON "WecomJob"("tenantId", "subject", "kind", "createdAt");

-- CreateIndex
CREATE INDEX "WecomJob_tenantId_queue_state_createdAt_idx" ON "WecomJob"("tenantId", "queue", "state", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "WecomJob_tenantId_id_key" ON "WecomJob"("tenantId", "id");

-- AddForeignKey
ALTER TABLE "WecomJob" ADD CONSTRAINT "WecomJob_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Jobs queued, running or failed when this runs get their rows, so the journey and the back
-- office see them (pg-boss's schema exists once an app instance has started; a new database
-- has none). A follow watch is its waiting poll's row.
DO $$
BEGIN
  IF to_regclass('pgboss.job') IS NOT NULL THEN
    INSERT INTO "WecomJob" ("id", "tenantId", "jobId", "queue", "kind", "subject", "state", "attempts",
                            "lastErrcode", "lastError", "lastErrorEn", "paused", "createdAt", "updatedAt")
    SELECT gen_random_uuid(), t."id", j.id, j.name, left(j.data->>'kind', 32), left(j.data->>'memberId', 64),
           CASE j.state::text WHEN 'created' THEN 'QUEUED' WHEN 'retry' THEN 'RETRYING' WHEN 'active' THEN 'ACTIVE'
                              ELSE 'FAILED' END::"WecomJobState",
           j.retry_count + CASE WHEN j.state::text IN ('created', 'retry') THEN 0 ELSE 1 END,
           CASE WHEN j.output->>'errcode' ~ '^-?[0-9]{1,9}$' THEN (j.output->>'errcode')::integer END,
           left(j.output->>'message', 500), left(j.output->>'en', 500),
           COALESCE(j.output->>'paused' = 'true', false), j.created_on, now()
      FROM pgboss.job j JOIN "Tenant" t ON t."id"::text = j.data->>'tenantId'
     WHERE j.name IN ('wecom-sync', 'wecom-status') AND j.data ? 'kind'
       AND j.state::text IN ('created', 'retry', 'active', 'failed');
  END IF;
END $$;
