// `npm run test:instances`: two production servers on one PostgreSQL database, driven at once, as
// the README promises several instances may run. Proves, each as a named check: exactly-once
// fulfilment of checkout webhooks and success pages delivered to both, each outbox email sent
// once by the two workers, a license's seats never exceeded, and license API limits shared.
//   TWO_INSTANCES_DATABASE_URL   PostgreSQL server for the scratch database (default: local)
// Uses the built .next/keyfront-server.mjs (builds it first only when missing).
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer as createHttpServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import Stripe from "stripe";
import { freePorts, waitForServer } from "@/dev/local-servers";
import { applyMigrations } from "@/lib/db/apply-migrations";
import { startStripeEmulator, type RunningStripeEmulator } from "@/dev/stripe-emulator/server";

const serverUrl =
  process.env.TWO_INSTANCES_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const SESSIONS = 10;
// Per session: the same event redelivered this often to each instance, plus one fresh event id each.
const REDELIVERIES = 3;
const PER_KEY_LIMIT = 20;
const log = (line: string) => console.log(`[instances] ${line}`);
const children: ChildProcess[] = [];
const results: { name: string; failure?: string }[] = [];
const name = `keyfront_instances_${Date.now()}`;
const databaseUrl = Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();
const dataDir = mkdtempSync(path.join(tmpdir(), "keyfront-instances-"));

