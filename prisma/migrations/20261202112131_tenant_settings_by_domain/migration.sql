-- Settings move from the wide Tenant row to one 1:1 table per domain. The
-- tables are made, every school's values copied into them, and only then are
-- Tenant's columns dropped. Sealed secrets move as they are: they stay sealed
-- with the context of their first home (Tenant.<column>), see crypto/secrets.ts.

-- CreateEnum
CREATE TYPE "CasVersion" AS ENUM ('CAS2', 'CAS3');

-- AlterTable
ALTER TABLE "IdentityKind" ADD COLUMN     "providerKind" "IdentityProviderKind";

-- CreateTable
CREATE TABLE "IdentityProviderSettings" (
    "tenantId" UUID NOT NULL,
    "kind" "IdentityProviderKind" NOT NULL DEFAULT 'BUILTIN',
    "casBaseUrl" VARCHAR(300),
    "casVersion" "CasVersion" NOT NULL DEFAULT 'CAS3',
    "oidcIssuer" VARCHAR(300),
    "oidcClientId" VARCHAR(200),
    "oidcClientSecretEnc" TEXT,
    "accountAttribute" VARCHAR(100) NOT NULL DEFAULT '',
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "IdentityProviderSettings_pkey" PRIMARY KEY ("tenantId")
);

-- CreateTable
CREATE TABLE "LockoutPolicy" (
    "tenantId" UUID NOT NULL,
    "maxAttempts" INTEGER NOT NULL DEFAULT 6,
    "lockMinutes" INTEGER NOT NULL DEFAULT 30,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "LockoutPolicy_pkey" PRIMARY KEY ("tenantId")
);

-- CreateTable
CREATE TABLE "PhonePolicy" (
    "tenantId" UUID NOT NULL,
    "allowForeign" BOOLEAN NOT NULL DEFAULT true,
    "requireWechatMatch" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PhonePolicy_pkey" PRIMARY KEY ("tenantId")
);

-- CreateTable
CREATE TABLE "PasswordPolicy" (
    "tenantId" UUID NOT NULL,
    "initialPasswordRule" "InitialPasswordRule" NOT NULL DEFAULT 'NONE',
    "mustChangeInitial" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PasswordPolicy_pkey" PRIMARY KEY ("tenantId")
);

-- CreateTable
CREATE TABLE "WecomConnection" (
    "tenantId" UUID NOT NULL,
    "apiBaseUrl" VARCHAR(300) NOT NULL DEFAULT 'https://qyapi.weixin.qq.com',
    "corpId" VARCHAR(64),
    "agentId" INTEGER,
    "appSecretEnc" TEXT,
    "contactSecretEnc" TEXT,
    "callbackTokenEnc" TEXT,
    "callbackAesKeyEnc" TEXT,
    "assistantAppName" VARCHAR(50) NOT NULL DEFAULT '身份认证小助手',
    "secondVerification" BOOLEAN NOT NULL DEFAULT false,
    "authFailedAt" TIMESTAMPTZ(3),
    "authFailure" VARCHAR(64),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "WecomConnection_pkey" PRIMARY KEY ("tenantId")
);

-- AddForeignKey
ALTER TABLE "IdentityProviderSettings" ADD CONSTRAINT "IdentityProviderSettings_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LockoutPolicy" ADD CONSTRAINT "LockoutPolicy_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PhonePolicy" ADD CONSTRAINT "PhonePolicy_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PasswordPolicy" ADD CONSTRAINT "PasswordPolicy_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WecomConnection" ADD CONSTRAINT "WecomConnection_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Every school keeps what it had set.
INSERT INTO "IdentityProviderSettings" ("tenantId", "kind", "casBaseUrl", "oidcIssuer", "oidcClientId", "oidcClientSecretEnc", "updatedAt")
SELECT "id", "idpKind", NULLIF("idpConfig"->>'casBaseUrl', ''), NULLIF("idpConfig"->>'oidcIssuer', ''),
       NULLIF("idpConfig"->>'oidcClientId', ''), "idpSecretEnc", CURRENT_TIMESTAMP
  FROM "Tenant";
INSERT INTO "LockoutPolicy" ("tenantId", "maxAttempts", "lockMinutes", "updatedAt")
SELECT "id", "lockoutMaxAttempts", "lockoutMinutes", CURRENT_TIMESTAMP FROM "Tenant";
INSERT INTO "PhonePolicy" ("tenantId", "allowForeign", "requireWechatMatch", "updatedAt")
SELECT "id", "allowForeignPhones", "requireWechatPhoneMatch", CURRENT_TIMESTAMP FROM "Tenant";
INSERT INTO "PasswordPolicy" ("tenantId", "initialPasswordRule", "mustChangeInitial", "updatedAt")
SELECT "id", "initialPasswordRule", "mustChangeInitialPassword", CURRENT_TIMESTAMP FROM "Tenant";
INSERT INTO "WecomConnection" ("tenantId", "apiBaseUrl", "corpId", "agentId", "appSecretEnc", "contactSecretEnc", "callbackTokenEnc",
                               "callbackAesKeyEnc", "assistantAppName", "secondVerification", "authFailedAt", "authFailure", "updatedAt")
SELECT "id", "wecomApiBaseUrl", "wecomCorpId", "wecomAgentId", "wecomSecretEnc", "wecomContactSecretEnc", "wecomCallbackTokenEnc",
       "wecomCallbackAesKeyEnc", "assistantAppName", "secondVerification", "wecomAuthFailedAt", "wecomAuthFailure", CURRENT_TIMESTAMP
  FROM "Tenant";

-- AlterTable
ALTER TABLE "Tenant" DROP COLUMN "allowForeignPhones",
DROP COLUMN "assistantAppName",
DROP COLUMN "idpConfig",
DROP COLUMN "idpKind",
DROP COLUMN "idpSecretEnc",
DROP COLUMN "initialPasswordRule",
DROP COLUMN "lockoutMaxAttempts",
DROP COLUMN "lockoutMinutes",
DROP COLUMN "mustChangeInitialPassword",
DROP COLUMN "requireWechatPhoneMatch",
DROP COLUMN "secondVerification",
DROP COLUMN "wecomAgentId",
DROP COLUMN "wecomApiBaseUrl",
DROP COLUMN "wecomAuthFailedAt",
DROP COLUMN "wecomAuthFailure",
DROP COLUMN "wecomCallbackAesKeyEnc",
DROP COLUMN "wecomCallbackTokenEnc",
DROP COLUMN "wecomContactSecretEnc",
DROP COLUMN "wecomCorpId",
DROP COLUMN "wecomSecretEnc";

-- Rules two admins saving at once could otherwise both break.
ALTER TABLE "LockoutPolicy" ADD CONSTRAINT "LockoutPolicy_bounds" CHECK ("maxAttempts" BETWEEN 1 AND 100 AND "lockMinutes" BETWEEN 1 AND 1440);
ALTER TABLE "WecomConnection" ADD CONSTRAINT "WecomConnection_agentId_positive" CHECK ("agentId" IS NULL OR "agentId" > 0);
