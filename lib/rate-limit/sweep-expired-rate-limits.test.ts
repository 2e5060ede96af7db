import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { uniqueSuffix } from "@/test/factories";
import { consumeRateLimits } from "./consume-rate-limits";
import { sweepExpiredRateLimits } from "./sweep-expired-rate-limits";

describe("sweepExpiredRateLimits", () => {
  it("keeps the table small under a flood of distinct keys, and keeps live counters", async () => {
    const prefix = `test:flood:${uniqueSuffix()}:`;
    const live = `${prefix}live`;
    await consumeRateLimits([{ key: live, limit: 5, windowSeconds: 600 }]);
    const sizes: number[] = [];
    for (let wave = 0; wave < 4; wave += 1) {
      // 1,500 anonymous requests, each from a key never seen before (one statement: batched).
      await Promise.all(
        Array.from({ length: 1_500 }, (_, index) =>
          consumeRateLimits([{ key: `${prefix}${wave}:${index}`, limit: 5, windowSeconds: 60 }]),
        ),
      );
      // Their windows end; two minutes pass.
      await db.$executeRaw`UPDATE "RateLimit" SET "resetAt" = now() - interval '2 minutes'
        WHERE key LIKE ${`${prefix}${wave}:%`}`;
      await sweepExpiredRateLimits();
      sizes.push(await db.rateLimit.count({ where: { key: { startsWith: prefix } } }));
    }
    expect(sizes).toEqual([1, 1, 1, 1]);
    expect((await db.rateLimit.findUniqueOrThrow({ where: { key: live } })).count).toBe(1);
  });

  it("leaves a counter alone until its window has been over for a minute", async () => {
    const key = `test:recent:${uniqueSuffix()}`;
    await consumeRateLimits([{ key, limit: 5, windowSeconds: 60 }]);
    await db.rateLimit.update({ where: { key }, data: { resetAt: new Date(Date.now() - 5_000) } });
    await sweepExpiredRateLimits();
    expect(await db.rateLimit.count({ where: { key } })).toBe(1);
  });
});
