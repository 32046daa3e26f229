-- Readers' notes are called notes everywhere in the code; the table and its indexes take the
-- same name. SQLite's RENAME also points the replies' foreign key at the renamed table.
ALTER TABLE "Annotation" RENAME TO "Note";
DROP INDEX "Annotation_postSlug_status_createdAt_idx";
DROP INDEX "Annotation_parentId_idx";
CREATE INDEX "Note_postSlug_status_createdAt_idx" ON "Note"("postSlug", "status", "createdAt");
CREATE INDEX "Note_parentId_idx" ON "Note"("parentId");
