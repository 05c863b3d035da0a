-- AlterEnum
ALTER TYPE "HelpdeskCaseKind" ADD VALUE 'TROUBLESHOOT';
