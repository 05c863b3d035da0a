-- AlterTable
ALTER TABLE "IdentityProviderSettings" ADD COLUMN     "lastTestAt" TIMESTAMPTZ(3),
ADD COLUMN     "lastTestOk" BOOLEAN;

-- AlterTable
ALTER TABLE "WecomConnection" ADD COLUMN     "lastTestAt" TIMESTAMPTZ(3),
ADD COLUMN     "lastTestChecks" JSONB;
