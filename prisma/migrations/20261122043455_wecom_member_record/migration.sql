-- CreateEnum
CREATE TYPE "WecomState" AS ENUM ('ACTIVATED', 'DISABLED', 'NOT_ACTIVATED', 'LEFT', 'UNSUBSCRIBED', 'NOT_IN_WECOM', 'OUT_OF_RANGE');

-- CreateEnum
CREATE TYPE "WecomStateSource" AS ENUM ('SYNC', 'CALLBACK', 'POLL', 'RECONCILE');

-- AlterTable
ALTER TABLE "Member" DROP COLUMN "wecomStatus",
DROP COLUMN "wecomSyncedAt";

-- CreateTable
CREATE TABLE "MemberWecom" (
    "memberId" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "writtenAt" TIMESTAMPTZ(3),
    "name" VARCHAR(100),
    "mobile" VARCHAR(32),
    "email" VARCHAR(254),
    "state" "WecomState",
    "stateAt" TIMESTAMPTZ(3),
    "stateSource" "WecomStateSource",
    "rejoinConsentAt" TIMESTAMPTZ(3),
    "rejoinConsentBy" VARCHAR(64),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MemberWecom_pkey" PRIMARY KEY ("memberId")
);

-- CreateIndex
CREATE INDEX "MemberWecom_tenantId_mobile_idx" ON "MemberWecom"("tenantId", "mobile");

-- CreateIndex
CREATE UNIQUE INDEX "MemberWecom_tenantId_memberId_key" ON "MemberWecom"("tenantId", "memberId");

-- CreateIndex
CREATE UNIQUE INDEX "Member_tenantId_id_key" ON "Member"("tenantId", "id");

-- AddForeignKey
ALTER TABLE "MemberWecom" ADD CONSTRAINT "MemberWecom_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MemberWecom" ADD CONSTRAINT "MemberWecom_tenantId_memberId_fkey" FOREIGN KEY ("tenantId", "memberId") REFERENCES "Member"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
