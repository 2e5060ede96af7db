import { createServer, type AddressInfo, type Server, type Socket } from "node:net";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { checkDatabase } from "./check-database";

let server: Server | undefined;
const sockets = new Set<Socket>();
afterEach(async () => {
  for (const socket of sockets) socket.destroy();
  sockets.clear();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

async function listen(onConnection: (socket: Socket) => void) {
  server = createServer((socket) => {
    sockets.add(socket);
    onConnection(socket);
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

const clientFor = (port: number) =>
  new PrismaClient({
    adapter: new PrismaPg({
      connectionString: `postgresql://postgres@127.0.0.1:${port}/postgres`,
      connectionTimeoutMillis: 5_000,
    }),
  });

describe("checkDatabase", () => {
  it("reports a reachable database as up", async () => {
    expect(await checkDatabase({ db })).toMatchObject({ ok: true });
  });

  it("reports a database that refuses connections as down", async () => {
    const port = await listen((socket) => socket.destroy());
    const result = await checkDatabase({ db: clientFor(port), timeoutMs: 2_000 });
    expect(result.ok).toBe(false);
  });

  it("answers within its timeout when the database hangs", async () => {
    const port = await listen(() => {});
    const started = Date.now();
    const result = await checkDatabase({ db: clientFor(port), timeoutMs: 300 });
    expect(result).toEqual({ ok: false, error: "no answer within 300 ms" });
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
