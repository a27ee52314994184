-- AlterTable
ALTER TABLE "Scenario" ADD COLUMN     "agreedAt" TIMESTAMP(3),
ADD COLUMN     "agreedByUserId" INTEGER;

-- CreateTable
CREATE TABLE "ClaimMonth" (
    "pcnCode" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedByUserId" INTEGER,

    CONSTRAINT "ClaimMonth_pkey" PRIMARY KEY ("pcnCode","month")
);

-- CreateTable
CREATE TABLE "ClaimLine" (
    "id" SERIAL NOT NULL,
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

    CONSTRAINT "ClaimLine_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ClaimLine_pcnCode_month_idx" ON "ClaimLine"("pcnCode", "month");

-- CreateIndex
CREATE INDEX "Scenario_pcnCode_agreedAt_idx" ON "Scenario"("pcnCode", "agreedAt");

-- AddForeignKey
ALTER TABLE "Scenario" ADD CONSTRAINT "Scenario_agreedByUserId_fkey" FOREIGN KEY ("agreedByUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimMonth" ADD CONSTRAINT "ClaimMonth_pcnCode_fkey" FOREIGN KEY ("pcnCode") REFERENCES "Pcn"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimMonth" ADD CONSTRAINT "ClaimMonth_updatedByUserId_fkey" FOREIGN KEY ("updatedByUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimLine" ADD CONSTRAINT "ClaimLine_pcnCode_month_fkey" FOREIGN KEY ("pcnCode", "month") REFERENCES "ClaimMonth"("pcnCode", "month") ON DELETE CASCADE ON UPDATE CASCADE;
