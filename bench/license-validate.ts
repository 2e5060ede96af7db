// `npm run bench`: load-tests POST /api/v1/licenses/validate on the production build against
// PostgreSQL, next to a minimal node:http + pg baseline doing the same lookup, and prints
// requests/s and p50 / p99 latency at 1, 16 and 64 connections. Targets: at 16 connections at
// least 0.5 of the baseline's requests/s, and p99 under 20 ms.
//   BENCH_DATABASE_URL   PostgreSQL server to create the scratch database on (default: local)
//   BENCH_SECONDS        seconds per run (default 10)
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { freePorts, waitForServer } from "@/dev/local-servers";
import { applyMigrations } from "@/lib/db/apply-migrations";

const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = [1, 16, 64];
const LICENSES = 2_000;
const log = (line: string) => console.log(`[bench] ${line}`);
const children: ChildProcess[] = [];

async function query(url: string, sql: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end();
  }
}

function start(command: string, args: string[], env: NodeJS.ProcessEnv, quiet = true) {
  const child = spawn(command, args, { env, stdio: quiet ? "ignore" : "inherit", detached: true });
  children.push(child);
  return child;
}

function stopAll() {
  for (const child of children) {
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      // already gone
    }
  }
}

async function load(url: string, connections: number, keys: string[]) {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      "--import",
      "tsx",
      "bench/load.ts",
      url,
      String(connections),
      String(seconds),
      JSON.stringify(keys),
    ],
    { maxBuffer: 10_000_000 },
  );
  return JSON.parse(stdout.trim().split("\n").pop()!) as {
    requestsPerSecond: number;
    p50: number;
    p99: number;
    non2xx: number;
    errors: number;
    firstFailure?: string;
  };
}

async function main() {
  const name = `keyfront_bench_${Date.now()}`;
  const databaseUrl = Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();
  const dataDir = mkdtempSync(path.join(tmpdir(), "keyfront-bench-"));
  await query(serverUrl, `CREATE DATABASE "${name}"`);
  try {
    await applyMigrations({ databaseUrl });
    await query(
      databaseUrl,
      `INSERT INTO "Product" (id, slug, name, tagline, description, kind, "keyPrefix", "updatedAt")
       VALUES ('bench-product', 'bench', 'Bench', 'Bench', 'Bench', 'SOFTWARE', 'BEN', now());
       INSERT INTO "Tier" (id, "productId", kind, name, summary, "priceCents", currency, "licenseName", "licenseTerms", features, formats, "seatLimit", "updatedAt")
       VALUES ('bench-tier', 'bench-product', 'COMMERCIAL', 'Commercial', 's', 1000, 'usd', 'Commercial', 't', ARRAY['Commercial use'], ARRAY['ZIP'], 3, now());`,
    );
    const keys = Array.from(
      { length: LICENSES },
      () => `BEN-${randomBytes(12).toString("hex").toUpperCase()}`,
    );
    await query(
      databaseUrl,
      `INSERT INTO "License" (id, "keyCiphertext", "keyHash", "productId", "tierId", "customerEmail", "seatLimit", "certificateCiphertext", "updatedAt")
       SELECT 'bench-' || n, k, h, 'bench-product', 'bench-tier', 'bench@example.com', 3, 'x.y', now()
       FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS t(k, h, n)`,
      [keys, keys.map((key) => createHash("sha256").update(key).digest("hex"))],
    );
    // As on a live database, the planner has statistics (this server's autovacuum may be off).
    await query(databaseUrl, "ANALYZE");
    log(`scratch database ${name} with ${LICENSES} licenses`);

    const env = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      KEYFRONT_MODE: "local",
      NEXT_TELEMETRY_DISABLED: "1",
      // The limits are counted as in production but set high enough not to refuse the load.
      LICENSE_API_LIMIT_PER_IP: "1000000000",
      LICENSE_API_LIMIT_PER_KEY: "1000000000",
    };
    const [appPort, baselinePort] = (await freePorts(2)) as [number, number];
    log("building and starting the production app (npm run build, npm start)");
    const build = start("npm", ["run", "build"], { ...env, NODE_ENV: "production" }, false);
    const buildCode = await new Promise<number>((resolve) =>
      build.once("exit", (code) => resolve(code ?? 1)),
    );
    if (buildCode !== 0) throw new Error("npm run build failed");
    start(process.execPath, [".next/keyfront-server.mjs"], {
      ...env,
      NODE_ENV: "production",
      PORT: String(appPort),
    });
    start(process.execPath, ["--import", "tsx", "bench/baseline-server.ts"], {
      ...env,
      PORT: String(baselinePort),
    });
    await waitForServer(`http://127.0.0.1:${appPort}/api/health`, 120_000);
    await waitForServer(`http://127.0.0.1:${baselinePort}/`, 30_000);

    const targets = {
      keyfront: `http://127.0.0.1:${appPort}/api/v1/licenses/validate`,
      baseline: `http://127.0.0.1:${baselinePort}/validate`,
    };
    // Warm both up (JIT, connection pools, Next's route compilation) before measuring.
    for (const url of Object.values(targets))
      await load(url, 16, keys.slice(0, 100)).catch(() => {});

    const rows: string[] = [];
    let verdict = "";
    for (const connections of CONNECTIONS) {
      const ours = await load(targets.keyfront, connections, keys);
      const base = await load(targets.baseline, connections, keys);
      const ratio = ours.requestsPerSecond / base.requestsPerSecond;
      for (const [name, run] of [
        ["keyfront", ours],
        ["baseline", base],
      ] as const)
        if (run.firstFailure)
          log(`${name} at ${connections} connections answered ${run.firstFailure}`);
      rows.push(
        [
          String(connections).padStart(11),
          ours.requestsPerSecond.toFixed(0).padStart(12),
          `${ours.p50} / ${ours.p99}`.padStart(14),
          base.requestsPerSecond.toFixed(0).padStart(12),
          `${base.p50} / ${base.p99}`.padStart(14),
          ratio.toFixed(2).padStart(7),
          String(ours.non2xx + ours.errors).padStart(8),
        ].join(" "),
      );
      if (connections === 16) {
        verdict = `at 16 connections: ${ratio.toFixed(2)} of the baseline's requests/s (target >= 0.50: ${ratio >= 0.5 ? "met" : "NOT met"}), p99 ${ours.p99} ms (target < 20 ms: ${ours.p99 < 20 ? "met" : "NOT met"})`;
      }
    }
    console.log(
      `\nPOST /api/v1/licenses/validate, ${seconds} s per run, ${LICENSES} keys in rotation, PostgreSQL at ${new URL(serverUrl).host}\n`,
    );
    console.log(
      "connections  keyfront r/s  p50/p99 (ms)  baseline r/s  p50/p99 (ms)   ratio  errors",
    );
    for (const row of rows) console.log(row);
    console.log(`\n${verdict}`);
  } finally {
    stopAll();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await query(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
  }
}

process.on("SIGINT", () => {
  stopAll();
  process.exit(130);
});
main().catch((error: unknown) => {
  console.error(error);
  stopAll();
  process.exit(1);
});
