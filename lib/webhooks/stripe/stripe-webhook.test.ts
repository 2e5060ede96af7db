import { randomBytes } from "node:crypto";
import Stripe from "stripe";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createProduct } from "@/test/factories";
import {
  buy,
  describeWithStripeFixtures,
  fixtureEvent,
  postStripeEvent,
  testStripe,
} from "@/test/stripe";

afterEach(() => testStripe().setDelivery(true));

/** A raw body, signed correctly with the app's webhook secret, posted as Stripe would. */
async function postSignedBody(payload: string) {
  const { POST } = await import("@/app/api/webhooks/stripe/route");
  return POST(
    new Request("http://localhost/api/webhooks/stripe", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "stripe-signature": new Stripe("sk_test_x").webhooks.generateTestHeaderString({
          payload,
          secret: testStripe().webhookSecret,
        }),
      },
      body: payload,
    }),
  );
}

const storedEvent = (id: string) =>
  db.webhookEvent.findUnique({
    where: { provider_providerEventId: { provider: "stripe", providerEventId: id } },
  });

describeWithStripeFixtures("POST /api/webhooks/stripe", () => {
  it("refuses a bad signature with 400 and stores nothing", async () => {
    const event = fixtureEvent("event.json", {});
    for (const options of [
      { secret: "whsec_not_ours" },
      { signature: "" },
      { signature: "t=1,v1=deadbeef" },
    ]) {
      const response = await postStripeEvent(event, options);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        error: {
          code: "INVALID_SIGNATURE",
          message: "The Stripe-Signature header does not match this payload.",
        },
      });
    }
    expect(await storedEvent(event.id)).toBeNull();
  });

  it("refuses a signature dated more than five minutes either side of now, and says why", async () => {
    const event = fixtureEvent("event.json", {});
    const now = Math.floor(Date.now() / 1000);
    for (const timestamp of [now - 600, now + 600, now + 24 * 3600]) {
      const response = await postStripeEvent(event, { timestamp });
      expect(response.status, `signed at now ${timestamp - now} s`).toBe(400);
      const { error } = (await response.json()) as { error: { code: string; message: string } };
      expect(error.code).toBe("INVALID_SIGNATURE");
      expect(error.message).toMatch(/timestamp is outside the tolerance/);
    }
    expect(await storedEvent(event.id)).toBeNull();
    // A clock a minute behind Stripe's is within the tolerance.
    expect((await postStripeEvent(event, { timestamp: now + 60 })).status).toBe(200);
  });

  it("refuses a correctly signed body that is not an event with 400, and stores nothing", async () => {
    const marker = `not.an.event.${randomBytes(6).toString("hex")}`;
    const numericId = Number.parseInt(randomBytes(5).toString("hex"), 16);
    const envelope = { object: "event", type: marker, data: { object: {} } };
    const bodies = [
      "[]",
      "null",
      "{}",
      '"evt_1"',
      "not json",
      JSON.stringify({ ...envelope, id: numericId }),
      JSON.stringify({ ...envelope, id: "" }),
      JSON.stringify({ ...envelope, id: `evt_${marker}`, type: undefined }),
      JSON.stringify({ ...envelope, id: `evt_${marker}`, data: null }),
      JSON.stringify({ ...envelope, id: `evt_${marker}`, object: "charge" }),
    ];
    for (const body of bodies) {
      const response = await postSignedBody(body);
      expect(response.status, body).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code, body).toBe(
        "INVALID_WEBHOOK_EVENT",
      );
    }
    expect(
      await db.webhookEvent.count({
        where: {
          OR: [
            { type: marker },
            { providerEventId: { in: [String(numericId), `evt_${marker}`, "evt_1"] } },
          ],
        },
      }),
    ).toBe(0);
  });

  it("refuses a body that was re-serialized after signing", async () => {
    const event = fixtureEvent("event.json", {});
    const signature = new Stripe("sk_test_x").webhooks.generateTestHeaderString({
      payload: JSON.stringify(event),
      secret: testStripe().webhookSecret,
    });
    const { POST } = await import("@/app/api/webhooks/stripe/route");
    const response = await POST(
      new Request("http://localhost/api/webhooks/stripe", {
        method: "POST",
        headers: { "stripe-signature": signature },
        body: JSON.stringify(event, null, 2),
      }),
    );
    expect(response.status).toBe(400);
  });

  it("stores an unknown event type and acknowledges it", async () => {
    const event = fixtureEvent("event.json", {});
    const response = await postStripeEvent(event);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: true, outcome: "ignored" });
    expect(await storedEvent(event.id)).toMatchObject({
      type: "plan.created",
      status: "IGNORED",
      attempts: 1,
    });
  });

  it("stores the event before applying it, and answers a repeat 200 without applying it again", async () => {
    testStripe().setDelivery(false);
    const product = await createProduct();
    const { sessionId } = await buy({ tierId: product.tiers[0]!.id });
    const event = fixtureEvent("checkout.session.completed.event.json", { id: sessionId });

    expect(await (await postStripeEvent(event)).json()).toEqual({
      received: true,
      outcome: "processed",
    });
    expect(await (await postStripeEvent(event)).json()).toEqual({
      received: true,
      outcome: "duplicate",
    });
    const stored = await storedEvent(event.id);
    expect(stored).toMatchObject({ status: "PROCESSED", attempts: 1, lastError: null });
    expect((stored!.payload as { id: string }).id).toBe(event.id);
    expect(stored!.processedAt).toBeInstanceOf(Date);
  });

  it("records a permanent failure on the event for an admin and answers 200", async () => {
    const session = await new Stripe(testStripe().secretKey, {
      host: "127.0.0.1",
      port: new URL(testStripe().url).port,
      protocol: "http",
    }).checkout.sessions.create({
      mode: "payment",
      line_items: [
        {
          quantity: 1,
          price_data: {
            currency: "usd",
            unit_amount: 500,
            product_data: { name: "Made elsewhere" },
          },
        },
      ],
      metadata: { tierId: "no-such-tier", priceCents: "500" },
      success_url: "http://localhost:3000/done",
    });
    testStripe().setDelivery(false);
    testStripe().emulator.pay(session.id, { email: "elsewhere@example.com" });
    const event = fixtureEvent("checkout.session.completed.event.json", { id: session.id });

    const response = await postStripeEvent(event);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: true, outcome: "failed" });
    const stored = await storedEvent(event.id);
    expect(stored?.status).toBe("FAILED");
    expect(stored?.lastError).toMatch(/^UNKNOWN_TIER: .*names tier "no-such-tier"/);
    expect(await db.purchase.count({ where: { sourceOrderId: session.id } })).toBe(0);
  });

  it("refuses to license a session whose charge does not match the tier's price", async () => {
    const product = await createProduct();
    const tier = product.tiers[0]!;
    const client = new Stripe(testStripe().secretKey, {
      host: "127.0.0.1",
      port: new URL(testStripe().url).port,
      protocol: "http",
    });
    const session = await client.checkout.sessions.create({
      mode: "payment",
      line_items: [
        {
          quantity: 1,
          price_data: { currency: "usd", unit_amount: 1, product_data: { name: "Tampered" } },
        },
      ],
      metadata: { tierId: tier.id, priceCents: String(tier.priceCents) },
      success_url: "http://localhost:3000/done",
    });
    testStripe().setDelivery(false);
    testStripe().emulator.pay(session.id, { email: "cheap@example.com" });
    const event = fixtureEvent("checkout.session.completed.event.json", { id: session.id });
    expect((await postStripeEvent(event)).status).toBe(200);
    expect((await storedEvent(event.id))?.lastError).toMatch(/^AMOUNT_MISMATCH/);
    expect(await db.license.count({ where: { customerEmail: "cheap@example.com" } })).toBe(0);
  });

  it("answers 5xx on a transient failure so Stripe retries, and applies the retry", async () => {
    testStripe().setDelivery(false);
    const product = await createProduct();
    const { sessionId } = await buy({ tierId: product.tiers[0]!.id });
    const event = fixtureEvent("checkout.session.completed.event.json", { id: sessionId });

    testStripe().failNextRequests(3);
    const first = await postStripeEvent(event);
    expect(first.status).toBe(503);
    expect((await first.json()).error.code).toBe("WEBHOOK_PROCESSING_FAILED");
    expect(await storedEvent(event.id)).toMatchObject({ status: "FAILED", attempts: 1 });

    expect((await postStripeEvent(event)).status).toBe(200);
    expect(await storedEvent(event.id)).toMatchObject({
      status: "PROCESSED",
      attempts: 2,
      lastError: null,
    });
    expect(await db.license.count({ where: { purchase: { sourceOrderId: sessionId } } })).toBe(1);
  });
});

describe("POST /api/webhooks/stripe, delivered by the emulator", () => {
  it("is retried by the emulator until the app answers 2xx", async () => {
    const product = await createProduct();
    const { createCheckoutSession } = await import("@/lib/payments/create-checkout-session");
    const { url } = await createCheckoutSession({ tierId: product.tiers[0]!.id });
    const sessionId = url.split("/").pop()!;
    // Stripe's API is down when the first delivery arrives (the SDK's own retries included), so the
    // app answers 503 and the emulator delivers again after 50 ms.
    testStripe().failNextRequests(3);
    testStripe().emulator.pay(sessionId, { email: "retry@example.com" });
    await testStripe().settled();
    const purchase = await db.purchase.findFirst({
      where: { sourceOrderId: sessionId },
      include: { licenses: true },
    });
    expect(purchase?.status).toBe("PAID");
    expect(purchase?.licenses).toHaveLength(1);
    const event = await db.webhookEvent.findFirst({
      where: {
        type: "checkout.session.completed",
        payload: { path: ["data", "object", "id"], equals: sessionId },
      },
    });
    expect(event?.attempts).toBeGreaterThanOrEqual(2);
  });
});
