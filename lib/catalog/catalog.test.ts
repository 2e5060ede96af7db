import { describe, expect, it } from "vitest";
import { startCheckout } from "@/app/(storefront)/pricing/actions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { createProduct } from "@/test/factories";
import { findPurchasableTier } from "./find-purchasable-tier";
import { listCatalog } from "./list-catalog";

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

  it("says checkout is not available yet for a tier that can be bought", async () => {
    const product = await createProduct();
    const state = await startCheckout({}, form(product.tiers[0]!.id));
    expect(state.error?.code).toBe("CHECKOUT_UNAVAILABLE");
    expect(state.error?.message).toMatch(/Nothing was charged/);
  });
});
