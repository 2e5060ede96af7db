import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { uniqueSuffix } from "@/test/factories";
import { deliverDueEmails } from "./deliver-due-emails";
import { captureTransport, EmailSendError, type EmailTransport } from "./email-transport";
import { enqueueEmail } from "./enqueue-email";
import { retryEmail } from "./retry-email";

// deliverDueEmails sends the whole outbox: this file has a database of its own (see outbox.test.ts).
const ownDatabase = await vi.hoisted(async () =>
  (await import("@/test/scratch-database")).useOwnDatabase("keyfront_redact"),
);

afterAll(async () => {
  await db.$disconnect();
  await ownDatabase.drop();
});

beforeEach(async () => {
  await db.emailMessage.deleteMany();
});

const KEY = "PXM-7K2QF-0H9ZT-M4WQX-B8N3C-R1VDE";
const admin = { type: "ADMIN", id: "admin-1", label: "owner@keyfront.test" } as const;

const sent: { html: string; text: string }[] = [];
const provider: EmailTransport = async (email) => {
  sent.push({ html: email.html, text: email.text });
  return { providerMessageId: `re_${uniqueSuffix()}` };
};
const refusingProvider: EmailTransport = async () => {
  throw new EmailSendError("Resend 422: invalid recipient", true);
};

async function queueLicenseEmail() {
  const idempotencyKey = `license-delivery:test-${uniqueSuffix()}`;
  await db.$transaction((tx) =>
    enqueueEmail(tx, {
      idempotencyKey,
      to: "ada@example.com",
      template: "license-delivery",
      props: {
        customerName: "Ada",
        productName: "Pixelmill",
        tierName: "Commercial",
        licenseName: "Commercial license",
        termsSummary: "For client work.",
        termsUrl: "http://localhost:3000/license/commercial",
        portalUrl: "http://localhost:3000/account",
        keys: [KEY],
        seats: 3,
        expiresAt: null,
      },
    }),
  );
  return idempotencyKey;
}

async function queueSignInLink() {
  const url = `http://localhost:3000/api/auth/callback/email?token=${uniqueSuffix()}&email=ada%40example.com`;
  const idempotencyKey = `sign-in:test-${uniqueSuffix()}`;
  await db.$transaction((tx) =>
    enqueueEmail(tx, {
      idempotencyKey,
      to: "ada@example.com",
      template: "sign-in-link",
      props: { url, host: "localhost:3000", expiresInMinutes: 15 },
    }),
  );
  return { idempotencyKey, url };
}

const stored = (idempotencyKey: string) =>
  db.emailMessage.findUniqueOrThrow({ where: { idempotencyKey } });

describe("emails at rest", () => {
  it("keep no license key once a provider accepted them, and the customer got it", async () => {
    const idempotencyKey = await queueLicenseEmail();
    expect((await stored(idempotencyKey)).text).toContain(KEY);
    sent.length = 0;
    await deliverDueEmails({ transport: provider });
    expect(sent[0]!.text).toContain(KEY);
    expect(sent[0]!.html).toContain(KEY);
    const email = await stored(idempotencyKey);
    expect(email.status).toBe("SENT");
    expect(`${email.html}${email.text}`).not.toContain(KEY);
    expect(email.text).toContain("Pixelmill");
  });

  it("keep no sign-in link or key once the provider gave up on them, and cannot be retried as they are", async () => {
    const signIn = await queueSignInLink();
    const license = await queueLicenseEmail();
    await deliverDueEmails({ transport: refusingProvider });
    for (const idempotencyKey of [signIn.idempotencyKey, license]) {
      const email = await stored(idempotencyKey);
      expect(email.status).toBe("FAILED");
      expect(`${email.html}${email.text}`).not.toContain("token=");
      expect(`${email.html}${email.text}`).not.toContain(KEY);
      await expect(retryEmail({ emailId: email.id, actor: admin })).rejects.toThrow(
        "removed when it failed",
      );
    }
  });

  it("stay whole when captured locally without a provider: the outbox is where they are read", async () => {
    const license = await queueLicenseEmail();
    await deliverDueEmails({ transport: captureTransport });
    expect((await stored(license)).text).toContain(KEY);
  });

  it("stored before this are redacted by the migration the same way", async () => {
    const captured = await queueLicenseEmail();
    const delivered = await queueLicenseEmail();
    const signIn = await queueSignInLink();
    const receipt = `receipt:download-${uniqueSuffix()}`;
    await db.emailMessage.create({
      data: {
        idempotencyKey: receipt,
        to: "ada@example.com",
        template: "receipt",
        subject: "s",
        html: `<a href="http://localhost:3000/api/downloads/tok_${uniqueSuffix()}">get</a>`,
        text: "Download: http://localhost:3000/api/downloads/tok_abc?x=1 now",
      },
    });
    // As the code before redaction left them: delivered and stored whole.
    await db.emailMessage.updateMany({
      where: { idempotencyKey: { in: [delivered, signIn.idempotencyKey, receipt] } },
      data: { status: "SENT", providerMessageId: "re_before" },
    });
    await db.emailMessage.update({
      where: { idempotencyKey: captured },
      data: { status: "SENT", providerMessageId: `captured:${captured}` },
    });

    const migration = readFileSync(
      path.resolve("prisma/migrations/20261125110000_secrets_at_rest/migration.sql"),
      "utf8",
    );
    const emailSteps = migration
      .split(/;\s*\n/)
      .map((statement) => statement.replace(/^(\s*--.*\n)*/g, "").trim())
      .filter((statement) => statement.startsWith('UPDATE "EmailMessage"'));
    expect(emailSteps).toHaveLength(2);
    for (const statement of emailSteps) await db.$executeRawUnsafe(statement);

    expect((await stored(captured)).text).toContain(KEY);
    const redacted = await stored(delivered);
    expect(`${redacted.html}${redacted.text}`).not.toContain(KEY);
    expect(redacted.text).toContain("(license key removed once sent)");
    const signInEmail = await stored(signIn.idempotencyKey);
    expect(`${signInEmail.html}${signInEmail.text}`).not.toContain("token=");
    const receiptEmail = await stored(receipt);
    expect(`${receiptEmail.html}${receiptEmail.text}`).not.toContain("/api/downloads/");
    expect(receiptEmail.text).toBe("Download: (link removed once sent) now");
  });
});
