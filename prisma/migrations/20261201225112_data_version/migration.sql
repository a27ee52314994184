-- CreateTable
CREATE TABLE "DataVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "changedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- The one row, before any change is counted.
INSERT INTO "DataVersion" ("id", "version", "changedAt") VALUES (1, 0, CURRENT_TIMESTAMP);
