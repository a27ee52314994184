-- AlterTable
ALTER TABLE "WeightedPopulation" ADD COLUMN     "enteredByUserId" INTEGER;
