-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Person" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "displayName" TEXT NOT NULL,
    "locale" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "cacheVersion" BIGINT NOT NULL DEFAULT 0
);
INSERT INTO "new_Person" ("createdAt", "displayName", "id", "locale", "updatedAt") SELECT "createdAt", "displayName", "id", "locale", "updatedAt" FROM "Person";
DROP TABLE "Person";
ALTER TABLE "new_Person" RENAME TO "Person";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Person.cacheVersion is changed by these triggers (written by hand: Prisma's schema has no triggers,
-- and its drift check does not compare them). Whatever the bot caches about a person (name,
-- language, identities, roles, their units) changes only through these rows, whoever writes them.
CREATE TRIGGER "Person_cache_update" AFTER UPDATE OF "displayName", "locale" ON "Person"
BEGIN UPDATE "Person" SET "cacheVersion" = "cacheVersion" + 1 + (random() & 1073741823) WHERE "id" = NEW."id"; END;
CREATE TRIGGER "Identity_cache_insert" AFTER INSERT ON "Identity"
BEGIN UPDATE "Person" SET "cacheVersion" = "cacheVersion" + 1 + (random() & 1073741823) WHERE "id" = NEW."personId"; END;
CREATE TRIGGER "Identity_cache_update" AFTER UPDATE ON "Identity"
BEGIN UPDATE "Person" SET "cacheVersion" = "cacheVersion" + 1 + (random() & 1073741823) WHERE "id" IN (OLD."personId", NEW."personId"); END;
CREATE TRIGGER "Identity_cache_delete" AFTER DELETE ON "Identity"
BEGIN UPDATE "Person" SET "cacheVersion" = "cacheVersion" + 1 + (random() & 1073741823) WHERE "id" = OLD."personId"; END;
CREATE TRIGGER "RoleGrant_cache_insert" AFTER INSERT ON "RoleGrant"
BEGIN UPDATE "Person" SET "cacheVersion" = "cacheVersion" + 1 + (random() & 1073741823) WHERE "id" = NEW."personId"; END;
CREATE TRIGGER "RoleGrant_cache_update" AFTER UPDATE ON "RoleGrant"
BEGIN UPDATE "Person" SET "cacheVersion" = "cacheVersion" + 1 + (random() & 1073741823) WHERE "id" IN (OLD."personId", NEW."personId"); END;
CREATE TRIGGER "RoleGrant_cache_delete" AFTER DELETE ON "RoleGrant"
BEGIN UPDATE "Person" SET "cacheVersion" = "cacheVersion" + 1 + (random() & 1073741823) WHERE "id" = OLD."personId"; END;
CREATE TRIGGER "Unit_cache_update" AFTER UPDATE OF "code", "position", "planId" ON "Unit"
BEGIN UPDATE "Person" SET "cacheVersion" = "cacheVersion" + 1 + (random() & 1073741823) WHERE "id" IN (SELECT "personId" FROM "RoleGrant" WHERE "unitId" = NEW."id"); END;
CREATE TRIGGER "Plan_cache_update" AFTER UPDATE OF "slug" ON "Plan"
BEGIN UPDATE "Person" SET "cacheVersion" = "cacheVersion" + 1 + (random() & 1073741823) WHERE "id" IN (SELECT "g"."personId" FROM "RoleGrant" AS "g" JOIN "Unit" AS "u" ON "u"."id" = "g"."unitId" WHERE "u"."planId" = NEW."id"); END;
