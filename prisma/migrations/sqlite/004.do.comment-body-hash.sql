-- A hash of each comment's body (SHA-256, base64url), indexed with its post, so refusing a
-- duplicate on a post is an index lookup instead of a comparison with every body there.
-- sha256_base64url() is provided by the migration runner (lib/db/migrate.ts); SQLite has none.
-- Deleted placeholders keep no body and no hash.
ALTER TABLE "Comment" ADD COLUMN "bodyHash" TEXT;
UPDATE "Comment" SET "bodyHash" = sha256_base64url("bodySource") WHERE "deleted" = 0;
CREATE INDEX "Comment_postSlug_bodyHash_idx" ON "Comment"("postSlug", "bodyHash");
