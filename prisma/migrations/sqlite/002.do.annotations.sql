-- Readers' notes on passages of posts, and replies to them (see prisma/models.prisma).
CREATE TABLE "Annotation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "postSlug" TEXT NOT NULL,
    "parentId" TEXT,
    "readerId" TEXT NOT NULL,
    "addressHash" TEXT NOT NULL,
    "visibility" TEXT NOT NULL,
    "layer" TEXT,
    "blockId" TEXT,
    "start" INTEGER,
    "end" INTEGER,
    "exact" TEXT,
    "prefix" TEXT,
    "suffix" TEXT,
    "bodySource" TEXT NOT NULL,
    "bodyHtml" TEXT NOT NULL,
    "lang" TEXT NOT NULL,
    "tags" TEXT NOT NULL DEFAULT '[]',
    "status" TEXT NOT NULL DEFAULT 'published',
    "deleted" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Annotation_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Annotation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "Annotation_postSlug_status_createdAt_idx" ON "Annotation"("postSlug", "status", "createdAt");
CREATE INDEX "Annotation_parentId_idx" ON "Annotation"("parentId");
