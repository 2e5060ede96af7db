// `npm run dev`: everything Keyfront needs on one machine with no configuration. Starts an embedded
// PostgreSQL unless DATABASE_URL is set and the Stripe emulator unless STRIPE_SECRET_KEY is set,
// applies migrations, seeds the demo catalog once, then runs Next. Flags (used by the e2e tests and the benchmark):
//   --production   `npm run build` then the production server (`npm start`) instead of `next dev`
//   --fresh        an in-memory database and a wiped DATA_DIR: nothing survives the run
//   --port N       the app's port (default PORT or 3000)
import { spawn, type ChildProcess } from "node:child_process";
import { rmSync, mkdirSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { applyMigrations } from "@/lib/db/apply-migrations";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded-postgres";
import { startStripeEmulator, type RunningStripeEmulator } from "./stripe-emulator/server";
import { clearRunState, stopStaleRun, writeRunState } from "./run-state";

const { values: flags } = parseArgs({
  options: {
    production: { type: "boolean", default: false },
    fresh: { type: "boolean", default: false },
    port: { type: "string", default: process.env.PORT ?? "3000" },
  },
});

const log = (line: string) => console.log(`[keyfront] ${line}`);
const dataDir = path.resolve(process.env.DATA_DIR ?? ".data");
const nextBin = path.resolve("node_modules/next/dist/bin/next");
const children: ChildProcess[] = [];
let embedded: EmbeddedPostgres | undefined;
let stripeEmulator: RunningStripeEmulator | undefined;
let stopping = false;

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  for (const child of children) {
    if (child.exitCode === null && child.pid) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        child.kill("SIGTERM");
      }
    }
  }
  await Promise.all(
    children.map((child) =>
      child.exitCode === null ? new Promise((resolve) => child.once("exit", resolve)) : undefined,
    ),
  );
  await stripeEmulator?.stop().catch(() => {});
  await embedded?.stop().catch(() => {});
  clearRunState(dataDir);
  process.exit(code);
}

process.on("SIGINT", () => void shutdown(130));
process.on("SIGTERM", () => void shutdown(143));

function run(args: string[], env: NodeJS.ProcessEnv, command = process.execPath): ChildProcess {
  // Own process group, so stopping it also stops the workers Next forks.
  const child = spawn(command, args, {
    stdio: "inherit",
    env,
    detached: true,
  });
  children.push(child);
  return child;
}

function untilExit(child: ChildProcess): Promise<number> {
  return new Promise((resolve) =>
    child.once("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0))),
  );
}

async function main() {
  if (flags.fresh) rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  await stopStaleRun(dataDir, log);

  if (!process.env.DATABASE_URL) {
    embedded = await startEmbeddedPostgres({
      dataDir: flags.fresh ? undefined : path.join(dataDir, "pglite"),
    });
    process.env.DATABASE_URL = embedded.url;
    log(
      `embedded PostgreSQL (PGlite) at ${embedded.url}${flags.fresh ? " (in memory)" : ` (data in ${dataDir}/pglite)`}`,
    );
  }
  process.env.DATA_DIR = dataDir;
  process.env.KEYFRONT_MODE ??= "local";
  process.env.NEXT_TELEMETRY_DISABLED ??= "1";
  const databaseUrl = process.env.DATABASE_URL;

  await applyMigrations({ databaseUrl, log });

  const [{ config }, { db }, { seedDemoCatalog }] = await Promise.all([
    import("@/lib/config"),
    import("@/lib/db"),
    import("@/prisma/seed/seed-demo-catalog"),
  ]);
  const { seeded } = await seedDemoCatalog({ db, storageDir: config().storageDir, log });
  if (seeded) log("demo catalog created");
  await db.$disconnect();

  const appUrl = process.env.APP_URL ?? `http://localhost:${flags.port}`;
  if (!process.env.STRIPE_SECRET_KEY) await startLocalStripe(appUrl);
  const env = { ...process.env, APP_URL: appUrl, DATABASE_URL: databaseUrl, PORT: flags.port };
  const runState = {
    launcherPid: process.pid,
    childPids: [] as number[],
    databaseUrl,
    appUrl,
    stripeEmulatorUrl: stripeEmulator?.url,
  };
  writeRunState(dataDir, runState);

  if (flags.production) {
    log("building the production app (npm run build)");
    const buildCode = await untilExit(
      run(["run", "build"], { ...env, NODE_ENV: "production" }, "npm"),
    );
    if (buildCode !== 0) return shutdown(buildCode);
  }
  const server = run(
    flags.production ? [".next/keyfront-server.mjs"] : [nextBin, "dev", "--port", flags.port],
    {
      ...env,
      NODE_ENV: flags.production ? "production" : "development",
    },
  );
  writeRunState(dataDir, { ...runState, childPids: [server.pid!] });
  log(`Keyfront on ${appUrl} (Ctrl-C stops everything)`);
  await shutdown(await untilExit(server));
}

async function startLocalStripe(appUrl: string) {
  const options = {
    webhookUrl: `${appUrl}/api/webhooks/stripe`,
    dataDir: flags.fresh ? undefined : path.join(dataDir, "stripe-emulator"),
    log: (line: string) => log(`stripe: ${line}`),
  };
  // A fixed port keeps the checkout links of earlier runs working; any free port if it is taken.
  stripeEmulator = await startStripeEmulator({ ...options, port: flags.fresh ? 0 : 12111 }).catch(
    () => startStripeEmulator({ ...options, port: 0 }),
  );
  process.env.STRIPE_SECRET_KEY = stripeEmulator.secretKey;
  process.env.STRIPE_WEBHOOK_SECRET = stripeEmulator.webhookSecret;
  process.env.STRIPE_API_BASE = stripeEmulator.url;
  log(
    `Stripe emulator at ${stripeEmulator.url} (payments, refunds and disputes: open it in a browser)`,
  );
  log(`  webhooks go to ${options.webhookUrl}, signed with ${stripeEmulator.webhookSecret}`);
}

main().catch((error: unknown) => {
  console.error(`[keyfront] ${error instanceof Error ? error.message : String(error)}`);
  void shutdown(1);
});
