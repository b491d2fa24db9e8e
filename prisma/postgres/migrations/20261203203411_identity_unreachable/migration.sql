-- AlterTable
ALTER TABLE "Identity" ADD COLUMN     "unreachableAt" TIMESTAMPTZ(3);

-- A person held as unreachable before holds moved to identities: every identity of theirs stays held
-- (the safe reading of the old record), until they write again through it.
UPDATE "Identity" SET "unreachableAt" = (SELECT "unreachableAt" FROM "Person" WHERE "Person"."id" = "Identity"."personId");

-- AlterTable
ALTER TABLE "Person" DROP COLUMN "unreachableAt";
