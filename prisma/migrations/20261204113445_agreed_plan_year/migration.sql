-- CreateTable
CREATE TABLE "AgreedPlanYear" (
    "scenarioId" TEXT NOT NULL,
    "financialYear" TEXT NOT NULL,
    "scenarioVersion" INTEGER NOT NULL,
    "dataVersion" TEXT NOT NULL,
    "rulesKey" TEXT NOT NULL,
    "figures" TEXT NOT NULL,
    "posts" TEXT NOT NULL,
    "computedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("scenarioId", "financialYear"),
    CONSTRAINT "AgreedPlanYear_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "AgreedPlanYear_financialYear_idx" ON "AgreedPlanYear"("financialYear");
