import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createProduct } from "@/test/factories";
import { itOnPostgres } from "@/test/on-postgres";
import {
  buy,
  describeWithStripeFixtures,
  fixtureEvent,
  postStripeEvent,
  testStripe,
} from "@/test/stripe";
import { fulfillCheckout } from "./fulfill-checkout";
import { openLicenseSecret } from "@/lib/licenses/license-secrets";

const actor = { type: "SYSTEM" } as const;

afterEach(() => testStripe().setDelivery(true));

async function purchaseOf(sessionId: string) {
  return db.purchase.findMany({ where: { sourceOrderId: sessionId }, include: { licenses: true } });
}

const emailsFor = (purchaseId: string) =>
  db.emailMessage.findMany({
    where: { idempotencyKey: { in: [`license-delivery:${purchaseId}`, `receipt:${purchaseId}`] } },
  });

describe("a paid checkout", () => {
  it("becomes one PAID purchase with a license, its emails and audit rows", async () => {
    const product = await createProduct();
    const tier = product.tiers[1]!;
    const { sessionId, paymentIntentId } = await buy({
      tierId: tier.id,
      email: "Buyer@Example.com",
      name: "Grace",
    });

    const [purchase, ...others] = await purchaseOf(sessionId);
    expect(others).toEqual([]);
    expect(purchase).toMatchObject({
      source: "STRIPE",
      status: "PAID",
      customerEmail: "buyer@example.com",
      customerName: "Grace",
      amountCents: tier.priceCents,
      currency: "usd",
      paymentIntentId,
      testMode: true,
      tierId: tier.id,
    });
    expect((purchase!.providerObject as { id: string }).id).toBe(sessionId);
    expect(purchase!.licenses).toHaveLength(1);
    const license = purchase!.licenses[0]!;
    expect(license).toMatchObject({
      status: "ACTIVE",
      seatLimit: tier.seatLimit,
      expiresAt: null,
      customerEmail: "buyer@example.com",
    });
    const key = openLicenseSecret(license.keyCiphertext);
    expect(key).toMatch(/^TEST(-[0-9A-HJKMNP-TV-Z]{5}){5}$/);

    const emails = await emailsFor(purchase!.id);
    expect(emails.map((email) => email.template).sort()).toEqual(["license-delivery", "receipt"]);
    expect(emails.find((email) => email.template === "license-delivery")!.text).toContain(key);

    const audit = await db.auditLog.findMany({
      where: { entityId: { in: [purchase!.id, license.id] } },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((row) => [row.action, row.actorType])).toEqual([
      ["purchase.recorded", "WEBHOOK"],
      ["purchase.paid", "WEBHOOK"],
      ["license.issued", "WEBHOOK"],
    ]);
  });

  it("gives a time-limited tier's license its expiry", async () => {
    const product = await createProduct();
    const { sessionId } = await buy({ tierId: product.tiers[0]!.id });
    const [purchase] = await purchaseOf(sessionId);
    const license = purchase!.licenses[0]!;
    expect(license.expiresAt!.getTime() - license.issuedAt.getTime()).toBe(365 * 86_400_000);
  });

  describeWithStripeFixtures("with Stripe's own completion event", () => {
    itOnPostgres(
      "yields exactly one purchase, license and license email for 20 concurrent fulfilments and the webhook",
      async () => {
        testStripe().setDelivery(false);
        const product = await createProduct();
        const { sessionId } = await buy({ tierId: product.tiers[2]!.id });
        testStripe().setDelivery(true);
        const completed = fixtureEvent("checkout.session.completed.event.json", { id: sessionId });

        const results = await Promise.all([
          ...Array.from({ length: 20 }, () => fulfillCheckout({ sessionId, actor })),
          postStripeEvent(completed),
        ]);
        const fulfilments = results.slice(0, 20) as Awaited<ReturnType<typeof fulfillCheckout>>[];
        expect(fulfilments.every((result) => result.status === "recorded")).toBe(true);
        // The license was issued by one of the 21 callers (maybe the webhook), never by two.
        expect(
          fulfilments.filter((result) => result.status === "recorded" && result.issuedNow).length,
        ).toBeLessThanOrEqual(1);
        expect((results[20] as Response).status).toBe(200);

        const purchases = await purchaseOf(sessionId);
        expect(purchases).toHaveLength(1);
        expect(purchases[0]!.licenses).toHaveLength(1);
        const emails = await emailsFor(purchases[0]!.id);
        expect(emails.filter((email) => email.template === "license-delivery")).toHaveLength(1);
        expect(
          await db.auditLog.count({
            where: { entityId: purchases[0]!.id, action: "purchase.paid" },
          }),
        ).toBe(1);
      },
    );
  });
});

describe("refunds, disputes and delayed payments", () => {
  it("revokes the licenses of a refunded purchase", async () => {
    const product = await createProduct();
    const { sessionId, paymentIntentId } = await buy({ tierId: product.tiers[0]!.id });
    testStripe().emulator.refund({ payment_intent: paymentIntentId });
    await testStripe().settled();

    const [purchase] = await purchaseOf(sessionId);
    expect(purchase!.status).toBe("REFUNDED");
    expect(purchase!.refundedAt).toBeInstanceOf(Date);
    expect(purchase!.licenses.map((license) => [license.status, license.statusReason])).toEqual([
      ["REVOKED", "Payment refunded"],
    ]);
  });

  it("keeps the license of a partly refunded purchase", async () => {
    const product = await createProduct();
    const { sessionId, paymentIntentId } = await buy({ tierId: product.tiers[2]!.id });
    testStripe().emulator.refund({ payment_intent: paymentIntentId, amount: "100" });
    await testStripe().settled();
    const [purchase] = await purchaseOf(sessionId);
    expect([purchase!.status, purchase!.licenses[0]!.status]).toEqual(["PAID", "ACTIVE"]);
  });

  it("suspends the licenses of a disputed purchase, and a later refund revokes them", async () => {
    const product = await createProduct();
    const { sessionId, paymentIntentId } = await buy({ tierId: product.tiers[0]!.id });
    testStripe().emulator.dispute({ payment_intent: paymentIntentId });
    await testStripe().settled();
    let [purchase] = await purchaseOf(sessionId);
    expect([purchase!.status, purchase!.licenses[0]!.status]).toEqual(["DISPUTED", "SUSPENDED"]);

    testStripe().emulator.refund({ payment_intent: paymentIntentId });
    await testStripe().settled();
    [purchase] = await purchaseOf(sessionId);
    expect([purchase!.status, purchase!.licenses[0]!.status]).toEqual(["REFUNDED", "REVOKED"]);
  });

  it("licenses a delayed payment only once it succeeds", async () => {
    const product = await createProduct();
    const { sessionId } = await buy({ tierId: product.tiers[0]!.id, delayed: true });
    let [purchase] = await purchaseOf(sessionId);
    expect([purchase!.status, purchase!.licenses.length]).toEqual(["PENDING", 0]);

    testStripe().emulator.settleDelayedPayment(sessionId, "succeeded");
    await testStripe().settled();
    [purchase] = await purchaseOf(sessionId);
    expect([purchase!.status, purchase!.licenses.length]).toEqual(["PAID", 1]);
  });

  it("marks a failed delayed payment FAILED and never licenses it", async () => {
    const product = await createProduct();
    const { sessionId } = await buy({ tierId: product.tiers[0]!.id, delayed: true });
    testStripe().emulator.settleDelayedPayment(sessionId, "failed");
    await testStripe().settled();
    const [purchase] = await purchaseOf(sessionId);
    expect([purchase!.status, purchase!.licenses.length]).toEqual(["FAILED", 0]);
    expect(await emailsFor(purchase!.id)).toEqual([]);
  });
});

describeWithStripeFixtures("events out of order", () => {
  it("issues no license when the refund arrives before the completion", async () => {
    testStripe().setDelivery(false);
    const product = await createProduct();
    const { sessionId, paymentIntentId } = await buy({ tierId: product.tiers[0]!.id });

    const refunded = fixtureEvent("charge.refunded.event.json", {
      payment_intent: paymentIntentId,
      refunded: true,
    });
    expect((await postStripeEvent(refunded)).status).toBe(200);
    const completed = fixtureEvent("checkout.session.completed.event.json", {
      id: sessionId,
      payment_intent: paymentIntentId,
    });
    expect((await postStripeEvent(completed)).status).toBe(200);

    const [purchase] = await purchaseOf(sessionId);
    expect([purchase!.status, purchase!.licenses.length]).toEqual(["REFUNDED", 0]);
    expect(await emailsFor(purchase!.id)).toEqual([]);
  });

  it("keeps a license revoked when the completion is delivered again after the refund", async () => {
    testStripe().setDelivery(false);
    const product = await createProduct();
    const { sessionId, paymentIntentId } = await buy({ tierId: product.tiers[0]!.id });
    const completed = fixtureEvent("checkout.session.completed.event.json", { id: sessionId });
    const again = { ...completed, id: `${completed.id}_redelivered` };

    await postStripeEvent(completed);
    await postStripeEvent(
      fixtureEvent("charge.refunded.event.json", {
        payment_intent: paymentIntentId,
        refunded: true,
      }),
    );
    await postStripeEvent(again);
    await postStripeEvent(completed);

    const [purchase] = await purchaseOf(sessionId);
    expect(purchase!.status).toBe("REFUNDED");
    expect(purchase!.licenses.map((license) => license.status)).toEqual(["REVOKED"]);
  });

  it("suspends nothing twice when a dispute arrives before the completion", async () => {
    testStripe().setDelivery(false);
    const product = await createProduct();
    const { sessionId, paymentIntentId } = await buy({ tierId: product.tiers[0]!.id });
    await postStripeEvent(
      fixtureEvent("charge.dispute.created.event.json", { payment_intent: paymentIntentId }),
    );
    await postStripeEvent(fixtureEvent("checkout.session.completed.event.json", { id: sessionId }));
    const [purchase] = await purchaseOf(sessionId);
    expect([purchase!.status, purchase!.licenses.length]).toEqual(["DISPUTED", 0]);
  });
});
