-- AlterTable
ALTER TABLE "TenantAdmin" ADD COLUMN     "inviteExpiresAt" TIMESTAMPTZ(3),
ADD COLUMN     "inviteTokenHash" VARCHAR(64);

-- CreateIndex
CREATE UNIQUE INDEX "TenantAdmin_inviteTokenHash_key" ON "TenantAdmin"("inviteTokenHash");
