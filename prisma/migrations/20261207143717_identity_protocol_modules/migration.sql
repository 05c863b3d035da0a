-- AlterTable
ALTER TABLE "IdentityProviderSettings" ADD COLUMN     "oidcResponseMode" VARCHAR(16) NOT NULL DEFAULT 'query';

-- CreateTable
CREATE TABLE "IdentityCallbackPost" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "protocol" "IdentityProviderKind" NOT NULL,
    "fieldsEnc" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdentityCallbackPost_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "IdentityCallbackPost_createdAt_idx" ON "IdentityCallbackPost"("createdAt");

-- AddForeignKey
ALTER TABLE "IdentityCallbackPost" ADD CONSTRAINT "IdentityCallbackPost_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The response modes the platform speaks (identity/oidc/settings.ts).
ALTER TABLE "IdentityProviderSettings" ADD CONSTRAINT "IdentityProviderSettings_oidcResponseMode_check" CHECK ("oidcResponseMode" IN ('query', 'form_post'));
