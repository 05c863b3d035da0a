-- AlterTable
ALTER TABLE "TenantDomain" ADD COLUMN     "checkFound" VARCHAR(500),
ADD COLUMN     "checkOk" BOOLEAN,
ADD COLUMN     "checkedAt" TIMESTAMPTZ(3);
