-- CreateEnum
CREATE TYPE "CodePurpose" AS ENUM ('BIND_PHONE', 'CHANGE_PHONE', 'RESET_PASSWORD', 'ACTIVATE_PHONE', 'ACTIVATE_EMAIL');

-- CreateEnum
CREATE TYPE "CodeChannel" AS ENUM ('SMS', 'EMAIL');

-- CreateTable
CREATE TABLE "CodePolicy" (
    "tenantId" UUID NOT NULL,
    "length" INTEGER NOT NULL DEFAULT 6,
    "ttlSeconds" INTEGER NOT NULL DEFAULT 300,
    "maxAttempts" INTEGER NOT NULL DEFAULT 5,
    "resendSeconds" INTEGER NOT NULL DEFAULT 60,
    "dailyCapPerDestination" INTEGER NOT NULL DEFAULT 10,
    "dailyCapPerAddress" INTEGER NOT NULL DEFAULT 30,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CodePolicy_pkey" PRIMARY KEY ("tenantId")
);

-- CreateTable
CREATE TABLE "VerificationCode" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "purpose" "CodePurpose" NOT NULL,
    "channel" "CodeChannel" NOT NULL,
    "destination" VARCHAR(254) NOT NULL,
    "memberId" UUID,
    "codeHash" VARCHAR(43) NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "maxAttempts" INTEGER NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "consumedAt" TIMESTAMPTZ(3),
    "supersededAt" TIMESTAMPTZ(3),
    "ip" VARCHAR(64),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VerificationCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "channel" "CodeChannel" NOT NULL,
    "destination" VARCHAR(254) NOT NULL,
    "purpose" "CodePurpose" NOT NULL,
    "text" VARCHAR(2000) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "VerificationCode_tenantId_purpose_destination_idx" ON "VerificationCode"("tenantId", "purpose", "destination");

-- CreateIndex
CREATE INDEX "VerificationCode_tenantId_memberId_idx" ON "VerificationCode"("tenantId", "memberId");

