-- CreateTable
CREATE TABLE "AgreedPlanYear" (
    "scenarioId" TEXT NOT NULL,
    "financialYear" TEXT NOT NULL,
    "scenarioVersion" INTEGER NOT NULL,
    "dataVersion" TEXT NOT NULL,
    "rulesKey" TEXT NOT NULL,
    "figures" TEXT NOT NULL,
    "posts" TEXT NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AgreedPlanYear_pkey" PRIMARY KEY ("scenarioId","financialYear")
);

-- CreateIndex
CREATE INDEX "AgreedPlanYear_financialYear_idx" ON "AgreedPlanYear"("financialYear");

-- AddForeignKey
ALTER TABLE "AgreedPlanYear" ADD CONSTRAINT "AgreedPlanYear_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario"("id") ON DELETE CASCADE ON UPDATE CASCADE;
