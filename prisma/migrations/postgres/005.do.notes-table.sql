-- Readers' notes are called notes everywhere in the code; the table, its keys and its indexes
-- take the same name.
ALTER TABLE "Annotation" RENAME TO "Note";
ALTER TABLE "Note" RENAME CONSTRAINT "Annotation_pkey" TO "Note_pkey";
ALTER TABLE "Note" RENAME CONSTRAINT "Annotation_parentId_fkey" TO "Note_parentId_fkey";
ALTER INDEX "Annotation_postSlug_status_createdAt_idx" RENAME TO "Note_postSlug_status_createdAt_idx";
ALTER INDEX "Annotation_parentId_idx" RENAME TO "Note_parentId_idx";
