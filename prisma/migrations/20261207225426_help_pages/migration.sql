-- CreateTable
CREATE TABLE "HelpPage" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "slug" VARCHAR(60) NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "titleZh" VARCHAR(120) NOT NULL,
    "titleEn" VARCHAR(200) NOT NULL DEFAULT '',
    "bodyZh" TEXT NOT NULL DEFAULT '',
    "bodyEn" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "HelpPage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SchoolContacts" (
    "tenantId" UUID NOT NULL,
    "phone" VARCHAR(40) NOT NULL DEFAULT '',
    "email" VARCHAR(120) NOT NULL DEFAULT '',
    "hoursZh" VARCHAR(200) NOT NULL DEFAULT '',
    "hoursEn" VARCHAR(200) NOT NULL DEFAULT '',
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SchoolContacts_pkey" PRIMARY KEY ("tenantId")
);

-- CreateIndex
CREATE INDEX "HelpPage_tenantId_position_idx" ON "HelpPage"("tenantId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "HelpPage_tenantId_id_key" ON "HelpPage"("tenantId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "HelpPage_tenantId_slug_key" ON "HelpPage"("tenantId", "slug");

-- AddForeignKey
ALTER TABLE "HelpPage" ADD CONSTRAINT "HelpPage_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SchoolContacts" ADD CONSTRAINT "SchoolContacts_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The address of a page (/help/<slug>): lower-case letters, digits and single hyphens, so a slug never
-- needs escaping in a link and two spellings of one page cannot both exist.
ALTER TABLE "HelpPage" ADD CONSTRAINT "HelpPage_slug_format" CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$');
-- A page is read inside WeChat on a phone: 20,000 characters a language is a long manual already.
ALTER TABLE "HelpPage" ADD CONSTRAINT "HelpPage_body_length" CHECK (char_length("bodyZh") <= 20000 AND char_length("bodyEn") <= 20000);
