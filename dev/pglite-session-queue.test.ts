import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded-postgres";

let embedded: EmbeddedPostgres;

beforeAll(async () => {
  embedded = await startEmbeddedPostgres();
});

afterAll(() => embedded.stop());

async function connect() {
  const client = new pg.Client({ connectionString: embedded.url });
  await client.connect();
  return client;
}

const addOne = (client: pg.Client, value: number) =>
  client
    .query<{ n: number }>({ name: "add_one", text: "SELECT $1::int + 1 AS n", values: [value] })
    .then((result) => result.rows[0]!.n);

const preparedCount = (client: pg.Client) =>
  client
    .query<{ count: number }>("SELECT count(*)::int AS count FROM pg_prepared_statements")
    .then((result) => result.rows[0]!.count);

describe("embedded PostgreSQL shared by several connections", () => {
  it("gives each connection its own named prepared statements, dropped when it leaves", async () => {
    const [a, b] = [await connect(), await connect()];
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => addOne(i % 2 === 0 ? a : b, i)),
    );
    expect(answers).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await preparedCount(a)).toBe(2);

    await a.end();
    await expect.poll(() => preparedCount(b)).toBe(1);
    expect(await addOne(b, 41)).toBe(42);

    const c = await connect();
    expect(await addOne(c, 1)).toBe(2);
    await Promise.all([b.end(), c.end()]);
  });
});
