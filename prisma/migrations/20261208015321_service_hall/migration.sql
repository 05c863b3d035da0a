-- CreateEnum
CREATE TYPE "ApplicationState" AS ENUM ('DRAFT', 'SUBMITTED', 'RETURNED', 'WITHDRAWN', 'APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "ApplicationEventKind" AS ENUM ('SUBMITTED', 'APPROVED', 'REJECTED', 'RETURNED', 'WITHDRAWN', 'RESUBMITTED', 'COMMENT');

-- CreateTable
CREATE TABLE "DepartmentRole" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "departmentId" UUID NOT NULL,
    "role" VARCHAR(32) NOT NULL,
    "memberId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DepartmentRole_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApproverGroup" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "code" VARCHAR(32) NOT NULL,
    "nameZh" VARCHAR(100) NOT NULL,
    "nameEn" VARCHAR(200) NOT NULL DEFAULT '',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApproverGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApproverGroupMember" (
    "tenantId" UUID NOT NULL,
    "groupId" UUID NOT NULL,
    "memberId" UUID NOT NULL,

    CONSTRAINT "ApproverGroupMember_pkey" PRIMARY KEY ("tenantId","groupId","memberId")
);

-- CreateTable
CREATE TABLE "Service" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "code" VARCHAR(60) NOT NULL,
    "nameZh" VARCHAR(60) NOT NULL,
    "nameEn" VARCHAR(120) NOT NULL DEFAULT '',
    "descriptionZh" VARCHAR(500) NOT NULL DEFAULT '',
    "descriptionEn" VARCHAR(1000) NOT NULL DEFAULT '',
    "icon" VARCHAR(32) NOT NULL DEFAULT 'form',
    "identityKinds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "departmentPrefixes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Service_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceVersion" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "serviceId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "fields" JSONB NOT NULL,
    "steps" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ServiceVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Application" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "serviceId" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "applicantId" UUID NOT NULL,
    "state" "ApplicationState" NOT NULL DEFAULT 'DRAFT',
    "step" INTEGER NOT NULL DEFAULT 0,
    "values" JSONB NOT NULL DEFAULT '{}',
    "version" INTEGER NOT NULL DEFAULT 0,
    "actedOn" BOOLEAN NOT NULL DEFAULT false,
    "submittedAt" TIMESTAMPTZ(3),
    "decidedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Application_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApplicationTask" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "step" INTEGER NOT NULL,
    "memberId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMPTZ(3),
    "decidedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ApplicationTask_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApplicationEvent" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "kind" "ApplicationEventKind" NOT NULL,
    "step" INTEGER,
    "actorId" UUID NOT NULL,
    "comment" VARCHAR(500) NOT NULL DEFAULT '',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApplicationEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DepartmentRole_tenantId_memberId_idx" ON "DepartmentRole"("tenantId", "memberId");

