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
const [PARSE, BIND, DESCRIBE, CLOSE, STATEMENT] = ["P", "B", "D", "C", "S"].map((c) =>
  c.charCodeAt(0),
);

/**
 * Shares PGlite's single session among many client connections. A client keeps the session from
 * its first message until it reaches a protocol boundary outside a transaction, so an extended
 * query (Parse, Bind, Execute … Sync) or a transaction is never interleaved with another
 * client's. pglite-socket's own queue only keeps transactions together, and concurrent prepared
 * statements then overwrite each other ("unnamed prepared statement does not exist"). Named
 * prepared statements are renamed per client, as if each had its own session, and dropped when it
 * disconnects.
 */
export class PGliteSessionQueue {
  private queue: Item[] = [];
  private owner: number | null = null;
  private processing = false;
  private statementNames = new Map<number, Set<string>>();

  constructor(private readonly db: PGlite) {}

  enqueue(
    handlerId: number,
    message: Uint8Array,
    onData: (data: Uint8Array) => void,
  ): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({
        handlerId,
        message: this.scopeStatementName(handlerId, message),
        onData,
        resolve,
        reject,
      });
      void this.process();
    });
  }

  private async process() {
    if (this.processing) return;
    this.processing = true;
    try {
      for (;;) {
        if (!this.db.ready) {
          for (const item of this.queue.splice(0)) item.reject(new Error("database closed"));
          break;
        }
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
        if ((type === 0 || BOUNDARY.has(type)) && this.db.ready && !this.db.isInTransaction())
          this.owner = null;
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

  /**
   * Called when a client disconnects: one that leaves mid-transaction must not leave the session to
   * the next one, and its prepared statements go with it.
   */
  async clearTransactionIfNeeded(handlerId: number) {
    if (this.owner === handlerId) {
      if (this.db.isInTransaction()) await this.db.exec("ROLLBACK");
      this.owner = null;
    }
    for (const name of this.statementNames.get(handlerId) ?? [])
      void this.enqueue(handlerId, queryMessage(`DEALLOCATE "${name}"`), () => {}).catch(() => {});
    this.statementNames.delete(handlerId);
    await this.process();
  }

  private scopeStatementName(handlerId: number, message: Uint8Array): Uint8Array {
    const type = message[0];
    // Where the statement name starts: Parse has it first, Bind after the portal name, Describe
    // and Close after a byte saying statement or portal.
    let at: number;
    if (type === PARSE) at = 5;
    else if (type === BIND) at = message.indexOf(0, 5) + 1;
    else if ((type === DESCRIBE || type === CLOSE) && message[5] === STATEMENT) at = 6;
    else return message;
    const end = message.indexOf(0, at);
    if (end === at) return message;
    const name = `c${handlerId}_${Buffer.from(message.subarray(at, end)).toString("latin1")}`;
    if (type === PARSE) {
      const names = this.statementNames.get(handlerId) ?? new Set<string>();
      this.statementNames.set(handlerId, names.add(name));
    }
    const renamed = Buffer.concat([
      message.subarray(0, at),
      Buffer.from(name, "latin1"),
      message.subarray(end),
    ]);
    renamed.writeInt32BE(renamed.length - 1, 1);
    return renamed;
  }

  getQueueLength() {
    return this.queue.length;
  }
}

function queryMessage(sql: string): Uint8Array {
  const text = Buffer.from(`${sql}\0`, "utf8");
  const message = Buffer.alloc(5 + text.length);
  message[0] = "Q".charCodeAt(0);
  message.writeInt32BE(4 + text.length, 1);
  text.copy(message, 5);
  return message;
}
