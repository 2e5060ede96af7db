import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { createBatcher } from "@/lib/db/batcher";

export type RateLimitRule = { key: string; limit: number; windowSeconds: number };

export type RateLimitResult =
  { allowed: true } | { allowed: false; retryAfterSeconds: number; key: string };

type Counter = { key: string; count: number; retryAfter: number };

const MAX_STORED_KEY_BYTES = 200;
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * The key a counter is stored under. Keys carry what clients send (emails, addresses), and
 * PostgreSQL refuses a NUL byte or an index entry of a few kilobytes, failing the whole statement
 * and every caller counted in it: a key that is long, holds a control character or is not
 * well-formed Unicode is stored as its sha256 instead, which keeps distinct keys distinct.
 */
export function rateLimitStorageKey(key: string): string {
  const storable =
    Buffer.byteLength(key) <= MAX_STORED_KEY_BYTES &&
    key.isWellFormed() &&
    !CONTROL_CHARACTERS.test(key) &&
    !key.startsWith("sha256:");
  return storable ? key : `sha256:${createHash("sha256").update(key).digest("hex")}`;
}

/**
 * Counts one hit against each rule in a fixed window, in PostgreSQL: every app instance shares the
 * counters. Allowed only when every rule is within its limit. Concurrent calls are counted
 * together in one statement; each call sees the count as it would have alone, in arrival order.
 */
export function consumeRateLimits(rules: RateLimitRule[]): Promise<RateLimitResult> {
  if (rules.length === 0) return Promise.resolve({ allowed: true });
  const stored = rules.map((rule) => ({ ...rule, key: rateLimitStorageKey(rule.key) }));
  return consumeBatched(stored).then((result) =>
    // A refusal names the rule as the caller wrote it, not the key it is stored under.
    result.allowed
      ? result
      : { ...result, key: rules[stored.findIndex((rule) => rule.key === result.key)]!.key },
  );
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
