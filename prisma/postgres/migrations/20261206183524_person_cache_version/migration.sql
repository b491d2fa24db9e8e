-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "cacheVersion" BIGINT NOT NULL DEFAULT 0;

-- Person.cacheVersion is changed by these triggers (written by hand: Prisma's schema has no triggers,
-- and its drift check does not compare them). Whatever the bot caches about a person (name,
-- language, identities, roles, their units) changes only through these rows, whoever writes them.
CREATE FUNCTION "thidua_person_cache_self"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Person" SET "cacheVersion" = "cacheVersion" + 1 + floor(random() * 1073741824)::bigint WHERE "id" = NEW."id";
  RETURN NULL;
END $$;
CREATE FUNCTION "thidua_person_cache_owner"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE "Person" SET "cacheVersion" = "cacheVersion" + 1 + floor(random() * 1073741824)::bigint WHERE "id" = NEW."personId";
  END IF;
  IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD."personId" <> NEW."personId") THEN
    UPDATE "Person" SET "cacheVersion" = "cacheVersion" + 1 + floor(random() * 1073741824)::bigint WHERE "id" = OLD."personId";
  END IF;
  RETURN NULL;
END $$;
CREATE FUNCTION "thidua_person_cache_unit"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Person" SET "cacheVersion" = "cacheVersion" + 1 + floor(random() * 1073741824)::bigint WHERE "id" IN (SELECT "personId" FROM "RoleGrant" WHERE "unitId" = NEW."id");
  RETURN NULL;
END $$;
CREATE FUNCTION "thidua_person_cache_plan"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Person" SET "cacheVersion" = "cacheVersion" + 1 + floor(random() * 1073741824)::bigint WHERE "id" IN (
    SELECT "g"."personId" FROM "RoleGrant" AS "g" JOIN "Unit" AS "u" ON "u"."id" = "g"."unitId" WHERE "u"."planId" = NEW."id");
  RETURN NULL;
END $$;
CREATE TRIGGER "Person_cache_update" AFTER UPDATE OF "displayName", "locale" ON "Person"
  FOR EACH ROW EXECUTE FUNCTION "thidua_person_cache_self"();
CREATE TRIGGER "Identity_cache" AFTER INSERT OR UPDATE OR DELETE ON "Identity"
  FOR EACH ROW EXECUTE FUNCTION "thidua_person_cache_owner"();
CREATE TRIGGER "RoleGrant_cache" AFTER INSERT OR UPDATE OR DELETE ON "RoleGrant"
  FOR EACH ROW EXECUTE FUNCTION "thidua_person_cache_owner"();
CREATE TRIGGER "Unit_cache_update" AFTER UPDATE OF "code", "position", "planId" ON "Unit"
  FOR EACH ROW EXECUTE FUNCTION "thidua_person_cache_unit"();
CREATE TRIGGER "Plan_cache_update" AFTER UPDATE OF "slug" ON "Plan"
  FOR EACH ROW EXECUTE FUNCTION "thidua_person_cache_plan"();
