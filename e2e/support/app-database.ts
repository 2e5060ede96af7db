import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";

type RunState = { databaseUrl: string; stripeEmulatorUrl?: string };

/** What the e2e web server started (recorded by dev/start.ts). */
export function runState(): RunState {
  return JSON.parse(readFileSync(path.resolve(".data/e2e/run.json"), "utf8")) as RunState;
}

/** The database of the app the e2e web server started. */
export async function withAppDatabase<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: runState().databaseUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}
