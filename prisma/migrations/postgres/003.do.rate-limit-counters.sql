-- Rate-limit counters move to the layout rate-limiter-flexible's SQL stores use (window end in
-- milliseconds since the epoch), so one statement counts a write. Counters are short-lived: the
-- old ones are dropped, not carried over.
DROP TABLE "RateLimit";

CREATE TABLE "RateLimitCounter" (
    "key" TEXT NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,
    CONSTRAINT "RateLimitCounter_pkey" PRIMARY KEY ("key")
);
CREATE INDEX "RateLimitCounter_expire_idx" ON "RateLimitCounter"("expire");
