import { createServer, type AddressInfo, type Server, type Socket } from "node:net";
import { afterEach } from "vitest";

/**
 * TCP servers on 127.0.0.1 that stand where a database should be and misbehave on purpose (drop
 * the connection, never answer), closed after each test of the file that calls this.
 */
export function fakeDatabaseServers() {
  let server: Server | undefined;
  const sockets = new Set<Socket>();
  afterEach(async () => {
    for (const socket of sockets) socket.destroy();
    sockets.clear();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = undefined;
  });

  /** A port whose connections are handed to `onConnection`. */
  async function listen(onConnection: (socket: Socket) => void) {
    server = createServer((socket) => {
      sockets.add(socket);
      onConnection(socket);
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    return (server.address() as AddressInfo).port;
  }

  /** A port nothing listens on: connections are refused. */
  async function closedPort() {
    const port = await listen(() => {});
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = undefined;
    return port;
  }

  return { listen, closedPort };
}
