-- A hash of each comment's body (SHA-256, base64url), indexed with its post, so refusing a
-- duplicate on a post is an index lookup instead of a comparison with every body there.
-- Deleted placeholders keep no body and no hash.
ALTER TABLE "Comment" ADD COLUMN "bodyHash" TEXT;
UPDATE "Comment" SET "bodyHash" = rtrim(translate(encode(sha256(convert_to("bodySource", 'UTF8')), 'base64'), '+/', '-_'), '=') WHERE NOT "deleted";
CREATE INDEX "Comment_postSlug_bodyHash_idx" ON "Comment"("postSlug", "bodyHash");
