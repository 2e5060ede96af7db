import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";

/** The database of the app the e2e web server started (recorded by dev/start.ts). */
export async function withAppDatabase<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const state = JSON.parse(readFileSync(path.resolve(".data/e2e/run.json"), "utf8")) as {
    databaseUrl: string;
  };
  const client = new pg.Client({ connectionString: state.databaseUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}
