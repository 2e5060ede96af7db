import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createProduct } from "@/test/factories";
import { buy, testStripe } from "@/test/stripe";
import { fulfillCheckoutOnReturn } from "./fulfill-checkout-on-return";

afterEach(() => testStripe().setDelivery(true));

describe("the checkout success page's outcome", () => {
  it("shows the key even when the webhook has not arrived yet", async () => {
    testStripe().setDelivery(false);
    const product = await createProduct();
    const { sessionId } = await buy({ tierId: product.tiers[1]!.id, email: "early@example.com" });
    expect(await db.purchase.count({ where: { sourceOrderId: sessionId } })).toBe(0);

    const outcome = await fulfillCheckoutOnReturn({ sessionId });
    expect(outcome).toMatchObject({
      state: "paid",
      customerEmail: "early@example.com",
      tierName: "Commercial",
      tierSlug: "commercial",
    });
    const licenses = "licenses" in outcome ? outcome.licenses : [];
    expect(licenses).toHaveLength(1);
    expect(licenses[0]!.key).toMatch(/^TEST-/);
    expect(licenses[0]!.certificate).toMatch(/^[\w-]+\.[\w-]+$/);

    // The same page reloaded, or the webhook arriving now, changes nothing.
    expect(await fulfillCheckoutOnReturn({ sessionId })).toEqual(outcome);
    expect(await db.license.count({ where: { purchase: { sourceOrderId: sessionId } } })).toBe(1);
  });

  it("says a delayed payment is processing", async () => {
    const product = await createProduct();
    const { sessionId } = await buy({ tierId: product.tiers[0]!.id, delayed: true });
    expect(await fulfillCheckoutOnReturn({ sessionId })).toEqual({ state: "processing" });
  });

  it("says an open session is unpaid, and an unknown or malformed one is not found", async () => {
    const product = await createProduct();
    const { createCheckoutSession } = await import("@/lib/payments/create-checkout-session");
    const { url } = await createCheckoutSession({ tierId: product.tiers[0]!.id });
    expect(await fulfillCheckoutOnReturn({ sessionId: url.split("/").pop()! })).toEqual({
      state: "unpaid",
    });
    expect(await fulfillCheckoutOnReturn({ sessionId: "cs_test_doesnotexist123" })).toEqual({
      state: "not_found",
    });
    expect(await fulfillCheckoutOnReturn({ sessionId: "'; DROP TABLE x" })).toEqual({
      state: "not_found",
    });
  });

  it("shows a refunded purchase as refunded with its revoked key", async () => {
    const product = await createProduct();
    const { sessionId, paymentIntentId } = await buy({ tierId: product.tiers[0]!.id });
    testStripe().emulator.refund({ payment_intent: paymentIntentId });
    await testStripe().settled();
    const outcome = await fulfillCheckoutOnReturn({ sessionId });
    expect(outcome.state).toBe("refunded");
    expect("licenses" in outcome && outcome.licenses.map((license) => license.status)).toEqual([
      "REVOKED",
    ]);
  });
  it("shows the key and email for 24 hours after payment, then asks the buyer to sign in", async () => {
    const product = await createProduct();
    const { sessionId } = await buy({ tierId: product.tiers[0]!.id, email: "later@example.com" });
    const { paidAt } = await db.purchase.findFirstOrThrow({ where: { sourceOrderId: sessionId } });
    const after = (hours: number) => new Date(paidAt!.getTime() + hours * 3_600_000);

    const shown = await fulfillCheckoutOnReturn({ sessionId, now: after(23.9) });
    expect(shown).toMatchObject({ state: "paid", customerEmail: "later@example.com" });
    expect(await fulfillCheckoutOnReturn({ sessionId, now: after(24.1) })).toEqual({
      state: "sign_in",
    });

    // A purchase paid 25 hours ago, seen with today's clock.
    await db.purchase.updateMany({
      where: { sourceOrderId: sessionId },
      data: { paidAt: new Date(Date.now() - 25 * 3_600_000) },
    });
    expect(await fulfillCheckoutOnReturn({ sessionId })).toEqual({ state: "sign_in" });
  });
});
