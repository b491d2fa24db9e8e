-- AlterTable
ALTER TABLE "Identity" ADD COLUMN "unreachableAt" DATETIME;

-- A person held as unreachable before holds moved to identities: every identity of theirs stays held
-- (the safe reading of the old record), until they write again through it.
UPDATE "Identity" SET "unreachableAt" = (SELECT "unreachableAt" FROM "Person" WHERE "Person"."id" = "Identity"."personId");

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Person" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "displayName" TEXT NOT NULL,
    "locale" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Person" ("createdAt", "displayName", "id", "locale", "updatedAt") SELECT "createdAt", "displayName", "id", "locale", "updatedAt" FROM "Person";
DROP TABLE "Person";
ALTER TABLE "new_Person" RENAME TO "Person";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
