-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "wecomAuthFailedAt" TIMESTAMPTZ(3),
ADD COLUMN     "wecomAuthFailure" VARCHAR(64);

-- AlterTable
ALTER TABLE "VendorAdmin" ADD COLUMN     "totpLastStep" INTEGER,
ADD COLUMN     "totpSecretEnc" TEXT;

-- CreateTable
CREATE TABLE "RateLimit" (
    "key" VARCHAR(200) NOT NULL,
    "windowStart" TIMESTAMPTZ(3) NOT NULL,
    "hits" INTEGER NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "RateLimit_expiresAt_idx" ON "RateLimit"("expiresAt");

-- Written by hand (Prisma cannot express these).
-- WeCom userids are case-insensitive (T1001 and t1001 are one user, security review M7), and
-- the product uses the account as the userid: accounts are unique per school whatever their case,
-- and keep the userid pattern WeCom accepts.
CREATE UNIQUE INDEX "Member_tenantId_account_ci_key" ON "Member" ("tenantId", lower("account"));
ALTER TABLE "Member" ADD CONSTRAINT "Member_account_format" CHECK ("account" ~ '^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$');
