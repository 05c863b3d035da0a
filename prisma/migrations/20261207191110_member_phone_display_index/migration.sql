-- CreateIndex
CREATE INDEX "Member_tenantId_phoneDisplay_idx" ON "Member"("tenantId", "phoneDisplay");
