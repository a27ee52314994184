-- AlterTable
ALTER TABLE "Scenario" ADD COLUMN     "rolledFromId" TEXT;
