import { describe, expect, it } from "vitest";
import { createBatcher } from "./batcher";

function recordingBatcher(options: { maxBatchSize?: number; fail?: (items: number[]) => boolean }) {
  const batches: number[][] = [];
  const call = createBatcher(async (items: number[]) => {
    batches.push(items);
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (options.fail?.(items)) throw new Error(`batch ${items.join(",")} failed`);
    return items.map((item) => item * 10);
  }, options);
  return { call, batches };
}

describe("createBatcher", () => {
  it("runs calls made together as one batch and answers each its own result", async () => {
    const { call, batches } = recordingBatcher({});
    expect(await Promise.all([1, 2, 3, 4].map(call))).toEqual([10, 20, 30, 40]);
    expect(batches).toEqual([[1, 2, 3, 4]]);
  });

  it("runs one batch at a time: calls made while one runs wait for the next", async () => {
    const { call, batches } = recordingBatcher({});
    const first = call(1);
    await new Promise((resolve) => setImmediate(resolve));
    const later = [2, 3].map(call);
    expect(await Promise.all([first, ...later])).toEqual([10, 20, 30]);
    expect(batches).toEqual([[1], [2, 3]]);
  });

  it("splits what waits into batches of at most maxBatchSize, in arrival order", async () => {
    const { call, batches } = recordingBatcher({ maxBatchSize: 2 });
    expect(await Promise.all([1, 2, 3, 4, 5].map(call))).toEqual([10, 20, 30, 40, 50]);
    expect(batches).toEqual([[1, 2], [3, 4], [5]]);
  });

  it("runs each call of a failed batch again alone: a poisoned call fails by itself", async () => {
    const poisoned = new Set([3, 7, 8]);
    const { call, batches } = recordingBatcher({
      fail: (items) => items.some((item) => poisoned.has(item)),
    });
    const items = Array.from({ length: 10 }, (_, index) => index + 1);
    const answers = await Promise.all(
      items.map((item) => call(item).catch((error: Error) => error.message)),
    );
    expect(answers).toEqual(
      items.map((item) => (poisoned.has(item) ? `batch ${item} failed` : item * 10)),
    );
    expect(batches[0]).toEqual(items);
    expect(batches.slice(1).sort((a, b) => a[0]! - b[0]!)).toEqual(items.map((item) => [item]));
  });

  it("rejects a lone call whose batch failed and goes on with the next", async () => {
    const { call } = recordingBatcher({ fail: (items) => items.includes(2) });
    const failed = call(2).catch((error: Error) => error.message);
    await new Promise((resolve) => setImmediate(resolve));
    const next = call(3);
    expect(await failed).toBe("batch 2 failed");
    expect(await next).toBe(30);
  });

  it("rejects a batch whose answers do not line up with its calls", async () => {
    const call = createBatcher(async (items: number[]) => items.slice(1));
    await expect(Promise.all([call(1), call(2)])).rejects.toThrow(
      "A batch of 2 produced 1 answers.",
    );
  });
});
