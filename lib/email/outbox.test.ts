import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { uniqueSuffix } from "@/test/factories";
import { queueTestReceipt, storedEmail } from "@/test/outbox";
import { itOnPostgres } from "@/test/on-postgres";
import { deliverDueEmails } from "./deliver-due-emails";
import { captureTransport, resendTransport } from "./email-transport";
import { enqueueEmail } from "./enqueue-email";

// deliverDueEmails sends whatever is due in the whole outbox: this file has a database of its own,
// or it would send, and count, the emails other test files queue at the same time.
const ownDatabase = await vi.hoisted(async () =>
  (await import("@/test/scratch-database")).useOwnDatabase("keyfront_outbox"),
);

// A local stand-in for api.resend.com, spoken to through the real `resend` SDK (RESEND_BASE_URL).
let resendApi: Server;
let answers: { status: number; body: unknown }[] = [];
const received: {
  path: string;
  idempotencyKey: string | undefined;
  body: Record<string, unknown>;
}[] = [];

beforeAll(async () => {
  resendApi = createServer(async (request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    received.push({
      path: request.url ?? "",
      idempotencyKey: request.headers["idempotency-key"] as string | undefined,
      body: JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>,
    });
    const answer = answers.shift() ?? { status: 200, body: { id: `re_${uniqueSuffix()}` } };
    response.writeHead(answer.status, { "content-type": "application/json" });
    response.end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => resendApi.listen(0, "127.0.0.1", resolve));
  process.env.RESEND_BASE_URL = `http://127.0.0.1:${(resendApi.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => resendApi.close(() => resolve()));
  await db.$disconnect();
  await ownDatabase.drop();
});

beforeEach(async () => {
  answers = [];
  received.length = 0;
  // Each test starts from an empty outbox (this file's own database: see above).
  await db.emailMessage.deleteMany();
});

const resend = () => resendTransport({ apiKey: "re_test_key", from: "Shop <shop@example.com>" });

describe("the email outbox", () => {
  it("renders once per idempotency key, with subject, HTML and plain text", async () => {
    const key = await queueTestReceipt();
    await db.$transaction(async (tx) => {
      await enqueueEmail(tx, {
        idempotencyKey: key,
        to: "someone-else@example.com",
        template: "receipt",
        props: {
          customerName: null,
          receiptNumber: "X",
          paidAt: "",
          productName: "",
          tierName: "",
          quantity: 1,
          amount: "",
          paymentReference: null,
        },
      });
    });
    const email = await storedEmail(key);
    expect(email).toMatchObject({
      to: "ada@example.com",
      status: "QUEUED",
      subject: "Receipt for Pixelmill ($49.00)",
    });
    expect(email.html).toContain("<html");
    expect(email.text).toContain("Amount paid");
    expect(email.text).toContain("$49.00");
    expect(await db.emailMessage.count({ where: { idempotencyKey: key } })).toBe(1);
  });

  it("escapes what a customer typed into their name", async () => {
    const key = await queueTestReceipt('<script>alert("x")</script>\r\nBcc: evil@example.com');
    const email = await storedEmail(key);
    expect(email.html).not.toContain("<script>");
    expect(email.html).toContain("&lt;script&gt;");
    expect(email.subject).not.toMatch(/[\r\n]/);
  });

  it("captures emails when Resend is not configured", async () => {
    const key = await queueTestReceipt();
    expect(await deliverDueEmails({ transport: captureTransport })).toMatchObject({ sent: 1 });
    expect(await storedEmail(key)).toMatchObject({
      status: "SENT",
      attempts: 1,
      providerMessageId: `captured:${key}`,
    });
  });

  it("sends through Resend with the outbox's idempotency key", async () => {
    const key = await queueTestReceipt();
    answers = [{ status: 200, body: { id: "re_sent_1" } }];
    expect(await deliverDueEmails({ transport: resend() })).toMatchObject({ sent: 1 });
    expect(await storedEmail(key)).toMatchObject({
      status: "SENT",
      providerMessageId: "re_sent_1",
    });
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ path: "/emails", idempotencyKey: key });
    expect(received[0]!.body).toMatchObject({
      from: "Shop <shop@example.com>",
      to: "ada@example.com",
      subject: "Receipt for Pixelmill ($49.00)",
    });
  });

  // Giving up at the end of the schedule (about a day) is in email-retries.test.ts.
  it("retries a 5xx with backoff: 30 seconds, then 2 minutes, then 8", async () => {
    const key = await queueTestReceipt();
    const outage = {
      status: 503,
      body: { name: "application_error", message: "down", statusCode: 503 },
    };
    answers = [outage, outage, outage];

    expect(await deliverDueEmails({ transport: resend() })).toMatchObject({ retrying: 1 });
    let email = await storedEmail(key);
    expect(email).toMatchObject({ status: "QUEUED", attempts: 1 });
    expect(email.lastError).toMatch(/Resend 503/);
    expect(email.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 25_000);

    // Not due yet: nothing is sent.
    expect(await deliverDueEmails({ transport: resend() })).toMatchObject({ sent: 0, retrying: 0 });

    await db.emailMessage.update({
      where: { idempotencyKey: key },
      data: { nextAttemptAt: new Date() },
    });
    await deliverDueEmails({ transport: resend() });
    email = await storedEmail(key);
    expect(email).toMatchObject({ status: "QUEUED", attempts: 2 });
    expect(email.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 110_000);

    await db.emailMessage.update({
      where: { idempotencyKey: key },
      data: { nextAttemptAt: new Date() },
    });
    expect(await deliverDueEmails({ transport: resend() })).toMatchObject({ retrying: 1 });
    email = await storedEmail(key);
    expect(email).toMatchObject({ status: "QUEUED", attempts: 3 });
    expect(email.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 470_000);
    expect(received).toHaveLength(3);
  });

  it("does not retry a 4xx Resend rejects for good", async () => {
    const key = await queueTestReceipt();
    answers = [
      {
        status: 422,
        body: { name: "validation_error", message: "Invalid `to` field.", statusCode: 422 },
      },
    ];
    expect(await deliverDueEmails({ transport: resend() })).toMatchObject({ failed: 1 });
    const email = await storedEmail(key);
    expect(email).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(email.lastError).toContain("Invalid `to` field.");
  });

  it("delivers an email whose claim a crashed worker abandoned, and leaves a live claim alone", async () => {
    const [abandoned, live] = await Promise.all([queueTestReceipt(), queueTestReceipt()]);
    // Both were claimed (status SENDING, one attempt) by workers that never finished: one six
    // minutes ago, one a minute ago and possibly still sending.
    for (const [key, minutesAgo] of [
      [abandoned, 6],
      [live, 1],
    ] as const) {
      await db.$executeRaw`UPDATE "EmailMessage"
        SET status = 'SENDING', attempts = 1, "updatedAt" = now() - make_interval(mins => ${minutesAgo})
        WHERE "idempotencyKey" = ${key}`;
    }

    expect(await deliverDueEmails({ transport: resend() })).toMatchObject({ sent: 1 });
    expect(received.map((request) => request.idempotencyKey)).toEqual([abandoned]);
    expect(await storedEmail(abandoned)).toMatchObject({ status: "SENT", attempts: 2 });
    expect(await storedEmail(live)).toMatchObject({ status: "SENDING", attempts: 1 });
  });

  it("removes a sign-in link from the outbox once a provider has it, and keeps a captured one", async () => {
    const queueSignInLink = async () => {
      const url = `http://localhost:3000/api/auth/callback/email?token=${uniqueSuffix()}`;
      const key = `sign-in:test-${uniqueSuffix()}`;
      await db.$transaction((tx) =>
        enqueueEmail(tx, {
          idempotencyKey: key,
          to: "ada@example.com",
          template: "sign-in-link",
          props: { url, host: "localhost:3000", expiresInMinutes: 15 },
        }),
      );
      return { key, url };
    };

    const sent = await queueSignInLink();
    expect((await storedEmail(sent.key)).text).toContain(sent.url);
    expect(await deliverDueEmails({ transport: resend() })).toMatchObject({ sent: 1 });
    expect(JSON.stringify(received[0]!.body)).toContain(sent.url);
    const stored = await storedEmail(sent.key);
    expect(stored.status).toBe("SENT");
    expect(stored.text).not.toContain("token=");
    expect(stored.html).not.toContain("token=");

    // With no provider the outbox is the only place a local user can read the link.
    const captured = await queueSignInLink();
    await deliverDueEmails({ transport: captureTransport });
    expect((await storedEmail(captured.key)).text).toContain(captured.url);
  });

  itOnPostgres("never sends one email twice when two workers run at once", async () => {
    const keys = await Promise.all([queueTestReceipt(), queueTestReceipt(), queueTestReceipt()]);
    await Promise.all([
      deliverDueEmails({ transport: resend() }),
      deliverDueEmails({ transport: resend() }),
    ]);
    expect(received.map((request) => request.idempotencyKey).sort()).toEqual([...keys].sort());
  });
});
