-- CreateTable
CREATE TABLE "PrivateOrigin" (
    "id" UUID NOT NULL,
    "origin" VARCHAR(300) NOT NULL,
    "note" VARCHAR(200) NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PrivateOrigin_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PrivateOrigin_origin_key" ON "PrivateOrigin"("origin");

-- AddForeignKey
ALTER TABLE "PrivateOrigin" ADD CONSTRAINT "PrivateOrigin_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "VendorAdmin"("id") ON DELETE SET NULL ON UPDATE CASCADE;
