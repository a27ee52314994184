-- CreateTable
CREATE TABLE "Membership" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "userId" INTEGER NOT NULL,
    "pcnCode" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "grantedByUserId" INTEGER,
    CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Membership_pcnCode_fkey" FOREIGN KEY ("pcnCode") REFERENCES "Pcn" ("code") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Membership_grantedByUserId_fkey" FOREIGN KEY ("grantedByUserId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorUserId" INTEGER,
    "actorName" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "pcnCode" TEXT,
    "changes" TEXT NOT NULL
);

-- CreateIndex
CREATE INDEX "Membership_pcnCode_idx" ON "Membership"("pcnCode");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_userId_pcnCode_key" ON "Membership"("userId", "pcnCode");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_at_idx" ON "AuditEvent"("entityType", "entityId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_pcnCode_at_idx" ON "AuditEvent"("pcnCode", "at");

-- Access per PCN (docs/decisions/007-access-per-pcn.md). Before this migration every editor could
-- read and change every PCN's scenarios and figures. Editors keep editor membership of the PCNs
-- they have worked on (scenarios they created, saved or deleted; ICB-confirmed figures they
-- entered) and nothing else; the demo account becomes an editor of every demo PCN. Every account
-- that is not a system administrator then has no global rights: role "user".
INSERT INTO "Membership" ("userId", "pcnCode", "role", "createdAt")
SELECT w."userId", w."pcnCode", 'editor', strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')
FROM (
    SELECT "createdByUserId" AS "userId", "pcnCode" FROM "Scenario" WHERE "createdByUserId" IS NOT NULL
    UNION SELECT "updatedByUserId", "pcnCode" FROM "Scenario" WHERE "updatedByUserId" IS NOT NULL
    UNION SELECT "deletedByUserId", "pcnCode" FROM "Scenario" WHERE "deletedByUserId" IS NOT NULL
    UNION SELECT r."savedByUserId", s."pcnCode" FROM "ScenarioRevision" r JOIN "Scenario" s ON s."id" = r."scenarioId" WHERE r."savedByUserId" IS NOT NULL
    UNION SELECT "enteredByUserId", "pcnCode" FROM "WeightedPopulation" WHERE "enteredByUserId" IS NOT NULL AND "provenance" = 'icb-confirmed'
    UNION SELECT u."id", p."code" FROM "User" u, "Pcn" p WHERE u."isDemo" = 1 AND p."isDemo" = 1
) w
JOIN "User" u ON u."id" = w."userId"
WHERE u."role" <> 'admin' AND (u."isDemo" = 0 OR w."pcnCode" IN (SELECT "code" FROM "Pcn" WHERE "isDemo" = 1));

UPDATE "User" SET "role" = 'user' WHERE "role" <> 'admin';
