import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { uniqueSuffix } from "@/test/factories";
import { itOnPostgres } from "@/test/on-postgres";
import { consumeRateLimits, rateLimitStorageKey } from "./consume-rate-limits";

const rule = (key: string, limit: number) => ({ key, limit, windowSeconds: 60 });

describe("consumeRateLimits", () => {
  itOnPostgres(
    "allows exactly the limit among simultaneous calls, the first ones in call order",
    async () => {
      const key = `test:${uniqueSuffix()}`;
      const results = await Promise.all(
        Array.from({ length: 30 }, () => consumeRateLimits([rule(key, 10)])),
      );
      expect(results.map((result) => result.allowed)).toEqual([
        ...Array<boolean>(10).fill(true),
        ...Array<boolean>(20).fill(false),
      ]);
      expect(results[10]).toEqual({ allowed: false, retryAfterSeconds: expect.any(Number), key });
      const row = await db.rateLimit.findUniqueOrThrow({ where: { key } });
      expect(row.count).toBe(30);
    },
  );

  it("refuses a call when any one of its rules is over, and counts every rule", async () => {
    const shared = `test:ip:${uniqueSuffix()}`;
    const [a, b] = [`test:a:${uniqueSuffix()}`, `test:b:${uniqueSuffix()}`];
    const results = await Promise.all([
      consumeRateLimits([rule(shared, 3), rule(a, 1)]),
      consumeRateLimits([rule(shared, 3), rule(a, 1)]),
      consumeRateLimits([rule(shared, 3), rule(b, 5)]),
      consumeRateLimits([rule(shared, 3), rule(b, 5)]),
    ]);
    expect(results).toEqual([
      { allowed: true },
      { allowed: false, retryAfterSeconds: expect.any(Number), key: a },
      { allowed: true },
      { allowed: false, retryAfterSeconds: expect.any(Number), key: shared },
    ]);
    const counts = await db.rateLimit.findMany({ where: { key: { in: [shared, a, b] } } });
    expect(Object.fromEntries(counts.map((row) => [row.key, row.count]))).toEqual({
      [shared]: 4,
      [a]: 2,
      [b]: 2,
    });
  });

  it("starts counting again once the window has passed", async () => {
    const key = `test:${uniqueSuffix()}`;
    await consumeRateLimits([rule(key, 1)]);
    expect((await consumeRateLimits([rule(key, 1)])).allowed).toBe(false);
    await db.rateLimit.update({ where: { key }, data: { resetAt: new Date(Date.now() - 1_000) } });
    const again = await Promise.all([
      consumeRateLimits([rule(key, 1)]),
      consumeRateLimits([rule(key, 1)]),
    ]);
    expect(again.map((result) => result.allowed)).toEqual([true, false]);
    const row = await db.rateLimit.findUniqueOrThrow({ where: { key } });
    expect(row.count).toBe(2);
    expect(row.resetAt.getTime()).toBeGreaterThan(Date.now() + 55_000);
  });

  it("counts legitimate callers correctly when hostile keys share their batch", async () => {
    const legitimate = Array.from({ length: 8 }, () => `test:legit:${uniqueSuffix()}`);
    const hostile = [
      `test:nul:${uniqueSuffix()}\u0000x`,
      `test:long:${randomBytes(3_000).toString("base64")}`,
      `test:control:${uniqueSuffix()}\u001b[2J\r\n`,
      `test:surrogate:${uniqueSuffix()}\ud800`,
    ];
    // All in one turn of the event loop, so they share one statement.
    const calls = [...legitimate, ...hostile, ...legitimate].map((key) =>
      consumeRateLimits([rule(key, 1)]),
    );
    const results = await Promise.allSettled(calls);
    const answers = results.map((result) =>
      result.status === "fulfilled" ? result.value.allowed : "threw",
    );
    expect(answers).toEqual([
      ...legitimate.map(() => true),
      ...hostile.map(() => true),
      ...legitimate.map(() => false),
    ]);
    const rows = await db.rateLimit.findMany({ where: { key: { in: legitimate } } });
    expect(rows.map((row) => row.count)).toEqual(legitimate.map(() => 2));
    // Each hostile key is a counter of its own, kept short and printable.
    expect(
      (await Promise.all(hostile.map((key) => consumeRateLimits([rule(key, 1)])))).map(
        (result) => result.allowed,
      ),
    ).toEqual(hostile.map(() => false));
  });

  it("keeps every stored key short and printable, and distinct keys distinct", () => {
    const keys = [
      "sign-in:email:ada@example.com",
      "a\u0000",
      "a",
      "x".repeat(5_000),
      "x".repeat(5_001),
    ];
    const stored = keys.map(rateLimitStorageKey);
    expect(stored[0]).toBe("sign-in:email:ada@example.com");
    expect(new Set(stored).size).toBe(keys.length);
    for (const key of stored) {
      expect(Buffer.byteLength(key)).toBeLessThanOrEqual(200);
      expect(key).not.toMatch(/[\u0000-\u001f\u007f]/);
    }
  });
});
