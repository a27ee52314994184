-- CreateTable
CREATE TABLE "Region" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "onsCode" TEXT,
    "name" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "Icb" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "onsCode" TEXT,
    "name" TEXT NOT NULL,
    "regionCode" TEXT,
    CONSTRAINT "Icb_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "Region" ("code") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SubIcb" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "onsCode" TEXT,
    "name" TEXT NOT NULL,
    "icbCode" TEXT NOT NULL,
    CONSTRAINT "SubIcb_icbCode_fkey" FOREIGN KEY ("icbCode") REFERENCES "Icb" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Pcn" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "nameSearch" TEXT NOT NULL,
    "icbCode" TEXT,
    "subIcbCode" TEXT,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "Pcn_icbCode_fkey" FOREIGN KEY ("icbCode") REFERENCES "Icb" ("code") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Practice" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "nameSearch" TEXT NOT NULL,
    "postcode" TEXT,
    "supplier" TEXT
);

-- CreateTable
CREATE TABLE "PracticeMembership" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "practiceCode" TEXT NOT NULL,
    "pcnCode" TEXT,
    "subIcbCode" TEXT,
    "extractDate" TEXT NOT NULL,
    "importId" INTEGER,
    CONSTRAINT "PracticeMembership_practiceCode_fkey" FOREIGN KEY ("practiceCode") REFERENCES "Practice" ("code") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PracticeMembership_pcnCode_fkey" FOREIGN KEY ("pcnCode") REFERENCES "Pcn" ("code") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RegisteredPopulation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "orgType" TEXT NOT NULL,
    "orgCode" TEXT NOT NULL,
    "extractDate" TEXT NOT NULL,
    "total" INTEGER NOT NULL,
    "male" INTEGER,
    "female" INTEGER,
    "ageProfile" TEXT,
    "importId" INTEGER
);

-- CreateTable
CREATE TABLE "WeightedPopulation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "pcnCode" TEXT NOT NULL,
    "financialYear" TEXT NOT NULL,
    "value" REAL NOT NULL,
    "provenance" TEXT NOT NULL,
    "registeredList" INTEGER,
    "source" TEXT,
    "note" TEXT,
    "enteredBy" TEXT,
    "updatedAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "importId" INTEGER,
    CONSTRAINT "WeightedPopulation_pcnCode_fkey" FOREIGN KEY ("pcnCode") REFERENCES "Pcn" ("code") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PracticeWeightedPopulation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "practiceCode" TEXT NOT NULL,
    "pcnCode" TEXT,
    "financialYear" TEXT NOT NULL,
    "rawList" INTEGER,
    "adjusted" REAL,
    "weighted" REAL,
    "importId" INTEGER
);

-- CreateTable
CREATE TABLE "ImportLog" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "fileName" TEXT NOT NULL,
    "fileType" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "extractDate" TEXT,
    "rows" INTEGER NOT NULL DEFAULT 0,
    "outcome" TEXT NOT NULL,
    "message" TEXT,
    "importedBy" TEXT,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME
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
