-- CreateEnum
CREATE TYPE "BindingChannel" AS ENUM ('PHONE', 'EMAIL');

-- CreateEnum
CREATE TYPE "BindingConfirmation" AS ENUM ('DIRECTORY', 'CODE', 'UNCONFIRMED');

-- CreateEnum
CREATE TYPE "HelpdeskCaseKind" AS ENUM ('PHONE_ALREADY_EXISTS', 'WECOM_SYNC_FAILED');

-- CreateEnum
CREATE TYPE "HelpdeskCaseStatus" AS ENUM ('OPEN', 'RESOLVED');

-- AlterEnum
ALTER TYPE "CodePurpose" ADD VALUE 'BIND_EMAIL';

-- AlterTable
ALTER TABLE "PhonePolicy" ADD COLUMN     "allowEmail" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "confirmNewByCode" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "PhoneBinding" (
    "memberId" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "channel" "BindingChannel" NOT NULL,
    "value" VARCHAR(254) NOT NULL,
    "confirmedBy" "BindingConfirmation" NOT NULL,
    "boundAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PhoneBinding_pkey" PRIMARY KEY ("memberId")
);

-- CreateTable
CREATE TABLE "HelpdeskCase" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "kind" "HelpdeskCaseKind" NOT NULL,
    "value" VARCHAR(254),
    "valueDisplay" VARCHAR(254),
    "findings" JSONB NOT NULL DEFAULT '{}',
    "note" VARCHAR(500) NOT NULL DEFAULT '',
    "status" "HelpdeskCaseStatus" NOT NULL DEFAULT 'OPEN',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMPTZ(3),
    "resolvedBy" VARCHAR(64),

    CONSTRAINT "HelpdeskCase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WecomJoinQr" (
    "tenantId" UUID NOT NULL,
    "url" VARCHAR(1000) NOT NULL,
    "image" BYTEA NOT NULL,
    "contentType" VARCHAR(40) NOT NULL,
    "fetchedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "WecomJoinQr_pkey" PRIMARY KEY ("tenantId")
);

-- CreateIndex
CREATE UNIQUE INDEX "PhoneBinding_tenantId_memberId_key" ON "PhoneBinding"("tenantId", "memberId");

-- CreateIndex
CREATE UNIQUE INDEX "PhoneBinding_tenantId_value_key" ON "PhoneBinding"("tenantId", "value");

-- CreateIndex
CREATE INDEX "HelpdeskCase_tenantId_status_createdAt_idx" ON "HelpdeskCase"("tenantId", "status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "HelpdeskCase_tenantId_id_key" ON "HelpdeskCase"("tenantId", "id");

-- AddForeignKey
ALTER TABLE "PhoneBinding" ADD CONSTRAINT "PhoneBinding_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PhoneBinding" ADD CONSTRAINT "PhoneBinding_tenantId_memberId_fkey" FOREIGN KEY ("tenantId", "memberId") REFERENCES "Member"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HelpdeskCase" ADD CONSTRAINT "HelpdeskCase_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HelpdeskCase" ADD CONSTRAINT "HelpdeskCase_tenantId_memberId_fkey" FOREIGN KEY ("tenantId", "memberId") REFERENCES "Member"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WecomJoinQr" ADD CONSTRAINT "WecomJoinQr_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Written by hand from here on (Prisma cannot express these).

-- What a binding holds, in the forms the lookups compare: a phone in E.164, an address in lower case.
ALTER TABLE "PhoneBinding" ADD CONSTRAINT "PhoneBinding_value_format" CHECK (
  ("channel" = 'PHONE' AND "value" ~ '^\+[1-9][0-9]{6,14}$')
  OR ("channel" = 'EMAIL' AND "value" = lower("value") AND "value" ~ '^[^@[:space:]]+@[^@[:space:]]+$'));

-- A case is closed with when (and by whom), or open without.
ALTER TABLE "HelpdeskCase" ADD CONSTRAINT "HelpdeskCase_resolution" CHECK (("status" = 'RESOLVED') = ("resolvedAt" IS NOT NULL));

-- At most one open case per member, kind and value: pressing 【提交给运维老师】 twice, or from two
-- tabs at once, files one case. COALESCE because a case may name no value and NULLs never collide.
CREATE UNIQUE INDEX "HelpdeskCase_open_key" ON "HelpdeskCase" ("tenantId", "memberId", "kind", COALESCE("value", ''))
  WHERE "status" = 'OPEN';
