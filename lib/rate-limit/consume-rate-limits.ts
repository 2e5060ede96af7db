import "server-only";
import { db } from "@/lib/db";

export type RateLimitRule = { key: string; limit: number; windowSeconds: number };

export type RateLimitResult =
  { allowed: true } | { allowed: false; retryAfterSeconds: number; key: string };

/**
 * Counts one hit against each rule in a fixed window, in one statement, in PostgreSQL: every app
 * instance shares the counters. Allowed only when every rule is within its limit.
 */
export async function consumeRateLimits(rules: RateLimitRule[]): Promise<RateLimitResult> {
  if (rules.length === 0) return { allowed: true };
  const keys = rules.map((rule) => rule.key);
  const windows = rules.map((rule) => rule.windowSeconds);
  const rows = await db.$queryRaw<{ key: string; count: number; retry_after: number }[]>`
    INSERT INTO "RateLimit" (key, count, "resetAt")
    SELECT k, 1, now() + make_interval(secs => w)
    FROM unnest(${keys}::text[], ${windows}::int[]) AS r(k, w)
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN "RateLimit"."resetAt" <= now() THEN 1 ELSE "RateLimit".count + 1 END,
      "resetAt" = CASE WHEN "RateLimit"."resetAt" <= now() THEN EXCLUDED."resetAt" ELSE "RateLimit"."resetAt" END
    RETURNING key, count, GREATEST(1, CEIL(EXTRACT(EPOCH FROM ("resetAt" - now()))))::int AS retry_after`;
  for (const rule of rules) {
    const row = rows.find((candidate) => candidate.key === rule.key);
    if (row && row.count > rule.limit)
      return { allowed: false, retryAfterSeconds: row.retry_after, key: rule.key };
  }
  return { allowed: true };
}
