type Pending<I, O> = { item: I; resolve: (output: O) => void; reject: (error: unknown) => void };

/**
 * Turns `run(items)` into a function of one item. Calls made in the same turn of the event loop,
 * or while a batch is running, go together in the next batch: under load N concurrent requests
 * share one statement and one commit instead of paying for N, and a lone call waits for nothing
 * but the current turn. `run` answers each item at its index. Nothing is held back after a batch:
 * every call settles only when its batch has committed or failed.
 *
 * When `run` rejects a batch of several calls, each call is run again alone, so one call the
 * database refuses fails by itself instead of failing every caller that happened to share its
 * statement.
 */
export function createBatcher<I, O>(
  run: (items: I[]) => Promise<O[]>,
  { maxBatchSize = 500 }: { maxBatchSize?: number } = {},
): (item: I) => Promise<O> {
  let waiting: Pending<I, O>[] = [];
  let running = false;
  let scheduled = false;

  async function settle(batch: Pending<I, O>[]): Promise<void> {
    let outputs: O[];
    try {
      outputs = await run(batch.map((pending) => pending.item));
    } catch (error) {
      if (batch.length === 1) return batch[0]!.reject(error);
      await Promise.all(batch.map((pending) => settle([pending])));
      return;
    }
    if (outputs.length !== batch.length) {
      const error = new Error(`A batch of ${batch.length} produced ${outputs.length} answers.`);
      return batch.forEach((pending) => pending.reject(error));
    }
    batch.forEach((pending, index) => pending.resolve(outputs[index]!));
  }

  function startNext() {
    if (running || waiting.length === 0) return;
    const batch = waiting.slice(0, maxBatchSize);
    waiting = waiting.slice(maxBatchSize);
    running = true;
    void settle(batch).finally(() => {
      running = false;
      startNext();
    });
  }

  return (item) =>
    new Promise<O>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      if (scheduled) return;
      scheduled = true;
      setImmediate(() => {
        scheduled = false;
        startNext();
      });
    });
}
