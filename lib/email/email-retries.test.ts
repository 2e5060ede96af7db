import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { storeOverview } from "@/lib/admin/store-overview";
import { sendSignInLink } from "@/lib/auth/send-sign-in-link";
import { db } from "@/lib/db";
import { uniqueSuffix } from "@/test/factories";
import { queueTestReceipt, storedEmail } from "@/test/outbox";
import { deliverDueEmails, EMAIL_RETRY_DELAYS_MS, MAX_EMAIL_ATTEMPTS } from "./deliver-due-emails";
import { resendTransport } from "./email-transport";
import { emailDeliveryIdle } from "./email-worker";

// deliverDueEmails sends the whole outbox: this file has a database of its own (see outbox.test.ts).
// With a Resend key configured, the delivery a request starts goes to the stand-in below.
const ownDatabase = await vi.hoisted(async () => {
  process.env.RESEND_API_KEY = "re_test_key";
  return (await import("@/test/scratch-database")).useOwnDatabase("keyfront_email_retries");
});

type Answer = { status: number; body: unknown } | { stallMs: number };

// A local stand-in for api.resend.com, spoken to through the real `resend` SDK (RESEND_BASE_URL).
// `answer` decides each reply; `accepted` counts the emails it took, per idempotency key.
let answer: (idempotencyKey: string) => Answer;
const requests: string[] = [];
const accepted = new Map<string, number>();
const resendApi = createServer(async (request, response) => {
  for await (const chunk of request) void chunk;
  const key = String(request.headers["idempotency-key"]);
  requests.push(key);
  const reply = answer(key);
  if ("stallMs" in reply) setTimeout(() => acceptSend(key, response), reply.stallMs).unref();
  else if (reply.status === 200) acceptSend(key, response);
  else respond(response, reply.status, reply.body);
});

function acceptSend(key: string, response: ServerResponse) {
  // A call the client gave up on never reached Resend's answer: not a send.
  if (response.destroyed) return;
  accepted.set(key, (accepted.get(key) ?? 0) + 1);
  respond(response, 200, { id: `re_${uniqueSuffix()}` });
}

function respond(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}

const outage = {
  status: 500,
  body: { name: "application_error", message: "Resend is down", statusCode: 500 },
};

beforeAll(async () => {
  await new Promise<void>((resolve) => resendApi.listen(0, "127.0.0.1", resolve));
  process.env.RESEND_BASE_URL = `http://127.0.0.1:${(resendApi.address() as AddressInfo).port}`;
});

afterAll(async () => {
  resendApi.closeAllConnections();
  await new Promise<void>((resolve) => resendApi.close(() => resolve()));
  delete process.env.RESEND_API_KEY;
  delete process.env.RESEND_BASE_URL;
  await db.$disconnect();
  await ownDatabase.drop();
});

beforeEach(async () => {
  answer = () => ({ status: 200, body: null });
  requests.length = 0;
  accepted.clear();
  await db.emailMessage.deleteMany();
});

const resend = (timeoutMs?: number) =>
  resendTransport({ apiKey: "re_test_key", from: "Shop <shop@example.com>", timeoutMs });

