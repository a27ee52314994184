-- CreateTable
CREATE TABLE "ClaimMonth" (
    "pcnCode" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedByUserId" INTEGER,

    PRIMARY KEY ("pcnCode", "month"),
    CONSTRAINT "ClaimMonth_pcnCode_fkey" FOREIGN KEY ("pcnCode") REFERENCES "Pcn" ("code") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ClaimMonth_updatedByUserId_fkey" FOREIGN KEY ("updatedByUserId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ClaimLine" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "pcnCode" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "postId" TEXT,
    "label" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "wteTenThousandths" INTEGER NOT NULL,
    "salaryPence" INTEGER NOT NULL,
    "employerNiPence" INTEGER NOT NULL,
    "employerPensionPence" INTEGER NOT NULL,
    "claimedPence" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "paidOn" TEXT,
    "note" TEXT,
    CONSTRAINT "ClaimLine_pcnCode_month_fkey" FOREIGN KEY ("pcnCode", "month") REFERENCES "ClaimMonth" ("pcnCode", "month") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Scenario" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "pcnCode" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "firstYear" TEXT NOT NULL,
    "years" INTEGER NOT NULL,
    "document" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdByUserId" INTEGER,
    "updatedByUserId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" DATETIME,
    "deletedByUserId" INTEGER,
    "agreedAt" DATETIME,
    "agreedByUserId" INTEGER,
    CONSTRAINT "Scenario_pcnCode_fkey" FOREIGN KEY ("pcnCode") REFERENCES "Pcn" ("code") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Scenario_createdByUserId_fkey" FOREIGN KEY ("createdByUserId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Scenario_updatedByUserId_fkey" FOREIGN KEY ("updatedByUserId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Scenario_deletedByUserId_fkey" FOREIGN KEY ("deletedByUserId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Scenario_agreedByUserId_fkey" FOREIGN KEY ("agreedByUserId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Scenario" ("createdAt", "createdByUserId", "deletedAt", "deletedByUserId", "description", "document", "firstYear", "id", "name", "pcnCode", "updatedAt", "updatedByUserId", "version", "years") SELECT "createdAt", "createdByUserId", "deletedAt", "deletedByUserId", "description", "document", "firstYear", "id", "name", "pcnCode", "updatedAt", "updatedByUserId", "version", "years" FROM "Scenario";
DROP TABLE "Scenario";
ALTER TABLE "new_Scenario" RENAME TO "Scenario";
CREATE INDEX "Scenario_pcnCode_idx" ON "Scenario"("pcnCode");
CREATE INDEX "Scenario_deletedAt_idx" ON "Scenario"("deletedAt");
CREATE INDEX "Scenario_pcnCode_agreedAt_idx" ON "Scenario"("pcnCode", "agreedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ClaimLine_pcnCode_month_idx" ON "ClaimLine"("pcnCode", "month");
