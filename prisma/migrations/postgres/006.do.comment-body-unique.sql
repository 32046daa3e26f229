-- One comment per body on a post, decided by the database: two identical comments sent at once
-- (a double click) both passed the duplicate check before either was stored. The hash of a body
-- is now unique per post. Duplicates already stored stay as they are, but only the earliest of
-- each keeps its hash (a null hash conflicts with nothing); placeholders have none already.
UPDATE "Comment" SET "bodyHash" = NULL
WHERE "bodyHash" IS NOT NULL AND EXISTS (
  SELECT 1 FROM "Comment" AS "earlier"
  WHERE "earlier"."postSlug" = "Comment"."postSlug"
    AND "earlier"."bodyHash" = "Comment"."bodyHash"
    AND ("earlier"."createdAt" < "Comment"."createdAt" OR ("earlier"."createdAt" = "Comment"."createdAt" AND "earlier"."id" < "Comment"."id"))
);
DROP INDEX "Comment_postSlug_bodyHash_idx";
CREATE UNIQUE INDEX "Comment_postSlug_bodyHash_key" ON "Comment"("postSlug", "bodyHash");
