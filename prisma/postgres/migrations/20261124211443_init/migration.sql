-- CreateTable
CREATE TABLE "Region" (
    "code" TEXT NOT NULL,
    "onsCode" TEXT,
    "name" TEXT NOT NULL,

    CONSTRAINT "Region_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Icb" (
    "code" TEXT NOT NULL,
    "onsCode" TEXT,
    "name" TEXT NOT NULL,
    "regionCode" TEXT,

    CONSTRAINT "Icb_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "SubIcb" (
    "code" TEXT NOT NULL,
    "onsCode" TEXT,
    "name" TEXT NOT NULL,
    "icbCode" TEXT NOT NULL,

    CONSTRAINT "SubIcb_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Pcn" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameSearch" TEXT NOT NULL,
    "icbCode" TEXT,
    "subIcbCode" TEXT,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "Pcn_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Practice" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameSearch" TEXT NOT NULL,
    "postcode" TEXT,
    "supplier" TEXT,

    CONSTRAINT "Practice_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "PracticeMembership" (
    "id" SERIAL NOT NULL,
    "practiceCode" TEXT NOT NULL,
    "pcnCode" TEXT,
    "subIcbCode" TEXT,
    "extractDate" TEXT NOT NULL,
    "importId" INTEGER,

    CONSTRAINT "PracticeMembership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RegisteredPopulation" (
    "id" SERIAL NOT NULL,
    "orgType" TEXT NOT NULL,
    "orgCode" TEXT NOT NULL,
    "extractDate" TEXT NOT NULL,
    "total" INTEGER NOT NULL,
    "male" INTEGER,
    "female" INTEGER,
    "ageProfile" TEXT,
    "importId" INTEGER,

    CONSTRAINT "RegisteredPopulation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WeightedPopulation" (
    "id" SERIAL NOT NULL,
    "pcnCode" TEXT NOT NULL,
    "financialYear" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "provenance" TEXT NOT NULL,
    "registeredList" INTEGER,
    "source" TEXT,
    "note" TEXT,
    "enteredBy" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "importId" INTEGER,

    CONSTRAINT "WeightedPopulation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PracticeWeightedPopulation" (
    "id" SERIAL NOT NULL,
    "practiceCode" TEXT NOT NULL,
    "pcnCode" TEXT,
    "financialYear" TEXT NOT NULL,
    "rawList" INTEGER,
    "adjusted" DOUBLE PRECISION,
    "weighted" DOUBLE PRECISION,
    "importId" INTEGER,

    CONSTRAINT "PracticeWeightedPopulation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportLog" (
    "id" SERIAL NOT NULL,
    "fileName" TEXT NOT NULL,
    "fileType" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "extractDate" TEXT,
    "rows" INTEGER NOT NULL DEFAULT 0,
    "outcome" TEXT NOT NULL,
    "message" TEXT,
    "importedBy" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ImportLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Icb_regionCode_idx" ON "Icb"("regionCode");

-- CreateIndex
CREATE INDEX "SubIcb_icbCode_idx" ON "SubIcb"("icbCode");

-- CreateIndex
CREATE INDEX "Pcn_icbCode_idx" ON "Pcn"("icbCode");

-- CreateIndex
CREATE INDEX "Pcn_nameSearch_idx" ON "Pcn"("nameSearch");

-- CreateIndex
CREATE INDEX "Practice_nameSearch_idx" ON "Practice"("nameSearch");

-- CreateIndex
CREATE INDEX "PracticeMembership_pcnCode_extractDate_idx" ON "PracticeMembership"("pcnCode", "extractDate");

-- CreateIndex
CREATE INDEX "PracticeMembership_extractDate_idx" ON "PracticeMembership"("extractDate");

-- CreateIndex
CREATE UNIQUE INDEX "PracticeMembership_practiceCode_extractDate_key" ON "PracticeMembership"("practiceCode", "extractDate");

-- CreateIndex
CREATE INDEX "RegisteredPopulation_orgType_extractDate_idx" ON "RegisteredPopulation"("orgType", "extractDate");

-- CreateIndex
CREATE UNIQUE INDEX "RegisteredPopulation_orgType_orgCode_extractDate_key" ON "RegisteredPopulation"("orgType", "orgCode", "extractDate");

-- CreateIndex
CREATE UNIQUE INDEX "WeightedPopulation_pcnCode_financialYear_provenance_key" ON "WeightedPopulation"("pcnCode", "financialYear", "provenance");

-- CreateIndex
CREATE INDEX "PracticeWeightedPopulation_pcnCode_financialYear_idx" ON "PracticeWeightedPopulation"("pcnCode", "financialYear");

-- CreateIndex
CREATE UNIQUE INDEX "PracticeWeightedPopulation_practiceCode_financialYear_key" ON "PracticeWeightedPopulation"("practiceCode", "financialYear");

-- CreateIndex
CREATE INDEX "ImportLog_sha256_idx" ON "ImportLog"("sha256");

-- AddForeignKey
ALTER TABLE "Icb" ADD CONSTRAINT "Icb_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "Region"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubIcb" ADD CONSTRAINT "SubIcb_icbCode_fkey" FOREIGN KEY ("icbCode") REFERENCES "Icb"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pcn" ADD CONSTRAINT "Pcn_icbCode_fkey" FOREIGN KEY ("icbCode") REFERENCES "Icb"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PracticeMembership" ADD CONSTRAINT "PracticeMembership_practiceCode_fkey" FOREIGN KEY ("practiceCode") REFERENCES "Practice"("code") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PracticeMembership" ADD CONSTRAINT "PracticeMembership_pcnCode_fkey" FOREIGN KEY ("pcnCode") REFERENCES "Pcn"("code") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WeightedPopulation" ADD CONSTRAINT "WeightedPopulation_pcnCode_fkey" FOREIGN KEY ("pcnCode") REFERENCES "Pcn"("code") ON DELETE CASCADE ON UPDATE CASCADE;
