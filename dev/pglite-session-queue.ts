import type { PGlite } from "@electric-sql/pglite";

type Item = {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: Error) => void;
};

// Frontend messages after which a client is at a protocol boundary: Sync, simple Query, Terminate.
const BOUNDARY = new Set(["S".charCodeAt(0), "Q".charCodeAt(0), "X".charCodeAt(0)]);

/**
 * Shares PGlite's single session among many client connections. A client keeps the session from
 * its first message until it reaches a protocol boundary outside a transaction, so an extended
 * query (Parse, Bind, Execute … Sync) or a transaction is never interleaved with another
 * client's. pglite-socket's own queue only keeps transactions together, and concurrent prepared
 * statements then overwrite each other ("unnamed prepared statement does not exist").
 */
export class PGliteSessionQueue {
  private queue: Item[] = [];
  private owner: number | null = null;
  private processing = false;

  constructor(private readonly db: PGlite) {}

  enqueue(
    handlerId: number,
    message: Uint8Array,
    onData: (data: Uint8Array) => void,
  ): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      void this.process();
    });
  }

  private async process() {
    if (this.processing) return;
    this.processing = true;
    try {
      for (;;) {
        const index =
          this.owner === null ? 0 : this.queue.findIndex((item) => item.handlerId === this.owner);
        if (index === -1 || this.queue.length === 0) break;
        const item = this.queue.splice(index, 1)[0]!;
        this.owner = item.handlerId;
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
          item.resolve(bytes);
        } catch (error) {
          item.reject(error as Error);
        }
        // A startup message has no type byte (its first byte is 0): also a boundary.
        const type = item.message[0]!;
        if ((type === 0 || BOUNDARY.has(type)) && !this.db.isInTransaction()) this.owner = null;
      }
    } finally {
      this.processing = false;
    }
  }

  clearQueueForHandler(handlerId: number) {
    for (const item of this.queue.filter((candidate) => candidate.handlerId === handlerId)) {
      item.reject(new Error("connection closed"));
    }
    this.queue = this.queue.filter((item) => item.handlerId !== handlerId);
  }

  /** A client that disconnects mid-transaction must not leave the session to the next one. */
  async clearTransactionIfNeeded(handlerId: number) {
    if (this.owner !== handlerId) return;
    if (this.db.isInTransaction()) await this.db.exec("ROLLBACK");
    this.owner = null;
    await this.process();
  }

  getQueueLength() {
    return this.queue.length;
  }
}
