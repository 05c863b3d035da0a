-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "wecomCallbackAesKeyEnc" TEXT,
ADD COLUMN     "wecomCallbackTokenEnc" TEXT,
ADD COLUMN     "wecomContactSecretEnc" TEXT;

-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "wecomStatus" INTEGER,
ADD COLUMN     "wecomSyncedAt" TIMESTAMPTZ(3),
ADD COLUMN     "wecomUserId" VARCHAR(64);

-- CreateTable
CREATE TABLE "WecomToken" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "cacheKey" VARCHAR(100) NOT NULL,
    "tokenEnc" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "WecomToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WecomCallbackReceipt" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "dedupeKey" VARCHAR(200) NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WecomCallbackReceipt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "WecomToken_tenantId_cacheKey_key" ON "WecomToken"("tenantId", "cacheKey");

-- CreateIndex
CREATE INDEX "WecomCallbackReceipt_receivedAt_idx" ON "WecomCallbackReceipt"("receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "WecomCallbackReceipt_tenantId_dedupeKey_key" ON "WecomCallbackReceipt"("tenantId", "dedupeKey");

-- CreateIndex
CREATE UNIQUE INDEX "Member_tenantId_wecomUserId_key" ON "Member"("tenantId", "wecomUserId");

-- AddForeignKey
ALTER TABLE "WecomToken" ADD CONSTRAINT "WecomToken_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WecomCallbackReceipt" ADD CONSTRAINT "WecomCallbackReceipt_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Rules Prisma cannot express.
ALTER TABLE "Member" ADD CONSTRAINT "Member_wecomStatus_known" CHECK ("wecomStatus" IS NULL OR "wecomStatus" IN (1, 2, 4, 5));
ALTER TABLE "Member" ADD CONSTRAINT "Member_wecomUserId_format" CHECK ("wecomUserId" IS NULL OR "wecomUserId" ~ '^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$');
