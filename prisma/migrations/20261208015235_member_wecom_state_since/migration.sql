-- AlterTable
ALTER TABLE "MemberWecom" ADD COLUMN     "stateSince" TIMESTAMPTZ(3);

-- What is known: the state held at least since WeCom last said it.
UPDATE "MemberWecom" SET "stateSince" = "stateAt" WHERE "state" IS NOT NULL;
