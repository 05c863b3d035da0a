-- AlterTable
ALTER TABLE "MemberWecom" ADD COLUMN     "verificationSeenAt" TIMESTAMPTZ(3);
