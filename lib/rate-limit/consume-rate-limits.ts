import "server-only";
import { db } from "@/lib/db";
import { createBatcher } from "@/lib/db/batcher";

export type RateLimitRule = { key: string; limit: number; windowSeconds: number };

export type RateLimitResult =
  { allowed: true } | { allowed: false; retryAfterSeconds: number; key: string };

type Counter = { key: string; count: number; retryAfter: number };

/**
 * Counts one hit against each rule in a fixed window, in PostgreSQL: every app instance shares the
 * counters. Allowed only when every rule is within its limit. Concurrent calls are counted
 * together in one statement; each call sees the count as it would have alone, in arrival order.
 */
export function consumeRateLimits(rules: RateLimitRule[]): Promise<RateLimitResult> {
  if (rules.length === 0) return Promise.resolve({ allowed: true });
  return consumeBatched(rules);
}

const consumeBatched = createBatcher(async (calls: RateLimitRule[][]) => {
  const hits = new Map<string, { hits: number; windowSeconds: number }>();
  for (const rule of calls.flat()) {
    const entry = hits.get(rule.key) ?? { hits: 0, windowSeconds: rule.windowSeconds };
    entry.hits += 1;
    hits.set(rule.key, entry);
  }
  const counters = new Map((await countHits(hits)).map((counter) => [counter.key, counter]));
  // Each counter's value before this batch, then each call's hit in turn.
  const seen = new Map([...counters.values()].map((c) => [c.key, c.count - hits.get(c.key)!.hits]));
  return calls.map((rules): RateLimitResult => {
    let refusal: RateLimitResult = { allowed: true };
    for (const rule of rules) {
      const count = seen.get(rule.key)! + 1;
      seen.set(rule.key, count);
      if (count > rule.limit && refusal.allowed)
        refusal = {
          allowed: false,
          retryAfterSeconds: counters.get(rule.key)!.retryAfter,
          key: rule.key,
        };
    }
    return refusal;
  });
});

// Keys are written in sorted order, so two instances counting the same keys never deadlock.
async function countHits(hits: Map<string, { hits: number; windowSeconds: number }>) {
  const keys = [...hits.keys()].sort();
  return db.$queryRaw<Counter[]>`
    INSERT INTO "RateLimit" (key, count, "resetAt")
    SELECT k, n, now() + make_interval(secs => w)
    FROM unnest(${keys}::text[], ${keys.map((key) => hits.get(key)!.hits)}::int[],
      ${keys.map((key) => hits.get(key)!.windowSeconds)}::int[]) AS r(k, n, w)
    ORDER BY k
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN "RateLimit"."resetAt" <= now() THEN EXCLUDED.count ELSE "RateLimit".count + EXCLUDED.count END,
      "resetAt" = CASE WHEN "RateLimit"."resetAt" <= now() THEN EXCLUDED."resetAt" ELSE "RateLimit"."resetAt" END
    RETURNING key, count, GREATEST(1, CEIL(EXTRACT(EPOCH FROM ("resetAt" - now()))))::int AS "retryAfter"`;
}
