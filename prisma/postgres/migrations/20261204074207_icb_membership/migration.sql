-- CreateTable
CREATE TABLE "IcbMembership" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "icbCode" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "grantedByUserId" INTEGER,

    CONSTRAINT "IcbMembership_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "IcbMembership_icbCode_idx" ON "IcbMembership"("icbCode");

-- CreateIndex
CREATE UNIQUE INDEX "IcbMembership_userId_icbCode_key" ON "IcbMembership"("userId", "icbCode");

-- AddForeignKey
ALTER TABLE "IcbMembership" ADD CONSTRAINT "IcbMembership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IcbMembership" ADD CONSTRAINT "IcbMembership_icbCode_fkey" FOREIGN KEY ("icbCode") REFERENCES "Icb"("code") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IcbMembership" ADD CONSTRAINT "IcbMembership_grantedByUserId_fkey" FOREIGN KEY ("grantedByUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
