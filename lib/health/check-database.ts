import "server-only";
import type { Db } from "@/lib/db";

export type DatabaseHealth = { ok: true; latencyMs: number } | { ok: false; error: string };

/** Round-trips a trivial query, bounded by `timeoutMs` so a hung database still gets an answer. */
export async function checkDatabase(options: {
  db: Db;
  timeoutMs?: number;
}): Promise<DatabaseHealth> {
  const started = performance.now();
  const timeoutMs = options.timeoutMs ?? 2_000;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      options.db.$queryRaw`SELECT 1`,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return {
      ok: false,
      error: error instanceof Error ? error.message.split("\n")[0]! : "unreachable",
    };
  } finally {
    clearTimeout(timer);
  }
}
