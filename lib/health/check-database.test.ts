import { PrismaPg } from "@prisma/adapter-pg";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { fakeDatabaseServers } from "@/test/fake-database-server";
import { checkDatabase } from "./check-database";

const { listen } = fakeDatabaseServers();

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