async function dropScratch() {
  await query(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
  rmSync(dataDir, { recursive: true, force: true });
}

async function query<Row extends pg.QueryResultRow>(
  url: string,
  sql: string,
  params: unknown[] = [],
) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

function start(command: string, args: string[], env: NodeJS.ProcessEnv, name: string) {
  const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  const prefix = (chunk: Buffer) =>
    chunk
      .toString()
      .split("\n")
      .filter(Boolean)
      .forEach((line) => console.log(`[${name}] ${line}`));
  child.stdout?.on("data", prefix);
  child.stderr?.on("data", prefix);
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

async function check(name: string, run: () => Promise<string | undefined>) {
  try {
    const failure = await run();
    results.push({ name, failure });
  } catch (error) {
    results.push({ name, failure: error instanceof Error ? error.message : String(error) });
  }
  const result = results.at(-1)!;
  console.log(result.failure ? `✗ ${name}: ${result.failure}` : `✓ ${name}`);
}

/** "3×200, 1×409": how often each value occurs. */
function tally(values: string[], format: (value: string, count: number) => string) {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].map(([value, count]) => format(value, count)).join(", ");
}

/** A local stand-in for Resend's POST /emails that counts each send by its Idempotency-Key. */
async function startResendStandIn() {
  const accepted = new Map<string, number>();
  // Each instance has its own API key: which instance's worker sent what.
  const sendsByApiKey = new Map<string, number>();
  const server: HttpServer = createHttpServer(async (request, response) => {
    for await (const chunk of request) void chunk;
    const key = String(request.headers["idempotency-key"] ?? "");
    if (request.method === "POST" && request.url?.endsWith("/emails") && key) {
      accepted.set(key, (accepted.get(key) ?? 0) + 1);
      const apiKey = String(request.headers.authorization ?? "").replace(/^Bearer /, "");
      sendsByApiKey.set(apiKey, (sendsByApiKey.get(apiKey) ?? 0) + 1);
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ id: `re_${randomBytes(8).toString("hex")}` }));
      return;
    }
    response.writeHead(422, { "content-type": "application/json" });
    response.end(JSON.stringify({ name: "validation_error", message: "no idempotency key" }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    accepted,
    sendsByApiKey,
    server,
  };
}

async function main() {
  const started = Date.now();
  let stripeEmulator: RunningStripeEmulator | undefined;
  let resend: Awaited<ReturnType<typeof startResendStandIn>> | undefined;
  await query(serverUrl, `CREATE DATABASE "${name}"`);
  try {
    const ports = (await freePorts(2)) as [number, number];
    const bases = ports.map((port) => `http://127.0.0.1:${port}`);
    // Both instances and this script read the same secrets: generated once in the shared DATA_DIR.
    Object.assign(process.env, {
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      KEYFRONT_MODE: "local",
      NEXT_TELEMETRY_DISABLED: "1",
    });
    await applyMigrations({ databaseUrl });
    const [{ config }, { db }, { seedDemoCatalog }, { openLicenseSecret }] = await Promise.all([
      import("@/lib/config"),
      import("@/lib/db"),
      import("@/prisma/seed/seed-demo-catalog"),
      import("@/lib/licenses/license-secrets"),
    ]);
    await seedDemoCatalog({ db, storageDir: config().storageDir });
    await db.$disconnect();
    log(`scratch database ${name}, migrated and seeded`);

    stripeEmulator = await startStripeEmulator({ webhookUrl: `${bases[0]}/api/webhooks/stripe` });
    // Webhooks are delivered by hand below, to both instances.
    stripeEmulator.setDelivery(false);
    resend = await startResendStandIn();

    const env = {
      ...process.env,
      NODE_ENV: "production" as const,
      APP_URL: bases[0],
      STRIPE_SECRET_KEY: stripeEmulator.secretKey,
      STRIPE_WEBHOOK_SECRET: stripeEmulator.webhookSecret,
      STRIPE_API_BASE: stripeEmulator.url,
      RESEND_API_KEY: "re_test_two_instances",
      RESEND_BASE_URL: resend.url,
      EMAIL_FROM: "Keyfront <licenses@example.com>",
      LICENSE_API_LIMIT_PER_IP: "1000000",
      LICENSE_API_LIMIT_PER_KEY: String(PER_KEY_LIMIT),
    };
    if (!existsSync(".next/keyfront-server.mjs")) {
      log("no production build: npm run build");
      const build = start("npm", ["run", "build"], env, "build");
      const code = await new Promise<number>((resolve) =>
        build.once("exit", (exit) => resolve(exit ?? 1)),
      );
      if (code !== 0) throw new Error("npm run build failed");
    }
    ports.forEach((port, index) =>
      start(
        process.execPath,
        [".next/keyfront-server.mjs"],
        { ...env, PORT: String(port), RESEND_API_KEY: `re_test_app${index + 1}` },
        `app${index + 1}`,
      ),
    );
    await Promise.all(bases.map((base) => waitForServer(`${base}/api/health`, 120_000)));
    log(`two instances up on ${bases.join(" and ")}`);

    const stripe = new Stripe(stripeEmulator.secretKey, {
      host: "127.0.0.1",
      port: new URL(stripeEmulator.url).port,
      protocol: "http",
      telemetry: false,
    });
    const [tier] = await query<{
      id: string;
      productId: string;
      priceCents: number;
      currency: string;
    }>(
      databaseUrl,
      `SELECT id, "productId", "priceCents", currency FROM "Tier"
       WHERE active AND "priceCents" > 0 AND "seatLimit" > 1 ORDER BY "seatLimit", id LIMIT 1`,
    );
    if (!tier) throw new Error("the demo catalog has no paid tier with more than one seat");

    const sessions: { id: string; email: string }[] = [];
    for (let index = 0; index < SESSIONS; index++) {
      const metadata = {
        tierId: tier.id,
        productId: tier.productId,
        priceCents: String(tier.priceCents),
      };
      const session = await stripe.checkout.sessions.create({
        mode: "payment",
        line_items: [
          {
            quantity: 1,
            price_data: {
              currency: tier.currency,
              unit_amount: tier.priceCents,
              product_data: { name: "Two instances" },
            },
          },
        ],
        metadata,
        payment_intent_data: { metadata },
        success_url: `${bases[0]}/checkout/success?session_id={CHECKOUT_SESSION_ID}`,
        cancel_url: `${bases[0]}/pricing`,
      });
      const email = `buyer-${index}-${randomBytes(3).toString("hex")}@example.com`;
      stripeEmulator.emulator.pay(session.id, { email });
      sessions.push({ id: session.id, email });
    }

    let deliveries = 0;
    await check(
      `exactly-once fulfilment (${SESSIONS} sessions, each webhook ×${2 * (REDELIVERIES + 1)} + success page ×2 across both instances)`,
      async () => {
        const statuses: number[] = [];
        const post = (base: string, event: unknown) => {
          const payload = JSON.stringify(event);
          const signature = stripe.webhooks.generateTestHeaderString({
            payload,
            secret: stripeEmulator!.webhookSecret,
          });
          return fetch(`${base}/api/webhooks/stripe`, {
            method: "POST",
            headers: { "content-type": "application/json", "stripe-signature": signature },
            body: payload,
          }).then((response) => statuses.push(response.status));
        };
        const event = (object: unknown) => ({
          id: `evt_${randomBytes(12).toString("hex")}`,
          object: "event",
          api_version: "2026-10-28.endive",
          created: Math.floor(Date.now() / 1000),
          livemode: false,
          pending_webhooks: 1,
          request: { id: null, idempotency_key: null },
          type: "checkout.session.completed",
          data: { object },
        });
        await Promise.all(
          sessions.map(async ({ id }) => {
            const object = await stripe.checkout.sessions.retrieve(id);
            const redelivered = event(object);
            const sends = bases.flatMap((base) => [
              ...Array.from({ length: REDELIVERIES }, () => post(base, redelivered)),
              post(base, event(object)),
              fetch(`${base}/checkout/success?session_id=${id}`).then(async (response) => {
                await response.text();
                statuses.push(response.status);
              }),
            ]);
            deliveries += sends.length;
            await Promise.all(sends);
          }),
        );
        const serverErrors = statuses.filter((status) => status >= 500).length;
        const answers = tally(statuses.map(String), (status, count) => `${count}×${status}`);
        const perSession = await query<{
          email: string;
          purchases: number;
          licenses: number;
          emails: number;
        }>(
          databaseUrl,
          `SELECT p."customerEmail" AS email, count(DISTINCT p.id)::int AS purchases,
                  count(DISTINCT l.id)::int AS licenses,
                  (SELECT count(*)::int FROM "EmailMessage" e
                    WHERE e.template = 'license-delivery' AND e."to" = p."customerEmail") AS emails
           FROM "Purchase" p LEFT JOIN "License" l ON l."purchaseId" = p.id
           WHERE p."sourceOrderId" = ANY($1) GROUP BY p."customerEmail"`,
          [sessions.map((session) => session.id)],
        );
        const wrong = sessions.filter(({ email }) => {
          const row = perSession.find((candidate) => candidate.email === email);
          return !row || row.purchases !== 1 || row.licenses !== 1 || row.emails !== 1;
        });
        log(
          `${deliveries} requests, answered ${answers}; ` +
            `${perSession.length} sessions fulfilled`,
        );
        if (serverErrors) return `${serverErrors} answers ≥ 500`;
        if (wrong.length)
          return `${wrong.length} of ${SESSIONS} sessions not exactly one purchase, license and email: ${JSON.stringify(perSession)}`;
      },
    );

    await check("each email sent once by the two outbox workers", async () => {
      const deadline = Date.now() + 60_000;
      let queued = Infinity;
      while (Date.now() < deadline) {
        const [row] = await query<{ queued: number }>(
          databaseUrl,
          `SELECT count(*)::int AS queued FROM "EmailMessage" WHERE status = 'QUEUED'`,
        );
        queued = row?.queued ?? Infinity;
        if (queued === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      if (queued !== 0) return `${queued} emails still QUEUED after 60 s`;
      const messages = await query<{ idempotencyKey: string; status: string; template: string }>(
        databaseUrl,
        `SELECT "idempotencyKey", status, template FROM "EmailMessage"`,
      );
      const notSent = messages.filter((message) => message.status !== "SENT");
      const notOnce = messages.filter(
        (message) => resend!.accepted.get(message.idempotencyKey) !== 1,
      );
      const unknown = [...resend!.accepted.keys()].filter(
        (key) => !messages.some((message) => message.idempotencyKey === key),
      );
      const sends = [...resend!.accepted.values()].reduce((sum, count) => sum + count, 0);
      const templates = tally(
        messages.map((message) => message.template),
        (template, count) => `${count} ${template}`,
      );
      const bySender = [...resend!.sendsByApiKey].map(([apiKey, count]) => `${apiKey}: ${count}`);
      log(
        `${messages.length} emails in the outbox (${templates}); ${sends} sends accepted by the ` +
          `stand-in (${bySender.join(", ")})`,
      );
      if (notSent.length) return `${notSent.length} emails not SENT`;
      if (notOnce.length)
        return `${notOnce.length} emails not accepted exactly once: ${notOnce
          .map(
            (message) =>
              `${message.idempotencyKey}×${resend!.accepted.get(message.idempotencyKey) ?? 0}`,
          )
          .join(", ")}`;
      if (unknown.length) return `${unknown.length} sends for no outbox email`;
      if (messages.length < SESSIONS) return `only ${messages.length} emails`;
    });

    const licenses = await query<{ id: string; keyCiphertext: string; seatLimit: number }>(
      databaseUrl,
      `SELECT l.id, l."keyCiphertext", l."seatLimit" FROM "License" l
       JOIN "Purchase" p ON p.id = l."purchaseId" WHERE p."sourceOrderId" = ANY($1) ORDER BY l.id`,
      [sessions.map((session) => session.id)],
    );
    if (licenses.length < 2) throw new Error("fulfilment issued fewer than two licenses");
    const [seatLicense, limitLicense] = licenses as [(typeof licenses)[0], (typeof licenses)[0]];

    const seats = seatLicense.seatLimit;
    await check(
      `seats never exceeded (${3 * seats} concurrent activations, seat limit ${seats})`,
      async () => {
        const key = openLicenseSecret(seatLicense.keyCiphertext);
        const answers = await Promise.all(
          Array.from({ length: 3 * seats }, async (_, index) => {
            const response = await fetch(`${bases[index % 2]}/api/v1/licenses/activate`, {
              method: "POST",
              headers: { "content-type": "application/json" },
              body: JSON.stringify({ key, fingerprint: `machine-${index}` }),
            });
            const body = (await response.json()) as { code?: string };
            return `${response.status} ${body.code ?? ""}`.trim();
          }),
        );
        const activated = answers.filter((answer) => answer === "201 ACTIVATED").length;
        const refused = answers.filter((answer) => answer === "409 SEAT_LIMIT_REACHED").length;
        const [{ live } = { live: -1 }] = await query<{ live: number }>(
          databaseUrl,
          `SELECT count(*)::int AS live FROM "Activation" WHERE "licenseId" = $1 AND "deactivatedAt" IS NULL`,
          [seatLicense.id],
        );
        log(`${activated} ACTIVATED, ${refused} SEAT_LIMIT_REACHED, ${live} live activations`);
        if (activated !== seats || refused !== 2 * seats || live !== seats)
          return `expected ${seats} ACTIVATED, ${2 * seats} SEAT_LIMIT_REACHED and ${seats} live; got ${JSON.stringify(answers)} and ${live} live`;
      },
    );

    await check(
      `license API limit shared (${2 * PER_KEY_LIMIT} validations of one key, limit ${PER_KEY_LIMIT} per key)`,
      async () => {
        const key = openLicenseSecret(limitLicense.keyCiphertext);
        const statuses = await Promise.all(
          Array.from({ length: 2 * PER_KEY_LIMIT }, async (_, index) => {
            const response = await fetch(`${bases[index % 2]}/api/v1/licenses/validate`, {
              method: "POST",
              headers: { "content-type": "application/json" },
              body: JSON.stringify({ key }),
            });
            await response.text();
            return response.status;
          }),
        );
        const allowed = statuses.filter((status) => status !== 429).length;
        const serverErrors = statuses.filter((status) => status >= 500).length;
        log(`${allowed} answered, ${statuses.length - allowed} refused with 429`);
        if (serverErrors) return `${serverErrors} answers ≥ 500`;
        if (allowed !== PER_KEY_LIMIT) return `expected ${PER_KEY_LIMIT} non-429, got ${allowed}`;
      },
    );
    log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    stopAll();
    await stripeEmulator?.stop().catch(() => {});
    resend?.server.closeAllConnections();
    resend?.server.close();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await dropScratch();
  }
}

process.on("SIGINT", () => {
  stopAll();
  void dropScratch().finally(() => process.exit(130));
});
main()
  .catch((error: unknown) => {
    console.error(error);
    results.push({ name: "setup", failure: String(error) });
  })
  .finally(() => {
    const failed = results.filter((result) => result.failure).length;
    console.log(`${results.length - failed} passed, ${failed} failed`);
    process.exit(failed === 0 && results.length > 0 ? 0 : 1);
  });