-- CreateIndex
CREATE INDEX "VerificationCode_createdAt_idx" ON "VerificationCode"("createdAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_tenantId_createdAt_idx" ON "OutboxMessage"("tenantId", "createdAt");

-- AddForeignKey
ALTER TABLE "CodePolicy" ADD CONSTRAINT "CodePolicy_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VerificationCode" ADD CONSTRAINT "VerificationCode_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VerificationCode" ADD CONSTRAINT "VerificationCode_tenantId_memberId_fkey" FOREIGN KEY ("tenantId", "memberId") REFERENCES "Member"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboxMessage" ADD CONSTRAINT "OutboxMessage_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Written by hand from here on (Prisma cannot express these).

-- Every school keeps the code policy it had: one row per tenant, from the columns about to be
-- dropped. Those columns had no constraints, so each value is brought into the range the new
-- CHECKs allow (a lifetime to whole minutes, since the SMS says "valid for N minutes"; the resend
-- interval within the lifetime) rather than failing the migration on one odd value.
INSERT INTO "CodePolicy" ("tenantId", "length", "ttlSeconds", "maxAttempts", "resendSeconds", "dailyCapPerDestination", "updatedAt")
SELECT t."id",
       LEAST(GREATEST(t."codeLength", 4), 6),
       p."ttl",
       LEAST(GREATEST(t."codeMaxAttempts", 1), 10),
       LEAST(GREATEST(t."codeResendSeconds", 30), 600, p."ttl"),
       LEAST(GREATEST(t."codeDailyCap", 1), 100),
       now()
FROM "Tenant" t
CROSS JOIN LATERAL (SELECT (LEAST(GREATEST(t."codeTtlSeconds", 60), 1800) / 60) * 60 AS "ttl") p;

-- AlterTable
ALTER TABLE "Tenant" DROP COLUMN "codeDailyCap",
DROP COLUMN "codeLength",
DROP COLUMN "codeMaxAttempts",
DROP COLUMN "codeResendSeconds",
DROP COLUMN "codeTtlSeconds";

-- The policy's ranges; src/server/codes/policy.ts (CODE_POLICY_BOUNDS) holds the same numbers for the form.
ALTER TABLE "CodePolicy" ADD CONSTRAINT "CodePolicy_length_range" CHECK ("length" BETWEEN 4 AND 6);
ALTER TABLE "CodePolicy" ADD CONSTRAINT "CodePolicy_ttl_range" CHECK ("ttlSeconds" BETWEEN 60 AND 1800 AND "ttlSeconds" % 60 = 0);
ALTER TABLE "CodePolicy" ADD CONSTRAINT "CodePolicy_attempts_range" CHECK ("maxAttempts" BETWEEN 1 AND 10);
ALTER TABLE "CodePolicy" ADD CONSTRAINT "CodePolicy_resend_range" CHECK ("resendSeconds" BETWEEN 30 AND 600 AND "resendSeconds" <= "ttlSeconds");
ALTER TABLE "CodePolicy" ADD CONSTRAINT "CodePolicy_destination_cap_range" CHECK ("dailyCapPerDestination" BETWEEN 1 AND 100);
ALTER TABLE "CodePolicy" ADD CONSTRAINT "CodePolicy_address_cap_range" CHECK ("dailyCapPerAddress" BETWEEN 1 AND 100000);

-- A phone in E.164, an e-mail address in lower case: the forms the caps and the lookups compare.
ALTER TABLE "VerificationCode" ADD CONSTRAINT "VerificationCode_destination_format" CHECK (
  ("channel" = 'SMS' AND "destination" ~ '^\+[1-9][0-9]{6,14}$')
  OR ("channel" = 'EMAIL' AND "destination" = lower("destination") AND "destination" ~ '^[^@[:space:]]+@[^@[:space:]]+$'));
-- Only the keyed hash: 32 bytes in base64url. Never a code of digits.
ALTER TABLE "VerificationCode" ADD CONSTRAINT "VerificationCode_codeHash_format" CHECK ("codeHash" ~ '^[A-Za-z0-9_-]{43}$');
-- Two wrong tries at once cannot both slip past the limit: the attempt that would exceed it fails.
ALTER TABLE "VerificationCode" ADD CONSTRAINT "VerificationCode_attempts_range" CHECK ("maxAttempts" BETWEEN 1 AND 10 AND "attempts" BETWEEN 0 AND "maxAttempts");
ALTER TABLE "VerificationCode" ADD CONSTRAINT "VerificationCode_used_or_superseded" CHECK ("consumedAt" IS NULL OR "supersededAt" IS NULL);
ALTER TABLE "VerificationCode" ADD CONSTRAINT "VerificationCode_expires_after_creation" CHECK ("expiresAt" > "createdAt");

-- At most one live code per (school, purpose, destination, member): a newer code supersedes the
-- older one in the same transaction, and two sends racing past every other check cannot both
-- leave a live code. COALESCE because a forgot-password code has no member and NULLs never collide.
CREATE UNIQUE INDEX "VerificationCode_live_key" ON "VerificationCode" (
  "tenantId", "purpose", "destination", COALESCE("memberId", '00000000-0000-0000-0000-000000000000'::uuid))
  WHERE "consumedAt" IS NULL AND "supersededAt" IS NULL;

ALTER TABLE "OutboxMessage" ADD CONSTRAINT "OutboxMessage_destination_format" CHECK (
  ("channel" = 'SMS' AND "destination" ~ '^\+[1-9][0-9]{6,14}$')
  OR ("channel" = 'EMAIL' AND "destination" = lower("destination") AND "destination" ~ '^[^@[:space:]]+@[^@[:space:]]+$'));
ALTER TABLE "OutboxMessage" ADD CONSTRAINT "OutboxMessage_text_present" CHECK (length("text") > 0);
