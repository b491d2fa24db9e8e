-- DropForeignKey
ALTER TABLE "Criterion" DROP CONSTRAINT "Criterion_categoryId_fkey";

-- DropForeignKey
ALTER TABLE "GeneralCriterion" DROP CONSTRAINT "GeneralCriterion_planId_fkey";

-- DropForeignKey
ALTER TABLE "Milestone" DROP CONSTRAINT "Milestone_planId_fkey";

-- DropForeignKey
ALTER TABLE "Movement" DROP CONSTRAINT "Movement_planId_fkey";

-- DropForeignKey
ALTER TABLE "Phase" DROP CONSTRAINT "Phase_planId_fkey";

-- DropForeignKey
ALTER TABLE "Quota" DROP CONSTRAINT "Quota_planId_fkey";

-- AlterTable
ALTER TABLE "Category" DROP COLUMN "group",
DROP COLUMN "keywords",
DROP COLUMN "movementCode",
DROP COLUMN "nameEn",
DROP COLUMN "nameVi",
DROP COLUMN "position",
DROP COLUMN "section",
DROP COLUMN "subjectTypes";

-- AlterTable
ALTER TABLE "Plan" DROP COLUMN "communeEn",
DROP COLUMN "communeVi",
DROP COLUMN "endsOn",
DROP COLUMN "startsOn",
DROP COLUMN "titleEn",
DROP COLUMN "titleVi";

-- AlterTable
ALTER TABLE "Unit" DROP COLUMN "nameEn",
DROP COLUMN "nameVi";

-- DropTable
DROP TABLE "Criterion";

-- DropTable
DROP TABLE "GeneralCriterion";

-- DropTable
DROP TABLE "Milestone";

-- DropTable
DROP TABLE "Movement";

-- DropTable
DROP TABLE "Phase";

-- DropTable
DROP TABLE "Quota";
