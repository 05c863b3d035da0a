-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "TenantStatus" AS ENUM ('ACTIVE', 'SUSPENDED');

-- CreateEnum
CREATE TYPE "IdentityProviderKind" AS ENUM ('BUILTIN', 'CAS', 'OIDC');

-- CreateEnum
CREATE TYPE "InitialPasswordRule" AS ENUM ('NONE', 'ID_NUMBER_LAST8');

-- CreateEnum
CREATE TYPE "AdminRole" AS ENUM ('ADMIN', 'HELPDESK');

-- CreateTable
CREATE TABLE "Tenant" (
    "id" UUID NOT NULL,
    "slug" VARCHAR(63) NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "nameEn" VARCHAR(200) NOT NULL DEFAULT '',
    "primaryColor" VARCHAR(7) NOT NULL DEFAULT '#1d4ed8',
    "accentColor" VARCHAR(7) NOT NULL DEFAULT '#f59e0b',
    "logoUrl" VARCHAR(500),
    "status" "TenantStatus" NOT NULL DEFAULT 'ACTIVE',
    "idpKind" "IdentityProviderKind" NOT NULL DEFAULT 'BUILTIN',
    "idpConfig" JSONB NOT NULL DEFAULT '{}',
    "idpSecretEnc" TEXT,
    "lockoutMaxAttempts" INTEGER NOT NULL DEFAULT 6,
    "lockoutMinutes" INTEGER NOT NULL DEFAULT 30,
    "allowForeignPhones" BOOLEAN NOT NULL DEFAULT true,
    "requireWechatPhoneMatch" BOOLEAN NOT NULL DEFAULT false,
    "codeLength" INTEGER NOT NULL DEFAULT 6,
    "codeTtlSeconds" INTEGER NOT NULL DEFAULT 300,
    "codeMaxAttempts" INTEGER NOT NULL DEFAULT 5,
    "codeResendSeconds" INTEGER NOT NULL DEFAULT 60,
    "codeDailyCap" INTEGER NOT NULL DEFAULT 10,
    "initialPasswordRule" "InitialPasswordRule" NOT NULL DEFAULT 'NONE',
    "mustChangeInitialPassword" BOOLEAN NOT NULL DEFAULT false,
    "secondVerification" BOOLEAN NOT NULL DEFAULT false,
    "wecomCorpId" VARCHAR(64),
    "wecomAgentId" INTEGER,
    "wecomSecretEnc" TEXT,
    "wecomApiBaseUrl" VARCHAR(300) NOT NULL DEFAULT 'https://qyapi.weixin.qq.com',
    "assistantAppName" VARCHAR(50) NOT NULL DEFAULT '身份认证小助手',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Tenant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TenantDomain" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "domain" VARCHAR(253) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TenantDomain_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdentityKind" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "code" VARCHAR(32) NOT NULL,
    "nameZh" VARCHAR(50) NOT NULL,
    "nameEn" VARCHAR(100) NOT NULL,
    "apps" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "IdentityKind_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Member" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "account" VARCHAR(64) NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "identityKindId" UUID NOT NULL,
    "department" VARCHAR(200) NOT NULL DEFAULT '',
    "phone" VARCHAR(20),
    "phoneDisplay" VARCHAR(24),
    "email" VARCHAR(254),
    "idType" VARCHAR(32),
    "idNumberEnc" TEXT,
    "idNumberHash" VARCHAR(64),
    "passwordHash" TEXT,
    "mustChangePassword" BOOLEAN NOT NULL DEFAULT false,
    "failedLoginCount" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMPTZ(3),
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "profile" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Member_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TenantAdmin" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "username" VARCHAR(64) NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "role" "AdminRole" NOT NULL DEFAULT 'ADMIN',
    "passwordHash" TEXT NOT NULL,
    "failedLoginCount" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMPTZ(3),
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "TenantAdmin_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VendorAdmin" (
    "id" UUID NOT NULL,
    "username" VARCHAR(64) NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "failedLoginCount" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMPTZ(3),
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "VendorAdmin_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" UUID NOT NULL,
    "tenantId" UUID,
    "actorKind" VARCHAR(16) NOT NULL,
    "actorId" VARCHAR(64),
    "action" VARCHAR(64) NOT NULL,
    "target" VARCHAR(200),
    "detail" JSONB NOT NULL DEFAULT '{}',
    "ip" VARCHAR(64),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Tenant_slug_key" ON "Tenant"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "TenantDomain_domain_key" ON "TenantDomain"("domain");

-- CreateIndex
CREATE INDEX "TenantDomain_tenantId_idx" ON "TenantDomain"("tenantId");

-- CreateIndex
CREATE UNIQUE INDEX "IdentityKind_tenantId_code_key" ON "IdentityKind"("tenantId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "IdentityKind_tenantId_id_key" ON "IdentityKind"("tenantId", "id");

-- CreateIndex
CREATE INDEX "Member_tenantId_name_idx" ON "Member"("tenantId", "name");

-- CreateIndex
CREATE INDEX "Member_tenantId_idNumberHash_idx" ON "Member"("tenantId", "idNumberHash");

-- CreateIndex
CREATE UNIQUE INDEX "Member_tenantId_account_key" ON "Member"("tenantId", "account");

-- CreateIndex
CREATE UNIQUE INDEX "Member_tenantId_phone_key" ON "Member"("tenantId", "phone");

-- CreateIndex
CREATE UNIQUE INDEX "TenantAdmin_tenantId_username_key" ON "TenantAdmin"("tenantId", "username");

-- CreateIndex
CREATE UNIQUE INDEX "VendorAdmin_username_key" ON "VendorAdmin"("username");

-- CreateIndex
CREATE INDEX "AuditLog_tenantId_createdAt_idx" ON "AuditLog"("tenantId", "createdAt");

-- AddForeignKey
ALTER TABLE "TenantDomain" ADD CONSTRAINT "TenantDomain_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdentityKind" ADD CONSTRAINT "IdentityKind_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Member" ADD CONSTRAINT "Member_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Member" ADD CONSTRAINT "Member_tenantId_identityKindId_fkey" FOREIGN KEY ("tenantId", "identityKindId") REFERENCES "IdentityKind"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TenantAdmin" ADD CONSTRAINT "TenantAdmin_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Rules Prisma cannot express.
ALTER TABLE "Tenant" ADD CONSTRAINT "Tenant_slug_format" CHECK ("slug" ~ '^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$');
ALTER TABLE "Tenant" ADD CONSTRAINT "Tenant_lockout_positive" CHECK ("lockoutMaxAttempts" > 0 AND "lockoutMinutes" > 0);
ALTER TABLE "Member" ADD CONSTRAINT "Member_phone_e164" CHECK ("phone" IS NULL OR "phone" ~ '^\+[1-9][0-9]{6,14}$');
