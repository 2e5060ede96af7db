import { mkdirSync } from "node:fs";
import { createServer, type AddressInfo, type Socket } from "node:net";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketHandler } from "@electric-sql/pglite-socket";
import { PGliteSessionQueue } from "./pglite-session-queue";

export type EmbeddedPostgres = { url: string; stop: () => Promise<void> };

type QueueOption = ConstructorParameters<typeof PGLiteSocketHandler>[0]["queryQueue"];

/**
 * PGlite served over the PostgreSQL wire protocol on 127.0.0.1, on a port the OS picks (so a
 * crashed run never leaves a port blocking the next). `dataDir` undefined = in memory.
 */
export async function startEmbeddedPostgres(
  options: { dataDir?: string } = {},
): Promise<EmbeddedPostgres> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const pglite = await PGlite.create(options.dataDir ?? "memory://");
  const queue = new PGliteSessionQueue(pglite);
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
    const handler = new PGLiteSocketHandler({
      queryQueue: queue as unknown as QueueOption,
      closeOnDetach: true,
    });
    handler.attach(socket).catch(() => socket.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  let stopped = false;
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    async stop() {
      if (stopped) return;
      stopped = true;
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pglite.close();
    },
  };
}
