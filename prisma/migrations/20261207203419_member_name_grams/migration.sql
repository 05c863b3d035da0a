-- The directory's search by a name of one or two characters (members/directory-search.ts): pg_trgm has
-- no trigram for them, so `name LIKE '%伟芳%'` read every member of the school (521 ms p95 on a million).
-- Each member's name as its characters and character pairs, deduplicated (张三丰 → {张,三,丰,张三,三丰}),
-- so that `"nameGrams" @> ARRAY['伟芳']` holds exactly when the name contains 伟芳, served by a GIN index.
-- Characters, not bytes or UTF-16 units: a character beyond the BMP (𠮷) is one character here too.
CREATE FUNCTION member_name_grams(name text) RETURNS text[]
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN ARRAY(SELECT substr(name, i, 1) FROM generate_series(1, char_length(name)) AS i
               UNION
               SELECT substr(name, i, 2) FROM generate_series(1, char_length(name) - 1) AS i);

-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "nameGrams" TEXT[];

-- Kept by the database, not the app: computed on every INSERT and on every UPDATE that sets the name
-- (or the grams: a value written by anyone is replaced). A trigger rather than a generated column, as
-- schema.prisma cannot describe one (and `npm run db:check` compares the two).
CREATE FUNCTION member_name_grams_keep() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  NEW."nameGrams" := member_name_grams(NEW."name");
  RETURN NEW;
END $$;
CREATE TRIGGER "Member_nameGrams_keep" BEFORE INSERT OR UPDATE OF "name", "nameGrams" ON "Member"
  FOR EACH ROW EXECUTE FUNCTION member_name_grams_keep();

-- The members already there (before the index: one build instead of a million inserts into it).
UPDATE "Member" SET "nameGrams" = member_name_grams("name");

-- CreateIndex
CREATE INDEX "Member_nameGrams_idx" ON "Member" USING GIN ("nameGrams");
