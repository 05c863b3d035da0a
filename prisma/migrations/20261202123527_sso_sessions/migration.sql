-- CreateTable
CREATE TABLE "SsoSession" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "protocol" "IdentityProviderKind" NOT NULL,
    "casTicketHash" VARCHAR(64),
    "idTokenEnc" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "endedAt" TIMESTAMPTZ(3),

    CONSTRAINT "SsoSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CasTicketUse" (
    "tenantId" UUID NOT NULL,
    "ticketHash" VARCHAR(64) NOT NULL,
    "usedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CasTicketUse_pkey" PRIMARY KEY ("tenantId","ticketHash")
);

-- CreateIndex
CREATE INDEX "SsoSession_tenantId_memberId_idx" ON "SsoSession"("tenantId", "memberId");

-- CreateIndex
CREATE INDEX "SsoSession_expiresAt_idx" ON "SsoSession"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "SsoSession_tenantId_casTicketHash_key" ON "SsoSession"("tenantId", "casTicketHash");

-- CreateIndex
CREATE INDEX "CasTicketUse_usedAt_idx" ON "CasTicketUse"("usedAt");

-- AddForeignKey
ALTER TABLE "SsoSession" ADD CONSTRAINT "SsoSession_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SsoSession" ADD CONSTRAINT "SsoSession_tenantId_memberId_fkey" FOREIGN KEY ("tenantId", "memberId") REFERENCES "Member"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CasTicketUse" ADD CONSTRAINT "CasTicketUse_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Only the school's own servers make these sessions; a CAS ticket hash only on a CAS session, an id_token only
-- on an OIDC one; a ticket hash is 64 hex digits (HMAC-SHA256), never a ticket.
ALTER TABLE "SsoSession" ADD CONSTRAINT "SsoSession_protocol_check" CHECK ("protocol" IN ('CAS', 'OIDC'));
ALTER TABLE "SsoSession" ADD CONSTRAINT "SsoSession_cas_ticket_check" CHECK ("casTicketHash" IS NULL OR ("protocol" = 'CAS' AND "casTicketHash" ~ '^[0-9a-f]{64}$'));
ALTER TABLE "SsoSession" ADD CONSTRAINT "SsoSession_id_token_check" CHECK ("idTokenEnc" IS NULL OR "protocol" = 'OIDC');
ALTER TABLE "SsoSession" ADD CONSTRAINT "SsoSession_expiry_check" CHECK ("expiresAt" > "createdAt");
ALTER TABLE "CasTicketUse" ADD CONSTRAINT "CasTicketUse_hash_check" CHECK ("ticketHash" ~ '^[0-9a-f]{64}$');
