-- AlterEnum
ALTER TYPE "TenantStatus" ADD VALUE 'DELETED';

-- DropForeignKey
ALTER TABLE "AuditLog" DROP CONSTRAINT "AuditLog_tenantId_fkey";

-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "deletedAt" TIMESTAMPTZ(3),
ADD COLUMN     "statusBeforeDelete" "TenantStatus";

-- CreateIndex
CREATE INDEX "AuditLog_actorKind_createdAt_idx" ON "AuditLog"("actorKind", "createdAt");

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE SET NULL ON UPDATE CASCADE;
