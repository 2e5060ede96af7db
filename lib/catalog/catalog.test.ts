import { describe, expect, it, vi } from "vitest";
import { startCheckout } from "@/app/(storefront)/pricing/actions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { createProduct } from "@/test/factories";
import { testStripe } from "@/test/stripe";
import { findPurchasableTier } from "./find-purchasable-tier";
import { listCatalog } from "./list-catalog";

// The action reads the client address from the request; here there is no request, only the action.
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));

describe("listCatalog", () => {
  it("lists active products with their active tiers in personal, commercial, premium order", async () => {
    const product = await createProduct({ inactiveTiers: ["COMMERCIAL"] });
    const hidden = await createProduct({ active: false });

    const catalog = await listCatalog();
    const listed = catalog.find((entry) => entry.id === product.id);
    expect(listed?.tiers.map((tier) => [tier.kind, tier.priceCents, tier.currency])).toEqual([
      ["personal", 1099, "usd"],
      ["premium", 3099, "usd"],
    ]);
    expect(catalog.some((entry) => entry.id === hidden.id)).toBe(false);
  });

  it("reflects a price change in the database", async () => {
    const product = await createProduct();
    const premium = product.tiers[2]!;
    await db.tier.update({ where: { id: premium.id }, data: { priceCents: 12345 } });
    const listed = (await listCatalog()).find((entry) => entry.id === product.id);
    expect(listed?.tiers.find((tier) => tier.id === premium.id)?.priceCents).toBe(12345);
  });
});

describe("findPurchasableTier", () => {
  it("returns an active tier of an active product", async () => {
    const product = await createProduct();
    const tier = await findPurchasableTier({ tierId: product.tiers[0]!.id });
    expect(tier.product.slug).toBe(product.slug);
  });

  it("refuses inactive tiers, inactive products and unknown ids with TIER_NOT_AVAILABLE", async () => {
    const withInactiveTier = await createProduct({ inactiveTiers: ["PREMIUM"] });
    const inactiveProduct = await createProduct({ active: false });
    for (const tierId of [
      withInactiveTier.tiers[2]!.id,
      inactiveProduct.tiers[0]!.id,
      "doesnotexist",
    ]) {
      const error = await findPurchasableTier({ tierId }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("TIER_NOT_AVAILABLE");
      expect((error as AppError).status).toBe(409);
    }
  });
});

describe("the pricing page's checkout action", () => {
  const form = (tierId: string) => {
    const data = new FormData();
    data.set("tierId", tierId);
    return data;
  };

  it("answers a tampered form with a validation error", async () => {
    expect(await startCheckout({}, form('x\'; DROP TABLE "Tier"; --'))).toEqual({
      error: {
        code: "VALIDATION_FAILED",
        message: "That license could not be found. Please reload the page.",
      },
    });
  });

  it("redirects to a Stripe Checkout Session for the tier, with the buyer's email prefilled", async () => {
    const product = await createProduct();
    const tier = product.tiers[1]!;
    const data = form(tier.id);
    data.set("email", "prefill@example.com");
    const redirect = (await startCheckout({}, data).catch((error: unknown) => error)) as {
      digest?: string;
    };
    const url = redirect.digest?.split(";")[2] ?? "";
    expect(url).toMatch(new RegExp(`^${testStripe().url}/checkout/cs_test_`));

    const session = testStripe().emulator.retrieveCheckoutSession(url.split("/").pop()!, [
      "line_items",
    ]);
    expect(session).toMatchObject({
      mode: "payment",
      currency: "usd",
      amount_total: tier.priceCents,
      customer_email: "prefill@example.com",
      metadata: { tierId: tier.id, productId: product.id, priceCents: String(tier.priceCents) },
      success_url: "http://localhost:3000/checkout/success?session_id={CHECKOUT_SESSION_ID}",
      cancel_url: `http://localhost:3000/pricing#${product.slug}`,
    });
  });

  it("creates no session for an inactive tier, and says why", async () => {
    const product = await createProduct({ inactiveTiers: ["PREMIUM"] });
    const before = Object.keys(
      testStripe().emulator.listCheckoutSessions({}).data as object[],
    ).length;
    const state = await startCheckout({}, form(product.tiers[2]!.id));
    expect(state.error).toEqual({
      code: "TIER_NOT_AVAILABLE",
      message:
        "This license is not available for purchase. Please choose another one on the pricing page.",
    });
    expect(
      Object.keys(testStripe().emulator.listCheckoutSessions({}).data as object[]).length,
    ).toBe(before);
  });

  it("says so when Stripe cannot be reached, and nothing is charged", async () => {
    const product = await createProduct();
    testStripe().failNextRequests(3);
    const state = await startCheckout({}, form(product.tiers[0]!.id));
    expect(state.error?.code).toBe("PAYMENT_PROVIDER_ERROR");
  });
});