describe("a stalled email provider", () => {
  it("never holds up the sign-in request that queued the email", async () => {
    answer = () => ({ stallMs: 2_000 });
    const email = `stalled-${uniqueSuffix()}@example.com`;

    const started = performance.now();
    await sendSignInLink({
      email,
      url: `http://localhost:3000/api/auth/callback/email?token=${uniqueSuffix()}`,
    });
    const requestMs = performance.now() - started;
    expect(requestMs).toBeLessThan(1_000);

    // Delivery carries on in the background and gets through once Resend answers.
    await emailDeliveryIdle();
    const sent = await db.emailMessage.findFirstOrThrow({ where: { to: email } });
    expect(sent.status).toBe("SENT");
    expect(accepted.get(sent.idempotencyKey)).toBe(1);
  });

  it("is given up on after the timeout, and the email is sent by a later attempt", async () => {
    const key = await queueTestReceipt();
    // The first call is never answered; Resend is back for the next one.
    answer = () => (requests.length === 1 ? { stallMs: 60_000 } : { status: 200, body: null });
    const now = new Date();

    const started = performance.now();
    const firstPass = await deliverDueEmails({ transport: resend(200), now });
    const passMs = performance.now() - started;
    expect(firstPass).toMatchObject({ sent: 0, retrying: 1 });
    expect(passMs).toBeGreaterThanOrEqual(190);
    expect(passMs).toBeLessThan(2_000);
    const queued = await storedEmail(key);
    expect(queued).toMatchObject({ status: "QUEUED", attempts: 1 });
    expect(queued.lastError).toBe("Resend did not answer within 200 ms");

    const retryAt = new Date(now.getTime() + EMAIL_RETRY_DELAYS_MS[0]);
    expect(await deliverDueEmails({ transport: resend(200), now: retryAt })).toMatchObject({
      sent: 1,
    });
    expect(await storedEmail(key)).toMatchObject({ status: "SENT", attempts: 2 });
    // Both calls carried the same idempotency key: had Resend taken the first, it would not
    // have delivered the second.
    expect(requests).toEqual([key, key]);
    expect(accepted.get(key)).toBe(1);
  });
});

describe("retries", () => {
  it("outlive a ten-minute outage: every email is sent exactly once and none fails", async () => {
    const keys = await Promise.all(Array.from({ length: 5 }, () => queueTestReceipt()));
    const start = Date.now();
    let now = new Date(start);
    answer = () => (now.getTime() - start < 10 * 60_000 ? outage : { status: 200, body: null });

    // The worker polls every 10 seconds: play out half an hour of it.
    for (let elapsed = 0; elapsed <= 30 * 60_000; elapsed += 10_000) {
      now = new Date(start + elapsed);
      await deliverDueEmails({ transport: resend(), now });
    }

    for (const key of keys) {
      expect(accepted.get(key), key).toBe(1);
      // Refused at 0, 30 s and 2.5 min; sent at 10.5 min.
      expect(await storedEmail(key)).toMatchObject({
        status: "SENT",
        attempts: 4,
        lastError: null,
      });
    }
    expect(requests).toHaveLength(4 * keys.length);
    expect(await db.emailMessage.count({ where: { status: "FAILED" } })).toBe(0);
  });

  it("span about a day before the email is marked FAILED and flagged on the admin overview", async () => {
    const key = await queueTestReceipt();
    answer = () => outage;
    const firstAttemptAt = new Date();
    let now = firstAttemptAt;
    const attemptTimes: number[] = [];

    for (let pass = 0; pass < 20; pass++) {
      await deliverDueEmails({ transport: resend(), now });
      attemptTimes.push(now.getTime());
      const email = await storedEmail(key);
      if (email.status !== "QUEUED") break;
      now = email.nextAttemptAt;
    }

    const failed = await storedEmail(key);
    expect(failed).toMatchObject({ status: "FAILED", attempts: MAX_EMAIL_ATTEMPTS });
    expect(failed.lastError).toMatch(/Resend 500/);
    expect(MAX_EMAIL_ATTEMPTS).toBe(8);
    expect(requests).toHaveLength(MAX_EMAIL_ATTEMPTS);
    expect(accepted.size).toBe(0);
    // Each wait is the schedule's, and the whole schedule spans about 24 hours.
    expect(attemptTimes.slice(1).map((time, index) => time - attemptTimes[index]!)).toEqual([
      ...EMAIL_RETRY_DELAYS_MS,
    ]);
    const spanHours = (attemptTimes.at(-1)! - firstAttemptAt.getTime()) / 3_600_000;
    expect(spanHours).toBeGreaterThan(22);
    expect(spanHours).toBeLessThan(26);

    expect((await storeOverview()).alerts.failedEmails).toBe(1);
  });
});
