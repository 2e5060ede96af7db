type Pending<I, O> = { item: I; resolve: (output: O) => void; reject: (error: unknown) => void };

/**
 * Turns `run(items)` into a function of one item. Calls made in the same turn of the event loop,
 * or while a batch is running, go together in the next batch: under load N concurrent requests
 * share one statement and one commit instead of paying for N, and a lone call waits for nothing
 * but the current turn. `run` answers each item at its index. Nothing is held back after a batch:
 * every call settles only when its batch has committed or failed.
 */
export function createBatcher<I, O>(
  run: (items: I[]) => Promise<O[]>,
  { maxBatchSize = 500 }: { maxBatchSize?: number } = {},
): (item: I) => Promise<O> {
  let waiting: Pending<I, O>[] = [];
  let running = false;
  let scheduled = false;

  function startNext() {
    if (running || waiting.length === 0) return;
    const batch = waiting.slice(0, maxBatchSize);
    waiting = waiting.slice(maxBatchSize);
    running = true;
    Promise.resolve()
      .then(() => run(batch.map((pending) => pending.item)))
      .then((outputs) => {
        if (outputs.length !== batch.length)
          throw new Error(`A batch of ${batch.length} produced ${outputs.length} answers.`);
        batch.forEach((pending, index) => pending.resolve(outputs[index]!));
      })
      .catch((error: unknown) => batch.forEach((pending) => pending.reject(error)))
      .finally(() => {
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
