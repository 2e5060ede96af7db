import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { config } from "@/lib/config";
import { PrismaClient } from "@/lib/generated/prisma/client";

function createClient() {
  const adapter = new PrismaPg({
    connectionString: config().databaseUrl,
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    connectionTimeoutMillis: 5_000,
  });
  return new PrismaClient({ adapter });
}

// One client per process; Next's dev server re-evaluates modules on every edit.
const globalForDb = globalThis as unknown as { keyfrontDb?: ReturnType<typeof createClient> };

export const db = (globalForDb.keyfrontDb ??= createClient());

export type Db = typeof db;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
