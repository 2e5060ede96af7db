import "server-only";
import { db } from "@/lib/db";

const ROWS_PER_STATEMENT = 1_000;
const STATEMENTS_PER_SWEEP = 20;

/**
 * Deletes counters whose window ended over a minute ago: a flood of distinct keys (addresses,
 * emails) would otherwise grow the table for ever. Bounded: at most 1,000 rows per statement, so
 * no statement holds many locks or runs long, and at most 20 statements per sweep. A counter that
 * is counted again while it is deleted is simply counted from 1, as it would be after its window.
 */
export async function sweepExpiredRateLimits(): Promise<number> {
  let deleted = 0;
  for (let statement = 0; statement < STATEMENTS_PER_SWEEP; statement += 1) {
    const rows = await db.$executeRaw`
      DELETE FROM "RateLimit"
      WHERE ctid IN (
        SELECT ctid FROM "RateLimit" WHERE "resetAt" < now() - interval '1 minute'
        LIMIT ${ROWS_PER_STATEMENT})
      AND "resetAt" < now() - interval '1 minute'`;
    deleted += rows;
    if (rows < ROWS_PER_STATEMENT) break;
  }
  return deleted;
}

/** Sweeps once a minute, for as long as the server runs. One per server process. */
export function startRateLimitSweeper(intervalMs = 60_000) {
  const timer = setInterval(() => {
    sweepExpiredRateLimits().catch((error: unknown) =>
      console.error("rate limit sweep failed:", error),
    );
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
