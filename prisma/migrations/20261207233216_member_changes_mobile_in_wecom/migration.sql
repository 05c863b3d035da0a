-- AlterTable
ALTER TABLE "MemberWecom" ADD COLUMN     "mobileByMemberAt" TIMESTAMPTZ(3);
