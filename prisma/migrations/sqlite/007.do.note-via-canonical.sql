-- What a W3C client sent along with a note: its own IRI for it (kept as `via`) and a `canonical`
-- IRI, both returned unchanged; and the ids of deleted notes, which are never issued again.
ALTER TABLE "Note" ADD COLUMN "via" TEXT;
ALTER TABLE "Note" ADD COLUMN "canonical" TEXT;
CREATE TABLE "RetiredNoteId" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "retiredAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
