-- AlterTable
ALTER TABLE "HelpdeskCase" ADD COLUMN     "answer" VARCHAR(1000) NOT NULL DEFAULT '',
ADD COLUMN     "answeredAt" TIMESTAMPTZ(3),
ADD COLUMN     "assignedTo" VARCHAR(64);
