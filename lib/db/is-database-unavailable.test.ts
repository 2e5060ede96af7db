import { PrismaPg } from "@prisma/adapter-pg";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { fakeDatabaseServers } from "@/test/fake-database-server";
import { createProduct } from "@/test/factories";
import { isDatabaseUnavailable } from "./is-database-unavailable";

const { listen, closedPort } = fakeDatabaseServers();

/** What a query, a model call and a transaction throw against the database at `port`. */
async function errorsAt(port: number) {
  const client = new PrismaClient({
    adapter: new PrismaPg({
      connectionString: `postgresql://postgres@127.0.0.1:${port}/postgres`,
      connectionTimeoutMillis: 500,
    }),
  });
  const errors = [];
  for (const query of [
    () => client.$queryRaw`SELECT 1`,
    () => client.license.findFirst(),
    () => client.$transaction((tx) => tx.license.findFirst()),
  ])
    errors.push(await query().catch((error: unknown) => error));
  await client.$disconnect();
  return errors;
}

describe("isDatabaseUnavailable", () => {
  it("recognises a refused connection, a dropped one and one that never answers", async () => {
    for (const port of [
      await closedPort(),
      await listen((socket) => socket.destroy()),
      await listen(() => {}),
    ]) {
      for (const error of await errorsAt(port)) {
        expect(error, String(error)).toBeInstanceOf(Error);
        expect(isDatabaseUnavailable(error), String(error)).toBe(true);
      }
    }
  });

  it("does not take a query's own failure for an outage", async () => {
    const product = await createProduct();
    const duplicate = await db.product
      .create({
        data: {
          slug: product.slug,
          name: "Again",
          tagline: "",
          description: "",
          kind: product.kind,
          keyPrefix: product.keyPrefix,
        },
      })
      .catch((error: unknown) => error);
    expect(duplicate).toBeInstanceOf(Error);
    expect(isDatabaseUnavailable(duplicate)).toBe(false);
    expect(isDatabaseUnavailable(new Error("Something else"))).toBe(false);
    // Another service refusing (Stripe, Resend) is not the database.
    expect(isDatabaseUnavailable(new Error("connect ECONNREFUSED 127.0.0.1:12111"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