-- CreateIndex
CREATE UNIQUE INDEX "DepartmentRole_tenantId_id_key" ON "DepartmentRole"("tenantId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "DepartmentRole_tenantId_departmentId_role_memberId_key" ON "DepartmentRole"("tenantId", "departmentId", "role", "memberId");

-- CreateIndex
CREATE UNIQUE INDEX "ApproverGroup_tenantId_id_key" ON "ApproverGroup"("tenantId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "ApproverGroup_tenantId_code_key" ON "ApproverGroup"("tenantId", "code");

-- CreateIndex
CREATE INDEX "ApproverGroupMember_tenantId_memberId_idx" ON "ApproverGroupMember"("tenantId", "memberId");

-- CreateIndex
CREATE INDEX "Service_tenantId_active_sortOrder_idx" ON "Service"("tenantId", "active", "sortOrder");

-- CreateIndex
CREATE UNIQUE INDEX "Service_tenantId_id_key" ON "Service"("tenantId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Service_tenantId_code_key" ON "Service"("tenantId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "ServiceVersion_tenantId_id_key" ON "ServiceVersion"("tenantId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "ServiceVersion_tenantId_serviceId_number_key" ON "ServiceVersion"("tenantId", "serviceId", "number");

-- CreateIndex
CREATE INDEX "Application_tenantId_applicantId_updatedAt_idx" ON "Application"("tenantId", "applicantId", "updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Application_tenantId_id_key" ON "Application"("tenantId", "id");

-- CreateIndex
CREATE INDEX "ApplicationTask_tenantId_memberId_closedAt_idx" ON "ApplicationTask"("tenantId", "memberId", "closedAt");

-- CreateIndex
CREATE INDEX "ApplicationTask_tenantId_applicationId_idx" ON "ApplicationTask"("tenantId", "applicationId");

-- CreateIndex
CREATE UNIQUE INDEX "ApplicationTask_tenantId_id_key" ON "ApplicationTask"("tenantId", "id");

-- CreateIndex
CREATE INDEX "ApplicationEvent_tenantId_applicationId_createdAt_idx" ON "ApplicationEvent"("tenantId", "applicationId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ApplicationEvent_tenantId_id_key" ON "ApplicationEvent"("tenantId", "id");

-- AddForeignKey
ALTER TABLE "DepartmentRole" ADD CONSTRAINT "DepartmentRole_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DepartmentRole" ADD CONSTRAINT "DepartmentRole_tenantId_departmentId_fkey" FOREIGN KEY ("tenantId", "departmentId") REFERENCES "Department"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DepartmentRole" ADD CONSTRAINT "DepartmentRole_tenantId_memberId_fkey" FOREIGN KEY ("tenantId", "memberId") REFERENCES "Member"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApproverGroup" ADD CONSTRAINT "ApproverGroup_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApproverGroupMember" ADD CONSTRAINT "ApproverGroupMember_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApproverGroupMember" ADD CONSTRAINT "ApproverGroupMember_tenantId_groupId_fkey" FOREIGN KEY ("tenantId", "groupId") REFERENCES "ApproverGroup"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApproverGroupMember" ADD CONSTRAINT "ApproverGroupMember_tenantId_memberId_fkey" FOREIGN KEY ("tenantId", "memberId") REFERENCES "Member"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Service" ADD CONSTRAINT "Service_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceVersion" ADD CONSTRAINT "ServiceVersion_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceVersion" ADD CONSTRAINT "ServiceVersion_tenantId_serviceId_fkey" FOREIGN KEY ("tenantId", "serviceId") REFERENCES "Service"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_tenantId_serviceId_fkey" FOREIGN KEY ("tenantId", "serviceId") REFERENCES "Service"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_tenantId_versionId_fkey" FOREIGN KEY ("tenantId", "versionId") REFERENCES "ServiceVersion"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_tenantId_applicantId_fkey" FOREIGN KEY ("tenantId", "applicantId") REFERENCES "Member"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationTask" ADD CONSTRAINT "ApplicationTask_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationTask" ADD CONSTRAINT "ApplicationTask_tenantId_applicationId_fkey" FOREIGN KEY ("tenantId", "applicationId") REFERENCES "Application"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationTask" ADD CONSTRAINT "ApplicationTask_tenantId_memberId_fkey" FOREIGN KEY ("tenantId", "memberId") REFERENCES "Member"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationEvent" ADD CONSTRAINT "ApplicationEvent_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationEvent" ADD CONSTRAINT "ApplicationEvent_tenantId_applicationId_fkey" FOREIGN KEY ("tenantId", "applicationId") REFERENCES "Application"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationEvent" ADD CONSTRAINT "ApplicationEvent_tenantId_actorId_fkey" FOREIGN KEY ("tenantId", "actorId") REFERENCES "Member"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: what Prisma cannot express.
ALTER TABLE "DepartmentRole" ADD CONSTRAINT "DepartmentRole_role_format" CHECK ("role" ~ '^[a-z][a-z0-9_]*$');
ALTER TABLE "ApproverGroup" ADD CONSTRAINT "ApproverGroup_code_format" CHECK ("code" ~ '^[a-z][a-z0-9_]*$');
ALTER TABLE "Service" ADD CONSTRAINT "Service_code_format" CHECK ("code" ~ '^[a-z0-9]+(-[a-z0-9]+)*$');
ALTER TABLE "ServiceVersion" ADD CONSTRAINT "ServiceVersion_number_positive" CHECK ("number" >= 1);
ALTER TABLE "ServiceVersion" ADD CONSTRAINT "ServiceVersion_shapes" CHECK (
  jsonb_typeof("fields") = 'array' AND jsonb_typeof("steps") = 'array' AND jsonb_array_length("steps") >= 1
);
ALTER TABLE "Application" ADD CONSTRAINT "Application_step_nonnegative" CHECK ("step" >= 0);
ALTER TABLE "Application" ADD CONSTRAINT "Application_version_nonnegative" CHECK ("version" >= 0);
ALTER TABLE "Application" ADD CONSTRAINT "Application_values_object" CHECK (jsonb_typeof("values") = 'object');
-- A submitted application (in any state past a draft) says when it was submitted; a decided one when.
ALTER TABLE "Application" ADD CONSTRAINT "Application_submitted_at" CHECK (("state" = 'DRAFT') = ("submittedAt" IS NULL));
ALTER TABLE "Application" ADD CONSTRAINT "Application_decided_at" CHECK (("state" IN ('APPROVED', 'REJECTED')) = ("decidedAt" IS NOT NULL));
ALTER TABLE "ApplicationTask" ADD CONSTRAINT "ApplicationTask_step_nonnegative" CHECK ("step" >= 0);
ALTER TABLE "ApplicationTask" ADD CONSTRAINT "ApplicationTask_decided_closed" CHECK ("decidedAt" IS NULL OR "closedAt" IS NOT NULL);
-- One open task per approver and application (partial; its last column is an expression, which is how
-- tools/db tells a hand-written index from one schema.prisma must declare).
CREATE UNIQUE INDEX "ApplicationTask_open_key" ON "ApplicationTask" ("tenantId", "applicationId", "memberId", ("closedAt" IS NULL))
  WHERE "closedAt" IS NULL;
ALTER TABLE "ApplicationEvent" ADD CONSTRAINT "ApplicationEvent_comment_length" CHECK (char_length("comment") <= 500);

-- A version an application uses never changes (the service's change is a new version): applications
-- keep the form and chain they were made with.
CREATE FUNCTION "ServiceVersion_immutable_once_used"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "Application" a WHERE a."tenantId" = OLD."tenantId" AND a."versionId" = OLD."id") THEN
    RAISE EXCEPTION 'ServiceVersion % is used by an application and cannot change', OLD."id" USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "ServiceVersion_immutable_once_used" BEFORE UPDATE ON "ServiceVersion"
  FOR EACH ROW EXECUTE FUNCTION "ServiceVersion_immutable_once_used"();
