import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { CHECKOUT_REQUEST_LIMITS } from "@/lib/payments/checkout-request-limits";
import { startBuyerCheckout } from "@/lib/payments/start-buyer-checkout";
import { createProduct } from "@/test/factories";
import { testStripe } from "@/test/stripe";
import { lookUpCheckoutReturn } from "./look-up-checkout-return";

let lastOctet = 0;
const newClient = () => `203.0.${Math.floor(Math.random() * 250)}.${(lastOctet++ % 250) + 1}`;
const stripeCalls = () => testStripe().apiRequestCount();

describe("checkout requests from visitors", () => {
  it("never sends a session id of the wrong shape to Stripe", async () => {
    const ip = newClient();
    const before = stripeCalls();
    for (const sessionId of [
      "cs_test_short",
      "cs_abcdefghijklmnop",
      "cs_test_abc_def_ghi_jkl",
      "cs_live_abcdefghij klmnop",
      `cs_test_${"a".repeat(201)}`,
      "pi_test_abcdefghijklmnop",
      "cs_test_abcdefghijkl\u0000",
      "",
    ]) {
      expect(await lookUpCheckoutReturn({ sessionId, ip })).toEqual({ state: "not_found" });
    }
    expect(stripeCalls() - before).toBe(0);
  });

  it("still looks up the ids Stripe (and the local emulator) make", async () => {
    const product = await createProduct();
    const { url } = await startBuyerCheckout({ tierId: product.tiers[0]!.id, ip: newClient() });
    const sessionId = url.split("/").pop()!;
    expect(await lookUpCheckoutReturn({ sessionId, ip: newClient() })).toEqual({
      state: "unpaid",
    });
  });

  it("answers a client's lookups past the limit without asking Stripe", async () => {
    const ip = newClient();
    const unknown = "cs_test_doesnotexist0123456789";
    for (let lookup = 0; lookup < CHECKOUT_REQUEST_LIMITS.lookupsPerMinute; lookup += 1)
      expect(await lookUpCheckoutReturn({ sessionId: unknown, ip })).toEqual({
        state: "not_found",
      });
    const before = stripeCalls();
    expect(await lookUpCheckoutReturn({ sessionId: unknown, ip })).toEqual({
      state: "rate_limited",
    });
    expect(stripeCalls() - before).toBe(0);
    // Another client is not affected.
    expect(await lookUpCheckoutReturn({ sessionId: unknown, ip: newClient() })).toEqual({
      state: "not_found",
    });
  });

  it("starts at most 20 checkouts a minute for one client", async () => {
    const product = await createProduct();
    const ip = newClient();
    const before = stripeCalls();
    for (let start = 0; start < CHECKOUT_REQUEST_LIMITS.startsPerMinute; start += 1)
      await startBuyerCheckout({ tierId: product.tiers[0]!.id, ip });
    const refused = await startBuyerCheckout({ tierId: product.tiers[0]!.id, ip }).catch(
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe("RATE_LIMITED");
    expect(stripeCalls() - before).toBe(CHECKOUT_REQUEST_LIMITS.startsPerMinute);
  });
});
