import { describe, expect, it } from "vitest";
import { POST as validate } from "@/app/api/v1/licenses/validate/route";
import { db } from "@/lib/db";
import { kickEmailDelivery } from "@/lib/email/email-worker";
import { verifyLicenseCertificate } from "@/sdk/verify-license-certificate";
import { publicKeyFormats } from "@/lib/licenses/license-certificate";
import { createLicense, createProduct, uniqueSuffix } from "@/test/factories";
import { buy, testStripe } from "@/test/stripe";
import { changeLicenseStatus } from "./change-license-status";
import { grantLicense } from "./grant-license";
import { purchasesCsv } from "./list-purchases";
import { replayWebhookEvent, retryEmail } from "./operations";
import { resetActivations } from "./reset-activations";
import { updateLicenseTerms } from "./update-license-terms";

const admin = { type: "ADMIN", id: "admin-1", label: "owner@keyfront.test" } as const;

async function validation(key: string) {
  const response = await validate(
    new Request("http://localhost/api/v1/licenses/validate", {
      method: "POST",
      headers: { "x-forwarded-for": `10.50.${uniqueSuffix().slice(0, 2)}.1` },
      body: JSON.stringify({ key }),
    }),
  );
  return (await response.json()) as { valid: boolean; code: string };
}

describe("admin license actions", () => {
  it("revokes with a reason, suspends and reinstates, each seen by the next validation and audited", async () => {
    const { license } = await createLicense();
    await expect(
      changeLicenseStatus({ licenseId: license.id, change: "revoke", reason: " ", actor: admin }),
    ).rejects.toThrow("Say why");
    await changeLicenseStatus({
      licenseId: license.id,
      change: "revoke",
      reason: "Chargeback fraud",
      actor: admin,
    });
    expect(await validation(license.key)).toMatchObject({ valid: false, code: "REVOKED" });
    expect((await db.license.findUniqueOrThrow({ where: { id: license.id } })).statusReason).toBe(
      "Chargeback fraud",
    );
    await changeLicenseStatus({ licenseId: license.id, change: "reinstate", actor: admin });
    expect(await validation(license.key)).toMatchObject({ valid: true, code: "VALID" });
    await changeLicenseStatus({ licenseId: license.id, change: "suspend", actor: admin });
    expect(await validation(license.key)).toMatchObject({ code: "SUSPENDED" });
    const audit = await db.auditLog.findMany({
      where: { entityId: license.id, actorType: "ADMIN" },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((row) => [row.action, row.actorLabel])).toEqual([
      ["license.revoked", "owner@keyfront.test"],
      ["license.reinstated", "owner@keyfront.test"],
      ["license.suspended", "owner@keyfront.test"],
    ]);
  });

  it("changes expiry and seats without touching the status, and signs the certificate again", async () => {
    const { license } = await createLicense();
    await changeLicenseStatus({
      licenseId: license.id,
      change: "revoke",
      reason: "Refunded by hand",
      actor: admin,
    });
    const expiresAt = new Date("2031-01-01T23:59:59.999Z");
    await updateLicenseTerms({ licenseId: license.id, expiresAt, seatLimit: 9, actor: admin });
    const updated = await db.license.findUniqueOrThrow({ where: { id: license.id } });
    expect([updated.status, updated.seatLimit, updated.expiresAt?.toISOString()]).toEqual([
      "REVOKED",
      9,
      expiresAt.toISOString(),
    ]);
    const check = await verifyLicenseCertificate(updated.certificate, publicKeyFormats().raw!, {
      now: new Date("2030-01-01"),
    });
    expect(check.valid && [check.payload.seats, check.payload.expiresAt]).toEqual([
      9,
      expiresAt.toISOString(),
    ]);
  });

  it("resets every activation", async () => {
    const { license } = await createLicense({ seatLimit: 3 });
    await db.activation.createMany({
      data: [
        { licenseId: license.id, fingerprint: "a" },
        { licenseId: license.id, fingerprint: "b" },
      ],
    });
    await resetActivations({ licenseId: license.id, actor: admin });
    expect(
      await db.activation.count({ where: { licenseId: license.id, deactivatedAt: null } }),
    ).toBe(0);
  });

  it("grants a license by hand with a MANUAL purchase and its email", async () => {
    const product = await createProduct();
    const email = `gift-${uniqueSuffix()}@example.com`;
    const { purchase, license } = await grantLicense({
      tierId: product.tiers[0]!.id,
      email: email.toUpperCase(),
      actor: admin,
    });
    expect([purchase.source, purchase.status, purchase.amountCents, license.customerEmail]).toEqual(
      ["MANUAL", "PAID", 0, email],
    );
    expect(
      await db.emailMessage.count({ where: { to: email, template: "license-delivery" } }),
    ).toBe(1);
  });
});

describe("admin operations", () => {
  it("exports purchases in a date range as CSV, safe for spreadsheets", async () => {
    const product = await createProduct();
    await grantLicense({
      tierId: product.tiers[0]!.id,
      email: `csv-${uniqueSuffix()}@example.com`,
      name: "=HYPERLINK()",
      actor: admin,
    });
    const today = new Date().toISOString().slice(0, 10);
    const text = await new Response(
      purchasesCsv({ from: today, to: today, product: product.slug }),
    ).text();
    const lines = text.trim().split("\n");
    expect(lines[0]).toBe(
      "created_at,paid_at,purchase_id,source,order_id,status,test,email,product,tier,quantity,amount,currency,payment_intent,refunded_at",
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`,MANUAL,`);
    expect(lines[1]).toContain(`,${product.slug},personal,1,0.00,USD,`);
    expect(await new Response(purchasesCsv({ from: "2001-01-01", to: "2001-01-02" })).text()).toBe(
      `${lines[0]}\n`,
    );
  });

  it("replays a failed webhook event through the same path once the cause is fixed", async () => {
    testStripe().setDelivery(false);
    const product = await createProduct();
    const { sessionId } = await buy({ tierId: product.tiers[0]!.id });
    testStripe().setDelivery(true);
    testStripe().failNextRequests(3);
    const { fixtureEvent, postStripeEvent } = await import("@/test/stripe");
    const event = fixtureEvent("checkout.session.completed.event.json", { id: sessionId });
    expect((await postStripeEvent(event)).status).toBe(503);
    const stored = await db.webhookEvent.findFirstOrThrow({ where: { providerEventId: event.id } });
    expect(stored.status).toBe("FAILED");

    expect(await replayWebhookEvent({ webhookEventId: stored.id, actor: admin })).toEqual({
      outcome: "processed",
    });
    expect(await replayWebhookEvent({ webhookEventId: stored.id, actor: admin })).toEqual({
      outcome: "processed",
    });
    expect(await db.license.count({ where: { purchase: { sourceOrderId: sessionId } } })).toBe(1);
    expect(
      await db.auditLog.count({ where: { entityId: stored.id, action: "webhook_event.replayed" } }),
    ).toBe(2);
  });

  it("puts a failed email back in the outbox", async () => {
    const { license } = await createLicense();
    const email = await db.emailMessage.create({
      data: {
        idempotencyKey: `failed-${uniqueSuffix()}`,
        to: license.customerEmail,
        template: "receipt",
        subject: "s",
        html: "h",
        text: "t",
        status: "FAILED",
        attempts: 3,
        lastError: "Resend 503",
      },
    });
    await retryEmail({ emailId: email.id, actor: admin });
    await kickEmailDelivery();
    // Delivered again (captured: no Resend key in tests) with a fresh attempt count.
    expect(await db.emailMessage.findUniqueOrThrow({ where: { id: email.id } })).toMatchObject({
      status: "SENT",
      attempts: 1,
      lastError: null,
    });
    await expect(retryEmail({ emailId: "nosuchemail", actor: admin })).rejects.toThrow(
      "No failed email",
    );
  });
});
