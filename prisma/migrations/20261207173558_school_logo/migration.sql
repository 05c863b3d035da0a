-- AlterTable
ALTER TABLE "Tenant" DROP COLUMN "logoUrl";

-- CreateTable
CREATE TABLE "SchoolLogo" (
    "tenantId" UUID NOT NULL,
    "image" BYTEA NOT NULL,
    "contentType" VARCHAR(20) NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SchoolLogo_pkey" PRIMARY KEY ("tenantId")
);

-- AddForeignKey
ALTER TABLE "SchoolLogo" ADD CONSTRAINT "SchoolLogo_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Only what the upload admits (branding/logo.ts), so no other path can store an SVG or an oversize file.
ALTER TABLE "SchoolLogo" ADD CONSTRAINT "SchoolLogo_type" CHECK ("contentType" IN ('image/png', 'image/jpeg'));
ALTER TABLE "SchoolLogo" ADD CONSTRAINT "SchoolLogo_size" CHECK (octet_length("image") BETWEEN 1 AND 524288);
ALTER TABLE "SchoolLogo" ADD CONSTRAINT "SchoolLogo_sha256" CHECK ("sha256" ~ '^[0-9a-f]{64}$');
