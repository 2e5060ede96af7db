import Stripe from "stripe";
import { expect, it } from "vitest";
import { db } from "@/lib/db";
import { createCheckoutSession } from "@/lib/payments/create-checkout-session";
import { createProduct } from "@/test/factories";
import { readSharedJson } from "@/test/shared-fixtures";
import {
  buy,
  describeWithStripeFixtures,
  fixtureEvent,
  postStripeEvent,
  testStripe,
} from "@/test/stripe";

/**
 * `checkout.session.expired` about `sessionId`: Stripe's own session fixture, expired, in Stripe's
 * event envelope (no real capture of this event is in ../shared/fixtures: see its SOURCES.md).
 */
function expiredEvent(sessionId: string) {
  const session = readSharedJson<Record<string, unknown>>("stripe", "checkout.session.unpaid.json");
  return fixtureEvent(
    "event.json",
    { ...session, id: sessionId, status: "expired" },
    "checkout.session.expired",
  );
}

const purchaseOf = (sessionId: string) =>
  db.purchase.findFirst({ where: { sourceOrderId: sessionId }, include: { licenses: true } });

describeWithStripeFixtures("checkout.session.expired", () => {
  it("marks a pending purchase abandoned, and it is never licensed", async () => {
    const product = await createProduct();
    const { sessionId } = await buy({ tierId: product.tiers[0]!.id, delayed: true });
    expect((await purchaseOf(sessionId))?.status).toBe("PENDING");

    const response = await postStripeEvent(expiredEvent(sessionId));
    expect(await response.json()).toEqual({ received: true, outcome: "processed" });
    const purchase = await purchaseOf(sessionId);
    expect([purchase?.status, purchase?.licenses.length]).toEqual(["ABANDONED", 0]);
    expect(
      await db.auditLog.findMany({
        where: { entityId: purchase!.id, action: "purchase.abandoned" },
        select: { before: true, after: true },
      }),
    ).toEqual([{ before: { status: "PENDING" }, after: { status: "ABANDONED" } }]);
  });

  it("never touches a paid purchase", async () => {
    const product = await createProduct();
    const { sessionId } = await buy({ tierId: product.tiers[0]!.id });
    await postStripeEvent(expiredEvent(sessionId));
    const purchase = await purchaseOf(sessionId);
    expect([purchase?.status, purchase?.licenses.map((license) => license.status)]).toEqual([
      "PAID",
      ["ACTIVE"],
    ]);
  });

  it("is what the Stripe emulator sends when an open session expires, and records nothing", async () => {
    const product = await createProduct();
    const { url } = await createCheckoutSession({ tierId: product.tiers[0]!.id });
    const sessionId = url.split("/").pop()!;
    const client = new Stripe(testStripe().secretKey, {
      host: "127.0.0.1",
      port: new URL(testStripe().url).port,
      protocol: "http",
    });
    expect((await client.checkout.sessions.expire(sessionId)).status).toBe("expired");
    await testStripe().settled();
    const event = await db.webhookEvent.findFirst({
      where: {
        type: "checkout.session.expired",
        payload: { path: ["data", "object", "id"], equals: sessionId },
      },
    });
    expect(event?.status).toBe("PROCESSED");
    expect(await purchaseOf(sessionId)).toBeNull();
  });
});
