-- AlterTable
ALTER TABLE "PhonePolicy" ADD COLUMN     "allowedCountryCodes" TEXT[] DEFAULT ARRAY[]::TEXT[],
ALTER COLUMN "allowForeign" SET DEFAULT false;

-- AlterTable
ALTER TABLE "CodePolicy" ADD COLUMN     "dailyBudget" INTEGER NOT NULL DEFAULT 5000,
ALTER COLUMN "dailyCapPerAddress" SET DEFAULT 3000;

-- Written by hand from here on (Prisma cannot express these).

-- Foreign numbers: a school that had them on keeps them, limited to the regions a school is preset
-- with when it turns them on (Hong Kong, Macao, Taiwan); its IT office adds any other in the settings.
UPDATE "PhonePolicy" SET "allowedCountryCodes" = ARRAY['852', '853', '886'] WHERE "allowForeign";
ALTER TABLE "PhonePolicy" ADD CONSTRAINT "PhonePolicy_country_codes_format" CHECK (
  array_position("allowedCountryCodes", NULL) IS NULL
  AND array_to_string("allowedCountryCodes", ',') ~ '^([1-9][0-9]{0,2}(,[1-9][0-9]{0,2})*)?$'
  AND NOT ('86' = ANY ("allowedCountryCodes")));

-- The code policy's tighter ranges (src/server/codes/policy.ts, CODE_POLICY_BOUNDS): six digits
-- (a million guesses; the SMS templates take no more), at most 5 tries, at most 20 codes a day to
-- one phone. Every row is first brought into them, so the new constraints cannot fail on an old value.
UPDATE "CodePolicy" SET
  "length" = 6,
  "maxAttempts" = LEAST("maxAttempts", 5),
  "dailyCapPerDestination" = LEAST("dailyCapPerDestination", 20),
  -- 30 a day per address was the old default, which a campus NAT spends in minutes: a school that
  -- never changed it gets the new one.
  "dailyCapPerAddress" = CASE WHEN "dailyCapPerAddress" = 30 THEN 3000 ELSE "dailyCapPerAddress" END;
ALTER TABLE "CodePolicy" DROP CONSTRAINT "CodePolicy_length_range";
ALTER TABLE "CodePolicy" ADD CONSTRAINT "CodePolicy_length_range" CHECK ("length" = 6);
ALTER TABLE "CodePolicy" DROP CONSTRAINT "CodePolicy_attempts_range";
ALTER TABLE "CodePolicy" ADD CONSTRAINT "CodePolicy_attempts_range" CHECK ("maxAttempts" BETWEEN 1 AND 5);
ALTER TABLE "CodePolicy" DROP CONSTRAINT "CodePolicy_destination_cap_range";
ALTER TABLE "CodePolicy" ADD CONSTRAINT "CodePolicy_destination_cap_range" CHECK ("dailyCapPerDestination" BETWEEN 1 AND 20);
ALTER TABLE "CodePolicy" ADD CONSTRAINT "CodePolicy_daily_budget_range" CHECK ("dailyBudget" BETWEEN 100 AND 200000);

-- One directory e-mail address per member of a school, whatever its case (as phones and accounts):
-- a code to it, or a binding of it, names one person. Two members that already share one keep the
-- address on the earliest-created entry; the others lose it, and the audit log says whose it was.
WITH ranked AS (
  SELECT "id", "tenantId", "account", "email",
         row_number() OVER (PARTITION BY "tenantId", lower(btrim("email")) ORDER BY "createdAt", "id") AS n
  FROM "Member" WHERE "email" IS NOT NULL
), cleared AS (
  UPDATE "Member" m SET "email" = NULL FROM ranked r WHERE m."id" = r."id" AND r.n > 1
  RETURNING r."tenantId", r."account", r."email"
)
INSERT INTO "AuditLog" ("id", "tenantId", "actorKind", "action", "target", "detail")
SELECT gen_random_uuid(), c."tenantId", 'system', 'member.email.cleared', c."account",
       jsonb_build_object('reason', 'shared with an earlier member', 'email', c."email")
FROM cleared c;
CREATE UNIQUE INDEX "Member_tenantId_email_ci_key" ON "Member" ("tenantId", lower(btrim("email"))) WHERE "email" IS NOT NULL;
